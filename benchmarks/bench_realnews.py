"""The event coder on whole real articles, scored by ../shared/tools/score_realnews.py.

    .venv/bin/python benchmarks/bench_realnews.py [--errors] [--json] [--out DIR] [--set KEY=VALUE]

Codes both real-news dev sets (30 AP/BBC/Al Jazeera articles; 30 White House documents whose text comes
from ../shared/corpora/wh_briefings.jsonl.gz by id) with `code_records`, exactly what `multipolar code
--input` writes, and prints the scorer's precision and recall of (source, target, quad) and of the PLOVER
type, and the month of matched acts. `--errors` passes the scorer's list of every miss through (for
looking at error classes, never for writing rules from those sentences). Each set is scored three times:
every event `multipolar code` writes by default; only the acts that dyads and triangles count (the
learned layer's probability at or above `event_min_probability`, as `code --min-probability` writes
them); and of those only the acts between two states (`code --states-only`: the codebook codes no
international body, armed group or company, but the scorer takes any three letters, "IGO" too, for a
state, so an act of the UN or NATO counts as a wrong act on the line above); a reliability table shows whether the probability means what it says (share of the acts in
each probability bin whose key is in the gold set).

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
    """The `code --input` records of a gold set: {"id", "text", "date", "url", "outlet"} (text from the corpus by
    id; url and outlet as the gold record gives them, so an official statement is read as one)."""
    rows = read_jsonl(gold)
    wanted = {r["id"] for r in rows if not r.get("text")}
    texts: dict[str, str] = {}
    if wanted:
        with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec.get("id") in wanted:
                    texts[rec["id"]] = rec.get("text") or ""
    return [{"id": r["id"], "text": r.get("text") or texts[r["id"]], "date": r.get("published"), "url": r.get("url"),
             "outlet": r.get("outlet")} for r in rows]


def code_set(gold: Path, out: Path, settings) -> tuple[Path, Path, Path]:
    """Code a gold set once: every event (`code` as it writes by default), the acts relations count, and of
    those the acts between two states only (`code --min-probability P --states-only`)."""
    from multipolar.events.api import code_records

    floor = settings.event_min_probability if settings.event_model else 0.0
    every = out / f"{gold.stem}.all.jsonl"
    kept = out / f"{gold.stem}.system.jsonl"
    states = out / f"{gold.stem}.states.jsonl"
    with (open(every, "w", encoding="utf-8") as f_all, open(kept, "w", encoding="utf-8") as f_kept,
          open(states, "w", encoding="utf-8") as f_states):
        for record in code_records(inputs(gold), settings):
            f_all.write(json.dumps(record) + "\n")
            record["events"] = [e for e in record["events"] if not (_applies(e) and e["confidence"] < floor)]
            f_kept.write(json.dumps(record) + "\n")
            record["events"] = [e for e in record["events"] if _applies(e)]
            f_states.write(json.dumps(record) + "\n")
    return every, kept, states


def _applies(event: dict) -> bool:
    """events/model.py's `applies` on an event's JSON form."""
    from multipolar.codes import is_interstate

    return is_interstate(event.get("source_actor"), event.get("target_actor"))


def reliability(gold: Path, every: Path, bins: int = 5) -> list[tuple[str, int, float, float]]:
    """(bin, events, mean probability, share whose key is a gold act of their document) of counted events."""
    from multipolar.events.model import act_key, is_scored

    wanted = {g["id"]: {act_key(e["source"], e["target"], e.get("plover"), e.get("quad")) for e in g["events"]}
              for g in read_jsonl(gold)}
    pairs = []
    for rec in read_jsonl(every):
        for e in rec["events"]:
            if not (_applies(e) and is_scored(e.get("source"), e.get("target"), negated=bool(e.get("negated")),
                                              modality=e.get("modality"))):
                continue
            key = act_key(e["source"], e["target"], e.get("plover"), e.get("quad"))
            pairs.append((float(e["confidence"]), key in wanted.get(rec["id"], set())))
    out = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        sel = [(p, ok) for p, ok in pairs if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if sel:
            out.append((f"{lo:.1f}-{hi:.1f}", len(sel), sum(p for p, _ in sel) / len(sel),
                        sum(ok for _, ok in sel) / len(sel)))
    return out


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
    return (f"{name:22s} (source, target, quad) P {q['precision']:.3f} R {q['recall']:.3f} F1 {q['f1']:.3f} · "
            f"PLOVER type P {p['precision']:.3f} R {p['recall']:.3f} · month {res['month_accuracy']} "
            f"of {res['months_scored']}")


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
            every, kept, states = code_set(gold, out, settings)
            every_event, _ = score(gold, every)
            states_only, _ = score(gold, states)
            results[name], listing = score(gold, kept, errors=args.errors)
            results[name]["every_event"] = {k: every_event[k] for k in ("quad", "plover", "month_accuracy")}
            results[name]["states_only"] = {k: states_only[k] for k in ("quad", "plover", "month_accuracy")}
            results[name]["reliability"] = reliability(gold, every)
            if not args.json:
                print(f"{name} ({results[name]['articles']} documents)")
                print(line("  every event", every_event), flush=True)
                print(line(f"  counted, p>={settings.event_min_probability}", results[name]), flush=True)
                print(line("  counted, states only", {**results[name], **states_only}), flush=True)
                for bin_, n, mean, seen in results[name]["reliability"]:
                    print(f"    probability {bin_}: {n:4d} events, mean {mean:.2f}, gold acts {seen:.2f}")
                if listing:
                    print(listing)
    if args.json:
        print(json.dumps(results))


if __name__ == "__main__":
    main()
