import json
from importlib import resources

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from multipolar.errors import DataFileError
from multipolar.events.lexicon import Lexicon
from multipolar.events.ontology import Ontology


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.load(codes=Ontology.load().codes())


def _doc(words, lemmas, pos, deps, heads):
    return Doc(Vocab(), words=words, lemmas=lemmas, pos=pos, deps=deps, heads=heads)


def test_lexicon_covers_all_twenty_roots(lexicon):
    roots = {e.cameo[:2] for e in lexicon.entries}
    assert roots == {f"{r:02d}" for r in range(1, 21)}


def test_lexicon_has_several_hundred_entries_each_with_an_example(lexicon):
    assert len(lexicon) >= 300
    assert all(e.example and e.example.endswith((".", "?", "!")) for e in lexicon.entries)


def test_lexicon_file_codes_are_strings():
    text = resources.files("multipolar.events").joinpath("data/lexicon.jsonl").read_text("utf-8")
    assert all(isinstance(json.loads(line)["cameo"], str) for line in text.splitlines() if line.strip())


def test_lexicon_phrase_beats_bare_lemma(lexicon):
    # "imposed sanctions" -> 163 through the phrase entry, by hand-built parse
    doc = _doc(["Washington", "imposed", "sanctions"], ["Washington", "impose", "sanction"],
               ["PROPN", "VERB", "NOUN"], ["nsubj", "ROOT", "dobj"], [1, 1, 1])
    entry = lexicon.match(doc[1])
    assert entry is not None and entry.cameo == "163" and entry.pos == "PHRASE"


def test_lexicon_pos_must_agree(lexicon):
    doc = _doc(["a", "visit"], ["a", "visit"], ["DET", "VERB"], ["det", "ROOT"], [1, 1])
    assert lexicon.match(doc[1]).pos == "VERB"


def test_lexicon_bad_file_collects_problems(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"cameo": 42, "lemma": "x", "pos": "VERB", "example": "X."}\nnot json\n', "utf-8")
    with pytest.raises(DataFileError) as err:
        Lexicon.load(path, codes=Ontology.load().codes())
    assert "bad.jsonl:1" in str(err.value) and "bad.jsonl:2" in str(err.value)


@pytest.mark.parametrize(("words", "lemmas", "code"), [
    (["the", "capture"], ["the", "capture"], "173"),
    (["the", "aggression"], ["the", "aggression"], "190"),
])
def test_lexicon_nouns_of_forcible_acts(lexicon, words, lemmas, code):
    doc = _doc(words, lemmas, ["DET", "NOUN"], ["det", "ROOT"], [1, 1])
    entry = lexicon.match(doc[1])
    assert entry is not None and entry.cameo == code


@pytest.mark.parametrize(("modifier", "code"), [("military", "190"), ("rescue", None)])
def test_lexicon_operation_is_force_only_when_military(lexicon, modifier, code):
    doc = _doc(["a", modifier, "operation"], ["a", modifier, "operation"], ["DET", "ADJ", "NOUN"],
               ["det", "amod", "ROOT"], [2, 2, 2])
    entry = lexicon.match(doc[2])
    assert (entry.cameo if entry is not None else None) == code


@pytest.mark.model
@pytest.mark.parametrize(("text", "pair", "code"), [
    ("The Icelandic minister stressed her country's commitment to Latvia's security.", ("ISL", "LVA"), "051"),
    ("Serbia imposed costs on Kosovo over the licence plates.", ("SRB", "XKX"), "163"),
    ("Norway stressed its commitment to the defence of Iceland.", ("NOR", "ISL"), "051"),
    ("Finland will keep Estonia closely informed of the grid repairs.", ("FIN", "EST"), "040"),
    ("Portugal reassured Angola of its lasting backing.", ("PRT", "AGO"), "030"),
    ("Hungary sent a letter to Slovakia about the pipeline.", ("HUN", "SVK"), "040"),  # a letter is no aid
])
def test_lexicon_endorsement_and_penalty_phrases(coded, text, pair, code):
    events, _ = coded(text)
    assert [e for e in events if (e.source, e.target) == pair and e.cameo == code]


@pytest.mark.model
def test_lexicon_commitment_to_a_plan_is_no_endorsement(coded):
    events, _ = coded("Iceland stressed its commitment to the fisheries plan with Norway.")
    assert not [e for e in events if e.cameo == "051"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "pair"), [
    ("Chile sold arms to Peru.", ("CHL", "PER")),  # "arms": the tagger's lemma is "arm"; the entry's own form matches
    ("Washington approved the sale of fighter jets to Kenya.", ("USA", "KEN")),
    ("Italy sold two patrol helicopters and six tanks to Ghana.", ("ITA", "GHA")),
])
def test_lexicon_a_sale_of_weapons_is_military_aid(coded, text, pair):
    events, _ = coded(text)
    assert [e for e in events if (e.source, e.target) == pair and e.cameo == "072"]
