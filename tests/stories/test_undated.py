"""Undated documents: a publication date inferred from the story, the text or the ingest day."""

from __future__ import annotations

from datetime import date

from multipolar.analyse import date_undated_documents
from multipolar.store import Store
from multipolar.store.aggregates import EventFilter, triangle_documents
from multipolar.store.stories import relabel_inferred_event_dates
from multipolar.stories.undated import EVENT_PRECISION, infer_published, text_date

INGESTED = date(2026, 3, 1)


def test_infer_published_prefers_the_story_median() -> None:
    found = infer_published("On 3 May 2024 they met.", story_dates=[date(2025, 1, 22), date(2025, 1, 21),
                                                                      date(2025, 1, 26)],
                            reference=None, ingested=INGESTED)
    assert (found.published, found.published_from) == (date(2025, 1, 22), "story")


def test_infer_published_takes_the_latest_full_date_of_the_text() -> None:
    text = "The ministers met on 3 May 2024. A second round followed on 14 June 2024 in Geneva."
    found = infer_published(text, story_dates=[], reference=None, ingested=INGESTED)
    assert (found.published, found.published_from) == (date(2024, 6, 14), "text_latest")


def test_text_date_places_a_yearless_day_nearest_the_reference() -> None:
    assert text_date("The leaders spoke on February 24.", reference=date(2025, 1, 25),
                     latest_allowed=INGESTED) == date(2025, 2, 24)


def test_text_date_ignores_days_after_ingest() -> None:
    assert text_date("The summit is set for 1 March 2030.", reference=None, latest_allowed=INGESTED) is None


def test_infer_published_falls_back_to_the_ingest_day() -> None:
    found = infer_published("Officials met on Friday.", story_dates=[], reference=None, ingested=INGESTED)
    assert (found.published, found.published_from) == (INGESTED, "ingest")


def _doc(store: Store, doc_id: str, text: str, *, published: date | None, story: str) -> None:
    store.con.execute(
        """INSERT INTO documents (doc_id, source_uri, raw, raw_format, ingested_at, text, is_english, processed_by,
                                  story_id, published, published_from, cleaned_by)
           VALUES (?, ?, ''::BLOB, 'test', TIMESTAMP '2026-03-01 10:00:00', ?, true, 'analyse.test', ?, ?, ?,
                   'clean.v1')""",
        [doc_id, f"/data/{doc_id}.txt", text, story, published, "meta" if published else "none"],
    )


def test_date_undated_documents_records_where_each_date_came_from(tmp_path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        _doc(store, "dated", "Talks.", published=date(2025, 1, 21), story="s1")
        _doc(store, "same-story", "More talks.", published=None, story="s1")
        _doc(store, "named-day", "They met on 12 February 2025.", published=None, story="s2")
        _doc(store, "nothing", "They met again.", published=None, story="s3")
        assert date_undated_documents(store) == 3
        rows = dict((r[0], r[1:]) for r in store.con.execute(
            "SELECT doc_id, published, published_from, processed_by FROM documents").fetchall())
    assert rows["same-story"] == (date(2025, 1, 21), "story", None)
    assert rows["named-day"] == (date(2025, 2, 12), "text_latest", None)
    assert rows["nothing"] == (INGESTED, "ingest", None)
    assert rows["dated"] == (date(2025, 1, 21), "meta", "analyse.test")


def test_ingest_dated_events_say_so_and_stay_out_of_relations(tmp_path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        _doc(store, "nothing", "Russia and China met.", published=INGESTED, story="s3")
        store.con.execute("UPDATE documents SET published_from = 'ingest'")
        store.con.execute(
            """INSERT INTO events (event_id, doc_id, sentence, date, date_precision, source, source_actor, target,
                                   target_actor, cameo, root, quad, goldstein, negated, modality, confidence, text)
               VALUES ('e1', 'nothing', 0, ?, 'doc', 'RUS', 'RUSGOV', 'CHN', 'CHNGOV', '040', '04', 1, 1.0, false,
                       'asserted', 0.9, 'Russia and China met.')""", [INGESTED])
        relabel_inferred_event_dates(store.con, EVENT_PRECISION)
        precision = store.con.execute("SELECT date_precision FROM events").fetchall()[0][0]
        counted = triangle_documents(store.con, ("USA", "CHN", "RUS"), freq="month", flt=EventFilter())
        counted_on_request = triangle_documents(store.con, ("USA", "CHN", "RUS"), freq="month",
                                                flt=EventFilter(count_ingest_dated=True))
    assert precision == "doc_ingest"
    assert counted == [] and len(counted_on_request) == 1
