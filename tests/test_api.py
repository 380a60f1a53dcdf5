"""The Python API: a Project over one store, listings as frames, the events query, removal."""

from __future__ import annotations

import json
from datetime import date

import pytest

from multipolar import Project
from multipolar.errors import StoreError, UsageError


def _corpus(tmp_path, n=3):
    path = tmp_path / "in.jsonl"
    with path.open("w") as handle:
        for i in range(n):
            handle.write(json.dumps({"id": f"r{i}", "title": f"Note {i}", "published": f"2025-01-0{i + 1}",
                                     "text": f"Item {i}: ministers met on Monday to talk about trade."}) + "\n")
    return path


def _event(event_id, doc_id, source, target, cameo, day):
    return {"event_id": event_id, "doc_id": doc_id, "date": day, "source": source[:3], "source_actor": source,
            "target": target[:3], "target_actor": target, "cameo": cameo, "root": cameo[:2], "quad": 1,
            "goldstein": 1.0, "negated": False, "modality": "asserted", "confidence": 0.9,
            "text": f"{source} and {target}.", "origin": "multipolar"}


@pytest.fixture
def project(tmp_path):
    with Project(tmp_path / "p.duckdb", {"batch_size": 2}) as opened:
        opened.ingest([_corpus(tmp_path)])
        doc_ids = opened.documents().column("doc_id")
        from multipolar.store.analysis import add_external_events

        add_external_events(opened.store, [
            _event("e1", doc_ids[0], "RUSGOV", "CHNGOV", "042", date(2025, 1, 1)),
            _event("e2", doc_ids[1], "USAGOV", "CHNGOV", "036", date(2025, 1, 2)),
            _event("e3", doc_ids[2], "RUSGOV", "USAGOV", "043", date(2025, 1, 3)),
        ])
        yield opened


def test_api_documents_frame_has_one_row_per_clean_document(project):
    frame = project.documents()
    assert len(frame) == 3
    assert frame.column("id") == ["r0", "r1", "r2"]
    assert frame.to_arrow().num_rows == 3


def test_api_documents_filter_by_publication_day(project):
    assert project.documents(since="2025-01-02").column("id") == ["r1", "r2"]


def test_api_events_query_filters_like_the_cli(project):
    assert project.events(actor="RUS").frame().column("event_id") == ["e1", "e3"]
    assert project.events(actor=["RUS", "USA"]).frame().column("event_id") == ["e3"]
    assert project.events(root="03").frame().column("event_id") == ["e2"]
    assert project.events().where(since="2025-01-02").limit(1).frame().column("event_id") == ["e2"]


def test_api_events_records_are_event_objects(project):
    records = project.events(code="042").records()
    assert [(e.source_actor, e.cameo, e.target_actor) for e in records] == [("RUSGOV", "042", "CHNGOV")]


def test_api_frame_records_are_dicts_by_column(project):
    record = project.events(code="036").frame().records()[0]
    assert (record["source_actor"], record["target_actor"]) == ("USAGOV", "CHNGOV")


def test_api_unknown_actor_is_a_usage_error_with_suggestions(project):
    with pytest.raises(UsageError, match="'RUZ' is unknown.*did you mean .*RUS"):
        project.events(actor="RUZ")


def test_api_remove_takes_the_documents_derived_rows(project):
    doc_id = project.events(code="042").frame().column("doc_id")[0]
    removal = project.remove([doc_id])
    assert removal.doc_ids == (doc_id,)
    assert (removal.rows["documents"], removal.rows["events"]) == (1, 1)
    assert project.events().frame().column("event_id") == ["e2", "e3"]
    assert doc_id not in project.documents().column("doc_id")


def test_api_rejections_frame_lists_a_bad_input(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    with Project(tmp_path / "r.duckdb") as project:
        summary = project.ingest([tmp_path / "empty.txt"])
        assert (summary.ingested, summary.rejected) == (0, 1)
        assert project.rejections().column("code") == ["empty"]


def test_api_read_only_project_refuses_to_ingest(tmp_path):
    with Project(tmp_path / "ro.duckdb") as project:
        project.documents()  # creates the store
    with Project(tmp_path / "ro.duckdb", read_only=True) as project, pytest.raises(StoreError, match="read-only"):
        project.ingest([_corpus(tmp_path)])
