"""Running the dashboard: check the bind address and token, start uvicorn over the store (read-only, or with
a feed watcher in a thread of its own with `--watch`)."""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from multipolar.errors import MultipolarError, UsageError
from multipolar.safe_text import printable
from multipolar.web.app import check_bind, create_app, is_loopback
from multipolar.web.json_api import warm_up


def dashboard_url(host: str, port: int, token: str | None) -> str:
    shown = f"[{host}]" if ":" in host else host
    if is_loopback(host) and host not in ("127.0.0.1", "::1"):
        shown = "127.0.0.1"
    return f"http://{shown}:{port}/" + (f"?token={token}" if token else "")


def new_token() -> str:
    return secrets.token_urlsafe(24)


def serve(project: Any, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          announce: Callable[[str], None] = print, watch: Sequence[str] = (),
          watch_options: dict[str, Any] | None = None) -> None:
    """Serve `project` until interrupted. A host other than loopback needs `token` (a UsageError otherwise).

    With `watch` sources the server also runs a `Watcher` over them in a thread of its own (the project
    must be writable): it writes through its own cursor while requests read through theirs, and the pages
    follow the store's data version, so what a poll brings shows on the next request."""
    import uvicorn

    token = check_bind(host, token)
    project.store  # open it now: a missing or locked store is one line before the server starts  # noqa: B018
    app = create_app(project, token=token)
    watcher = _start_watcher(project, watch, watch_options or {}, announce) if watch else None
    threading.Thread(target=_warm, args=(app, announce), name="multipolar-warm-up", daemon=True).start()
    mode = "read-only" if project.read_only else f"watching {len(watch)} source(s)"
    announce(f"dashboard on {dashboard_url(host, port, token)} (store {project.db}, {mode}); Ctrl-C stops it")
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, server_header=False)
    finally:
        if watcher is not None:
            watcher.stop()


class _WatchThread:
    """The watcher's thread: builds the `Watcher` over the thread's own view of the project and polls until
    stopped; a round that fails is announced and the next one tried."""

    def __init__(self, project: Any, sources: Sequence[str], options: dict[str, Any],
                 announce: Callable[[str], None]) -> None:
        self.stop_event = threading.Event()
        self.project, self.sources, self.options, self.announce = project, list(sources), options, announce
        self.thread = threading.Thread(target=self._run, name="multipolar-watch", daemon=True)
        self.ready = False  # whether "watch: ready" was announced

    def _run(self) -> None:
        view = self.project.for_thread()
        try:
            watcher = view.watcher(self.sources, stop_event=self.stop_event,
                                   report=lambda poll: self.announce(f"watch: {printable(poll.line())}"),
                                   **self.options)
        except MultipolarError as exc:
            self.announce(f"watch stopped: {exc}")
            return
        while not self.stop_event.is_set():
            try:
                watcher.run(on_round=self._round, on_ready=self._ready)
            except Exception as exc:  # noqa: BLE001 - a failed round is announced and the next one tried
                first = (str(exc).strip().splitlines() or [""])[0]
                self.announce(f"watch: a round failed ({type(exc).__name__}: {printable(first)}); "
                              f"the next one starts in {watcher.every:g} s")
                self.stop_event.wait(watcher.every)

    def _ready(self, seconds: float) -> None:
        if not self.ready:  # once: a watcher started again after a failed round loads nothing new
            self.ready = True
            self.announce(f"watch: ready, the analysis models loaded in {seconds:.1f} s")

    def _round(self, done: Any) -> None:
        if done.new_documents or done.analysed is not None:
            self.announce(f"watch: {printable(done.line())}")
        for alert in done.alerts:
            self.announce(f"alert {alert.kind} {alert.actors} {alert.period}: {printable(alert.summary)}")
        for problem in done.delivery_errors:
            self.announce(f"alert delivery failed: {printable(problem)}")

    def stop(self, wait: float = 10.0) -> None:
        self.stop_event.set()
        self.thread.join(wait)


def _start_watcher(project: Any, sources: Sequence[str], options: dict[str, Any],
                   announce: Callable[[str], None]) -> _WatchThread:
    if project.read_only:
        raise UsageError("--watch writes to the store: open it writable (the server opens it so with --watch)")
    worker = _WatchThread(project, sources, options, announce)
    worker.thread.start()
    return worker


def _warm(app: Any, announce: Callable[[str], None]) -> None:
    start = time.monotonic()
    try:
        warm_up(app)
    except MultipolarError:  # e.g. a store with fewer than three actors: the pages say so when asked
        return
    announce(f"first views computed in {time.monotonic() - start:.1f} s")
