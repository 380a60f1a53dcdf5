"""Find actor mentions in a parsed spaCy Doc and give each its CAMEO-style actor code.

All lookups are precomputed in `ActorResolver.__init__`: every surface form of the gazetteer (names,
aliases, demonyms, metonyms, nicknames, people's names) is indexed by its leading word and length, so
`resolve` costs one dictionary probe per token plus a few slice comparisons where a leading word is
known. On top of the surface matches it reads small phrases around them:

- `Russian President Vladimir Putin`, `Kremlin foreign policy adviser Yuri Ushakov` → the person;
- `the Russian president`, `China's foreign minister`, `the US secretary of state` → whoever held
  that role on the date (kind "role");
- `his Russian counterpart, Vladimir Putin` and `the Russian president, Vladimir Putin` → the person;
- `Russian troops` → RUSMIL, `Chinese officials` → CHNGOV, `Chinese companies` → CHNBUS (sector nouns
  from `data/sectors.json`), a bare `Chinese` → CHN;
- `then President Joe Biden`, `former President X` → the role of that title, even after it ended;
- surnames and other short forms resolve after a full mention in the same Doc; listed aliases
  ("Putin") resolve on their own when only one person carries them.

A person's code is the actor of the role held on the date `on` (the latest role when `on` is None);
a person with no role on that date resolves to their country code. Named rules here: `actors.one_national`
(a noun for one national, "a Turk", is no actor), `actors.us_state` (actors/homonyms.py: "Atlanta,
Georgia" is the US state, not the country), `actors.named_accord` (actors/homonyms.py: "the Paris
Agreement" names no French act), `actors.place_forename` (actors/homonyms.py: "President Santiago Peña" is no
Chilean act) and `actors.other_forename` (actors/people.py: "Simon Harris"
is not Kamala Harris).

The phrases are read in three places: this module (surface matches, entity phrases, sector nouns after a
demonym, statistical entities), actors/people.py (people and the holders of roles on a date) and
actors/context.py (`context_mentions`: actors placed by the country the context names); actors/mentions.py
holds `ActorMatch` and the pieces they share.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from typing import Any

from multipolar.actors.context import ContextMentions
from multipolar.actors.gazetteer import Gazetteer, Person, Role
from multipolar.actors.homonyms import (
    dateline,
    defined_acronyms,
    english_words,
    local_acronym,
    named_accord,
    named_institution,
    native_american,
    person_surname,
    place_forename,
    us_state,
)
from multipolar.actors.mentions import (
    ActorMatch,
    DocText,
    SurfaceEntry,
    first_non_person,
    leading_word,
    make_match,
    phrase_at,
    token_ends,
    untagged_tokens,
)
from multipolar.actors.people import PersonMentions

__all__ = ["KINDS", "RULER_LABEL", "RULER_NAME", "ActorMatch", "ActorResolver", "token_ends", "untagged_tokens"]

KINDS = ("person", "country", "government", "demonym", "organisation", "role")
RULER_NAME = "actor_ruler"
RULER_LABEL = "ACTOR"

_NER_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_STOP_POS = frozenset({"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "DET", "PRON", "NUM", "PART", "PUNCT"})
_STOP_WORDS = frozenset(
    "and or but to of in on at for with from by as that which who whom whose is are was were be been has have had "
    "will would could should may might can said says say told and/or than while after before about over into".split()
)
_THE = frozenset({"the", "The"})
# rule actors.one_national: a demonym that is only ever a noun for one person ("a Turk", "the Briton", "a
# Swede") names a national, not the state acting (the codebook codes a state by its government, officials,
# military and state bodies), and some are other words too ("the North Pole", "Finn", "the Brit Awards"):
# these are no actor; the plural ("Turks", "Britons") and the adjective ("Turkish") still name the country
ONE_NATIONAL = frozenset(
    {
        "Turk",
        "Briton",
        "Brit",
        "Dane",
        "Finn",
        "Pole",
        "Swede",
        "Spaniard",
        "Icelander",
        "Luxembourger",
        "Liechtensteiner",
        "New Zealander",
        "Solomon Islander",
    }
)


class ActorResolver(PersonMentions, ContextMentions):
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.lexicon = gazetteer.lexicon
        surfaces: dict[str, list[SurfaceEntry]] = defaultdict(list)
        self._shorts: dict[str, tuple[str, ...]] = {}  # person -> the short forms a full mention licenses
        for country in gazetteer.countries.values():
            for text in (country.name, *country.aliases, *country.nicknames):
                _add_surface(surfaces, text, SurfaceEntry("country", country.code))
            for text in country.demonyms:
                if text not in ONE_NATIONAL:  # rule actors.one_national
                    _add_surface(surfaces, text, SurfaceEntry("demonym", country.code))
            for text, code in country.metonyms:
                _add_surface(surfaces, text, SurfaceEntry("government", code))
        for org in gazetteer.organisations.values():
            for text in (org.name, *org.aliases):
                _add_surface(surfaces, text, SurfaceEntry("organisation", org.code))
        non_person = {s for s, entries in surfaces.items() if entries}
        for person in gazetteer.people.values():
            names = (person.name, *person.aliases)
            for text in names:
                _add_surface(surfaces, text, SurfaceEntry("person", "", person.name, True))
            shorts = self._derive_shorts(person, names)
            self._shorts[person.name] = tuple(sorted(shorts))
            for text in shorts:
                if text not in non_person and not any(
                    e.person == person.name for e in surfaces.get(text, ())
                ):
                    surfaces[text].append(SurfaceEntry("person", "", person.name, False))
        self._surfaces: dict[str, tuple[SurfaceEntry, ...]] = {s: tuple(e) for s, e in surfaces.items()}
        self._lengths = _length_index(self._surfaces)
        self._titles = dict(self.lexicon.titles)
        self._title_lengths = _length_index(self._titles)
        self._sector_lengths = _length_index(self.lexicon.sector_nouns)
        self._title_words = frozenset(w for t in self._titles for w in re.split(r"[\s-]+", t))
        self._title_ends = frozenset(t.split()[-1] for t in self._titles)  # "President", "Minister" (place_forename)
        self._holders: dict[tuple[str, str], list[tuple[Person, Role]]] = defaultdict(list)
        for person in gazetteer.people.values():
            for role in person.roles:
                cls = self.lexicon.title_class(role.title)
                key = role.actor if role.actor in gazetteer.organisations else role.actor[:3]
                self._holders[(key, cls)].append((person, role))
        folded: dict[str, set[SurfaceEntry]] = defaultdict(set)
        for text, entries in self._surfaces.items():
            for entry in entries:
                if entry.explicit and (entry.kind != "person" or " " in text):
                    folded[text.casefold()].add(entry)
        self._folded = {k: next(iter(v)) for k, v in folded.items() if len(v) == 1}
        self._blank: Any = None
        self._english: frozenset[str] = frozenset()  # the lemmatizer's words, once in a pipeline (person_surname)

    def __reduce__(self) -> tuple[Any, tuple[Gazetteer]]:
        # pickled as its gazetteer (for process pools and Ray); the indexes are rebuilt in ~50 ms
        return (ActorResolver, (self.gazetteer,))

    # ---------------------------------------------------------------- spaCy integration

    def ruler_patterns(self) -> list[dict[str, str]]:
        """Phrase patterns for an EntityRuler: label "ACTOR", id = "<kind>:<code>" or "person:<name>"."""
        patterns = []
        for text, entries in self._surfaces.items():
            for key in dict.fromkeys(e.key for e in entries if e.explicit):
                patterns.append({"label": RULER_LABEL, "pattern": text, "id": key})
        return patterns

    def surface_forms(self) -> list[str]:
        """Every text `resolve` matches as written on its own: names, aliases, demonyms, metonyms."""
        return [text for text, entries in self._surfaces.items() if any(e.explicit for e in entries)]

    def short_forms(self) -> dict[str, tuple[str, ...]]:
        """Each short form that resolves only after a full mention ("Lavrov"), with the full names that license it."""
        out: dict[str, tuple[str, ...]] = {}
        for text, entries in self._surfaces.items():
            if not any(e.explicit for e in entries):
                people = [self.gazetteer.people[e.person] for e in entries if e.person in self.gazetteer.people]
                out[text] = tuple(dict.fromkeys(n for p in people for n in (p.name, *p.aliases)))
        return out

    def lookup_id(self, pattern_id: str) -> tuple[str, str, str | None]:
        """(kind, actor code or "", person) for a ruler pattern id; a person's code depends on the date."""
        kind, _, value = pattern_id.partition(":")
        if kind == "person":
            return kind, "", value
        return kind, value, None

    def add_to_pipeline(self, nlp: Any) -> None:
        """Add an entity_ruler named "actor_ruler" before "ner" (replacing an earlier one)."""
        if RULER_NAME in nlp.pipe_names:
            nlp.remove_pipe(RULER_NAME)
        where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
        ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config={"validate": False}, **where)
        self._english = english_words(nlp)
        # patterns are tokenised only: running the tagger and parser on thousands of them is slow
        others = [name for name in nlp.pipe_names if name != RULER_NAME]
        with nlp.select_pipes(disable=others):
            ruler.add_patterns(self.ruler_patterns())
        # spaCy checks on every doc that the ruler has patterns by counting all of them (about 0.5 ms a call with
        # ours, and an ingest that parses paragraph by paragraph calls it per piece); it has them, none are removed
        ruler._require_patterns = lambda: None

    # ---------------------------------------------------------------- resolution

    def resolve(self, doc: Any, *, on: date | None) -> list[ActorMatch]:
        """All actor mentions in a Doc (or a Span of one), non-overlapping and sorted by position.

        Call it once per document: short forms ("Putin", "the Russian president") use what the
        earlier text of the same Doc or Span has already named.
        """
        if hasattr(doc, "doc") and doc.doc is not doc:  # a Span
            lo, hi, doc = doc.start, doc.end, doc.doc
        else:
            lo, hi = 0, len(doc)
        if hi <= lo:
            return []
        text = DocText(doc[lo:hi].text if (lo, hi) != (0, len(doc)) else doc.text, doc[lo].idx)
        words = [(tok.idx, tok.text, tok.ent_iob, tok.ent_type) for tok in doc[lo:hi]]
        ends = {w[0] + len(w[1]): n for n, w in enumerate(words, start=lo + 1)}
        base = self._surface_matches(words, lo, hi, text, ends)
        starts = {m[0]: m for m in base}
        tagged = doc.has_annotation("TAG")
        memory: dict[str, str] = {}
        states: set[str] = set()  # names this text has shown to be a US state (rule actors.us_state)
        out: list[ActorMatch] = []
        blocked: list[ActorMatch] = []  # cities naming an accord, forenames, acronyms the text defines
        defined = defined_acronyms(doc, lo, hi)  # rule actors.local_acronym

        def named_in(start: int, end: int) -> list[str]:
            return [e.code for i, j, _, entries in base if i < end and j > start for e in entries if e.code]

        taken_until = lo
        for i, j, surface, entries in base:
            if i < taken_until:
                continue
            entry = first_non_person(entries)
            if entry is None:
                match = self._person_mention(doc, text, i, j, surface, entries, lo, memory, on)
            else:
                match = self._entity_mention(
                    doc, i, j, entry, lo, hi, starts, memory, on, text, ends, tagged, taken_until
                )
            if match is not None and (named_accord(doc, match)  # rule actors.named_accord: "the Paris Agreement"
                                      or place_forename(doc, match, self.lexicon, self._title_ends)  # "President Santiago Peña"
                                      or local_acronym(doc, match, defined, named_in)  # "the Child Protection Compact (CPC)"
                                      or named_institution(doc, match)  # "Seoul National University"
                                      or native_american(doc, match)  # "the Bureau of Indian Affairs"
                                      or person_surname(doc, match, self.lexicon, self._english, out)  # "Lisa Monaco"
                                      or dateline(doc, match)):  # "MOSCOW, March 3 (Reuters) -"
                blocked.append(match)
                taken_until = match.end
            elif match is not None:
                match = us_state(doc, match, lo, out, states)  # rule actors.us_state: "Atlanta, Georgia"
                out.append(match)
                taken_until = match.end
        out.extend(m for m in self._ner_mentions(doc, text, words, lo, out + blocked, on)
                   if not dateline(doc, m))  # "MOSCOW, March 3 (Reuters) -", found by the NER
        out.sort(key=lambda m: m.start)
        return out

    def resolve_text(self, text: str, *, on: date | None) -> ActorMatch | None:
        """The actor named by a bare name or phrase ("Putin", "the Russian president", "Beijing")."""
        if self._blank is None:
            import spacy

            self._blank = spacy.blank("en")
        matches = self.resolve(self._blank(text.strip()), on=on)
        if not matches:
            return None
        return max(matches, key=lambda m: (m.end_char - m.start_char, -m.start))

    # ---------------------------------------------------------------- internals

    def _derive_shorts(self, person: Person, names: tuple[str, ...]) -> set[str]:
        shorts = set()
        for name in names:
            words = name.replace(".", ". ").split()
            if len(words) < 2:
                continue
            for word in (words[0], words[-1]):
                if (
                    len(word) > 1
                    and word[0].isupper()
                    and not word.isupper()
                    and word.lower() not in self.lexicon.titles
                    and word not in self.lexicon.honorifics
                    and not word.endswith(".")
                ):
                    shorts.add(word)
        return shorts

    def _surface_matches(
        self, words: list[tuple[int, str, int, int]], lo: int, hi: int, text: DocText, ends: dict[int, int]
    ) -> list[tuple[int, int, str, tuple[SurfaceEntry, ...]]]:
        found = []
        lengths_of = self._lengths
        surfaces = self._surfaces
        i = lo
        while i < hi:
            p, word = words[i - lo][:2]
            lengths = lengths_of.get(word if word.isalnum() else leading_word(word))
            j = None
            if lengths:
                for length in lengths:
                    j = ends.get(p + length)
                    if j is None or j > hi:
                        continue
                    surface = text.cut(p, p + length)
                    entries = surfaces.get(surface)
                    if entries:
                        found.append((i, j, surface, entries))
                        break
                    j = None
            i = j if j else i + 1
        return found

    def _entity_mention(
        self,
        doc: Any,
        i: int,
        j: int,
        entry: SurfaceEntry,
        lo: int,
        hi: int,
        starts: dict,
        memory: dict[str, str],
        on: date | None,
        text: DocText,
        ends: dict[int, int],
        tagged: bool,
        taken_until: int,
    ) -> ActorMatch | None:
        k = j
        if k < hi and doc[k].text in _POSSESSIVE and entry.kind != "demonym":
            k += 1
        title = phrase_at(self._title_lengths, self._titles, doc, k, hi, text, ends)
        if title is not None:
            canonical, t_end = title
            start = i - 1 if i - 1 >= max(lo, taken_until) and doc[i - 1].text in _THE else i
            person_at = self._person_after(doc, t_end, hi, starts, memory, on)
            if person_at is not None:
                person, p_end = person_at
                past, _ = self._prefix(doc, start, lo, text)
                code = self._person_code(person, on, past=past, title=canonical)
                self._remember(person, memory)
                return make_match(doc, text, start, p_end, code, person.name, "person")
            return self._role_mention(doc, start, t_end, entry, canonical, lo, on, text)
        if entry.kind in ("demonym", "country"):
            sector = self._sector_after(doc, k, hi, text, ends, starts, tagged)
            if sector is not None:
                code, s_end = sector
                return make_match(doc, text, i, s_end, entry.code + code, None, entry.kind)
        return make_match(doc, text, i, j, entry.code, None, entry.kind)

    def _sector_after(
        self, doc: Any, k: int, hi: int, text: DocText, ends: dict[int, int], starts: dict, tagged: bool
    ) -> tuple[str, int] | None:
        """A sector noun within the next three words: ("MIL", end token) for "troops". Rule actors.shared_sector:
        a name joined by "and" / "or" to another that a sector noun follows shares it ("Indian and Pakistani
        troops", "U.S. and Thai companies"); the end token stays this name's own."""
        joined = starts.get(k + 1) if k + 1 < hi and doc[k].lower_ in ("and", "or") else None
        if joined is not None and any(e.kind in ("demonym", "country") for e in joined[3]):
            shared = self._sector_after(doc, joined[1], hi, text, ends, starts, tagged)
            return (shared[0], k) if shared is not None else None
        for step in range(3):
            if k >= hi or k in starts:
                return None
            found = phrase_at(self._sector_lengths, self.lexicon.sector_nouns, doc, k, hi, text, ends)
            if found is not None:
                return None if _no_sector(doc, found[1], tagged) else found
            tok = doc[k]
            if (
                not tok.is_alpha
                or tok.lower_ in _STOP_WORDS
                or (tagged and tok.pos_ in _STOP_POS)
                or (step and tok.is_title)
            ):
                return None
            k += 1
        return None

    def _ner_mentions(
        self,
        doc: Any,
        text: DocText,
        words: list[tuple[int, str, int, int]],
        lo: int,
        taken: list[ActorMatch],
        on: date | None,
    ) -> list[ActorMatch]:
        """Statistical entities that name a gazetteer entry in another case or form ("RUSSIA")."""
        strings = doc.vocab.strings
        labels = {strings[label] for label in _NER_LABELS if label in strings}
        spans = []
        begin = None
        for n, (_, _, iob, ent_type) in enumerate(words, start=lo):
            if begin is not None and iob != 1:  # 1 = inside
                spans.append((begin, n))
                begin = None
            if iob == 3 and ent_type in labels:  # 3 = begin
                begin = n
        if begin is not None:
            spans.append((begin, lo + len(words)))
        if not spans:
            return []
        covered = set()
        for m in taken:
            covered.update(range(m.start, m.end))
        out = []
        for start, end in spans:
            if any(t in covered for t in range(start, end)):
                continue
            if words[start - lo][1].lower() == "the":
                start += 1
            if end - 1 > start and words[end - 1 - lo][1] in _POSSESSIVE:
                end -= 1
            if end <= start:
                continue
            last = words[end - 1 - lo]
            entry = self._folded.get(text.cut(words[start - lo][0], last[0] + len(last[1])).casefold())
            if entry is None:
                continue
            if entry.kind == "person":
                person = self.gazetteer.people[entry.person]  # type: ignore[index]
                out.append(
                    make_match(
                        doc,
                        text,
                        start,
                        end,
                        self._person_code(person, on, past=False, title=None),
                        person.name,
                        "person",
                    )
                )
            else:
                out.append(make_match(doc, text, start, end, entry.code, None, entry.kind))
        return out


