"""Writing result rows as a table, CSV, JSON lines or Parquet (the CLI's `--format`).

Article text is untrusted: in a terminal table it is shown through rich's `Text` (no markup is
interpreted), in tables and CSV its terminal escape sequences and control characters are removed
(`safe_text.printable`: an author or outlet cannot clear or retitle the terminal), and in the report
it is HTML-escaped.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TextIO

from multipolar.errors import UsageError
from multipolar.safe_text import printable

FORMATS = ("table", "csv", "jsonl", "parquet")


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("utf-8", errors="replace")
    return value


def _parse_json_columns(columns: Sequence[str], rows: Sequence[Sequence[Any]], json_columns: set[str]) -> list[dict]:
    out = []
    for row in rows:
        record = {}
        for name, value in zip(columns, row, strict=True):
            if name in json_columns and isinstance(value, str):
                try:
                    value = json.loads(value)
                except json.JSONDecodeError:
                    pass
            record[name] = _jsonable(value)
        out.append(record)
    return out


def emit(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    fmt: str,
    out: str | None = None,
    json_columns: Sequence[str] = (),
    table_widths: dict[str, int] | None = None,
    title: str | None = None,
    stream: TextIO | None = None,
) -> None:
    stream = stream or sys.stdout
    if fmt not in FORMATS:
        raise UsageError(f"unknown --format {fmt!r}: choose one of {', '.join(FORMATS)}")
    records = _parse_json_columns(columns, rows, set(json_columns))
    if fmt == "parquet":
        if not out:
            raise UsageError("--format parquet writes a file: add --out FILE.parquet")
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(
            [{k: (json.dumps(v) if isinstance(v, (list, dict)) else v) for k, v in r.items()} for r in records]
        ) if records else pa.table({c: pa.array([], type=pa.string()) for c in columns})
        pq.write_table(table, out)
        return
    handle = open(out, "w", encoding="utf-8", newline="") if out else stream
    try:
        if fmt == "jsonl":
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif fmt == "csv":
            writer = csv.writer(handle)
            writer.writerow(columns)
            for record in records:
                writer.writerow(
                    [
                        json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict))
                        else printable(v) if isinstance(v, str) else v
                        for v in record.values()
                    ]
                )
        else:
            _table(columns, records, handle, table_widths or {}, title)
    finally:
        if out:
            handle.close()


def _table(columns: Sequence[str], records: list[dict], handle: TextIO, widths: dict[str, int], title: str | None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=handle, width=200 if not handle.isatty() else None)
    table = Table(title=title, show_lines=False)
    for name in columns:
        table.add_column(name, overflow="fold", max_width=widths.get(name, 40))
    for record in records:
        cells = []
        for name in columns:
            value = record[name]
            text = "" if value is None else (json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else str(value))
            limit = widths.get(name, 40) * 3
            if len(text) > limit:
                text = text[: limit - 1] + "…"
            cells.append(Text(printable(text)))
        table.add_row(*cells)
    console.print(table)
    console.print(f"{len(records)} rows", style="dim")


def package_templates(package: str) -> Any:
    """The Jinja2 environment of a package's bundled `templates/` (the report's, the dashboard's): every
    value autoescaped, an unknown name an error rather than an empty string."""
    from importlib import resources

    import jinja2

    return jinja2.Environment(
        loader=jinja2.FunctionLoader(
            lambda name: resources.files(package).joinpath("templates", name).read_text(encoding="utf-8")
        ),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
