"""Rule cooccur.pair_model (events/cooccur.py): which pairs are proposed, what the model sees of them, the model
file, and the events the coder makes of the pairs a model keeps (invented sentences, real parser and resolver)."""

import numpy as np
import pytest

from multipolar.errors import DataFileError
from multipolar.events import cooccur
from multipolar.events.coder import EventCoder
from multipolar.events.features import EMBEDDING_DIMENSIONS
from multipolar.settings import Settings

pytestmark = pytest.mark.model

WIDTH = EMBEDDING_DIMENSIONS + len(cooccur.LAYOUT)
NO_RULE_EVENT = "The president of Kenya was in Accra with Prime Minister Adjoa Mensah of Ghana on Friday."


def _parsed(coder, text):
    doc = coder.pipeline.parse_one(text)
    return doc, coder.actors_of(doc, published=None)


def _proposed(coder, text, joined=None, every_pair=False):
    doc, actors = _parsed(coder, text)
    return doc, cooccur.candidates(doc, actors, joined or {}, triggers=coder.triggers, every_pair=every_pair)


def _pairs(found):
    return {(c.source.mention.country, c.target.mention.country) for c in found}


def test_every_ordered_pair_of_states_in_a_sentence_is_proposed(rule_coder):
    _, found = _proposed(rule_coder, "Kenya hosted the presidents of Ghana and Peru in Nairobi on Monday.")
    assert _pairs(found) == {(a, b) for a in ("KEN", "GHA", "PER") for b in ("KEN", "GHA", "PER") if a != b}


def test_a_pair_a_rule_joined_or_dropped_is_not_proposed_again(rule_coder):
    text = "Kenya hosted the presidents of Ghana and Peru in Nairobi on Monday."
    joined = {(0, frozenset(("KEN", "GHA"))): frozenset({("KEN", "GHA", 1)})}
    _, found = _proposed(rule_coder, text, joined)
    assert not {("KEN", "GHA"), ("GHA", "KEN")} & _pairs(found) and ("KEN", "PER") in _pairs(found)
    dropped = [{"sentence": 0, "source": "PERGOV", "target": "GHA", "rule": "roles.topic_of_pair"}]
    assert cooccur.joined_pairs([], dropped) == {(0, frozenset(("PER", "GHA"))): frozenset({("PER", "GHA", -1)})}


def test_with_every_pair_a_joined_pair_is_proposed_with_what_the_rules_made_of_it(rule_coder):
    text = "Kenya hosted the presidents of Ghana and Peru in Nairobi on Monday."
    joined = {(0, frozenset(("KEN", "GHA"))): frozenset({("KEN", "GHA", 1)}),
              (0, frozenset(("KEN", "PER"))): frozenset({("PER", "KEN", -1)})}
    _, found = _proposed(rule_coder, text, joined, every_pair=True)
    assert len(found) == 6
    col = cooccur.LAYOUT.index
    by_pair = {(c.source.mention.country, c.target.mention.country): c for c in found}
    kg, gk = by_pair[("KEN", "GHA")], by_pair[("GHA", "KEN")]
    assert kg.joined and kg.features[col("rule_forward_class=1")] == 1 and kg.features[col("rule_backward_class=1")] == 0
    assert gk.features[col("rule_backward_class=1")] == 1
    assert by_pair[("KEN", "PER")].features[col("rule_dropped")] == 1
    assert not by_pair[("GHA", "PER")].joined and by_pair[("GHA", "PER")].features[col("rule_dropped")] == 0


def test_pairs_are_proposed_within_one_sentence_only(rule_coder):
    _, found = _proposed(rule_coder, "Kenya sent envoys on Monday. Ghana replied on Tuesday.")
    assert found == []


def test_roles_reach_the_word_that_carries_them(rule_coder):
    doc, found = _proposed(rule_coder, "The president of Kenya welcomed a delegation of Ghana to Nairobi.")
    kenya = next(c for c in found if c.source.mention.country == "KEN")
    assert kenya.source.dep == "nsubj" and kenya.source.lift == "of"
    assert kenya.target.dep == "dobj" and kenya.target.lift == "of"
    assert kenya.source.governor == kenya.target.governor  # both hang on "welcomed"
    col = cooccur.LAYOUT.index
    assert kenya.features[col("source_dep=nsubj")] == 1 and kenya.features[col("target_dep=dobj")] == 1
    assert kenya.features[col("same_governor")] == 1 and kenya.features[col("source_first")] == 1
    ghana = next(c for c in found if c.source.mention.country == "GHA")
    assert ghana.features[col("source_first")] == 0


def test_a_preposition_governing_a_state_is_a_feature(rule_coder):
    _, found = _proposed(rule_coder, "Kenya signed a trade pact with Ghana on Friday.")
    kg = next(c for c in found if c.source.mention.country == "KEN")
    assert kg.target.dep == "pobj" and kg.target.prep == "with"
    assert kg.features[cooccur.LAYOUT.index("target_prep=with")] == 1


