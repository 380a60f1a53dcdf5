"""Rules of events/modality.py, one behaviour per test, on invented sentences (real model and resolver)."""

import pytest

pytestmark = pytest.mark.model


def dropped_by(trace):
    return {d["rule"] for d in trace.dropped}


def test_a_question_is_no_event(coded):
    events, trace = coded("Will Japan retaliate against China over the detained fishermen?")
    assert not [e for e in events if e.target]
    assert "modality.question" in dropped_by(trace)


@pytest.mark.parametrize("text", [
    "Q Did Norway sanction Belarus last year",
    "Q And why did Peru expel the Chilean ambassador",
])
def test_a_question_without_its_mark_is_no_event(coded, text):
    events, trace = coded(text)
    assert not [e for e in events if e.target]
    assert "modality.question" in dropped_by(trace)


@pytest.mark.parametrize("text", [
    "Peru did expel the Chilean ambassador on Monday.",
    "- Will expel the Chilean ambassador, the Peruvian foreign ministry said.",
])
def test_an_auxiliary_after_its_subject_or_without_one_is_no_question(coded, text):
    events, trace = coded(text)
    assert "modality.question" not in dropped_by(trace)


def test_a_topic_noun_is_no_act(coded):
    events, trace = coded("Lavrov and Wang touched on the war in Ukraine.")
    assert not [e for e in events if e.root in ("18", "19", "20")]
    assert "modality.topic_noun" in dropped_by(trace)


def test_an_assault_whose_attacker_is_named_is_an_act_though_its_effect_is_told(coded):
    events, trace = coded("A Turkish drone strike sparked a fire at an oil depot in Syria's north, officials said.")
    hit = [e for e in events if e.root == "19"]
    assert [(e.source, e.target) for e in hit] == [("TUR", "SYR")]  # where it struck, through the depot
    assert "roles.place_of_assault" in trace.fired[hit[0].event_id]
    # a reaction it stirs is the story, and a war is no one assault: both stay topics
    events, trace = coded("A Turkish drone strike on Syria sparks fears in Iraq.")
    assert not [e for e in events if e.root in ("18", "19", "20")]
    events, trace = coded("Russia's war sparked a refugee crisis in Europe.")
    assert not [e for e in events if e.root in ("18", "19", "20")]
    assert "modality.topic_noun" in dropped_by(trace)


def test_what_a_measure_damages_is_no_act(coded):
    events, _ = coded("The new levies damage normal trade cooperation between China and Canada.")
    assert not [e for e in events if e.root == "06"]


def test_an_idiom_is_no_act(coded):
    events, trace = coded("Lavrov called into question the American proposal.")
    assert not [e for e in events if e.root == "04"]
    assert "modality.idiom" in dropped_by(trace)


def test_leaving_a_summit_is_no_withdrawal(coded):
    events, trace = coded("Trump and Putin shook hands before leaving the summit in Alaska.")
    assert not [e for e in events if e.root == "16"]
    assert "modality.departure" in dropped_by(trace) or "modality.idiom" in dropped_by(trace)


def test_an_asserted_meeting_stays(coded):
    events, _ = coded("Macron met Modi in Paris on Tuesday.")
    assert {(e.source, e.target) for e in events if e.root == "04"} >= {("FRA", "IND")}


@pytest.mark.parametrize("text", [
    "Argentina beat France 4-2 on penalties in the World Cup final.",
    "India beat Pakistan by six wickets in the Asia Cup.",
    "China won the Olympic gold in table tennis, beating Japan in the final.",
])
def test_a_match_between_national_teams_is_no_act(coded, text):
    events, trace = coded(text)
    assert not [e for e in events if e.target]
    assert "modality.sport" in dropped_by(trace)


def test_a_leader_at_the_games_still_meets(coded):
    events, trace = coded("Putin met Xi in Beijing on the eve of the Winter Olympics.")
    assert {(e.source, e.target) for e in events if e.root == "04"} >= {("RUS", "CHN")}
    assert "modality.sport" not in dropped_by(trace)


def test_a_boycott_of_the_games_stays_an_act(coded):
    events, _ = coded("The United States announced a diplomatic boycott of the Beijing Olympics.")
    assert [e for e in events if e.source == "USA" and e.target == "CHN"]


def test_matching_a_levy_is_no_sport(coded):
    events, trace = coded("China raised tariffs to match the levies the United States imposed.")
    assert [e for e in events if e.source == "CHN" and e.target == "USA"]
    assert "modality.sport" not in dropped_by(trace)


