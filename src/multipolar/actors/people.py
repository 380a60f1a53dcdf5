"""People and the roles they hold: the person a name means, and the actor of a role on a date.

A mixin of `ActorResolver` (actors/resolver.py): it reads the resolver's gazetteer, lexicon, the role
holders and title indexes built in `ActorResolver.__init__`, and the short forms a full mention licenses.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from multipolar.actors.gazetteer import Gazetteer, Lexicon, Person, Role
from multipolar.actors.mentions import (
    ActorMatch,
    DocText,
    SurfaceEntry,
    first_non_person,
    is_name_word,
    make_match,
)

_APPOSITION = frozenset({",", "—", "–"})


class PersonMentions:
    """A person named, after a title or an apposition, and the holder of a role phrase on a date."""

    gazetteer: Gazetteer
    lexicon: Lexicon
    _shorts: dict[str, tuple[str, ...]]
    _titles: dict[str, str]
    _title_words: frozenset[str]
    _holders: dict[tuple[str, str], list[tuple[Person, Role]]]

    def _role_mention(
        self, doc: Any, start: int, end: int, entry: SurfaceEntry, title: str, lo: int, on: date | None, text: DocText
    ) -> ActorMatch:
        prefix = entry.code if entry.kind == "organisation" else entry.code[:3]
        past, _ = self._prefix(doc, start, lo, text)
        fallback = (
            entry.code
            if entry.kind == "organisation"
            else prefix + ("MIL" if title in self.lexicon.military_titles else "GOV")
        )
        if past or title == "@counterpart":
            return make_match(doc, text, start, end, fallback, None, "role")
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
                return make_match(doc, text, start, end, holders[0][1].actor, person, "role")
        return make_match(doc, text, start, end, fallback, None, "role")

    def _person_after(
        self, doc: Any, k: int, hi: int, starts: dict, memory: dict[str, str], on: date | None
    ) -> tuple[Person, int] | None:
        """A person named right after a title (skipping honorifics) or after an apposition comma."""
        while k < hi and doc[k].text in self.lexicon.honorifics:
            k += 1
        if k < hi and doc[k].text in _APPOSITION:
            k += 1
        found = starts.get(k)
        if found is None or first_non_person(found[3]) is not None:
            return None
        person = self._pick_person(found[2], found[3], memory, on)
        return (person, found[1]) if person is not None else None

    def _person_mention(
        self,
        doc: Any,
        text: DocText,
        i: int,
        j: int,
        surface: str,
        entries: tuple[SurfaceEntry, ...],
        lo: int,
        memory: dict[str, str],
        on: date | None,
    ) -> ActorMatch | None:
        person = self._pick_person(surface, entries, memory, on)
        if person is None or self._other_forename(doc, i, lo, person) or self._other_given_name(doc, j, person):
            return None
        past, title = self._prefix(doc, i, lo, text)
        code = self._person_code(person, on, past=past, title=title)
        self._remember(person, memory)
        return make_match(doc, text, i, j, code, person.name, "person")

    def _pick_person(
        self, surface: str, entries: tuple[SurfaceEntry, ...], memory: dict[str, str], on: date | None
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

    def _other_forename(self, doc: Any, i: int, lo: int, person: Person) -> bool:
        """Rule `actors.other_forename`: a surname right after a proper noun that is none of the person's
        names, no title or honorific and no other mention ("Simon Harris" is not Kamala Harris), names
        someone else. The tagger's NNP (or the NER's PERSON running on) marks the forename; initials
        ("Donald J. Trump") and untagged text (a bare name looked up on its own) never count."""
        if i <= lo:
            return False
        before = doc[i - 1]
        word = before.text
        if not is_name_word(word):
            return False
        continued = doc[i].ent_type_ == "PERSON" and doc[i].ent_iob_ == "I"
        if not continued and not (before.tag_ == "NNP" and before.ent_iob_ == "O"):
            return False
        if word in self.lexicon.honorifics or before.lower_ in self._title_words:
            return False
        return word not in _name_words(person)

    @staticmethod
    def _other_given_name(doc: Any, j: int, person: Person) -> bool:
        """Rule `actors.other_given_name`: a name written family name first runs on past the surname matched, into
        a hyphenated given name that is none of the person's ("Kim Sung-han", South Korea's adviser, is not Kim
        Jong Un; "Cho Tae-yul"): a capitalised proper noun, a hyphen and a lower-case syllable."""
        if j + 2 >= len(doc):
            return False
        after = doc[j]
        if not (after.tag_ == "NNP" and after.text.isalpha() and after.text[:1].isupper() and doc[j + 1].text == "-"
                and doc[j + 2].text.isalpha() and doc[j + 2].text.islower() and not doc[j].whitespace_):
            return False
        return after.text not in _name_words(person)

    def _remember(self, person: Person, memory: dict[str, str]) -> None:
        for short in self._shorts.get(person.name, ()):
            memory[short] = person.name

    def _prefix(self, doc: Any, start: int, lo: int, text: DocText) -> tuple[bool, str | None]:
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


def _name_words(person: Person) -> set[str]:
    """The words of a person's name and aliases, initials' dots and hyphens taken as spaces ("Kim Jong-un": Jong, un)."""
    return {w for name in (person.name, *person.aliases) for w in name.replace(".", " ").replace("-", " ").split()}
