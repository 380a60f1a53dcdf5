"""The cross-document stages work incrementally (only what new rows touch) and give what recomputing them
over the whole store gives: near-duplicate links, event de-duplication groups and claim groups, after
ingests in several batches and after documents are re-analysed or removed."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

import pytest

from multipolar import analyse
from multipolar.claims.group import group_claims
from multipolar.clean.dedup import NearDuplicateIndex
from multipolar.events.dedup import deduplicate_events
from multipolar.pipeline import ingest
from multipolar.records import Analysis, Claim, Event
from multipolar.settings import Settings
from multipolar.store import Store
from multipolar.store import analysis as io
from multipolar.store.claims import read_claim_groups, write_claims
from multipolar.store.queries import remove_documents
from multipolar.store.stories import set_inferred_published

SETTINGS = Settings()
VOCABULARY = [f"w{i}" for i in range(400)]


# -- near duplicates -----------------------------------------------------------------------------
def _texts(rng: random.Random, n: int) -> list[tuple[str, str, str | None]]:
    """(id, text, published): originals, exact copies, rewrites (a paragraph cut or added) and copies
    published before their original, some on the same day, some undated."""
    out: list[tuple[str, str, str | None]] = []
    for i in range(n):
        day = None if rng.random() < 0.15 else (date(2025, 1, 1) + timedelta(days=rng.randrange(20))).isoformat()
        if out and rng.random() < 0.45:
            _, base, _ = rng.choice(out)
            words = base.split()
            kind = rng.random()
            if kind < 0.3:
                words = words[: int(len(words) * 0.8)]
            elif kind < 0.6:
                words = words + rng.choices(VOCABULARY, k=len(words) // 5)
            else:
                words = [w if rng.random() > 0.05 else rng.choice(VOCABULARY) for w in words]
            text = " ".join(words)
        else:
            text = " ".join(rng.choices(VOCABULARY, k=rng.randrange(40, 220)))
        out.append((f"d{i:03d}", text, day))
    return out


def _ingest_texts(store: Store, path, rows) -> None:  # noqa: ANN001
    path.write_text("".join(json.dumps({"id": i, "text": t, "published": p}) + "\n" for i, t, p in rows))
    ingest(store, [str(path)], SETTINGS)


def _pointers(store: Store) -> dict[str, str | None]:
    return {doc_id: dup for doc_id, dup in store.query(
        "SELECT coalesce(input_id, doc_id), (SELECT coalesce(o.input_id, o.doc_id) FROM documents o "
        "WHERE o.doc_id = d.near_duplicate_of) FROM documents d WHERE text IS NOT NULL")[1]}


def _full_index_pointers(store: Store) -> dict[str, str | None]:
    """What rebuilding the index from every stored text, in ingestion order, gives."""
    from multipolar.store.stories import texts_for_dedup

    index = NearDuplicateIndex(SETTINGS.near_duplicate_threshold, SETTINGS.near_duplicate_num_perm,
                               shingle_size=SETTINGS.near_duplicate_shingle,
                               containment=SETTINGS.near_duplicate_containment)
    found = {doc_id: index.add(doc_id, text, published) for doc_id, text, published in texts_for_dedup(store.con)}
    found.update(index.take_repointed())
    names = dict(store.query("SELECT doc_id, coalesce(input_id, doc_id) FROM documents")[1])
    return {names[d]: (names[o] if o else None) for d, o in found.items()}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_near_duplicates_added_in_batches_equal_a_rebuild_of_the_whole_index(tmp_path, seed):
    rng = random.Random(seed)
    rows = _texts(rng, 90)
    cuts = sorted(rng.sample(range(1, len(rows)), 3))
    with Store.open(tmp_path / "s.duckdb") as store:
        for k, (a, b) in enumerate(zip([0, *cuts], [*cuts, len(rows)], strict=True)):
            _ingest_texts(store, tmp_path / f"part{k}.jsonl", rows[a:b])
            analyse.mark_near_duplicates(store, SETTINGS)
            assert _pointers(store) == _full_index_pointers(store)
        linked = [d for d, o in _pointers(store).items() if o]
        assert len(linked) >= 10  # the corpus does exercise copies
        hashed = store.query("SELECT count(*) FROM near_dup_signatures")[1][0][0]
        assert hashed == len(rows)
        # an undated document given an inferred date, then a removed original: rebuilt as a whole
        undated = store.query("SELECT doc_id FROM documents WHERE published IS NULL ORDER BY doc_id LIMIT 1")[1][0][0]
        with store.transaction():
            set_inferred_published(store.con, {undated: (date(2025, 1, 2), "text_latest")})
        analyse.mark_near_duplicates(store, SETTINGS)
        assert _pointers(store) == _full_index_pointers(store)
        original = store.query("SELECT near_duplicate_of FROM documents WHERE near_duplicate_of IS NOT NULL "
                               "ORDER BY doc_id LIMIT 1")[1][0][0]
        remove_documents(store, [original])
        analyse.mark_near_duplicates(store, SETTINGS)
        assert _pointers(store) == _full_index_pointers(store)


def test_a_copy_published_before_its_original_takes_its_place_across_batches(tmp_path):
    text = " ".join(random.Random(7).choices(VOCABULARY, k=120))
    with Store.open(tmp_path / "s.duckdb") as store:
        _ingest_texts(store, tmp_path / "a.jsonl", [("late", text, "2025-02-10"), ("other", text + " w1 w2", "2025-02-12")])
        analyse.mark_near_duplicates(store, SETTINGS)
        assert _pointers(store) == {"late": None, "other": "late"}
        _ingest_texts(store, tmp_path / "b.jsonl", [("early", text, "2025-02-01")])
        analyse.mark_near_duplicates(store, SETTINGS)
        assert _pointers(store) == {"early": None, "late": "early", "other": "early"} == _full_index_pointers(store)


# -- event de-duplication -------------------------------------------------------------------------
def _event(rng: random.Random, doc_id: str, k: int) -> Event:
    precision = rng.choice(["day", "day", "doc", "month", "year", None, "doc_ingest"])
    day = date(2025, rng.choice([1, 2, 3]), rng.randrange(1, 29)) if precision else None
    source, target = rng.choice([("USA", "CHN"), ("CHN", "USA"), ("RUS", "UKR"), ("IND", None)])
    root = rng.choice(["04", "05"])
    return Event(
        event_id=f"{doc_id}-e{k}", doc_id=doc_id, sentence=k, date=day, date_precision=precision,
        source=source, source_actor=source, source_name=None, target=target, target_actor=target, target_name=None,
        cameo=root + "0", root=root, quad=1, goldstein=1.0, plover=None, plover_mode=None, negated=False,
        modality="asserted", confidence=1.0, trigger="met", text="", span=(0, 1),
        story_id=rng.choice([None, "s1", "s2"]),
    )


def _canonical(store: Store) -> dict[str, tuple]:
    return {row[0]: tuple(row[1:]) for row in store.query(
        "SELECT event_id, canonical_id, num_mentions, num_articles, num_sources, mentions FROM events")[1]}


def _full_dedup(store: Store) -> dict[str, tuple]:
    events, outlets, stories = io.events_for_dedup(store)
    out = {}
    for group in deduplicate_events(events, outlets=outlets, stories=stories):
        for event_id in group.event_ids:
            out[event_id] = (group.canonical_id, group.mentions, group.documents, group.sources,
                             group.mentions if event_id == group.canonical_id else 1)
    return out


@pytest.mark.parametrize("seed", [1, 2])
def test_event_dedup_in_batches_equals_deduplicating_every_event(tmp_path, seed):
    rng = random.Random(seed)
    docs = {f"doc{i:02d}": [_event(rng, f"doc{i:02d}", k) for k in range(rng.randrange(1, 8))] for i in range(40)}
    names = list(docs)
    with Store.open(tmp_path / "s.duckdb") as store:
        for start in range(0, len(names), 10):
            batch = [Analysis(d, (), (), tuple(docs[d]), ()) for d in names[start:start + 10]]
            io.save_analyses(store, batch, stage=analyse.STAGE)
            analyse.deduplicate_store_events(store, SETTINGS)
            assert _canonical(store) == _full_dedup(store)
        merged = [v for v in _canonical(store).values() if v[1] > 1]
        assert merged  # the events do merge across batches
        # a document re-analysed with fewer events, and one removed: their old groups are recomputed
        io.save_analyses(store, [Analysis("doc03", (), (), tuple(docs["doc03"][:1]), ())], stage=analyse.STAGE)
        remove_documents(store, ["doc07"])
        analyse.deduplicate_store_events(store, SETTINGS)
        assert _canonical(store) == _full_dedup(store)


# -- claim groups ---------------------------------------------------------------------------------
def _claim(rng: random.Random, doc_id: str, k: int) -> Claim:
    measure = rng.choice(["bilateral trade", "gdp growth", "aid package", "unspecified"])
    value = rng.choice([8e9, 8.1e9, 9.5e9, 3.0])
    return Claim(
        claim_id=f"{doc_id}-c{k}", doc_id=doc_id, sentence=k, start=k * 10, end=k * 10 + 5, text=str(value),
        value=value, unit="USD" if value > 10 else "percent", measure=measure,
        subject=tuple(sorted(rng.choice([("CHN", "KEN"), ("USA",), ()]))), period=rng.choice([None, "2024", "2025"]),
    )


def _groups(store: Store) -> set[tuple]:
    return {(g.group_id, g.status, g.reason, g.n_claims, g.n_documents, g.min_value, g.max_value, g.claim_ids)
            for g in read_claim_groups(store.con)}


def _full_groups(store: Store) -> set[tuple]:
    from multipolar.store.claims import read_all_claims

    groups = group_claims(read_all_claims(store.con), tolerance=SETTINGS.claim_tolerance)
    return {(g.group_id, g.status, g.reason, g.n_claims, g.n_documents, g.min_value, g.max_value, g.claim_ids)
            for g in groups}


@pytest.mark.parametrize("seed", [1, 2])
def test_claim_groups_in_batches_equal_grouping_every_claim(tmp_path, seed):
    rng = random.Random(seed)
    docs = {f"doc{i:02d}": [_claim(rng, f"doc{i:02d}", k) for k in range(rng.randrange(0, 4))] for i in range(40)}
    names = list(docs)
    with Store.open(tmp_path / "s.duckdb") as store:
        for start in range(0, len(names), 10):
            with store.transaction():
                write_claims(store.con, [c for d in names[start:start + 10] for c in docs[d]])
            analyse.regroup_claims(store, SETTINGS)
            assert _groups(store) == _full_groups(store)
        assert any(g[4] > 1 for g in _groups(store))  # groups span documents
        with store.transaction():  # a document re-analysed with fewer claims, another with none
            write_claims(store.con, docs["doc05"][:1], doc_ids=["doc05"])
            write_claims(store.con, [], doc_ids=["doc11"])
        analyse.regroup_claims(store, SETTINGS)
        assert _groups(store) == _full_groups(store)
