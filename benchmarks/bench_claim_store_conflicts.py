"""Claim conflicts in an analysed store: counts, and the precision of the flagged conflicts on hand labels.

    .venv/bin/python benchmarks/bench_claim_store_conflicts.py CORPUS DB [--list]

CORPUS names the label set (`demo`: `multipolar demo`; `wh_slice`: the first 120 of the 300 White House
briefings drawn by bench_claim_conflicts.py, written as JSON lines and run through `multipolar ingest`).
DB is the store that run left. The groups are read as stored, so the figures are those of the code
that analysed the store: run it once with the old code and once with the new for before and after.

A flagged conflict is a pair of claims from two documents in a `contradicted` group, for the same
stated period, whose figures disagree by more than the tolerance. Labels:
benchmarks/data/claim_store_conflict_labels.csv (corpus, claim_id a, claim_id b, 1 when the two
sources really give different values for the same quantity, 0 when they are different quantities);
ids only, no text.

Prints: claims, groups (all / with two or more documents), contradicted and different-period groups,
flagged pairs, labelled pairs found, precision = true / labelled. --list prints the flagged pairs with
their sentences, unlabelled first, for labelling.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from multipolar.api import Project
from multipolar.claims.group import agrees
from multipolar.store.claims import read_all_claims, read_claim_groups

LABELS = Path(__file__).resolve().parent / "data" / "claim_store_conflict_labels.csv"
TOLERANCE = 0.05


def read_labels() -> dict[tuple[str, str, str], int]:
    labels: dict[tuple[str, str, str], int] = {}
    if LABELS.exists():
        with LABELS.open(encoding="utf-8") as f:
            for corpus, a, b, verdict in csv.reader(f):
                labels[(corpus, a, b)] = int(verdict)
    return labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("db")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    with Project(args.db, read_only=True) as project:
        claims = read_all_claims(project.store.con)
        groups = read_claim_groups(project.store.con)
    by_id = {c.claim_id: c for c in claims}
    pairs = []
    for g in groups:
        if g.status != "contradicted":
            continue
        members = sorted((by_id[i] for i in g.claim_ids), key=lambda c: c.claim_id)
        for k, a in enumerate(members):
            for b in members[k + 1 :]:
                if a.doc_id != b.doc_id and a.period is not None and a.period == b.period \
                        and not agrees(a.value, b.value, TOLERANCE):
                    pairs.append((a, b))
    labels = read_labels()
    if args.list:
        for a, b in sorted(pairs, key=lambda p: (args.corpus, p[0].claim_id, p[1].claim_id) in labels):
            verdict = labels.get((args.corpus, a.claim_id, b.claim_id), "?")
            print(json.dumps({"corpus": args.corpus, "a": a.claim_id, "b": b.claim_id, "label": verdict}))
            for c in (a, b):
                extra = " | ".join(str(getattr(c, name, "")) for name in ("object", "kind", "scope"))
                print(f"   {c.measure} | {c.unit} | {c.subject} | {extra} | {c.period} | {c.text} :: "
                      f"{c.sentence_text[:400]}")
        return
    found = [labels[(args.corpus, a.claim_id, b.claim_id)] for a, b in pairs
             if (args.corpus, a.claim_id, b.claim_id) in labels]
    true = sum(found)
    multi = sum(1 for g in groups if g.n_documents >= 2)
    statuses = {s: sum(1 for g in groups if g.status == s) for s in ("contradicted", "different_periods")}
    in_contradicted = sum(g.n_claims for g in groups if g.status == "contradicted")
    precision = f"{true / len(found):.3f}" if found else "n/a"
    print(f"{args.corpus}: {len(claims)} claims, {len(groups)} groups ({multi} with 2+ documents), "
          f"{statuses['contradicted']} contradicted groups holding {in_contradicted} claims, "
          f"{statuses['different_periods']} different-period groups; {len(pairs)} flagged pairs, "
          f"{len(found)} labelled, precision {precision} ({true}/{len(found)})")


if __name__ == "__main__":
    main()
