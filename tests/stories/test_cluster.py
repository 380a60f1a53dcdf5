from datetime import date

import numpy as np
import pytest

from multipolar.settings import Settings
from multipolar.stories import StoryClusterer, StoryInput


class FakeEmbedder:
    """Word-count vectors over a tiny vocabulary: enough to test the clustering logic without the model."""

    vocabulary = ["earthquake", "quake", "oscar", "host", "call", "summit", "tariff"]

    def embed(self, texts, batch_size=64, *, max_tokens=None):
        rows = []
        for text in texts:
            words = text.lower().split()
            v = np.array([sum(w.strip(".,") == term for w in words) for term in self.vocabulary], float)
            v = np.concatenate([v, np.zeros(384 - len(v))])
            rows.append(v / (np.linalg.norm(v) or 1.0))
        return np.array(rows, dtype=np.float32)


QUAKE = "A strong earthquake of magnitude 6.1 struck Northern Sumatra on Sunday, Indonesian officials said."
QUAKE_2 = "Indonesian officials counted damage after the magnitude 6.1 earthquake in Northern Sumatra."
OSCAR = "Hugh Jackman will host the Oscar ceremony at the Kodak Theatre, the Academy announced."


def test_assign_groups_documents_about_one_event():
    clusterer = StoryClusterer(Settings(), FakeEmbedder())
    a, b, c = clusterer.assign([
        StoryInput("d1", None, QUAKE, date(2025, 1, 5)),
        StoryInput("d2", None, QUAKE_2, date(2025, 1, 6)),
        StoryInput("d3", None, OSCAR, date(2025, 1, 6)),
    ])
    assert a.story_id == b.story_id != c.story_id
    assert a.is_new_story


def test_assign_incremental_document_joins_existing_story():
    clusterer = StoryClusterer(Settings(), FakeEmbedder())
    first = clusterer.assign([StoryInput("d1", None, QUAKE, date(2025, 1, 5)),
                              StoryInput("d3", None, OSCAR, date(2025, 1, 5))])
    (later,) = clusterer.assign([StoryInput("d2", None, QUAKE_2, date(2025, 1, 7))])
    assert later.story_id == first[0].story_id
    assert not later.is_new_story
    story = {s.story_id: s for s in clusterer.stories()}[later.story_id]
    assert story.n_documents == 2
    assert (story.first_date, story.last_date) == (date(2025, 1, 5), date(2025, 1, 7))


def test_assign_joins_story_loaded_from_store():
    source = StoryClusterer(Settings(), FakeEmbedder())
    source.assign([StoryInput("d1", None, QUAKE, date(2025, 1, 5))])
    (stored,) = source.stories()
    fresh = StoryClusterer(Settings(), FakeEmbedder())
    fresh.add_story(stored, [StoryInput("d1", None, QUAKE, date(2025, 1, 5))])
    (later,) = fresh.assign([StoryInput("d2", None, QUAKE_2, date(2025, 1, 6))])
    assert later.story_id == stored.story_id


def test_assign_respects_a_hard_time_window():
    clusterer = StoryClusterer(Settings(story_window_days=7, story_window_margin=float("inf")), FakeEmbedder())
    a, b = clusterer.assign([StoryInput("d1", None, QUAKE, date(2025, 1, 5)),
                             StoryInput("d2", None, QUAKE_2, date(2025, 3, 1))])
    assert a.story_id != b.story_id


def test_assign_near_duplicate_follows_its_original():
    clusterer = StoryClusterer(Settings(), FakeEmbedder())
    a, b = clusterer.assign([StoryInput("d1", None, QUAKE, date(2025, 1, 5)),
                             StoryInput("d9", None, OSCAR, date(2025, 1, 6), near_duplicate_of="d1")])
    assert a.story_id == b.story_id


def test_story_date_is_publication_date_else_median_event_date():
    from multipolar.stories.cluster import story_date

    assert story_date(StoryInput("d", None, "x", date(2025, 1, 5), event_dates=(date(2024, 1, 1),))) == date(2025, 1, 5)
    dates = (date(2025, 2, 24), date(2025, 2, 24), date(2022, 2, 1))
    assert story_date(StoryInput("d", None, "x", None, event_dates=dates)) == date(2025, 2, 24)
    assert story_date(StoryInput("d", None, "x")) is None


def test_undated_document_without_event_dates_may_join_a_dated_story():
    items = [StoryInput("d1", None, QUAKE, date(2025, 1, 5)), StoryInput("d2", None, QUAKE_2, None)]
    result = StoryClusterer(Settings(story_window_days=7), FakeEmbedder()).assign(items)
    assert result[0].story_id == result[1].story_id  # no date at all: the window cannot rule it out


