"""Fixtures shared by the actor tests: one resolver over the bundled gazetteer, and a blank English pipeline
(tokens only, no parse) for the tests that must not depend on spaCy's model."""

from __future__ import annotations

import pytest
import spacy

from multipolar.actors.gazetteer import Gazetteer
from multipolar.actors.resolver import ActorResolver


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver(Gazetteer.load())


@pytest.fixture(scope="module")
def blank() -> spacy.language.Language:
    return spacy.blank("en")
