"""The five seed articles (read from ../shared/seeds): metadata found, chrome gone, paragraphs kept."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from multipolar.clean.normalize import normalize
from multipolar.clean.text import TextCleaning, clean_text

pytestmark = pytest.mark.shared

EXPECTED_DATES = {
    "000": date(2025, 1, 26),
    "001": date(2025, 1, 21),
    "002": None,
    "003": None,
    "004": date(2025, 1, 22),
}
EXPECTED_AUTHORS = {
    "000": "Ali Beman Eghbali Zarch",
    "001": "Rajesh",
    "002": None,
    "003": None,
    "004": "Michelle Larsen",
}
EXPECTED_OUTLETS = {"000": "IPIS", "001": None, "002": None, "003": None, "004": "AFP"}
COUNTER = re.compile(r"^\s*(?:views?|reads?)\s*\d+\s*$", re.I | re.M)


def _clean(path: Path) -> TextCleaning:
    return clean_text(path.read_text(encoding="utf-8"))


def _raw_lines(path: Path) -> list[str]:
    return [line for line in normalize(path.read_text(encoding="utf-8")).split("\n") if line]


@pytest.mark.parametrize("seed", sorted(EXPECTED_DATES))
def test_clean_text_publication_date(seeds: dict[str, Path], seed: str) -> None:
    assert _clean(seeds[seed]).published == EXPECTED_DATES[seed]


@pytest.mark.parametrize("seed", sorted(EXPECTED_AUTHORS))
def test_clean_text_author(seeds: dict[str, Path], seed: str) -> None:
    assert _clean(seeds[seed]).author == EXPECTED_AUTHORS[seed]


@pytest.mark.parametrize("seed", sorted(EXPECTED_OUTLETS))
def test_clean_text_outlet(seeds: dict[str, Path], seed: str) -> None:
    assert _clean(seeds[seed]).outlet == EXPECTED_OUTLETS[seed]


@pytest.mark.parametrize("seed", ["000", "002"])
def test_clean_text_title_is_first_line(seeds: dict[str, Path], seed: str) -> None:
    assert _clean(seeds[seed]).title == _raw_lines(seeds[seed])[0]


def test_clean_text_title_skips_category_line(seeds: dict[str, Path]) -> None:
    lines = _raw_lines(seeds["001"])
    result = _clean(seeds["001"])
    assert result.title == lines[1]
    assert lines[0] in result.removed


def test_clean_text_title_skips_junk_and_categories(seeds: dict[str, Path]) -> None:
    lines = _raw_lines(seeds["004"])
    result = _clean(seeds["004"])
    assert result.title == lines[2]
    assert lines[0] in result.removed and lines[1] in result.removed
    assert lines[3] == lines[2] and lines[3] in result.removed  # the repeated headline
    assert result.title not in result.text


def test_clean_text_no_title_when_first_line_is_prose(seeds: dict[str, Path]) -> None:
    assert _clean(seeds["003"]).title is None


@pytest.mark.parametrize("seed", sorted(EXPECTED_DATES))
def test_clean_text_keeps_every_paragraph(seeds: dict[str, Path], seed: str) -> None:
    result = _clean(seeds[seed])
    paragraphs = [line for line in _raw_lines(seeds[seed]) if len(line) >= 200]
    assert paragraphs
    longest = max(paragraphs, key=len)
    assert longest in result.text
    kept = [p for p in paragraphs if p in result.text]
    # every long line stays, except a deck that repeats the first paragraph
    assert len(paragraphs) - len(kept) <= 1
    assert all(p in result.removed for p in paragraphs if p not in kept)


def test_clean_text_removes_deck_repeating_first_paragraph(seeds: dict[str, Path]) -> None:
    lines = _raw_lines(seeds["000"])
    result = _clean(seeds["000"])
    deck, first_paragraph = lines[1], lines[4]
    assert deck in result.removed
    assert result.text.startswith(first_paragraph)


@pytest.mark.parametrize("seed", sorted(EXPECTED_DATES))
def test_clean_text_removes_counters_and_navigation(seeds: dict[str, Path], seed: str) -> None:
    text = _clean(seeds[seed]).text
    assert not COUNTER.search(text)
    assert not re.search(r"previous post|next post|source link", text, re.I)
    assert not re.search(r"^#\w+", text, re.M)
    assert not re.search(r"^written by$", text, re.I | re.M)


def test_clean_text_removes_foreign_comment_widget(seeds: dict[str, Path]) -> None:
    result = _clean(seeds["000"])
    assert not re.search(r"[\u0600-\u06ff]", result.text)
    assert sum(bool(re.search(r"[\u0600-\u06ff]", line)) for line in result.removed) == 3


@pytest.mark.parametrize("seed", ["002", "003"])
def test_clean_text_last_line_is_article_prose(seeds: dict[str, Path], seed: str) -> None:
    last = _clean(seeds[seed]).text.split("\n")[-1]
    assert len(last) > 80 and last.endswith(('."', "."))


@pytest.mark.parametrize("seed", sorted(EXPECTED_DATES))
def test_clean_text_share_removed_is_small(seeds: dict[str, Path], seed: str) -> None:
    result = _clean(seeds[seed])
    assert 0.0 < result.boilerplate_removed < 0.15
    removed_chars = sum(len(line) for line in result.removed)
    assert removed_chars > 0


@pytest.mark.parametrize("seed", sorted(EXPECTED_DATES))
def test_clean_text_round_trip_is_stable(seeds: dict[str, Path], seed: str) -> None:
    first = _clean(seeds[seed])
    again = clean_text((first.title + "\n\n" if first.title else "") + first.text)
    assert (again.text, again.title, again.removed) == (first.text, first.title, ())
