"""A web page's publication day, from several sources tried in a fixed order.

The sources (each gives a day or nothing; `published_from` is "url", "text" or "meta"):

- `url`: a full date in the URL path, /2025/01/21/ or 2025-01-21 ("url");
- `dateline`: the date the page shows in a short block just under its headline (or the kicker line
  just above it): "Von Anna Petrova 17.10.2024, 09:15 Uhr", "By X | June 12, 2020" ("text"); text
  marked as a modification date (itemprop="dateModified") is not part of the page's visible blocks;
- `markup_local`: a publication date the markup declares (JSON-LD `datePublished`/`dateCreated`,
  publication meta tags, any element with itemprop="datePublished") written as a bare day or with a
  local UTC offset ("2019-10-18T18:11:44+02:00") or as a local time without an offset
  ("2022-01-14 10:31:00"): its day is the day the publisher's readers saw
  ("meta");
- `htmldate`: htmldate's search of the markup, original (not modified) date preferred; when the URL
  names only a month (/2011/12/slug) and htmldate's day lies outside it, htmldate searches again
  within that month ("meta");
- `markup`: any declared publication date, UTC timestamps included (a UTC day can be a day off the
  local day the page shows, so it is tried late) ("meta");
- `time`: a <time datetime> marked as the publication time (itemprop, pubdate, class "published",
  or any class naming a date that is not a modification or comment date) ("meta");
- `labelled`: a date the page labels as its publication date in a short visible block ("Datum:
  03.02.2022", "Erschienen am 26. Jan 2022", "Publiziert am 4. Mai 2021", "Published: March 4,
  2021"; "Updated" is no such label)
  ("text");
- `htmldate_modified`: htmldate's search without the preference for original dates, for pages
  that show only a last-modified date ("meta").

htmldate reports a year-only date as 1 January; such a day is no day and is not taken. A declared
modification date is never read as a publication date. The order of the sources, `PUBLISHED_ORDER`,
is chosen by cross-validation over htmldate's evaluation set with the folds split by site
(benchmarks/bench_published.py), never by the score of the pages it is reported on.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from typing import Any

from multipolar.clean.dates import (
    DATE_PATTERN,
    PAGE_DATE_PATTERN,
    date_from_match,
    find_page_date,
    page_date_from_match,
)
from multipolar.errors import UsageError

SOURCES = ("url", "dateline", "markup_local", "htmldate", "markup", "time", "labelled", "htmldate_modified")
# the order that gets the most exact days on htmldate's dev pages; leave-sites-out cross-validation of
# that choice: benchmarks/bench_published.py
PUBLISHED_ORDER: tuple[str, ...] = (
    "url", "dateline", "time", "markup_local", "labelled", "htmldate", "markup", "htmldate_modified"
)
_FROM = {"url": "url", "dateline": "text", "labelled": "text"}
_MODIFIED_ITEMPROPS = frozenset({"dateModified", "dateUpdated"})
_LOCAL_VALUE = re.compile(
    r"\s*(?:19|20)\d\d-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?\s*(?P<offset>[+-]\d\d:?\d\d)?)?\s*"
)
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:/|[_-]|\.html?|$)"
)
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/")
_URL_DATE_SLASHED = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/")




def publication_date(
    tree: Any, html: str, page: dict[str, Any], url: str | None, order: tuple[str, ...] = PUBLISHED_ORDER
) -> tuple[date | None, str]:
    """The first day the sources in `order` give, and where it came from ("url", "text", "meta")."""
    sources = DateSources(tree, html, page, url)
    for name in order:
        day = sources.get(name)
        if day is not None:
            return day, _FROM.get(name, "meta")
    return None, "none"


class DateSources:
    """Each source's day for one page, computed on first use (htmldate's searches are the slow ones)."""

    def __init__(self, tree: Any, html: str, page: dict[str, Any], url: str | None) -> None:
        self.tree, self.html, self.page, self.url = tree, html, page, url
        self._found: dict[str, date | None] = {}
        self._page_blocks: Blocks | None = None

    def blocks(self) -> Blocks:
        """The body's visible blocks and <h1> indices (see `_blocks`), walked once for every source."""
        if self._page_blocks is None:
            body = self.tree.find("body")
            self._page_blocks = _blocks(body if body is not None else self.tree)
        return self._page_blocks

    def get(self, name: str) -> date | None:
        if name not in self._found:
            if name not in SOURCES:
                raise UsageError(
                    f"publication date: unknown source {name!r} in the order of sources; use only {', '.join(SOURCES)}"
                )
            self._found[name] = getattr(self, "_" + name)()
        return self._found[name]

    def all(self) -> dict[str, date | None]:
        return {name: self.get(name) for name in SOURCES}

    def _url(self) -> date | None:
        return _url_date(self.url)

    def _dateline(self) -> date | None:
        return _dateline_date(self.tree, self.page, self.blocks())

    def _declared(self) -> list[str]:
        """Declared publication dates, most specific first: JSON-LD, meta tags, itemprop elements."""
        ranked = sorted(self.page.get("ld_dates", []) + self.page["meta_dates"], key=lambda pair: pair[0])
        values = [value for _rank, value in ranked]
        for node in self.tree.iterfind(".//*[@itemprop='datePublished']"):
            value = node.get("content") or node.get("datetime") or node.text_content()
            if value and value.strip():
                values.append(value.strip())
        return values

    def _markup_local(self) -> date | None:
        for value in self._declared():
            match = _LOCAL_VALUE.fullmatch(value)
            if match and (match.group("offset") or "").replace(":", "") not in ("+0000", "-0000"):
                day = _day(value)
                if day is not None:
                    return day
        return None

    def _markup(self) -> date | None:
        for value in self._declared():
            day = _day(value)
            if day is not None:
                return day
        return None

    def _htmldate(self) -> date | None:
        from htmldate import find_date

        if not markup_only(self.html):
            return None
        found = find_date(self.html, url=self.url, original_date=True, extensive_search=True)
        month = _url_month(self.url)
        if month is not None and (not found or found[:7] != f"{month[0]:04d}-{month[1]:02d}"):
            # the URL names the month (/2011/12/slug): a day outside it is a wrong pick; search within it
            last = calendar.monthrange(*month)[1]
            within = find_date(
                self.html,
                url=self.url,
                original_date=True,
                min_date=datetime(*month, 1),
                max_date=datetime(*month, last, 23, 59),
            )
            found = within or found
        return _day_not_year(found)

    def _htmldate_modified(self) -> date | None:
        from htmldate import find_date

        if not markup_only(self.html):
            return None
        return _day_not_year(find_date(self.html, url=self.url, original_date=False, extensive_search=True))

    def _labelled(self) -> date | None:
        return _labelled_date(self.blocks())

    def _time(self) -> date | None:
        for node in self.tree.iter("time"):
            marked = (
                node.get("itemprop") == "datePublished"
                or node.get("pubdate") is not None
                or _published_time_class(node.get("class") or "")
            )
            value = node.get("datetime")
            if marked and value:
                day = _day(value)
                if day is not None:
                    return day
        return None


