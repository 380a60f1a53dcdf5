"""The claims stage's two small data files: measure words and country names.

`data/measures.csv` (word, role, canonical) names what a figure measures; `data/countries.csv`
(code, names) locates the countries a figure is about. Both are read on first use, never at import,
and checked: a malformed row raises `DataFileError` naming the file and line.
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


class CountryMatcher:
    """Finds country names, demonyms, capitals and leaders in text (case-sensitive, whole words)."""

    def __init__(self, names: dict[str, str]) -> None:
        self._names = dict(names)
        alternation = "|".join(re.escape(n) for n in sorted(self._names, key=len, reverse=True))
        self._pattern = re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])")

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[CountryMention]:
        stop = len(text) if end is None else end
        return [
            CountryMention(m.start(), m.end(), m.group(0), self._names[m.group(0)])
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
    names: dict[str, str] = {}
    for lineno, row in _rows("countries.csv"):
        if len(row) != 2 or not row[0] or not row[1]:
            raise DataFileError(
                f"claims/data/countries.csv line {lineno}: expected code,names (names separated by |); "
                f"got {row!r}. Fix the row."
            )
        for name in row[1].split("|"):
            if name in names and names[name] != row[0]:
                raise DataFileError(
                    f"claims/data/countries.csv line {lineno}: {name!r} is already listed for "
                    f"{names[name]}; a name may point to one code only."
                )
            names[name] = row[0]
    return CountryMatcher(names)
