from multipolar.records import RawDocument
from multipolar.store.stories import set_near_duplicates, set_spun, texts_for_spun


def _add(store, text: str, uri: str) -> str:
    raw = RawDocument(source_uri=uri, raw=text.encode("utf-8"), raw_format="txt")
    store.add_raw([raw])
    store.con.execute("UPDATE documents SET text = ? WHERE doc_id = ?", [text, raw.doc_id])
    return raw.doc_id


def test_texts_for_spun_pairs_a_near_duplicate_with_its_original_text(store):
    original = _add(store, "The talks went well, officials said.", "mem://wire")
    copy = _add(store, "The discussions went nicely, authorities stated.", "mem://blog")
    set_near_duplicates(store.con, {copy: original})
    rows = {doc_id: (text, source) for doc_id, text, source in texts_for_spun(store.con)}
    assert rows[copy] == ("The discussions went nicely, authorities stated.", "The talks went well, officials said.")
    assert rows[original][1] is None


def test_texts_for_spun_leaves_out_scored_documents(store):
    scored = _add(store, "Already scored text.", "mem://a")
    _add(store, "Not yet scored text.", "mem://b")
    set_spun(store.con, {scored: (0.1, False, ())})
    assert [row[1] for row in texts_for_spun(store.con)] == ["Not yet scored text."]
