"""HTML pages (our own small pages): main text, JSON-LD and meta dates, URL dates, failures."""

from __future__ import annotations

from datetime import date

import pytest

from multipolar.clean.html import extract_html, page_date
from multipolar.errors import ParseError

PARAGRAPHS = [
    "The foreign ministers of the two countries met in the capital on Monday to discuss a wide range "
    "of questions, from trade in energy to the security of shipping lanes in the region.",
    "Officials said the talks were constructive and that both sides agreed to meet again before the "
    "end of the year, when a joint statement on economic cooperation is expected to be signed.",
    "Analysts noted that the meeting came after months of tension over tariffs, and that neither side "
    "had yet published the text of the agreement reached during the previous round of talks.",
]


def _page(head: str = "", body_extra: str = "", title: str = "Ministers meet to discuss trade") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{title} | Example News</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}{body_extra}</article>"
        "<footer><p>Share on Facebook</p><p>© 2025 Example News. All rights reserved.</p></footer>"
        "</body></html>"
    )


def test_extract_html_main_text_keeps_paragraphs_and_drops_navigation() -> None:
    result = extract_html(_page(), url="https://example.org/news/ministers", source_uri="page.html")
    for paragraph in PARAGRAPHS:
        assert paragraph in result.text
    assert "Share on Facebook" not in result.text and "All rights reserved" not in result.text


def test_extract_html_json_ld_date_headline_author() -> None:
    head = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
        '"headline":"Ministers meet to discuss trade","datePublished":"2025-01-21T09:30:00+03:00",'
        '"author":{"@type":"Person","name":"Anna Petrova"},"publisher":{"@type":"Organization","name":"Example News"}}'
        "</script>"
    )
    result = extract_html(_page(head), url=None, source_uri="page.html")
    assert result.published == date(2025, 1, 21)
    assert result.published_from == "meta"
    assert result.title == "Ministers meet to discuss trade"
    assert result.author == "Anna Petrova"
    assert result.site_name == "Example News"


@pytest.mark.parametrize(
    "meta",
    [
        '<meta property="article:published_time" content="2024-11-05T10:00:00Z">',
        '<meta name="citation_date" content="2024/11/05">',
        '<meta name="parsely-pub-date" content="2024-11-05T10:00:00Z">',
        '<meta name="dc.date" content="2024-11-05">',
    ],
)
def test_extract_html_meta_dates(meta: str) -> None:
    result = extract_html(_page(meta), url=None, source_uri="page.html")
    assert result.published == date(2024, 11, 5)
    assert result.published_from == "meta"


def test_extract_html_url_date_wins() -> None:
    result = extract_html(
        _page(), url="https://example.org/2023/03/14/ministers-meet/", source_uri="page.html"
    )
    assert (result.published, result.published_from) == (date(2023, 3, 14), "url")


def test_extract_html_time_element() -> None:
    body = '<p>Posted <time class="published" datetime="2022-06-30T08:00:00">June 30</time></p>'
    assert page_date(_page(body_extra=body), url=None) == date(2022, 6, 30)


def test_extract_html_canonical_and_site_name() -> None:
    head = (
        '<link rel="canonical" href="https://example.org/world/ministers">'
        '<meta property="og:site_name" content="Example News">'
    )
    result = extract_html(_page(head), url=None, source_uri="page.html")
    assert result.url == "https://example.org/world/ministers"
    assert result.site_name == "Example News"


def test_extract_html_xml_declaration_is_parsed() -> None:
    page = '<?xml version="1.0" encoding="ISO-8859-1"?>' + _page('<meta name="dc.date" content="2021-02-03">')
    result = extract_html(page, url=None, source_uri="page.html")
    assert result.published == date(2021, 2, 3)


def test_extract_html_no_main_text_raises_with_page_name() -> None:
    with pytest.raises(ParseError) as info:
        extract_html(
            "<html><head><script>var x=1;</script></head><body><div></div></body></html>",
            url=None,
            source_uri="empty-shell.html",
        )
    assert info.value.code == "no_main_text"
    assert "empty-shell.html" in info.value.message


