import pytest

from multipolar.nlp.pipeline import NlpPipeline, load_spacy
from multipolar.nlp.tables import TableAttributes, TableLemmas, use_tables

pytestmark = pytest.mark.model

# Our own sentences: ordinary prose, and the words the ruler's patterns of several tokens and its special
# lowercase forms are about (contractions, "gonna", "let's", expletive "there", dialect spellings).
TEXTS = [
    "The foreign minister of Brazil met her Indian counterpart in Delhi on Tuesday and signed two accords.",
    "There are talks planned, and there's a summit next week; there were protests outside the embassy.",
    "We ain't gonna wait, she said. Let's see what they're gotta say, he'd answered, nothin' more.",
    "Ships were seized. The sanctions, which Washington imposed in 2024, have been lifted!",
    "  \n\nPRESS RELEASE\n\n- Japan will host the talks.\n- Korea won't attend.\n",
    "Isn't it odd? Didn't they?! 3.5 billion dollars; U.S.-China trade fell 12 % y/y.",
]


@pytest.fixture(scope="module")
def pipelines():
    plain = load_spacy()
    tabled = load_spacy()
    use_tables(tabled)
    return plain, tabled


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


def test_tables_replace_the_ruler_and_lemmatizer(pipelines):
    _, tabled = pipelines
    assert "attribute_ruler" not in tabled.pipe_names and "lemmatizer" not in tabled.pipe_names
    assert isinstance(tabled.get_pipe("multipolar_attribute_ruler_table"), TableAttributes)
    assert isinstance(tabled.get_pipe("multipolar_lemmatizer_table"), TableLemmas)
    names = tabled.pipe_names
    assert names.index("parser") < names.index("multipolar_attribute_ruler_table") < names.index(
        "multipolar_lemmatizer_table")


def test_tables_give_spacys_own_annotations(pipelines):
    plain, tabled = pipelines
    for _ in range(2):  # the second pass answers from the filled tables
        for expected, got in zip(plain.pipe(TEXTS), tabled.pipe(TEXTS), strict=True):
            assert _annotations(got) == _annotations(expected)


def test_tables_apply_patterns_of_several_tokens(pipelines):
    _, tabled = pipelines
    doc = tabled("Let's go, we're gonna win.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["'s"] == "us" and lemmas["na"] == "to"  # set by patterns of two tokens, not by the table


def test_tables_keep_lemmas_the_ruler_set(pipelines):
    plain, tabled = pipelines
    text = "They gon na sign it."
    assert [t.lemma_ for t in tabled(text)] == [t.lemma_ for t in plain(text)]


def test_the_pipeline_uses_the_tables():
    assert "multipolar_attribute_ruler_table" in NlpPipeline().nlp.pipe_names