def _published_time_class(css: str) -> bool:
    """A <time> class that marks the publication time: "published", "entry-date" (WordPress writes
    "entry-date published updated"), or any other class naming a date ("date-display-single") that is
    not a modification or comment date."""
    if re.search(r"publish|posted|entry-date|post-date", css, re.I):
        return True
    return bool(re.search(r"date", css, re.I)) and not re.search(r"modif|update|comment", css, re.I)


def _day_not_year(found: str | None) -> date | None:
    """htmldate's ISO day, or None for 1 January (how htmldate reports a date that names only a year)."""
    if not found:
        return None
    day = date.fromisoformat(found)
    return None if (day.month, day.day) == (1, 1) else day


def _day(value: str) -> date | None:
    match = DATE_PATTERN.search(value)
    return date_from_match(match) if match else None


# the page's visible text blocks (text, inside an <h1>) in document order, and the index of each <h1>
Blocks = tuple[list[tuple[str, bool]], list[int]]
_SKIPPED_TAGS = frozenset(
    "script style noscript template svg select option button iframe form textarea".split()
)
_INLINE_TAGS = frozenset(
    "a span b i em strong small time abbr u sup sub font label mark cite bdi bdo q s data".split()
)
_DATELINE_WINDOW = 300  # characters of page text after the headline in which the dateline is sought
_DATELINE_MAX = 80  # a dateline is a short block: "Von Anna Petrova 17.10.2024, 09:15 Uhr"
_WORD = re.compile(r"\w+")


