"""stories stage: documents about the same real-world event share a story_id (cross-document)."""

from multipolar.stories.cluster import Story, StoryAssignment, StoryClusterer, StoryInput, StoryMerge
from multipolar.stories.metrics import bcubed

__all__ = ["Story", "StoryAssignment", "StoryClusterer", "StoryInput", "StoryMerge", "bcubed"]
