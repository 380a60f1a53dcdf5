import pytest

from multipolar.stories import bcubed


def test_bcubed_perfect_clustering_scores_one():
    assert bcubed(["x", "x", "y"], ["a", "a", "b"]) == (1.0, 1.0, 1.0)


def test_bcubed_all_in_one_cluster_has_full_recall():
    p, r, f = bcubed(["x", "x", "x", "x"], ["a", "a", "b", "b"])
    assert (p, r) == (0.5, 1.0)
    assert f == pytest.approx(2 / 3)


def test_bcubed_singletons_have_full_precision():
    p, r, _ = bcubed(["1", "2", "3"], ["a", "a", "a"])
    assert p == 1.0
    assert r == pytest.approx(1 / 3)


def test_bcubed_rejects_unequal_lengths():
    with pytest.raises(ValueError):
        bcubed(["x"], ["a", "b"])
