"""Stage versions and settings hashes (provenance.py), the migration that adds the stamps, and the CLI's
`status` and `reanalyse` on a store whose documents need no model."""

from __future__ import annotations

import dataclasses
import json

import duckdb
import pytest

from cli_run import run
from multipolar.provenance import (
    CROSS_STAGES,
    DOCUMENT_STAGES,
    NOT_STORED,
    STAGE_SETTINGS,
    STAGE_VERSIONS,
    fingerprint,
    written_stages,
)
from multipolar.settings import Settings


def test_every_setting_is_placed_once_either_in_a_stage_or_as_not_stored():
    names = {f.name for f in dataclasses.fields(Settings)}
    in_stages = [name for stage in STAGE_SETTINGS.values() for name in stage]
    assert set(in_stages) | NOT_STORED == names
    assert not set(in_stages) & NOT_STORED


def test_every_stage_has_a_version_and_its_settings():
    assert set(STAGE_VERSIONS) == set(STAGE_SETTINGS) == {*DOCUMENT_STAGES, *CROSS_STAGES}


@pytest.mark.parametrize(("change", "moved"), [
    ({"goldstein_variant": "icews"}, {"events"}),
    ({"min_text_chars": 10}, {"clean"}),
    ({"claim_tolerance": 0.1}, {"claim_groups"}),
    ({"workers": 4, "batch_size": 3, "event_min_probability": 0.9}, set()),
])
def test_settings_hash_moves_only_for_the_stages_the_setting_shapes(change, moved):
    base, changed = Settings(), dataclasses.replace(Settings(), **change)
    assert fingerprint(base, "events") == fingerprint(Settings(), "events")  # stable
    assert {s for s in STAGE_VERSIONS if fingerprint(base, s).settings_hash != fingerprint(changed, s).settings_hash} == moved


def test_settings_hash_counts_the_contents_of_a_named_file(tmp_path):
    lexicon = tmp_path / "lexicon.jsonl"
    lexicon.write_text('{"a": 1}\n')
    settings = dataclasses.replace(Settings(), event_lexicon=str(lexicon))
    first = fingerprint(settings, "events").settings_hash
    lexicon.write_text('{"a": 2}\n')
    assert fingerprint(settings, "events").settings_hash != first


def test_recoding_events_writes_claims_too():
    assert written_stages("events") == ("events", "claims")
    assert written_stages("all") == DOCUMENT_STAGES
    assert written_stages("claims") == ("claims",)


def test_a_store_from_before_provenance_is_migrated_and_its_documents_count_as_stale(tmp_path):
    from multipolar.reanalyse import stage_states
    from multipolar.store import Store
    from multipolar.store.schema import MIGRATIONS

    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    for sql in MIGRATIONS[0]:
        con.execute(sql)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO documents (doc_id, source_uri, raw, raw_format, ingested_at, cleaned_by, is_english, "
                "text, processed_by) VALUES ('d1', 'mem://d1', 'raw \\x00 bytes'::BLOB, 'txt', now(), 'clean.v1', "
                "true, 'Some text.', 'analyse.v1')")
    con.close()
    with Store.open(db) as store:
        states = {s.stage: s for s in stage_states(store, Settings())}
        raw = store.query("SELECT raw FROM documents")[1][0][0]
    assert bytes(raw) == b"raw \x00 bytes"
    assert {s: (states[s].documents, states[s].stale, states[s].stored) for s in DOCUMENT_STAGES} == {
        s: (1, 1, ((None, None, 1),)) for s in DOCUMENT_STAGES
    }
    assert not any(states[s].current for s in CROSS_STAGES)  # no cross-document run recorded yet


FRENCH = [  # our own sentences: stored and cleaned, never analysed (not English), so no model is loaded
    "Le ministre a présenté hier un nouveau plan pour les écoles de la région.",
    "La ville a ouvert une bibliothèque au centre, près de la gare et du marché.",
]


def _status(db, capsys, *extra):
    code, out, err = run(["status", "--db", str(db), "--format", "jsonl", *extra], capsys)
    assert code == 0, err
    return {row["stage"]: row for row in map(json.loads, out.splitlines())}


def test_cli_status_and_reanalyse_clean_only_stale(tmp_path, capsys):
    corpus = tmp_path / "fr.jsonl"
    corpus.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(FRENCH)))
    db = tmp_path / "s.duckdb"
    code, _, err = run(["ingest", str(corpus), "--db", str(db), "--quiet", "--clean-only"], capsys)
    assert code == 0, err
    assert _status(db, capsys)["clean"]["stale"] == 0
    assert _status(db, capsys, "--set", "min_text_chars=500")["clean"]["stale"] == len(FRENCH)
    code, out, err = run(["reanalyse", "--db", str(db), "--stage", "clean", "--only-stale",
                          "--set", "min_text_chars=500"], capsys)
    assert code == 0, err
    assert f"re-derived {len(FRENCH)} clean, 0 events, 0 claims" in out
    assert _status(db, capsys, "--set", "min_text_chars=500")["clean"]["stale"] == 0
    code, out, _ = run(["status", "--db", str(db), "--history", "--format", "jsonl"], capsys)
    runs = [json.loads(line) for line in out.splitlines()]
    assert {(r["command"], r["stage"], r["status"]) for r in runs} >= {
        ("ingest", "clean", "done"), ("reanalyse", "clean", "done")}


def test_cli_reanalyse_unknown_stage_is_one_line(tmp_path, capsys):
    code, _, err = run(["reanalyse", "--db", str(tmp_path / "s.duckdb"), "--stage", "bogus"], capsys)
    assert code != 0 and len(err.strip().splitlines()) == 1 and "--stage 'bogus'" in err
