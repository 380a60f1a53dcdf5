"""Rule stories.revisit: the stored stories a batch touched are clustered again with it."""

from datetime import date, timedelta

import pytest
from test_cluster import QUAKE, QUAKE_2, FakeEmbedder

from multipolar.settings import Settings
from multipolar.stories import StoryClusterer, StoryInput
from multipolar.stories.revisit import RULE, touched

CHILE = "A magnitude 6.1 earthquake struck Valparaiso on Sunday, Chilean officials said."
CHILE_2 = "Chilean officials counted damage in Valparaiso after the earthquake."
CHILE_3 = "Rescuers searched Valparaiso after the earthquake, Chilean officials said."
OSCAR = "Hugh Jackman will host the Oscar ceremony at the Kodak Theatre, the Academy announced."


def _sumatra_then_chile(revisit: bool) -> StoryClusterer:
    """Two Sumatra reports, then one Chile report alone, then two more Chile reports."""
    clusterer = StoryClusterer(Settings(story_revisit=revisit), FakeEmbedder())
    clusterer.assign([StoryInput("s1", None, QUAKE, date(2025, 1, 5)), StoryInput("s2", None, QUAKE_2, date(2025, 1, 5))])
    clusterer.assign([StoryInput("c1", None, CHILE, date(2025, 1, 6))])
    clusterer.assign([StoryInput("c2", None, CHILE_2, date(2025, 1, 6)), StoryInput("c3", None, CHILE_3, date(2025, 1, 6))])
    return clusterer


def _consistent(clusterer: StoryClusterer) -> bool:
    """Every story lists exactly the documents that point at it, once, and counts them."""
    listed = [(d, s.story_id) for s in clusterer.stories() for d in s.doc_ids]
    return (len(listed) == len(dict(listed))
            and all(clusterer.story_of(d) == story_id for d, story_id in listed)
            and all(s.n_documents == len(s.doc_ids) for s in clusterer.stories()))


@pytest.mark.parametrize("revisit", [True, False])
def test_revisit_keeps_stories_and_documents_consistent_when_a_founder_leaves(revisit):
    # the Chile report founds a story, the Sumatra reports join it, the Chile reports follow: clustered
    # again, the founder's group is the smaller one, so it needs an id other than its founder's
    clusterer = StoryClusterer(Settings(story_revisit=revisit), FakeEmbedder())
    clusterer.assign([StoryInput("c1", None, CHILE, date(2025, 1, 5))])
    clusterer.assign([StoryInput("s1", None, QUAKE, date(2025, 1, 5)), StoryInput("s2", None, QUAKE_2, date(2025, 1, 5)),
                      StoryInput("s3", None, QUAKE, date(2025, 1, 6))])
    clusterer.assign([StoryInput("c2", None, CHILE_2, date(2025, 1, 6))])
    assert _consistent(clusterer)
    assert len({clusterer.story_of(d) for d in ("c1", "c2", "s1", "s2", "s3")}) == len(clusterer.stories())


def test_one_call_keeps_the_two_earthquakes_apart():
    clusterer = StoryClusterer(Settings(story_revisit=False), FakeEmbedder())
    found = clusterer.assign([StoryInput("s1", None, QUAKE, date(2025, 1, 5)), StoryInput("s2", None, QUAKE_2, date(2025, 1, 5)),
                              StoryInput("c1", None, CHILE, date(2025, 1, 6))])
    assert found[0].story_id == found[1].story_id != found[2].story_id


@pytest.mark.parametrize("revisit", [True, False])
def test_revisit_gives_batches_what_one_call_gives(revisit):
    # alone, the Chile report meets the stored Sumatra story, whose lexical mean was made when two
    # documents had been seen, and joins it; clustered again with it, it stays apart, as in one call
    clusterer = _sumatra_then_chile(revisit)
    sumatra = clusterer.story_of("s1")
    assert clusterer.story_of("s2") == sumatra
    assert clusterer.story_of("c2") == clusterer.story_of("c3") == clusterer.story_of("c1")
    assert (clusterer.story_of("c1") != sumatra) is revisit
    assert _consistent(clusterer)


