"""Sending an alert on: to a command (its JSON on stdin, no shell) or to a webhook (POSTed as JSON).

The webhook goes through the fetch guard of `sources.web` (private and loopback addresses refused
unless `allow_private`, no redirects, the http deadline). A failed delivery is reported, never
raised: the alert is stored either way and `multipolar alerts` lists it.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
from collections.abc import Sequence

from multipolar.errors import FetchError, UsageError
from multipolar.records import Alert
from multipolar.settings import Settings
from multipolar.sources.web import check_address, post_json

COMMAND_TIMEOUT = 30.0


def command_argv(command: str | Sequence[str]) -> list[str]:
    """The command as an argument list (a string is split as a shell would, but no shell runs it);
    a program that cannot be found is a UsageError."""
    argv = shlex.split(command) if isinstance(command, str) else [str(x) for x in command]
    if not argv:
        raise UsageError("--alert-command is empty: give a program, e.g. --alert-command 'notify-send multipolar'")
    if shutil.which(argv[0]) is None:
        raise UsageError(f"--alert-command {argv[0]!r}: no such program (give its path or put it on PATH)")
    return argv


def check_webhook(url: str, settings: Settings) -> str:
    """The webhook URL if the fetch guard lets it through; else a UsageError naming it and the fix."""
    try:
        check_address(url, allow_private=settings.allow_private)
    except FetchError as exc:
        raise UsageError(f"--alert-webhook {exc}") from None
    return url


def alert_json(alert: Alert) -> bytes:
    return json.dumps(alert.to_json(), ensure_ascii=False, default=str).encode("utf-8")


def send_to_command(argv: Sequence[str], alert: Alert) -> str | None:
    """Run the command with the alert's JSON on stdin; None when it exits 0, else what went wrong."""
    try:
        done = subprocess.run(list(argv), input=alert_json(alert), capture_output=True, timeout=COMMAND_TIMEOUT,
                              shell=False, check=False)
    except subprocess.TimeoutExpired:
        return f"alert command {argv[0]} ran past {COMMAND_TIMEOUT:g} s and was stopped"
    except OSError as exc:
        return f"alert command {argv[0]} cannot run ({exc.strerror or exc})"
    if done.returncode:
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        return f"alert command {argv[0]} exited {done.returncode}" + (f": {tail[-1][:200]}" if tail else "")
    return None


def send_to_webhook(url: str, alert: Alert, settings: Settings) -> str | None:
    """POST the alert's JSON; None when the webhook took it (2xx), else what went wrong."""
    try:
        post_json(url, alert_json(alert), settings)
    except FetchError as exc:
        return f"alert webhook: {exc}"
    return None