def _model(kind_bias, threshold=0.5, classes=("NONE", "CONSULT", "ASSAULT")):
    intercept = np.array([kind_bias.get(c, 0.0) for c in classes])
    return cooccur.PairModel(classes, np.zeros((len(classes), WIDTH)), intercept, np.zeros(WIDTH), np.ones(WIDTH),
                             threshold)


def test_the_model_file_round_trips_and_refuses_another_layout(tmp_path):
    model = _model({"CONSULT": 2.0})
    path = tmp_path / "pair.npz"
    model.save(path)
    again = cooccur.PairModel.load(path)
    rows = np.zeros((1, WIDTH), dtype=np.float32)
    assert again.classes == model.classes and again.threshold == 0.5 and again.every_pair is False
    assert np.allclose(again.predict_proba(rows), model.predict_proba(rows))
    bad = dict(np.load(path))
    bad["layout"] = np.array("another")
    np.savez(tmp_path / "bad.npz", **bad)
    with pytest.raises(DataFileError, match="another feature layout"):
        cooccur.PairModel.load(tmp_path / "bad.npz")
    with pytest.raises(DataFileError, match="make train"):
        cooccur.PairModel.load(tmp_path / "missing.npz")


def test_the_shipped_model_matches_the_features_and_its_card():
    model = cooccur.PairModel.load()  # refuses a file trained with another layout
    assert "NONE" in model.classes and len(model.classes) > 2
    assert model.coef.shape == (len(model.classes), WIDTH)
    assert 0.0 < model.threshold < 1.0 and model.card["threshold"] == model.threshold
    # the setting was chosen by cross-validated F1 with the pairs added: it gains F1 by recall there
    assert model.card["cv_with_pairs"]["f1"] >= model.card["cv_rules"]["f1"]
    assert model.card["cv_with_pairs"]["recall"] > model.card["cv_rules"]["recall"]


def test_read_sums_the_class_of_the_likeliest_type():
    probs = np.array([[0.3, 0.25, 0.2, 0.25]])
    # AGREE and CONSULT are one class (verbal cooperation): 0.45 against ASSAULT's 0.25
    assert cooccur.read(probs, ("NONE", "CONSULT", "AGREE", "ASSAULT")) == [(pytest.approx(0.45), "CONSULT")]


def _coder_with(rule_coder, model):
    coder = EventCoder(Settings(event_classifier=False, event_pair_model=True), resolver=rule_coder.resolver,
                       nlp=rule_coder.pipeline)
    coder._pair_model = model
    return coder


def test_the_coder_keeps_a_pair_the_model_reads_as_an_act(rule_coder):
    coder = _coder_with(rule_coder, _model({"CONSULT": 3.0}))
    text = NO_RULE_EVENT
    events = coder.code_text(text, doc_id="t")
    assert coder.trace.fired and all(names == [cooccur.RULE] for names in coder.trace.fired.values())
    made = [e for e in events if coder.trace.fired.get(e.event_id) == [cooccur.RULE]]
    # a meeting is kept once, not once each way; its span is the sentence
    assert len(made) == 1 and made[0].plover == "CONSULT" and made[0].cameo == "040"
    assert {made[0].source, made[0].target} == {"KEN", "GHA"} and made[0].span == (0, len(text))
    assert 0.5 <= made[0].confidence <= 1.0


def test_the_coder_keeps_no_pair_below_the_models_threshold(rule_coder):
    coder = _coder_with(rule_coder, _model({"NONE": 3.0}))
    events = coder.code_text(NO_RULE_EVENT, doc_id="t")
    assert not [e for e in events if coder.trace.fired.get(e.event_id) == [cooccur.RULE]]


def test_the_rule_is_off_by_default_and_the_setting_turns_it_off(rule_coder):
    assert Settings().event_pair_model is False
    coder = EventCoder(Settings(event_classifier=False, event_pair_model=False), resolver=rule_coder.resolver,
                       nlp=rule_coder.pipeline)
    coder._pair_model = _model({"CONSULT": 3.0})
    events = coder.code_text(NO_RULE_EVENT, doc_id="t")
    assert not [e for e in events if coder.trace.fired.get(e.event_id) == [cooccur.RULE]]


def test_a_model_of_every_pair_adds_no_act_the_rules_already_count(rule_coder):
    coder = EventCoder(Settings(event_classifier=False, event_pair_model=True, event_min_probability=0.0),
                       resolver=rule_coder.resolver, nlp=rule_coder.pipeline)
    text = "Kenya's president met Ghana's president in Nairobi on Monday."
    ruled = [e for e in rule_coder.code_text(text, doc_id="t") if e.plover == "CONSULT"]
    assert ruled  # the rules code the meeting
    coder._pair_model = _model({"CONSULT": 3.0})
    coder._pair_model.every_pair = True
    events = coder.code_text(text, doc_id="t")
    assert not [e for e in events if coder.trace.fired.get(e.event_id) == [cooccur.RULE]]
    coder._pair_model = _model({"ASSAULT": 3.0})
    coder._pair_model.every_pair = True
    events = coder.code_text(text, doc_id="t")
    made = [e for e in events if coder.trace.fired.get(e.event_id) == [cooccur.RULE]]
    assert made and all(e.plover == "ASSAULT" for e in made)
