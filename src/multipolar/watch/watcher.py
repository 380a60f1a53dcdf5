"""The watcher: poll sources, ingest what is new, analyse it, raise and send alerts; as a library object.

    with Project("news.duckdb") as project:
        watcher = Watcher(project, ["https://example.org/rss", "inbox/"], every="15m")
        round_ = watcher.poll_once()          # one round: a PollRound
        watcher.run()                         # rounds until watcher.stop() (from another thread)

Per source (table `watch_sources`): ETag and Last-Modified for conditional requests, when it was last
polled and last succeeded, its failures in a row, its next try and last error. Backoff (rule
`watch_backoff`): after the n-th failure in a row a source waits min(every · 2^n, `watch_backoff_cap`)
seconds before it is polled again; one success resets it. A source without failures is polled every
round. State is committed after each source, so a stop at any point loses at most the source being
polled (it is fetched again; its documents are stored once by their doc_id).

Alerts judge the events between the watched actors that no earlier round judged (`watch_seen_events`);
the first round of a new set of actors takes the events already stored as judged, so a watcher
started on a store with history raises alerts for what comes next, not for the past.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from multipolar.errors import InputError, UsageError
from multipolar.records import Alert, WatchState, utcnow
from multipolar.store.watch import (
    add_alerts,
    begin_scope,
    earliest_unseen_event,
    mark_seen,
    save_watch_state,
    watch_state,
)
from multipolar.watch import alerts as rules
from multipolar.watch.deliver import check_webhook, command_argv, send_to_command, send_to_webhook
from multipolar.watch.poll import POLLERS, SourcePoll, source_kind

DEFAULT_ACTORS = ("USA", "CHN", "RUS")
# A round's analysis leaves the story embeddings to the stories stage, so new events show sooner; the
# watcher prepares its models with the same choice, or the round would build another stage.
STORY_VECTORS_IN_ANALYSIS = False
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(value: str | float | int, option: str = "--every") -> float:
    """Seconds from 30s, 15m, 1h, 1d or a plain number of seconds; at least one second."""
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        match = _INTERVAL.match(value)
        if not match:
            raise UsageError(f"{option} {value!r}: expected a number with s, m, h or d, e.g. 30s, 15m, 1h")
        seconds = float(match.group(1)) * _UNIT[match.group(2).lower()]
    if seconds < 1:
        raise UsageError(f"{option} {value!r}: the interval must be at least one second")
    return seconds


@dataclass(frozen=True)
class PollRound:
    """One round: what each source gave, the analysis of it, the alerts it raised (new ones only)."""

    started: datetime
    polls: tuple[SourcePoll, ...]
    analysed: Any  # results.AnalysisSummary, or None when nothing new was analysed
    alerts: tuple[Alert, ...]
    delivery_errors: tuple[str, ...] = ()
    stopped: bool = False  # stop() was called during the round

    @property
    def new_documents(self) -> int:
        return sum(p.new_documents for p in self.polls)

    def line(self) -> str:
        text = f"round at {self.started:%Y-%m-%d %H:%M:%S}Z: {len(self.polls)} sources, " \
               f"{self.new_documents} new documents, {len(self.alerts)} new alerts"
        if self.analysed is not None:
            text += f"; {self.analysed.line()}"
        return text


def _groups(actors: Sequence[str] | Sequence[Sequence[str]] | None) -> list[tuple[str, ...]]:
    """The watched groups: each three actors (a triangle and its three dyads) or two (one dyad)."""
    if not actors:
        return [DEFAULT_ACTORS]
    groups = [actors] if all(isinstance(x, str) for x in actors) else list(actors)
    out = []
    for group in groups:
        codes = tuple(str(x).strip().upper() for x in group)
        if len(codes) not in (2, 3) or len(set(codes)) != len(codes):
            raise UsageError(f"--actors {','.join(codes)}: give three different actor codes, e.g. USA,CHN,RUS "
                             "(a triangle and its three dyads), or two, e.g. USA,CHN (one dyad)")
        out.append(codes)
    return out


class Watcher:
    """Polls `sources` into `project`'s store and raises alerts over the watched triangles and dyads.

    `actors`: one triangle ("USA", "CHN", "RUS"), one dyad ("USA", "CHN"), or a list of such groups; `freq` the period of the alert rules;
    `every` the poll interval (seconds or "15m"); `alert_command` / `alert_webhook` where new alerts
    are sent; `report` is called with each `SourcePoll` as it is done (progress lines); `now` gives
    the time (UTC), for tests; `stop_event` (a `threading.Event`, e.g. a server's shutdown event) stops
    the watcher when set, as `stop()` does."""

    def __init__(self, project: Any, sources: Sequence[str], *, actors: Any = None, freq: str = "week",
                 every: str | float = "15m", alert_command: str | Sequence[str] | None = None,
                 alert_webhook: str | None = None, analyse: bool = True,
                 report: Callable[[SourcePoll], None] | None = None,
                 now: Callable[[], datetime] = utcnow, stop_event: threading.Event | None = None) -> None:
        if not sources:
            raise UsageError("nothing to watch: give feed URLs, GDELT lastupdate.txt URLs, folders or files")
        from multipolar.relations.periods import FREQS

        if freq not in FREQS:
            raise UsageError(f"--freq {freq!r}: expected one of {', '.join(FREQS)}")
        if project.read_only:
            raise UsageError(f"store {project.db} was opened read-only: a watcher writes, open Project({project.db!r})")
        self.project = project
        self.sources = [(str(s), source_kind(str(s))) for s in sources]
        self.groups = [tuple(project.check_actors(g)) for g in _groups(actors)]
        self.freq = freq
        self.every = parse_interval(every)
        self.analyse = analyse
        self.command = command_argv(alert_command) if alert_command else None
        self.webhook = check_webhook(alert_webhook, project.settings) if alert_webhook else None
        self.report = report
        self.now = now
        self._stop = stop_event or threading.Event()

    # -- control ------------------------------------------------------------------------------------
    def stop(self) -> None:
        """Ask the watcher to stop: the current source finishes, then `poll_once` / `run` return."""
        self._stop.set()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def run(self, *, rounds: int | None = None, on_round: Callable[[PollRound], None] | None = None,
            on_ready: Callable[[float], None] | None = None) -> None:
        """Poll round after round, `every` seconds apart, until `stop()` (or `rounds` rounds). The analysis
        models are loaded first, so the first documents a poll brings do not wait for them; `on_ready` is
        told how many seconds that took, before the first poll."""
        start = time.monotonic()
        if self.analyse and not self._stop.is_set():
            self.project.prepare_analysis(story_vectors=STORY_VECTORS_IN_ANALYSIS)
        if on_ready is not None and not self._stop.is_set():
            on_ready(time.monotonic() - start)
        done = 0
        while not self._stop.is_set():
            result = self.poll_once()
            done += 1
            if on_round:
                on_round(result)
            if rounds is not None and done >= rounds:
                return
            self._stop.wait(self.every)

    # -- one round ----------------------------------------------------------------------------------
    def poll_once(self) -> PollRound:
        started = self.now()
        store = self.project.store
        prefixes = sorted({code[:3] for group in self.groups for code in group})
        scope = "-".join(prefixes)
        begin_scope(store, scope, prefixes)
        polls: list[SourcePoll] = []
        for spec, kind in self.sources:
            if self._stop.is_set():
                break
            poll = self._poll(spec, kind)
            polls.append(poll)
            if self.report:
                self.report(poll)
        analysed = None
        if self.analyse and not self._stop.is_set() and self.project.pending():
            analysed = self.project.analyse(story_vectors=STORY_VECTORS_IN_ANALYSIS)
        raised: list[Alert] = []
        errors: list[str] = []
        earliest = earliest_unseen_event(store, scope, prefixes)
        if earliest is not None:
            found = rules.evaluate(self.project, self.groups, freq=self.freq, since=earliest)
            raised = add_alerts(store, found)
            mark_seen(store, scope, prefixes)
            errors = self._deliver(raised)
        return PollRound(started, tuple(polls), analysed, tuple(raised), tuple(errors), self._stop.is_set())

    def _poll(self, spec: str, kind: str) -> SourcePoll:
        store = self.project.store
        state = watch_state(store, spec) or WatchState(url=spec, kind=kind)
        now = self.now()
        if state.failures and state.next_poll is not None and now < state.next_poll:
            return SourcePoll(spec, kind, "backoff", message=(
                f"{state.failures} failures in a row, next try at {state.next_poll:%Y-%m-%d %H:%M:%S}Z "
                f"(last error: {state.last_error})"))
        try:
            poll, new_state = POLLERS[kind](self.project, spec, state)
        except InputError as exc:
            failures = state.failures + 1
            wait = min(self.every * 2 ** failures, self.project.settings.watch_backoff_cap)
            save_watch_state(store, replace(
                state, last_polled=now, failures=failures, next_poll=now + timedelta(seconds=wait),
                last_error=str(exc), last_status="error"))
            return SourcePoll(spec, kind, "error", message=f"{exc} (next try in {wait:g} s)")
        save_watch_state(store, replace(
            new_state, last_polled=now, last_ok=now, failures=0, next_poll=now + timedelta(seconds=self.every),
            last_error=None, last_status=poll.status))
        return poll

    def _deliver(self, raised: Sequence[Alert]) -> list[str]:
        errors = []
        for alert in raised:
            if self.command:
                problem = send_to_command(self.command, alert)
                if problem:
                    errors.append(f"{alert.alert_id}: {problem}")
            if self.webhook:
                problem = send_to_webhook(self.webhook, alert, self.project.settings)
                if problem:
                    errors.append(f"{alert.alert_id}: {problem}")
        return errors
