"""Sources: one reader per input kind, each yielding raw documents (or rejections), streaming.

`read_inputs(["folder", "feed.xml", "https://..."], settings)` walks folders recursively and yields,
in order, `RawDocument`s and `Rejection`s; nothing is held in memory beyond the current file or item.
GDELT event export files are yielded as `GdeltFile` items: they carry events, not documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from multipolar.errors import InputError
from multipolar.records import RawDocument, Rejection
from multipolar.settings import Settings
from multipolar.sources import containers, feeds, web

STAGE = "source"

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
SUPPORTED = (
    ".txt .md .html .htm .json .jsonl .jsonl.gz .ndjson .csv .xml .rss .atom "
    "and GDELT 2.0 .export.CSV(.zip)"
)


@dataclass(frozen=True, slots=True)
class GdeltFile:
    """A GDELT 2.0 event export file, read as events by the interop module; `uri` names where it came
    from when `path` is a temporary copy (a watcher's download)."""

    path: Path
    uri: str | None = None


Item = RawDocument | Rejection | GdeltFile


def is_url(spec: str) -> bool:
    """An http(s) URL, the scheme in any case (`HTTP://` too)."""
    return spec[:8].lower().startswith(("http://", "https://"))


def read_inputs(inputs: Iterable[str], settings: Settings) -> Iterator[Item]:
    for spec in inputs:
        if is_url(spec):
            yield from guarded(spec, web.read_url(spec, settings))
            continue
        path = Path(spec)
        if not path.exists():
            yield Rejection(spec, STAGE, "not_found", f"{spec}: no such file, folder or URL; check the path")
        elif path.is_dir():
            yield from _read_folder(path, settings)
        else:
            yield from guarded(spec, read_file(path, settings, explicit=True))


def guarded(uri: str, items: Iterator[Item]) -> Iterator[Item]:
    """The reader's items; an unexpected error in it becomes a rejection of the input and the run
    goes on with the next input (the items read before the error are kept)."""
    try:
        yield from items
    except Exception as exc:  # a reader bug must not end the run: it is stored as a rejection
        yield Rejection(
            uri, STAGE, "internal_error",
            f"{uri}: reading failed with {type(exc).__name__}: {str(exc)[:200]}; the records before it are "
            "kept — please report this with the input",
        )


def _read_folder(folder: Path, settings: Settings) -> Iterator[Item]:
    for entry in folder_files(folder, settings):
        if isinstance(entry, Rejection):
            yield entry
        else:
            yield from guarded(str(entry), read_file(entry, settings, explicit=False))


def folder_files(folder: Path, settings: Settings) -> Iterator[Path | Rejection]:
    """The files a folder ingest reads, in order (hidden ones left out), and a rejection for each link
    out of the folder (unless `follow_symlinks`)."""
    root = folder.resolve()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink()):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue  # hidden files and folders (.git, .DS_Store)
        if path.is_symlink() and not settings.follow_symlinks:
            target = path.resolve()
            if not target.is_relative_to(root):
                uri = str(path)
                yield Rejection(
                    uri, STAGE, "outside_folder",
                    f"{uri}: a symbolic link to {target}, outside the folder {folder}; not read "
                    "(pass the file itself, or --set follow_symlinks=true to follow links)",
                )
                continue
        if path.is_file():
            yield path


def kind_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith((".jsonl.gz", ".ndjson.gz")):
        return "jsonl.gz"
    if name.endswith((".export.csv", ".export.csv.zip")) or (
        name.endswith((".csv", ".csv.zip")) and containers.looks_like_gdelt(path)
    ):
        return "gdelt"
    suffix = path.suffix.lower()
    if suffix == ".md":
        return "md"
    if suffix in TEXT_SUFFIXES:
        return "txt"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in {".jsonl", ".ndjson"}:
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix == ".csv":
        return "csv"
    return None


def read_file(path: Path, settings: Settings, *, explicit: bool) -> Iterator[Item]:
    uri = str(path)
    kind = kind_of(path)
    if kind is None:
        if explicit:
            yield Rejection(uri, STAGE, "unsupported_type", f"{uri}: unsupported file type; multipolar reads {SUPPORTED}")
        else:
            yield Rejection(uri, STAGE, "unsupported_type", f"{uri}: skipped, not a supported type ({SUPPORTED})")
        return
    if kind == "gdelt":
        yield GdeltFile(path)
        return
    try:
        if kind in {"jsonl", "jsonl.gz"}:
            yield from containers.read_jsonl(path, settings)
            return
        size = path.stat().st_size
        if size > settings.max_bytes:
            yield Rejection(
                uri, STAGE, "too_large",
                f"{uri}: {size:,} bytes is over the limit of {settings.max_bytes:,}; "
                f"raise it with --set max_bytes={size} or split the file",
            )
            return
        raw = path.read_bytes()
        if not raw.strip():
            yield Rejection(uri, STAGE, "empty", f"{uri}: the file is empty; nothing to ingest")
            return
        if kind == "json":
            yield from containers.read_json(uri, raw, settings)
        elif kind == "csv":
            yield from containers.read_csv(uri, raw, settings)
        elif kind == "feed" or (kind == "html" and feeds.looks_like_feed(raw)):
            yield from feeds.read_feed(uri, raw, max_tags=settings.max_markup_tags)
        else:
            yield RawDocument(source_uri=uri, raw=raw, raw_format=kind)
    except OSError as exc:
        yield Rejection(uri, STAGE, "unreadable", f"{uri}: cannot be read ({exc.strerror or exc}); check permissions")
    except InputError as exc:
        yield Rejection(uri, STAGE, exc.code, str(exc))
