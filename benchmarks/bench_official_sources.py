"""What `event_official_sources` adds and removes on White House briefings that no gold set or held-out label uses.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_official_sources.py [--docs 100] [--seed 1203] [--out FILE]

Draws `--docs` briefings at random from ../shared/corpora/wh_briefings.jsonl.gz (those with a foreign-policy
keyword, up to 30,000 characters), leaving out the White House real-news dev set, the held-aside documents of
benchmarks/data/realtext_holdout.jsonl and the documents of held-out act labels; parses each once and codes it
with the setting off and on. Prints counts of the acts between two states that relations would count
(asserted or intended, not negated, probability >= event_min_probability) that the setting adds or removes,
by date precision and by the named rules that fired; `--out` keeps every added or removed event (its
sentence, date, rules) as JSON lines for reading. No gold is read: the reading is by hand.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "wh_briefings.jsonl.gz"
LEFT_OUT = [SHARED / "eval" / "events" / "realnews_dev_wh.jsonl", ROOT / "benchmarks" / "data" / "realtext_holdout.jsonl"]


def left_out() -> set[str]:
    """Ids of documents a gold set or a held-out label uses (ids only are read)."""
    sys.path.insert(0, str(ROOT / "training"))
    from train_act_model import is_heldout, load_labels

    ids = {json.loads(line)["id"] for path in LEFT_OUT for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    return ids | {u["doc_id"] for u in load_labels() if is_heldout(u["doc_id"])}


def sample(n: int, seed: int) -> list[dict]:
    skip = left_out()
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        recs = [r for r in map(json.loads, f)
                if r["id"] not in skip and r.get("foreign_policy_kw") and len(r.get("text") or "") <= 30000]
    random.Random(seed).shuffle(recs)
    return recs[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1203)
    parser.add_argument("--out", type=Path, help="keep every added or removed event here (JSON lines)")
    args = parser.parse_args()
    from multipolar.actors.issuer import issuer_of
    from multipolar.events.coder import EventCoder
    from multipolar.events.model import applies
    from multipolar.settings import load_settings

    settings = {flag: load_settings({"event_official_sources": str(flag).lower()}) for flag in (False, True)}
    floor = settings[True].event_min_probability
    coder = EventCoder(settings[False])
    recs = sample(args.docs, args.seed)
    counts: Counter[tuple[str, str]] = Counter()
    rules: Counter[tuple[str, str]] = Counter()
    out = open(args.out, "w", encoding="utf-8") if args.out else None
    for rec, doc in zip(recs, coder.pipeline.parse(r["text"] for r in recs), strict=True):
        coded = {}
        for flag, s in settings.items():
            coder.settings = s  # the setting is read per document: one parse serves both codings
            events = coder.code_doc(doc, doc_id=rec["id"], published=date.fromisoformat(rec["date"][:10]),
                                    issuer=issuer_of(url=rec.get("url"), text=rec["text"]))
            coded[flag] = {(e.sentence, e.span, e.cameo, e.source_actor, e.target_actor): (e, coder.trace.fired.get(e.event_id, []))
                           for e in events if applies(e) and not e.negated and e.modality != "hypothetical"
                           and e.confidence >= floor}
        for side, a, b in (("added", True, False), ("removed", False, True)):
            for key in coded[a].keys() - coded[b].keys():
                event, fired = coded[a][key]
                counts[(side, event.date_precision or "none")] += 1
                rules.update((side, name) for name in set(fired) if not name.startswith(("lexicon:", "speech:")))
                if out:
                    out.write(json.dumps({"doc": rec["id"], "category": rec.get("category"), "published": rec["date"],
                                          "diff": side, "event": event.to_json(), "rules": fired}) + "\n")
    if out:
        out.close()
    print(f"{len(recs)} briefings (seed {args.seed}); counted acts the setting adds or removes, by date precision:")
    for (side, precision), n in sorted(counts.items()):
        print(f"  {side:8s} {precision:6s} {n:4d}")
    print("named rules on them:")
    for (side, name), n in sorted(rules.items(), key=lambda x: (x[0][0], -x[1])):
        print(f"  {side:8s} {name:32s} {n:4d}")


if __name__ == "__main__":
    main()
