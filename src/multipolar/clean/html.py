"""HTML pages: main text with trafilatura, metadata from the page's own declarations first.

`extract_html(html, url=..., source_uri=...)` returns an `HtmlExtraction`. The main text comes from
`trafilatura.bare_extraction(favor_precision=True, include_comments=False, include_tables=True)`
(measured in benchmarks/bench_extraction.py: it beats the default and favor_recall on the
Scrapinghub article-extraction benchmark), then the plain-text rules of `clean.text` remove the chrome
trafilatura leaves (share widgets, "Read more" lines, repeated headlines). When trafilatura finds
nothing, a recall-oriented pass and then the page's whole visible text (cleaned by the same rules)
are tried; when even that is empty, `ParseError(code="no_main_text")` names the page.

The publication day, in order (the first found wins; `published_from` says which kind):
1. a full date in the URL path, /2025/01/21/ or 2025-01-21 ("url");
2. the dateline the page shows under its headline (a short block: "Von Anna Petrova 29.04.2020,
   12:01 Uhr", "By X | June 12, 2020", "Updated Mar 12, 2020", or the kicker line just above it)
   ("text"; see `_dateline_date`): on htmldate's evaluation set it fixed 15 of 47 misses (mostly a
   UTC timestamp a day off the local day shown, masthead or comment dates picked instead) for 1 loss;
3. htmldate's search of the markup, original (not modified) date preferred ("meta"); when the URL
   names only a month (/2011/12/slug) and htmldate's day lies outside it, htmldate searches again
   within that month;
4. JSON-LD `datePublished` of an Article/NewsArticle/BlogPosting/Report object, then any
   `datePublished`/`dateCreated`, then meta tags (article:published_time, og:published_time,
   itemprop=datePublished, citation_date, parsely-pub-date, sailthru.date, dc.date, dcterms.issued,
   pubdate, ...) ("meta");
5. <time datetime> marked as the publication time (itemprop, pubdate, class "published") ("meta");
then a date line in the extracted text ("text"). A modification date in the markup is never taken
for publication; a dateline's first date is, even when labelled "Updated" (the day the page shows).
Measured on htmldate's evaluation set (benchmarks/bench_extraction.py): putting JSON-LD and meta
tags before htmldate loses pages (a UTC timestamp's day is often not the day the page shows), so
they are the fallback when htmldate finds nothing; the URL's day is the most reliable signal.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from multipolar.clean.dates import DATE_PATTERN, date_from_match, find_page_date
from multipolar.clean.text import clean_text
from multipolar.errors import ParseError


@dataclass(frozen=True, slots=True)
class HtmlExtraction:
    text: str
    title: str | None = None
    author: str | None = None
    site_name: str | None = None
    url: str | None = None
    published: date | None = None
    published_from: str = "none"  # meta | url | text | none
    language: str | None = None  # the page's declared language (<html lang>), a hint only
    removed: tuple[str, ...] = ()
    boilerplate_removed: float = 0.0


_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "published_time",
    "article.published",
    "datepublished",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "prism.publicationdate",
    "article_date_original",
    "original-publish-date",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "date_published",
    "date",
    "cxenseparse:recs:publishtime",
    "eprints.date",
    "dc.created",
    "bt:pubdate",
    "pdate",
    "displaydate",
    "og:pubdate",
)
_PUBLISHED_RANK = {name: rank for rank, name in enumerate(_PUBLISHED_META)}
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|Posting|Review|Story", re.I)
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:/|[_-]|\.html?|$)"
)
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/")
_URL_DATE_SLASHED = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/")


def extract_html(html: str, *, url: str | None, source_uri: str) -> HtmlExtraction:
    """Main text and metadata of one HTML page; raises ParseError when the page has no main text."""
    import trafilatura

    tree = _parse(html)
    if tree is None:
        raise ParseError(
            f"{source_uri} is not parseable HTML (lxml found no document): check that the file is a web page",
            code="bad_html",
        )
    page = _page_metadata(tree)
    page_url = url or page.get("canonical")

    result = trafilatura.bare_extraction(
        html,
        url=page_url,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
    )
    text = (result.text or "") if result is not None else ""
    if not text.strip():
        result = (
            trafilatura.bare_extraction(
                html, url=page_url, favor_recall=True, include_comments=False, with_metadata=True
            )
            or result
        )
        text = (result.text or "") if result is not None else ""
    if not text.strip():
        text = trafilatura.html2txt(html) or ""
    title = page.get("headline") or (result.title if result is not None else None) or page.get("og:title")
    cleaned = clean_text(text, title=title)
    if not cleaned.text.strip():
        raise ParseError(
            f"{source_uri} has no main text that could be extracted (trafilatura and the whole-page fallback "
            "found nothing): check that the page is an article and not a script-rendered shell",
            code="no_main_text",
        )
    published, published_from = _publication_date(tree, html, page, page_url, result)
    if published is None and cleaned.published is not None:
        published, published_from = cleaned.published, "text"
    author = page.get("author") or (result.author if result is not None else None) or cleaned.author
    site_name = (
        page.get("og:site_name") or page.get("publisher") or (result.sitename if result is not None else None)
    )
    return HtmlExtraction(
        text=cleaned.text,
        title=title,
        author=author,
        site_name=site_name,
        url=page.get("canonical")
        or page.get("og:url")
        or (result.url if result is not None else None)
        or url,
        published=published,
        published_from=published_from,
        language=page.get("lang"),
        removed=cleaned.removed,
        boilerplate_removed=cleaned.boilerplate_removed,
    )


def page_date(html: str, *, url: str | None) -> date | None:
    """The publication day the page's markup and URL give (steps 1-5 above), without extracting text."""
    tree = _parse(html)
    if tree is None:
        return None
    page = _page_metadata(tree)
    return _publication_date(tree, html, page, url or page.get("canonical"), None)[0]


