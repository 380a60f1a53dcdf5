"""Selection of a sentence's acts in events/clauses.py, on invented sentences (real model and resolver)."""

import pytest

pytestmark = pytest.mark.model


def test_an_earlier_act_after_following_stands_beside_the_main_act(coded):
    events, trace = coded("The visit marked the third meeting between Macron and Modi in a year, following "
                          "Scholz's recent phone call with Modi.")
    pairs = {frozenset((e.source, e.target)) for e in events if e.root == "04"}
    assert frozenset(("FRA", "IND")) in pairs and frozenset(("DEU", "IND")) in pairs
    call = [e for e in events if e.source == "DEU" or e.target == "DEU"]
    assert "clauses.prior_act" in trace.fired[call[0].event_id]


def test_a_second_act_of_the_same_parties_is_not_kept_twice(coded):
    events, _ = coded("Macron met Modi in Paris, following Macron's phone call with Modi.")
    assert len({e.trigger for e in events if e.root == "04"}) == 1


def test_a_main_clause_act_alone_is_kept(coded):
    events, trace = coded("Macron met Modi in Paris on Monday.")
    met = [e for e in events if e.root == "04"]
    assert met and not any("clauses.prior_act" in trace.fired[e.event_id] for e in met)


def test_a_second_verb_of_the_same_subject_is_a_second_act(coded):
    events, trace = coded("Brazil signed a trade agreement with Argentina and condemned Venezuela on Friday.")
    targets = {e.target for e in events if e.source == "BRA"}
    assert {"ARG", "VEN"} <= targets
    condemned = [e for e in events if e.target == "VEN"]
    assert "clauses.coordinated_act" in trace.fired[condemned[0].event_id]


@pytest.mark.parametrize(("text", "act"), [
    ("Brazil signed a trade agreement with Argentina, and Chile condemned Venezuela.", ("CHL", "VEN")),
    ("President Lula met President Boric on Monday, and President Lula reiterated his support for Peru's "
     "right to defend itself.", ("BRA", "PER")),
])
def test_a_second_clause_with_its_own_subject_stands_beside_the_main_act(coded, text, act):
    events, trace = coded(text)
    second = [e for e in events if (e.source, e.target) == act]
    assert second and "clauses.second_clause" in trace.fired[second[0].event_id]
    assert len({(e.source, e.target) for e in events if e.target}) >= 2


def test_a_conjoined_verb_with_its_own_subject_is_not_taken_as_the_first_subjects_act(coded):
    events, trace = coded("Brazil signed a trade agreement with Argentina, and Chile condemned Venezuela.")
    assert not any(e.source == "BRA" and e.target == "VEN" for e in events)
    assert not any("clauses.coordinated_act" in trace.fired[e.event_id] for e in events)


def test_an_after_clause_with_its_own_subject_is_an_earlier_act(coded):
    events, trace = coded("Bolivia protested after Peruvian troops detained two Bolivian soldiers.")
    detained = [e for e in events if e.source == "PER" and e.target == "BOL" and e.root == "17"]
    assert detained and "clauses.prior_clause" in trace.fired[detained[0].event_id]


def test_an_after_clause_without_a_subject_is_no_earlier_act(coded):
    events, trace = coded("Bolivia protested to Peru after detaining two Peruvian soldiers.")
    assert not any("clauses.prior_clause" in names for names in trace.fired.values())


def test_the_issuers_act_without_a_target_frames_the_act_it_speaks_of(official):
    events, trace = official("We have talked about how we will mark one year of Russia's brutal war against Ukraine.")
    war = [e for e in events if (e.source, e.target) == ("RUS", "UKR")]
    assert war and "clauses.speaker_frame" in trace.fired[war[0].event_id]


def test_the_issuers_act_with_a_target_stays_the_main_act(official):
    events, _ = official("We condemn Russia's invasion of Ukraine.")
    assert {(e.source, e.target) for e in events if e.target} == {("USA", "RUS")}


def test_a_targetless_act_of_a_named_state_frames_nothing(coded):
    # only the issuer.* rules' mentions frame: a news text keeps the main act alone, as before
    events, trace = coded("The United States has talked about how it will mark one year of Russia's brutal war "
                          "against Ukraine.")
    assert not any("clauses.speaker_frame" in trace.fired.get(e.event_id, []) for e in events)


