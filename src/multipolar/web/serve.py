"""Running the dashboard: check the bind address and token, open the store read-only, start uvicorn."""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from typing import Any

from multipolar.errors import MultipolarError
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
          announce: Callable[[str], None] = print) -> None:
    """Serve `project` until interrupted. A host other than loopback needs `token` (a UsageError otherwise)."""
    import uvicorn

    token = check_bind(host, token)
    project.store  # open it now: a missing or locked store is one line before the server starts  # noqa: B018
    app = create_app(project, token=token)
    threading.Thread(target=_warm, args=(app, announce), name="multipolar-warm-up", daemon=True).start()
    announce(f"dashboard on {dashboard_url(host, port, token)} (store {project.db}, read-only); Ctrl-C stops it")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, server_header=False)


def _warm(app: Any, announce: Callable[[str], None]) -> None:
    start = time.monotonic()
    try:
        warm_up(app)
    except MultipolarError:  # e.g. a store with fewer than three actors: the pages say so when asked
        return
    announce(f"first views computed in {time.monotonic() - start:.1f} s")