def test_explain_shows_the_sport_rule(rule_coder):
    from multipolar.events.api import code_records

    text = "Chile beat Peru 3-1 in their opening match of the tournament."
    (record,) = code_records([{"id": "s", "text": text, "date": "2025-03-12"}], coder=rule_coder, explain=True)
    assert "modality.sport" in {d["rule"] for d in record["dropped"]}


@pytest.mark.parametrize("text", [
    "Lula plans to speak with Xi in the coming days.",
    "The Indonesian president is expected to visit Canberra next month.",
    "Ramaphosa is scheduled to meet Modi on the sidelines of the summit.",
    "Erdogan's planned visit to Athens was announced on Friday.",
])
def test_a_planned_meeting_is_no_act_yet(coded, text):
    events, trace = coded(text)
    planned = [e for e in events if e.root in ("03", "04") and e.target]
    assert planned and all(e.modality == "hypothetical" for e in planned)
    assert all("modality.plan" in trace.fired[e.event_id] for e in planned)


@pytest.mark.parametrize("text", ["President Ruto will meet virtually with Prime Minister Carney of Canada on Friday.",
                                  "On May 1, President Ruto will host President Milei for a bilateral meeting.",
                                  "President Ruto looks forward to welcoming President Milei to Nairobi on May 2."])
def test_a_meeting_dated_after_the_publication_is_a_schedule(coded, text):
    from datetime import date

    events, trace = coded(text, published=date(2025, 4, 23))  # a Wednesday
    planned = [e for e in events if e.root in ("03", "04") and e.target]
    assert planned and all(e.modality == "hypothetical" for e in planned)
    assert all("modality.scheduled" in trace.fired[e.event_id] for e in planned)


@pytest.mark.parametrize(("text", "root", "modality"), [
    ("Chilean foreign minister to visit Bolivia next month", "04", "hypothetical"),
    ("Peru to hold talks with Ecuador on border crossings", "04", "hypothetical"),
    ("Argentina to impose new tariffs on Brazilian steel", "16", "intended"),
])
def test_a_headline_infinitive_announces_an_act_to_come(coded, text, root, modality):
    events, trace = coded(text)
    announced = [e for e in events if e.root == root and e.target]
    assert announced and all(e.modality == modality for e in announced)
    assert all("modality.headline_future" in trace.fired[e.event_id] for e in announced)


def test_a_headline_in_the_present_is_no_announcement(coded):
    events, trace = coded("Chilean foreign minister visits Bolivia")
    assert not any("modality.headline_future" in names for names in trace.fired.values())


def test_a_meeting_someone_would_hold_stays_intended(coded):
    events, _ = coded("President Ruto would meet Prime Minister Carney.")
    assert [e for e in events if e.root == "04" and e.modality == "intended"]


def test_a_meeting_that_took_place_is_no_plan(coded):
    events, trace = coded("Lula spoke with Xi by phone on Tuesday.")
    met = [e for e in events if e.root == "04" and {e.source, e.target} == {"BRA", "CHN"}]
    assert met and all(e.modality == "asserted" for e in met)
    assert not any("modality.plan" in names for names in trace.fired.values())




def test_a_state_a_statement_talks_about_is_no_target(coded):
    events, trace = coded("Lula said Argentina is ready to fall.")
    statements = [e for e in events if e.root == "01" and e.source == "BRA"]
    assert statements and all(e.target is None for e in statements)
    assert any("modality.statement_topic" in trace.fired[e.event_id] for e in statements)


def test_a_statement_told_to_a_state_keeps_its_target(coded):
    events, trace = coded("Lula told Argentina that the border would stay open.")
    assert not any("modality.statement_topic" in names for names in trace.fired.values())


def test_posing_a_threat_is_no_threat(coded):
    events, trace = coded("The situation in Mali continues to pose an extraordinary threat to the security of Senegal.")
    assert not [e for e in events if e.root == "13"]
    assert "modality.topic_noun" in dropped_by(trace)


def test_a_tariff_naming_both_parties_stays_when_it_hurts_someone(coded):
    events, _ = coded("Canadian tariffs on Mexican steel hurt car makers.")
    assert [e for e in events if (e.source, e.plover, e.target) == ("CAN", "SANCTION", "MEX")]


