"""Who an act is between: the (source, target) pairs of a trigger's parties (`pairs_of`), mutual and
reciprocal acts, and the parties a sentence implies without naming them (a protest's own government, the
unidentified armed forces behind a roadside bomb); and the two parties an "A-B" modifier names (`hyphen_pair`,
rule syntax.hyphen_pair, moved here from events/syntax.py so that each module stays short)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from multipolar.actors.gazetteer import COLLECTIVE_PREFIXES
from multipolar.events import mood, syntax
from multipolar.events.rulebook import is_state_mention

if TYPE_CHECKING:
    from spacy.tokens import Token

    from multipolar.events.triggers import Trigger

SYMMETRIC_ROOTS = {"03", "04", "06", "19"}


# 019 (express accord): two parties named together who "agreed on the need", "shared the concern" or "see eye to eye"
# express it toward each other, one event each way
SYMMETRIC_CODES = {"050", "057", "087", "0871", "084", "190", "161", "160", "019"}


# rule `pairs.mutual_with`: an act done "with" a partner that both parties do together is mutual, one event each
# way: a call (041); between two states also a meeting at a third place (044), negotiations (046), diplomatic
# cooperation (050), joint military exercises or operations (062). Not a visit (042, 043: one side travels),
# mediation (045), giving or sharing (061, 064: one side gives), nor a plain meeting (040: "met with" is the
# visitor's act, CAMEO's convention) or a signed agreement (057: "ratified an agreement with" is the state's own
# act, and a copy each way fails the month floor of tests/events/test_realnews_gate.py on the White House set)
MUTUAL_WITH_CODES = {"041", "044", "046", "050", "062"}


# acts two parties named together as "A-B" do jointly (rule syntax.hyphen_pair): those above, talks, agreements
JOINT_CODES = MUTUAL_WITH_CODES | {"040", "057"}


ASSAULT_ROOTS = ("18", "19", "20")


KILL_CODE = "1823"  # kill by unspecified means


# what kills when no one is named as the attacker: "a roadside bomb killed", "killed by a landmine"
BLAST_NOUNS = frozenset({
    "bomb", "bombing", "blast", "explosion", "device", "mine", "landmine", "rocket", "missile", "shell",
    "mortar", "grenade", "shelling", "ied", "car", "attack", "bomber", "gunfire", "fire", "shot", "explosive",
    "drone", "airstrike", "strike", "ambush", "sniper", "gunman", "gunmen", "attacker", "assailant", "raid",
    "bombardment", "clash", "fighting", "battle", "offensive", "assault", "crossfire", "artillery",
})


FORCE_PLACE_PREPS = ("in", "outside", "near", "around", "off", "inside")  # where a show of force happens
PLACE_PREPS = syntax.WHERE_PREPS | {"on", "across"}  # where force was used: also "on the border", "across the line"


ARMED_SECTORS = ("MIL", "REB", "UAF")


# a state's concession or coercion that names no one it is aimed at ("lifted the state of emergency",
# "imposed a curfew", "arrested dozens") is aimed at its own people
DOMESTIC_ROOTS = ("08", "17")


_STATE_SECTORS = ("GOV", "MIL", "LEG", "JUD", "COP", "SPY")


@dataclass(frozen=True, slots=True)
class Implied:
    """A party the sentence implies without naming it (a protest's own government)."""

    actor_code: str
    country: str
    person: None = None
    text: None = None


def pairs_of(trig: Trigger, srcs: list[Any], tgts: list[Any], actors: syntax.Actors, *,
             stand_in: bool) -> list[tuple[Any, Any | None]]:
    """The (source, target) events of a trigger's parties; a protest, show of force, coercion or concession
    aimed at no one named gets its implied target."""
    tok = trig.tok
    pairs: list[tuple[Any, Any | None]] = []
    reciprocal = not tgts and len(srcs) > 1 and is_symmetric(trig.code) and not _force_with_object(trig)
    if reciprocal:
        pairs = [(a, b) for a in srcs for b in srcs if a is not b and a.actor_code != b.actor_code]
    else:
        pairs = [(s, t) for s in srcs for t in (tgts or [None]) if t is None or t.actor_code != s.actor_code or t is not s]
        pairs = [(s, t if t is not None and t.actor_code != s.actor_code else None) for s, t in pairs]
        if not pairs:  # every target found was the source itself: the act has no other party
            pairs = [(s, None) for s in srcs]
        if code_is_mutual(trig.code) and not stand_in and not _negated_clause(tok):
            # "Putin held a call with Xi", "Kenya signed a deal with Ethiopia": one event each way
            back = [(t, s) for s, t in list(pairs) if t is not None and _via_with(t, tok) and (t, s) not in pairs
                    and (trig.code == "041" or (is_state_mention(s) and is_state_mention(t)))]
            trig.mutual_with = {(t.actor_code, s.actor_code) for t, s in back}
            pairs += back
    if trig.code[:2] == "14":
        # a protest that names no one it is against is addressed to the authorities of the protesters'
        # own country (the CAMEO convention for domestic demonstrations, strikes and riots)
        where = _place_of(tok, actors)
        pairs = [(s, t if t is not None else (where if where is not None and where.country != s.country
                                               else _own_side(s, state=False))) for s, t in pairs]
    elif trig.code[:2] == "15":
        # a show or build-up of force aimed at no one named is aimed at the foreign country where it
        # happens ("military exercises in the Baltic states", "drills near Taiwan")
        # ("deployed troops in Kashmir": its own troops are what is moved, not whom it is aimed at); also
        # around, off or inside it ("drills around Taiwan", "naval exercises off Japan")
        where = _place_of(tok, actors, words=FORCE_PLACE_PREPS)
        pairs = [(s, None if t is not None and t.country == s.country and sector(t) == "MIL" else t)
                 for s, t in pairs]
        pairs = [(s, t if t is not None or where is None or where.country == s.country else where)
                 for s, t in pairs]
    elif trig.code[:2] in DOMESTIC_ROOTS:
        pairs = [(s, t if t is not None else _own_side(s, state=True)) for s, t in pairs]
    if (trig.code == KILL_CODE and tgts and all(sector(t) == "MIL" for t in tgts)
            and all(sector(x) in ARMED_SECTORS for x in srcs)):
        trig.code = "190"  # armed forces killing soldiers: conventional military force, not an assault
    return pairs


def _force_with_object(trig: Trigger) -> bool:
    """Rule pairs.co_attackers: force that two parties use on an object of its own ("British and French warplanes
    struck a facility in Syria") is used by both on that object, not by each on the other ("India and Pakistan
    exchanged fire": the object is the trigger's own word, and they fire at each other)."""
    own = {c.value for c in trig.entry.conditions if c.kind == "lemma" and not c.negated}
    return trig.code[:2] in ASSAULT_ROOTS and trig.tok.pos_ == "VERB" and any(
        ch.dep_ == "dobj" and ch.lemma_.lower() not in own for ch in trig.tok.children)


def is_symmetric(code: str) -> bool:
    return code[:2] in SYMMETRIC_ROOTS or code in SYMMETRIC_CODES


def code_is_mutual(code: str) -> bool:
    return code in MUTUAL_WITH_CODES


def is_joint(code: str) -> bool:
    return code in JOINT_CODES


def _negated_clause(tok: Token) -> bool:
    """Whether the trigger, or the verb whose object or prepositional phrase it is, is negated ("would not enter
    into talks with Chile": the refusal is the subject's alone, no mutual act)."""
    x = tok
    for _ in range(4):
        if mood.is_negated(x):
            return True
        if x.pos_ in ("VERB", "AUX") or x.head.i == x.i or x.dep_ not in ("dobj", "pobj", "prep", "attr", "nsubjpass"):
            return False
        x = x.head
    return False


def _via_with(m: Any, tok: Token) -> bool:
    """Whether the mention `m` is the object of a "with" that hangs from the trigger's phrase (or the last of
    such a list, hung from the trigger as its conjunct: rule syntax.list_tail)."""
    doc = tok.doc
    x = doc[m.start:m.end].root
    for _ in range(8):
        if x.dep_ == "conj" and x.head.i == tok.i:
            return any(t.dep_ == "prep" and t.lower_ == "with" and t.i < x.i for t in tok.subtree)
        if x.i == tok.i or x.head.i == x.i:
            return False
        if x.dep_ == "prep":
            return x.lower_ == "with"
        x = x.head
    return False


def sector(match: Any) -> str:
    return match.actor_code[3:6]


def _subject_of(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ in ("nsubj", "csubj")), None)


