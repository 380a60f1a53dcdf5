"""Claims: number detection against MEANTIME's gold numeric spans, and speed on the WH briefings.

    .venv/bin/python benchmarks/bench_claims.py [--docs N]

Quality: every MONEY / PERCENT / QUANTITY span of ../shared/eval/temporal/meantime_en.jsonl against
the claims we extract (money units -> MONEY, percent -> PERCENT, the rest -> QUANTITY). A prediction
matches a gold span of the same type when the two overlap (and, separately, when they are identical).
MEANTIME annotates only each document's first sentences, so predictions after the last annotated
offset are left out of precision.
MEANTIME's QUANTITY includes bare numbers without a unit ("15,000", "five"), which we do not claim:
its recall is shown for completeness, not as a target.
Speed: extract_claims over the text of ../shared/corpora/wh_briefings.jsonl.gz (sentences split simply).
"""

from __future__ import annotations

import argparse
import ast
import gzip
import json
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

from multipolar.claims.extract import extract_claims

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
MEANTIME = SHARED / "eval" / "temporal" / "meantime_en.jsonl"
BRIEFINGS = SHARED / "corpora" / "wh_briefings.jsonl.gz"
TYPES = ("MONEY", "PERCENT", "QUANTITY")


def gold_type(unit: str) -> str:
    if unit in {"percent", "pp"}:
        return "PERCENT"
    if unit in {"bpd", "tonnes", "m3", "people"}:
        return "QUANTITY"
    return "MONEY"


def _parse_list(value: object) -> list[dict]:
    return ast.literal_eval(value) if isinstance(value, str) else list(value or [])


def _date(raw: str | None) -> date | None:
    """MEANTIME's creation times come as YYYY-MM-DD or DD-MM-YYYY."""
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        day, month, year = raw.split("-")
        return date(int(year), int(month), int(day))


def bench_meantime() -> dict[str, dict[str, float]]:
    gold_n: Counter[str] = Counter()
    pred_n: Counter[str] = Counter()
    hit_gold: Counter[str] = Counter()
    hit_pred: Counter[str] = Counter()
    exact: Counter[str] = Counter()
    for line in MEANTIME.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = record["text"]
        dct = _date(record.get("dct"))
        gold = [
            (v["start"], v["end"], v["type"]) for v in _parse_list(record["values"]) if v["type"] in TYPES
        ]
        claims = extract_claims(doc_id=str(record["doc_id"]), text=text, sentences=None, published=dct)
        # MEANTIME annotates only the first sentences of each document: score predictions up to the
        # last annotated offset (of any TIMEX3 or numeric span), a conservative bound on that region
        annotated = max(
            (v["end"] for v in [*_parse_list(record["values"]), *_parse_list(record["timexes"])]), default=0
        )
        pred = [(c.start, c.end, gold_type(c.unit)) for c in claims if c.start < annotated]
        for start, end, kind in gold:
            gold_n[kind] += 1
            if any(k == kind and s < end and start < e for s, e, k in pred):
                hit_gold[kind] += 1
            if (start, end, kind) in pred:
                exact[kind] += 1
        for start, end, kind in pred:
            pred_n[kind] += 1
            if any(k == kind and s < end and start < e for s, e, k in gold):
                hit_pred[kind] += 1
    out = {}
    for kind in TYPES:
        out[kind] = {
            "gold": gold_n[kind],
            "predicted": pred_n[kind],
            "recall": hit_gold[kind] / gold_n[kind] if gold_n[kind] else 0.0,
            "precision": hit_pred[kind] / pred_n[kind] if pred_n[kind] else 0.0,
            "exact_recall": exact[kind] / gold_n[kind] if gold_n[kind] else 0.0,
        }
    return out


def bench_speed(limit: int | None) -> dict[str, float]:
    documents = []
    with gzip.open(BRIEFINGS, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            published = date.fromisoformat(record["date"]) if record.get("date") else None
            documents.append((record["id"], record.get("text") or "", published))
            if limit and len(documents) >= limit:
                break
    chars = sum(len(t) for _, t, _ in documents)
    began = time.perf_counter()
    n_claims = 0
    for doc_id, text, published in documents:
        n_claims += len(extract_claims(doc_id=doc_id, text=text, sentences=None, published=published))
    seconds = time.perf_counter() - began
    return {
        "documents": len(documents),
        "claims": n_claims,
        "seconds": seconds,
        "docs_per_s": len(documents) / seconds,
        "claims_per_s": n_claims / seconds,
        "mb_per_s": chars / seconds / 1e6,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=None, help="briefings to time (default: all)")
    args = parser.parse_args()
    for path in (MEANTIME, BRIEFINGS):
        if not path.exists():
            print(f"missing {path}: the benchmark reads ../shared (run it from a checkout beside shared/)")
            return 1
    print("MEANTIME numeric spans (overlap match; exact-span recall in the last column)")
    print(f"{'type':9} {'gold':>5} {'pred':>5} {'recall':>7} {'precision':>9} {'exact_R':>8}")
    for kind, m in bench_meantime().items():
        print(
            f"{kind:9} {m['gold']:>5} {m['predicted']:>5} {m['recall']:>7.3f} {m['precision']:>9.3f}"
            f" {m['exact_recall']:>8.3f}"
        )
    speed = bench_speed(args.docs)
    print(
        f"\nwh_briefings: {speed['documents']} documents, {speed['claims']} claims in {speed['seconds']:.1f} s"
        f" = {speed['claims_per_s']:.0f} claims/s, {speed['docs_per_s']:.0f} docs/s, {speed['mb_per_s']:.2f} MB/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
