"""RSS and Atom feeds, from a file or a fetched URL: one raw document per item.

An item's `raw` is the item element's own XML (so two feeds carrying the same item store it once);
its fields are the item's content (or summary), link, date, author and the feed's title as outlet.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser
from lxml import etree

from multipolar.errors import ParseError
from multipolar.records import RawDocument, Rejection
from multipolar.safe_text import repair, repair_charrefs

STAGE = "source"
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_TAG = re.compile(r"<(p|div|br|a|span|img|h\d|ul|li|strong|em)\b", re.IGNORECASE)


def looks_like_feed(raw: bytes) -> bool:
    return bool(_FEED_ROOT.search(raw[:2048]))


def _item_elements(raw: bytes) -> list[bytes]:
    try:
        parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
        root = etree.fromstring(raw, parser=parser)
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    items = [el for el in root.iter() if _is_item(el)]
    return [etree.tostring(el, encoding="utf-8") for el in items]


def _is_item(element: Any) -> bool:
    try:
        tag = element.tag
    except UnicodeDecodeError:  # a name the recovering parser kept undecodable (UTF-16 `xmlns='&#xd800;'`)
        return False
    return isinstance(tag, str) and _localname(tag) in {"item", "entry"}


def _localname(tag: str) -> str:
    """`{namespace}item` and `prefix:item` (an undeclared prefix kept by the recovering parser) → `item`."""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _day(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
            except ValueError:
                continue
    return None


def read_feed(
    uri: str, raw: bytes, *, published_from_url: str | None = None, max_tags: int | None = None
) -> Iterator[RawDocument | Rejection]:
    """One raw document per item with content; an item without content, or one that cannot be read,
    is a rejection naming the item, and the other items go on. A feed of more than `max_tags`
    markup tags is refused before parsing (parsing time grows with them)."""
    tags = raw.count(b"<")
    if max_tags is not None and tags > max_tags:
        raise ParseError(
            f"{uri}: {tags:,} markup tags, over the limit of {max_tags:,}; split the feed or raise "
            f"--set max_markup_tags={tags}",
            code="too_complex",
        )
    raw, _repaired = repair_charrefs(raw)  # &#xd800; and &#x110000; would stop the parser
    raw = _tidy_prolog(raw)
    try:
        parsed = feedparser.parse(raw)
    except (ValueError, UnicodeError, LookupError, OverflowError) as exc:  # what feedparser's parsers let out
        raise ParseError(
            f"{uri}: not a readable RSS or Atom feed ({type(exc).__name__}: {str(exc)[:200]}); "
            "check that the file or URL is a feed",
            code="malformed",
        ) from None
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({str(reason)[:200]})" if reason else ""
        raise ParseError(
            f"{uri}: not a readable RSS or Atom feed{detail}; check that the file or URL is a feed",
            code="malformed",
        )
    outlet = _string((parsed.get("feed") or {}).get("title"))
    elements = _item_elements(raw)
    for index, entry in enumerate(entries):
        where = f"{uri}#item{index + 1}"
        try:
            item = _item(where, entry, outlet, elements[index] if len(elements) == len(entries) else None)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
            item = Rejection(where, STAGE, "malformed", f"{where}: the feed item cannot be read ({type(exc).__name__}: {exc})")
        yield item


_FIRST_ELEMENT = re.compile(rb"<\w")
_WHITESPACE_RUN = re.compile(rb"\s{2,}")


def _tidy_prolog(raw: bytes) -> bytes:
    """Runs of whitespace before the first element become one newline: whitespace there means nothing
    in XML, and feedparser's search of the prolog takes time that grows with the square of such a run
    (186 KB of newlines inside an XML declaration ran for minutes)."""
    first = _FIRST_ELEMENT.search(raw)
    end = first.start() if first else len(raw)
    return _WHITESPACE_RUN.sub(b"\n", raw[:end]) + raw[end:]


def _string(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return repair(value)[0] or None


def _item(where: str, entry: Any, outlet: str | None, element: bytes | None) -> RawDocument | Rejection:
    content = ""
    for part in entry.get("content") or []:
        content = _string(part.get("value") if isinstance(part, dict) else None) or ""
        if content.strip():
            break
    if not content.strip():
        content = _string(entry.get("summary")) or _string(entry.get("description")) or ""
    if not content.strip():
        return Rejection(where, STAGE, "missing_text", f"{where}: feed item has no content or summary")
    fields: dict[str, Any] = {
        "title": _string(entry.get("title")),
        "url": _string(entry.get("link")),
        "published": _day(entry),
        "author": _string(entry.get("author")),
        "outlet": outlet,
        "id": _string(entry.get("id")),
    }
    fields["html" if _HTML_TAG.search(content) else "text"] = content
    fields = {k: v for k, v in fields.items() if v}
    item_raw = element if element is not None else json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return RawDocument(source_uri=where, raw=item_raw, raw_format="feed-item", fields=fields)
