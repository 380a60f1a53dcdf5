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
    items = [el for el in root.iter() if isinstance(el.tag, str) and etree.QName(el).localname in {"item", "entry"}]
    return [etree.tostring(el, encoding="utf-8") for el in items]


def _day(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
            except ValueError:
                continue
    return None


def read_feed(uri: str, raw: bytes, *, published_from_url: str | None = None) -> Iterator[RawDocument | Rejection]:
    parsed = feedparser.parse(raw)
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({reason})" if reason else ""
        raise ParseError(
            f"{uri}: not a readable RSS or Atom feed{detail}; check that the file or URL is a feed",
            code="malformed",
        )
    outlet = (parsed.get("feed") or {}).get("title")
    elements = _item_elements(raw)
    for index, entry in enumerate(entries):
        where = f"{uri}#item{index + 1}"
        content = ""
        if entry.get("content"):
            content = entry["content"][0].get("value", "")
        if not content.strip():
            content = entry.get("summary", "") or entry.get("description", "")
        if not content.strip():
            yield Rejection(where, STAGE, "missing_text", f"{where}: feed item has no content or summary")
            continue
        fields: dict[str, Any] = {
            "title": entry.get("title"),
            "url": entry.get("link"),
            "published": _day(entry),
            "author": entry.get("author"),
            "outlet": outlet,
            "id": entry.get("id"),
        }
        fields["html" if _HTML_TAG.search(content) else "text"] = content
        fields = {k: v for k, v in fields.items() if v}
        item_raw = elements[index] if len(elements) == len(entries) else json.dumps(
            fields, ensure_ascii=False, sort_keys=True
        ).encode("utf-8")
        yield RawDocument(source_uri=where, raw=item_raw, raw_format="feed-item", fields=fields)