def _add_surface(surfaces: dict[str, list[SurfaceEntry]], text: str, entry: SurfaceEntry) -> None:
    forms = [text]
    if text.startswith("the ") and len(text) > 4:
        forms += ["The " + text[4:], text[4:]]
    elif text.startswith("The ") and len(text) > 4:
        forms += ["the " + text[4:], text[4:]]
    # typeset text writes the apostrophe as U+2019 ("People’s Liberation Army", "the world’s No. 2 economy")
    forms += [f.replace("'", "\u2019") for f in forms if "'" in f]
    for form in forms:
        if entry not in surfaces[form]:
            surfaces[form].append(entry)


def _length_index(table: dict[str, Any]) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = defaultdict(set)
    for text in table:
        lengths[leading_word(text)].add(len(text))
    return {word: tuple(sorted(ls, reverse=True)) for word, ls in lengths.items()}


# a sector noun in another sense, by the word after it: "the United States' opposition to the invasion" is its
# stance, not its political opposition (rule actors.sector_sense)
_SECTOR_NOT_BEFORE = {"opposition": frozenset({"to", "against"})}


def _no_sector(doc: Any, end: int, tagged: bool) -> bool:
    """Rule actors.sector_sense: the sector word ending at `end` is an adjective ("America's firm opposition": no
    company) or a noun in its other sense (`_SECTOR_NOT_BEFORE`)."""
    last = doc[end - 1]
    if tagged and last.pos_ == "ADJ":
        return True
    after = _SECTOR_NOT_BEFORE.get(last.lower_)
    return after is not None and end < len(doc) and doc[end].lower_ in after
