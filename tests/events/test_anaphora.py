"""Rules of events/anaphora.py, one behaviour per test, on invented sentences (real model and resolver)."""

import pytest

pytestmark = pytest.mark.model


def test_the_two_leaders_are_the_pair_last_named(coded):
    events, _ = coded("Putin met Modi in New Delhi. The two leaders signed a joint statement on energy.")
    signed = [e for e in events if e.cameo == "057"]
    assert signed and {signed[0].source, signed[0].target} == {"RUS", "IND"}


def test_both_sides_are_the_two_states_last_named(coded):
    events, _ = coded("Egyptian and Turkish diplomats met in Cairo. Both sides agreed to restore trade links.")
    agreed = [e for e in events if e.root == "03"]
    assert agreed and {agreed[0].source, agreed[0].target} == {"EGY", "TUR"}


def test_he_is_the_subject_of_the_sentence_before(coded):
    events, _ = coded("Trump met Erdogan at the White House. He praised Turkey for its role in the talks.")
    assert ("USA", "TUR") in {(e.source, e.target) for e in events if e.root == "05"}


def test_the_two_leaders_without_two_named_get_nothing(coded):
    events, _ = coded("The two leaders signed a joint statement on energy.")
    assert not [e for e in events if e.target]


def test_a_reaction_to_the_thing_just_done_is_aimed_at_its_doer(coded):
    events, trace = coded("Iran seized an oil tanker in the Gulf. The United States condemned the seizure.")
    condemned = [e for e in events if e.source == "USA" and e.root == "11"]
    assert condemned and condemned[0].target == "IRN"
    assert "anaphora.prior_agent" in trace.fired[condemned[0].event_id]


def test_the_doer_of_a_passive_is_its_agent(coded):
    events, _ = coded("A tanker was seized by Iran on Friday. Britain condemned the seizure.")
    assert ("GBR", "IRN") in {(e.source, e.target) for e in events if e.root == "11"}


def test_a_reaction_after_two_doers_gets_no_target(coded):
    events, _ = coded("Israel and Iran exchanged fire. Egypt condemned the escalation.")
    assert not [e for e in events if e.source == "EGY" and e.target]


def test_a_reaction_after_a_sentence_with_no_state_gets_no_target(coded):
    events, _ = coded("The summit ended without a deal. China rejected the plan.")
    assert not [e for e in events if e.source == "CHN" and e.target]


def test_it_is_the_state_body_heading_the_subject_before(coded):
    events, _ = coded("China's foreign ministry criticized the new tariffs. It urged Washington to cancel them.")
    assert ("CHN", "USA") in {(e.source, e.target) for e in events if e.root == "02"}


def test_it_after_a_subject_that_is_no_actor_is_no_one(coded):
    events, _ = coded("The war in Ukraine entered its fourth year. It has hurt Russia badly.")
    assert not [e for e in events if e.source == "UKR"]


def test_an_empty_it_is_no_one(coded):
    events, _ = coded("Russia praised the proposal. It is unclear whether Ukraine will accept.")
    assert not [e for e in events if e.source == "RUS" and e.sentence == 1]


def test_a_resolved_pronoun_is_named_in_the_trace(coded):
    events, trace = coded("China's foreign ministry criticized the new tariffs. It urged Washington to cancel them.")
    urged = [e for e in events if e.root == "02"]
    assert urged and "anaphora.pronoun_it" in trace.fired[urged[0].event_id]


def test_continuing_the_talks_is_with_the_partner_named_before(coded):
    events, trace = coded("Lavrov met Rubio in Riyadh. The Russian side said it was ready to continue the talks.")
    ready = [e for e in events if e.root == "03"]
    assert ready and (ready[0].source, ready[0].target) == ("RUS", "USA")
    assert "anaphora.prior_partner" in trace.fired[ready[0].event_id]


def test_two_other_states_before_give_no_partner(coded):
    events, _ = coded("Turkey hosted talks between Russia and Ukraine. Moscow said it would continue the talks.")
    assert not [e for e in events if e.source == "RUS" and e.target]