def weapon_of(tok: Token) -> Token | None:
    """The weapon or blast a violent verb names as its instrument: the subject ("a roadside bomb killed"),
    the agent ("killed by a landmine") or the occasion ("killed in Israeli shelling"), also where a passive
    verb shares it with a later conjunct ("were killed and dozens hurt in the French attack")."""
    subject = _subject_of(tok)
    if subject is not None:
        return subject if subject.lemma_.lower() in BLAST_NOUNS else None
    shared = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.tag_ == "VBN"
              and not any(g.dep_ == "dobj" for g in c.children)] if tok.tag_ == "VBN" else []
    for holder in [tok, *shared]:
        for prep in holder.children:
            if prep.dep_ in ("agent", "prep") and prep.lower_ in ("by", "in", "during"):
                weapon = next((c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in BLAST_NOUNS), None)
                if weapon is not None or prep.dep_ == "agent":
                    return weapon
    return None


def occasion_weapon(tok: Token) -> Token | None:
    """The blast or strike an "in"/"during"/"by" phrase of a violent verb names, whatever its subject ("40 killed in
    US attack": where the parser took the number of dead for the subject, `weapon_of` looks no further)."""
    return next((o for o in prep_objects([tok], ("in", "during", "by")) if o.lemma_.lower() in BLAST_NOUNS), None)


