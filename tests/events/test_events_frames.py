import pytest

from multipolar.events.frames import compose
from multipolar.events.ontology import Ontology


@pytest.mark.parametrize("frame,embedded,expected", [
    ("intent", "042", "036"), ("intent", "072", "0332"), ("intent", "190", "138"),
    ("appeal", "046", "026"), ("appeal", "0871", "0256"), ("demand", "084", "1053"),
    ("reject", "085", "1244"), ("threaten", "163", "1312"), ("threaten", "191", "1381"),
    ("intent", "1121", "130"),  # vowing to hold a state accountable is a threat, not an intent to cooperate
])
def test_frames_compose_codebook_codes(frame, embedded, expected):
    assert compose(frame, embedded) == expected


def test_frames_every_composite_is_in_the_ontology():
    ontology = Ontology.load()
    from multipolar.events.frames import DEFAULTS, TABLES

    codes = {c for table in TABLES.values() for c in table.values()} | set(DEFAULTS.values())
    assert codes <= set(ontology.codes())
