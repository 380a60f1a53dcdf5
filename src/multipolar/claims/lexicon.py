"""What the claims stage looks words up in: measure words and country names.

`data/measures.csv` (word, role, canonical) names what a figure measures; the countries a figure is
about are found by the names the actor gazetteer knows (`actors/data/actors.jsonl`). Both are read on
first use, never at import; a malformed measures row raises `DataFileError` naming the file and line.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from multipolar.errors import DataFileError

MEASURE_ROLES = ("head", "weak", "modifier", "change")


@dataclass(frozen=True, slots=True)
class MeasureWord:
    word: str
    role: str  # head | weak | modifier | change
    canonical: str


@dataclass(frozen=True, slots=True)
class CountryMention:
    start: int
    end: int
    text: str
    code: str
    part: bool = False  # a place inside the country (a state, province, territory, city), not the country


class CountryMatcher:
    """Finds country names, demonyms, capitals and leaders in text (case-sensitive, whole words);
    `parts` are the names among them that name a place inside the country (rule `part_of_country`)."""

    def __init__(self, names: dict[str, str], parts: frozenset[str] = frozenset()) -> None:
        self._names = dict(names)
        self._parts = parts
        alternation = "|".join(re.escape(n) for n in sorted(self._names, key=len, reverse=True))
        self._pattern = re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])")

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[CountryMention]:
        stop = len(text) if end is None else end
        return [
            CountryMention(m.start(), m.end(), m.group(0), self._names[m.group(0)], m.group(0) in self._parts)
            for m in self._pattern.finditer(text, start, stop)
        ]


def _rows(name: str) -> list[tuple[int, list[str]]]:
    path = resources.files("multipolar.claims") / "data" / name
    text = path.read_text(encoding="utf-8")
    lines = [
        (i, line) for i, line in enumerate(text.splitlines(), start=1) if line and not line.startswith("#")
    ]
    reader = csv.reader([line for _, line in lines])
    return [(lineno, row) for (lineno, _), row in zip(lines, reader, strict=True)][1:]  # skip the header


@lru_cache(maxsize=1)
def load_measure_words() -> dict[str, MeasureWord]:
    words: dict[str, MeasureWord] = {}
    for lineno, row in _rows("measures.csv"):
        if len(row) != 3 or row[1] not in MEASURE_ROLES or not row[0] or not row[2]:
            raise DataFileError(
                f"claims/data/measures.csv line {lineno}: expected word,role,canonical with role one of "
                f"{', '.join(MEASURE_ROLES)}; got {row!r}. Fix the row."
            )
        words[row[0].lower()] = MeasureWord(row[0].lower(), row[1], row[2])
    return words


@lru_cache(maxsize=1)
def load_country_matcher() -> CountryMatcher:
    """Names of countries as the actor gazetteer knows them: names, short forms, demonyms, capitals and
    seats of power, nicknames, and the people whose roles belong to a country. A name that points to
    two countries is left out. A metonym that stands for the country itself, not for its government
    ("Texas", "Puerto Rico", "Guangdong": a place inside it), is marked as a part (rule `part_of_country`)."""
    from multipolar.actors.gazetteer import Gazetteer

    gazetteer = Gazetteer.load()
    names: dict[str, str] = {}
    ambiguous: set[str] = set()
    parts: set[str] = set()

    def add(name: str, code: str) -> None:
        if names.get(name, code) != code:
            ambiguous.add(name)
        names[name] = code

    for country in gazetteer.countries.values():
        for name in (country.name, *country.aliases, *country.demonyms, *country.nicknames):
            add(name, country.code)
        whole = {country.name, *country.aliases, *country.demonyms, *country.nicknames}
        for surface, actor in country.metonyms:
            add(surface, country.code)
            if actor == country.code and surface not in whole:
                parts.add(surface)
    for person in gazetteer.people.values():
        if person.country in gazetteer.countries:
            for name in (person.name, *person.aliases):
                add(name, person.country)
    return CountryMatcher({name: code for name, code in names.items() if name not in ambiguous}, frozenset(parts))
