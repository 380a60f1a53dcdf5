"""Rules of events/polarity.py, one behaviour per test, on invented sentences (real model and resolver)."""

from datetime import date

import pytest

pytestmark = pytest.mark.model


def test_a_deal_one_is_open_to_is_no_agreement(coded):
    events, trace = coded("Brazil remained open to a deal with Argentina on beef.")
    assert not [e for e in events if e.cameo == "057"]
    assert "polarity.unrealised" in {d["rule"] for d in trace.dropped}


def test_a_delivered_warning_is_a_threat_not_aid(coded):
    events, trace = coded("Hegseth delivered a stark warning to China.")
    assert {(e.source, e.root, e.target) for e in events} == {("USA", "13", "CHN")}
    assert any("polarity.light_verb" in names for names in trace.fired.values())


def test_a_signed_deal_stays_an_agreement(coded):
    events, _ = coded("Brazil signed a deal with Argentina on beef on Monday.")
    assert [e for e in events if e.cameo == "057" and {e.source, e.target} == {"BRA", "ARG"}]



def test_voting_with_a_state_is_no_act_toward_it(coded):
    events, trace = coded("Cuba voted with Venezuela against the resolution drafted by Chile.")
    assert not [e for e in events if {e.source, e.target} == {"CUB", "VEN"}]
    assert "polarity.alignment" in {d["rule"] for d in trace.dropped}


def test_siding_with_a_state_is_still_support(coded):
    events, trace = coded("Cuba sided with Venezuela in the dispute.")
    assert [e for e in events if (e.source, e.target) == ("CUB", "VEN")]
    assert "polarity.alignment" not in {d["rule"] for d in trace.dropped}


@pytest.mark.parametrize("text", ["Macron has given Algeria until early May to agree to end the dispute.",
                                  "Macron gave Algeria two weeks to respond."])
def test_a_span_of_time_given_to_act_is_an_ultimatum(coded, text):
    events, trace = coded(text)
    hit = [e for e in events if (e.source, e.target) == ("FRA", "DZA")]
    assert hit and all(e.cameo == "139" for e in hit)
    assert "polarity.deadline" in trace.fired[hit[0].event_id]


@pytest.mark.parametrize("text, pair", [
    ("The ministers reaffirmed their support for Georgia as it defends against Russian pressure.", ("GEO", "RUS")),
    ("Japan and Australia will cooperate against Chinese coercion.", ("JPN", "CHN")),
    ("New steps to strengthen Latvia's air defences will help protect their cities from Russian strikes.",
     ("LVA", "RUS")),
])
def test_the_opponent_of_a_cooperative_act_is_not_its_recipient(coded, text, pair):
    events, trace = coded(text)
    assert pair not in {(e.source, e.target) for e in events if e.quad in (1, 2)}
    assert any(d["rule"] == "polarity.opponent_target" for d in trace.dropped)


def test_the_one_defended_against_an_attack_stays_the_recipient(coded):
    events, trace = coded("France will defend Estonia against any attack by its neighbours.")
    assert ("FRA", "EST") in {(e.source, e.target) for e in events}
    assert not any(d["rule"] == "polarity.opponent_target" for d in trace.dropped)


def test_a_withdrawal_from_a_state_keeps_it_as_target(coded):
    events, trace = coded("Russia withdrew its troops from Georgia.")
    assert ("RUS", "GEO") in {(e.source, e.target) for e in events}
    assert not any(d["rule"] == "polarity.opponent_target" for d in trace.dropped)


def test_money_given_to_rebuild_stays_aid(coded):
    events, _ = coded("Canada gave Haiti ten million dollars to rebuild schools.")
    assert [e for e in events if (e.source, e.target, e.root) == ("CAN", "HTI", "07")]


@pytest.mark.parametrize("text, pair", [
    ("Canada's commitments to Estonia are unshakeable.", ("CAN", "EST")),  # 'defence commitments': lexicon
    ("The minister reiterated Japan's commitment to supporting Kenya.", ("JPN", "KEN")),
    ("The Dutch premier confirmed the Dutch commitment to deterring threats against Qatar.", ("NLD", "QAT")),
])
def test_a_commitment_to_a_partner_is_support_for_it(coded, text, pair):
    events, trace = coded(text)
    support = [e for e in events if (e.source, e.target) == pair]
    assert support and all(e.plover == "SUPPORT" and e.modality == "asserted" for e in support)
    assert all("polarity.commitment_support" in trace.fired[e.event_id] for e in support)


def test_a_commitment_to_work_with_a_partner_stays_an_intent(coded):
    events, trace = coded("Italy reaffirmed its commitment to work closely with Tunisia.")
    assert [e for e in events if (e.source, e.target) == ("ITA", "TUN") and e.plover == "AGREE"]
    assert not any("polarity.commitment_support" in names for names in trace.fired.values())


