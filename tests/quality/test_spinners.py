"""The synthetic spinners used to fit and measure the spun detector (invented text only)."""

import gzip
import json

from multipolar.clean.spinners import SPLITS, Spinner, list_spinner, rss_digests, split_of

WORDS = {"talks": ["discussions"], "said": ["stated"], "week": ["seven days"]}


def test_spin_is_reproducible_with_a_seed():
    spinner = Spinner("t", "list", 0.5, WORDS)
    text = "Officials said the talks went well. They said more talks follow next week."
    assert spinner.spin(text, 7) == spinner.spin(text, 7)


def test_spin_at_rate_zero_changes_nothing():
    text = "Officials said the talks went well."
    assert Spinner("t", "list", 0.0, WORDS).spin(text, 1) == (text, [])


def test_spin_keeps_the_case_of_the_word_it_replaces():
    spun, swaps = Spinner("t", "list", 1.0, WORDS).spin("Talks ended. TALKS resumed.", 1)
    assert spun == "Discussions ended. DISCUSSIONS resumed."
    assert swaps == [("Talks", "Discussions"), ("TALKS", "DISCUSSIONS")]


def test_phrase_swaps_are_not_swapped_again_word_by_word():
    spinner = Spinner("t", "list", 1.0, {"change": ["alter"]}, {"climate change": ["weather change"]})
    spun, _ = spinner.spin("Climate change was discussed; change is hard.", 3)
    assert spun == "Weather change was discussed; alter is hard."


def test_list_spinner_with_phrases_swaps_a_common_phrase():
    spun, swaps = list_spinner("p", 1.0, phrases=True).spin("Leaders met at the White House.", 2)
    assert ("White House", spun.split("the ", 1)[1].rstrip(".")) in swaps


def test_split_of_is_stable_and_covers_every_split():
    assert split_of("doc-1") == split_of("doc-1")
    assert {split_of(f"doc-{i}") for i in range(200)} == set(SPLITS)


def _feed(tmp_path, items):
    corpora = tmp_path / "corpora"
    corpora.mkdir()
    with gzip.open(corpora / "rss_world_2026-01.jsonl.gz", "wt", encoding="utf-8") as handle:
        for n, text in enumerate(items):
            handle.write(json.dumps({"id": f"i{n}", "outlet": "Daily Example", "published": "2026-01-05", "text": text}) + "\n")
    return tmp_path


def test_rss_digests_joins_a_day_of_one_outlet_or_cuts_it_into_documents_of_n_items(tmp_path):
    shared = _feed(tmp_path, ["Rain fell in the hills.", "A bridge reopened.", "Schools closed early.", "Markets rose."])
    assert [text.count("\n\n") for _, text in rss_digests(shared)] == [3]
    chunks = list(rss_digests(shared, items_per_document=3))
    assert [text for _, text in chunks] == ["Rain fell in the hills.\n\nA bridge reopened.\n\nSchools closed early.",
                                           "Markets rose."]
    assert {split_of(key.rsplit("|", 1)[0]) for key, _ in chunks} == {split_of("Daily Example|2026-01-05")}