def _blocks(root: Any) -> Blocks:
    """The page's visible text as blocks in document order (inline elements joined, block elements
    and <br> splitting), each with whether it lies inside an <h1>; and the index of each <h1>."""
    blocks: list[tuple[str, bool]] = []
    headings: list[int] = []
    parts: list[str] = []
    in_h1 = False

    def flush() -> None:
        text = " ".join("".join(parts).split())
        parts.clear()
        if text:
            blocks.append((text, in_h1))

    def walk(node: Any) -> None:
        # the hot loop of page cleaning: a block flushes only when it holds text, and an element's
        # tag is read once (lxml's HTML parser gives lower-case tags)
        nonlocal in_h1
        tag = node.tag
        if not isinstance(tag, str) or not tag or tag in _SKIPPED_TAGS or node.get("itemprop") in _MODIFIED_ITEMPROPS:
            return
        if not tag.islower():
            tag = tag.lower()
            if tag in _SKIPPED_TAGS:
                return
        inline = tag in _INLINE_TAGS
        if not inline and parts:
            flush()
        outer = in_h1
        if tag == "h1":
            in_h1 = True
            headings.append(len(blocks))
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if not inline and parts:
            flush()
        in_h1 = outer

    walk(root)
    if parts:
        flush()
    return blocks, headings


def _dateline_date(
    tree: Any, page: dict[str, Any], page_blocks: Blocks
) -> date | None:
    """The date the page shows in its dateline: the first date in a short text block just after the
    headline (within the headline's block only when the block is not the title itself), else in the
    block just before it (a kicker line: "31. Oktober 2023 · Von Redaktion").

    The headline is the <h1> whose words are mostly the page's <title> (og:title, JSON-LD headline),
    else the first <h1> of four or more words, else the first short block that is mostly title words.
    A date in running prose (long blocks), the site's masthead date and comment or sidebar dates
    further down are not taken; a longer block counts only by a date it opens with ("12. März
    2024. Der Stadtrat hat ..."), and it is read when it starts within the window after the headline (the
    lead paragraph, whose opening date is the news dateline), where a short block must end within it.
    Measured on htmldate's evaluation set: the displayed local day beats
    the markup's UTC timestamps and htmldate's page-wide search."""
    node = tree.find(".//title")
    page_title = " ".join((node.text_content() if node is not None else "").split())
    title = " ".join(t for t in (page_title, page.get("og:title") or "", page.get("headline") or "") if t)
    title_words = set(_WORD.findall(title.lower()))
    blocks, headings = page_blocks
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
            # a short block must end within the window; a long one (the lead paragraph, read by the
            # date it opens with) must start within it
            if seen > _DATELINE_WINDOW:
                break
            seen += len(text)
            if seen > _DATELINE_WINDOW and len(text) <= _DATELINE_MAX:
                break
        if text.lower() in lowered_title:
            continue
        # a long block counts only by a date it opens with ("12. März 2024. Der Stadtrat hat ...")
        found = _leading_date(text) if len(text) > _DATELINE_MAX else find_page_date(text)
        if found is not None:
            return found
    if start > 0 and len(blocks[start - 1][0]) <= _DATELINE_MAX:
        return find_page_date(blocks[start - 1][0])
    return None


# a label that says the date after it is the publication date ("Published: …", "Erschienen am …");
# "Updated"/"Aktualisiert" labels are not among them
_PUBLISHED_LABEL = re.compile(
    r"(?:published(?: on)?|posted(?: on)?|publication date|date|datum|erschienen(?: am)?|ver(?:ö|oe)ffentlicht(?: am)?|publiziert(?: am)?"
    r"|publi(?:é|e)(?: le)?|publicado(?: el)?|pubblicato(?: il)?|gepubliceerd(?: op)?)(?!\w)\s*:?\s*",
    re.IGNORECASE,
)


def _labelled_date(page_blocks: Blocks) -> date | None:
    """A date the page labels as its publication date: the first short visible block that starts with a
    publication label and a date ("Datum: 03.02.2022", "Erschienen am 26. Jan 2022"; a label alone takes
    the date from the next block). Measured on htmldate's evaluation set, such labels are nearly always
    right, where elements merely classed "date" are often a sidebar's or a comment's."""
    blocks, _headings = page_blocks
    for index, (text, _in_h1) in enumerate(blocks):
        if len(text) > _DATELINE_MAX:
            continue
        label = _PUBLISHED_LABEL.match(text)
        if label is None:
            continue
        rest = text[label.end():] or (blocks[index + 1][0] if index + 1 < len(blocks) else "")
        found = _leading_date(rest)
        if found is not None:
            return found
    return None


def _leading_date(text: str) -> date | None:
    """The date that `text` starts with (after at most a weekday or a few words), or None."""
    match = PAGE_DATE_PATTERN.search(text[:40])
    if match is None or len(text[: match.start()].split()) > 2:
        return None
    return page_date_from_match(match)


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


def markup_only(html: str) -> bool:
    """Whether htmldate may be given this string: it downloads a string that starts with "http" and
    holds no space (a page whose whole HTML is a URL), from any address, with its own client. All our
    fetching goes through sources.web (address checks, deadline, size cap), so such a string is never
    passed on."""
    return not (html.startswith("http") and " " not in html)
