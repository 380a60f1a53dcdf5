"""The learned layer: feature rows, the shipped model's card, rescoring, and the probability floor in `code`."""

import dataclasses
import json
from datetime import date
from types import SimpleNamespace

import numpy as np
import pytest

from multipolar.errors import DataFileError
from multipolar.events import features
from multipolar.events.api import code_records
from multipolar.events.coder import EventCoder
from multipolar.events.model import CARD_FILE, TYPE_CODES, ActModel, act_key, applies, is_scored
from multipolar.events.ontology import Ontology
from multipolar.events.rulebook import Trace
from multipolar.records import Event
from multipolar.settings import Settings


def _event(**over) -> Event:
    base = dict(event_id="e1", doc_id="d", sentence=0, date=date(2025, 1, 21), date_precision="day", source="RUS",
                source_actor="RUSGOV", source_name="Vladimir Putin", target="CHN", target_actor="CHNGOV",
                target_name=None, cameo="042", root="04", quad=1, goldstein=1.9, plover="CONSULT",
                plover_mode=None, negated=False, modality="asserted", confidence=0.8, trigger="visited",
                text="Putin visited Beijing on Tuesday.", span=(6, 13))
    base.update(over)
    return Event(**base)


def test_features_rows_follow_layout():
    rows = features.event_rows([_event(), _event(event_id="e2", root="17", plover="COERCE", negated=True)],
                               embeddings=np.ones((1, features.EMBEDDING_DIMENSIONS), dtype=np.float32),
                               sentence_of=[0, 0], n_sentences=4)
    assert rows.shape == (2, len(features.LAYOUT))
    col = features.LAYOUT.index
    assert rows[0, col("root=04")] == 1.0 and rows[0, col("root=17")] == 0.0
    assert rows[1, col("root=17")] == 1.0 and rows[1, col("negated")] == 1.0
    assert rows[0, col("plover=CONSULT")] == 1.0 and rows[0, col("source_is_person")] == 1.0


def test_features_mark_a_candidate_without_plover_type():
    rows = features.event_rows([_event(), _event(event_id="e2", cameo="020", root="02", plover=None)],
                               embeddings=np.zeros((1, features.EMBEDDING_DIMENSIONS), dtype=np.float32),
                               sentence_of=[0, 0], n_sentences=1)
    col = features.LAYOUT.index
    assert rows[0, col("plover=none")] == 0.0 and rows[0, col("plover=CONSULT")] == 1.0
    assert rows[1, col("plover=none")] == 1.0
    assert not rows[1, [col(f"plover={p}") for p in features.PLOVER_TYPES]].any()


def test_features_cue_words_and_quotes():
    said = _event(text='"We will respond," the ministry said of the US tariffs.', trigger="respond")
    rows = features.event_rows([said], embeddings=np.zeros((1, 384), dtype=np.float32), sentence_of=[0],
                               n_sentences=1)
    col = features.LAYOUT.index
    assert rows[0, col("cue=said")] == 1.0 and rows[0, col("cue=will")] == 1.0
    assert rows[0, col("trigger_in_quotes")] == 1.0 and rows[0, col("cue=unless")] == 0.0


def test_features_place_the_names_and_count_the_pair_in_other_sentences():
    text = "Putin visited Beijing, where Xi Jinping met him."
    first = _event(text=text, trigger="visited", source_name="Putin", target_name="Xi Jinping")
    no_names = _event(event_id="e2", text=text, trigger="met", source_name="Emmanuel Macron", target_name=None)
    later = _event(event_id="e3", sentence=3, text="The two leaders signed a statement.", trigger="signed")
    other_pair = _event(event_id="e4", sentence=5, target="USA", target_actor="USAGOV", text="It ended.",
                        trigger="ended")
    emb = np.zeros((4, features.EMBEDDING_DIMENSIONS), dtype=np.float32)
    rows = features.event_rows([first, no_names], embeddings=emb, sentence_of=[0, 0], n_sentences=6,
                               context=[first, no_names, later, other_pair])
    col = features.LAYOUT.index
    assert rows[0, col("source_in_sentence")] == 1.0 and rows[0, col("source_before_trigger")] == 1.0
    assert rows[0, col("target_in_sentence")] == 1.0 and rows[0, col("target_before_trigger")] == 0.0
    assert 0.0 < rows[0, col("target_distance")] < 1.0
    assert rows[1, col("source_in_sentence")] == 0.0 and rows[1, col("target_distance")] == 1.0
    # RUS-CHN stands in one other sentence (3); the RUS-USA event of sentence 5 is another pair
    assert rows[0, col("pair_other_sentences")] == pytest.approx(np.log1p(1))
    alone = features.event_rows([first], embeddings=emb, sentence_of=[0], n_sentences=6)
    assert alone[0, col("pair_other_sentences")] == 0.0