def test_an_exchange_with_no_definite_article_gets_no_partner(coded):
    events, trace = coded("Lavrov met Rubio in Riyadh. Moscow wants new talks.")
    assert not any("anaphora.prior_partner" in names for names in trace.fired.values())


def test_him_is_the_other_person_named_before(coded):
    events, trace = coded("Erdogan spoke with Putin by phone. The Turkish president urged him to agree to a ceasefire.")
    urged = [e for e in events if e.root == "02"]
    assert urged and (urged[0].source, urged[0].target) == ("TUR", "RUS")
    assert "anaphora.object_pronoun" in trace.fired[urged[0].event_id]


def test_him_after_two_other_people_is_no_one(coded):
    events, _ = coded("Macron called Trump on Monday. Starmer also criticized him.")
    assert not [e for e in events if e.source == "GBR" and e.target]


def test_an_act_of_the_two_leaders_at_a_third_state_is_done_by_both(coded):
    events, trace = coded("Putin met Modi in New Delhi. The two leaders criticized Japan.")
    criticized = [e for e in events if e.root == "11"]
    assert {(e.source, e.target) for e in criticized} == {("RUS", "JPN"), ("IND", "JPN")}
    assert any("anaphora.pair_both" in trace.fired[e.event_id] for e in criticized)


def test_praise_of_a_third_state_by_the_two_leaders_keeps_its_target(coded):
    events, _ = coded("Putin met Modi in New Delhi. Both leaders praised China.")
    praised = [e for e in events if e.root == "05"]
    assert praised and {e.target for e in praised} == {"CHN"}


def test_what_the_two_leaders_discussed_is_no_target(coded):
    events, _ = coded("Putin met Modi in New Delhi. The two leaders discussed Ukraine.")
    discussed = [e for e in events if e.root == "04" and e.sentence == 1]
    assert discussed and {frozenset((e.source, e.target)) for e in discussed} == {frozenset(("RUS", "IND"))}


def test_they_after_a_subject_naming_two_states_is_that_pair(coded):
    events, _ = coded("Egyptian and Turkish diplomats met in Cairo. They agreed to restore trade links.")
    agreed = [e for e in events if e.root == "03"]
    assert agreed and {agreed[0].source, agreed[0].target} == {"EGY", "TUR"}


def test_they_again_is_the_same_pair(coded):
    events, _ = coded("Egyptian and Turkish diplomats met in Cairo. They agreed to restore trade links. "
                      "They praised Qatar.")
    assert {(e.source, e.target) for e in events if e.root == "05"} == {("EGY", "QAT"), ("TUR", "QAT")}


def test_they_after_a_subject_naming_one_state_is_no_one(coded):
    events, _ = coded("Egypt hosted the talks in Cairo. They praised Qatar.")
    assert not [e for e in events if e.target == "QAT"]


@pytest.mark.parametrize("text", ["Erdogan said that he and Macron had agreed to hold talks.",
                                  "Erdogan said that Macron and he had agreed to hold talks."])
def test_he_in_a_reported_clause_is_the_speaker(coded, text):
    events, trace = coded(text)
    agreed = {(e.source, e.target): e for e in events if e.root == "03"}
    assert {("TUR", "FRA"), ("FRA", "TUR")} <= agreed.keys()
    assert "anaphora.speaker_pronoun" in trace.fired[agreed[("TUR", "FRA")].event_id]


def test_he_outside_a_reported_clause_is_not_the_speaker(coded):
    events, _ = coded("Erdogan met Macron, who said the meeting was useful. Later he visited Greece.")
    assert not [e for e in events if e.sentence == 1 and e.source == "FRA"]


def test_he_who_says_the_clause_before_him_is_its_subject(coded):
    events, trace = coded("Brazil's president Lula urged Peru to reopen the border crossing, he told President "
                          "Boric of Chile on Friday.")
    urged = [e for e in events if e.root == "10"]
    assert urged and urged[0].source == "BRA"  # not Peru, the nearest state before "he"
    assert "anaphora.trailing_speaker" in trace.fired[urged[0].event_id]


