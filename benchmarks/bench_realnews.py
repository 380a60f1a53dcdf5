"""The event coder on whole real articles, scored by ../shared/tools/score_realnews.py.

    .venv/bin/python benchmarks/bench_realnews.py [--errors] [--json] [--out DIR] [--threshold P]

Codes both real-news dev sets (30 AP/BBC/Al Jazeera articles; 30 White House documents whose text comes
from ../shared/corpora/wh_briefings.jsonl.gz by id) with `code_records`, exactly what `multipolar code
--input` writes, and prints the scorer's precision and recall of (source, target, quad) and of the PLOVER
type, and the month of matched acts. `--errors` passes the scorer's list of every miss through (for
looking at error classes, never for writing rules from those sentences). With the learned layer on,
`--threshold` sets the probability below which an event does not count, and a reliability table shows
whether the probability means what it says.

The gold files are read for measuring only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval" / "events"
SCORER = SHARED / "tools" / "score_realnews.py"
CORPUS = SHARED / "corpora" / "wh_briefings.jsonl.gz"
SETS = {"realnews_dev": EVAL / "realnews_dev.jsonl", "realnews_dev_wh": EVAL / "realnews_dev_wh.jsonl"}


def read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def inputs(gold: Path) -> list[dict]:
    """The `code --input` records of a gold set: {"id", "text", "date"} (text from the corpus by id)."""
    rows = read_jsonl(gold)
    wanted = {r["id"] for r in rows if not r.get("text")}
    texts: dict[str, str] = {}
    if wanted:
        with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec.get("id") in wanted:
                    texts[rec["id"]] = rec.get("text") or ""
    return [{"id": r["id"], "text": r.get("text") or texts[r["id"]], "date": r.get("published")} for r in rows]


def code_set(gold: Path, out: Path, settings) -> Path:
    from multipolar.events.api import code_records

    system = out / f"{gold.stem}.system.jsonl"
    with open(system, "w", encoding="utf-8") as f:
        for record in code_records(inputs(gold), settings):
            f.write(json.dumps(record) + "\n")
    return system


def score(gold: Path, system: Path, *, errors: bool = False) -> tuple[dict, str]:
    res = subprocess.run([sys.executable, str(SCORER), str(gold), str(system), "--json"],
                         capture_output=True, text=True, check=True)
    listing = ""
    if errors:
        listing = subprocess.run([sys.executable, str(SCORER), str(gold), str(system), "--errors"],
                                 capture_output=True, text=True, check=True).stdout
    return json.loads(res.stdout), listing


def line(name: str, res: dict) -> str:
    q, p = res["quad"], res["plover"]
    return (f"{name:18s} (source, target, quad) P {q['precision']:.3f} R {q['recall']:.3f} F1 {q['f1']:.3f} · "
            f"PLOVER type P {p['precision']:.3f} R {p['recall']:.3f} · month {res['month_accuracy']} "
            f"of {res['months_scored']} · {res['articles']} documents")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", action="store_true", help="list every miss (error classes only)")
    parser.add_argument("--json", action="store_true", help="one JSON object with every figure")
    parser.add_argument("--out", type=Path, help="keep the system outputs in this folder")
    parser.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                        help="a setting for the coder, as `multipolar --set`")
    args = parser.parse_args()
    if not SCORER.exists():
        sys.exit(f"{SCORER} is missing: this benchmark needs ../shared beside the checkout")
    from multipolar.settings import load_settings

    settings = load_settings(dict(pair.split("=", 1) for pair in args.overrides))
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        for name, gold in SETS.items():
            system = code_set(gold, out, settings)
            results[name], listing = score(gold, system, errors=args.errors)
            if not args.json:
                print(line(name, results[name]), flush=True)
                if listing:
                    print(listing)
    if args.json:
        print(json.dumps(results))


if __name__ == "__main__":
    main()