def owner_of_weapon(weapon: Token, actors: syntax.Actors) -> Any | None:
    """The state a weapon's or strike's own modifier names ("Israeli shelling", "a Russian missile"), else the
    other side of a "with" phrase ("in clashes with Houthi rebels")."""
    owner = next((actors[m.i] for m in weapon.children if m.dep_ in ("amod", "compound", "poss", "nmod")
                  and m.i in actors), None)
    if owner is None:
        owner = next((syntax.actor_of(o, actors) for p in weapon.children if p.dep_ == "prep" and p.lower_ == "with"
                      for o in p.children if o.dep_ == "pobj" and syntax.actor_of(o, actors) is not None), None)
    return owner


def occasion_agent(tok: Token, actors: syntax.Actors) -> Any | None:
    """Rule roles.occasion_agent: who did a passive act of coercion with no agent of its own, where the strike
    or raid it happened in names its owner ("he was captured during American strikes", "the tanker was seized
    in a French raid"): that owner; None otherwise."""
    weapon = weapon_of(tok) if tok.pos_ == "VERB" and tok.tag_ == "VBN" else None
    if weapon is None or weapon.i in actors or weapon.lemma_.lower() not in BLAST_NOUNS:
        return None
    return owner_of_weapon(weapon, actors)


def unidentified_attacker(tok: Token, actors: syntax.Actors, srcs: list[Any], passive: list[Any]) -> Any | None:
    """Who attacked, when the sentence names only the weapon or no one: the weapon's owner where a
    modifier names one ("killed in Israeli shelling"); else the unidentified armed forces (CAMEO `UAF`)
    of the country where it happened, for a weapon or blast as subject or agent ("a roadside bomb near
    Kirkuk killed ...", "were killed by a landmine in Turkey") or a passive without agent ("were shot dead
    in Peshawar"). An actor in a prepositional phrase of the weapon names the place ("a bombing in
    Baghdad"); with no place the victims' country stands in when they are civilians (not soldiers or
    officials, who are often abroad). None when the sentence names the attacker."""
    if tok.pos_ != "VERB":
        return None
    weapon = _subject_of(tok) or weapon_of(tok)
    if weapon is not None:
        if weapon.i in actors or weapon.lemma_.lower() not in BLAST_NOUNS:
            return None
        owner = owner_of_weapon(weapon, actors)
        if owner is not None:
            return owner  # "Israeli tank shelling", "a Russian missile"
    elif srcs or not passive:
        return None
    where = _place_of(tok, actors, holders=[tok] + ([weapon] if weapon is not None else []), words=PLACE_PREPS,
                      skip=weapon.head if weapon is not None else None)
    if where is None:
        victims = passive or [actors[c.i] for c in tok.children if c.dep_ == "dobj" and c.i in actors]
        where = next((v for v in victims if sector(v) not in _STATE_SECTORS), None)
    country = where.actor_code[:3] if where is not None else ""
    if not country.isalpha() or country in COLLECTIVE_PREFIXES:
        return None
    return Implied(actor_code=country + "UAF", country=country)