@pytest.mark.parametrize(("margin", "joined"), [(0.0, True), (1.0, False), (float("inf"), False)])
def test_event_dates_beyond_the_window_cost_the_event_date_margin(margin, joined):
    items = [StoryInput("d1", None, QUAKE, date(2025, 1, 5)),
             StoryInput("d2", None, QUAKE_2, None, event_dates=(date(2025, 3, 1), date(2025, 3, 2)))]
    settings = Settings(story_window_days=7, story_event_date_margin=margin)
    result = StoryClusterer(settings, FakeEmbedder()).assign(items)
    assert (result[0].story_id == result[1].story_id) is joined


@pytest.mark.parametrize(("later_days", "joined"), [(7, False), (14, False), (15, True), (30, True)])
def test_event_dates_within_the_later_event_days_join_a_story(later_days, joined):
    items = [StoryInput("d1", None, QUAKE, date(2025, 1, 5)),
             StoryInput("d2", None, QUAKE_2, None, event_dates=(date(2025, 1, 20),))]  # 15 days after
    settings = Settings(story_window_days=7, story_event_date_margin=float("inf"), story_later_event_days=later_days)
    result = StoryClusterer(settings, FakeEmbedder()).assign(items)
    assert (result[0].story_id == result[1].story_id) is joined


def test_undated_margin_keeps_weakly_similar_undated_document_apart():
    items = [StoryInput("d1", None, QUAKE, date(2025, 1, 5)), StoryInput("d2", None, QUAKE_2, None)]
    loose = StoryClusterer(Settings(story_undated_margin=0.0), FakeEmbedder()).assign(items)
    strict = StoryClusterer(Settings(story_undated_margin=1.0), FakeEmbedder()).assign(items)
    assert loose[0].story_id == loose[1].story_id
    assert strict[0].story_id != strict[1].story_id


def test_lexical_sums_follow_a_growing_vocabulary_across_batches():
    clusterer = StoryClusterer(Settings(), FakeEmbedder())
    first = clusterer.assign([StoryInput("d1", None, QUAKE, date(2025, 1, 5))])
    more = clusterer.assign([StoryInput(f"n{i}", None, f"Unrelated word{i} zebra{i} text{i}", date(2025, 1, 6))
                             for i in range(5)] + [StoryInput("d2", None, QUAKE_2, date(2025, 1, 6))])
    assert more[-1].story_id == first[0].story_id


def test_yearless_days_of_an_undated_document_are_placed_near_the_other_documents():
    from multipolar.stories.cluster import place_yearless

    items = [StoryInput("d1", None, QUAKE, date(2025, 1, 5)),
             StoryInput("d2", None, QUAKE_2, None, yearless_days=((3, 1),)),
             StoryInput("d3", None, QUAKE_2, None, yearless_days=((12, 30),))]
    placed = place_yearless(items, date(2025, 1, 5))
    assert placed[0] is items[0]
    assert placed[1].event_dates == (date(2025, 3, 1),)
    assert placed[2].event_dates == (date(2024, 12, 30),)  # the nearer of the two years
    assert place_yearless(items, None) == items
    # the similar report whose only date is eight weeks later opens its own story
    settings = Settings(story_window_days=7, story_event_date_margin=float("inf"))
    result = StoryClusterer(settings, FakeEmbedder()).assign(items[:2])
    assert result[0].story_id != result[1].story_id


@pytest.mark.parametrize(("window_margin", "joined"), [(0.0, True), (0.05, True), (1.0, False), (float("inf"), False)])
def test_publication_days_beyond_the_window_cost_the_window_margin(window_margin, joined):
    # a follow-up report published eight weeks after the first: joins only when the window is soft
    items = [StoryInput("d1", None, QUAKE, date(2025, 1, 5)), StoryInput("d2", None, QUAKE_2, date(2025, 3, 2))]
    settings = Settings(story_window_days=7, story_window_margin=window_margin, story_max_span_days=0)
    result = StoryClusterer(settings, FakeEmbedder()).assign(items)
    assert (result[0].story_id == result[1].story_id) is joined


def test_window_margin_leaves_documents_within_the_window_alone():
    items = [StoryInput("d1", None, QUAKE, date(2025, 1, 5)), StoryInput("d2", None, QUAKE_2, date(2025, 1, 9))]
    for window_margin in (0.0, 1.0, float("inf")):
        settings = Settings(story_window_days=7, story_window_margin=window_margin)
        result = StoryClusterer(settings, FakeEmbedder()).assign(items)
        assert result[0].story_id == result[1].story_id