def test_extract_html_short_page_uses_fallback_text() -> None:
    page = "<html><body><div>A short notice: the embassy is closed on Friday for the holiday.</div></body></html>"
    result = extract_html(page, url=None, source_uri="notice.html")
    assert "embassy is closed" in result.text


def _dated_page(header: str, *, head: str = "", before: str = "", title: str = "Ministers meet to discuss trade") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html lang='de'><head><title>{title} | Example News</title>{head}</head><body>"
        "<div class='masthead'>Samstag, 19. Oktober 2024</div>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article>{before}<h1>{title}</h1>{header}{paragraphs}"
        "<div class='comments'><p>Markus 25.10.2024 - 00:00 Uhr</p><p>Great piece.</p></div></article>"
        "</body></html>"
    )


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("<p class='byline'>Von <a href='/a'>Anna Petrova</a> 17.10.2024, 09:15 Uhr</p>", date(2024, 10, 17)),
        ("<div>Datum:</div><div>3.2.2024</div>", date(2024, 2, 3)),
        ("<p>Stand: 18. März 2024 18:00 Uhr</p>", date(2024, 3, 18)),
        ("<p>By Anna Petrova/June 12, 2024 9:49 am EST/Updated: Aug. 18, 2024</p>", date(2024, 6, 12)),
        ("<p>Publié le 5 mai 2024</p>", date(2024, 5, 5)),
        ("<p>Posted on <time>Sept. 3, 2024</time> by admin</p>", date(2024, 9, 3)),
    ],
)
def test_page_date_dateline_under_headline(header: str, expected: date) -> None:
    # the visible dateline wins over the masthead date, the comment dates and a UTC timestamp a day off
    head = '<meta property="article:published_time" content="2024-10-20T22:30:00Z">'
    assert page_date(_dated_page(header, head=head), url=None) == expected


def test_page_date_dateline_kicker_above_headline() -> None:
    page = _dated_page("", before="<p>31. Oktober 2023 · Von Redaktion</p>")
    assert page_date(page, url=None) == date(2023, 10, 31)


def test_page_date_dateline_ignores_prose_and_dated_titles() -> None:
    # a date in running prose or in the headline itself is not a dateline: the markup's date stays
    head = '<meta property="article:published_time" content="2024-01-11T08:00:00+01:00">'
    prose = (
        "<p>Die nächste Sitzung findet am Mittwoch, 5. Februar 2025 ab 19 Uhr im Rathaus statt, "
        "wie der Verein mitteilte.</p>"
    )
    assert page_date(_dated_page(prose, head=head), url=None) == date(2024, 1, 11)
    titled = _dated_page("", head=head, title="Protokoll der Sitzung vom 10. Oktober 2023")
    assert page_date(titled, url=None) == date(2024, 1, 11)


def test_page_date_dateline_ambiguous_slashes_are_not_guessed() -> None:
    head = '<meta property="article:published_time" content="2024-04-03T08:00:00+01:00">'
    page = _dated_page("<p>By Anna Petrova | 03/04/2024</p>", head=head)
    assert page_date(page, url=None) == date(2024, 4, 3)


def test_page_date_url_day_still_wins_over_dateline() -> None:
    page = _dated_page("<p>Von Anna Petrova 17.10.2024</p>")
    assert page_date(page, url="https://example.org/2024/10/16/ministers/") == date(2024, 10, 16)


def test_extract_html_dateline_is_published_from_text() -> None:
    result = extract_html(_dated_page("<p>Von Anna Petrova 17.10.2024</p>"), url=None, source_uri="p.html")
    assert (result.published, result.published_from) == (date(2024, 10, 17), "text")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18. März 2020", date(2020, 3, 18)),
        ("4. 2. 2022", date(2022, 2, 4)),
        ("le 5 mai 2019", date(2019, 5, 5)),
        ("2020-01-05T10:00:00+02:00", date(2020, 1, 5)),
        ("13/04/2020", date(2020, 4, 13)),
        ("03/04/2020", None),
        ("31.02.2020", None),
    ],
)
def test_find_page_date_formats(text: str, expected: date | None) -> None:
    from multipolar.clean.dates import find_page_date

    assert find_page_date(text) == expected