def test_asking_why_a_state_acted_is_criticism_not_an_appeal(coded):
    events, trace = coded("Peru asked Chile on Monday why it had closed the border.")
    asked = [e for e in events if (e.source, e.target) == ("PER", "CHL")]
    assert asked and all(e.cameo == "111" for e in asked)
    assert "polarity.why_question" in trace.fired[asked[0].event_id]
    events, _ = coded("Peru asked Chile on Monday to reopen the border.")
    assert [e for e in events if (e.source, e.target) == ("PER", "CHL") and e.root == "02"]


def test_calling_a_state_a_threat_is_a_criticism(coded):
    events, _ = coded("Poland called Belarus a threat.")
    pair = [e for e in events if e.source == "POL" and e.target == "BLR"]
    assert pair and all(e.cameo == "111" for e in pair)


@pytest.fixture(scope="module")
def classifier_coder(rule_coder):
    """The rule coder with the root classifier on: it reads "called X a Y" as a call, the case rule
    polarity.naming corrects."""
    from multipolar.events.coder import EventCoder
    from multipolar.settings import Settings

    return EventCoder(Settings(event_model_retype=False), resolver=rule_coder.resolver, nlp=rule_coder.pipeline)


def test_calling_a_state_a_partner_is_no_act(classifier_coder):
    events = classifier_coder.code_text("Poland called Belarus a partner.", doc_id="t", published=date(2025, 7, 14))
    assert not [e for e in events if e.source == "POL" and e.target == "BLR"]
    assert [d for d in classifier_coder.trace.dropped if d["rule"] == "polarity.naming"]


def test_calling_talks_useful_is_no_phone_call(coded):
    events, trace = coded("Putin met the Kenyan president in Moscow on Monday. Kremlin aide Yuri Ushakov called the "
                          "conversation useful and frank.")
    assert [e for e in events if e.trigger == "met"] and not [e for e in events if e.trigger == "called"]
    assert any(d["rule"] == "polarity.naming" and d["trigger"] == "called" for d in trace.dropped)


def test_a_phone_call_stays_a_phone_call(coded):
    events, _ = coded("Macron called Putin on Monday to discuss the war.")
    assert [e for e in events if e.source == "FRA" and e.target == "RUS" and e.cameo == "041"]


def test_troops_sent_to_fight_alongside_a_state_are_military_cooperation(coded):
    events, _ = coded("Belarus has sent troops to fight alongside Russian forces.")
    pair = [e for e in events if e.source == "BLR" and e.target == "RUS"]
    assert pair and all(e.cameo == "062" for e in pair)


def test_troops_sent_into_a_state_stay_a_show_of_force(coded):
    events, _ = coded("Russia sent troops into Georgia.")
    assert [e for e in events if e.source == "RUS" and e.target == "GEO" and e.root == "15"]


@pytest.mark.parametrize("text", ["Kenya welcomed the Ethiopian commitment to peace.",
                                  "Kenya welcomed Ethiopia's leadership in the run-up to the summit in Addis Ababa."])
def test_welcoming_a_state_s_commitment_is_approval_not_a_visit(coded, text):
    events, _ = coded(text)
    pair = [e for e in events if e.source == "KEN" and e.target == "ETH"]
    assert pair and all(e.cameo == "051" for e in pair)


def test_welcoming_a_guest_to_a_capital_stays_hosting(coded):
    events, _ = coded("Japan welcomed the Chinese delegation to Tokyo.")
    assert [e for e in events if e.source == "JPN" and e.target == "CHN" and e.cameo == "043"]


@pytest.mark.parametrize("text", ["The Chilean government recognizes the importance of its relationship with Peru.",
                                  "Norway will recognize Belgium's contributions to Baltic security.",
                                  "Norway recognizes that concerns about Russian gas are shared by Finland."])
def test_recognising_what_is_no_state_is_no_diplomatic_recognition(coded, text):
    events, trace = coded(text)
    assert not [e for e in events if e.cameo == "054" or e.root == "03"]
    assert any(d["rule"] == "polarity.recognition_object" for d in trace.dropped)


@pytest.mark.parametrize("text", ["Spain recognized Palestine as a state.", "Mexico recognized the new government in Kabul."])
def test_recognising_a_state_or_its_government_stays_recognition(coded, text):
    events, _ = coded(text)
    assert [e for e in events if e.cameo == "054"]


def test_a_commitment_underscored_in_a_phone_call_is_no_unrealised_call_for_one(coded):
    # polarity.unrealised: "call" leaves an act unrealised only as a call "for" it
    events, _ = coded("President Lula called President Boric today to underscore Brazil's commitment to "
                          "continue supporting Ukraine.")
    assert ("BRA", "UKR") in {(e.source, e.target) for e in events if e.root == "05"}
    events, _ = coded("Chile called for a commitment to support Haiti.")
    assert ("CHL", "HTI") not in {(e.source, e.target) for e in events if e.root == "05"}
