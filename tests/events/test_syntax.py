"""Rules of events/syntax.py, one behaviour per test, on invented sentences (real model and resolver)."""

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "The US-China talks were held in Geneva.",
    "The Trump-Putin call lasted two hours.",
])
def test_two_names_joined_by_a_hyphen_are_the_parties_of_a_mutual_act(coded, text):
    events, trace = coded(text)
    pairs = {(e.source, e.target) for e in events if e.root == "04"}
    assert len(pairs) == 2 and {(b, a) for a, b in pairs} == pairs and None not in {t for _, t in pairs}
    assert all("syntax.hyphen_pair" in trace.fired[e.event_id] for e in events if e.root == "04")


def test_a_hyphen_pair_hosted_by_a_third_state_is_not_read(coded):
    events, trace = coded("Switzerland hosted the Iran-Oman talks.")
    assert not any("syntax.hyphen_pair" in names for names in trace.fired.values())
    assert ("IRN", "OMN") not in {(e.source, e.target) for e in events}


def test_a_hyphen_pair_of_an_act_that_is_not_mutual_is_not_read(coded):
    events, trace = coded("France imposed new tariffs on US-made cars.")
    assert not any("syntax.hyphen_pair" in names for names in trace.fired.values())
    assert {(e.source, e.target) for e in events if e.root == "16"} <= {("FRA", "USA")}


@pytest.mark.parametrize("text", [
    "Officials from Chile and Peru held talks on Monday.",
    "Officials from Chile and Peru held talks in Santiago.",
])
def test_a_listed_subject_of_a_mutual_act_is_each_party(coded, text):
    events, trace = coded(text)
    pairs = {(e.source, e.target) for e in events if e.root == "04"}
    assert pairs == {("CHL", "PER"), ("PER", "CHL")}
    assert all("syntax.subject_list" in trace.fired[e.event_id] for e in events if e.root == "04")


def test_a_listed_subject_without_target_of_a_one_sided_act_keeps_its_first_state(coded):
    events, trace = coded("Officials from Chile and Peru warned of a drought on Monday.")
    assert "PER" not in {e.source for e in events}
    assert not any("syntax.subject_list" in names for names in trace.fired.values())


@pytest.mark.parametrize("text", [
    "Brazil, Chile and Peru held talks in Lima on Friday.",
    "Egypt, Jordan and Qatar held talks in Amman.",
])
def test_a_place_of_one_party_of_a_mutual_act_is_no_partner(coded, text):
    events, trace = coded(text)
    pairs = {(e.source, e.target) for e in events if e.root == "04"}
    states = {s for s, _ in pairs}
    assert len(states) == 3 and pairs == {(a, b) for a in states for b in states if a != b}
    assert any("syntax.subject_place" in trace.fired[e.event_id] for e in events if e.root == "04")


def test_whom_a_person_stands_for_outranks_where_they_are(coded):
    # syntax.actor_of: "Prime Minister Berg of Norway at the White House" is Norway's, met at a US place
    events, _ = coded("President Biden met today with Prime Minister Anna Berg of Norway at the White House.")
    assert ("USA", "NOR") in {(e.source, e.target) for e in events if e.root == "04"}


def test_a_headline_comma_pair_are_both_subjects(coded):
    # syntax.subjects: "Brazil, Chile condemn ..." is a headline's "Brazil and Chile condemn ..."
    events, _ = coded("Brazil, Chile condemn Argentine military action in Uruguay")
    assert {("BRA", "ARG"), ("CHL", "ARG")} <= {(e.source, e.target) for e in events if e.root == "11"}


def test_a_state_before_a_comma_and_a_clause_is_no_subject(coded):
    events, _ = coded("In Brazil, Chile condemned the Argentine military action.")
    pairs = {(e.source, e.target) for e in events if e.root == "11"}
    assert ("CHL", "ARG") in pairs and ("BRA", "ARG") not in pairs


@pytest.mark.parametrize("text", [
    "The Dutch prime minister met with President Stubb of Finland, Prime Minister Tusk of Poland, and Prime Minister "
    "Frederiksen of Denmark on the margins of the summit.",
    # the second member parsed as an apposition of the first, the last as a conjunct of the verb
    "The Dutch prime minister held calls with President Stubb of Finland, Prime Minister Tusk of Poland, and Prime "
    "Minister Frederiksen of Denmark.",
])
def test_list_members_the_parser_hung_elsewhere_are_partners_too(coded, text):
    events, trace = coded(text)
    met = [e for e in events if e.root == "04" and e.source == "NLD"]
    assert {e.target for e in met} == {"FIN", "POL", "DNK"}
    assert all("syntax.list_tail" in trace.fired[e.event_id] for e in met)


def test_a_call_with_a_list_is_each_way_for_its_tail_too(coded):
    events, _ = coded("The Dutch prime minister held calls with President Stubb of Finland, Prime Minister Tusk of Poland, "
                      "and Prime Minister Frederiksen of Denmark.")
    # pairs.mutual_with: each partner of a call calls back, the last one the parser hung from the verb as well
    assert {e.source for e in events if e.target == "NLD" and e.cameo == "041"} == {"FIN", "POL", "DNK"}


def test_a_verb_conjoined_after_the_triggers_own_complement_keeps_its_party(coded):
    # rule syntax.own_conjunct: "urged Egypt" is no target of "agreed to buy more wheat"
    events, _ = coded("Kenya agreed to buy more wheat and urged Egypt to reopen its border crossing.")
    assert not [e for e in events if e.root == "03" and e.target == "EGY"]
    assert ("KEN", "EGY") in {(e.source, e.target) for e in events if e.root == "02"}


