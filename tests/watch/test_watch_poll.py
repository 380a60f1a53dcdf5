"""Polling feeds and folders: conditional requests, 304s, items ingested once, backoff, state kept."""

from __future__ import annotations

import os
from datetime import datetime, timedelta

import pytest
from watch_helpers import rss

from multipolar import Project
from multipolar.errors import UsageError
from multipolar.store.watch import watch_state
from multipolar.watch import Watcher, parse_interval

LOCAL = {"allow_private": "true", "http_retries": "0"}
ITEMS = [("a1", "Talks", "Officials of two countries met in Geneva on Tuesday to discuss trade rules."),
         ("a2", "Visit", "A delegation travelled to Vienna for a conference on shipping and ports.")]


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 1, 5, 12, 0, 0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def project(tmp_path):
    with Project(tmp_path / "w.duckdb", LOCAL) as opened:
        yield opened


def _watcher(project, sources, **options):
    return Watcher(project, sources, analyse=False, every="15m", **options)


def test_watch_feed_sends_validators_and_counts_304(live, project):
    live.put("/feed", rss(ITEMS))
    url = live.base + "/feed"
    watcher = _watcher(project, [url])
    first = watcher.poll_once().polls[0]
    assert (first.status, first.new_documents) == ("200", 2)
    assert "if-none-match" not in live.gets("/feed")[0]
    second = watcher.poll_once().polls[0]
    assert (second.status, second.new_documents) == ("304", 0)
    sent = live.gets("/feed")[1]
    assert sent["if-none-match"] == live.pages["/feed"].etag
    assert sent["if-modified-since"] == live.pages["/feed"].last_modified
    assert live.not_modified == 1
    assert len(project.documents()) == 2


def test_watch_feed_ingests_new_items_once_when_the_feed_changes(live, project):
    url = live.base + "/feed"
    live.put("/feed", rss(ITEMS))
    watcher = _watcher(project, [url])
    watcher.poll_once()
    live.put("/feed", rss([*ITEMS, ("a3", "Port", "Ministers opened a new port terminal in Piraeus on Monday.")]))
    changed = watcher.poll_once().polls[0]
    assert (changed.status, changed.new_documents, changed.duplicates) == ("200", 1, 2)
    assert watcher.poll_once().polls[0].status == "304"
    assert sorted(project.documents().column("title")) == ["Port", "Talks", "Visit"]


def test_watch_last_modified_alone_makes_a_conditional_request(live, project):
    live.put("/feed", rss(ITEMS), etag=False)
    watcher = _watcher(project, [live.base + "/feed"])
    watcher.poll_once()
    assert watcher.poll_once().polls[0].status == "304"
    sent = live.gets("/feed")[1]
    assert "if-none-match" not in sent and sent["if-modified-since"] == live.pages["/feed"].last_modified


def test_watch_state_survives_a_new_watcher_and_project(live, tmp_path):
    url = live.base + "/feed"
    live.put("/feed", rss(ITEMS))
    db = tmp_path / "kept.duckdb"
    with Project(db, LOCAL) as first:
        _watcher(first, [url]).poll_once()
    with Project(db, LOCAL) as again:
        poll = _watcher(again, [url]).poll_once().polls[0]
        state = watch_state(again.store, url)
    assert poll.status == "304"
    assert live.gets("/feed")[1]["if-none-match"] == live.pages["/feed"].etag
    assert (state.kind, state.failures, state.last_status, state.etag) == ("feed", 0, "304", live.pages["/feed"].etag)
    assert state.last_ok is not None and state.next_poll > state.last_polled


def test_watch_backs_off_exponentially_after_server_errors(live, project):
    url = live.base + "/feed"
    live.put("/feed", "trouble", status=500)
    clock = Clock()
    watcher = _watcher(project, [url], now=clock)
    every = parse_interval("15m")

    first = watcher.poll_once().polls[0]
    assert first.status == "error" and "500" in first.message
    state = watch_state(project.store, url)
    assert state.failures == 1 and state.next_poll == clock.now + timedelta(seconds=every * 2)
    assert "500" in state.last_error

    assert watcher.poll_once().polls[0].status == "backoff"  # not due yet: the server is not asked
    assert len(live.gets("/feed")) == 1

    clock.advance(every * 2)
    assert watcher.poll_once().polls[0].status == "error"
    state = watch_state(project.store, url)
    assert state.failures == 2 and state.next_poll == clock.now + timedelta(seconds=every * 4)

    live.put("/feed", rss(ITEMS))
    clock.advance(every * 4)
    ok = watcher.poll_once().polls[0]
    assert (ok.status, ok.new_documents) == ("200", 2)
    state = watch_state(project.store, url)
    assert (state.failures, state.last_error) == (0, None)


