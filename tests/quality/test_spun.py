"""Spun scores: the five seeds (read from ../shared/seeds at run time), invented texts, the data files."""

from pathlib import Path

import numpy as np
import pytest

from multipolar.clean.collocations import (
    N_FEATURES,
    RATE_NAMES,
    SLOT_GAPS,
    CollocationTable,
    commonest_neighbours,
    load_table,
    pair_stats,
    slot_gaps,
)
from multipolar.clean.quality import (
    boilerplate_share,
    compare_with_original,
    language_residue,
    load_model,
    spun_score,
)
from multipolar.errors import DataFileError
from multipolar.settings import Settings

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def seed_text(prefix: str) -> str:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    assert matches, f"seed {prefix} not found in {SEEDS}: the test needs ../shared/seeds"
    return matches[0].read_text(encoding="utf-8")


@pytest.mark.shared
def test_spun_score_flags_seed_003_with_phrases_from_its_text():
    text = seed_text("003")
    result = spun_score(text, threshold=Settings().spun_threshold)
    assert result.spun
    assert 0.0 <= result.score <= 1.0
    assert len(result.evidence) >= 5
    flat = " ".join(text.split())
    assert all(phrase in flat for phrase in result.evidence)


@pytest.mark.shared
@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
def test_spun_score_leaves_ordinary_seeds_unflagged(prefix):
    assert not spun_score(seed_text(prefix), threshold=Settings().spun_threshold).spun


def test_spun_score_short_plain_text_is_not_flagged():
    text = "The Chinese president met his Russian counterpart in Moscow on Tuesday, officials said."
    assert not spun_score(text).spun


def test_pair_stats_names_swapped_words_with_their_neighbours():
    plain = pair_stats("The president will travel to the region next week.")
    swapped = pair_stats("The president will journey to the area subsequent week.")  # three sense-blind swaps
    assert plain.unseen == 0 and plain.phrases == ()
    assert swapped.sandwiched >= 1
    assert any("subsequent" in phrase for phrase in swapped.phrases)


def test_pair_stats_skips_capitalised_words_outside_the_table():
    assert pair_stats("Xylophone Quagmire met Zorblat Vexley.").pairs == 0


def test_pair_stats_pairs_capitalised_words_of_a_prose_line():
    # "the Minister said": the title is judged like any word, so a swap into it shows
    table = _slot_table()
    assert pair_stats("then the Minister said so", table).pairs == 2
    assert pair_stats("then the Priest said so", table).phrases == ("Priest said",)  # an unseen pair


def test_pair_stats_skips_capitalised_words_of_a_headline_or_menu_line():
    # most of the line's words are capitalised: they are capitalised for the line's sake, not as names
    table = _slot_table()
    assert pair_stats("The Priest Said", table).pairs == 0
    assert pair_stats("The Priest Said\nthe minister said", table).pairs == 2


def test_pair_stats_does_not_pair_across_punctuation():
    assert pair_stats("the, president").pairs == 0
    assert pair_stats("the president").pairs == 1


def test_compare_with_original_flags_word_swaps_with_evidence():
    original = ("The foreign minister said on Monday that the talks would continue next week, and that both "
                "sides wanted a deal before the summer. Officials from the two countries met in the capital.")
    spun = ("The overseas minister stated on Monday that the talks would proceed next week, and that both "
            "sides wanted a settlement before the summer. Authorities from the two nations met in the capital.")
    result = compare_with_original(spun, original)
    assert result.spun
    assert "foreign → overseas" in result.evidence


def test_compare_with_original_leaves_an_honest_repost_unflagged():
    original = ("The foreign minister said on Monday that the talks would continue next week.\n\n"
                "Both sides wanted a deal before the summer. Officials met in the capital.")
    repost = original.replace("\n\nBoth sides", "\n\nA new paragraph added by the blog says little. Both sides")
    assert not compare_with_original(repost, original).spun


def test_compare_with_original_ignores_spelling_fixes_and_moved_days():
    original = ("The defense minister said on Monday that the labor talks would continue in the center of the "
                "capital next week, and that both sides wanted a deal before the summer.")
    updated = ("The defence minister said on Tuesday that the labour talks would continue in the centre of the "
               "capital next week, and that both sides wanted a deal before the summer.")
    result = compare_with_original(updated, original)
    assert not result.spun and result.score == 0.0


def test_compare_with_original_flags_a_light_spin_of_a_long_text():
    sentence = "Officials from the two countries met in the capital on Monday to discuss trade and security. "
    original = sentence * 12  # 192 words
    spun = original.replace("discuss trade", "debate commerce", 4)  # 8 words swapped: about 4 %
    result = compare_with_original(spun, original)
    assert result.spun
    assert "discuss trade → debate commerce" in result.evidence
    # two swaps are an editor's fix, not a spinner's
    assert not compare_with_original(original.replace("discuss trade", "debate commerce", 1), original).spun


def test_compare_with_original_does_not_count_a_line_added_at_either_end():
    body = "Officials from the two countries met in the capital on Monday to discuss trade and security. " * 3
    original = "Ministers spoke. " + body + "More soon."
    reposted = "Reposted here. " + body + "Via partners."  # two words for two at each end
    assert compare_with_original(reposted, original).score == 0.0


def test_spun_score_with_original_uses_the_comparison():
    original = "Officials from the two countries met in the capital to discuss trade and security on Monday."
    spun = "Authorities from the two nations met in the capital to debate commerce and safety on Monday."
    assert any("→" in e for e in spun_score(spun, original=original).evidence)


