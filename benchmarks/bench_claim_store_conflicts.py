"""Claim conflicts in an analysed store: counts, and the precision of the flagged conflicts on hand labels.

    .venv/bin/python benchmarks/bench_claim_store_conflicts.py CORPUS DB [--list]
    .venv/bin/python benchmarks/bench_claim_store_conflicts.py CORPUS --write-input FILE.jsonl
    .venv/bin/python benchmarks/bench_claim_store_conflicts.py CORPUS --build   (ingest + analyse into a
        temporary store with the code on PYTHONPATH, then score it: a few minutes per corpus)
    .venv/bin/python benchmarks/bench_claim_store_conflicts.py CORPUS --build --keep DB   (the same, kept)
    .venv/bin/python benchmarks/bench_claim_store_conflicts.py CORPUS DB --reanalyse   (re-derive the
        claims of a copy of DB with the code on PYTHONPATH, then score the copy: before/after in seconds)

CORPUS names the label set: `demo` (`multipolar demo --db DB --force`), or a set of White House
briefings from ../shared/corpora/wh_briefings.jsonl.gz whose ids are in
benchmarks/data/claim_store_conflict_docs.json (ids only; --write-input writes their text as JSON lines
for `multipolar ingest FILE.jsonl --db DB`):
- `wh_slice`: the first 120 of the 300 briefings drawn by bench_claim_conflicts.py (seed 12);
- `wh_stats`: the 90 briefings whose claims fell in a `contradicted` group when the text-only
  extraction of the code before target/kind/scope (main at 62f743a) grouped the 458 briefings under
  15,000 characters that name unemployment, GDP, inflation, deficits, debt, exports or imports three
  times or more: chosen to hold conflicts, so precision can be measured (recall cannot be, here);
- `wh_flagged`: the 88 briefings of the whole corpus (those under 15,000 characters) that hold a
  flagged conflict pair when the text-only extraction of branch `claims` (periods.py, commit ae8aaff)
  groups them all: chosen to hold conflicts, so precision can be measured on text with them;
- `real`: the 60 real-news dev texts (../shared/eval/events/realnews_dev.jsonl, and the briefings
  named by realnews_dev_wh.jsonl, read from the corpus) with the `wh_stats` and `wh_flagged`
  briefings: measurement only (issue 12 names these texts for measuring claim conflicts; no rule is
  written from them);
- `rss`: every item of ../shared/corpora/rss_world_2026-01.jsonl.gz (6,396 news items of January
  2026, mostly a title and a lead): real news that no rule was written from, not selected for conflicts;
- `rss_early`, `rss_late`: the RSS items published 1-5 January 2026 (2,796) and 6-10 January (3,600):
  news of the same events from many outlets, where tolls are reported differently (rule `single_toll`);
  the flags of `rss_early` were labelled before the fixes of branch `claims2`, those of `rss_late`
  only after them (held out);
- `wh_wide_dev`, `wh_wide_holdout`: the 514 briefings under 15,000 characters, outside the sets above,
  that name trade, tariffs, deficits, exports, imports, troops, GDP, unemployment or inflation four
  times or more and hold a digit, shuffled (seed 12) and dealt in two halves of 257: a larger draw not
  chosen by any code's conflicts (issue 12, item 5);
- `wh_long_flagged`: the 22 briefings of 15,000 characters or more that hold a flagged pair when the
  text-only extraction of main (75c2d39) or of branch `conflicts` groups all 2,561 of them: chosen to
  hold conflicts, and held out - no rule of branch `conflicts` was written while looking at them;
- `seeds`: the five seed articles (../shared/seeds/*.txt) as files; the run also says whether their
  China-Russia trade figures ($220 billion and $245 billion) fall in one `contradicted` group for 2024.
DB is the store that run left. The groups are read as stored, so the figures are those of the code
that analysed the store: run it once with the old code and once with the new for before and after.

A flagged conflict is a pair of claims from two documents in a `contradicted` group, for the same
stated period, whose figures disagree by more than the tolerance. Labels:
benchmarks/data/claim_store_conflict_labels.csv (corpus, claim_id a, claim_id b, 1 when the two
sources really give different values for the same quantity, 0 when they are different quantities;
newer rows add the reason class of a 0 and the quantity key measure|unit|subject|target|kind|scope|period
that `--list` prints); ids only, no text.

Measured (branch `claims`, 2026-12-03; stores built by main at 42b643d, claims re-derived with
--reanalyse): flagged pairs, precision on hand labels, before -> after:
- real: 30, 0/30 -> 1, 0/1 (the one left: Puerto Rico's unemployment read as the USA's); every
  flagged pair, before and after, is between two briefings: the 60 real-news dev texts flag none;
- rss: 2, 0/2 -> 0, n/a (both were a base figure: "an increase from the previously ... $1 trillion";
  the base_figure extension was written after seeing them, so the rss "after" is not independent);
- seeds: 0 (the $220 billion had no period: different_periods) -> 2, 2/2, contradicted for 2024;
- demo: 0 -> 0.

Measured (branch `conflicts`, 2026-12-03, issue 12 item 5; "before" = stores built by main at 75c2d39,
"after" = the same stores with claims re-derived by this branch at 7b78567, --reanalyse):
flagged pairs, precision on hand labels, before -> after:
- real: 1, 0/1 -> 0, n/a;
- wh_wide_dev: 0 -> 0; wh_wide_holdout: 0 -> 0; rss: 0 -> 0 (no conflict flagged in 514 + 6,396
  documents, before or after: precision cannot be measured there);
- wh_long_flagged (held out: labelled only after the rules up to a2caef5 were written): 7, 0/7 ->
  2, 0/2 at a2caef5 (both a household's "hundreds of dollars a month" against an industry's $400
  million) -> 0 at 7b78567 (kinds `rate` and `vague` were written after labelling these, so this last
  figure is not independent);
- seeds: 2, 2/2 -> 2, 2/2, the $220 bn vs $245 bn China-Russia trade contradicted for 2024.
Not met: precision >= 0.90 on real text is not measurable - after the fixes no real text flags a
conflict; before them, 0 of 8 flagged pairs were true.

Measured (branch `claims2`, 2026-12-03, issue 12 item 5: tolls.py toll_as_of/single_toll/toll_incident,
bullet_items, initial_stop; `--build`, or `--reanalyse` of a store built by the branch):
- rss_early (built at 354f43c): 353 claims, 0 flagged pairs; rss_late (built at 325483c): 516 claims,
  0 flagged. Why none, where the text-only bench_claim_conflicts.py flags 5 and 3 same-day tolls:
  the store keeps an RSS item's title apart from its text (2,339 of the 2,796 rss_early items have a
  title not in the text), and the claims stage reads the text only - the tolls are in the titles;
- real: 0 flagged at 354f43c (build) and at 035e90b and 679a708 (--reanalyse) - still no conflict in the
  real-news dev texts or those briefings, so precision is not measurable there;
- seeds: 2, 2/2, the $220 bn vs $245 bn China-Russia trade contradicted for 2024 (main d5dfea7 and
  claims2 679a708, `seeds --build`).

Measured (branch `claims3`, 2026-12-03, issue 12 item 5: title_claims - a title is read for claims -,
spoken_figures, scaled_sum, restarted_figure, attributive_figure, name_not_measure, rate_reading; "before" =
`CORPUS --build --keep DB` with main at 3fcc31d, "after" = `CORPUS DB --reanalyse` of that store at 1e4b377):
- rss_early: 353 claims, 0 flagged -> 477 claims, 2 flagged, 2/2 (same-day tolls of the Iran protests,
  read from the titles; labelled after title_claims was written);
- rss_late: 516 claims, 0 flagged -> 672 claims, 2 flagged, 2/2 (same-day tolls of the landfill
  collapse, from the titles; labelled after the rules were written);
- seeds: 2, 2/2 -> 2, 2/2, the $220 bn vs $245 bn China-Russia trade contradicted for 2024 (also after
  merging main, `seeds --build`);
- demo (`demo --build`): 108 claims, 0 contradicted -> 120 claims (titles read), 0 contradicted; after
  merging main (whose demo corpus changed): 136 claims, 0 contradicted.

Measured (branch `claims` from main b1aacf3, 2026-12-04, issue 12 item 5: target_not_level, half_year,
fiscal_year, trade_partner, group_scope, measure_in_goods by "of", approximate_round; "before" =
`CORPUS --build` with main b1aacf3, "after" = `CORPUS --build` with this branch; claims, flagged pairs,
precision on hand labels):
- real: 2313 claims, 0 flagged -> 2313, 0 (the real-news dev texts and the wh_stats / wh_flagged
  briefings flag nothing, before or after: precision not measurable there);
- wh_wide_dev 0 -> 0, wh_wide_holdout 0 -> 0, wh_long_flagged 0 -> 0, demo (148 claims) 0 -> 0;
- rss_early: 2, 2/2 -> 2, 2/2; rss_late: 2, 2/2 -> 2, 2/2 (the same-day tolls, still found);
- seeds: 2, 2/2 -> 2, 2/2, the $220 bn vs $245 bn China-Russia trade contradicted for 2024.
No new flagged pair, so nothing new to label; the target (precision >= 0.90) holds where anything is
flagged (4/4 RSS, 2/2 seeds) and is not measurable on the briefings or the real-news dev texts.

Prints: claims, groups (all / with two or more documents), contradicted and different-period groups,
flagged pairs, labelled pairs found, precision = true / labelled. --list prints the flagged pairs with
their sentences, unlabelled first, for labelling.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from multipolar.api import Project
from multipolar.claims.group import figures_agree
from multipolar.store.claims import read_all_claims, read_claim_groups

HERE = Path(__file__).resolve().parent
LABELS = HERE / "data" / "claim_store_conflict_labels.csv"
DOC_IDS = HERE / "data" / "claim_store_conflict_docs.json"
SHARED = HERE.parent.parent / "shared"
BRIEFINGS = SHARED / "corpora" / "wh_briefings.jsonl.gz"
REALNEWS = [SHARED / "eval" / "events" / name for name in ("realnews_dev.jsonl", "realnews_dev_wh.jsonl")]
SEEDS = SHARED / "seeds"
RSS = SHARED / "corpora" / "rss_world_2026-01.jsonl.gz"
TOLERANCE = 0.05
RSS_SLICES = {"rss": ("", "9999"), "rss_early": ("2026-01-01", "2026-01-05"), "rss_late": ("2026-01-06", "2026-01-10")}


def read_labels() -> dict[tuple[str, str, str], int]:
    labels: dict[tuple[str, str, str], int] = {}
    if LABELS.exists():
        with LABELS.open(encoding="utf-8") as f:
            for row in csv.reader(f):
                corpus, a, b, verdict = row[:4]  # then, on newer rows: reason class, quantity key
                labels[(corpus, a, b)] = int(verdict)
    return labels


def _briefings(ids: set[str]) -> dict[str, dict]:
    rows = {}
    with gzip.open(BRIEFINGS, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in ids:
                rows[r["id"]] = {"id": r["id"], "text": r["text"], "published": r["date"]}
    return rows


def _realnews_rows() -> list[dict]:
    """The real-news dev texts; the briefings realnews_dev_wh.jsonl names take their text from the corpus."""
    records = [json.loads(line) for path in REALNEWS for line in path.open(encoding="utf-8") if line.strip()]
    briefings = _briefings({r["id"] for r in records if not r.get("text")})
    rows = []
    for r in records:
        text = r.get("text") or briefings.get(r["id"], {}).get("text")
        if text:
            rows.append({"id": r["id"], "text": text, "published": r.get("published")})
    return rows


def write_input(corpus: str, out: Path) -> int:
    """The corpus's documents as JSON lines (id, text, published) for `multipolar ingest`."""
    if corpus in RSS_SLICES:
        first, last = RSS_SLICES[corpus]
        with gzip.open(RSS, "rt", encoding="utf-8") as f, out.open("w", encoding="utf-8") as w:
            n = 0
            for line in f:
                r = json.loads(line)
                if not first <= (r.get("published") or "")[:10] <= last:
                    continue
                w.write(json.dumps({"id": r["id"], "text": r["text"], "published": r.get("published")}) + "\n")
                n += 1
        return n
    all_ids = json.loads(DOC_IDS.read_text(encoding="utf-8"))
    ids = list(dict.fromkeys(all_ids["wh_stats"] + all_ids["wh_flagged"])) if corpus == "real" else all_ids[corpus]
    rows = _briefings(set(ids))
    ordered = [rows[doc_id] for doc_id in ids]
    if corpus == "real":
        seen = {r["id"] for r in ordered}
        ordered = [r for r in _realnews_rows() if r["id"] not in seen] + ordered
    with out.open("w", encoding="utf-8") as f:
        for row in ordered:
            f.write(json.dumps(row) + "\n")
    return len(ordered)


