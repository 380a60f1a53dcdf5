"""actors stage: the gazetteer of countries, organisations and dated roles, and the resolver."""

from multipolar.actors.gazetteer import Country, Gazetteer, Lexicon, Organisation, Person, Role
from multipolar.actors.resolver import ActorMatch, ActorResolver

__all__ = ["ActorMatch", "ActorResolver", "Country", "Gazetteer", "Lexicon", "Organisation", "Person", "Role"]