def test_model_applies_only_to_acts_between_two_states():
    assert applies(_event())
    assert applies(_event(source_actor="RUSMIL", target_actor="CHN"))
    assert not applies(_event(target=None, target_actor=None))
    assert not applies(_event(target="RUS", target_actor="RUSGOV"))


@pytest.mark.parametrize("source_actor,target_actor", [("RUSGOV", "IGONATO"), ("IRQREB", "USAMIL"),
                                                       ("CHNBUS", "USAGOV"), ("IRQREB", "IRQGOV")])
def test_model_leaves_out_non_state_actors(source_actor, target_actor):
    event = _event(source=source_actor[:3], source_actor=source_actor, target=target_actor[:3], target_actor=target_actor)
    assert not applies(event)


def test_model_refuses_a_card_with_another_layout(tmp_path):
    (tmp_path / "m.onnx").write_bytes(b"not used")
    (tmp_path / "m.json").write_text(json.dumps({"layout": ["x"]}), encoding="utf-8")
    with pytest.raises(DataFileError, match="another feature layout"):
        ActModel(model_path=tmp_path / "m.onnx")


def test_model_missing_file_names_the_fix(tmp_path):
    with pytest.raises(DataFileError, match="make train"):
        ActModel(model_path=tmp_path / "absent.onnx")


def test_shipped_card_threshold_is_the_settings_default():
    card = json.loads(CARD_FILE.read_text(encoding="utf-8"))
    assert card["threshold"] == Settings().event_min_probability
    assert tuple(card["layout"]) == features.LAYOUT


@pytest.mark.model
def test_model_rescore_sets_probability_only_where_it_applies():
    model = ActModel()
    events = [_event(), _event(event_id="e2", target=None, target_actor=None, confidence=0.77)]
    out = model.rescore(events, n_sentences=3)
    assert 0.0 <= out[0].confidence <= 1.0
    assert out[1].confidence == 0.77
    assert [e.event_id for e in out] == ["e1", "e2"]


class _FixedCoder:
    """Stands in for EventCoder: two events with fixed probabilities."""

    settings = Settings()

    def code_texts(self, items):
        for rid, _text, _published, *_issuer in items:
            yield rid, [_event(confidence=0.95), _event(event_id="e2", target="UKR", target_actor="UKRGOV",
                                                         confidence=0.05),
                        _event(event_id="e3", target=None, target_actor=None, confidence=0.05)]


def test_code_records_leave_out_acts_below_min_probability():
    (out,) = code_records([{"id": "a", "text": "x"}], Settings(), coder=_FixedCoder(), min_probability=0.5)
    assert [e["event_id"] for e in out["events"]] == ["e1", "e3"]


def test_code_records_keep_every_event_by_default():
    (out,) = code_records([{"id": "a", "text": "x"}], Settings(), coder=_FixedCoder())
    assert [e["confidence"] for e in out["events"]] == [0.95, 0.05, 0.05]


def test_code_records_explain_names_the_probability_floor():
    (out,) = code_records([{"id": "a", "text": "x"}], Settings(), coder=_FixedCoder(), min_probability=0.5,
                          explain=True)
    assert [e["probability"] for e in out["events"]] == [0.95, None]
    assert [(d["rule"], d["probability"]) for d in out["dropped"]] == [("model.min_probability", 0.05)]


