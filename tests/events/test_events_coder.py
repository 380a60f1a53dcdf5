"""Behaviours of the events.v1 coder, one per test, on the real spaCy model with a tiny fake resolver."""

import dataclasses
import pickle
from datetime import date

import pytest
from fake_resolver import FakeResolver

from multipolar.events.api import code_records
from multipolar.events.coder import EventCoder
from multipolar.settings import Settings

pytestmark = pytest.mark.model

PUBLISHED = date(2025, 2, 1)


@pytest.fixture(scope="module")
def coder():
    return EventCoder(Settings(event_classifier=False), resolver=FakeResolver())


def code(coder, text):
    return coder.code_text(text, doc_id="t", published=PUBLISHED)


def triples(events):
    return {(e.source_actor, e.cameo, e.target_actor) for e in events}


def test_coder_reciprocal_subjects_give_one_event_each_way(coder):
    events = code(coder, "Putin and Xi held a video call.")
    assert triples(events) == {("RUSGOV", "041", "CHNGOV"), ("CHNGOV", "041", "RUSGOV")}


def test_coder_passive_agent_is_the_source(coder):
    events = code(coder, "New sanctions were imposed on Iran by the United States.")
    assert triples(events) == {("USA", "163", "IRN")}


def test_coder_direct_object_is_the_target(coder):
    assert triples(code(coder, "Modi visited Moscow.")) == {("INDGOV", "042", "RUSGOV")}


def test_coder_negation_is_recorded(coder):
    (event,) = code(coder, "Russia did not attack Ukraine.")
    assert event.negated and event.cameo == "190"


def test_coder_denial_negates_the_denied_act(coder):
    events = code(coder, "China denied that it supplied weapons to Russia.")
    supplied = [e for e in events if e.root == "07"]
    assert supplied and supplied[0].negated


@pytest.mark.parametrize("text,modality", [
    ("Iran could attack Israel.", "hypothetical"),
    ("Iran will attack Israel if the talks fail.", "hypothetical"),
    ("Russia will attack Ukraine.", "intended"),
    ("Russia is ready to hold talks with Ukraine.", "intended"),
    ("Russia attacked Ukraine.", "asserted"),
])
def test_coder_modality(coder, text, modality):
    events = [e for e in code(coder, text) if e.root != "01"]
    assert events and events[0].modality == modality


def test_coder_intent_frame_composes_codebook_code(coder):
    assert triples(code(coder, "China pledged aid to Pakistan.")) == {("CHN", "033", "PAK")}


def test_coder_threat_of_sanctions_is_1312(coder):
    assert triples(code(coder, "Trump threatened tariffs on Mexico.")) == {("USAGOV", "1312", "MEX")}


def test_coder_reported_speech_codes_statement_and_reported_event(coder):
    events = code(coder, "Russia said Ukraine had agreed to talks.")
    by_code = {e.cameo[:2]: e for e in events}
    assert by_code["01"].source_actor == "RUS" and by_code["01"].modality == "asserted"
    assert by_code["03"].source_actor == "UKR" and by_code["03"].modality == "reported"
    # saying that another party used force is an accusation of it (112), the attack stays reported
    events = code(coder, "Russia said Ukraine attacked the plant.")
    by_code = {e.cameo: e for e in events}
    assert by_code["112"].source_actor == "RUS" and by_code["112"].target_actor == "UKR"
    assert by_code["190"].source_actor == "UKR" and by_code["190"].modality == "reported"


def test_coder_only_resolved_sources(coder):
    assert code(coder, "Gunmen attacked a village.") == []


def test_coder_event_record_shape(coder):
    (event,) = code(coder, "Modi visited Moscow on January 21.")
    record = event.to_json()
    assert record["cameo"] == "042" and record["root"] == "04" and record["quad"] == 1
    assert record["plover"] == "CONSULT" and record["plover_mode"] == "visit"
    assert record["date"] == "2025-01-21" and record["date_precision"] == "day"
    text = "Modi visited Moscow on January 21."
    assert text[record["span"][0]:record["span"][1]].startswith("Modi visited")


def test_coder_date_falls_back_to_publication(coder):
    (event,) = code(coder, "Modi visited Moscow.")
    assert event.date == PUBLISHED and event.date_precision == "doc"


