"""HTML pages: main text with trafilatura, metadata from the page's own declarations first.

`extract_html(html, url=..., source_uri=...)` returns an `HtmlExtraction`. The main text comes from
`trafilatura.bare_extraction(favor_precision=True, include_comments=False, include_tables=True)`
(measured in benchmarks/bench_extraction.py: it beats the default and favor_recall on the
Scrapinghub article-extraction benchmark), then the plain-text rules of `clean.text` remove the chrome
trafilatura leaves (share widgets, "Read more" lines, repeated headlines); bullet lines that are a list item of the page made
of a link alone are dropped first (rule `html.link_list`: related-stories lists, menus). When trafilatura finds
nothing, a recall-oriented pass and then the page's whole visible text (cleaned by the same rules)
are tried; when even that is empty, `ParseError(code="no_main_text")` names the page.

The publication day comes from `clean.published` (URL, dateline, declared markup dates, htmldate,
tried in an order chosen by cross-validation over sites; `published_from` says which kind); when
none gives one, a date line in the extracted text ("text").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from multipolar.clean.published import PUBLISHED_ORDER, SOURCES, DateSources, publication_date
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
# what a page may declare about itself in <meta> (first one wins); read by `markup_title` and `site_name`
_DECLARED = ("og:title", "og:site_name", "og:url", "author", "article:author", "twitter:title", "dc.title",
             "title", "application-name", "twitter:site", "article:publisher")
# " | ", " - ", " — ", " :: " between a headline and the site's name in <title>
_TITLE_PARTS = re.compile(r"\s+(?:[|\u2013\u2014\u00b7\u2022-]|::)\s+")
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|Posting|Review|Story", re.I)


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

    # trafilatura gets our tree (it works on a copy) and only extracts the text: the title, author, site and
    # URL come from the page's own declarations below, which costs a fraction of its metadata search
    options = {"url": page_url, "include_comments": False, "with_metadata": False}
    result = trafilatura.bare_extraction(tree, favor_precision=True, include_tables=True, **options)
    text = (result.text or "") if result is not None else ""
    if not text.strip():
        result = trafilatura.bare_extraction(tree, favor_recall=True, **options) or result
        text = (result.text or "") if result is not None else ""
    if not text.strip():
        text = trafilatura.html2txt(html) or ""
    title = page.get("headline") or page.get("og:title") or markup_title(tree, page)
    text, listed = without_link_lists(text, tree)
    cleaned = clean_text(text, title=title)
    if not cleaned.text.strip():
        raise ParseError(
            f"{source_uri} has no main text that could be extracted (trafilatura and the whole-page fallback "
            "found nothing): check that the page is an article and not a script-rendered shell",
            code="no_main_text",
        )
    published, published_from = publication_date(tree, html, page, page_url)
    if published is None and cleaned.published is not None:
        published, published_from = cleaned.published, "text"
    page_link = page.get("canonical") or page.get("og:url") or url
    return HtmlExtraction(
        text=cleaned.text,
        title=title,
        author=page.get("author") or cleaned.author,
        site_name=site_name(page, page_link),
        url=page_link,
        published=published,
        published_from=published_from,
        language=page.get("lang"),
        removed=(*listed, *cleaned.removed),
        boilerplate_removed=cleaned.boilerplate_removed,
    )


def link_items(tree: Any) -> set[str]:
    """The texts of the page's list items that are nothing but a link ("Related" headlines, menus, "more on
    this story"): navigation, not the article's words."""
    out = set()
    for li in tree.iter("li"):
        text = " ".join(li.text_content().split())
        if text and " ".join(" ".join(a.text_content().split()) for a in li.iter("a")) == text:
            out.add(text)
    return out


def without_link_lists(text: str, tree: Any) -> tuple[str, tuple[str, ...]]:
    """Rule `html.link_list`: the text less its bullet lines ("- ...") whose words are a list item of the page
    that is nothing but a link (a related-stories list inside a badly closed article element reaches the
    extracted text as bullets, and its headlines would be coded as news), and the lines removed."""
    if "- " not in text:
        return text, ()
    links = link_items(tree)
    keep, removed = [], []
    for line in text.split("\n"):
        item = line.strip()
        if item[:2] in ("- ", "* ", "• ") and " ".join(item[2:].split()) in links:
            removed.append(item)
        else:
            keep.append(line)
    return ("\n".join(keep), tuple(removed)) if removed else (text, ())


def markup_title(tree: Any, page: dict[str, Any]) -> str | None:
    """The title a page declares when it has no JSON-LD headline or og:title: a title <meta>, else the
    longest part of <title> (a site's name is usually the shorter part beside the headline), else the
    first <h1>."""
    for key in ("twitter:title", "dc.title", "title"):
        if page.get(key):
            return " ".join(page[key].split())
    for tag in ("title", "h1"):
        node = next(tree.iter(tag), None)
        text = " ".join(node.text_content().split()) if node is not None else ""
        if text:
            return max(_TITLE_PARTS.split(text), key=len) if tag == "title" else text
    return None


def site_name(page: dict[str, Any], url: str | None) -> str | None:
    """The site's name as the page declares it (og:site_name, the JSON-LD publisher, a publisher or
    application-name <meta>, the Twitter handle), else the host of its URL without "www."."""
    for key in ("og:site_name", "publisher", "article:publisher", "application-name", "twitter:site"):
        value = (page.get(key) or "").strip().lstrip("@")
        if value and not value.startswith(("http:", "https:")):
            return value
    host = _HOST.match(url or "")
    return host.group(1).lower() if host else None


_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:www\d?\.)?([^/:?#@\s]+)", re.I)


def page_date(html: str, *, url: str | None, order: tuple[str, ...] | None = None) -> date | None:
    """The publication day the page's markup and URL give (see `clean.published`), without extracting
    text; `order` replaces the default order of the sources."""
    tree = _parse(html)
    if tree is None:
        return None
    page = _page_metadata(tree)
    page_url = url or page.get("canonical")
    return publication_date(tree, html, page, page_url, order or PUBLISHED_ORDER)[0]


def page_date_sources(html: str, *, url: str | None) -> dict[str, date | None]:
    """Every source's day for one page (for measuring orders of the sources; see `clean.published`)."""
    tree = _parse(html)
    if tree is None:
        return dict.fromkeys(SOURCES)
    page = _page_metadata(tree)
    return DateSources(tree, html, page, url or page.get("canonical")).all()


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
        elif key in _DECLARED and key not in page:
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