@pytest.mark.parametrize("args,key", [
    (("USAGOV", "CHN", "REQUEST", 1), ("USA", "CHN", 0)),          # REQUEST is a class of its own
    (("RUS", "CHN", "CONSULT", 1), ("CHN", "RUS", 1)),             # meetings match either direction
    (("USA", "RUS", "SANCTION", None), ("USA", "RUS", 4)),         # the quad from the PLOVER type
    (("USA", "RUS", "ACCUSE", "verbal conflict"), ("USA", "RUS", 3)),  # the gold files' words
])
def test_act_key_follows_the_codebook(args, key):
    assert act_key(*args) == key


def test_is_scored_leaves_out_negated_hypothetical_and_self_acts():
    assert is_scored("USA", "CHN", negated=False, modality="asserted")
    assert not is_scored("USA", "CHN", negated=True, modality="asserted")
    assert not is_scored("USA", "CHN", negated=False, modality="hypothetical")
    assert not is_scored("USA", "USA", negated=False, modality="asserted")


class _FixedModel(ActModel):
    """The shipped card and layout, with fixed class probabilities instead of the ONNX graph."""

    def __init__(self, rows):
        super().__init__()
        self.rows = np.asarray(rows, dtype=np.float32)

    def probabilities(self, events, *, n_sentences, context=None):
        return self.rows[:len(events)]


def _row(**probs):
    classes = json.loads(CARD_FILE.read_text(encoding="utf-8"))["classes"]
    return [probs.get(c, 0.0) for c in classes]


def _said(**over):
    return _event(**{"cameo": "010", "root": "01", "quad": 1, "goldstein": 0.0, "plover": None, "trigger": "said",
                     **over})


def test_model_readings_type_an_untyped_act_and_give_the_probability_of_its_class():
    model = _FixedModel([_row(NONE=0.3, CONSULT=0.4, AGREE=0.1, ASSAULT=0.2),
                         _row(NONE=0.5, MOBILIZE=0.2, SANCTION=0.25, ACCUSE=0.05)])
    (p1, k1), (p2, k2) = model.readings([_said(), _said(event_id="e2")], n_sentences=1)
    assert (round(p1, 3), k1) == (0.5, "CONSULT")  # CONSULT and AGREE: one class (verbal cooperation)
    assert (round(p2, 3), k2) == (0.45, "SANCTION")  # SANCTION and MOBILIZE: material conflict; ACCUSE is not


def test_model_readings_never_read_a_statement_as_force():
    # rule model.retype_no_force: "Venezuela confirmed the deaths in a US operation" is no Venezuelan assault
    model = _FixedModel([_row(NONE=0.3, ASSAULT=0.4, COERCE=0.1, ACCUSE=0.2)])
    ((p, kind),) = model.readings([_said()], n_sentences=1)
    assert (round(p, 3), kind) == (0.2, "ACCUSE")


def test_model_readings_keep_the_sign_of_a_statement_the_rules_read_as_cooperative_or_conflictual():
    # rule model.retype keeps the verb's sign: "welcomed" (013, +0.4) is no accusation, a pessimistic comment
    # (012, -0.4) no consultation; REQUEST stays open to both, a plain "said" (010, 0) to every type
    rows = [_row(NONE=0.3, ACCUSE=0.4, SUPPORT=0.2, REQUEST=0.1)] * 3 + [_row(NONE=0.2, CONSULT=0.5, ACCUSE=0.2, REQUEST=0.1)]
    model = _FixedModel(rows)
    welcomed = _said(cameo="013", goldstein=0.4, trigger="welcomed")
    readings = model.readings([welcomed, _said(event_id="e2"), _said(event_id="e3", cameo="020", goldstein=3.0),
                               _said(event_id="e4", cameo="012", goldstein=-0.4)], n_sentences=1)
    assert [kind for _, kind in readings] == ["SUPPORT", "ACCUSE", "SUPPORT", "ACCUSE"]
    assert round(readings[0][0], 3) == 0.2


def test_model_readings_read_a_statement_of_a_future_act_as_verbal():
    # rule model.future_statement: "warned it would close the port" is a threat at most, never the closure
    rows = [_row(NONE=0.2, SANCTION=0.5, THREATEN=0.2, CONSULT=0.1)] * 2
    model = _FixedModel(rows)
    warned = _said(cameo="012", goldstein=-0.4, trigger="warned")
    free, future = model.readings([warned, dataclasses.replace(warned, event_id="e2")], n_sentences=1,
                                  verbal={"e2"})
    assert free[1] == "SANCTION"
    assert (round(future[0], 3), future[1]) == (0.2, "THREATEN")


