from datetime import date

import numpy as np

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


def test_assign_respects_time_window():
    clusterer = StoryClusterer(Settings(story_window_days=7), FakeEmbedder())
    a, b = clusterer.assign([StoryInput("d1", None, QUAKE, date(2025, 1, 5)),
                             StoryInput("d2", None, QUAKE_2, date(2025, 3, 1))])
    assert a.story_id != b.story_id


def test_assign_near_duplicate_follows_its_original():
    clusterer = StoryClusterer(Settings(), FakeEmbedder())
    a, b = clusterer.assign([StoryInput("d1", None, QUAKE, date(2025, 1, 5)),
                             StoryInput("d9", None, OSCAR, date(2025, 1, 6), near_duplicate_of="d1")])
    assert a.story_id == b.story_id