def build(corpus: str, folder: Path) -> Path:
    """A fresh store of the corpus, ingested and analysed by the code on PYTHONPATH."""
    db = folder / "claims.duckdb"
    if corpus == "demo":
        inputs = [HERE.parent / "examples" / "demo"]
    elif corpus == "seeds":
        inputs = sorted(SEEDS.glob("*.txt"))
    else:
        inputs = [folder / f"{corpus}.jsonl"]
        write_input(corpus, inputs[0])
    with Project(db) as project:
        project.ingest(inputs)
        project.analyse()
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("db", nargs="?")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--write-input", type=Path, metavar="FILE")
    parser.add_argument("--build", action="store_true")
    parser.add_argument("--keep", type=Path, metavar="DB", help="with --build or --reanalyse: keep the store made there")
    parser.add_argument("--reanalyse", action="store_true", help="re-derive the claims of a copy of DB first")
    args = parser.parse_args()
    if args.write_input:
        print(f"{write_input(args.corpus, args.write_input)} documents written to {args.write_input}")
        return
    if args.build:
        with tempfile.TemporaryDirectory() as folder:
            db = build(args.corpus, Path(folder))
            if args.keep:
                shutil.copyfile(db, args.keep)
            args.db = str(db)
            score(args)
        return
    if args.reanalyse and args.db:
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "claims.duckdb"
            shutil.copyfile(args.db, copy)
            with Project(copy) as project:
                project.reanalyse(stage="claims")
            if args.keep:
                shutil.copyfile(copy, args.keep)
            args.db = str(copy)
            score(args)
        return
    if not args.db:
        parser.error("give the store (DB) to score, --build, or --write-input FILE")
    score(args)


