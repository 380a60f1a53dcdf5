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


def test_least_recently_used_entries_go_first() -> None:
    cache = ViewCache(size=2)
    cache.get("a", lambda: 1)
    cache.get("b", lambda: 2)
    cache.get("a", lambda: 0)  # used again: stays
    cache.get("c", lambda: 3)
    assert cache.get("a", lambda: 0) == 1
    assert cache.get("b", lambda: "recomputed") == "recomputed"


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
    cached = app.state.cache.get((version, ("overview", acts, "month", None)), lambda: None)
    fresh = views.overview(project.for_thread(), acts, freq="month", period=None)
    assert _rounded(cached) == _rounded(fresh)  # DuckDB's parallel sums may differ in the last bits
    client = TestClient(app, base_url="http://127.0.0.1")
    assert client.get("/api/overview").json()["period"] == cached["period"]