def test_page_date_dateline_skips_a_marked_modification_date() -> None:
    header = ("<div><time itemprop='dateModified'>2024-11-20 10:00:00</time> "
              "<time itemprop='datePublished' datetime='2024-10-02 09:00:00'>2024-10-02 09:00:00</time></div>")
    assert page_date(_dated_page(header), url=None) == date(2024, 10, 2)


@pytest.mark.parametrize(
    ("value", "local"),
    [
        ("2024-05-06T23:30:00+02:00", date(2024, 5, 6)),  # a local offset: the publisher's day
        ("2024-05-06 23:30:00", date(2024, 5, 6)),  # no offset: local time
        ("2024-05-06", date(2024, 5, 6)),
        ("2024-05-06T23:30:00Z", None),  # UTC: the local day may differ, so it is only `markup`
        ("2024-05-06T23:30:00+00:00", None),
    ],
)
def test_page_date_sources_local_markup_date(value: str, local: date | None) -> None:
    from multipolar.clean.html import page_date_sources

    head = f'<meta property="article:published_time" content="{value}">'
    found = page_date_sources(_page(head), url=None)
    assert found["markup_local"] == local
    assert found["markup"] == date(2024, 5, 6)


def test_page_date_sources_itemprop_on_any_element() -> None:
    from multipolar.clean.html import page_date_sources

    body = '<p class="date" itemprop="datePublished" content="2022-01-14 10:31:00">January 2022</p>'
    assert page_date_sources(_page(body_extra=body), url=None)["markup_local"] == date(2022, 1, 14)


def test_page_date_follows_the_given_order_of_sources() -> None:
    head = '<meta property="article:published_time" content="2024-05-06T08:00:00+02:00">'
    url = "https://example.org/2024/05/01/ministers/"
    assert page_date(_page(head), url=url) == date(2024, 5, 1)
    assert page_date(_page(head), url=url, order=("markup_local", "url")) == date(2024, 5, 6)


def test_page_date_unknown_source_is_named() -> None:
    from multipolar.errors import UsageError

    with pytest.raises(UsageError, match="'byline'"):
        page_date(_page(), url=None, order=("byline",))


@pytest.mark.parametrize(
    ("found", "expected"), [("2004-01-01", None), ("2004-03-01", date(2004, 3, 1)), (None, None)]
)
def test_htmldate_first_of_january_is_a_year_not_a_day(found: str | None, expected: date | None) -> None:
    from multipolar.clean.published import _day_not_year

    assert _day_not_year(found) == expected


def test_page_date_dateline_long_block_counts_only_by_its_opening_date() -> None:
    head = '<meta property="article:published_time" content="2024-01-11T08:00:00+01:00">'
    opening = ("<p>12. März 2023. Der Stadtrat hat am Abend den neuen Haushalt beschlossen, nach einer langen "
               "Sitzung mit vielen Anträgen.</p>")
    assert page_date(_dated_page(opening, head=head), url=None) == date(2023, 3, 12)
    late = ("<p>Der Stadtrat hat den neuen Haushalt beschlossen, nach einer Sitzung, die schon am "
            "12. März 2023 begonnen hatte, mit vielen Anträgen.</p>")
    assert page_date(_dated_page(late, head=head), url=None) == date(2024, 1, 11)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<div><h5>Datum: </h5>03.02.2022</div>", date(2022, 2, 3)),
        ("<p><span>Erschienen am</span> <time datetime='2022-01-26'>26. Jan 2022</time></p>", date(2022, 1, 26)),
        ("<p>Published: March 4, 2021</p>", date(2021, 3, 4)),
        ("<p>Updated: March 4, 2021</p>", None),  # a modification label is not a publication label
        ("<p>Datum der Veranstaltung ist der 4. März 2021 in der Stadthalle</p>", None),  # no date after the label
    ],
)
def test_page_date_sources_labelled_date(body: str, expected: date | None) -> None:
    from multipolar.clean.html import page_date_sources

    assert page_date_sources(_page(body_extra=body), url=None)["labelled"] == expected


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        ("date-display-single", date(2022, 1, 25)),
        ("entry-date published updated", date(2022, 1, 25)),
        ("date-modified", None),
        ("comment-date", None),
        ("clock", None),
    ],
)
def test_page_date_sources_time_marked_by_a_date_class(css: str, expected: date | None) -> None:
    from multipolar.clean.html import page_date_sources

    body = f'<div class="meta"><time class="{css}" datetime="2022-01-25T08:00:00+01:00">25.01.2022</time></div>'
    assert page_date_sources(_page(body_extra=body), url=None)["time"] == expected