def test_the_issuers_frame_keeps_its_own_deeper_acts_left_out(official):
    events, trace = official("Make no mistake: if Brazil threatens our sovereignty, we will act and protect our country.")
    assert not any("clauses.speaker_frame" in trace.fired.get(e.event_id, []) for e in events)


def test_a_noun_act_naming_its_doer_and_its_object_stands_beside_the_main_act(coded):
    events, trace = coded("Russia's missile attack on Odesa overnight killed four people.")
    attack = [e for e in events if (e.source, e.target) == ("RUS", "UKR") and e.root in ("18", "19")]
    assert attack and "clauses.named_act" in trace.fired[attack[0].event_id]


@pytest.mark.parametrize(("text", "pair"), [
    ("Biden expressed his appreciation for Ghana's steadfast support for Togo.", ("GHA", "TGO")),
    ("France praised Japan's aid to Moldova.", ("JPN", "MDA")),
])
def test_a_noun_act_given_to_a_state_stands_beside_the_main_act(coded, text, pair):
    events, trace = coded(text)
    hit = [e for e in events if (e.source, e.target) == pair]
    assert hit and "clauses.named_act" in trace.fired[hit[0].event_id]


def test_a_noun_act_named_as_a_topic_is_no_act(coded):
    events, _ = coded("The ministers discussed India's ban on rice exports to Bangladesh.")
    assert not [e for e in events if (e.source, e.target) == ("IND", "BGD")]


def test_an_invasion_of_a_state_named_in_passing_is_no_named_act(coded):
    _, trace = coded("Germany's energy policy changed after 2022, and Russia's invasion of Ukraine shaped it.")
    assert not any("clauses.named_act" in rules for rules in trace.fired.values())


def test_an_infinitive_of_purpose_is_an_aim_not_an_act(coded):
    events, trace = coded("Ministers from Serbia and Kosovo gathered in Brussels to sign a trade accord.")
    signed = [e for e in events if e.cameo == "057"]
    assert signed and all(e.modality == "hypothetical" for e in signed)
    assert all("clauses.purpose_act" in trace.fired[e.event_id] for e in signed)


def test_the_meeting_an_infinitive_of_purpose_hangs_on_stays_asserted(coded):
    events, _ = coded("Erdogan met Aliyev in Ankara to sign a gas deal.")
    met = [e for e in events if e.root == "04"]
    assert met and all(e.modality == "asserted" for e in met)
    assert not [e for e in events if e.cameo == "057" and e.modality != "hypothetical"]


@pytest.mark.parametrize(("text", "act"), [
    ("President Lula spoke with Prime Minister Carney of Canada to express appreciation to Canada.", ("BRA", "CAN")),
    ("President Macron traveled to Poland to thank Poland for its help.", ("FRA", "POL")),
    ("President Ruto met President Milei of Argentina to discuss trade and to praise Argentina.", ("KEN", "ARG")),
])
def test_what_a_call_or_visit_was_held_to_say_is_said_in_it(coded, text, act):
    events, trace = coded(text)
    said = [e for e in events if (e.source, e.target) == act and e.cameo == "051"]
    assert said and all(e.modality == "asserted" for e in said)
    assert "clauses.spoken_purpose" in trace.fired[said[0].event_id]


@pytest.mark.parametrize("text", ["Chile will continue to do all it can to support Peru.",
                                  "Chile did its utmost to help Peru after the floods."])
def test_what_a_state_does_all_it_can_to_achieve_is_the_act_itself(coded, text):
    events, trace = coded(text)
    acts = [e for e in events if (e.source, e.target) == ("CHL", "PER") and e.root in ("05", "07")]
    assert acts and all(e.modality != "hypothetical" for e in acts)
    assert not any("clauses.purpose_act" in trace.fired[e.event_id] for e in acts)


def test_an_agreement_to_act_is_no_purpose(coded):
    events, trace = coded("Serbia and Kosovo agreed to sign a trade accord.")
    assert events and not any("clauses.purpose_act" in trace.fired.get(e.event_id, []) for e in events)


