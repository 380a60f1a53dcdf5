"""The clean stage (`clean.v1`): one RawDocument in, one Document out, or an InputError with a code.

Dispatch on `raw.raw_format`:
- "txt", "md": the bytes are decoded (clean.decode) and cleaned as plain text saved from a web page
  (clean.text); Markdown heading marks are dropped first.
- "html": decoded, then main text and metadata from clean.html.
- "json", "feed-item", "csv-row" (and "gdelt" records that carry text): the container's `fields`
  hold `text` or `html` and optional metadata: `title`/`headline`, `url`/`link`,
  `published`/`date`/`published_time`/`pubDate`, `outlet`/`source`/`site_name`, `author`/`byline`,
  `id`/`guid`. Container metadata wins over what is found in the text (`published_from="feed"`);
  fields not used go to `Document.extra` unchanged.

`published_from` is "feed" (container), "meta" (HTML markup), "url", "text" or "none".
Failures raise InputError subclasses with a code (`empty`, `binary`, `no_text`, `no_main_text`,
`unknown_format`, ...): the caller stores them as rejections and goes on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from multipolar.clean.dates import DATE_PATTERN, date_from_match
from multipolar.clean.decode import decode
from multipolar.clean.language import detect_language
from multipolar.clean.normalize import normalize
from multipolar.clean.text import clean_text
from multipolar.errors import InputError, ParseError
from multipolar.records import Document, RawDocument, Rejection
from multipolar.safe_text import repair_value
from multipolar.settings import Settings

STAGE = "clean.v1"
_TEXT_FORMATS = frozenset({"txt", "md"})
_CONTAINER_FORMATS = frozenset({"json", "feed-item", "csv-row", "gdelt"})
# An invented page for `Cleaner.warm_up`: its markup date is not one htmldate's fast parsers read, so
# htmldate's page-wide search hands it to dateparser, which then loads and compiles the tables of all
# its locales; the language identifier and the extractors load their models too
WARM_UP_PAGE = (
    "<!doctype html><html lang='en'><head><title>Harbour talks</title>"
    "<meta name='date' content='the 3rd day of the 13th month, 2025-0x-03'></head><body>"
    "<article><h1>Harbour talks</h1><p>Ministers of two invented states met at a harbour on a Monday "
    "to talk about fishing quotas and ferry fees.</p><p>They agreed to meet again, an aide said.</p>"
    "</article></body></html>"
)
_warmed = False
_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body"),
    "html": ("html", "content_html", "raw_html"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url"),
    "published": (
        "published",
        "date",
        "published_time",
        "pubDate",
        "pub_date",
        "datePublished",
        "published_at",
    ),
    "outlet": ("outlet", "source", "site_name", "sitename", "publisher", "feed_title"),
    "author": ("author", "authors", "byline", "creator"),
    "id": ("id", "guid", "doc_id"),
}
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+", re.M)


class Cleaner:
    """Stage `clean.v1`: reads RawDocument, writes Document. Picklable; no work at import."""

    name = STAGE
    reads = ("RawDocument",)
    writes = ("Document",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def warm_up(self) -> None:
        """Load, once per process, what cleaning a web page loads on first use (dateparser's tables of
        every locale, several CPU-seconds; the language identifier's model), by cleaning `WARM_UP_PAGE`,
        so that this one-off cost is not charged to whichever real page first needs it."""
        global _warmed
        if _warmed:
            return
        try:
            self.clean(RawDocument("warm-up.html", WARM_UP_PAGE.encode(), "html"))
        except InputError:
            pass
        _warmed = True

    @staticmethod
    def needs_warm_up(raws: Iterable[RawDocument]) -> bool:
        """Whether a batch holds markup (a page, or a record whose html field `_clean` will read) and this
        process has not warmed up yet: plain text and records of text only never reach the page machinery."""
        return not _warmed and any(_is_markup(raw) for raw in raws)

    def clean_batch(self, raws: Iterable[RawDocument]) -> list[Document | Rejection]:
        """Each raw document cleaned, or a Rejection carrying the error's code and message."""
        out: list[Document | Rejection] = []
        for raw in raws:
            try:
                out.append(self.clean(raw))
            except InputError as exc:
                out.append(
                    Rejection(
                        source_uri=raw.source_uri,
                        stage=STAGE,
                        code=exc.code,
                        message=exc.message,
                        doc_id=raw.doc_id,
                    )
                )
        return out

    def clean(self, raw: RawDocument) -> Document:
        fields, repaired = repair_value(raw.fields)
        if repaired:  # lone surrogates (a JSON "\\ud800") cannot be stored: U+FFFD, and a flag says so
            raw = RawDocument(raw.source_uri, raw.raw, raw.raw_format, fields, raw.encoding)
        document = self._clean(raw)
        if repaired:
            document = replace(document, flags=(*document.flags, "repaired_text"))
        return document

    def _clean(self, raw: RawDocument) -> Document:
        fmt = raw.raw_format
        if fmt in _TEXT_FORMATS:
            text, encoding = decode(raw.raw, declared=raw.encoding, source_uri=raw.source_uri)
            if fmt == "md":
                text = _MD_HEADING.sub("", text)
            container, extra = _split_fields(raw.fields)
            return self._from_text(raw, text, encoding=encoding, container=container, extra=extra)
        if fmt == "html":
            text, encoding = decode(raw.raw, declared=raw.encoding, source_uri=raw.source_uri)
            container, extra = _split_fields(raw.fields)
            if "url" not in container and raw.source_uri.startswith(("http://", "https://")):
                container["url"] = raw.source_uri
            return self._from_html(raw, text, encoding=encoding, container=container, extra=extra)
        if fmt in _CONTAINER_FORMATS:
            container, extra = _split_fields(raw.fields)
            if isinstance(container.get("html"), str) and container["html"].strip():
                return self._from_html(
                    raw, container["html"], encoding=raw.encoding, container=container, extra=extra
                )
            body = container.get("text")
            if not isinstance(body, str) or not body.strip():
                raise ParseError(
                    f"{raw.source_uri}: the {fmt} record has no `text` or `html` field with content "
                    f"(fields: {', '.join(sorted(raw.fields)) or 'none'}): add the article text to the record",
                    code="no_text",
                )
            return self._from_text(raw, body, encoding=raw.encoding, container=container, extra=extra)
        raise InputError(
            f"{raw.source_uri}: unknown raw_format {fmt!r}; expected one of txt, md, html, json, feed-item, csv-row",
            code="unknown_format",
        )

    # --- paths ----------------------------------------------------------------------------------

    def _from_text(
        self,
        raw: RawDocument,
        text: str,
        *,
        encoding: str | None,
        container: dict[str, Any],
        extra: dict[str, Any],
    ) -> Document:
        title = _text_field(container.get("title"))
        result = clean_text(text, title=title)
        if not result.text:
            raise ParseError(
                f"{raw.source_uri}: nothing is left after removing site chrome ({len(result.removed)} lines "
                "removed): check that the input holds an article",
                code="no_main_text",
            )
        published, published_from = _container_date(container)
        if published is None and result.published is not None:
            published, published_from = result.published, "text"
        return self._document(
            raw,
            text=result.text,
            title=title or result.title,
            author=_text_field(container.get("author")) or result.author,
            outlet=_text_field(container.get("outlet")) or result.outlet,
            url=_text_field(container.get("url")),
            published=published,
            published_from=published_from,
            encoding=encoding,
            removed=result.removed,
            boilerplate_removed=result.boilerplate_removed,
            container=container,
            extra=extra,
        )

    def _from_html(
        self,
        raw: RawDocument,
        html: str,
        *,
        encoding: str | None,
        container: dict[str, Any],
        extra: dict[str, Any],
    ) -> Document:
        from multipolar.clean.html import extract_html

        tags = html.count("<")
        if tags > self.settings.max_markup_tags:
            raise ParseError(
                f"{raw.source_uri}: {tags:,} markup tags, over the limit of {self.settings.max_markup_tags:,}; "
                f"raise --set max_markup_tags={tags} to extract it (slowly)",
                code="too_complex",
            )
        url = _text_field(container.get("url"))
        page = extract_html(html, url=url, source_uri=raw.source_uri)
        published, published_from = _container_date(container)
        if published is None:
            published, published_from = page.published, page.published_from
        return self._document(
            raw,
            text=page.text,
            title=_text_field(container.get("title")) or page.title,
            author=_text_field(container.get("author")) or page.author,
            outlet=_text_field(container.get("outlet")) or page.site_name,
            url=url or page.url,
            published=published,
            published_from=published_from,
            encoding=encoding,
            removed=page.removed,
            boilerplate_removed=page.boilerplate_removed,
            container=container,
            extra=extra,
        )

    def _document(
        self,
        raw: RawDocument,
        *,
        text: str,
        title: str | None,
        author: str | None,
        outlet: str | None,
        url: str | None,
        published: date | None,
        published_from: str,
        encoding: str | None,
        removed: tuple[str, ...],
        boilerplate_removed: float,
        container: dict[str, Any],
        extra: dict[str, Any],
    ) -> Document:
        flags: list[str] = []
        language = detect_language(text, sample_chars=self.settings.language_sample_chars)
        is_english = language in (None, "en")
        if not is_english and self.settings.english_only:
            flags.append("non_english")
        if encoding in ("cp1252", "latin-1") and (raw.encoding or "").lower() not in (
            "cp1252",
            "windows-1252",
        ):
            flags.append("decoded_cp1252")
        if len(text) < self.settings.min_text_chars:
            flags.append("short_text")
        if container.get("published_unparsed"):
            flags.append("bad_container_date")
        if published is not None and published > date.today() + timedelta(days=1):
            flags.append("future_date")  # kept as given (the input may be right and our clock wrong), but marked
        input_id = container.get("id")
        return Document(
            doc_id=raw.doc_id,
            source_uri=raw.source_uri,
            raw_format=raw.raw_format,
            text=text,
            title=normalize(title).replace("\n", " ") if title else None,
            author=author,
            outlet=outlet,
            url=url,
            input_id=str(input_id) if input_id is not None else None,
            published=published,
            published_from=published_from if published is not None else "none",
            language=language,
            is_english=is_english,
            encoding=encoding,
            removed=removed,
            boilerplate_removed=boilerplate_removed,
            flags=tuple(flags),
            extra=extra,
        )


def _is_markup(raw: RawDocument) -> bool:
    """Whether `Cleaner._clean` takes this raw document through `_from_html` (or a format it rejects)."""
    if raw.raw_format in _TEXT_FORMATS:
        return False
    if raw.raw_format not in _CONTAINER_FORMATS:
        return True
    html = _split_fields(raw.fields)[0].get("html")
    return isinstance(html, str) and bool(html.strip())


def _split_fields(fields: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(known container fields under their canonical names, everything else unchanged)."""
    container: dict[str, Any] = {}
    used: set[str] = set()
    for canonical, aliases in _ALIASES.items():
        for alias in aliases:
            value = fields.get(alias)
            if value not in (None, "", [], {}):
                container[canonical] = value
                used.add(alias)
                break
    if "published" in container and _parse_date(container["published"]) is None:
        container["published_unparsed"] = True
    extra = {k: v for k, v in fields.items() if k not in used}
    return container, extra


def _text_field(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v)
    if isinstance(value, dict):
        value = value.get("name") or ""
    text = " ".join(str(value).split())
    return text or None


def _parse_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    match = DATE_PATTERN.search(value)
    return date_from_match(match) if match else None


def _container_date(container: dict[str, Any]) -> tuple[date | None, str]:
    day = _parse_date(container.get("published"))
    return (day, "feed") if day is not None else (None, "none")
