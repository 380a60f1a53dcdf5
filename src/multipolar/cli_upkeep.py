"""`multipolar status` and `multipolar reanalyse`: thin commands over `Project.stages`, `runs`, `reanalyse`.

Registered on the CLI's app when `multipolar.cli` is imported (kept apart to keep cli.py short).
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from multipolar.cli import DbOption, FormatOption, QuietOption, SetOption, _progress, _project, _settings, app


def _stored(state: Any) -> str:
    parts = []
    for version, digest, count in state.stored:
        made = f"v{version} {digest}" if version is not None else "unrecorded"
        parts.append(made if count is None else f"{made} ({count})")
    return "; ".join(parts) or "-"


@app.command()
def status(
    db: DbOption = "multipolar.duckdb",
    fmt: FormatOption = "table",
    history: Annotated[bool, typer.Option("--history", help="List the runs instead: stage, version, settings hash, start, end, documents.")] = False,
    limit: Annotated[int | None, typer.Option("--limit", help="With --history: at most this many rows.")] = None,
    set_: SetOption = None,
) -> None:
    """Each stage's version and settings hash in this code (with these settings) against the stored rows,
    and how many documents are stale: `multipolar reanalyse --only-stale` brings them up to date."""
    from multipolar.output import emit

    with _project(db, _settings(set_), read_only=True) as project:
        if history:
            frame = project.runs(limit=limit)
            emit(frame.columns, frame.rows, fmt=fmt)
            return
        states = project.stages()
        pending = project.pending()
    columns = ("stage", "scope", "version", "settings_hash", "stored", "documents", "stale", "current")
    rows = [(s.stage, "document" if s.per_document else "store", s.version, s.settings_hash, _stored(s),
             s.documents, s.stale, "yes" if s.current else "no") for s in states]
    emit(columns, rows, fmt=fmt, table_widths={"stored": 50})
    if fmt == "table":
        behind = [f"{s.stage} ({s.stale} documents)" if s.per_document else s.stage for s in states if not s.current]
        if behind:
            typer.echo(f"out of date: {', '.join(behind)} — run `multipolar reanalyse --only-stale --db {db}`")
        else:
            typer.echo("every stage is current")
        if pending:
            typer.echo(f"{pending} documents not analysed yet — `multipolar reanalyse` analyses them too")


@app.command()
def reanalyse(
    db: DbOption = "multipolar.duckdb",
    stage: Annotated[str, typer.Option("--stage", help="all, clean, events or claims.")] = "all",
    only_stale: Annotated[bool, typer.Option("--only-stale", help="Only documents whose rows were made by another stage version or other settings.")] = False,
    quiet: QuietOption = False,
    set_: SetOption = None,
) -> None:
    """Re-derive stored documents (never their raw bytes) with this code and these settings, then the
    cross-document stages. Interrupted, the same command again continues where it stopped."""
    tasks: dict[str, int] = {}
    with _project(db, _settings(set_)) as project, _progress(quiet) as bar:
        def progress(name: str, done: int, due: int) -> None:
            if name not in tasks:
                tasks[name] = bar.add_task(f"re-deriving {name}" if name != "analyse" else "analysing", total=due or None)
            bar.advance(tasks[name], done)

        summary = project.reanalyse(stage=stage, only_stale=only_stale, progress=progress)
    if not quiet:
        typer.echo(summary.line())