def test_a_war_that_hurts_an_economy_is_no_attack(coded):
    events, trace = coded("The war has hurt Ukraine's economy.")
    assert not [e for e in events if e.root in ("18", "19", "20")]


def test_a_plan_to_act_on_another_state_is_no_promise(coded):
    events, trace = coded("Lula plans to buy Bolivian gas at a discount.")
    intents = [e for e in events if e.root == "03" and e.target == "BOL"]
    assert all(e.modality == "hypothetical" for e in intents)


@pytest.fixture(scope="module")
def guessing_coder():
    """A coder with the embedding classifier on: its guesses pass the same rules."""
    from multipolar.events.coder import EventCoder
    from multipolar.settings import Settings

    return EventCoder(Settings())


def test_a_scored_win_named_by_a_noun_is_a_match(guessing_coder):
    events = guessing_coder.code_text("New Zealand secured a 3-1 victory over Fiji.", doc_id="t")
    assert not [e for e in events if e.target]
    assert "modality.sport" in dropped_by(guessing_coder.trace)


def test_a_sentence_whose_act_a_rule_dropped_gets_no_classifier_guess(guessing_coder):
    events = guessing_coder.code_text("Macron and Scholz touched on the war in Ukraine during their lunch.", doc_id="t")
    assert not [e for e in events if e.target]
    assert "modality.topic_noun" in dropped_by(guessing_coder.trace)


def test_a_warning_of_harm_is_a_threat_to_the_one_told(coded):
    events, trace = coded("Macron told Merkel that sending troops to Mali would seriously harm relations between Paris and Berlin.")
    hit = [e for e in events if (e.source, e.target) == ("FRA", "DEU")]
    assert hit and all(e.plover == "THREATEN" and e.modality == "asserted" for e in hit)
    assert any("modality.warning" in trace.fired[e.event_id] for e in hit)


def test_a_warning_of_a_response_is_a_threat_to_the_state_named_in_the_act(coded):
    events, trace = coded("The Brazilian president warned that any attack on Brazilian ships by Argentina would draw a harsh response.")
    hit = [e for e in events if (e.source, e.target) == ("BRA", "ARG") and e.plover == "THREATEN"]
    assert hit and "modality.warning" in trace.fired[hit[0].event_id]


def test_a_harm_foreseen_without_an_act_warned_of_is_no_threat(coded):
    events, trace = coded("Lula told Argentina that the border would stay open.")
    assert not [e for e in events if e.plover == "THREATEN"]
    assert not any("modality.warning" in names for names in trace.fired.values())


def test_an_order_to_position_forces_is_a_show_of_force(coded):
    events, trace = coded("Macron said on Friday that he had ordered two frigates to be positioned near Libya in response to "
                          "what he called reckless remarks by Turkish President Erdogan.")
    hit = [e for e in events if (e.source, e.target) == ("FRA", "TUR")]
    assert hit and hit[0].plover == "MOBILIZE" and hit[0].root == "15"
    assert "modality.ordered_posture" in trace.fired[hit[0].event_id]


def test_an_order_of_no_forces_is_no_show_of_force(coded):
    events, _ = coded("Macron said on Friday that he had ordered the embassy staff to move to Libya in response to Turkish remarks.")
    assert not [e for e in events if e.root == "15"]


def test_a_warning_in_the_second_half_of_a_contrast_is_a_threat(coded):
    events, trace = coded("Lula told Milei that sending warships to the river would not change the situation "
                          "but would seriously damage relations between Brasilia and Buenos Aires.")
    hit = [e for e in events if (e.source, e.target) == ("BRA", "ARG")]
    assert hit and all(e.plover == "THREATEN" for e in hit)
    assert any("modality.warning" in trace.fired[e.event_id] for e in hit)


def test_harm_a_measure_does_to_its_own_maker_is_criticism_not_a_threat(coded):
    events, trace = coded("Chile's trade ministry has said that Peruvian tariffs will not solve Peru's own problems "
                          "and will harm its farmers.")
    assert not [e for e in events if e.source == "CHL" and e.plover == "THREATEN"]
    assert not any("modality.warning" in names for names in trace.fired.values())


def test_harm_to_relations_from_a_measure_already_taken_is_criticism(coded):
    events, trace = coded("Chile's trade ministry has said that Peruvian tariffs will harm normal cooperation between the two countries.")
    assert not [e for e in events if e.source == "CHL" and e.plover == "THREATEN"]
    assert not any("modality.warning" in names for names in trace.fired.values())


