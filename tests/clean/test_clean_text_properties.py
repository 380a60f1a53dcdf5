"""Property tests of the plain-text cleaner: it never raises, and cleaning its own output is stable."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from multipolar.clean.text import clean_text

SENTENCES = st.sampled_from(
    [
        "The ministers met in the capital on Monday to discuss trade in energy and the security of shipping.",
        "Officials said the talks were constructive and that both sides agreed to meet again this year.",
        "Analysts noted that the meeting came after months of tension over tariffs and sanctions.",
        "Putin and Xi held a video call, the Kremlin said.",
    ]
)
PARAGRAPHS = st.lists(SENTENCES, min_size=1, max_size=4).map(" ".join)
CHROME = st.sampled_from(
    [
        "view 139",
        "Previous Post Next Post",
        "Source link",
        "#Russia #China",
        "Share this article",
        "Written By",
        "Source: AFP",
        "Published January 22, 2025",
        "By Anna Petrova",
        "World",
        "x",
        "Related Posts",
        "Leave a comment",
        "نظرات کاربران",
        "Tags: China, Russia",
    ]
)
TITLES = st.sampled_from(["Ministers meet to discuss trade", "Putin, Xi Discuss Ties After Inauguration", ""])
LINES = st.lists(st.one_of(PARAGRAPHS, CHROME), min_size=1, max_size=12)


@settings(max_examples=300)
@given(st.text())
def test_clean_text_never_raises_on_any_text(text: str) -> None:
    result = clean_text(text)
    assert 0.0 <= result.boilerplate_removed <= 1.0


@settings(max_examples=300)
@given(TITLES, LINES)
def test_clean_text_round_trip_is_stable(title: str, lines: list[str]) -> None:
    first = clean_text("\n\n".join([title, *lines]))
    rebuilt = "\n\n".join(part for part in (first.title, first.text) if part)
    again = clean_text(rebuilt)
    assert again.text == first.text
    assert again.title == first.title


@settings(max_examples=300)
@given(TITLES, LINES)
def test_clean_text_keeps_every_paragraph(title: str, lines: list[str]) -> None:
    result = clean_text("\n\n".join([title, *lines]))
    for line in lines:
        if len(line) >= 200:
            assert line in result.text or line in result.removed


@settings(max_examples=200)
@given(st.text())
def test_clean_text_of_clean_output_is_idempotent_text(text: str) -> None:
    first = clean_text(text)
    rebuilt = "\n\n".join(part for part in (first.title, first.text) if part)
    assert clean_text(rebuilt).text == first.text
