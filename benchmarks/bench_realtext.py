"""The coder on our own hand-labelled real documents, kept aside from rule writing.

    python benchmarks/bench_realtext.py [--labels benchmarks/data/realtext_holdout.jsonl] [--errors] [--set KEY=VALUE]

The labels (benchmarks/data/realtext_holdout.jsonl) are ids and events only, coded by
../shared/eval/realnews_codebook.md before the coder's output on these documents was looked at: 30
documents drawn at random (seed 11) from ../shared/corpora/rss_world_2026-01.jsonl.gz (200–1,500 characters)
and 12 White House readouts of 2025 from ../shared/corpora/wh_briefings.jsonl.gz, none of them in the
real-news dev sets. The texts are read from the corpora at run time and scored by
../shared/tools/score_realnews.py, the scorer of the real-news dev sets.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = {"rss": SHARED / "corpora" / "rss_world_2026-01.jsonl.gz", "wh": SHARED / "corpora" / "wh_briefings.jsonl.gz"}
SCORER = SHARED / "tools" / "score_realnews.py"
LABELS = ROOT / "benchmarks" / "data" / "realtext_holdout.jsonl"


def _scorer():
    spec = importlib.util.spec_from_file_location("score_realnews", SCORER)
    if spec is None or spec.loader is None:
        sys.exit(f"{SCORER}: not found; the benchmark needs ../shared/tools/score_realnews.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _texts(labels: list[dict]) -> dict[str, dict]:
    """The corpus record of each labelled id (its text and url)."""
    wanted = {rec["id"]: rec["corpus"] for rec in labels}
    out: dict[str, dict] = {}
    for corpus in sorted(set(wanted.values())):
        with gzip.open(CORPORA[corpus], "rt", encoding="utf-8") as handle:
            for line in handle:
                rec = json.loads(line)
                if wanted.get(rec["id"]) == corpus:
                    out[rec["id"]] = {"text": rec.get("text") or "", "url": rec.get("url"), "outlet": rec.get("outlet")}
    missing = sorted(set(wanted) - set(out))
    if missing:
        sys.exit(f"{len(missing)} labelled ids not in ../shared/corpora (first: {missing[0]})")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--errors", action="store_true", help="list every miss (only for documents not kept aside)")
    parser.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                        help="a setting for the coder, as `multipolar --set`")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from multipolar.events.api import code_records
    from multipolar.settings import load_settings

    settings = load_settings(dict(pair.split("=", 1) for pair in args.overrides))

    labels = [json.loads(line) for line in args.labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = _texts(labels)
    records = [{"id": rec["id"], "text": texts[rec["id"]]["text"], "date": rec["published"], "url": texts[rec["id"]]["url"],
                "outlet": texts[rec["id"]]["outlet"]}
               for rec in labels]
    system = {out["id"]: out for out in code_records(records, settings)}
    gold = {rec["id"]: rec for rec in labels}
    errors: list[str] | None = [] if args.errors else None
    result = _scorer().score(gold, system, errors)
    for level in ("quad", "plover"):
        r = result[level]
        print(f"(source, target, {level}): P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f} "
              f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']})")
    print(f"month right on {result['month_accuracy']} of {result['months_scored']} matched acts; "
          f"{result['articles']} documents")
    for line in errors or []:
        print(line)


if __name__ == "__main__":
    main()
