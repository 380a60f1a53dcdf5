"""Computed views kept between requests: a triangle or a dyad series over a large store takes a second or
more to compute, a page of an event search a few hundred milliseconds, and both change only when the
store does. Each entry is keyed by what it was computed from
and by `Project.data_version()`, so a store that changed (rows added, removed or re-grouped) is computed
afresh (the version is read at most once a second, so a change shows within a second); `clear()` drops
everything."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class ViewCache:
    """A small thread-safe LRU of computed values."""

    def __init__(self, size: int = 256, *, version_every: float = 1.0) -> None:
        self.size = size
        self.version_every = version_every
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._version: tuple[float, Any] | None = None
        self._pending: dict[Hashable, threading.Lock] = {}

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

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The value for `key`, computed once: a thread asking for a key being computed waits for it."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            pending = self._pending.setdefault(key, threading.Lock())
        with pending:
            with self._lock:
                if key in self._items:
                    return self._items[key]
            try:
                value = compute()
            finally:
                with self._lock:
                    self._pending.pop(key, None)
            with self._lock:
                self._items[key] = value
                self._items.move_to_end(key)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._version = None

    def __len__(self) -> int:
        return len(self._items)