# four short blocks without a date: 272 characters of text between the headline and what follows
_FILLER = "".join(f"<p>Teaser line number {n} about the ministers and their long day of talks</p>" for n in range(4))


def test_page_date_dateline_lead_paragraph_starting_in_the_window_is_read() -> None:
    # the lead paragraph starts within the dateline window and runs past it: the date it opens with counts
    head = '<meta property="article:published_time" content="2024-01-11T08:00:00+01:00">'
    lead = ("<p>5. März 2024. Die Minister der beiden Länder trafen sich am Montag in der Hauptstadt, um über "
            "Handel, Energie und die Sicherheit der Schifffahrt zu sprechen.</p>")
    assert page_date(_dated_page(_FILLER + lead, head=head), url=None) == date(2024, 3, 5)


def test_page_date_dateline_short_block_ending_past_the_window_is_not_read() -> None:
    head = '<meta property="article:published_time" content="2024-01-11T08:00:00+01:00">'
    late = "<p>Archiv: Ausgabe vom 17.10.2024</p>"
    assert page_date(_dated_page(_FILLER + late, head=head), url=None) == date(2024, 1, 11)


def test_page_date_sources_labelled_publiziert() -> None:
    from multipolar.clean.html import page_date_sources

    body = "<p class='meta'>Publiziert am 4. Mai 2021 von Redaktion</p>"
    assert page_date_sources(_page(body_extra=body), url=None)["labelled"] == date(2021, 5, 4)


def test_a_list_of_links_inside_a_badly_closed_article_is_dropped() -> None:
    # rule html.link_list: an unclosed related-stories block inside the article, whose long headlines
    # trafilatura keeps as bullets; they are links, not the article's words
    paragraphs = "".join(f"<P>{p}\n" for p in PARAGRAPHS)
    page = ("<html><head><title>Ministers meet to discuss trade - The Harbour Ledger</title></head><BODY>\n"
            "<div class=menu><ul><li><a href=/world>World</a><li><a href=/trade>Trade</a></ul>\n"
            "<div id=main><div class=article><h1>Ministers meet to discuss trade</h1>\n"
            "<div class=byline>By Ann Lee | May 2, 2025\n<br>\n" + paragraphs
            + "<div class=share>Share this: <a href=#>Email</a>\n<div class=related><b>Related</b>\n<ul>\n"
            "<li><a href='/a'>Ministers agree to cut fishing quotas after the first round of talks, reject a full "
            "ban on trawling</a>\n<li><a href='/b'>Talks on shipping lanes end without a deal as both sides blame "
            "each other for delays</a>\n</ul>\n<p>Leave a comment\n<div class=footer>(c) 2025 The Harbour Ledger\n</BODY></html>")
    result = extract_html(page, url="https://example.org/news/ministers", source_uri="page.html")
    assert "fishing quotas" not in result.text and "shipping lanes end" not in result.text
    assert any("shipping lanes end without a deal" in line for line in result.removed)
    for paragraph in PARAGRAPHS:
        assert paragraph in result.text


def test_a_list_item_with_words_beside_its_link_stays() -> None:
    points = ("<ul><li>The two sides agreed to cut fishing quotas, <a href='/q'>the ministry said</a>.</li>"
              "<li>A second round of talks is planned for the spring.</li></ul>")
    result = extract_html(_page(body_extra=points), url="https://example.org/news/ministers", source_uri="page.html")
    assert "cut fishing quotas" in result.text and "second round of talks" in result.text