def score(args: argparse.Namespace) -> None:
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
                        and not figures_agree(a, b, TOLERANCE):
                    pairs.append((a, b))
    labels = read_labels()
    if args.list:
        for a, b in sorted(pairs, key=lambda p: (args.corpus, p[0].claim_id, p[1].claim_id) in labels):
            verdict = labels.get((args.corpus, a.claim_id, b.claim_id), "?")
            print(json.dumps({"corpus": args.corpus, "a": a.claim_id, "b": b.claim_id, "label": verdict,
                              "key": claim_key(a)}))
            for c in (a, b):
                extra = " | ".join(str(getattr(c, name, "")) for name in ("target", "kind", "scope"))
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
    if args.corpus == "seeds":
        print(seed_trade_verdict(claims, groups))


def claim_key(claim: Any) -> str:
    """The quantity a flagged pair is about, for the label file: measure|unit|subject|target|kind|scope|period."""
    return "|".join([claim.measure, claim.unit, "+".join(claim.subject), "+".join(claim.target), claim.kind,
                     claim.scope or "", claim.period or ""])


def seed_trade_verdict(claims: list, groups: list) -> str:
    """Whether the seeds' China-Russia trade figures ($220 and $245 billion) are one `contradicted` group for 2024."""
    wanted = [c for c in claims if c.unit == "USD" and tuple(sorted(c.subject)) == ("CHN", "RUS")
              and "trade" in c.measure and round(c.value / 1e9) in {220, 245}]
    found = [f"{c.value / 1e9:g}bn {c.period or 'no period'} ({c.measure}, {c.kind})" for c in wanted]
    ids = {c.claim_id for c in wanted}
    hits = [g for g in groups if g.status == "contradicted" and ids & set(g.claim_ids)]
    by_id = {c.claim_id: c for c in wanted}
    ok = any({round(by_id[i].value / 1e9) for i in set(g.claim_ids) & ids if by_id[i].period == "2024"} == {220, 245}
             for g in hits)
    return (f"seeds China-Russia trade: claims {found}; contradicted for 2024: {'yes' if ok else 'NO'}"
            f" ({', '.join(g.status for g in groups if ids & set(g.claim_ids)) or 'no group'})")


if __name__ == "__main__":
    main()