@pytest.mark.parametrize("text", [
    "The minister warned that such moves could lead to a military clash between India and Pakistan.",
    "The standoff risks a war between India and Pakistan.",
])
def test_a_feared_outcome_is_no_act(coded, text):
    events, trace = coded(text)
    assert not [e for e in events if {e.source, e.target} == {"IND", "PAK"}]
    assert "modality.possible_outcome" in dropped_by(trace)


def test_a_clash_that_followed_stays_an_act(coded):
    events, trace = coded("The raid led to a clash between Indian and Pakistani troops.")
    assert [e for e in events if {e.source, e.target} == {"IND", "PAK"} and e.root == "19"]
    assert "modality.possible_outcome" not in dropped_by(trace)


@pytest.mark.parametrize("text", [
    "The partnership between Chile and Peru is rooted in decades of trade.",
    "Chile is proud to have a strong partnership with Peru.",
    "Through partnerships like the Chile-Peru Partnership, both states expand vaccine output.",
    "The visit will highlight the strategic partnership between Chile and Peru.",
    "We maintain a close partnership between the government of Chile and Peru on migration.",
    "Chile is grateful for Peru's continued partnership at the United Nations.",
    "That is thanks to the partnership between Chile and Peru.",
])
def test_a_standing_relation_is_no_act(coded, text):
    events, trace = coded(text)
    assert not [e for e in events if {e.source, e.target} == {"CHL", "PER"} and e.plover == "SUPPORT"]
    assert [d for d in trace.dropped if d["rule"] == "modality.standing_relation"]


@pytest.mark.parametrize("text", [
    "Chile and Peru launched a strategic partnership.",
    "Chile and Peru upgraded their ties to a strategic partnership.",
    "Chile and Peru agreed on a new partnership for the mining sector.",
])
def test_launching_a_partnership_stays_an_act(coded, text):
    events, trace = coded(text)
    assert [e for e in events if e.source == "CHL" and e.target == "PER"]
    assert not [d for d in trace.dropped if d["rule"] == "modality.standing_relation"]


@pytest.mark.parametrize("text", [
    "The Kenyan foreign minister said that she is set to make a visit to Uganda next week.",
    "Chile's foreign minister looks forward to the next round of talks with Argentina.",
])
def test_a_planned_meeting_named_by_a_noun_is_no_act_yet(coded, text):
    events, trace = coded(text)
    planned = [e for e in events if e.root == "04" and e.target and e.source != e.target]
    assert planned and all(e.modality == "hypothetical" for e in planned)
    assert all("modality.plan" in trace.fired[e.event_id] for e in planned)


def test_a_visit_paid_is_no_plan(coded):
    events, trace = coded("The Kenyan foreign minister paid a visit to Uganda on Tuesday.")
    visits = [e for e in events if e.root == "04" and (e.source, e.target) == ("KEN", "UGA")]
    assert visits and all(e.modality == "asserted" for e in visits)


def test_a_military_operation_whose_phrase_names_its_doer_happened(coded):
    # modality.topic_noun keeps one owned assault: what the operation did is told
    events, _ = coded("The French military operation in Mali disrupted flights across the region.")
    assert ("FRA", "MLI") in {(e.source, e.target) for e in events if e.plover == "ASSAULT"}


def test_leaving_people_without_something_is_no_withdrawal(coded):
    events, _ = coded("The Russian attack on Ukraine's power grid left millions without heat.")
    assert not [e for e in events if e.root == "16"]
    assert ("RUS", "UKR") in {(e.source, e.target) for e in events if e.plover == "ASSAULT"}


def test_going_to_do_something_is_no_journey(coded):
    # lexicon "go" (042, travel to) not with an infinitive: "is going to welcome X to Y" is a future, not a visit
    events, _ = coded("President Lula is going to welcome Chancellor Merz to Brasilia.")
    assert not [e for e in events if e.cameo == "042"]
    events, _ = coded("President Lula went to Berlin to meet Chancellor Merz.")
    assert [e for e in events if e.cameo == "042" and (e.source, e.target) == ("BRA", "DEU")]


def test_talks_that_ended_were_held(coded):
    # modality.topic_noun: a meeting that "ended" took place
    events, _ = coded("The talks between Peruvian and Chilean foreign ministers ended without a deal.")
    assert {(e.source, e.target) for e in events if e.root == "04"} == {("PER", "CHL"), ("CHL", "PER")}


