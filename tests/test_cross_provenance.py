"""Cross-document rows carry the run that made them (store.provenance.stamp_cross_run): after a first
ingest every row names that run's cross-document pass; an incremental ingest stamps only what it touched."""

from __future__ import annotations

import json

from multipolar.analyse import analyse_store
from multipolar.pipeline import ingest
from multipolar.settings import Settings
from multipolar.store import Store
from multipolar.store.provenance import cross_runs

# our own sentences: two stories about invented talks, and a later one on another subject
FIRST = [
    ("a1", "2025-03-03", "Talks in Geneva", "The United States and Russia held talks in Geneva on Monday. "
     "Russia said the United States offered to ease sanctions. Trade between them fell by 12% to $3 billion."),
    ("a2", "2025-03-04", "Geneva talks go on", "Russia and the United States met again in Geneva on Tuesday. "
     "The United States said Russia agreed to exchange prisoners."),
]
LATER = [
    ("b1", "2025-06-10", "Beijing visit", "China hosted a delegation from Brazil in Beijing on Tuesday. "
     "Brazil signed a deal to sell soybeans to China worth $4 billion."),
]


def _ingest(store: Store, path, rows) -> None:  # noqa: ANN001
    path.write_text("".join(json.dumps({"id": i, "published": p, "title": t, "text": x}) + "\n" for i, p, t, x in rows))
    ingest(store, [str(path)], Settings())
    analyse_store(store, Settings())


def _last_cross_run(store: Store) -> int:
    return store.query("SELECT max(run_id) FROM stage_runs WHERE command = 'cross_document'")[1][0][0]


def test_cross_document_rows_carry_the_run_that_wrote_them(tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        _ingest(store, tmp_path / "first.jsonl", FIRST)
        first = _last_cross_run(store)
        docs = dict(store.query("SELECT input_id, doc_id FROM documents")[1])
        for what in ("near_duplicates", "spun", "stories"):
            assert set(cross_runs(store, what).values()) == {first}, what
        assert set(cross_runs(store, "story_rows").values()) == {first}
        grouped = dict(store.query("SELECT event_id, dedup_run FROM events WHERE canonical_id IS NOT NULL")[1])
        assert grouped and set(grouped.values()) == {first}
        groups = cross_runs(store, "claim_groups")
        assert groups and set(groups.values()) == {first}

        _ingest(store, tmp_path / "later.jsonl", LATER)
        later = _last_cross_run(store)
        assert later > first
        docs = dict(store.query("SELECT input_id, doc_id FROM documents")[1])
        for what in ("near_duplicates", "spun", "stories"):
            runs = cross_runs(store, what)
            assert runs[docs["b1"]] == later, what
            assert runs[docs["a1"]] == runs[docs["a2"]] == first, what  # untouched: still the first run's
        new_events = dict(store.query("SELECT event_id, dedup_run FROM events WHERE doc_id = ?", [docs["b1"]])[1])
        assert new_events and set(new_events.values()) == {later}
        assert set(cross_runs(store, "story_rows").values()) == {first, later}
