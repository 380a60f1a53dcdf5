"""The command line: thin commands over importable functions. Only this module prints or exits."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

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


def _settings(pairs: list[str] | None, *, allow_private: bool = False) -> Settings:
    """The settings with the `--set key=value` pairs, and the `--allow-private` flag of the commands that fetch."""
    parsed: dict[str, str] = {}
    for pair in pairs or []:
        if "=" not in pair:
            raise UsageError(f"--set {pair!r}: expected key=value, e.g. --set max_bytes=10000000")
        key, value = pair.split("=", 1)
        parsed[key.strip()] = value.strip()
    if allow_private:
        parsed["allow_private"] = "true"
    return load_settings(parsed)


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _project(db: str, settings: Settings | None = None, *, read_only: bool = False):
    from multipolar.api import Project

    return Project(db, settings, read_only=read_only)


def _version(value: bool) -> None:
    if value:
        from multipolar import __version__

        typer.echo(f"multipolar {__version__}")
        raise typer.Exit()


@app.callback()
def _main_options(
    version: Annotated[bool | None, typer.Option("--version", callback=_version, is_eager=True,
                                                 help="Print the version and exit.")] = None,
) -> None:
    """Who did what to whom, and when: source-traceable event data from news about international affairs."""


class NothingIngested(MultipolarError):
    """Every input was rejected: the run stored rejections only."""

    exit_code = 65


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
    """Store inputs verbatim, clean them, and code their events.

    Exits 0 when something was stored or everything was stored already, 65 when every input was
    rejected, 130 when interrupted (what was committed stays; run the same command again)."""
    from multipolar.pipeline import estimate_total

    overrides = list(set_ or []) + ([f"user_agent={user_agent}"] if user_agent else [])
    settings = _settings(overrides, allow_private=allow_private)
    with _project(db, settings) as project:
        with _progress(quiet) as bar:
            task = bar.add_task("ingesting", total=estimate_total(inputs))
            summary = project.ingest(inputs, progress=lambda n: bar.advance(task, n))
        if not quiet:
            typer.echo(summary.line())
        if analyse:
            _analyse(project, quiet=quiet)
    if summary.rejected and not (summary.ingested or summary.duplicates or summary.gdelt_events):
        raise NothingIngested(f"nothing ingested: all {summary.rejected} inputs were rejected — see `multipolar rejections --db {db}`")


def _analyse(project: Any, *, quiet: bool) -> None:
    """Code events and claims of unanalysed documents, then the cross-document stages."""
    with _progress(quiet) as bar:
        task = bar.add_task("coding events", total=project.pending())
        summary = project.analyse(progress=lambda n: bar.advance(task, n))
    if not quiet:
        typer.echo(summary.line())


class _NoProgress:
    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def add_task(self, *args: Any, **kwargs: Any) -> int:
        return 0

    def advance(self, *args: Any) -> None:
        return None


def _progress(quiet: bool) -> Any:
    """A progress bar with count, rate and ETA on stderr (nothing with --quiet)."""
    if quiet:
        return _NoProgress()
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.1f} docs/s" if speed else "… docs/s")

    return Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        RateColumn(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
        transient=True, console=_stderr_console(),
    )


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
    published_from: Annotated[str | None, typer.Option("--published-from", help="Where the date came from: meta, text, url, feed, story, text_latest, ingest, none.")] = None,
    limit: LimitOption = None,
) -> None:
    """List stored documents with their metadata and clean text."""
    from multipolar.output import emit

    with _project(db, read_only=True) as project:
        frame = project.documents(doc=doc, language=language, since=_date_value(since, "--since"),
                                  until=_date_value(until, "--until"), published_from=published_from,
                                  limit=limit)
    columns, rows = list(frame.columns), list(frame.rows)
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

    with _project(db, read_only=True) as project:
        frame = project.rejections(limit=limit)
    emit(frame.columns, frame.rows, fmt=fmt, out=out, table_widths={"message": 80, "doc_id": 12})


@app.command("settings")
def settings_cmd(fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, jsonl or markdown.")] = "table") -> None:
    """List every setting with its type, default and help."""
    from multipolar.output import emit

    if fmt == "markdown":
        from multipolar.settings import markdown_table

        typer.echo(markdown_table(), nl=False)
        return
    emit(("name", "type", "default", "help"), describe(), fmt=fmt, table_widths={"help": 80})


# -- events, claims, stories -----------------------------------------------------------------------
@app.command()
def events(
    db: DbOption = "multipolar.duckdb",
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, jsonl, parquet, gdelt or plover.")] = "table",
    out: OutOption = None,
    actor: Annotated[list[str] | None, typer.Option("--actor", help="Source or target code (USA, RUSGOV); repeat for a dyad.")] = None,
    code: Annotated[str | None, typer.Option("--code", help="CAMEO code prefix, e.g. 04 or 042.")] = None,
    root: Annotated[str | None, typer.Option("--root", help="CAMEO root, 01-20.")] = None,
    quad: Annotated[int | None, typer.Option("--quad", help="QuadClass 1-4.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Events on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Events on or before YYYY-MM-DD.")] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="A doc_id or its prefix.")] = None,
    date_precision: Annotated[str | None, typer.Option("--date-precision", help="day, month, year, doc, doc_story, doc_text or doc_ingest.")] = None,
    canonical: Annotated[bool, typer.Option("--canonical", help="One row per real-world event (de-duplicated).")] = False,
    limit: LimitOption = None,
) -> None:
    """List coded events with their sentence, span, modality and provenance."""
    from multipolar.output import emit

    if quad is not None and quad not in (1, 2, 3, 4):
        raise UsageError(f"--quad {quad}: QuadClass is 1, 2, 3 or 4")
    with _project(db, read_only=True) as project:
        query = project.events(actor=actor or (), code=code, root=root, quad=quad,
                               since=_date_value(since, "--since"), until=_date_value(until, "--until"),
                               doc=doc, canonical=canonical, date_precision=date_precision,
                               limit=limit)
        if fmt in ("gdelt", "plover"):
            records = query.records()
            handle = open(out, "w", encoding="utf-8") if out else sys.stdout
            try:
                if fmt == "gdelt":
                    from multipolar.interop.gdelt import write_gdelt_rows

                    handle.writelines(write_gdelt_rows(records))
                else:
                    import json

                    from multipolar.interop.plover import plover_records

                    for record in plover_records(records):
                        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            finally:
                if out:
                    handle.close()
            return
        frame = query.frame()
    columns, rows = list(frame.columns), list(frame.rows)
    if fmt == "table":
        shown = ("date", "source_actor", "cameo", "target_actor", "modality", "trigger", "text")
        if any(row[columns.index("date_flag")] for row in rows):  # implausible dates: kept, shown, not counted
            shown = ("date", "date_flag", *shown[1:])
        columns, rows = _select(columns, rows, shown)
    emit(columns, rows, fmt=fmt, out=out, table_widths={"text": 70, "trigger": 18, "date": 10})


@app.command()
def claims(
    db: DbOption = "multipolar.duckdb",
    fmt: FormatOption = "table",
    out: OutOption = None,
    conflicts: Annotated[bool, typer.Option("--conflicts", help="Only claims whose group disagrees (contradicted or different periods).")] = False,
    doc: Annotated[str | None, typer.Option("--doc", help="A doc_id.")] = None,
) -> None:
    """Numeric claims with what they measure, for when, who says so, and whether sources agree."""
    from multipolar.output import emit

    with _project(db, read_only=True) as project:
        frame = project.claims(conflicts=conflicts, doc=doc)
    columns, values = list(frame.columns), list(frame.rows)
    if fmt == "table":
        shown = ("text", "value", "unit", "measure", "kind", "subject", "target", "scope", "period", "attribution",
                 "status", "reason")
        keep = [c for c in shown if c in columns]
        columns, values = _select(columns, values, keep)
    emit(columns, values, fmt=fmt, out=out, json_columns=("subject", "target"), table_widths={"reason": 60})


@app.command()
def stories(
    db: DbOption = "multipolar.duckdb",
    fmt: FormatOption = "table",
    out: OutOption = None,
    limit: LimitOption = None,
) -> None:
    """Stories: documents about the same real-world event, with their span, actors and documents."""
    from multipolar.output import emit

    with _project(db, read_only=True) as project:
        frame = project.stories(limit=limit)
    emit(frame.columns, frame.rows, fmt=fmt, out=out, json_columns=("actors",), table_widths={"title": 50, "documents": 40})


# -- relations ------------------------------------------------------------------------------------
@app.command()
def remove(
    doc_ids: Annotated[list[str], typer.Argument(help="doc_ids (or unique prefixes) from `multipolar docs`.", metavar="DOC_ID...")],
    db: DbOption = "multipolar.duckdb",
    set_: SetOption = None,
) -> None:
    """Remove documents with everything derived from them (sentences, mentions, events, claims)."""
    with _project(db, _settings(set_)) as project:
        removal = project.remove(doc_ids)
    typer.echo(f"{removal.line()} ({', '.join(d[:12] for d in removal.doc_ids)})")


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
    force: Annotated[bool, typer.Option("--force", help="Replace an existing --db and --out.")] = False,
    quiet: QuietOption = False,
) -> None:
    """Ingest the bundled demo corpus into a fresh store and write the report.

    An existing --db or --out file is left alone (an error) unless --force says to replace it."""
    corpus = _examples_dir()
    taken = [name for name in (db, db + ".wal", out) if Path(name).exists()]
    if taken and not force:
        raise UsageError(
            f"{taken[0]} exists: demo writes a fresh store and report; choose another --db/--out, or add --force to replace it"
        )
    for name in (db, db + ".wal"):
        Path(name).unlink(missing_ok=True)
    with _project(db, load_settings()) as project:
        summary = project.ingest([str(corpus)])
        typer.echo(f"demo corpus {corpus}: {summary.line()}")
        _analyse(project, quiet=quiet)
        path = project.report(out, actors=("USA", "CHN", "RUS"), freq="month")
    typer.echo(f"store:  {Path(db).resolve()}")
    typer.echo(f"report: {path}")
    typer.echo(f"next:   multipolar events --db {db}   ·   multipolar triangle USA CHN RUS --db {db}")
    typer.echo(f"live:   multipolar serve --db {db}   then open http://127.0.0.1:8000/")


def _select(columns, rows, keep):
    columns = list(columns)
    index = [list(columns).index(name) for name in keep]
    return list(keep), [tuple(row[i] for i in index) for row in rows]


def _date_value(value: str | None, option: str):
    from datetime import date

    return date.fromisoformat(_date_arg(value, option)) if value else None


def _date_arg(value: str, option: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"{option} {value!r}: expected a date as YYYY-MM-DD") from None


def main(argv: list[str] | None = None) -> None:
    """Entry point: one line on stderr and a non-zero exit for every error we know."""
    try:
        # typer turns Ctrl-C into Exit(130) and, outside standalone mode, returns an Exit's code
        code = app(args=argv, prog_name="multipolar", standalone_mode=False)
        if isinstance(code, int) and code == 130:
            raise KeyboardInterrupt
        if isinstance(code, int) and code:
            sys.exit(code)
    except MultipolarError as exc:
        _err(f"error: {exc}")
        sys.exit(exc.exit_code)
    except click_exceptions.NoArgsIsHelpError as exc:
        exc.show()
        sys.exit(0)
    except click_exceptions.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx else "multipolar"
        _err(f"error: {exc.format_message()} (see `{command} --help`)")
        sys.exit(2)
    except typer.Abort:
        _err("aborted")
        sys.exit(130)
    except typer.Exit as exc:
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


# registered on the app by importing them (kept apart to keep this module short)
from multipolar import cli_code, cli_live, cli_relations, cli_upkeep  # noqa: E402, F401
