"""The command line: thin commands over importable functions. Only this module prints or exits."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

try:  # typer >= 0.20 vendors its own copy of click
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover - older typer
    from click import exceptions as click_exceptions

from multipolar.errors import MultipolarError, UsageError
from multipolar.settings import Settings, describe, load_settings

app = typer.Typer(
    name="multipolar",
    help="Who did what to whom, and when: source-traceable event data from news about international affairs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DbOption = Annotated[
    str,
    typer.Option("--db", envvar="MULTIPOLAR_DB", help="Store file (DuckDB).", show_default=True),
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, csv, jsonl or parquet.")]
OutOption = Annotated[str | None, typer.Option("--out", "-o", help="Write to this file instead of stdout.")]
SetOption = Annotated[
    list[str] | None,
    typer.Option("--set", help="Override a setting, key=value (see `multipolar settings`). Repeatable."),
]
LimitOption = Annotated[int | None, typer.Option("--limit", help="At most this many rows.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]


def _settings(pairs: list[str] | None) -> Settings:
    parsed: dict[str, str] = {}
    for pair in pairs or []:
        if "=" not in pair:
            raise UsageError(f"--set {pair!r}: expected key=value, e.g. --set max_bytes=10000000")
        key, value = pair.split("=", 1)
        parsed[key.strip()] = value.strip()
    return load_settings(parsed)


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _open_store(db: str, *, read_only: bool = False):
    from multipolar.store import Store

    return Store.open(db, read_only=read_only)


# -- ingest --------------------------------------------------------------------------------------
@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, feeds or http(s) URLs.", metavar="PATH_OR_URL...")],
    db: DbOption = "multipolar.duckdb",
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow fetching private/loopback addresses.")] = False,
    user_agent: Annotated[str | None, typer.Option("--user-agent", help="User-Agent for fetches.")] = None,
    analyse: Annotated[bool, typer.Option("--analyse/--clean-only", help="Run event coding and cross-document stages after cleaning.")] = True,
    quiet: QuietOption = False,
    set_: SetOption = None,
) -> None:
    """Store inputs verbatim, clean them, and code their events."""
    from multipolar.pipeline import estimate_total
    from multipolar.pipeline import ingest as run_ingest

    overrides = list(set_ or [])
    if allow_private:
        overrides.append("allow_private=true")
    if user_agent:
        overrides.append(f"user_agent={user_agent}")
    settings = _settings(overrides)
    with _open_store(db) as store:
        if quiet:
            summary = run_ingest(store, inputs, settings, analyse=analyse)
        else:
            from rich.progress import (
                BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.text import Text

            class RateColumn(ProgressColumn):
                def render(self, task) -> Text:  # type: ignore[no-untyped-def]
                    speed = task.finished_speed or task.speed
                    return Text(f"{speed:,.0f} docs/s" if speed else "… docs/s")

            columns = [
                TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                RateColumn(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            ]
            with Progress(*columns, transient=True, console=_stderr_console()) as bar:
                task = bar.add_task("ingesting", total=estimate_total(inputs))
                summary = run_ingest(
                    store, inputs, settings, analyse=analyse,
                    progress=lambda n: bar.advance(task, n),
                )
        if not quiet:
            typer.echo(summary.line())


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


# -- reads -----------------------------------------------------------------------------------------
DOC_COLUMNS = (
    "doc_id", "id", "url", "source_uri", "title", "author", "outlet", "published", "published_from",
    "language", "spun_score", "spun", "near_duplicate_of", "story_id", "flags", "text",
)


@app.command()
def docs(
    db: DbOption = "multipolar.duckdb",
    fmt: FormatOption = "table",
    out: OutOption = None,
    doc: Annotated[str | None, typer.Option("--doc", help="A doc_id or its prefix.")] = None,
    language: Annotated[str | None, typer.Option("--language", help="ISO 639-1 code, e.g. en.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Published on or before YYYY-MM-DD.")] = None,
    limit: LimitOption = None,
) -> None:
    """List stored documents with their metadata and clean text."""
    from multipolar.output import emit

    where, params = ["cleaned_by IS NOT NULL AND cleaned_by NOT LIKE '%:rejected'"], []
    if doc:
        where.append("doc_id LIKE ?")
        params.append(doc + "%")
    if language:
        where.append("language = ?")
        params.append(language)
    if since:
        where.append("published >= ?::DATE")
        params.append(_date_arg(since, "--since"))
    if until:
        where.append("published <= ?::DATE")
        params.append(_date_arg(until, "--until"))
    sql = (
        "SELECT doc_id, input_id AS id, url, source_uri, title, author, outlet, "
        "strftime(published, '%Y-%m-%d') AS published, published_from, language, spun_score, spun, "
        "near_duplicate_of, story_id, flags, text FROM documents WHERE " + " AND ".join(where)
        + " ORDER BY published NULLS LAST, source_uri"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    with _open_store(db, read_only=True) as store:
        columns, rows = store.query(sql, params)
    if fmt == "table":  # a terminal has room for the columns a person scans; other formats get them all
        columns, rows = _select(columns, rows, ("doc_id", "published", "outlet", "author", "title", "language", "text"))
    emit(
        columns, rows, fmt=fmt, out=out, json_columns=("flags",),
        table_widths={"doc_id": 10, "text": 60, "title": 40, "published": 10, "language": 4},
    )


@app.command()
def rejections(
    db: DbOption = "multipolar.duckdb",
    fmt: FormatOption = "table",
    out: OutOption = None,
    limit: LimitOption = None,
) -> None:
    """List inputs that could not be used, with the reason and the fix."""
    from multipolar.output import emit

    sql = "SELECT source_uri, doc_id, stage, code, message, \"at\" FROM rejections ORDER BY \"at\", source_uri"
    if limit:
        sql += f" LIMIT {int(limit)}"
    with _open_store(db, read_only=True) as store:
        columns, rows = store.query(sql)
    emit(columns, rows, fmt=fmt, out=out, table_widths={"message": 80, "doc_id": 12})


@app.command("settings")
def settings_cmd(fmt: FormatOption = "table") -> None:
    """List every setting with its type, default and help."""
    from multipolar.output import emit

    emit(("name", "type", "default", "help"), describe(), fmt=fmt, table_widths={"help": 80})


# -- demo ------------------------------------------------------------------------------------------
def _examples_dir() -> Path:
    env = os.environ.get("MULTIPOLAR_EXAMPLES")
    candidates = [Path(env)] if env else []
    candidates += [Path(__file__).resolve().parents[2] / "examples" / "demo", Path.cwd() / "examples" / "demo"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise UsageError(
        "the demo corpus (examples/demo) was not found: run from the multipolar checkout or set MULTIPOLAR_EXAMPLES"
    )


@app.command()
def demo(
    db: DbOption = "demo.duckdb",
    out: Annotated[str, typer.Option("--out", help="Where to write the HTML report.")] = "demo-report.html",
    quiet: QuietOption = False,
) -> None:
    """Ingest the bundled demo corpus into a fresh store and write the report."""
    from multipolar.pipeline import ingest as run_ingest

    corpus = _examples_dir()
    for suffix in ("", ".wal"):
        Path(db + suffix).unlink(missing_ok=True)
    settings = load_settings()
    with _open_store(db) as store:
        summary = run_ingest(store, [str(corpus)], settings)
        typer.echo(f"demo corpus {corpus}: {summary.line()}")
        typer.echo(f"store: {Path(db).resolve()}")
        typer.echo(f"try: multipolar docs --db {db}   ·   multipolar events --db {db}")


def _select(columns, rows, keep):
    index = [list(columns).index(name) for name in keep]
    return list(keep), [tuple(row[i] for i in index) for row in rows]


def _date_arg(value: str, option: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"{option} {value!r}: expected a date as YYYY-MM-DD") from None


def main(argv: list[str] | None = None) -> None:
    """Entry point: one line on stderr and a non-zero exit for every error we know."""
    try:
        app(args=argv, standalone_mode=False)
    except MultipolarError as exc:
        _err(f"error: {exc}")
        sys.exit(exc.exit_code)
    except click_exceptions.NoArgsIsHelpError as exc:
        exc.show()
        sys.exit(0)
    except click_exceptions.UsageError as exc:
        _err(f"error: {exc.format_message()} (see `multipolar {exc.ctx.info_name if exc.ctx else ''} --help`)")
        sys.exit(2)
    except click_exceptions.Abort:
        _err("aborted")
        sys.exit(130)
    except click_exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except KeyboardInterrupt:
        _err("interrupted: the store keeps every committed batch; run the same command again to finish")
        sys.exit(130)
    except Exception as exc:  # last resort: one line, not a traceback
        if os.environ.get("MULTIPOLAR_DEBUG"):
            raise
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        _err(f"internal error: {type(exc).__name__}: {first} (set MULTIPOLAR_DEBUG=1 for the traceback)")
        sys.exit(70)
