"""Computed views kept between requests: a triangle or a dyad series over a large store takes a second or
more to compute, a page of an event search a few hundred milliseconds, and both change only when the
store does. Each entry is keyed by what it was computed from and stamped with `Project.data_version()` (read
at most once a second, so a change shows within a second). When the store has changed, a request gets the
value of the older version at once while the new one is computed by the cache's one refresh thread (at
most one computation queued per key), and the next request gets that: a page never waits for a recomputation it has an answer for, which
matters while the server's own watcher writes. Queued refreshes run shortest first (by each key's last
computing time), so a quick event search is not kept behind seconds of triangle and dyad series over a
large store, and a refreshed value is stamped with the newest version read before it was computed. A key never computed is computed while the request waits;
`clear()` drops everything."""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class ViewCache:
    """A small thread-safe LRU of computed values, each with the data version it was computed at."""

    def __init__(self, size: int = 256, *, version_every: float = 1.0) -> None:
        self.size = size
        self.version_every = version_every
        self._items: OrderedDict[Hashable, tuple[Any, Any]] = OrderedDict()  # key -> (version, value)
        self._lock = threading.Lock()
        self._version: tuple[float, Any] | None = None
        self._pending: dict[Hashable, threading.Lock] = {}
        self._refreshing: set[Hashable] = set()
        # queued refreshes: (the key's last computing seconds, arrival, key, refresh, version, when queued),
        # shortest first
        self._jobs: list[tuple[float, int, Hashable, Callable[[], Any], Any, float]] = []
        self._arrivals = itertools.count()
        self._queued = threading.Condition(self._lock)
        self._seconds: dict[Hashable, float] = {}  # how long each key took to compute, last time
        self._worker: threading.Thread | None = None

    def version(self, read: Callable[[], Any]) -> Any:
        """The store's data version from `read()`, read again once `version_every` seconds have passed."""
        now = time.monotonic()
        with self._lock:
            if self._version is not None and now - self._version[0] < self.version_every:
                return self._version[1]
        value = read()
        with self._lock:
            self._version = (now, value)
        return value

    def get(self, key: Hashable, compute: Callable[[], Any], *, version: Any = None,
            refresh: Callable[[], Any] | None = None) -> Any:
        """The value for `key` at `version`, computed once: a thread asking for a key being computed waits
        for it. An entry of another version is returned as it is when `refresh` is given, and `refresh()`
        computes the value at `version` in the cache's refresh thread (one thread for the cache's life, so
        it must read through that thread's own cursor, not the caller's); without `refresh` it is computed
        again while the caller waits."""
        with self._lock:
            entry = self._items.get(key)
            if entry is not None:
                self._items.move_to_end(key)
                if entry[0] == version:
                    return entry[1]
                if refresh is not None:
                    if key not in self._refreshing:
                        self._refreshing.add(key)
                        heapq.heappush(self._jobs, (self._seconds.get(key, 0.0), next(self._arrivals), key, refresh,
                                                    version, time.monotonic()))
                        self._queued.notify()
                        if self._worker is None:
                            self._worker = threading.Thread(target=self._refresh_forever, daemon=True,
                                                            name="multipolar-view-refresh")
                            self._worker.start()
                    return entry[1]
            pending = self._pending.setdefault(key, threading.Lock())
        with pending:
            with self._lock:
                entry = self._items.get(key)
                if entry is not None and entry[0] == version:
                    return entry[1]
            try:
                value = self._timed(key, compute)
            finally:
                with self._lock:
                    self._pending.pop(key, None)
            self._put(key, version, value)
        return value

    def _timed(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        value = compute()
        with self._lock:
            self._seconds[key] = time.perf_counter() - start
        return value

    def _refresh_forever(self) -> None:
        while True:
            with self._lock:
                while not self._jobs:
                    self._queued.wait()
                _seconds, _arrival, key, refresh, version, queued = heapq.heappop(self._jobs)
                if self._version is not None and self._version[0] >= queued:
                    # read since the job was queued: the data read below is at least as new as it
                    version = self._version[1]
            try:
                self._put(key, version, self._timed(key, refresh))
            except Exception:  # noqa: BLE001, S110 - the old value stays; a later request tries again
                pass
            finally:
                with self._lock:
                    self._refreshing.discard(key)

    def _put(self, key: Hashable, version: Any, value: Any) -> None:
        with self._lock:
            self._items[key] = (version, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                evicted, _ = self._items.popitem(last=False)
                self._seconds.pop(evicted, None)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._seconds.clear()
            self._version = None

    def __len__(self) -> int:
        return len(self._items)
