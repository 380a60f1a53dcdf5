"""Synthetic event data for benchmarks, tests and the report's smoke runs: invented, seeded, realistic.

`synthetic_events(n, ...)` returns column arrays for the store's `events` and `documents` tables (the
caller inserts them; this module does no I/O). The mix follows what event data look like: verbal
cooperation dominates (root 04 CONSULT is the largest root), a handful of powers take most events,
and each ordered pair has its own affinity, with built-in regime changes so shift detection has
something to find: USA–RUS and USA–CHN turn hostile and CHN–RUS warmer from the middle of the span.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

ACTORS = (
    "USA", "CHN", "RUS", "GBR", "FRA", "DEU", "JPN", "IND", "BRA", "ZAF", "TUR", "IRN", "ISR", "SAU", "UKR",
    "POL", "KOR", "PRK", "PAK", "IDN", "AUS", "CAN", "MEX", "EGY", "NGA", "ITA", "ESP", "VNM", "PHL", "IGO",
)
_POPULARITY = np.array([30, 22, 20, 8, 7, 7, 6, 6, 4, 3, 5, 6, 6, 4, 9, 3, 4, 3, 3, 2, 3, 3, 2, 3, 2, 3, 2, 2, 2, 6],
                       dtype=float)
# (cameo, quad, GDELT Goldstein, relative frequency)
_COOP = (
    ("010", 1, 0.0, 18), ("020", 1, 3.0, 4), ("036", 1, 4.0, 6), ("040", 1, 1.0, 14), ("042", 1, 1.9, 12),
    ("043", 1, 2.8, 8), ("046", 1, 7.0, 5), ("051", 1, 3.4, 5), ("057", 1, 8.0, 2), ("061", 2, 6.4, 3),
    ("071", 2, 7.4, 1.5), ("081", 2, 5.0, 0.5),
)
_CONF = (
    ("090", 3, -2.0, 1), ("112", 3, -2.0, 8), ("111", 3, -2.0, 4), ("120", 3, -4.0, 2), ("130", 3, -4.4, 2),
    ("138", 3, -7.0, 1), ("141", 4, -6.5, 1), ("150", 4, -7.2, 1), ("163", 4, -8.0, 1.5), ("172", 4, -5.0, 1.5),
    ("173", 4, -5.0, 0.5), ("190", 4, -10.0, 1), ("195", 4, -10.0, 0.3),
)
OUTLETS = ("reuters.com", "apnews.com", "tass.com", "xinhuanet.com", "bbc.co.uk", "aljazeera.com", "dw.com",
           "scmp.com", "rt.com", "nytimes.com", "theguardian.com", "lemonde.fr")


@dataclass(frozen=True)
class SyntheticStore:
    """Column arrays: `events` for the events table, `documents` for the documents table."""

    events: dict[str, np.ndarray]
    documents: dict[str, np.ndarray]


def _codes(table: tuple[tuple[str, int, float, float], ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    cameo = np.array([c[0] for c in table])
    quad = np.array([c[1] for c in table], dtype=np.int32)
    gold = np.array([c[2] for c in table])
    p = np.array([c[3] for c in table], dtype=float)
    return cameo, quad, gold, p / p.sum()


def synthetic_events(
    n: int,
    *,
    first: date = date(2015, 1, 1),
    years: int = 10,
    seed: int = 7,
    events_per_document: int = 5,
) -> SyntheticStore:
    rng = np.random.default_rng(seed)
    k = len(ACTORS)
    days = years * 365
    day = np.sort(rng.integers(0, days, n))
    pop = _POPULARITY[:k] / _POPULARITY[:k].sum()
    src = rng.choice(k, n, p=pop)
    tgt = rng.choice(k, n, p=pop)
    same = src == tgt
    while same.any():
        tgt[same] = rng.choice(k, int(same.sum()), p=pop)
        same = src == tgt
    affinity = rng.normal(1.2, 0.8, (k, k))
    affinity = (affinity + affinity.T) / 2
    idx = {c: i for i, c in enumerate(ACTORS)}
    u, c, r = idx["USA"], idx["CHN"], idx["RUS"]
    affinity[u, c] = affinity[c, u] = 1.2
    affinity[c, r] = affinity[r, c] = 1.6
    affinity[u, r] = affinity[r, u] = 1.0
    late = day >= days // 2
    a = affinity[src, tgt].copy()
    pair_ur = ((src == u) & (tgt == r)) | ((src == r) & (tgt == u))
    pair_cr = ((src == c) & (tgt == r)) | ((src == r) & (tgt == c))
    a[pair_ur & late] -= 2.2
    a[pair_cr & late] += 1.0
    pair_uc = ((src == u) & (tgt == c)) | ((src == c) & (tgt == u))
    a[pair_uc & late] -= 2.0
    p_coop = 1.0 / (1.0 + np.exp(-a))
    coop = rng.random(n) < p_coop
    cc, cq, cg, cp = _codes(_COOP)
    kc, kq, kg, kp = _codes(_CONF)
    ci = rng.choice(len(cc), n, p=cp)
    ki = rng.choice(len(kc), n, p=kp)
    cameo = np.where(coop, cc[ci], kc[ki])
    quad = np.where(coop, cq[ci], kq[ki]).astype(np.int32)
    gold = np.where(coop, cg[ci], kg[ki])
    dates = np.array([first + timedelta(days=int(x)) for x in range(days)], dtype="datetime64[D]")[day]
    n_docs = max(1, n // events_per_document)
    doc_index = np.minimum(np.arange(n) // events_per_document, n_docs - 1)
    doc_ids = np.char.add("doc", np.arange(n_docs).astype(str))
    roles = np.array(["GOV", "MIL", "", "GOV", "BUS"])
    s_codes = np.array(ACTORS)[src]
    t_codes = np.array(ACTORS)[tgt]
    event_ids = np.char.add("ev", np.arange(n).astype(str))
    events = {
        "event_id": event_ids,
        "doc_id": doc_ids[doc_index],
        "sentence": (np.arange(n) % events_per_document).astype(np.int32),
        "date": dates,
        "date_precision": np.full(n, "day"),
        "source": s_codes,
        "source_actor": np.char.add(s_codes, roles[rng.integers(0, len(roles), n)]),
        "target": t_codes,
        "target_actor": np.char.add(t_codes, roles[rng.integers(0, len(roles), n)]),
        "cameo": cameo,
        "root": cameo.astype("U2"),
        "quad": quad,
        "goldstein": gold,
        "negated": rng.random(n) < 0.01,
        "modality": np.full(n, "asserted"),
        "confidence": np.round(rng.uniform(0.5, 1.0, n), 3),
        "text": np.char.add(np.char.add(np.char.add(s_codes, " acted toward "), t_codes), " (synthetic sentence)."),
        "mentions": rng.integers(1, 6, n).astype(np.int32),
        "origin": np.full(n, "multipolar"),
    }
    doc_day = day[np.minimum(np.arange(n_docs) * events_per_document, n - 1)]
    outlets = np.array(OUTLETS)[rng.integers(0, len(OUTLETS), n_docs)]
    near = np.full(n_docs, None, dtype=object)
    dup = rng.random(n_docs) < 0.02
    near[dup] = doc_ids[np.maximum(np.arange(n_docs)[dup] - 1, 0)]
    documents = {
        "doc_id": doc_ids,
        "outlet": outlets,
        "url": np.char.add(np.char.add(np.char.add("https://", outlets), "/news/"), doc_ids),
        "title": np.char.add("Synthetic report ", np.arange(n_docs).astype(str)),
        "published": np.array([first + timedelta(days=int(x)) for x in range(days)], dtype="datetime64[D]")[doc_day],
        "near_duplicate_of": near,
        "spun": rng.random(n_docs) < 0.03,
    }
    return SyntheticStore(events=events, documents=documents)
