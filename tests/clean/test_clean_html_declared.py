"""What a page declares about itself (title, site, author, link) when trafilatura only extracts the text."""

from __future__ import annotations

from multipolar.clean.html import _page_metadata, _parse, extract_html, markup_title, site_name

BODY = "<p>" + "The ministers of both countries met in the capital to discuss grain shipments and ports. " * 6 + "</p>"


def _page(head: str, body: str = BODY) -> str:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


def _title(html: str) -> str | None:
    tree = _parse(html)
    return markup_title(tree, _page_metadata(tree))


def test_the_longest_part_of_the_title_element_is_the_headline():
    assert _title(_page("<title>Grain talks resume in the capital | Harbour Gazette</title>")) == \
        "Grain talks resume in the capital"
    assert _title(_page("<title>Daily Post - Ministers agree to reopen two ports</title>")) == \
        "Ministers agree to reopen two ports"


def test_a_title_meta_comes_before_the_title_element_and_h1_is_the_last_resort():
    assert _title(_page('<meta name="twitter:title" content="Ports reopen"><title>Other | Site</title>')) == \
        "Ports reopen"
    assert _title(_page("", "<h1>Ports reopen after talks</h1>" + BODY)) == "Ports reopen after talks"
    assert _title(_page("", BODY)) is None


def test_a_hyphen_inside_a_word_does_not_split_the_title():
    assert _title(_page("<title>Post-war trade deal signed</title>")) == "Post-war trade deal signed"


def test_site_name_prefers_what_the_page_declares_then_its_host():
    assert site_name({"og:site_name": "Harbour Gazette"}, "https://www.example.org/a") == "Harbour Gazette"
    assert site_name({"twitter:site": "@harbourgazette"}, None) == "harbourgazette"
    assert site_name({"article:publisher": "https://social.example/gazette"}, "https://news.example.net/x") \
        == "news.example.net"
    assert site_name({}, "https://WWW.Example.org:8080/story?id=1") == "example.org"
    assert site_name({}, None) is None


def test_extract_html_fills_title_site_and_link_from_the_page():
    html = _page('<title>Grain talks resume | Harbour Gazette</title><meta property="og:site_name" '
                 'content="Harbour Gazette"><link rel="canonical" href="https://gazette.example/grain">'
                 '<meta name="author" content="A. Writer">')
    page = extract_html(html, url=None, source_uri="page.html")
    assert (page.title, page.site_name, page.url, page.author) == (
        "Grain talks resume", "Harbour Gazette", "https://gazette.example/grain", "A. Writer")
    assert page.text.startswith("The ministers of both countries met")
