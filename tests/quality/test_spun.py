"""Spun scores on the five seed articles (read from ../shared/seeds at run time; fail when absent)."""

from pathlib import Path

import pytest

from multipolar.clean.quality import boilerplate_share, language_residue, load_patterns, spun_score
from multipolar.settings import Settings

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def seed_text(prefix: str) -> str:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    assert matches, f"seed {prefix} not found in {SEEDS}: the test needs ../shared/seeds"
    return matches[0].read_text(encoding="utf-8")


@pytest.mark.shared
def test_spun_score_flags_seed_003():
    result = spun_score(seed_text("003"), threshold=Settings().spun_threshold)
    assert result.spun
    assert 0.0 <= result.score <= 1.0
    assert any("language" in e for e in result.evidence)


@pytest.mark.shared
@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
def test_spun_score_leaves_ordinary_seeds_unflagged(prefix):
    assert not spun_score(seed_text(prefix), threshold=Settings().spun_threshold).spun


def test_spun_score_plain_english_has_no_evidence():
    text = "The Chinese president met his Russian counterpart at the Carnegie Center, officials said."
    assert spun_score(text).evidence == ()


def test_spinner_patterns_file_loads():
    assert len(load_patterns()) >= 20


def test_language_residue_counts_non_latin_letters():
    assert language_residue("Hello world") == 0.0
    assert language_residue("abcd نظر") == pytest.approx(3 / 7)


def test_boilerplate_share_counts_chrome_lines():
    assert boilerplate_share("A real paragraph of news text.\nPrevious Post\nNext Post\n1,234 views") == 0.75


def test_attribution_signal_needs_quotes_attributed_only_with_swapped_verbs():
    spun = ('"We will act," mentioned the minister. Trade grew. "It is a good deal," stated Ana Lopez. '
            '"More talks follow," mentioned Mr. Chen.')
    plain = spun.replace("mentioned", "said", 1)
    assert any("mentioned" in e for e in spun_score(spun).evidence)
    assert not any("quotations" in e for e in spun_score(plain).evidence)
    assert not any("quotations" in e for e in spun_score("As I mentioned, we stated our aims.").evidence)


@pytest.mark.parametrize("text", [
    "The think tank said the Supreme Court ruled on the defence minister's appeal.",
    "Climate change and artificial intelligence were on the agenda at the UN Security Council.",
    "The White House said the two leaders discussed natural gas and the stock market.",
])
def test_ordinary_news_phrases_are_not_spinner_evidence(text):
    assert spun_score(text).evidence == ()


@pytest.mark.parametrize("text", [
    "The assume tank said the Supreme Courtroom ruled.",
    "Local weather change and synthetic intelligence were discussed at the UN Safety Council.",
    "The White Home said the protection minister will visit.",
])
def test_common_spinner_swaps_are_evidence(text):
    assert len(spun_score(text).evidence) >= 2