def test_a_noun_act_another_trigger_absorbed_is_coded_with_its_own_parties(coded):
    events, trace = coded("Turkey's airstrikes on Syrian border towns killed ten people.")
    strikes = [e for e in events if (e.source, e.target) == ("TUR", "SYR") and e.root in ("18", "19")]
    assert strikes and "clauses.named_act" in trace.fired[strikes[0].event_id]


def test_a_noun_act_under_a_denial_is_not_taken_out_of_it(coded):
    events, _ = coded("Egypt denied Sudan's claims about Egyptian strikes on Sudanese camps.")
    assert not [e for e in events if (e.source, e.target) == ("EGY", "SDN") and e.root in ("18", "19")
                and not e.negated]


def test_a_threat_reported_by_a_warning_is_aimed_at_the_state_warned(coded):
    events, trace = coded("Paraguay warned Bolivia it would retaliate.")
    hit = [e for e in events if e.root == "13" and e.source == "PRY"]
    assert hit and hit[0].target == "BOL"
    assert "clauses.warned_addressee" in trace.fired[hit[0].event_id]


def test_a_warning_with_no_state_warned_gives_no_target(coded):
    events, _ = coded("Paraguay warned it would retaliate.")
    assert not [e for e in events if e.root == "13" and e.target is not None]


@pytest.mark.parametrize("text", [
    "Chile condemned the Peruvian strike in Bolivia.",
    "Flights were cancelled after the Peruvian raid in Bolivia.",
])
def test_force_named_with_where_it_was_used_is_an_act_at_that_state(coded, text):
    # clauses.named_act with the place of the force (roles.place_of_assault aims it there)
    events, _ = coded(text)
    assert ("PER", "BOL") in {(e.source, e.target) for e in events if e.plover == "ASSAULT"}


def test_feared_force_named_by_a_noun_is_no_act(coded):
    events, _ = coded("Analysts in Chile fear a Peruvian strike in Bolivia.")
    assert not [e for e in events if e.plover == "ASSAULT"]


def test_a_noun_act_a_call_was_held_to_restate_is_said_in_it(coded):
    # clauses.spoken_purpose on the object of the verb of saying; actors.sector_sense: "Brazil's firm opposition
    # to" is neither a Brazilian company nor Brazil's political opposition
    events, trace = coded("President Lula spoke with President Boric of Chile to reiterate Brazil's firm opposition "
                          "to Argentina's new tariffs.")
    said = [e for e in events if (e.source_actor, e.target) == ("BRA", "ARG") and e.root == "11"]
    assert said and all(e.modality == "asserted" for e in said)
    assert "clauses.spoken_purpose" in trace.fired[said[0].event_id]


@pytest.mark.parametrize(("text", "pair"), [
    ("President Lula spoke today with President Santiago Peña of Paraguay to congratulate him on the vote.",
     ("BRA", "PRY")),
    ("President Lula met President Ruto of Kenya to reaffirm his support.", ("BRA", "KEN")),
    # the parser reads "with Peña to express" as a clause whose subject is the one called
    ("President Lula spoke today with President Santiago Peña of Paraguay to express Brazilian support "
     "following the floods.", ("BRA", "PRY")),
])
def test_what_a_call_was_held_to_say_is_said_by_the_caller_to_the_one_called(coded, text, pair):
    events, trace = coded(text)
    said = [e for e in events if e.root == "05" and (e.source, e.target) == pair]
    assert said and said[0].modality == "asserted"
    assert "clauses.purpose_parties" in trace.fired[said[0].event_id]


@pytest.mark.parametrize(("text", "pair"), [
    ("President Lula spoke with President Santiago Peña of Paraguay and reaffirmed his support.", ("BRA", "PRY")),
    ("President Lula spoke with President William Ruto of Kenya and thanked him for his leadership.", ("BRA", "KEN")),
])
def test_what_a_caller_says_in_a_verb_joined_to_the_call_is_said_to_the_one_called(coded, text, pair):
    # rule clauses.call_conjunct (via clauses.spoken_purpose and clauses.purpose_parties)
    events, trace = coded(text)
    said = [e for e in events if e.root == "05" and (e.source, e.target) == pair]
    assert said and said[0].modality == "asserted"
    assert "clauses.purpose_parties" in trace.fired[said[0].event_id]