def _parse(html: str) -> Any:
    """An lxml tree of the page, or None; the text is passed as UTF-8 bytes so that an XML
    declaration naming another encoding cannot make lxml refuse it."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
    try:
        return lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError):
        return None


def _page_metadata(tree: Any) -> dict[str, Any]:
    """What the page declares about itself: JSON-LD, meta tags, canonical link, <html lang>."""
    page: dict[str, Any] = {"meta_dates": []}
    lang = tree.get("lang") or tree.get("xml:lang")
    if lang:
        page["lang"] = lang.split("-")[0].lower()
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        content = (node.get("content") or node.get("datetime") or "").strip()
        if not key or not content:
            continue
        if key in _PUBLISHED_RANK:
            page["meta_dates"].append((_PUBLISHED_RANK[key], content))
        elif key in ("og:title", "og:site_name", "og:url", "author", "article:author") and key not in page:
            page["author" if key == "article:author" and not content.startswith("http") else key] = content
    for node in tree.iter("link"):
        if (node.get("rel") or "").lower() == "canonical" and node.get("href"):
            page.setdefault("canonical", node.get("href").strip())
    for node in tree.iter("script"):
        if (node.get("type") or "").lower() != "application/ld+json" or not node.text:
            continue
        try:
            data = json.loads(node.text.strip().rstrip(";"))
        except (ValueError, RecursionError):
            continue
        for obj in _json_ld_objects(data):
            _read_json_ld(obj, page)
    return page


def _json_ld_objects(data: Any, depth: int = 0) -> list[dict[str, Any]]:
    if depth > 4:
        return []
    if isinstance(data, list):
        return [o for item in data for o in _json_ld_objects(item, depth + 1)]
    if isinstance(data, dict):
        found = [data]
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if isinstance(data.get(key), (list, dict)):
                found += _json_ld_objects(data[key], depth + 1)
        return found
    return []


def _read_json_ld(obj: dict[str, Any], page: dict[str, Any]) -> None:
    kind = obj.get("@type")
    kind_text = " ".join(kind) if isinstance(kind, list) else str(kind or "")
    is_article = bool(_ARTICLE_TYPES.search(kind_text))
    for key, rank in (("datePublished", 0), ("dateCreated", 2)):
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            page.setdefault("ld_dates", []).append((rank if is_article else rank + 1, value.strip()))
    if is_article:
        headline = obj.get("headline") or obj.get("name")
        if isinstance(headline, str) and headline.strip():
            page.setdefault("headline", " ".join(headline.split()))
        author = _names(obj.get("author"))
        if author:
            page.setdefault("author", author)
        publisher = _names(obj.get("publisher"))
        if publisher:
            page.setdefault("publisher", publisher)


def _names(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        name = value.get("name")
        return name.strip() if isinstance(name, str) and name.strip() else None
    if isinstance(value, list):
        names = [n for n in (_names(v) for v in value[:5]) if n]
        return ", ".join(dict.fromkeys(names)) or None
    return None


def _day(value: str) -> date | None:
    match = DATE_PATTERN.search(value)
    return date_from_match(match) if match else None


def _publication_date(
    tree: Any, html: str, page: dict[str, Any], url: str | None, result: Any
) -> tuple[date | None, str]:
    day = _url_date(url)
    if day is not None:
        return day, "url"
    day = _dateline_date(tree, page)
    if day is not None:
        return day, "text"
    if not _markup_only(html):
        return _fallback_date(tree, page)
    from htmldate import find_date

    found = find_date(html, url=url, original_date=True, extensive_search=True)
    month = _url_month(url)
    if month is not None and (not found or found[:7] != f"{month[0]:04d}-{month[1]:02d}"):
        # the URL names the month (/2011/12/slug): a day outside it is a wrong pick; search within it
        last = calendar.monthrange(*month)[1]
        within = find_date(
            html,
            url=url,
            original_date=True,
            min_date=datetime(*month, 1),
            max_date=datetime(*month, last, 23, 59),
        )
        found = within or found
    if found:
        return date.fromisoformat(found), "meta"
    return _fallback_date(tree, page)


def _markup_only(html: str) -> bool:
    """Whether htmldate may be given this string: it downloads a string that starts with "http" and
    holds no space (a page whose whole HTML is a URL), from any address, with its own client. All our
    fetching goes through sources.web (address checks, deadline, size cap), so such a string is never
    passed on."""
    return not (html.startswith("http") and " " not in html)


def _fallback_date(tree: Any, page: dict[str, Any]) -> tuple[date | None, str]:
    for _rank, value in sorted(page.get("ld_dates", []) + page["meta_dates"], key=lambda pair: pair[0]):
        day = _day(value)
        if day is not None:
            return day, "meta"
    for node in tree.iter("time"):
        marked = (
            node.get("itemprop") == "datePublished"
            or node.get("pubdate") is not None
            or re.search(r"publish|posted|entry-date|post-date", node.get("class") or "", re.I)
        )
        value = node.get("datetime")
        if marked and value:
            day = _day(value)
            if day is not None:
                return day, "meta"
    return None, "none"


_SKIPPED_TAGS = frozenset(
    "script style noscript template svg select option button iframe form textarea".split()
)
_INLINE_TAGS = frozenset(
    "a span b i em strong small time abbr u sup sub font label mark cite bdi bdo q s data".split()
)
_DATELINE_WINDOW = 300  # characters of page text after the headline in which the dateline is sought
_DATELINE_MAX = 80  # a dateline is a short block: "Von Anna Petrova 29.04.2020, 12:01 Uhr"
_WORD = re.compile(r"\w+")


def _blocks(root: Any) -> tuple[list[tuple[str, bool]], list[int]]:
    """The page's visible text as blocks in document order (inline elements joined, block elements
    and <br> splitting), each with whether it lies inside an <h1>; and the index of each <h1>."""
    blocks: list[tuple[str, bool]] = []
    headings: list[int] = []
    parts: list[str] = []
    state = {"h1": False}

    def flush() -> None:
        text = " ".join("".join(parts).split())
        parts.clear()
        if text:
            blocks.append((text, state["h1"]))

    def walk(node: Any) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in _SKIPPED_TAGS or not tag:
            return
        inline = tag in _INLINE_TAGS
        if not inline:
            flush()
        outer = state["h1"]
        if tag == "h1":
            state["h1"] = True
            headings.append(len(blocks))
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if not inline:
            flush()
        state["h1"] = outer

    walk(root)
    flush()
    return blocks, headings


def _dateline_date(tree: Any, page: dict[str, Any]) -> date | None:
    """The date the page shows in its dateline: the first date in a short text block just after the
    headline (within the headline's block only when the block is not the title itself), else in the
    block just before it (a kicker line: "31. Oktober 2023 · Von Redaktion").

    The headline is the <h1> whose words are mostly the page's <title> (og:title, JSON-LD headline),
    else the first <h1> of four or more words, else the first short block that is mostly title words.
    A date in running prose (long blocks), the site's masthead date and comment or sidebar dates
    further down are not taken. Measured on htmldate's evaluation set: the displayed local day beats
    the markup's UTC timestamps and htmldate's page-wide search."""
    node = tree.find(".//title")
    title = " ".join((node.text_content() if node is not None else "").split())
    title = " ".join(t for t in (title, page.get("og:title") or "", page.get("headline") or "") if t)
    title_words = set(_WORD.findall(title.lower()))
    body = tree.find("body")
    blocks, headings = _blocks(body if body is not None else tree)
    start, best = None, 0.0
    for index in headings:
        words = set()
        for text, in_h1 in blocks[index:]:
            if not in_h1:
                break
            words |= set(_WORD.findall(text.lower()))
        if words and title_words:
            score = len(words & title_words) / len(words)
            if score > best:
                start, best = index, score
    if start is None or best < 0.5:
        start = next(
            (i for i in headings if i < len(blocks) and blocks[i][1] and len(blocks[i][0].split()) >= 4),
            None,
        )
    if start is None and title_words:
        for index, (text, _in_h1) in enumerate(blocks):
            words = set(_WORD.findall(text.lower()))
            if len(words) >= 4 and len(text) <= 200 and len(words & title_words) / len(words) >= 0.8:
                start = index
                break
    if start is None:
        return None
    lowered_title = title.lower()
    seen = 0
    for text, in_h1 in blocks[start:]:
        if not in_h1:
            seen += len(text)
            if seen > _DATELINE_WINDOW:
                break
        if len(text) > _DATELINE_MAX or text.lower() in lowered_title:
            continue
        found = find_page_date(text)
        if found is not None:
            return found
    if start > 0 and len(blocks[start - 1][0]) <= _DATELINE_MAX:
        return find_page_date(blocks[start - 1][0])
    return None


def _url_month(url: str | None) -> tuple[int, int] | None:
    match = _URL_MONTH.search(url or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def _url_date(url: str | None) -> date | None:
    if not url:
        return None
    match = _URL_DATE_SLASHED.search(url) or _URL_DATE.search(url)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
