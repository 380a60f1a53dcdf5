"""The dashboard's cache of computed views: one computation per key, warm-up before the first visit."""

from __future__ import annotations

import threading
import time

from fastapi.testclient import TestClient

from multipolar.web import create_app, views
from multipolar.web.cache import ViewCache
from multipolar.web.json_api import warm_up


def test_a_key_is_computed_once_while_threads_wait() -> None:
    cache = ViewCache()
    calls: list[int] = []

    def slow() -> int:
        calls.append(1)
        time.sleep(0.2)
        return 42

    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(cache.get("k", slow))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [42] * 4 and len(calls) == 1


def test_a_changed_store_gets_the_older_value_at_once_and_the_new_one_from_a_background_refresh() -> None:
    cache = ViewCache()
    assert cache.get("k", lambda: "v1", version=1) == "v1"
    started, release = threading.Event(), threading.Event()

    def slow_refresh() -> str:
        started.set()
        release.wait(5)
        return "v2"

    # version 2: the caller does not wait for the slow computation, and it runs once however often asked
    assert cache.get("k", lambda: "never called", version=2, refresh=slow_refresh) == "v1"
    assert started.wait(5)
    assert cache.get("k", lambda: "never called", version=2, refresh=lambda: "a second refresh") == "v1"
    release.set()
    for _ in range(100):
        if cache.get("k", lambda: "never called", version=2, refresh=slow_refresh) == "v2":
            break
        time.sleep(0.02)
    assert cache.get("k", lambda: "never called", version=2) == "v2"


def test_without_a_refresh_a_changed_store_is_computed_while_the_caller_waits() -> None:
    cache = ViewCache()
    cache.get("k", lambda: "v1", version=1)
    assert cache.get("k", lambda: "v2", version=2) == "v2"


def test_a_failed_refresh_keeps_the_older_value_and_a_later_request_tries_again() -> None:
    cache = ViewCache()
    cache.get("k", lambda: "v1", version=1)

    def broken() -> str:
        raise RuntimeError("the store went away")

    assert cache.get("k", lambda: "x", version=2, refresh=broken) == "v1"
    for _ in range(100):
        if cache.get("k", lambda: "x", version=2, refresh=lambda: "v2") == "v2":
            break
        time.sleep(0.02)
    assert cache.get("k", lambda: "x", version=2) == "v2"


def test_queued_refreshes_run_shortest_first() -> None:
    cache = ViewCache()
    cache.get("gate", lambda: "g1", version=1)
    cache.get("slow", lambda: time.sleep(0.15) or "s1", version=1)
    cache.get("quick", lambda: "q1", version=1)
    ran: list[str] = []
    held, release = threading.Event(), threading.Event()

    def gate() -> str:
        held.set()
        release.wait(5)
        return "g2"

    cache.get("gate", lambda: "x", version=2, refresh=gate)
    assert held.wait(5)  # the refresh thread is busy: the next two wait in its queue
    cache.get("slow", lambda: "x", version=2, refresh=lambda: ran.append("slow") or "s2")
    cache.get("quick", lambda: "x", version=2, refresh=lambda: ran.append("quick") or "q2")
    release.set()
    for _ in range(250):
        if len(ran) == 2:
            break
        time.sleep(0.02)
    assert ran == ["quick", "slow"]


def test_a_refresh_is_stamped_with_the_version_read_after_it_was_queued() -> None:
    cache = ViewCache(version_every=0.0)
    cache.get("k", lambda: "v1", version=1)
    held, release = threading.Event(), threading.Event()

    def gate() -> str:
        held.set()
        release.wait(5)
        return "g"

    cache.get("gate", lambda: "x")
    cache.get("gate", lambda: "x", version=2, refresh=gate)
    assert held.wait(5)
    assert cache.get("k", lambda: "x", version=2, refresh=lambda: "v3") == "v1"
    assert cache.version(lambda: 3) == 3  # the store moved on while the refresh waited in the queue
    release.set()
    for _ in range(250):
        if cache.get("k", lambda: "recomputed", version=3, refresh=lambda: "again") == "v3":
            break
        time.sleep(0.02)
    assert cache.get("k", lambda: "recomputed", version=3) == "v3"


def test_least_recently_used_entries_go_first() -> None:
    cache = ViewCache(size=2)
    cache.get("a", lambda: 1)
    cache.get("b", lambda: 2)
    cache.get("a", lambda: 0)  # used again: stays
    cache.get("c", lambda: 3)
    assert cache.get("a", lambda: 0) == 1
    assert cache.get("b", lambda: "recomputed") == "recomputed"


def test_an_evicted_key_forgets_its_computing_time() -> None:
    cache = ViewCache(size=2)
    for key in "abcdef":
        cache.get(key, lambda: 1)
    assert len(cache._seconds) == len(cache) == 2  # a long-running server meets endless distinct searches


def _rounded(value):
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return value


def test_warm_up_computes_the_first_page(project) -> None:
    app = create_app(project)
    warm_up(app)
    assert len(app.state.cache) >= 5  # actors, the overview, four dyad series
    version = app.state.cache.version(project.data_version)
    acts = ("USA", "CHN", "RUS")
    cached = app.state.cache.get(("overview", acts, "month", None), lambda: None, version=version)
    fresh = views.overview(project.for_thread(), acts, freq="month", period=None)
    assert _rounded(cached) == _rounded(fresh)  # DuckDB's parallel sums may differ in the last bits
    client = TestClient(app, base_url="http://127.0.0.1")
    assert client.get("/api/overview").json()["period"] == cached["period"]