@pytest.mark.parametrize("text", [
    "The ministers welcomed new projects under the Kenya-Uganda Defense Cooperation Agreement.",
    "We will build on Egypt's peace treaty with Jordan.",
    "The exercise is consistent with the Treaty of Friendship Between Kenya and Uganda.",
])
def test_an_agreement_named_as_what_is_done_under_it_is_no_act_of_agreeing(coded, text):
    events, trace = coded(text)
    assert not [e for e in events if e.cameo == "057"]
    assert any(d["rule"] == "modality.standing_agreement" for d in trace.dropped)


def test_an_agreement_named_with_its_signing_stays_an_act(coded):
    events, _ = coded("Trade grew fast under the recently signed agreement between Kenya and Uganda.")
    assert ("KEN", "UGA") in {(e.source, e.target) for e in events if e.cameo == "057"}


@pytest.mark.parametrize("text", ["Nairobi has denied sending weapons to Uganda.",
                                  "Kenya denied any sale of weapons to Uganda's army."])
def test_a_denial_is_not_aimed_at_the_state_named_in_what_it_denies(coded, text):
    # modality.statement_topic: Kenya denies an act toward Uganda; it accuses Uganda of nothing
    events, trace = coded(text)
    assert not [e for e in events if (e.source, e.target) == ("KEN", "UGA") and not e.negated]


def test_a_threat_found_in_a_governments_own_statement_is_its_accusation(rule_coder):
    text = "The policies of the Government of Paraguay continue to pose an unusual and extraordinary threat to the " \
           "national security of Brazil."
    events = rule_coder.code_text(text, doc_id="t", published=None, issuer="BRA")
    accused = [e for e in events if (e.source, e.target) == ("BRA", "PRY") and e.cameo == "112"]
    assert accused and "modality.posed_threat" in rule_coder.trace.fired[accused[0].event_id]
    assert not [e for e in events if e.source == "PRY" and e.root == "13"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile's naval build-up constitutes a threat to Peru, the Peruvian foreign minister said.", {("PER", "CHL")}),
    ("Analysts say Chile poses a threat to Peru.", set()),
])
def test_a_threat_a_state_is_said_to_pose_is_the_speakers_accusation(coded, text, expected):
    events, _ = coded(text)
    assert {(e.source, e.target) for e in events if e.cameo == "112"} == expected
    assert not [e for e in events if e.source == "CHL" and e.root == "13" and e.modality == "asserted"]


@pytest.mark.parametrize("text", [
    "Officials briefed reporters ahead of the meeting between President Lula and President Boric of Chile.",
    "The Brazilian envoy previewed the meeting with Chilean officials.",
])
def test_a_meeting_previewed_or_named_as_what_something_happens_ahead_of_is_to_come(coded, text):
    # modality.plan
    events, trace = coded(text)
    met = [e for e in events if e.root == "04" and {e.source, e.target} == {"BRA", "CHL"}]
    assert met and all(e.modality == "hypothetical" for e in met)
    assert "modality.plan" in trace.fired[met[0].event_id]


def test_a_meeting_announced_with_will_is_a_plan_without_a_date_too(coded):
    events, trace = coded("President Boric will meet President Lula to discuss trade.")
    talks = [e for e in events if e.root == "04" and {e.source, e.target} == {"CHL", "BRA"}]
    assert talks and all(e.modality == "hypothetical" for e in talks)
    assert any("modality.future_meeting" in trace.fired[e.event_id] for e in talks)
    events, _ = coded("President Boric met President Lula to discuss trade.")
    assert [e for e in events if e.root == "04" and e.modality == "asserted"]


def test_a_hedged_act_is_no_event(coded):
    events, trace = coded("Chile appeared to launch strikes on Peru overnight.")
    assert not [e for e in events if e.source == "CHL" and e.target == "PER" and e.root == "19"]
    assert "modality.hedge" in dropped_by(trace)


def test_a_hedge_on_what_the_other_side_did_leaves_the_named_act(coded):
    # modality.hedge: the ministers "appear to survive" the strikes; the Chilean strikes themselves are told
    events, trace = coded("Peru's ministers appear to survive Chilean strikes on Lima.")
    assert [(e.source, e.target) for e in events if e.root == "19"] == [("CHL", "PER")]
    assert "modality.hedge" not in dropped_by(trace)
