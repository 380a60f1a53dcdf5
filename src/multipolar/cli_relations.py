"""`multipolar dyads`, `triangle` and `report`: thin commands over `Project.dyads`, `triangle`, `triangle_json`,
`triangle_shifts` and `report`.

Registered on the CLI's app when `multipolar.cli` is imported (kept apart to keep cli.py short).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from multipolar.cli import DbOption, FormatOption, OutOption, SetOption, _date_value, _project, _settings, app
from multipolar.errors import UsageError

FreqOption = Annotated[str, typer.Option("--freq", help="day, week, month or quarter.")]


@app.command()
def dyads(
    a: Annotated[str, typer.Argument(help="First actor code, e.g. USA or RUSGOV.")],
    b: Annotated[str, typer.Argument(help="Second actor code.")],
    db: DbOption = "multipolar.duckdb",
    freq: FreqOption = "month",
    normalisation: Annotated[str, typer.Option("--normalise", help="none, volume, salience or shares.")] = "none",
    since: Annotated[str | None, typer.Option("--since", help="Events on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Events on or before YYYY-MM-DD.")] = None,
    fmt: FormatOption = "table",
    out: OutOption = None,
    set_: SetOption = None,
) -> None:
    """The relation of two actors over time: counts per QuadClass, Goldstein, net cooperation."""
    from multipolar.output import emit
    from multipolar.relations.dyads import format_dyad_table

    with _project(db, _settings(set_), read_only=True) as project:
        series = project.dyads(a, b, freq=freq, normalisation=normalisation,
                               since=_date_value(since, "--since"), until=_date_value(until, "--until"))
    if fmt == "table":
        table = format_dyad_table(series)
        emit(table[0], table[1:], fmt="table", out=out, title=f"{series.a}–{series.b} by {freq}")
        return
    data = series.to_json()
    rows = [{"direction": f"{series.a}-{series.b}", **p} for p in data["undirected"]]
    for direction, periods in data["directed"].items():
        rows += [{"direction": direction, **p} for p in periods]
    rows = [{**r, "normalisation": data["normalisation"], "weighting": data["weighting"]} for r in rows]
    columns = list(rows[0]) if rows else ["period"]
    emit(columns, [tuple(r.get(c) for c in columns) for r in rows], fmt=fmt, out=out)


@app.command()
def triangle(
    a: Annotated[str, typer.Argument(help="First actor code.")],
    b: Annotated[str, typer.Argument(help="Second actor code.")],
    c: Annotated[str, typer.Argument(help="Third actor code.")],
    db: DbOption = "multipolar.duckdb",
    freq: FreqOption = "month",
    since: Annotated[str | None, typer.Option("--since", help="Events on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Events on or before YYYY-MM-DD.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    out: OutOption = None,
    set_: SetOption = None,
) -> None:
    """The strategic triangle of three actors per period: signed edges, configuration, roles."""
    import json

    from multipolar.output import emit
    from multipolar.relations.triangle import format_triangle_table

    if fmt not in ("table", "json"):
        raise UsageError(f"--format {fmt!r}: triangle prints table or json")
    with _project(db, _settings(set_), read_only=True) as project:
        tri = project.triangle(a, b, c, freq=freq, since=_date_value(since, "--since"),
                               until=_date_value(until, "--until"))
        data = project.triangle_json(tri) if fmt == "json" else None
        shifts = project.triangle_shifts(tri) if fmt != "json" else []
    if data is not None:
        text = json.dumps(data, ensure_ascii=False, indent=2)
        if out:
            Path(out).write_text(text + "\n", encoding="utf-8")
        else:
            typer.echo(text)
        return
    table = format_triangle_table(tri)
    edges = range(1, 4)
    rows = [row for row in table[1:] if any(row[i] != "no data" for i in edges)]  # periods with events
    emit(table[0], rows, fmt="table", out=out, title=f"{' · '.join(tri.actors)} by {freq} (periods with events)")
    if shifts and not out:
        emit(["period", "kind", "subject", "change", "since"],
             [(s.period, s.kind, s.subject, s.change, s.previous) for s in shifts], fmt="table",
             title="Shifts (the report lists their events)")


@app.command()
def report(
    db: DbOption = "multipolar.duckdb",
    out: Annotated[str, typer.Option("--out", "-o", help="Where to write the HTML file.")] = "report.html",
    actors: Annotated[str, typer.Option("--actors", help="Three actor codes, comma-separated.")] = "USA,CHN,RUS",
    freq: FreqOption = "month",
    set_: SetOption = None,
) -> None:
    """Write one self-contained HTML report: the triangle per period, dyads, shifts, top events."""
    with _project(db, _settings(set_), read_only=True) as project:
        path = project.report(out, actors=[x.strip() for x in actors.split(",")], freq=freq)
    typer.echo(f"report: {path}")


# -- remove ----------------------------------------------------------------------------------------