@pytest.mark.parametrize(("horizon", "joined"), [(365, True), (30, False)])
def test_soft_window_reaches_back_to_the_horizon_in_a_later_batch(horizon, joined):
    settings = Settings(story_window_days=7, story_window_margin=0.0, story_horizon_days=horizon, story_max_span_days=0)
    clusterer = StoryClusterer(settings, FakeEmbedder())
    (first,) = clusterer.assign([StoryInput("d1", None, QUAKE, date(2025, 1, 5))])
    (later,) = clusterer.assign([StoryInput("d2", None, QUAKE_2, date(2025, 3, 2))])  # eight weeks on
    assert (later.story_id == first.story_id) is joined


DECLARATION = "The President approved a disaster declaration for Northern Sumatra after the earthquake, the Agency said."


def _weekly_declarations(weeks: int) -> list[StoryInput]:
    """Look-alike releases six days apart: each within the window of the one before it."""
    from datetime import timedelta

    return [StoryInput(f"w{k}", None, DECLARATION, date(2025, 1, 5) + timedelta(days=6 * k)) for k in range(weeks)]


def _spans(clusterer: StoryClusterer) -> list[int]:
    return [(s.last_date - s.first_date).days for s in clusterer.stories()]


@pytest.mark.parametrize(("max_span", "longest"), [(0, 54), (30, 30), (14, 12)])
def test_max_span_stops_a_story_growing_link_by_link(max_span, longest):
    # without rule stories.revisit (test_revisit.py), a story grows poll by poll from its nearest day
    settings = Settings(story_window_days=7, story_window_margin=float("inf"), story_max_span_days=max_span,
                        story_revisit=False)
    clusterer = StoryClusterer(settings, FakeEmbedder())
    for item in _weekly_declarations(10):  # days 0, 6, ..., 54, one poll each
        clusterer.assign([item])
    assert max(_spans(clusterer)) == longest


@pytest.mark.parametrize(("max_span", "joined"), [(0, True), (60, True), (30, False)])
def test_max_span_caps_what_a_soft_window_joins(max_span, joined):
    # a follow-up eight weeks on joins through a soft window only where the cap allows 56 days
    items = [StoryInput("d1", None, QUAKE, date(2025, 1, 5)), StoryInput("d2", None, QUAKE_2, date(2025, 3, 2))]
    settings = Settings(story_window_days=7, story_window_margin=0.0, story_max_span_days=max_span)
    result = StoryClusterer(settings, FakeEmbedder()).assign(items)
    assert (result[0].story_id == result[1].story_id) is joined


def test_max_span_counts_from_a_stored_story_first_day():
    settings = Settings(story_window_days=7, story_window_margin=float("inf"), story_max_span_days=10)
    source = StoryClusterer(settings, FakeEmbedder())
    source.assign([StoryInput("d1", None, QUAKE, date(2025, 1, 5)), StoryInput("d2", None, QUAKE_2, date(2025, 1, 11))])
    (stored,) = source.stories()
    fresh = StoryClusterer(settings, FakeEmbedder())
    fresh.add_story(stored, [StoryInput("d1", None, QUAKE, date(2025, 1, 5)),
                             StoryInput("d2", None, QUAKE_2, date(2025, 1, 11))])
    # within the window of the story's last day (the 11th), but 12 days after its first
    (later,) = fresh.assign([StoryInput("d3", None, QUAKE_2, date(2025, 1, 17))])
    assert later.story_id != stored.story_id


def test_max_span_lets_an_undated_document_join():
    settings = Settings(story_window_days=7, story_max_span_days=1)
    items = [StoryInput("d1", None, QUAKE, date(2025, 1, 5)), StoryInput("d2", None, QUAKE_2, None)]
    result = StoryClusterer(settings, FakeEmbedder()).assign(items)
    assert result[0].story_id == result[1].story_id  # no publication day: it stretches no span


@pytest.mark.parametrize(("max_span", "joined"), [(0, True), (60, True), (30, False)])
def test_max_span_holds_for_a_near_duplicate(max_span, joined):
    # last month's template release copied 40 days on: a copy, but not last month's story
    settings = Settings(story_window_days=7, story_window_margin=float("inf"), story_max_span_days=max_span)
    clusterer = StoryClusterer(settings, FakeEmbedder())
    (first,) = clusterer.assign([StoryInput("d1", None, DECLARATION, date(2025, 1, 5))])
    (copy,) = clusterer.assign([StoryInput("d2", None, DECLARATION, date(2025, 2, 14), near_duplicate_of="d1")])
    assert (copy.story_id == first.story_id) is joined
    assert copy.is_new_story is not joined