def test_states_future_reads_the_reported_clause(rule_coder):
    from multipolar.events.qualifiers import states_future

    def verb(text, lemma):
        doc = rule_coder.pipeline.nlp(text)
        return next(t for t in doc if t.lemma_ == lemma)

    assert states_future(verb("Ankara warned Athens that it would seal the harbour.", "warn"))
    assert states_future(verb("Oslo told Moscow it was ready to expel the diplomats.", "tell"))
    assert not states_future(verb("Ankara told Athens that it had sealed the harbour.", "tell"))


@pytest.mark.model
def test_coder_keeps_a_warning_of_a_future_act_verbal(rule_coder):
    coder = EventCoder(Settings(event_classifier=False), resolver=rule_coder.resolver, nlp=rule_coder.pipeline)
    events = coder.code_text("Turkey told Greece it would block the pipeline.", doc_id="t",
                             published=date(2025, 3, 12))
    told = [e for e in events if e.trigger == "told" and e.target == "GRC"]
    assert told and all(e.quad != 4 and e.root not in ("17", "18", "19", "20") for e in told)
    assert all("model.future_statement" in coder.trace.fired[e.event_id] for e in told)


def test_model_readings_keep_the_rules_type_of_a_typed_act():
    model = _FixedModel([_row(NONE=0.3, CONSULT=0.1, ASSAULT=0.6)])
    ((p, kind),) = model.readings([_event()], n_sentences=1)  # the rules read CONSULT
    assert (round(p, 3), kind) == (0.1, "CONSULT")


def test_model_rescore_retypes_only_an_asserted_untyped_act():
    rows = [_row(NONE=0.2, SANCTION=0.7, CONSULT=0.1)] * 3
    model = _FixedModel(rows)
    seen = []

    def retype(event, kind):
        seen.append((event.event_id, kind))
        return dataclasses.replace(event, plover=kind)

    out = model.rescore([_event(), _said(event_id="e2"), _said(event_id="e3", negated=True)], n_sentences=1,
                        retype=retype)
    assert seen == [("e2", "SANCTION")]  # e1 is typed (CONSULT); e3 is negated
    assert [(e.plover, e.confidence) for e in out] == [("CONSULT", 0.1), ("SANCTION", 0.7), (None, 0.8)]


def test_model_type_codes_are_their_types_in_the_ontology():
    ontology = Ontology.load()
    for kind, code in TYPE_CODES.items():
        assert ontology.plover(code)[0] == kind


def test_coder_retype_recodes_and_names_the_rule():
    stub = SimpleNamespace(ontology=Ontology.load(), trace=Trace())
    said = _event(cameo="010", root="01", quad=1, plover=None, trigger="said")
    stub.trace.fired[said.event_id] = ["lexicon:say->010"]
    struck = EventCoder._retype(stub, said, "ASSAULT")
    assert (struck.cameo, struck.root, struck.plover, struck.quad) == ("190", "19", "ASSAULT", 4)
    assert struck.event_id != said.event_id
    assert stub.trace.fired == {struck.event_id: ["lexicon:say->010", "model.retype"]}


def test_coder_retype_keeps_an_appeal_read_as_a_request_an_appeal():
    stub = SimpleNamespace(ontology=Ontology.load(), trace=Trace())
    invited = _event(cameo="020", root="02", quad=1, plover=None, goldstein=3.0, trigger="invited")
    asked = EventCoder._retype(stub, invited, "REQUEST")
    assert (asked.cameo, asked.plover, asked.quad, asked.goldstein) == ("020", "REQUEST", 1, 3.0)
    said = _event(cameo="010", root="01", quad=1, plover=None, goldstein=0.0, trigger="said", event_id="e9")
    demanded = EventCoder._retype(stub, said, "REQUEST")
    assert (demanded.cameo, demanded.plover, demanded.goldstein) == ("100", "REQUEST", -5.0)
