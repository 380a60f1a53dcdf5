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
a person with no role on that date resolves to their country code.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from multipolar.actors.gazetteer import Gazetteer, Person, Role

KINDS = ("person", "country", "government", "demonym", "organisation", "role")
RULER_NAME = "actor_ruler"
RULER_LABEL = "ACTOR"

_LEADING_WORD = re.compile(r"\w+")
_NER_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_APPOSITION = frozenset({",", "—", "–"})
_STOP_POS = frozenset({"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "DET", "PRON", "NUM", "PART", "PUNCT"})
_STOP_WORDS = frozenset(
    "and or but to of in on at for with from by as that which who whom whose is are was were be been has have had "
    "will would could should may might can said says say told and/or than while after before about over into".split()
)
_THE = frozenset({"the", "The"})
_NAME_PARTICLES = frozenset(
    {"al", "al-", "bin", "ibn", "de", "da", "van", "von", "del", "la", "le", "el", "abu"}
)
# sectors whose bare nouns name a country's own people or institutions ("police", "the army")
_CONTEXT_SECTORS = frozenset(
    {"GOV", "MIL", "LEG", "JUD", "OPP", "CVL", "LAB", "REB", "COP", "SPY", "AGR", "UAF"}
)
# heads after which a sector noun still names people: "opposition leaders", "police officers"
_MEMBER_NOUNS = frozenset(
    {
        "leader",
        "leaders",
        "member",
        "members",
        "supporters",
        "figures",
        "activists",
        "officials",
        "party",
        "parties",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chief",
        "chiefs",
        "head",
        "commander",
        "commanders",
        "officers",
        "groups",
        "group",
        "movement",
        "forces",
        "fighters",
    }
)
# sector nouns that are no agent on their own (weapons, abstractions, too general a word)
_NOT_AGENTS = frozenset(
    {
        "state",
        "force",
        "defence",
        "defense",
        "public",
        "people",
        "citizen",
        "civilian",
        "aircraft",
        "artillery",
        "missiles",
        "drones",
        "jets",
        "warships",
        "warship",
        "submarines",
        "submarine",
        "bombers",
        "fighter",
        "general",
        "court",
        "union",
        "intelligence",
        "leadership",
        "military",
        "embassy",
        "embassies",
        "ministry",
        "ministries",
    }
)


@dataclass(frozen=True, slots=True)
class ActorMatch:
    start: int  # token index in the spaCy Doc (inclusive)
    end: int  # token index (exclusive)
    start_char: int
    end_char: int
    text: str
    actor_code: str  # full code, e.g. "RUSGOV", "CHN", "IGONATO"
    country: str  # first three letters, e.g. "RUS", "IGO"
    person: str | None  # canonical person name, e.g. "Vladimir Putin"
    kind: str  # person | country | government | demonym | organisation | role; context mentions: sector
    # ("police in Kenya"), context (a generic noun placed by the country its context names), resident


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: str  # country | demonym | government | organisation | person
    code: str  # actor code; "" for a person (resolved by date)
    person: str | None = None
    explicit: bool = True  # False: a person's derived short form, which needs a full mention first

    @property
    def key(self) -> str:
        return f"person:{self.person}" if self.kind == "person" else f"{self.kind}:{self.code}"


class ActorResolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.lexicon = gazetteer.lexicon
        surfaces: dict[str, list[_Entry]] = defaultdict(list)
        self._shorts: dict[str, tuple[str, ...]] = {}  # person -> the short forms a full mention licenses
        for country in gazetteer.countries.values():
            for text in (country.name, *country.aliases, *country.nicknames):
                _add_surface(surfaces, text, _Entry("country", country.code))
            for text in country.demonyms:
                _add_surface(surfaces, text, _Entry("demonym", country.code))
            for text, code in country.metonyms:
                _add_surface(surfaces, text, _Entry("government", code))
        for org in gazetteer.organisations.values():
            for text in (org.name, *org.aliases):
                _add_surface(surfaces, text, _Entry("organisation", org.code))
        non_person = {s for s, entries in surfaces.items() if entries}
        for person in gazetteer.people.values():
            names = (person.name, *person.aliases)
            for text in names:
                _add_surface(surfaces, text, _Entry("person", "", person.name, True))
            shorts = self._derive_shorts(person, names)
            self._shorts[person.name] = tuple(sorted(shorts))
            for text in shorts:
                if text not in non_person and not any(
                    e.person == person.name for e in surfaces.get(text, ())
                ):
                    surfaces[text].append(_Entry("person", "", person.name, False))
        self._surfaces: dict[str, tuple[_Entry, ...]] = {s: tuple(e) for s, e in surfaces.items()}
        self._lengths = _length_index(self._surfaces)
        self._titles = dict(self.lexicon.titles)
        self._title_lengths = _length_index(self._titles)
        self._sector_lengths = _length_index(self.lexicon.sector_nouns)
        self._title_words = frozenset(w for t in self._titles for w in re.split(r"[\s-]+", t))
        self._holders: dict[tuple[str, str], list[tuple[Person, Role]]] = defaultdict(list)
        for person in gazetteer.people.values():
            for role in person.roles:
                cls = self.lexicon.title_class(role.title)
                key = role.actor if role.actor in gazetteer.organisations else role.actor[:3]
                self._holders[(key, cls)].append((person, role))
        folded: dict[str, set[_Entry]] = defaultdict(set)
        for text, entries in self._surfaces.items():
            for entry in entries:
                if entry.explicit and (entry.kind != "person" or " " in text):
                    folded[text.casefold()].add(entry)
        self._folded = {k: next(iter(v)) for k, v in folded.items() if len(v) == 1}
        self._blank: Any = None

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

    def context_words(self) -> tuple[list[str], list[str]]:
        """The words `context_mentions` places by the country the context names: role titles (before
        a name: "President Jane Doe") and sector nouns ("police", "security forces"), in lower case."""
        titles = list(self._titles)
        nouns = [noun for noun, sector in self.lexicon.sector_nouns.items()
                 if sector in _CONTEXT_SECTORS and noun not in _NOT_AGENTS]
        return titles, nouns

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
        # patterns are tokenised only: running the tagger and parser on thousands of them is slow
        others = [name for name in nlp.pipe_names if name != RULER_NAME]
        with nlp.select_pipes(disable=others):
            ruler.add_patterns(self.ruler_patterns())

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
        text = _Text(doc[lo:hi].text if (lo, hi) != (0, len(doc)) else doc.text, doc[lo].idx)
        words = [(tok.idx, tok.text, tok.ent_iob, tok.ent_type) for tok in doc[lo:hi]]
        ends = {w[0] + len(w[1]): n for n, w in enumerate(words, start=lo + 1)}
        base = self._surface_matches(words, lo, hi, text, ends)
        starts = {m[0]: m for m in base}
        tagged = doc.has_annotation("TAG")
        memory: dict[str, str] = {}
        out: list[ActorMatch] = []
        taken_until = lo
        for i, j, surface, entries in base:
            if i < taken_until:
                continue
            entry = _first_non_person(entries)
            if entry is None:
                match = self._person_mention(doc, text, i, j, surface, entries, lo, memory, on)
            else:
                match = self._entity_mention(
                    doc, i, j, entry, lo, hi, starts, memory, on, text, ends, tagged, taken_until
                )
            if match is not None:
                out.append(match)
                taken_until = match.end
        out.extend(self._ner_mentions(doc, text, words, lo, out, on))
        out.sort(key=lambda m: m.start)
        return out

    def context_mentions(self, doc: Any, matches: list[ActorMatch]) -> list[ActorMatch]:
        """Actors named without their country, placed by the country the context names.

        - a generic collective noun: "police", "the government", "protesters", "security forces",
          "rebels", "officials", "lawmakers", "the army" (sector nouns of `data/sectors.json`);
        - a title before a name the gazetteer does not know: "President Jane Doe" (GOV, or MIL for a
          military title);
        each gets the one country its sentence names (the sole country among the sentence's actor
        mentions); a sentence that names no country takes the first country the document named (the
        dateline's, in a news story). A sentence naming two or more countries places nothing: the
        coder leaves such a phrase unresolved rather than guess. These are kept apart from
        `resolve` (mentions of named actors) and used by the event coder only.
        """
        if not doc.has_annotation("DEP") and not doc.has_annotation("TAG"):
            return []
        taken: set[int] = set()
        for m in matches:
            taken.update(range(m.start, m.end))
        countries = self.gazetteer.countries
        out: list[ActorMatch] = []
        doc_country: str | None = None
        text = _Text(doc.text, 0)
        ends = token_ends(doc)
        at = {i: m for m in matches for i in range(m.start, m.end)}
        # a sentence only tokenised (rule `actor_paragraphs` left it out: no tags, a flat tree labelled
        # "dep") yields nothing below, as each case needs a tag or a "prep" arc: its tokens are skipped
        bare = untagged_tokens(doc)
        # each sentence's mentions, in the order given: one pass, not a scan of every mention per sentence
        # (that grew with the square of a long document's length)
        sents = list(doc.sents)
        sentence_of = [0] * len(doc)
        for k, sent in enumerate(sents):
            sentence_of[sent.start:sent.end] = [k] * (sent.end - sent.start)
        in_sentence: dict[int, list[ActorMatch]] = {}
        for m in matches:
            in_sentence.setdefault(sentence_of[m.start], []).append(m)
        for k, sent in enumerate(sents):
            here = in_sentence.get(k, [])
            named = list(dict.fromkeys(m.country for m in here if m.country in countries))
            if doc_country is None and named:
                doc_country = named[0]
            context = named[0] if len(named) == 1 else (doc_country if not named else None)
            for m in here:
                home = self._residence(doc, m, at, named)
                if home is not None:
                    out.append(_make(doc, text, m.start, m.end, home, None, "resident"))
            i = sent.end if bare[sent.start:sent.end].all() else sent.start
            while i < sent.end:
                tok = doc[i]
                if i in taken:
                    i += 1
                    continue
                own = self._own_country(tok, at)
                if own is not None:  # "police in Kenya", "the government of Peru"
                    sector = self._generic_sector(tok, set())
                    if sector is not None:
                        out.append(_make(doc, text, tok.i, tok.i + 1, own + sector, None, "sector"))
                    i += 1
                    continue
                if context is None:
                    i += 1
                    continue
                found = self._titled_unknown(doc, i, sent.end, taken, text, ends)
                if found is not None:
                    canonical, end = found
                    sector = "MIL" if canonical in self.lexicon.military_titles else "GOV"
                    out.append(_make(doc, text, i, end, context + sector, None, "role"))
                    i = end
                    continue
                sector = self._generic_sector(tok, taken)
                if sector is not None:
                    start = min(
                        [tok.i]
                        + [
                            c.i
                            for c in tok.lefts
                            if c.dep_ in ("compound", "amod") and c.i not in taken and c.i >= sent.start
                        ]
                    )
                    out.append(_make(doc, text, start, tok.i + 1, context + sector, None, "context"))
                i += 1
        return out

    def _titled_unknown(
        self, doc: Any, i: int, hi: int, taken: set[int], text: _Text, ends: dict[int, int]
    ) -> tuple[str, int] | None:
        """(canonical title, end) for "President Jane Doe" where the name is no known actor."""
        tok = doc[i]
        if not tok.is_title or (i > 0 and doc[i - 1].lower_ in self.lexicon.past_markers):
            return None
        title = self._phrase_at(self._title_lengths, self._titles, doc, i, hi, text, ends)
        if title is None or title[0].startswith("@"):
            return None
        canonical, k = title
        end = k
        while (
            end < hi
            and end not in taken
            and (
                (doc[end].pos_ == "PROPN" and doc[end].is_title)
                or (
                    end > k
                    and doc[end].lower_ in _NAME_PARTICLES
                    and end + 1 < hi
                    and doc[end + 1].pos_ == "PROPN"
                )
            )
        ):
            end += 1
        if (
            end - k < 1
            or end - k > 5
            or (end < hi and end in taken)
            or doc[end - 1].ent_type_ not in ("PERSON", "")
        ):
            return None
        return canonical, end

    def _residence(self, doc: Any, m: ActorMatch, at: dict[int, ActorMatch], named: list[str]) -> str | None:
        """The country a people named by a demonym live in, where the phrase says it: "Serbs in
        Bosnia", "Bosnian Serbs", "ethnic Albanians" (in a sentence about one other country)."""
        if m.kind != "demonym" or m.end - m.start != 1:
            return None
        tok = doc[m.start]
        if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ not in ("NNS", "NNPS"):
            return None  # "Russian" as an adjective names the country itself
        own = self._own_country(tok, at)
        if own is not None and own != m.country:
            return own
        for c in tok.lefts:
            other = at.get(c.i)
            if (
                c.dep_ in ("amod", "compound")
                and other is not None
                and other is not m
                and other.country != m.country
                and other.country in self.gazetteer.countries
            ):
                return other.country  # "Bosnian Serbs"
        if any(c.dep_ in ("amod", "compound") and c.lower_ == "ethnic" for c in tok.lefts):
            others = [c for c in named if c != m.country]
            if len(others) == 1:
                return others[0]  # "ethnic Albanians" in a sentence about Macedonia
        return None

    def _own_country(self, tok: Any, at: dict[int, ActorMatch]) -> str | None:
        """The country named by a noun's own "in/of/from X" phrase ("police in Kenya"), or None."""
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "from", "across", "throughout"):
                for obj in prep.children:
                    m = at.get(obj.i)
                    if obj.dep_ == "pobj" and m is not None and m.country in self.gazetteer.countries:
                        return m.country
        return None

    def _generic_sector(self, tok: Any, taken: set[int]) -> str | None:
        """The sector of a bare collective noun ("police", "the government"), or None."""
        if tok.pos_ != "NOUN" or tok.is_title and tok.i > tok.sent.start:
            return None
        if tok.dep_ == "compound" and tok.head.lower_ not in _MEMBER_NOUNS:
            return (
                None  # "troop levels", "a police station": a modifier, not an actor ("opposition leaders" is)
            )
        words = tok.lower_
        for c in tok.lefts:
            if (
                c.dep_ == "compound"
                and c.i == tok.i - 1
                and f"{c.lower_} {tok.lower_}" in self.lexicon.sector_nouns
            ):
                words = f"{c.lower_} {tok.lower_}"  # "police officers", "security forces"
        sector = self.lexicon.sector_nouns.get(words)
        if sector is None or sector not in _CONTEXT_SECTORS or words in _NOT_AGENTS:
            return None
        if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "no", "every") for c in tok.children):
            return None
        if any(t.i in taken for t in tok.subtree):
            return None  # "police in Cairo", "Russia's government": the phrase names its own actor
        return sector

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
        self, words: list[tuple[int, str, int, int]], lo: int, hi: int, text: _Text, ends: dict[int, int]
    ) -> list[tuple[int, int, str, tuple[_Entry, ...]]]:
        found = []
        lengths_of = self._lengths
        surfaces = self._surfaces
        i = lo
        while i < hi:
            p, word = words[i - lo][:2]
            lengths = lengths_of.get(word if word.isalnum() else _leading_word(word))
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

    def _phrase_at(
        self,
        index: dict[str, tuple[int, ...]],
        table: dict[str, str],
        doc: Any,
        k: int,
        hi: int,
        text: _Text,
        ends: dict[int, int],
    ) -> tuple[str, int] | None:
        """The longest lower-cased entry of `table` starting at token k: (value, end token)."""
        if k >= hi:
            return None
        tok = doc[k]
        lengths = index.get(_leading_word(tok.text).lower())
        if not lengths:
            return None
        p = tok.idx
        for length in lengths:
            j = ends.get(p + length)
            if j is not None and j <= hi:
                value = table.get(text.cut(p, p + length).lower())
                if value is not None:
                    return value, j
        return None

    def _entity_mention(
        self,
        doc: Any,
        i: int,
        j: int,
        entry: _Entry,
        lo: int,
        hi: int,
        starts: dict,
        memory: dict[str, str],
        on: date | None,
        text: _Text,
        ends: dict[int, int],
        tagged: bool,
        taken_until: int,
    ) -> ActorMatch | None:
        k = j
        if k < hi and doc[k].text in _POSSESSIVE and entry.kind != "demonym":
            k += 1
        title = self._phrase_at(self._title_lengths, self._titles, doc, k, hi, text, ends)
        if title is not None:
            canonical, t_end = title
            start = i - 1 if i - 1 >= max(lo, taken_until) and doc[i - 1].text in _THE else i
            person_at = self._person_after(doc, t_end, hi, starts, memory, on)
            if person_at is not None:
                person, p_end = person_at
                past, _ = self._prefix(doc, start, lo, text)
                code = self._person_code(person, on, past=past, title=canonical)
                self._remember(person, memory)
                return _make(doc, text, start, p_end, code, person.name, "person")
            return self._role_mention(doc, start, t_end, entry, canonical, lo, on, text)
        if entry.kind in ("demonym", "country"):
            sector = self._sector_after(doc, k, hi, text, ends, starts, tagged)
            if sector is not None:
                code, s_end = sector
                return _make(doc, text, i, s_end, entry.code + code, None, entry.kind)
        return _make(doc, text, i, j, entry.code, None, entry.kind)

    def _role_mention(
        self, doc: Any, start: int, end: int, entry: _Entry, title: str, lo: int, on: date | None, text: _Text
    ) -> ActorMatch:
        prefix = entry.code if entry.kind == "organisation" else entry.code[:3]
        past, _ = self._prefix(doc, start, lo, text)
        fallback = (
            entry.code
            if entry.kind == "organisation"
            else prefix + ("MIL" if title in self.lexicon.military_titles else "GOV")
        )
        if past or title == "@counterpart":
            return _make(doc, text, start, end, fallback, None, "role")
        if title == "@leader":
            country = self.gazetteer.countries.get(prefix)
            classes = (
                country.leader_titles if country and country.leader_titles else self.lexicon.leader_titles
            )
        else:
            classes = (self.lexicon.title_class(title),)
        for cls in classes:
            holders = [
                (p, r)
                for p, r in self._holders.get((prefix, self.lexicon.title_class(cls)), ())
                if (r.end is None if on is None else r.is_active(on))
            ]
            if holders:
                names = {p.name for p, _ in holders}
                person = holders[0][0].name if len(names) == 1 else None
                return _make(doc, text, start, end, holders[0][1].actor, person, "role")
        return _make(doc, text, start, end, fallback, None, "role")

    def _person_after(
        self, doc: Any, k: int, hi: int, starts: dict, memory: dict[str, str], on: date | None
    ) -> tuple[Person, int] | None:
        """A person named right after a title (skipping honorifics) or after an apposition comma."""
        while k < hi and doc[k].text in self.lexicon.honorifics:
            k += 1
        if k < hi and doc[k].text in _APPOSITION:
            k += 1
        found = starts.get(k)
        if found is None or _first_non_person(found[3]) is not None:
            return None
        person = self._pick_person(found[2], found[3], memory, on)
        return (person, found[1]) if person is not None else None

    def _person_mention(
        self,
        doc: Any,
        text: _Text,
        i: int,
        j: int,
        surface: str,
        entries: tuple[_Entry, ...],
        lo: int,
        memory: dict[str, str],
        on: date | None,
    ) -> ActorMatch | None:
        person = self._pick_person(surface, entries, memory, on)
        if person is None:
            return None
        past, title = self._prefix(doc, i, lo, text)
        code = self._person_code(person, on, past=past, title=title)
        self._remember(person, memory)
        return _make(doc, text, i, j, code, person.name, "person")

    def _pick_person(
        self, surface: str, entries: tuple[_Entry, ...], memory: dict[str, str], on: date | None
    ) -> Person | None:
        people = self.gazetteer.people
        remembered = memory.get(surface)
        if remembered is not None and any(e.person == remembered for e in entries):
            return people[remembered]
        explicit = list(dict.fromkeys(e.person for e in entries if e.explicit and e.person))
        if len(explicit) == 1:
            return people[explicit[0]]
        if len(explicit) > 1:
            active = [
                name
                for name in explicit
                if people[name].role_on(on) is not None
                and (on is not None or people[name].latest_role().end is None)
            ]  # type: ignore[union-attr]
            if len(active) == 1:
                return people[active[0]]
        return None

    def _remember(self, person: Person, memory: dict[str, str]) -> None:
        for short in self._shorts.get(person.name, ()):
            memory[short] = person.name

    def _prefix(self, doc: Any, start: int, lo: int, text: _Text) -> tuple[bool, str | None]:
        """(past marker seen, canonical title) in the words just before a name or a role phrase."""
        k = start - 1
        past = False
        lex = self.lexicon
        while k >= lo and start - k <= 8:
            tok = doc[k]
            low = tok.lower_
            if low in lex.past_markers:
                past = True
                break
            if (
                tok.text in lex.honorifics
                or low in self._title_words
                or tok.text in ("-", "of", "the")
                or tok.is_title
                or tok.is_upper
            ):
                k -= 1
                continue
            break
        title = None
        end_char = doc[start - 1].idx + len(doc[start - 1].text) if start - 1 >= lo else None
        for s in range(k + 1, start):
            if end_char is None:
                break
            found = self._titles.get(text.cut(doc[s].idx, end_char).lower())
            if found is not None:
                title = found
                break
        return past, title

    def _person_code(self, person: Person, on: date | None, *, past: bool, title: str | None) -> str:
        if past:
            roles = [r for r in person.roles if on is None or r.start < on]
            if title and not title.startswith("@"):
                cls = self.lexicon.title_class(title)
                titled = [r for r in roles if self.lexicon.title_class(r.title) == cls]
                roles = titled or roles
            ended = [r for r in roles if r.end is not None and (on is None or r.end <= on)]
            if ended:
                return max(ended, key=lambda r: r.end or date.min).actor
            if roles:
                return max(roles, key=lambda r: r.start).actor
        role = person.role_on(on)
        return role.actor if role is not None else person.country

    def _sector_after(
        self, doc: Any, k: int, hi: int, text: _Text, ends: dict[int, int], starts: dict, tagged: bool
    ) -> tuple[str, int] | None:
        """A sector noun within the next three words: ("MIL", end token) for "troops"."""
        for step in range(3):
            if k >= hi or k in starts:
                return None
            found = self._phrase_at(self._sector_lengths, self.lexicon.sector_nouns, doc, k, hi, text, ends)
            if found is not None:
                return found
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
        text: _Text,
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
                    _make(
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
                out.append(_make(doc, text, start, end, entry.code, None, entry.kind))
        return out


class _Text:
    """The text of the Doc or Span being resolved, cut by the Doc's character offsets."""

    __slots__ = ("value", "offset")

    def __init__(self, value: str, offset: int) -> None:
        self.value = value
        self.offset = offset

    def cut(self, start: int, end: int) -> str:
        return self.value[start - self.offset : end - self.offset]


def _add_surface(surfaces: dict[str, list[_Entry]], text: str, entry: _Entry) -> None:
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
        lengths[_leading_word(text)].add(len(text))
    return {word: tuple(sorted(ls, reverse=True)) for word, ls in lengths.items()}


def _leading_word(text: str) -> str:
    if text.isalnum():
        return text
    found = _LEADING_WORD.match(text)
    return found.group(0) if found else text[:1]


def _first_non_person(entries: tuple[_Entry, ...]) -> _Entry | None:
    for entry in entries:
        if entry.kind != "person":
            return entry
    return None


def _make(
    doc: Any, text: _Text, start: int, end: int, code: str, person: str | None, kind: str
) -> ActorMatch:
    first, last = doc[start], doc[end - 1]
    start_char, end_char = first.idx, last.idx + len(last.text)
    return ActorMatch(
        start=start,
        end=end,
        start_char=start_char,
        end_char=end_char,
        text=text.cut(start_char, end_char),
        actor_code=code,
        country=code[:3],
        person=person,
        kind=kind,
    )


def token_ends(doc: Any) -> dict[int, int]:
    """{character end of each token: its index + 1} (a later token wins a shared end), read off arrays."""
    from spacy.attrs import IDX, LENGTH

    if not len(doc):
        return {}
    spans = doc.to_array([IDX, LENGTH])
    return dict(zip((spans[:, 0] + spans[:, 1]).tolist(), range(1, len(doc) + 1), strict=True))


def untagged_tokens(doc: Any) -> Any:
    """A boolean array: tokens with no part of speech and no "prep" arc (what a tokenised-only piece holds)."""
    import numpy
    from spacy.attrs import DEP, POS

    if not len(doc):
        return numpy.zeros(0, dtype=bool)
    arrays = doc.to_array([POS, DEP])
    prep = doc.vocab.strings["prep"]
    return (arrays[:, 0] == 0) & (arrays[:, 1] != prep)
