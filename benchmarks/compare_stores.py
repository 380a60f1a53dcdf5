"""Whether two stores hold the same derived rows: for a speed change that must not change outputs.

    python benchmarks/compare_stores.py BEFORE.duckdb AFTER.duckdb

Ingest the same input into two stores, one with each code (say the first 150 records of
../shared/corpora/wh_briefings.jsonl.gz, written to a file at run time, never stored here), then compare.
Each table's rows are read in full, sorted, without the columns that name a run or a time (`*run*`,
`at`, ingestion and analysis stamps) or hold the raw bytes; the script prints, per table, the row
counts and how many rows only one store has, and exits 1 when any table differs.
"""

from __future__ import annotations

import argparse
import sys

TABLES = ("documents", "sentences", "mentions", "events", "claims", "claim_groups", "stories", "story_vectors",
          "rejections")
SKIPPED = {"raw", "at", "ingested", "ingested_at", "analysed_at", "cleaned_at", "started", "ended"}


def rows(path: str, table: str) -> tuple[list[str], list[tuple]]:
    import duckdb

    con = duckdb.connect(path, read_only=True)
    try:
        columns = [r[0] for r in con.execute(f"describe {table}").fetchall()]
        kept = [c for c in columns if "run" not in c and c not in SKIPPED]
        names = ", ".join(f'"{c}"' for c in kept)
        return kept, [tuple(map(str, r)) for r in con.execute(f"select {names} from {table} order by all").fetchall()]
    finally:
        con.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("before")
    ap.add_argument("after")
    a = ap.parse_args()
    differ = False
    for table in TABLES:
        columns_a, a_rows = rows(a.before, table)
        columns_b, b_rows = rows(a.after, table)
        if columns_a != columns_b:
            print(f"{table}: columns differ: {columns_a} / {columns_b}")
            differ = True
            continue
        only_a = len(set(a_rows) - set(b_rows))
        only_b = len(set(b_rows) - set(a_rows))
        same = a_rows == b_rows
        differ |= not same
        print(f"{table}: {len(a_rows)} / {len(b_rows)} rows, {only_a} only before, {only_b} only after"
              f"{'' if same else '  DIFFERENT'}")
    print("different" if differ else "identical")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
