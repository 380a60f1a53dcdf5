"""Plain-text rules on the team's own small examples: bylines, credits, dates, chrome."""

from __future__ import annotations

from datetime import date

import pytest

from multipolar.clean.text import clean_text

BODY = (
    "The foreign ministers of the two countries met in the capital on Monday to discuss a wide range of "
    "questions, from trade in energy to the security of shipping lanes in the region, officials said."
)
SECOND = (
    "Officials said the talks were constructive and that both sides agreed to meet again before the end "
    "of the year, when a joint statement on economic cooperation is expected to be signed by both."
)
TITLE = "Ministers meet to discuss trade and shipping"


def _doc(*lines: str) -> str:
    return "\n\n".join(lines)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("26 January 2025", date(2025, 1, 26)),
        ("2025-01-21", date(2025, 1, 21)),
        ("PublishedJanuary 22, 2025", date(2025, 1, 22)),
        ("January 22, 2025", date(2025, 1, 22)),
        ("Jan. 22, 2025", date(2025, 1, 22)),
        ("Posted on Tuesday, 21 January 2025 at 10:15", date(2025, 1, 21)),
        ("• Published: 22/01/2025", date(2025, 1, 22)),
        ("03/04/2025", None),  # day and month could be swapped: never guessed
        ("January 22", None),  # no year: never completed
    ],
)
def test_clean_text_date_line_forms(line: str, expected: date | None) -> None:
    result = clean_text(_doc(TITLE, line, BODY))
    assert result.published == expected


def test_clean_text_date_in_prose_is_not_publication_date() -> None:
    prose = (
        "The ministers met on January 21, 2025 in the capital to discuss trade, energy and security in depth."
    )
    assert clean_text(_doc(TITLE, prose, BODY)).published is None


def test_clean_text_published_beats_updated() -> None:
    result = clean_text(_doc(TITLE, "Updated: 3 February 2025", "Published: 1 February 2025", BODY))
    assert result.published == date(2025, 2, 1)
    assert "Updated: 3 February 2025" in result.removed


@pytest.mark.parametrize(
    ("lines", "author"),
    [
        (("By Anna Petrova",), "Anna Petrova"),
        (("By Anna Petrova | January 5, 2025",), "Anna Petrova"),
        (("Author: Li Wei",), "Li Wei"),
        (("Written By", "John van der Berg"), "John van der Berg"),
        (("Posted by Maria Lopez",), "Maria Lopez"),
    ],
)
def test_clean_text_bylines(lines: tuple[str, ...], author: str) -> None:
    result = clean_text(_doc(TITLE, *lines, BODY))
    assert result.author == author
    for line in lines:
        assert line in result.removed


def test_clean_text_by_in_prose_is_not_a_byline() -> None:
    line = "By contrast, the ministers said little."
    result = clean_text(_doc(TITLE, line, BODY))
    assert result.author is None
    assert line in result.text


def test_clean_text_signature_line_is_author() -> None:
    result = clean_text(_doc(TITLE, BODY, SECOND, "Jane Q. Doe, Senior Fellow at the Institute of Studies"))
    assert result.author == "Jane Q. Doe"


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (_doc(TITLE, "Source: AFP", BODY), "AFP"),
        (_doc(TITLE, "MOSCOW (Reuters) - " + BODY), "Reuters"),
        (_doc(TITLE, "BEIJING, Jan 21 (Xinhua) — " + BODY), "Xinhua"),
        (_doc(TITLE, "MOSCOW, January 21. /TASS/. " + BODY), "TASS"),
        (_doc(TITLE, BODY, SECOND + " — TASS"), "TASS"),
        (_doc(TITLE, BODY.rstrip(".") + ", Al Jazeera reports.", SECOND), "Al Jazeera"),
        (_doc(TITLE, "Source: AFP", BODY.rstrip(".") + ", Al Jazeera reports."), "AFP"),
        (_doc(TITLE, BODY, "(The views expressed are those of the author and not of the ECFR)"), "ECFR"),
    ],
)
def test_clean_text_outlet_credits(text: str, outlet: str) -> None:
    assert clean_text(text).outlet == outlet


@pytest.mark.parametrize(
    "chrome",
    [
        "view 139",
        "1,204 views",
        "Previous Post Next Post",
        "« Previous article",
        "Source link",
        "Share this article",
        "Facebook Twitter LinkedIn WhatsApp",
        "Tags: China, Russia, trade",
        "#China #Russia #trade",
        "Leave a comment",
        "Advertisement",
        "© 2025 Example News. All rights reserved.",
        "Subscribe to our newsletter",
    ],
)
def test_clean_text_removes_chrome_lines(chrome: str) -> None:
    result = clean_text(_doc(TITLE, BODY, chrome, SECOND))
    assert chrome not in result.text.split("\n")
    assert chrome in result.removed
    assert BODY in result.text and SECOND in result.text


def test_clean_text_removes_related_list() -> None:
    related = ["Related Posts", "China and Russia sign energy deal", "Ministers to meet again in May"]
    result = clean_text(_doc(TITLE, BODY, SECOND, *related))
    assert result.text == BODY + "\n\n" + SECOND
    assert list(result.removed) == related


@pytest.mark.parametrize(
    "widget",
    [
        ["Комментарии", "Оставить комментарий"],
        ["コメント", "コメントを書く"],
        ["متن دیدگاه", "نظرات کاربران"],
    ],
)
def test_clean_text_removes_foreign_script_widgets(widget: list[str]) -> None:
    result = clean_text(_doc(TITLE, BODY, SECOND, *widget))
    assert result.text == BODY + "\n\n" + SECOND
    assert list(result.removed) == widget


def test_clean_text_keeps_foreign_words_inside_paragraphs() -> None:
    line = BODY + " The treaty is called Договор in Russian."
    assert line in clean_text(_doc(TITLE, line, SECOND)).text


def test_clean_text_container_title_removes_repeat_only() -> None:
    result = clean_text(_doc("Short line here", TITLE, BODY), title=TITLE)
    assert result.title == TITLE
    assert TITLE in result.removed
    assert "Short line here" in result.text


def test_clean_text_one_line_brief_that_repeats_its_title_is_kept() -> None:
    brief = "The harbour authority named a new director on Monday after a long search."
    assert clean_text(brief, title=brief).text == brief


def test_clean_text_share_of_removed_characters() -> None:
    result = clean_text(_doc(TITLE, BODY, "view 139"))
    assert result.boilerplate_removed == pytest.approx(
        len("view 139") / (len(BODY) + len("view 139")), abs=1e-4
    )


def test_clean_text_empty_input() -> None:
    assert clean_text(" \n\n ").text == ""


def test_clean_text_source_caption_mid_article_is_not_outlet() -> None:
    caption = "Source: Chinese customs data"
    result = clean_text(_doc(TITLE, BODY, caption, SECOND, BODY + " More.", SECOND + " More."))
    assert result.outlet is None
    assert caption in result.removed
