"""Rule stories.bridge_merge: two stored stories merge when a new document brings them together (their
average-linkage similarity reaches the threshold once it joins one), and stay apart when it does not."""

from __future__ import annotations

from datetime import date

import numpy as np

from multipolar.analyse import assign_stories
from multipolar.settings import Settings
from multipolar.store import Store
from multipolar.store.browse import story_detail
from multipolar.store.queries import remove_documents
from multipolar.stories import StoryClusterer, StoryInput

_VECTOR = np.zeros(384, dtype=np.float32)
_VECTOR[0] = 1.0  # one shared embedding: the lexical half decides, and no model is loaded

TOWN = "Flood water rose in Brackenford on Tuesday and Mayor Ilse Varga told families near the harbour to leave."
RIVER = "The Tollan River burst its banks upstream, and engineer Osei Marl said the Kessing Dam was holding."
BRIDGE = ("Brackenford Mayor Ilse Varga said the flood came from the Tollan River, where engineer Osei Marl "
          "reported that the Kessing Dam was holding.")
WEAK = "Mayor Ilse Varga of Brackenford thanked the volunteers who filled sandbags along the Tollan."
CONCERT = "The Quenby Orchestra opened its autumn season at the Halvorsen Hall with a new symphony by Petra Lund."


def _item(doc_id: str, text: str, day: int) -> StoryInput:
    return StoryInput(doc_id, None, text, date(2025, 4, day), embedding=tuple(_VECTOR.tolist()))


def _three_polls(bridge: str) -> tuple[StoryClusterer, dict[str, str]]:
    clusterer = StoryClusterer(Settings(), None)
    first = clusterer.assign([_item("river", RIVER, 1), _item("concert", CONCERT, 1)])
    second = clusterer.assign([_item("town", TOWN, 2)])
    clusterer.assign([_item("bridge", bridge, 3)])
    opened = {a.doc_id: a.story_id for a in first + second}
    return clusterer, opened


def test_a_bridging_report_merges_two_stored_stories_into_the_older():
    clusterer, opened = _three_polls(BRIDGE)
    assert opened["river"] != opened["town"]  # the first two reports share no name: two stories
    story = {doc_id: clusterer.story_of(doc_id) for doc_id in ("river", "town", "bridge", "concert")}
    assert story["river"] == story["town"] == story["bridge"] == opened["river"]  # river's story is older
    assert story["concert"] != story["river"]
    (merge,) = clusterer.merges()
    assert (merge.merged_id, merge.into_id, merge.doc_ids) == (opened["town"], opened["river"], ("town",))
    assert merge.rule == "stories.bridge_merge" and merge.similarity >= Settings().story_threshold
    assert {s.story_id: s.n_documents for s in clusterer.stories()} == {opened["river"]: 3, opened["concert"]: 1}


def test_the_merge_gives_what_one_batch_gives():
    together = StoryClusterer(Settings(), None).assign(
        [_item("river", RIVER, 1), _item("concert", CONCERT, 1), _item("town", TOWN, 2), _item("bridge", BRIDGE, 3)])
    ids = {a.doc_id: a.story_id for a in together}
    assert ids["river"] == ids["town"] == ids["bridge"] != ids["concert"]


def test_a_weak_bridge_joins_one_story_and_merges_nothing():
    clusterer, opened = _three_polls(WEAK)
    assert clusterer.story_of("bridge") == opened["town"]  # it names the mayor and the town
    assert clusterer.story_of("river") == opened["river"] != opened["town"]
    assert clusterer.merges() == []


def test_a_merge_in_the_store_moves_documents_and_events_and_keeps_the_merged_id(tmp_path):
    def add(store: Store, doc_id: str, text: str, day: int) -> None:
        store.con.execute(
            """INSERT INTO documents (doc_id, source_uri, raw, raw_format, ingested_at, text, is_english,
                                      processed_by, published, published_from, cleaned_by)
               VALUES (?, ?, ''::BLOB, 'test', TIMESTAMP '2025-04-05 10:00:00', ?, true, 'analyse.test', ?,
                       'meta', 'clean.v1')""",
            [doc_id, f"/data/{doc_id}.txt", text, date(2025, 4, day)])
        store.con.execute("INSERT INTO story_vectors VALUES (?, ?)", [doc_id, _VECTOR.tolist()])
        store.con.execute(
            """INSERT INTO events (event_id, doc_id, sentence, date, date_precision, source, source_actor, target,
                                   target_actor, cameo, root, quad, goldstein, negated, modality, confidence, text)
               VALUES (?, ?, 0, ?, 'day', 'XXX', 'XXXGOV', NULL, NULL, '030', '03', 1, 1.0, false, 'asserted', 0.9,
                       'Officials spoke.')""",
            [f"e-{doc_id}", doc_id, date(2025, 4, day)])

    settings = Settings()
    with Store.open(tmp_path / "s.duckdb") as store:
        add(store, "river", RIVER, 1)
        assign_stories(store, settings)
        add(store, "town", TOWN, 2)
        assign_stories(store, settings)
        before = dict(store.con.execute("SELECT doc_id, story_id FROM documents").fetchall())
        add(store, "bridge", BRIDGE, 3)
        assign_stories(store, settings, run=7)
        after = dict(store.con.execute("SELECT doc_id, story_id FROM documents").fetchall())
        events = dict(store.con.execute("SELECT doc_id, story_id FROM events").fetchall())
        stories = dict(store.con.execute("SELECT story_id, n_documents FROM stories").fetchall())
        merges = store.con.execute("SELECT merged_id, into_id, rule, n_documents, run FROM story_merges").fetchall()
        detail = story_detail(store, before["town"])
        remove_documents(store, ["river", "town", "bridge"])  # the story goes, and the record of its merge
        left = store.con.execute("SELECT count(*) FROM story_merges").fetchone()[0]
    assert before["river"] != before["town"]
    assert after == events == {"river": before["river"], "town": before["river"], "bridge": before["river"]}
    assert stories == {before["river"]: 3}
    assert merges == [(before["town"], before["river"], "stories.bridge_merge", 1, 7)]
    assert detail is not None and detail.story["story_id"] == before["river"]  # the merged id leads on
    assert [m["merged_id"] for m in detail.merged] == [before["town"]]
    assert left == 0
