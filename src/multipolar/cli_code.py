"""`multipolar code`: code sentences without a store, a thin command over `Project.code_texts`.

Registered on the CLI's app when `multipolar.cli` is imported (kept apart to keep cli.py short).
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from multipolar.cli import OutOption, SetOption, _date_arg, _err, _project, _settings, app
from multipolar.errors import UsageError


# -- code ------------------------------------------------------------------------------------------
@app.command()
def code(
    text: Annotated[str | None, typer.Argument(help="A sentence or short text to code.")] = None,
    input_: Annotated[str | None, typer.Option("--input", "-i", help="JSON lines {id, text, date?, url?, outlet?}; - for stdin.")] = None,
    date_: Annotated[str | None, typer.Option("--date", help="Publication date YYYY-MM-DD for TEXT.")] = None,
    url: Annotated[str | None, typer.Option("--url", help=(
        "Where TEXT was published: a government site (whitehouse.gov, kremlin.ru, ...) makes it an official "
        "statement, whose \"I\", \"we\" and own officials are that government (rule issuer.site)."))] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Who published TEXT (as --url).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json or jsonl.")] = "json",
    scheme: Annotated[str, typer.Option("--scheme", help=(
        "cameo (directed events, a reciprocal act one event each way) or plover (PLOVER's conventions: "
        "a reciprocal act's parties each as source with no target; CAMEO 01/02 left out)."))] = "cameo",
    min_probability: Annotated[float, typer.Option("--min-probability", help=(
        "Leave out acts between two states whose probability (the learned layer's, in `confidence`) is "
        "below this; relations count only those at or above the setting event_min_probability."))] = 0.0,
    states_only: Annotated[bool, typer.Option("--states-only", help=(
        "Only acts between two states of two countries (no UN, EU, NATO, armed group or company as a side), "
        "as the real-news codebook codes them."))] = False,
    explain: Annotated[bool, typer.Option("--explain", help=(
        "Add to every event the named rules that fired (\"explain\") and to every record the candidates "
        "a rule dropped, each with that rule (\"dropped\")."))] = False,
    out: OutOption = None,
    set_: SetOption = None,
) -> None:
    """Code sentences without a store: one JSON line {id, events} per input."""
    import json

    from multipolar.errors import ParseError
    from multipolar.events.api import SCHEMES

    if fmt not in ("json", "jsonl"):
        raise UsageError(f"--format {fmt!r}: code prints json or jsonl")
    if scheme not in SCHEMES:
        raise UsageError(f"--scheme {scheme!r}: use {' or '.join(SCHEMES)}")
    if text is None and input_ is None:
        raise UsageError("nothing to code: give TEXT, or --input FILE.jsonl (--input - reads JSON lines from stdin)")
    if text is not None and input_ is not None:
        raise UsageError("give either TEXT or --input FILE.jsonl (not both)")
    if input_ is not None and (url or outlet):
        raise UsageError("--url and --outlet go with TEXT; give each --input record its own \"url\" or \"outlet\"")
    settings = _settings(set_)
    if text is not None:
        meta = {k: v for k, v in (("url", url), ("outlet", outlet)) if v}
        records: Any = iter([{"id": "1", "text": text, **({"date": _date_arg(date_, "--date")} if date_ else {}), **meta}])
    else:
        records = _read_code_input(input_)
    handle = open(out, "w", encoding="utf-8") if out else sys.stdout
    errors = 0
    try:
        for result in _project(":memory:", settings).code_texts(records, scheme=scheme, min_probability=min_probability,
                                                                explain=explain, states_only=states_only):
            errors += "error" in result
            if fmt == "json" and text is not None:
                handle.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
            else:
                handle.write(json.dumps(result, ensure_ascii=False) + "\n")
    except ParseError as exc:
        raise UsageError(str(exc)) from None
    finally:
        if out:
            handle.close()
    if errors:
        _err(f"{errors} record(s) could not be coded: see the \"error\" field of their output lines")


def _read_code_input(spec: str | None) -> Any:
    import json

    from multipolar.errors import ParseError

    def lines() -> Any:
        handle = sys.stdin if spec == "-" else None
        try:
            if handle is None:
                try:
                    handle = open(spec, encoding="utf-8")  # noqa: SIM115 - closed below
                except OSError as exc:
                    raise UsageError(f"--input {spec}: {exc.strerror}; check the path") from None
            for number, line in enumerate(handle, 1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except (json.JSONDecodeError, RecursionError) as exc:  # this line gets an error record
                        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
                        yield ParseError(f"--input {spec}:{number}: not valid JSON ({reason}); fix the line")
        finally:
            if handle is not None and handle is not sys.stdin:
                handle.close()

    return lines()