def test_coder_event_ids_are_deterministic(coder):
    first = [e.event_id for e in code(coder, "Putin and Xi held a video call.")]
    second = [e.event_id for e in code(coder, "Putin and Xi held a video call.")]
    assert first == second and len(set(first)) == 2


class _StubClassifier:
    def __init__(self, label, prob):
        self.label, self.prob = label, prob

    def predict(self, texts):
        return [(self.label, self.prob) for _ in texts]


@pytest.mark.parametrize("prob,expected", [(0.30, set()), (0.95, {("RUS", "190", "UKR")})])
def test_coder_classifier_abstains_below_threshold(prob, expected):
    coder = EventCoder(Settings(event_classifier=True, classifier_threshold=0.55), resolver=FakeResolver())
    coder._classifier = _StubClassifier("19", prob)
    assert triples(code(coder, "Russia pummelled Ukraine.")) == expected


def test_a_classified_act_goes_to_each_listed_target():
    # rule classifier.root: "gas exports to Germany and France" is two acts, as a lexicon trigger's list is
    coder = EventCoder(Settings(event_classifier=True, classifier_threshold=0.55, event_model=False),
                       resolver=FakeResolver())
    coder._classifier = _StubClassifier("16", 0.95)
    assert triples(code(coder, "Russia throttled gas exports to Germany and France.")) == {
        ("RUS", "160", "DEU"), ("RUS", "160", "FRA")}


def test_coder_code_texts_keeps_order(coder):
    items = [("a", "Modi visited Moscow.", None), ("b", "Nothing happened.", None), ("c", "Russia attacked Ukraine.", None)]
    out = list(coder.code_texts(items))
    assert [i for i, _ in out] == ["a", "b", "c"] and out[1][1] == []


def test_code_records_yields_id_and_event_records(coder):
    out = list(code_records([{"id": "x", "text": "Modi visited Moscow.", "date": "2025-01-10"}], coder=coder))
    assert out[0]["id"] == "x" and out[0]["events"][0]["cameo"] == "042"
    assert out[0]["events"][0]["date"] == "2025-01-10"


@pytest.mark.parametrize("field", ["date", "published"])
def test_code_records_reads_the_date_from_date_or_published(coder, field):
    out = list(code_records([{"id": "x", "text": "Modi visited Moscow.", field: "2025-01-10T08:00:00Z"}], coder=coder))
    assert out[0]["events"][0]["date"] == "2025-01-10"
    bad = list(code_records([{"id": "y", "text": "Modi visited Moscow.", field: "10/01/2025"}], coder=coder))
    assert bad[0]["events"] == [] and bad[0]["error"].startswith(f"record 1 (id 'y'): {field} '10/01/2025'")


def test_coder_pickles_as_settings():
    settings = dataclasses.replace(Settings(), event_classifier=False)
    coder = EventCoder(settings, resolver=FakeResolver())
    assert pickle.loads(pickle.dumps(coder.settings)) == settings
    assert EventCoder.__reduce__(coder)[1] == (settings,)


@pytest.mark.parametrize("main_only,roots", [(True, {"19"}), (False, {"19", "16"})])
def test_coder_main_only_setting(main_only, roots):
    # a clause of its own joined by "and" stands beside the main act either way (clauses.second_clause);
    # an act named in a phrase of the main clause is dropped only with event_main_only
    settings = dataclasses.replace(Settings(), event_classifier=False, event_main_only=main_only)
    coder = EventCoder(settings, resolver=FakeResolver())
    events = code(coder, "Russia attacked Ukraine despite sanctions by France.")
    assert {e.root for e in events} == roots


class _RecordingModel:
    """Stands in for the act model: records whether the coder offered it the retype rule."""

    def __init__(self):
        self.retype = "not called"

    def rescore(self, events, *, n_sentences, retype=None, verbal=()):
        self.retype = retype
        return list(events)


@pytest.mark.parametrize("on", [True, False])
def test_coder_offers_model_retype_only_with_the_setting(on):
    coder = EventCoder(Settings(event_classifier=False, event_model_retype=on), resolver=FakeResolver())
    coder._act_model = model = _RecordingModel()
    assert code(coder, "Russia attacked Ukraine.")
    assert (model.retype is not None) is on and model.retype != "not called"
