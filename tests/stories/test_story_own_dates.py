"""Story assignment in the store reads each document's own publication day only: a day inferred for an
undated document (from its story, its text or the ingest day) is not its own, and a stored story's
first and last dates (event dates, for a story of undated reports) are not publication days."""

from __future__ import annotations

from datetime import date

import numpy as np

from multipolar.analyse import assign_stories
from multipolar.settings import Settings
from multipolar.store import Store
from multipolar.store.stories import load_active_stories, story_rows

REPORT = "Rescue teams searched collapsed houses in Northern Sumatra after the magnitude 6.1 earthquake."


def _doc(store: Store, doc_id: str, *, published: date | None, published_from: str, story: str | None = None) -> None:
    store.con.execute(
        """INSERT INTO documents (doc_id, source_uri, raw, raw_format, ingested_at, text, is_english, processed_by,
                                  story_id, published, published_from, cleaned_by)
           VALUES (?, ?, ''::BLOB, 'test', TIMESTAMP '2025-04-01 10:00:00', ?, true, 'analyse.test', ?, ?, ?,
                   'clean.v1')""",
        [doc_id, f"/data/{doc_id}.txt", REPORT, story, published, published_from],
    )
    vector = np.zeros(384, dtype=np.float32)
    vector[0] = 1.0  # one shared stored embedding: no model is loaded
    store.con.execute("INSERT INTO story_vectors VALUES (?, ?)", [doc_id, vector.tolist()])


def _event(store: Store, doc_id: str, day: date) -> None:
    store.con.execute(
        """INSERT INTO events (event_id, doc_id, sentence, date, date_precision, source, source_actor, target,
                               target_actor, cameo, root, quad, goldstein, negated, modality, confidence, text)
           VALUES (?, ?, 0, ?, 'day', 'IDN', 'IDNGOV', NULL, NULL, '030', '03', 1, 1.0, false, 'asserted', 0.9,
                   'Rescue teams searched.')""",
        [f"e-{doc_id}", doc_id, day],
    )


def test_story_rows_leave_out_an_inferred_publication_day(tmp_path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        _doc(store, "own", published=date(2025, 3, 20), published_from="meta")
        for rule in ("story", "text_latest", "ingest"):
            _doc(store, rule, published=date(2025, 3, 21), published_from=rule)
        published = {row[0]: row[3] for row in story_rows(store.con, 3000)}
    assert published == {"own": date(2025, 3, 20), "story": None, "text_latest": None, "ingest": None}


def test_active_story_members_carry_only_their_own_publication_day(tmp_path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        _doc(store, "own", published=date(2025, 3, 20), published_from="url", story="s1")
        _doc(store, "inferred", published=date(2025, 3, 20), published_from="story", story="s1")
        store.con.execute("INSERT INTO stories (story_id, title, first_date, last_date, actors, n_documents, centroid) "
                          "VALUES ('s1', 't', DATE '2025-03-20', DATE '2025-03-20', '[]', 2, [0.0])")
        ((_, members),) = load_active_stories(store.con, None)
    assert {m.doc_id: m.published for m in members} == {"own": date(2025, 3, 20), "inferred": None}


def test_active_story_members_carry_the_actor_countries_a_new_document_is_read_with(tmp_path) -> None:
    """A stored story's lexical mean is rebuilt from the same tokens a new document gets, actor codes
    included (`story_rows`): without them a stored story looked less like its own next report."""
    with Store.open(tmp_path / "s.duckdb") as store:
        _doc(store, "own", published=date(2025, 3, 20), published_from="url", story="s1")
        for code in ("IDNGOV", "IDN", "AUSMIL"):
            store.con.execute("INSERT INTO mentions VALUES ('own', 0, 0, 4, 'name', ?, NULL)", [code])
        store.con.execute("INSERT INTO stories (story_id, title, first_date, last_date, actors, n_documents, centroid) "
                          "VALUES ('s1', 't', DATE '2025-03-20', DATE '2025-03-20', '[]', 1, [0.0])")
        ((_, (member,)),) = load_active_stories(store.con, None)
        (row,) = story_rows(store.con, 3000, unassigned_only=False)
    assert member.actors == tuple(sorted(row[5])) == ("AUS", "IDN")


def test_a_later_report_is_kept_apart_by_the_storys_own_publication_days(tmp_path) -> None:
    """A story of a report published on 10 March and an undated report whose events fall on 14 March
    (the day later inferred for it, `text_latest`). A report published on 19 March is nine days after
    the story's last publication day: beyond the (hard) window, in two batches as in one."""
    settings = Settings(story_window_days=7, story_window_margin=float("inf"))

    def first_two(store: Store) -> None:
        _doc(store, "dated", published=date(2025, 3, 10), published_from="meta")
        _doc(store, "undated", published=None, published_from="none")
        _event(store, "undated", date(2025, 3, 14))

    with Store.open(tmp_path / "two.duckdb") as store:
        first_two(store)
        assign_stories(store, settings)
        store.con.execute("UPDATE documents SET published = DATE '2025-03-14', published_from = 'text_latest' "
                          "WHERE doc_id = 'undated'")
        _doc(store, "later", published=date(2025, 3, 19), published_from="meta")
        assign_stories(store, settings)
        two = dict(store.con.execute("SELECT doc_id, story_id FROM documents").fetchall())
    with Store.open(tmp_path / "one.duckdb") as store:
        first_two(store)
        _doc(store, "later", published=date(2025, 3, 19), published_from="meta")
        assign_stories(store, settings)
        one = dict(store.con.execute("SELECT doc_id, story_id FROM documents").fetchall())
    assert one["dated"] == one["undated"] != one["later"]
    assert two["dated"] == two["undated"] != two["later"]


def test_a_soft_window_reaches_stored_stories_back_to_the_horizon(tmp_path) -> None:
    """With a soft window, a report published two months after a stored story's last day is compared with
    that story (loaded back to story_horizon_days), so two batches give what one gives."""
    settings = Settings(story_window_days=7, story_window_margin=0.05, story_horizon_days=365, story_max_span_days=0)
    with Store.open(tmp_path / "two.duckdb") as store:
        _doc(store, "dated", published=date(2025, 3, 10), published_from="meta")
        assign_stories(store, settings)
        _doc(store, "later", published=date(2025, 5, 19), published_from="meta")
        assign_stories(store, settings)
        two = dict(store.con.execute("SELECT doc_id, story_id FROM documents").fetchall())
    with Store.open(tmp_path / "one.duckdb") as store:
        _doc(store, "dated", published=date(2025, 3, 10), published_from="meta")
        _doc(store, "later", published=date(2025, 5, 19), published_from="meta")
        assign_stories(store, settings)
        one = dict(store.con.execute("SELECT doc_id, story_id FROM documents").fetchall())
    assert one["dated"] == one["later"]
    assert two["dated"] == two["later"]
