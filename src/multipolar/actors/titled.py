"""Rule actors.titled_name: a person the gazetteer does not know, named right after a title the resolver places
("Kenyan Foreign Minister Abel Mwangi", "Brazil's Trade Minister Ana Souza"; "Prime Minister Ana Souza of Brazil",
placed by actors/context.py), acts for that title's government,
and so does each later mention of their surname in the document ("Mwangi criticized ...", "Ms. Souza said ...",
"Prime Minister Souza thanked ...").

News style names an official in full once, with the title, and by surname after; without this rule every later
sentence of theirs had no source. A surname that two such people share, or that the resolver places itself, is
left alone. Rule actors.title_anaphor (`title_anaphors`): a bare title with "the" ("the Prime Minister", "the
Chancellor") is the person the document last named with that title. Used by events/syntax.py (`actor_map`)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from multipolar.actors.gazetteer import BUNDLED_LEXICON, load_lexicon
from multipolar.actors.mentions import ActorMatch

if TYPE_CHECKING:
    from spacy.tokens import Doc

KIND = "titled_person"
MAX_NAME = 4  # tokens of a full name after its title


@lru_cache(maxsize=1)
def _title_phrases() -> tuple[tuple[str, ...], ...]:
    """The gazetteer's titles as lower-case word tuples, longest first ("vice president" before "president")."""
    phrases = {tuple(t.lower().split()) for t in load_lexicon(BUNDLED_LEXICON).titles}
    return tuple(sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """The last words of the titles ("president", "minister"): "President Doe" later names Jane Doe."""
    return frozenset(p[-1] for p in _title_phrases())


@lru_cache(maxsize=1)
def _title_parts() -> frozenset[str]:
    """Every word of the titles ("prime", "minister", "foreign"): a bare title's words."""
    return frozenset(w for p in _title_phrases() for w in p)


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    """The gazetteer's honorifics ("Mr.", "Ms.", "Dr.", "Sheikh"), lower-cased: they may stand before a surname."""
    return frozenset(h.lower() for h in load_lexicon(BUNDLED_LEXICON).honorifics)


def _match(doc: Doc, start: int, end: int, title: Any, person: str) -> ActorMatch:
    span = doc[start:end]
    return ActorMatch(start=start, end=end, start_char=span.start_char, end_char=span.end_char, text=span.text,
                      actor_code=title.actor_code, country=title.country, person=person, kind=KIND)


def _name_after(doc: Doc, title: Any, actors: dict[int, Any]) -> tuple[int, int] | None:
    """The run of name tokens right after a title mention, or None."""
    j = title.end
    while j < len(doc) and j - title.end < MAX_NAME and j not in actors and doc[j].pos_ == "PROPN" \
            and doc[j].text[:1].isupper() and not doc[j].text.isupper() and doc[j].text.isalpha() \
            and doc[j].ent_type_ in ("PERSON", ""):  # "II", "JR": a numeral or suffix is no surname
        j += 1
    return (title.end, j) if j > title.end else None


def titled_names(doc: Doc, actors: dict[int, Any], matches: Sequence[Any]) -> None:
    """Add (in place, never over an actor already there) the titled people's names and later surnames. Titles
    are the resolver's own role `matches` ("Kenyan Foreign Minister": a title its words place), not a bare title
    a context placed ("King" beside "Gaza")."""
    titles = sorted((m for m in matches if m.kind == "role" and m.person is None), key=lambda m: m.start)
    surnames: dict[str, tuple[Any, str, int]] = {}
    ambiguous: set[str] = set()
    # "Prime Minister Jane Doe of Peru": placed by its "of" phrase (actors/context.py), named in full already
    for m in {id(m): m for m in actors.values() if m.kind == KIND and m.person}.values():
        surnames.setdefault(doc[m.end - 1].text, (m, m.person, m.end))
    for title in titles:
        found = _name_after(doc, title, actors)
        if found is None:
            continue
        start, end = found
        person = doc[start:end].text
        surname = doc[end - 1].text
        seen = surnames.get(surname)
        if seen is not None and seen[0].actor_code != title.actor_code:
            ambiguous.add(surname)
        surnames.setdefault(surname, (title, person, end))
        mention = _match(doc, start, end, title, person)
        for i in range(start, end):
            actors.setdefault(i, mention)
    for surname, (title, person, after) in surnames.items():
        if surname in ambiguous:
            continue
        for tok in doc[after:]:
            if tok.text != surname or tok.pos_ != "PROPN":
                continue
            held = actors.get(tok.i)
            # a bare title before the surname, placed by its sentence's country alone ("Prime Minister Doe ...
            # criticized Syria's ...": actors/context.py, the resolver's roles) gives way to the person the
            # document named in full
            if held is not None and not (held.kind in ("context", "role") and held.person is None
                                         and held.end == tok.i + 1
                                         and all(t.lower_ in _title_parts() for t in doc[held.start:tok.i])):
                continue
            before = doc[tok.i - 1] if tok.i > 0 else None
            if (before is not None and before.pos_ == "PROPN" and before.lower_ not in _honorifics()
                    and before.lower_ not in _title_words()):
                continue  # another person's name that ends the same way ("President Doe" is Jane Doe again)
            lo, hi = (held.start, held.end) if held is not None else (tok.i, tok.i + 1)
            mention = _match(doc, lo, hi, title, person)
            for i in range(lo, hi):
                actors[i] = mention


ANAPHOR = "title_anaphor"
WINDOW = 4  # words before a person's name searched for the title they were named with


def _title_at(doc: Doc, i: int, limit: int) -> tuple[str, ...] | None:
    """The longest title whose words start at token i and end at or before `limit`."""
    for phrase in _title_phrases():
        end = i + len(phrase)
        if end <= limit and all(doc[i + k].lower_ == w for k, w in enumerate(phrase)):
            return phrase
    return None


def _named_title(doc: Doc, m: Any) -> tuple[str, ...] | None:
    """The title a person's mention was named with: the longest one ending right before the name or inside it
    ("Vice President Harris", "Prime Minister Lee Hsien Loong of Singapore")."""
    best: tuple[str, ...] | None = None
    for i in range(max(0, m.start - WINDOW), m.end):
        phrase = _title_at(doc, i, m.end)
        if phrase is not None and (i + len(phrase) == m.start or i >= m.start) and len(phrase) > len(best or ()):
            best = phrase
    return best


def title_anaphors(doc: Doc, actors: dict[int, Any]) -> None:
    """Rule actors.title_anaphor (in place, only on words no actor holds): "the Prime Minister", "the Chancellor"
    with no name or "of" phrase after it is the person the document last named with that very title before it
    ("Vice President Harris met Prime Minister Lee of Singapore. The Vice President and the Prime Minister
    discussed ..."). An official statement's own titles ("the President" in a White House readout) are its
    issuer's (actors/issuer.py) and are placed before this rule runs."""
    named: list[tuple[int, tuple[str, ...], Any]] = []
    for m in {id(m): m for m in actors.values()}.values():
        if m.person and m.kind in ("person", "role", KIND) and len(m.country) == 3:
            title = _named_title(doc, m)
            if title is not None:
                named.append((m.start, title, m))
    if not named:
        return
    named.sort(key=lambda x: x[0])
    for tok in doc:
        if tok.lower_ != "the" or tok.i + 1 >= len(doc):
            continue
        title = _title_at(doc, tok.i + 1, len(doc))
        if title is None:
            continue
        start, end = tok.i + 1, tok.i + 1 + len(title)
        after = doc[end] if end < len(doc) else None
        if (after is not None and (after.pos_ == "PROPN" or after.lower_ in ("of", "-"))) or any(
                i in actors for i in range(start, end)):
            continue  # "the President of Kenya", "the Prime Minister Jane Doe": the resolver's to place
        earlier = [m for at, t, m in named if t == title and at < tok.i]
        if not earlier:
            continue
        m = earlier[-1]
        span = doc[start:end]
        mention = ActorMatch(start=start, end=end, start_char=span.start_char, end_char=span.end_char, text=span.text,
                             actor_code=m.actor_code, country=m.country, person=m.person, kind=ANAPHOR)
        for i in range(start, end):
            actors[i] = mention