def test_a_joined_clause_with_a_subject_of_its_own_is_no_call_conjunct(coded):
    events, _ = coded("President Lula met President Ruto of Kenya, and the Chilean president thanked him.")
    assert ("BRA", "KEN") not in {(e.source, e.target) for e in events if e.root == "05"}


def test_conveyed_appreciation_is_praise(coded):
    events, _ = coded("The Ghanaian president conveyed his appreciation to Togo for the relief convoys.")
    assert ("GHA", "TGO") in {(e.source, e.target) for e in events if e.root == "05"}


def test_stated_opposition_and_concern_over_an_act_are_disapproval(coded):
    events, _ = coded("Chile voiced concern over Bolivia's decision to close the border.")
    assert ("CHL", "BOL") in {(e.source, e.target) for e in events if e.root == "11"}
    events, _ = coded("Portugal expressed its opposition to the Moroccan fishing quotas.")
    assert ("PRT", "MAR") in {(e.source, e.target) for e in events if e.root == "11"}


@pytest.mark.parametrize(("text", "pair"), [
    ("In a phone call with Kenyan President William Ruto on Monday, Lula discussed the situation in Sudan.",
     ("BRA", "KEN")),
    ("During a meeting with Chilean President Boric, the Argentine president thanked Chile for its help.",
     ("ARG", "CHL")),
    ("During her visit to Nairobi, the Danish prime minister urged Kenya to lower its tariffs.", ("DNK", "KEN")),
])
def test_the_call_or_meeting_a_main_act_happened_in_is_coded_too(coded, text, pair):
    events, trace = coded(text)
    met = [e for e in events if e.root == "04" and (e.source, e.target) == pair]
    assert met and "clauses.occasion_act" in trace.fired[met[0].event_id]


def test_an_occasion_that_names_no_partner_of_its_own_is_no_meeting(coded):
    events, _ = coded("At the summit in Lima, the Chilean president thanked Peru for its support.")
    assert not [e for e in events if e.root == "04" and (e.source, e.target) == ("CHL", "PER")]


def test_force_a_state_could_face_is_no_accusation_of_it(coded):
    events, _ = coded("Erdogan said Greece could face military action if it did not stop the drilling.")
    assert not [e for e in events if e.root == "11"]


def test_outrage_voiced_in_a_call_is_not_aimed_at_the_one_called(coded):
    events, _ = coded("President Lula called Prime Minister Boric of Chile today to express his outrage and deep "
                      "condolences on the shooting of a former minister.")
    assert not [e for e in events if (e.source, e.target) == ("BRA", "CHL") and e.quad in (3, 4)]


def test_a_statement_that_denies_an_attack_accuses_no_one(coded):
    events, _ = coded("Chile said it does not believe that Peru attacked the border post.")
    assert not [e for e in events if e.cameo == "112"]
    events, _ = coded("Chile said Peru attacked the border post.")
    assert [e for e in events if (e.source, e.target, e.cameo) == ("CHL", "PER", "112")]


def test_a_statement_that_another_state_seized_something_accuses_it(coded):
    events, trace = coded("Chile said Peru seized three Chilean fishing boats.")
    accusation = [e for e in events if (e.source, e.target, e.cameo) == ("CHL", "PER", "112")]
    assert accusation and "clauses.as_allegation" in trace.fired[accusation[0].event_id]  # --explain names it
    events, _ = coded("Chile said it seized three Peruvian fishing boats.")
    assert not [e for e in events if e.cameo == "112"]


def test_a_pledge_to_act_toward_a_state_stands_beside_the_main_act(coded):
    # clauses.named_act reads a pledge noun's infinitive as the party it is done to (polarity.commitment_support
    # then makes it support)
    events, trace = coded("President Lula thanked President Boric for Chile's commitment to support the people of Haiti.")
    pledged = [e for e in events if (e.source, e.target) == ("CHL", "HTI") and e.root == "05"]
    assert pledged and "clauses.named_act" in trace.fired[pledged[0].event_id]
    assert ("BRA", "CHL") in {(e.source, e.target) for e in events}