def test_a_verb_with_no_complement_shares_the_conjuncts_object(coded):
    # syntax.own_conjunct leaves a first verb with no complement of its own the object of a verb of addressing
    events, _ = coded("Kenya condemned and warned Uganda.")
    assert ("KEN", "UGA") in {(e.source, e.target) for e in events if e.cameo == "111"}


def test_where_the_object_is_held_is_no_party_when_a_phrase_names_one(coded):
    # rule syntax.object_venue: the Kremlin (Russia's own) is where the meeting is, the "with" phrase names the partner
    events, _ = coded("Lavrov convened a meeting at the Kremlin today with Foreign Minister Wang Yi.")
    assert ("RUS", "CHN") in {(e.source, e.target) for e in events if e.root == "04"}


def test_the_object_venue_stands_when_no_phrase_names_a_party(coded):
    events, _ = coded("Lavrov held a meeting at the Chinese embassy in Moscow.")
    assert ("RUS", "CHN") in {(e.source, e.target) for e in events if e.root == "04"}


def test_a_body_the_object_belongs_to_is_no_partner_of_listed_subjects(coded):
    events, trace = coded("Brazil, India and South Africa held a meeting of the BRICS sherpas on Monday.")
    pairs = {(e.source, e.target) for e in events if e.root == "04"}
    assert {("BRA", "IND"), ("IND", "ZAF")} <= {tuple(sorted(p)) for p in pairs}
    assert all("syntax.club_object" in trace.fired[e.event_id] for e in events if e.root == "04")


@pytest.mark.parametrize(("text", "targets"), [
    ("Belarus shipped weapons to Serbia and to Hungary.", {"SRB", "HUN"}),
    ("The new Canadian sanctions on Iran and on Belarus took effect on Monday.", {"IRN", "BLR"}),
])
def test_a_preposition_repeated_after_and_names_one_more_target(coded, text, targets):
    events, _ = coded(text)
    assert targets <= {e.target for e in events}


@pytest.mark.parametrize(("text", "negated"), [
    ("There has been very little dialogue between Chile and Bolivia this year.", True),
    ("There have been few talks between Chile and Bolivia since March.", True),
    ("Chile held a few talks with Bolivia in March.", False),
])
def test_an_act_said_to_be_scant_is_negated(coded, text, negated):
    events, _ = coded(text)
    talks = [e for e in events if e.root == "04" and {e.source, e.target} == {"CHL", "BOL"}]
    assert talks and all(e.negated is negated for e in talks)


def test_a_common_noun_is_named_by_its_apposition(coded):
    events, trace = coded("American marshals seized her predecessor Nicolas Maduro for a trial in New York.")
    seized = [e for e in events if e.root == "17" and (e.source, e.target) == ("USA", "VEN")]
    assert seized and "syntax.naming_apposition" in trace.fired[seized[0].event_id]


def test_a_passive_participle_befalls_the_noun_it_modifies(coded):
    events, trace = coded("Ecuadorian president captured by US forces, what happens next")
    captured = [e for e in events if e.root == "17"]
    assert [(e.source, e.target) for e in captured] == [("USA", "ECU")]
    assert "syntax.participle_patient" in trace.fired[captured[0].event_id]


def test_a_fronted_topic_is_not_the_target(coded):
    events, trace = coded("On Ukraine, Chile criticized the strikes.")
    criticized = [e for e in events if e.root == "11"]
    assert criticized and all(e.target != "UKR" for e in criticized)
    assert "syntax.fronted_topic" in trace.fired[criticized[0].event_id]
    events, _ = coded("Against Peru, Chile launched a missile strike on Tuesday.")
    assert ("CHL", "PER") in {(e.source, e.target) for e in events if e.root == "19"}


def test_a_gift_said_once_reaches_every_recipient_named_after_its_amount(coded):
    events, trace = coded("Japan has provided $12 million to Laos, $9 million to Cambodia and $4 million to Myanmar "
                          "to rebuild rural roads.")
    gifts = {e.target: trace.fired[e.event_id] for e in events if e.source == "JPN" and e.root == "07"}
    assert set(gifts) == {"LAO", "KHM", "MMR"}
    assert "syntax.gapped_recipients" in gifts["MMR"] and "syntax.gapped_recipients" not in gifts["LAO"]


def _parsed(words, heads, deps, pos):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_country_after_a_place_and_a_comma_is_no_conjunct_party():
    # "met Zelenskyy in Munich, Germany", parsed with Germany as one more conjunct of the person met
    from multipolar.events.syntax import conj_heads, place_country

    doc = _parsed(["met", "with", "Zelenskyy", "in", "Munich", ",", "Germany"], [0, 0, 1, 2, 3, 2, 2],
                  ["ROOT", "prep", "pobj", "prep", "pobj", "punct", "conj"],
                  ["VERB", "ADP", "PROPN", "ADP", "PROPN", "PUNCT", "PROPN"])
    assert place_country(doc[6])
    assert [t.text for t in conj_heads(doc[2])] == ["Zelenskyy"]
    # a list of people met is still a list: "met with Xi, Modi"
    doc = _parsed(["met", "with", "Xi", ",", "Modi"], [0, 0, 1, 2, 2], ["ROOT", "prep", "pobj", "punct", "conj"],
                  ["VERB", "ADP", "PROPN", "PUNCT", "PROPN"])
    assert not place_country(doc[4])
    assert [t.text for t in conj_heads(doc[2])] == ["Xi", "Modi"]
    # and so is a list of states in a "from" phrase: "envoys from Chile, Peru, Bolivia"
    doc = _parsed(["envoys", "from", "Chile", ",", "Peru", ",", "Bolivia"], [0, 0, 1, 2, 2, 4, 4],
                  ["ROOT", "prep", "pobj", "punct", "conj", "punct", "conj"],
                  ["NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN"])
    assert not place_country(doc[4]) and not place_country(doc[6])
