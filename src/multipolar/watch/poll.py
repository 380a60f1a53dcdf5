"""Polling one watched source: a feed URL, a GDELT 2.0 update listing, a folder or a file.

Each poll function fetches (through `sources.web.fetch`, conditionally) or lists what changed, stores
it through `Project.ingest_items`, and returns what it saw (`SourcePoll`) and the source's new state.
A failure to fetch raises `InputError` (the watcher counts it and backs off); a bad item inside a
feed or folder becomes a stored rejection as in `multipolar ingest`.

GDELT: a URL ending in `lastupdate.txt` (GDELT 2.0 publishes one every 15 minutes, lines
`SIZE MD5 URL` for the latest export, mentions and GKG files) is read for its `.export.CSV.zip`
line; a file not taken before is fetched, its size and MD5 checked against the listing, and its
events stored (`pipeline.ingest_gdelt`).

Folders: a file is read again only when its size or modification time changed and its SHA-256 with
them (the table `watch_files` keeps path, size, mtime and hash).
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from multipolar.errors import FetchError, UsageError
from multipolar.records import IngestSummary, Rejection, WatchState
from multipolar.sources import GdeltFile, folder_files, guarded, is_url, read_file
from multipolar.sources.web import ZIP_TYPES, fetch, read_fetched
from multipolar.store.watch import file_states, save_file_states

KINDS = ("feed", "gdelt", "folder", "file")


@dataclass(frozen=True, slots=True)
class SourcePoll:
    """What one poll of one source saw. `status`: "200", "304" (not modified), "error", "backoff"
    (skipped until its next try), "unchanged" (a folder or file with nothing new), "changed"."""

    source: str
    kind: str
    status: str
    new_documents: int = 0
    new_events: int = 0  # GDELT events stored
    duplicates: int = 0
    rejected: int = 0
    message: str = ""

    def line(self) -> str:
        parts = [f"{self.source} [{self.kind}] {self.status}"]
        if self.status not in ("error", "backoff"):
            parts.append(f"{self.new_documents} new documents")
            if self.new_events:
                parts.append(f"{self.new_events} GDELT events")
            if self.rejected:
                parts.append(f"{self.rejected} rejected")
        if self.message:
            parts.append(self.message)
        return ", ".join(parts)


def source_kind(spec: str) -> str:
    """feed, gdelt (a GDELT update listing URL), folder or file; a missing path is a UsageError."""
    if is_url(spec):
        name = PurePosixPath(urlsplit(spec).path).name.lower()
        return "gdelt" if name.startswith("lastupdate") and name.endswith(".txt") else "feed"
    path = Path(spec)
    if path.is_dir():
        return "folder"
    if path.is_file():
        return "file"
    raise UsageError(f"{spec}: no such folder, file or URL to watch; check the path (URLs start with http(s)://)")


def _from_summary(source: str, kind: str, status: str, summary: IngestSummary, message: str = "") -> SourcePoll:
    return SourcePoll(source, kind, status, summary.ingested, summary.gdelt_events, summary.duplicates,
                      summary.rejected, message)


def poll_feed(project: Any, spec: str, state: WatchState) -> tuple[SourcePoll, WatchState]:
    settings = project.settings
    fetched = fetch(spec, settings, etag=state.etag, last_modified=state.last_modified)
    if fetched.status == 304:
        return SourcePoll(spec, "feed", "304"), state
    summary = project.ingest_items(read_fetched(spec, fetched, settings))
    return _from_summary(spec, "feed", "200", summary), replace(
        state, etag=fetched.etag, last_modified=fetched.last_modified)


def latest_export(listing: bytes, where: str) -> tuple[int, str, str]:
    """(size, md5, url) of the `.export.CSV.zip` line of a GDELT 2.0 update listing."""
    for line in listing.decode("utf-8", "replace").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2].lower().endswith(".export.csv.zip") and parts[0].isdigit():
            return int(parts[0]), parts[1].lower(), parts[2]
    raise FetchError(f"{where}: no `SIZE MD5 URL` line for an .export.CSV.zip file; is this a GDELT 2.0 "
                     "lastupdate.txt?", code="malformed")


def poll_gdelt(project: Any, spec: str, state: WatchState) -> tuple[SourcePoll, WatchState]:
    settings = project.settings
    listing = fetch(spec, settings, etag=state.etag, last_modified=state.last_modified)
    if listing.status == 304:
        return SourcePoll(spec, "gdelt", "304"), state
    size, md5, url = latest_export(listing.body, spec)
    new_state = replace(state, etag=listing.etag, last_modified=listing.last_modified)
    if url == state.last_item:
        return SourcePoll(spec, "gdelt", "200", message="no new export file"), new_state
    name = PurePosixPath(urlsplit(url).path).name
    if not name.lower().endswith(".export.csv.zip") or "/" in name or name.startswith("."):
        raise FetchError(f"{spec}: export file name {name!r} is not a GDELT export name", code="malformed")
    export = fetch(url, settings, types=ZIP_TYPES)
    if len(export.body) != size or hashlib.md5(export.body, usedforsecurity=False).hexdigest() != md5:
        raise FetchError(f"{url}: the file does not match the size and MD5 in {spec} (changed while fetched?); "
                         "it is fetched again at the next poll", code="mismatch")
    with tempfile.TemporaryDirectory(prefix="multipolar-gdelt-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(export.body)
        summary = project.ingest_items([GdeltFile(path, uri=url)])
    return _from_summary(spec, "gdelt", "200", summary, message=f"took {name}"), replace(new_state, last_item=url)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def poll_files(project: Any, spec: str, state: WatchState) -> tuple[SourcePoll, WatchState]:
    """A folder (every file in it, as `ingest` reads folders) or one file: new and changed files only."""
    settings = project.settings
    path = Path(spec)
    if not path.exists():
        raise FetchError(f"{spec}: the watched {state.kind} is gone; restore it or stop watching it", code="not_found")
    entries = list(folder_files(path, settings)) if state.kind == "folder" else [path]
    known = file_states(project.store, spec)
    changed: list[tuple[str, int, int, str]] = []
    touched: list[tuple[str, int, int, str]] = []
    rejections: list[Rejection] = []
    for entry in entries:
        if isinstance(entry, Rejection):
            rejections.append(entry)
            continue
        try:
            stat = entry.stat()
            key = str(entry)
            before = known.get(key)
            if before and before[0] == stat.st_size and before[1] == stat.st_mtime_ns:
                continue
            sha = _sha256(entry)
        except OSError as exc:
            rejections.append(Rejection(str(entry), "source", "unreadable",
                                        f"{entry}: cannot be read ({exc.strerror or exc}); check permissions"))
            continue
        row = (key, stat.st_size, stat.st_mtime_ns, sha)
        (touched if before and before[2] == sha else changed).append(row)
    if not changed and not rejections:
        save_file_states(project.store, spec, touched)
        return SourcePoll(spec, state.kind, "unchanged"), state

    def items() -> Any:
        yield from rejections
        for key, *_ in changed:
            yield from guarded(key, read_file(Path(key), settings, explicit=state.kind == "file"))

    summary = project.ingest_items(items())
    save_file_states(project.store, spec, touched + changed)
    status = "changed" if changed else "unchanged"
    return _from_summary(spec, state.kind, status, summary, message=f"{len(changed)} files read"), state


POLLERS = {"feed": poll_feed, "gdelt": poll_gdelt, "folder": poll_files, "file": poll_files}