def test_load_model_rejects_a_file_with_the_wrong_number_of_weights(tmp_path):
    path = tmp_path / "model.json"
    path.write_text('{"clean_rates": [0.1, 0.1, 0.1, 0.1], "weights": [1.0], "intercept": 0}', encoding="utf-8")
    with pytest.raises(DataFileError, match="fit_spun.py"):
        load_model(path)


def test_load_table_names_a_missing_file(tmp_path):
    with pytest.raises(DataFileError, match="does not exist"):
        load_table(tmp_path / "missing.npz")


def test_shipped_table_and_model_load():
    table = load_table()
    assert len(table.ids) > 10_000 and len(table.pairs) > 100_000
    assert np.all(np.diff(table.pairs.astype(np.int64)) > 0)
    assert len(load_model().weights) == N_FEATURES
    assert table.pair_counts is not None and len(table.pair_counts) == len(table.pairs)
    assert int(table.pair_counts.min()) >= 2


def test_pair_seen_on_an_empty_table():
    table = CollocationTable({"a": 1}, np.array([0, 5]), np.array([], dtype=np.uint32), 5)
    assert not table.pair_seen(np.array([65537], dtype=np.uint32)).any()


def _small_table() -> CollocationTable:
    # words: the 1, president 2, said 3, stated 4; pairs: "the president" 40 times, "president said" 30,
    # "president stated" 2
    ids = {"the": 1, "president": 2, "said": 3, "stated": 4}
    counts = np.array([0, 1000, 100, 100, 100])
    pairs = np.array([(1 << 16) | 2, (2 << 16) | 3, (2 << 16) | 4], dtype=np.uint32)
    return CollocationTable(ids, counts, pairs, 10_000, np.array([40, 30, 2]))


def test_pair_count_reads_the_counts_and_zero_for_unseen():
    keys = np.array([(1 << 16) | 2, (2 << 16) | 4, (3 << 16) | 1], dtype=np.uint32)
    assert _small_table().pair_count(keys).tolist() == [40, 2, 0]


def test_pair_stats_counts_a_weak_collocation_that_is_seen():
    # "president stated" is seen, but only twice where chance alone gives it once (100 * 100 / 10,000);
    # "president said" is met 30 times as often as chance, "the president" 4 times
    table = _small_table()
    plain, swapped = pair_stats("the president said", table), pair_stats("the president stated", table)
    assert plain.unseen == swapped.unseen == 0
    weak = RATE_NAMES.index("pairs met under 4 times as often as expected")
    assert plain.counts[weak] == (0, 2) and swapped.counts[weak] == (1, 2)


def test_language_residue_counts_non_latin_letters():
    assert language_residue("Hello world") == 0.0
    assert language_residue("abcd نظر") == pytest.approx(3 / 7)


def test_boilerplate_share_counts_chrome_lines():
    assert boilerplate_share("A real paragraph of news text.\nPrevious Post\nNext Post\n1,234 views") == 0.75


def _slot_table() -> CollocationTable:
    # words: the 1, minister 2, priest 3, said 4; "the minister" 50 times, "minister said" 40, "the priest" 3,
    # "priest said" never (below twice): between "the" and "said", "minister" fits and "priest" does not
    ids = {"the": 1, "minister": 2, "priest": 3, "said": 4}
    counts = np.array([0, 5000, 300, 200, 900])
    pairs = np.array([(1 << 16) | 2, (1 << 16) | 3, (2 << 16) | 4], dtype=np.uint32)
    return CollocationTable(ids, counts, pairs, 50_000, np.array([50, 3, 40]))


def test_commonest_neighbours_lists_the_most_frequent_first_and_pads_with_zero():
    table = _slot_table()
    successors, predecessors = commonest_neighbours(table.pairs, table.pair_counts, len(table.counts), k=3)
    assert successors[1].tolist() == [2, 3, 0]  # after "the": minister (50), then priest (3)
    assert predecessors[4].tolist() == [2, 0, 0]  # before "said": minister only
    assert successors[4].tolist() == [0, 0, 0]


def test_slot_gaps_is_large_for_a_word_its_neighbours_do_not_take():
    table = _slot_table()
    gaps = slot_gaps(table, np.array([1, 1]), np.array([3, 2]), np.array([4, 4]))
    assert gaps[0] > 5  # "the priest said": "minister" fits far better
    assert gaps[1] < 0  # "the minister said": the written word fits best


def test_pair_stats_counts_slots_another_word_fits_better():
    table = _slot_table()
    slots = [RATE_NAMES.index(f"slots preferring another word e^{g:g} times") for g in SLOT_GAPS]
    plain, swapped = pair_stats("the minister said", table), pair_stats("the priest said", table)
    assert [plain.counts[j] for j in slots] == [(0, 1)] * len(SLOT_GAPS)
    assert swapped.counts[slots[0]] == (1, 1)


def test_pair_stats_shows_a_slot_another_word_fills_far_better_as_evidence():
    # both pairs of "the priest said" are seen (twice each), but "minister" is met there thousands of times
    ids = {"the": 1, "minister": 2, "priest": 3, "said": 4}
    counts = np.array([0, 90_000, 20_000, 5_000, 30_000])
    pairs = np.array([(1 << 16) | 2, (1 << 16) | 3, (2 << 16) | 4, (3 << 16) | 4], dtype=np.uint32)
    table = CollocationTable(ids, counts, pairs, 1_000_000, np.array([5000, 2, 4000, 2]))
    swapped = pair_stats("Then the priest said so.", table)
    assert swapped.unseen == 0
    assert swapped.phrases == ("the priest said",)
    assert pair_stats("Then the minister said so.", table).phrases == ()