def test_watch_backoff_is_capped(live, tmp_path):
    live.put("/feed", "trouble", status=503)
    clock = Clock()
    with Project(tmp_path / "c.duckdb", {**LOCAL, "watch_backoff_cap": "3600"}) as project:
        watcher = _watcher(project, [live.base + "/feed"], now=clock)
        for _ in range(4):
            watcher.poll_once()
            clock.advance(3600)
        state = watch_state(project.store, live.base + "/feed")
    assert state.failures == 4
    assert state.next_poll - state.last_polled == timedelta(seconds=3600)


def test_watch_refuses_loopback_feeds_without_allow_private(live, tmp_path):
    live.put("/feed", rss(ITEMS))
    with Project(tmp_path / "p.duckdb", {"http_retries": "0"}) as project:
        poll = _watcher(project, [live.base + "/feed"]).poll_once().polls[0]
    assert poll.status == "error" and "--allow-private" in poll.message
    assert live.requests == []


def test_watch_folder_reads_new_and_changed_files_only(tmp_path, project):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "one.txt").write_text("Officials met in Geneva on Tuesday to talk about trade and ports.\n")
    watcher = _watcher(project, [str(folder)])
    first = watcher.poll_once().polls[0]
    assert (first.kind, first.status, first.new_documents) == ("folder", "changed", 1)
    assert watcher.poll_once().polls[0].status == "unchanged"

    stat = (folder / "one.txt").stat()
    os.utime(folder / "one.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))  # touched, same bytes
    assert watcher.poll_once().polls[0].status == "unchanged"

    (folder / "two.txt").write_text("A delegation travelled to Vienna for a conference on shipping.\n")
    (folder / "one.txt").write_text("Officials met in Geneva on Wednesday as well, and agreed on a port deal.\n")
    changed = watcher.poll_once().polls[0]
    assert (changed.status, changed.new_documents, changed.message) == ("changed", 2, "2 files read")
    assert len(project.documents()) == 3
    assert watcher.poll_once().polls[0].status == "unchanged"


def test_watch_a_missing_folder_is_a_usage_error(tmp_path, project):
    with pytest.raises(UsageError, match="no such folder, file or URL to watch"):
        _watcher(project, [str(tmp_path / "nowhere")])


@pytest.mark.parametrize(("text", "seconds"), [("30s", 30), ("15m", 900), ("1h", 3600), ("2", 2), ("1.5h", 5400)])
def test_parse_interval(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["15x", "", "m", "0s"])
def test_parse_interval_refuses_bad_values(text):
    with pytest.raises(UsageError, match="--every"):
        parse_interval(text)


def test_watch_stop_ends_run_between_sources(live, project):
    live.put("/feed", rss(ITEMS))
    rounds = []
    watcher = _watcher(project, [live.base + "/feed"])
    watcher.run(on_round=lambda r: (rounds.append(r), watcher.stop()))
    assert len(rounds) == 1 and watcher.stopped


def test_project_watch_once_is_one_round(tmp_path, project):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Officials met in Geneva on Tuesday to talk about trade and ports.\n")
    done = project.watch_once([folder], analyse=False)
    assert [(p.kind, p.status, p.new_documents) for p in done.polls] == [("folder", "changed", 1)]
    assert done.alerts == () and done.new_documents == 1


def test_watch_stop_event_set_elsewhere_stops_before_the_next_source(live, project, tmp_path):
    import threading

    live.put("/feed", rss(ITEMS))
    event = threading.Event()
    watcher = _watcher(project, [live.base + "/feed", str(tmp_path)], stop_event=event,
                       report=lambda poll: event.set())
    done = watcher.poll_once()
    assert [p.kind for p in done.polls] == ["feed"] and done.stopped