def _own_side(source: Any, *, state: bool) -> Any | None:
    """The implied other party of an act aimed at no one named within the source's own country: its
    government, for a protest by people who are no organ of the state (state=False); its people, for an
    organ of the state coercing or conceding (state=True); None for anyone else."""
    country = source.actor_code[:3]
    if not country.isalpha() or country in COLLECTIVE_PREFIXES or (sector(source) in _STATE_SECTORS) != state:
        return None
    return Implied(actor_code=country if state else country + "GOV", country=country)


def _place_of(tok: Token, actors: syntax.Actors, *, holders: list[Token] | None = None,
              words: Iterable[str] = ("in", "outside", "near"), skip: Token | None = None) -> Any | None:
    """The actor named as where an act happens: "in Beijing" on the trigger or on the verb that carries
    a nominal trigger ("staged a protest in Beijing"), or on other `holders` (`skip`: a preposition that
    names something else, such as the weapon)."""
    found = (syntax.actor_of(o, actors) for o in prep_objects(holders or carriers(tok), words, skip=skip))
    return next((m for m in found if m is not None), None)


def carriers(tok: Token) -> list[Token]:
    """The trigger, and the verb that carries it when it is a noun object ("staged a protest in Beijing")."""
    return [tok] + ([tok.head] if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "attr") else [])


def prep_objects(holders: Iterable[Token], words: Iterable[str], *, skip: Token | None = None) -> Iterator[Token]:
    """The objects of the prepositions `words` hanging from `holders`, in order (`skip`: a preposition
    left out); a compound preposition gives the object of its second part ("outside of Basra")."""
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in words and prep is not skip:
                objects = [o for o in prep.children if o.dep_ == "pobj"]
                yield from objects or (o for p in prep.children if p.dep_ == "prep" for o in p.children
                                       if o.dep_ == "pobj")


HYPHENS = ("-", "\u2013", "\u2014", "/")


def hyphen_pair(noun: Token, actors: syntax.Actors) -> list[Any]:
    """Rule `syntax.hyphen_pair`: the two parties a noun's modifier names as "A-B" ("the US-China talks", "a
    Modi-Sharif call", "Indo-Pakistani talks" is not read: one word): two mentions of different states joined by a
    hyphen, a dash or a slash before the noun, inside its own phrase. [] when the phrase has no such pair."""
    found: list[Any] = []
    for t in noun.doc[noun.left_edge.i:noun.i]:
        if t.text not in HYPHENS or t.i == 0:
            continue
        before, after = actors.get(t.i - 1), actors.get(t.i + 1)
        if before is None or after is None or before is after or before.country == after.country:
            continue
        if not (noun.left_edge.i <= before.start and after.end <= noun.i):
            continue
        return [before, after]
    return found