def test_they_in_a_clause_reported_by_two_states_is_that_pair(coded):
    events, trace = coded("Japanese and South Korean diplomats said they had settled the dispute after talks in Hanoi.")
    talks = [e for e in events if e.root == "04"]
    assert talks and {(e.source, e.target) for e in talks} <= {("JPN", "KOR"), ("KOR", "JPN")}  # Hanoi is the place
    assert "anaphora.speaker_pronoun" in trace.fired[talks[0].event_id]


def test_the_two_sides_are_the_pair_of_the_meeting_before_a_third_state(coded):
    events, trace = coded("Chile's president hosted the Argentine president in Santiago. Peru has watched the border "
                          "talks closely. The two sides signed a water-sharing accord.")
    signed = [e for e in events if e.cameo == "057"]
    assert signed and {signed[0].source, signed[0].target} == {"CHL", "ARG"}
    assert "anaphora.meeting_pair" in trace.fired[signed[0].event_id]


def test_the_two_presidents_are_the_pair_of_a_meeting_beyond_the_lookback(coded):
    events, _ = coded("Ghana's president received his Nigerian counterpart in Accra. Cocoa prices have risen. "
                      "Farmers expect a good harvest. Rain fell across the south. The two presidents agreed to "
                      "open a new border crossing.")
    agreed = [e for e in events if e.root == "03"]
    assert agreed and {agreed[0].source, agreed[0].target} == {"GHA", "NGA"}


def test_a_pair_phrase_without_a_meeting_before_is_the_two_states_last_named(coded):
    events, trace = coded("Poland and Lithuania share a border. The two countries signed a rail agreement.")
    signed = [e for e in events if e.cameo == "057"]
    assert signed and {signed[0].source, signed[0].target} == {"POL", "LTU"}
    assert "anaphora.meeting_pair" not in trace.fired[signed[0].event_id]


def test_a_country_beside_the_meeting_city_is_a_place_not_one_of_the_pair(coded):
    events, trace = coded("Kenya's president met Ghana's president in Addis Ababa, Ethiopia. After the meeting, "
                          "the two countries issued a joint statement.")
    joint = [e for e in events if e.sentence == 1 and e.target]
    assert joint and all({e.source, e.target} == {"KEN", "GHA"} for e in joint)
    assert "anaphora.meeting_pair" in trace.fired[joint[0].event_id]


@pytest.mark.parametrize("where", ["in the Ethiopian capital", "in the Ethiopian city of Bahir Dar", "in Ethiopia's capital"])
def test_a_country_inside_the_place_phrase_of_a_meeting_is_not_one_of_the_pair(coded, where):
    events, _ = coded(f"Kenyan and Ghanaian officials held talks {where} on Tuesday. After this meeting, "
                      "the two countries released a joint statement.")
    joint = [e for e in events if e.sentence == 1 and e.target]
    assert joint and all({e.source, e.target} == {"KEN", "GHA"} for e in joint)


def test_a_party_also_named_as_the_meeting_country_stays_in_the_pair(coded):
    events, _ = coded("Kenya's president met Ghana's president in Accra, Ghana. After the meeting, "
                      "the two countries issued a joint statement.")
    joint = [e for e in events if e.sentence == 1 and e.target]
    assert joint and all({e.source, e.target} == {"KEN", "GHA"} for e in joint)


def test_a_pair_phrase_as_object_is_aimed_at_both(coded):
    events, trace = coded("Peru and Ecuador clashed on their border on Sunday. Brazil urged both sides to stop the fighting.")
    urged = [e for e in events if e.source == "BRA" and e.root == "02"]
    assert {e.target for e in urged} == {"PER", "ECU"}
    assert any("anaphora.pair_object" in trace.fired[e.event_id] for e in urged)


