"""`multipolar serve`, `watch` and `alerts`: thin commands over `Project.watcher`, `alerts` and the web app.

Registered on the CLI's app when `multipolar.cli` is imported (kept apart to keep cli.py short).
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from multipolar.cli import (
    DbOption,
    FormatOption,
    LimitOption,
    OutOption,
    QuietOption,
    SetOption,
    _date_value,
    _err,
    _project,
    _select,
    _settings,
    app,
)


# -- serve ------------------------------------------------------------------------------------------
@app.command()
def serve(
    db: DbOption = "multipolar.duckdb",
    host: Annotated[str, typer.Option("--host", help="Address to bind; other than loopback needs --token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    token: Annotated[str | None, typer.Option("--token", envvar="MULTIPOLAR_TOKEN",
                                              help="Require this token on every request (needed off loopback).")] = None,
    watch: Annotated[list[str] | None, typer.Option("--watch", help="Also poll this feed, GDELT lastupdate.txt, folder or file (as `multipolar watch` does) and alert; repeatable.", metavar="FEED")] = None,
    every: Annotated[str, typer.Option("--every", help="Poll interval with --watch: 30s, 15m, 1h.")] = "15m",
    allow_private: Annotated[bool, typer.Option("--allow-private", help="With --watch: allow private/loopback feed addresses.")] = False,
    set_: SetOption = None,
) -> None:
    """A live dashboard over the store: triangle, dyads, events, stories, claims, rejections, alerts, a JSON API.

    Read-only, unless --watch: then this one process owns the store, polls the sources and serves what
    they bring."""
    from multipolar.web.serve import serve as run_server

    with _project(db, _settings(set_, allow_private=allow_private), read_only=not watch) as project:
        run_server(project, host=host, port=port, token=token, announce=typer.echo, watch=watch or (),
                   watch_options={"every": every})


# -- watch and alerts ----------------------------------------------------------------------------
@app.command()
def watch(
    sources: Annotated[list[str], typer.Argument(help="Feed URLs, GDELT lastupdate.txt URLs, folders or files.",
                                                 metavar="FEED_OR_FOLDER...")],
    db: DbOption = "multipolar.duckdb",
    every: Annotated[str, typer.Option("--every", help="Poll interval: 30s, 15m, 1h.")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll every source once and exit (for cron and tests).")] = False,
    actors: Annotated[list[str] | None, typer.Option("--actors", help="Three actor codes, comma-separated (a triangle and its dyads), or two (one dyad), to alert on (default USA,CHN,RUS). Repeatable.")] = None,
    freq: Annotated[str, typer.Option("--freq", help="Period of the alert rules: day, week, month or quarter.")] = "week",
    alert_command: Annotated[str | None, typer.Option("--alert-command", help="Run this program (no shell) for each new alert, its JSON on stdin.")] = None,
    alert_webhook: Annotated[str | None, typer.Option("--alert-webhook", help="POST each new alert's JSON to this URL.")] = None,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow private/loopback addresses (feeds and webhook).")] = False,
    analyse: Annotated[bool, typer.Option("--analyse/--clean-only", help="Code events of new documents after each round (alerts need it for text; GDELT events need none).")] = True,
    quiet: QuietOption = False,
    set_: SetOption = None,
) -> None:
    """Poll feeds, GDELT updates and folders; ingest what is new; raise alerts on sign, configuration and level changes.

    One line per source per poll (status 200/304/error, new documents) and one per new alert.
    Ctrl-C stops (exit 130) with every source's state saved."""
    from datetime import UTC, datetime

    from multipolar.safe_text import printable

    settings = _settings(set_, allow_private=allow_private)

    def stamp() -> str:
        return datetime.now(UTC).strftime("%H:%M:%S")

    def report(poll: Any) -> None:
        if not quiet:
            typer.echo(f"{stamp()} {printable(poll.line())}")

    def on_round(done: Any) -> None:
        for alert in done.alerts:
            typer.echo(f"{stamp()} alert {alert.kind} {alert.actors} {alert.period}: {printable(alert.summary)}")
        for problem in done.delivery_errors:
            _err(f"{stamp()} delivery failed: {printable(problem)}")
        if not quiet:
            typer.echo(f"{stamp()} {done.line()}")

    def on_ready(seconds: float) -> None:
        typer.echo(f"{stamp()} ready: the analysis models loaded in {seconds:.1f} s")

    groups = [[x for x in group.split(",") if x.strip()] for group in actors or []]
    with _project(db, settings) as project:
        watcher = project.watcher(sources, actors=groups or None, freq=freq, every=every,
                                  alert_command=alert_command, alert_webhook=alert_webhook, analyse=analyse,
                                  report=report)
        try:
            watcher.run(rounds=1 if once else None, on_round=on_round, on_ready=None if quiet else on_ready)
        except KeyboardInterrupt:
            watcher.stop()
            _err("stopped: each source's poll state is saved; run the same command to go on")
            raise typer.Exit(130) from None


@app.command()
def alerts(
    db: DbOption = "multipolar.duckdb",
    fmt: FormatOption = "table",
    out: OutOption = None,
    since: Annotated[str | None, typer.Option("--since", help="Raised on or after YYYY-MM-DD.")] = None,
    limit: LimitOption = None,
) -> None:
    """List the alerts `multipolar watch` raised, newest first, with their driving event ids."""
    from multipolar.output import emit

    with _project(db, read_only=True) as project:
        frame = project.alerts(limit=limit, since=_date_value(since, "--since"))
    columns, rows = list(frame.columns), list(frame.rows)
    if fmt == "table":
        columns, rows = _select(columns, rows, ("raised_at", "kind", "actors", "period", "summary", "event_ids"))
    emit(columns, rows, fmt=fmt, out=out, json_columns=("event_ids", "detail"),
         table_widths={"summary": 70, "event_ids": 30})
