import pytest

from multipolar.errors import DataFileError
from multipolar.events.ontology import Ontology, quad_of_root


@pytest.fixture(scope="module")
def ontology():
    return Ontology.load()


def test_ontology_codes_are_strings(ontology):
    assert all(isinstance(code, str) for code in ontology.codes())
    assert "010" in ontology and "10" in ontology  # "010" (make statement) and "10" (root DEMAND) differ
    assert ontology["010"].name != ontology["10"].name


@pytest.mark.parametrize("root,quad", [("01", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("13", 3),
                                       ("14", 4), ("16", 4), ("20", 4)])
def test_ontology_quad_from_root(ontology, root, quad):
    assert quad_of_root(root) == quad
    assert all(ontology[c].quad == quad for c in ontology.codes() if c.startswith(root))


def test_ontology_unknown_code_raises_keyerror_like_datafileerror(ontology):
    with pytest.raises(KeyError):
        ontology["999"]
    with pytest.raises(DataFileError):
        ontology.get("999")


def test_ontology_rejects_integer_codes(ontology):
    with pytest.raises(DataFileError):
        ontology.get(42)  # type: ignore[arg-type]


def test_ontology_lookup_042(ontology):
    visit = ontology["042"]
    assert (visit.root, visit.quad, visit.goldstein, visit.plover, visit.plover_mode) == ("04", 1, 1.9, "CONSULT", "visit")


def test_ontology_goldstein_variant_differs_on_163():
    assert Ontology.load("gdelt")["163"].goldstein == -8.0
    assert Ontology.load("phoenix")["163"].goldstein == -6.5


def test_ontology_plover_types_by_the_manual_unless_the_2021_map_is_asked_for(ontology):
    # the manual's rule: the root's category (16 → SANCTION, 17 → COERCE, 19 → ASSAULT); a mode the map
    # gives under another type is dropped, one under the same type is kept
    assert (ontology.plover("163"), ontology.plover("1712"), ontology.plover("191")) == (
        ("SANCTION", None), ("COERCE", None), ("ASSAULT", None))
    assert ontology.plover("0841") == ("RETREAT", "release") and ontology.plover("0813")[0] == "CONCEDE"
    assert ontology.plover("162")[0] == "SANCTION"
    # the one exception to the root rule: a signed formal agreement is AGREE, as the real-news codebook types it
    assert ontology.plover("057")[0] == "AGREE" and ontology.plover("051")[0] == "SUPPORT"
    drafted = Ontology.load(plover_types="map2021")
    assert drafted.plover("057")[0] == "SUPPORT"
    assert drafted.plover("163") == ("COERCE", "restrict")  # the 2021 map's quirk, kept when asked for
    assert drafted.plover("0813")[0] == "RETREAT"
    with pytest.raises(DataFileError, match="map2021"):
        Ontology.load(plover_types="2019")


def test_ontology_roots_01_02_have_no_plover(ontology):
    assert ontology.plover("010") == (None, None)
    assert ontology.plover("020") == (None, None)


def test_ontology_unknown_variant_is_datafileerror():
    with pytest.raises(DataFileError):
        Ontology.load("acled")