def test_revisit_keeps_the_id_of_the_story_holding_most_members():
    clusterer = _sumatra_then_chile(True)
    first = StoryClusterer(Settings(), FakeEmbedder()).assign([StoryInput("s1", None, QUAKE, date(2025, 1, 5))])
    assert clusterer.story_of("s1") == first[0].story_id
    sizes = {s.story_id: s.n_documents for s in clusterer.stories()}
    assert sizes == {clusterer.story_of("s1"): 2, clusterer.story_of("c1"): 3}
    assert clusterer.merges() == []  # no stored story was taken apart entirely


def test_revisit_leaves_untouched_stories_alone():
    clusterer = StoryClusterer(Settings(), FakeEmbedder())
    clusterer.assign([StoryInput("o1", None, OSCAR, date(2025, 1, 5)),
                      StoryInput("s1", None, QUAKE, date(2025, 1, 5)), StoryInput("s2", None, QUAKE_2, date(2025, 1, 5))])
    oscar = clusterer.story_of("o1")
    clusterer.assign([StoryInput("c1", None, CHILE, date(2025, 1, 6))])
    assert oscar not in clusterer.revised
    assert clusterer.story_of("s1") in clusterer.revised
    assert clusterer.stories({oscar})[0].doc_ids == ("o1",)


def test_revisit_records_a_story_taken_apart_as_merged():
    # a story stored holding one Chile and one Sumatra report (an earlier run's join), and a Sumatra
    # story stored beside it; a batch bridges the two, so both are clustered again: each report goes
    # where its event is, and the mixed story's id goes
    settings = Settings()
    source = StoryClusterer(settings, FakeEmbedder())
    source.assign([StoryInput("s1", None, QUAKE, date(2025, 1, 5)), StoryInput("s2", None, QUAKE_2, date(2025, 1, 5))])
    (sumatra,) = source.stories()
    fresh = StoryClusterer(settings, FakeEmbedder())
    fresh.add_story(sumatra, [StoryInput("s1", None, QUAKE, date(2025, 1, 5)),
                              StoryInput("s2", None, QUAKE_2, date(2025, 1, 5))])
    mixed = StoryClusterer(settings, FakeEmbedder())
    mixed.assign([StoryInput("s3", None, QUAKE, date(2025, 1, 6))])
    (mixed_story,) = mixed.stories()
    mixed_story = type(mixed_story)(**{**{f: getattr(mixed_story, f) for f in mixed_story.__dataclass_fields__},
                                       "story_id": "story-mixed", "n_documents": 1})
    fresh.add_story(mixed_story, [StoryInput("s3", None, QUAKE, date(2025, 1, 6))])
    fresh.assign([StoryInput("s4", None, QUAKE_2, date(2025, 1, 6))])
    assert fresh.story_of("s3") == fresh.story_of("s4") == fresh.story_of("s1") == sumatra.story_id
    assert "s3" in fresh.moved  # assigned before this call, in another story now
    (merge,) = fresh.merges()
    assert merge.merged_id == "story-mixed" and merge.into_id == sumatra.story_id
    assert merge.rule in {RULE, "stories.bridge_merge"}


def test_touched_names_stored_stories_that_took_documents_or_lost_them():
    before = {"a": "s1", "b": "s2", "c": "s3"}
    after = {"a": "s1", "b": "s1", "c": "s3", "n1": "s3", "n2": "s9"}
    assert touched(before, after, ["n1", "n2"], opened={"s9"}) == {"s1", "s3"}


def test_revisit_keeps_look_alike_polls_within_the_window():
    # weekly template releases one poll at a time, six days apart: clustered again with each poll, a
    # story holds what one call would hold (no chain link by link), so it never spans past the window
    settings = Settings(story_window_days=7, story_window_margin=float("inf"), story_max_span_days=0)
    clusterer = StoryClusterer(settings, FakeEmbedder())
    text = "The President approved a disaster declaration for Northern Sumatra after the earthquake, the Agency said."
    for k in range(10):
        clusterer.assign([StoryInput(f"w{k}", None, text, date(2025, 1, 5) + timedelta(days=6 * k))])
    assert max((s.last_date - s.first_date).days for s in clusterer.stories()) <= 7
