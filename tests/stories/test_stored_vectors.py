"""Story embeddings made by the per-document stage: stored once per document, read by story clustering,
and the stories are those clustering gets when it embeds every document itself (stores analysed before
the vectors were stored, documents whose vector was cleared)."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from multipolar import analyse
from multipolar.embeddings import Embedder
from multipolar.pipeline import ingest
from multipolar.settings import Settings
from multipolar.store import Store
from multipolar.store import provenance as prov
from multipolar.stories.cluster import story_lead

pytestmark = pytest.mark.model

ARTICLES = [
    ("2025-03-03", "Ruto meets Xi in Beijing",
     "Kenyan President William Ruto met Chinese President Xi Jinping in Beijing on Monday. "
     "Trade between the two countries reached $8 billion last year, officials said."),
    ("2025-03-03", "Kenya and China leaders talk trade",
     "Ruto and Xi held talks in Beijing on Monday, and bilateral trade stood at $8 billion, "
     "according to Kenyan officials."),
    ("2025-03-04", "Moscow accuses Washington over Georgia",
     "Russia accused the United States of interfering in Georgia on Tuesday."),
    ("2025-03-04", None,
     "Russian officials said on Tuesday that the United States was interfering in Georgian politics."),
    ("2025-03-05", "India, Brazil sign defence pact",
     "India and Brazil signed a defence agreement in New Delhi on Wednesday."),
    ("2025-03-05", "Brazil and India agree on defence",
     "Brazil and India signed a defence cooperation agreement in New Delhi on Wednesday, officials said."),
    ("2025-03-20", "Ruto meets Xi in Beijing",
     "France and Germany agreed on Thursday to raise their contributions to the European space programme."),
    ("2025-03-21", None, "   "
     "Japan protested to China on Friday over ships near disputed islands in the East China Sea."),
]


def _corpus(tmp_path):
    path = tmp_path / "c.jsonl"
    rows = [{"id": str(i), "published": d, "text": t, **({"title": title} if title else {})}
            for i, (d, title, t) in enumerate(ARTICLES)]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def _stories(store):
    """Each document's story, and each story's size, title and centroid."""
    members = dict(store.con.execute("SELECT doc_id, story_id FROM documents WHERE is_english").fetchall())
    stories = {sid: (n, title, np.asarray(c, dtype=np.float32)) for sid, n, title, c in
               store.con.execute("SELECT story_id, n_documents, title, centroid FROM stories").fetchall()}
    return members, stories


def _recluster(path, keep_vectors_of=()):
    """Stories made again from scratch, with the stored vectors of only `keep_vectors_of`."""
    with Store.open(path) as store:
        store.con.execute("DELETE FROM story_vectors WHERE doc_id NOT IN (SELECT unnest(?::VARCHAR[]))",
                          [list(keep_vectors_of)])
        store.con.execute("UPDATE documents SET story_id = NULL")
        store.con.execute("UPDATE events SET story_id = NULL")
        store.con.execute("DELETE FROM stories")
        analyse.assign_stories(store, Settings())
        return _stories(store)


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("vectors")
    with Store.open(tmp / "s.duckdb") as store:
        ingest(store, [str(_corpus(tmp))], Settings())
        analyse.analyse_store(store, Settings())
    return tmp / "s.duckdb"


def test_each_analysed_document_stores_the_embedding_clustering_would_compute(analysed):
    settings = Settings()
    with Store.open(analysed) as store:
        rows = store.con.execute(
            "SELECT d.doc_id, d.title, d.text, v.vector FROM documents d LEFT JOIN story_vectors v USING (doc_id) "
            "WHERE d.is_english ORDER BY d.doc_id").fetchall()
    assert len(rows) == len(ARTICLES)
    assert all(vector is not None for *_, vector in rows)
    leads = [story_lead(title, text, settings.story_lead_chars) for _, title, text, _ in rows]
    assert any(lead.startswith("Ruto meets Xi in Beijing.\n") for lead in leads)  # the title is part of it
    expected = Embedder().embed(leads, max_tokens=settings.story_max_tokens)
    stored = np.asarray([vector for *_, vector in rows], dtype=np.float32)
    np.testing.assert_allclose(stored, expected, atol=1e-5)


def test_stories_from_stored_vectors_equal_those_from_embedding_in_clustering(analysed, tmp_path):
    with Store.open(analysed) as store:
        members, stories = _stories(store)
        doc_ids = sorted(members)
    assert len(stories) < len(members)  # some documents share a story: the comparison means something
    for keep in ((), doc_ids[::2], doc_ids):  # none stored (an older store), some (documents cleared), all
        copy = tmp_path / f"s{len(keep)}.duckdb"
        shutil.copy(analysed, copy)
        again_members, again = _recluster(copy, keep)
        assert again_members == members
        assert again.keys() == stories.keys()
        for story_id, (n, title, centroid) in stories.items():
            assert again[story_id][:2] == (n, title)
            np.testing.assert_allclose(again[story_id][2], centroid, atol=1e-5)


def test_clearing_a_documents_analysis_drops_its_vector_and_reanalysis_stores_it_again(analysed, tmp_path):
    copy = tmp_path / "s.duckdb"
    shutil.copy(analysed, copy)
    with Store.open(copy) as store:
        before = dict(store.con.execute("SELECT doc_id, vector FROM story_vectors").fetchall())
        doc_id = sorted(before)[1]
        prov.clear_analysis(store, [doc_id])
        assert store.con.execute("SELECT count(*) FROM story_vectors WHERE doc_id = ?", [doc_id]).fetchone()[0] == 0
        analyse.analyse_store(store, Settings())
        after = dict(store.con.execute("SELECT doc_id, vector FROM story_vectors").fetchall())
    assert after.keys() == before.keys()
    np.testing.assert_allclose(after[doc_id], before[doc_id], atol=1e-6)


def test_removing_a_document_removes_its_vector(analysed, tmp_path):
    from multipolar.store.queries import remove_documents

    copy = tmp_path / "s.duckdb"
    shutil.copy(analysed, copy)
    with Store.open(copy) as store:
        doc_ids = sorted(r[0] for r in store.con.execute("SELECT doc_id FROM story_vectors").fetchall())
        remove_documents(store, doc_ids[:2])
        left = sorted(r[0] for r in store.con.execute("SELECT doc_id FROM story_vectors").fetchall())
    assert left == doc_ids[2:]


def test_an_analysis_that_leaves_the_vectors_to_the_stories_stage_makes_the_same_stories(analysed, tmp_path):
    with Store.open(analysed) as store:
        members, stories = _stories(store)
    with Store.open(tmp_path / "late.duckdb") as store:
        ingest(store, [str(_corpus(tmp_path))], Settings())
        analyse.analyse_store(store, Settings(story_vectors_in_analysis=False))  # as a watcher analyses
        late_members, late = _stories(store)
        stored_vectors = store.con.execute("SELECT count(*) FROM story_vectors").fetchone()[0]
    assert stored_vectors == 0  # the analysis embedded nothing: the stories stage did
    assert late_members == members
    assert late.keys() == stories.keys()
    for story_id, (n, title, centroid) in stories.items():
        assert late[story_id][:2] == (n, title)
        np.testing.assert_allclose(late[story_id][2], centroid, atol=1e-5)