def test_a_call_with_the_pair_is_no_act_between_the_pair(coded):
    events, _ = coded("Peru and Chile signed a fishing accord on Friday. Lula later spoke with the two countries' leaders.")
    later = [e for e in events if e.sentence == 1]
    assert {frozenset((e.source, e.target)) for e in later} == {frozenset(("BRA", "PER")), frozenset(("BRA", "CHL"))}


def test_a_pair_accusing_each_other_accuses_each_way(coded):
    events, trace = coded("Colombia and Venezuela exchanged accusations on Monday. Both sides accused each other of "
                          "breaking the border accord.")
    accused = {(e.source, e.target) for e in events if e.sentence == 1 and e.root == "11"}
    assert accused == {("COL", "VEN"), ("VEN", "COL")}


@pytest.mark.parametrize("between", [
    "",
    # the pair a recent subject stood for, with a sentence naming a third state between
    " The leaders held a long discussion on trade. Chancellor Scholz thanked Japan for its help in freeing two Germans "
    "held in Iran.",
])
def test_they_after_a_meeting_of_two_states_is_the_pair(coded, between):
    events, trace = coded(f"Chancellor Scholz met Prime Minister Kishida of Japan in Berlin.{between} They agreed to "
                          "deepen cooperation on energy.")
    agreed = [e for e in events if e.root == "03"]
    assert agreed and {agreed[0].source, agreed[0].target} == {"DEU", "JPN"}
    assert "anaphora.they_meeting" in trace.fired[agreed[0].event_id]


def test_they_after_an_intervening_plural_subject_is_not_the_pair(coded):
    events, _ = coded("Chancellor Scholz met President Lula in Berlin. Protesters gathered outside the building. "
                      "They demanded higher wages.")
    assert not [e for e in events if e.root == "10" and {e.source, e.target} == {"DEU", "BRA"}]


def test_they_after_a_meeting_of_three_states_is_no_one(coded):
    events, _ = coded("The President hosted the leaders of Japan, Australia and India. They agreed to deepen "
                      "cooperation on energy.")
    assert not [e for e in events if e.root == "03"]


def test_a_symmetric_act_of_a_pair_phrase_is_done_each_way(coded):
    events, trace = coded("Argentina and Chile met in Santiago. The two leaders signed a water treaty.")
    signed = [e for e in events if e.sentence == 1 and e.cameo == "057"]
    assert {(e.source, e.target) for e in signed} == {("ARG", "CHL"), ("CHL", "ARG")}
    assert any("anaphora.pair_mutual" in trace.fired[e.event_id] for e in signed)


def test_an_act_of_a_pair_phrase_that_is_not_symmetric_is_not_copied_back(coded):
    events, trace = coded("Argentina and Chile met in Santiago. The two leaders criticized Bolivia.")
    assert not any("anaphora.pair_mutual" in names for names in trace.fired.values())
    assert not {(e.source, e.target) for e in events if e.sentence == 1} & {("ARG", "CHL"), ("CHL", "ARG")}


def test_a_bare_both_after_two_states_is_the_pair(coded):
    events, trace = coded("Peru and Ecuador met in Lima. Both agreed to reopen the border.")
    agreed = [e for e in events if e.sentence == 1 and e.root == "03"]
    assert {(e.source, e.target) for e in agreed} == {("PER", "ECU"), ("ECU", "PER")}
    assert all("anaphora.pair_pronoun" in trace.fired[e.event_id] for e in agreed)


def test_a_bare_both_with_no_pair_before_is_no_one(coded):
    events, trace = coded("The summit in Lima ended on Friday. Both agreed to meet again.")
    assert not [e for e in events if e.sentence == 1]
    assert not any("anaphora.pair_pronoun" in names for names in trace.fired.values())


def test_held_by_names_no_meeting_for_the_leaders(coded):
    events, _ = coded("Prime Minister Carney spoke with President Ruto of Kenya on Monday. They discussed the sailors "
                      "held by Somalia's navy. The President thanked Carney for his help. The leaders agreed to talk again.")
    agreed = [e for e in events if e.root == "03"]
    assert agreed and {frozenset((e.source, e.target)) for e in agreed} == {frozenset(("CAN", "KEN"))}


