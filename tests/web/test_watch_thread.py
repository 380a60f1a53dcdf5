"""The server's watcher thread: a round that fails with an unexpected error is announced and the next one
tried; the thread does not die silently."""

from __future__ import annotations

import threading

from multipolar.web.serve import _WatchThread


class _FlakyWatcher:
    every = 0.01

    def __init__(self, stop_event: threading.Event) -> None:
        self.stop_event = stop_event
        self.runs = 0

    def run(self, on_round, on_ready):
        self.runs += 1
        on_ready(1.5)
        if self.runs == 1:
            raise RuntimeError("Conflict on tuple deletion!\nmore detail")
        self.stop_event.set()  # the second run ends as a stopped watcher's does


class _Project:
    def __init__(self) -> None:
        self.watchers: list[_FlakyWatcher] = []

    def for_thread(self):
        return self

    def watcher(self, sources, *, stop_event, report, **options):
        self.watchers.append(_FlakyWatcher(stop_event))
        return self.watchers[-1]


def test_a_failed_round_is_announced_and_the_watcher_goes_on():
    said: list[str] = []
    project = _Project()
    worker = _WatchThread(project, ["inbox/"], {}, said.append)
    worker.thread.start()
    worker.thread.join(5)
    assert not worker.thread.is_alive()
    assert project.watchers[0].runs == 2
    assert said == ["watch: ready, the analysis models loaded in 1.5 s",
                    "watch: a round failed (RuntimeError: Conflict on tuple deletion!); the next one starts in 0.01 s"]
