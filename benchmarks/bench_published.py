"""Publication days: the order of the date sources chosen by cross-validation over sites.

    .venv/bin/python benchmarks/bench_published.py [--folds 5] [--repeats 3] [--sources FILE.pkl]

Every page of htmldate's evaluation set (dev half) is read once by every source of
`multipolar.clean.published` (URL, dateline, declared markup dates, htmldate, ...). The pages are
split into folds by site (the registrable host: www. dropped, a web.archive.org copy counted as the
archived site), so no site is both chosen on and scored. For each fold, the order of the sources
that gets the most exact days on the other folds is chosen (ties go to the earlier order in
`SOURCES`' permutation order) and scored on the fold; the pooled share of exact days over all held-out
folds is the cross-validated figure. Printed with it: the figure of the order chosen on all pages
(the fitted one, which is the shipped `PUBLISHED_ORDER`), the gap between the two, the figure of
the shipped order, and the misses of the shipped order by kind.

--sources caches the sources' days (htmldate's searches take minutes) in a pickle file.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import pickle
import re
from collections import Counter
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from multipolar.clean.evaluate import read_jsonl
from multipolar.clean.html import page_date_sources
from multipolar.clean.published import PUBLISHED_ORDER, SOURCES

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PAGES = SHARED / "eval" / "extraction" / "htmldate_dev.jsonl.gz"


def site(url: str | None) -> str:
    """The site a page belongs to: its host without www., the archived host for web.archive.org."""
    url = url or ""
    archived = re.search(r"web\.archive\.org/web/[^/]+/(https?://.+)", url)
    if archived:
        url = archived.group(1)
    host = (urlparse(url).hostname or "").lower()
    return host.removeprefix("www.")


def fold_of(key: str, folds: int, salt: int) -> int:
    return int(hashlib.sha1(f"{salt}:{key}".encode()).hexdigest(), 16) % folds


def decide(days: dict[str, date | None], order: tuple[str, ...]) -> date | None:
    for name in order:
        if days.get(name) is not None:
            return days[name]
    return None


class Pages:
    """Pages grouped by what their sources give: (non-null sources, right sources, gold is null)."""

    def __init__(self, rows: list[tuple[dict[str, date | None], str | None]]) -> None:
        self.signatures: Counter[tuple[frozenset[str], frozenset[str], bool]] = Counter()
        for days, gold in rows:
            found = frozenset(n for n in SOURCES if days.get(n) is not None)
            right = frozenset(n for n in found if days[n].isoformat() == gold)  # type: ignore[union-attr]
            self.signatures[(found, right, gold is None)] += 1
        self.n = len(rows)

    def hits(self, order: tuple[str, ...]) -> int:
        total = 0
        for (found, right, gold_none), count in self.signatures.items():
            first = next((name for name in order if name in found), None)
            total += count * ((first in right) if first is not None else gold_none)
        return total


def best_order(pages: Pages, orders: list[tuple[str, ...]]) -> tuple[tuple[str, ...], int]:
    best, best_hits = orders[0], -1
    for order in orders:
        hits = pages.hits(order)
        if hits > best_hits:
            best, best_hits = order, hits
    return best, best_hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=PAGES)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3, help="fold assignments (salts) averaged")
    parser.add_argument("--sources", type=Path, help="pickle file caching every source's day per page")
    args = parser.parse_args()
    records = list(read_jsonl(args.pages))
    if args.sources and args.sources.is_file():
        days = pickle.loads(args.sources.read_bytes())
    else:
        days = [page_date_sources(r["html"], url=r.get("url")) for r in records]
        if args.sources:
            args.sources.write_bytes(pickle.dumps(days))
    golds = [r["gold_date"] for r in records]
    sites = [site(r.get("url")) for r in records]
    orders = list(itertools.permutations(SOURCES))
    everything = Pages(list(zip(days, golds, strict=True)))
    fitted, fitted_hits = best_order(everything, orders)
    shipped = everything.hits(PUBLISHED_ORDER)
    print(f"htmldate dev: {len(records)} pages, {len(set(sites))} sites; {len(orders)} orders of {len(SOURCES)} sources")
    cv_scores = []
    for salt in range(args.repeats):
        hits = 0
        chosen = Counter()
        for k in range(args.folds):
            train = [(d, g) for d, g, s in zip(days, golds, sites, strict=True) if fold_of(s, args.folds, salt) != k]
            test = [(d, g) for d, g, s in zip(days, golds, sites, strict=True) if fold_of(s, args.folds, salt) == k]
            order, _ = best_order(Pages(train), orders)
            chosen[order] += 1
            hits += Pages(test).hits(order)
        cv_scores.append(hits / len(records))
        print(f"  folds by site (salt {salt}): CV exact day={hits / len(records):.4f}; "
              f"{len(chosen)} distinct orders chosen, the commonest {chosen.most_common(1)[0][1]}/{args.folds} times")
    cv = sum(cv_scores) / len(cv_scores)
    print(f"cross-validated exact day {cv:.4f} (mean of {args.repeats} fold assignments, {args.folds} folds by site)")
    print(f"fitted (order chosen on all pages) {fitted_hits / len(records):.4f}: {' > '.join(fitted)}; "
          f"gap fitted - CV {fitted_hits / len(records) - cv:+.4f}")
    print(f"shipped PUBLISHED_ORDER {shipped / len(records):.4f}: {' > '.join(PUBLISHED_ORDER)}")
    misses = Counter()
    for d, g in zip(days, golds, strict=True):
        got = decide(d, PUBLISHED_ORDER)
        if (got.isoformat() if got else None) == g:
            continue
        if g is None:
            misses["a day found where the page has none"] += 1
        elif got is None:
            misses["no day found"] += 1
        elif any(v is not None and v.isoformat() == g for v in d.values()):
            misses["another source had the day"] += 1
        elif abs((got - date.fromisoformat(g)).days) == 1:
            misses["one day off (time zone)"] += 1
        else:
            misses["no source had the day"] += 1
    print("misses of the shipped order: " + ", ".join(f"{kind} {n}" for kind, n in misses.most_common()))


if __name__ == "__main__":
    main()