def test_they_of_a_state_and_an_armed_group_acts_toward_a_state_as_the_state_only(coded):
    events, trace = coded("Hamas negotiators and Israeli officials held talks in Doha. They later criticized Qatar.")
    critics = {e.source_actor for e in events if e.target == "QAT" and e.root == "11"}
    assert critics == {"ISRGOV"}
    assert any("anaphora.state_pronoun" in names for names in trace.fired.values())


def test_they_of_a_pair_with_an_armed_group_makes_no_copy_for_the_group(coded):
    events, _ = coded("Israel and Hamas held talks in Doha. They later criticized Qatar.")
    assert {e.source_actor for e in events if e.target == "QAT" and e.root == "11"} == {"ISR"}


def test_what_a_pair_does_together_is_aimed_at_its_partner(coded):
    # anaphora.pair_partner: "together" makes the pair's second the partner, not the state named further on
    events, trace = coded("President Ruto met President Lula on Monday. The two leaders committed to working closely "
                          "together to counter the drug trade from Paraguay.")
    acts = [e for e in events if e.root == "03"]
    assert {(e.source, e.target) for e in acts} == {("KEN", "BRA"), ("BRA", "KEN")}
    assert all("anaphora.pair_partner" in trace.fired[e.event_id] for e in acts)


def test_a_possessive_stands_for_the_state_that_is_the_sentences_subject(coded):
    events, trace = coded("Ghana condemned the Togolese attacks on its border posts.")
    attacks = [e for e in events if (e.source, e.target) == ("TGO", "GHA")]
    assert attacks and "anaphora.possessive_subject" in trace.fired[attacks[0].event_id]


def test_a_possessive_with_two_states_as_subject_stands_for_neither(coded):
    events, _ = coded("Ghana and Benin condemned the Togolese attacks on their border posts.")
    assert not [e for e in events if e.source == "TGO"]


def test_a_possessive_in_the_reason_for_thanks_is_the_state_thanked(coded):
    events, trace = coded("The Chilean foreign minister thanked Peru for its emergency aid to Bolivia.")
    aid = [e for e in events if (e.source, e.target) == ("PER", "BOL")]
    assert aid and aid[0].root == "07" and "anaphora.judged_possessive" in trace.fired[aid[0].event_id]


def test_a_possessive_in_the_reason_for_thanks_stands_for_no_one_when_two_states_are_thanked(coded):
    events, _ = coded("The Chilean foreign minister thanked Peru and Ecuador for their emergency aid to Bolivia.")
    assert ("CHL", "PER") in {(e.source, e.target) for e in events}
    assert not [e for e in events if e.target == "BOL" and e.source in ("PER", "ECU")]


@pytest.mark.parametrize("text, pair", [
    # a third person named after the pair (in the topic of a briefing) is not one of "the two leaders"
    ("Chilean President Gabriel Boric and Peruvian President Dina Boluarte spoke by telephone on Monday. Boric told "
     "Boluarte about his conversation with Argentine President Javier Milei. Boluarte said Peru hoped Chile and "
     "Argentina would settle their dispute. The two leaders agreed to meet in Lima next month.", {"CHL", "PER"}),
    # the pair is the subject of the clause a trailing reporting verb governs
    ("Kenyan President William Ruto and Tanzanian President Samia Suluhu Hassan held a video conference on Friday, "
     "state radio reports. It came a day after Ruto's remarks on Ugandan President Yoweri Museveni. The two leaders "
     "discussed their plans for the border crossing.", {"KEN", "TZA"}),
])
def test_the_two_leaders_are_the_pair_a_recent_subject_names(coded, text, pair):
    events, trace = coded(text)
    last = [e for e in events if e.root in ("03", "04") and e.target and e.text.startswith("The two leaders")]
    assert last and all({e.source, e.target} == pair for e in last)
