"""normalize: one convention for quotes, dashes, spaces and line endings; idempotent."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from multipolar.clean.normalize import normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("“No limits”", '"No limits"'),
        ("Xi‘s and Putin’s", "Xi's and Putin's"),
        ("2021–2026", "2021-2026"),
        ("Moscow – Beijing", "Moscow — Beijing"),
        ("a―b", "a—b"),
        ("minus −5", "minus -5"),
        ("a\u00a0b\u202fc", "a b c"),
        ("zero\u200bwidth\u2060joiner\u00adsoft", "zerowidthjoinersoft"),
        ("a\r\nb\rc\u2028d", "a\nb\nc\nd"),
        ("  a   b  \n\n\n\n  c  ", "a b\n\nc"),
        ("tab\tseparated", "tab separated"),
        ("e\u0301", "é"),
    ],
)
def test_normalize_convention(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_keeps_zero_width_non_joiner() -> None:
    assert normalize("می\u200cخواهم") == "می\u200cخواهم"


@settings(max_examples=400)
@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list(" \t\n\r\u00a0\u2013\u2014\u2019\u200b\u0301eé-a\u2028\u00ad"))))
def test_normalize_is_idempotent_on_tricky_characters(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(st.text())
def test_normalize_output_is_nfc_without_carriage_returns(text: str) -> None:
    out = normalize(text)
    assert unicodedata.is_normalized("NFC", out)
    assert "\r" not in out and "\t" not in out and "  " not in out and "\n\n\n" not in out
