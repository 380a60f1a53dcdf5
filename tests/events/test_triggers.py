"""Steps of events/triggers.py, one behaviour per test, on invented sentences (real model and resolver)."""

import pytest

pytestmark = pytest.mark.model


def test_reaffirming_support_is_support(coded):
    events, trace = coded("Austria reaffirmed its commitment to Moldova's sovereignty.")
    hit = [e for e in events if (e.source, e.target) == ("AUT", "MDA")]
    assert hit and hit[0].cameo == "051"
    assert "triggers.restated_object" in trace.fired[hit[0].event_id]


def test_reaffirming_a_pledge_stays_a_pledge(coded):
    events, _ = coded("Austria reaffirmed its commitment to the partnership with Moldova.")
    hit = [e for e in events if (e.source, e.target) == ("AUT", "MDA")]
    assert hit and hit[0].root == "03"


def test_telling_a_state_to_act_is_a_demand(coded):
    events, _ = coded("Hungary told Slovakia to reopen the bridge.")
    hit = [e for e in events if (e.source, e.target) == ("HUN", "SVK")]
    assert hit and hit[0].root == "10"


def test_telling_a_state_a_fact_is_no_demand(coded):
    events, _ = coded("Hungary told Slovakia that the bridge was safe.")
    assert not [e for e in events if e.root == "10"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Canada launched a new sanctions regime targeting the Burmese military.", ("CAN", "163", "MMR")),
    ("Australia widened its sanctions programme on Myanmar's generals.", ("AUS", "163", "MMR")),
    ("The minister said Canada would hold Belarus to account.", ("CAN", "1121", "BLR")),
])
def test_sanctions_regimes_and_holding_to_account(coded, text, expected):
    events, _ = coded(text)
    assert expected in {(e.source, e.cameo, e.target) for e in events}


def test_a_sum_pledged_in_aid_is_a_pledge_of_that_aid(coded):
    # the frame reaches the act through the sum's "in" phrase: 0332, not the bare intent 030
    events, _ = coded("Spain pledged 300 million euros in military aid to Moldova on Tuesday.")
    assert ("ESP", "MDA", "0332") in {(e.source, e.target, e.cameo) for e in events}


@pytest.mark.parametrize(("text", "expected"), [
    ("Georgia's transfer of combat drones to Armenia was completed in May.", ("GEO", "072", "ARM")),
    ("Portugal resumed weapons deliveries to Mozambique on Friday.", ("PRT", "072", "MOZ")),
])
def test_a_weapon_handed_over_in_a_noun_phrase_is_that_nouns_act(coded, text, expected):
    events, trace = coded(text)
    hit = [e for e in events if (e.source, e.cameo, e.target) == expected]
    assert hit
    assert "triggers.handover_noun" in trace.fired[hit[0].event_id]


def test_weapons_counted_through_of_are_still_handed_over(coded):
    events, _ = coded("Bulgaria shipped thousands of artillery shells to Ukraine in May.")
    assert ("BGR", "UKR", "072") in {(e.source, e.target, e.cameo) for e in events}


@pytest.mark.parametrize(("text", "target"), [("Russia sent dozens of drones into Moldova overnight.", "MDA"),
                                            ("Russia sent a swarm of drones over Romania on Sunday.", "ROU")])
def test_drones_sent_into_a_state_attack_it(coded, text, target):
    events, _ = coded(text)
    assert ("RUS", target, "19") in {(e.source, e.target, e.root) for e in events}
    assert not [e for e in events if e.root == "07"]


def test_a_drone_used_by_its_owner_is_no_aid(coded):
    events, _ = coded("Israel used American drones in Lebanon.")
    assert not [e for e in events if e.root == "07"]


def test_a_handover_judged_by_another_state_is_coded_as_well(coded):
    # the parser hangs "to Russia" on the verb of judging; the handover noun still names its recipient
    events, trace = coded("Finland criticized Belarus's supply of drones to Russia.")
    hit = [e for e in events if (e.source, e.target, e.root) == ("BLR", "RUS", "07")]
    assert hit and "clauses.named_act" in trace.fired[hit[0].event_id]
    assert ("FIN", "BLR") in {(e.source, e.target) for e in events}


def test_a_giving_verb_conveys_the_word_it_sends(coded):
    events, trace = coded("Ghana sent its deepest condolences to Togo after the floods.")
    hit = [e for e in events if (e.source, e.target) == ("GHA", "TGO")]
    assert hit and hit[0].root == "01" and "triggers.conveyed_object" in trace.fired[hit[0].event_id]
    assert not [e for e in events if e.root == "07"]


def test_support_sent_is_not_made_a_word(coded):
    events, trace = coded("Ghana sent military support to Togo after the floods.")
    assert not any("triggers.conveyed_object" in names for names in trace.fired.values())


@pytest.mark.parametrize(("text", "expected"), [
    ("Azerbaijan defended its strikes on Armenia on Monday.", ("AZE", "ARM", "19")),
    ("Kenya hailed its summit with Ethiopia.", ("KEN", "ETH", "04")),
])
def test_a_verb_judging_the_subjects_own_act_gives_way_to_that_act(coded, text, expected):
    events, trace = coded(text)
    assert [(e.source, e.target, e.root) for e in events] == [expected]
    assert "triggers.own_act_judged" in trace.fired[events[0].event_id]


def test_judging_another_states_act_is_still_a_judgement(coded):
    events, _ = coded("Armenia defended Georgia's sanctions on Azerbaijan.")
    assert ("ARM", "GEO", "05") in {(e.source, e.target, e.root) for e in events}


def test_easing_a_share_of_a_measure_is_no_new_measure(coded):
    events, _ = coded("Lithuania dropped most of its retaliatory tariffs on Belarusian goods.")
    assert ("LTU", "BLR", "08") in {(e.source, e.target, e.root) for e in events}
    assert not [e for e in events if e.root == "16"]


def test_weapons_launched_at_a_state_in_a_list_are_an_attack(coded):
    # the parser hangs "at Georgia" on the list's last object; the pattern still sees it
    events, _ = coded("Russia launched 40 drones and 12 missiles at Georgia overnight.")
    assert [e.root for e in events if (e.source, e.target) == ("RUS", "GEO")] == ["19"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile committed to meeting Peru's requirements on steel imports.", set()),
    ("Chile met Peru's deadline for the border survey.", set()),
    ("Chile and Peru met the challenges of the drought together.", set()),
    ("Chile and Peru will meet the goals they set for the border survey.", set()),
    ("Chile has met the needs of Peruvian migrants.", set()),
    ("The Chilean president met the Peruvian president in Lima.", {"04"}),
    ("The Chilean president met the Peruvian president to reaffirm Chile's commitment to the border treaty.", {"04"}),
])
def test_meeting_a_requirement_is_no_meeting(coded, text, expected):
    events, _ = coded(text)
    assert {e.root for e in events if {e.source, e.target} == {"CHL", "PER"} and e.root == "04"} == expected



def test_troops_marching_into_a_country_use_force_a_march_of_farmers_protests(coded):
    events, _ = coded("Serbian troops marched across the border into Kosovo at dawn.")
    assert ("SRB", "XKX") in {(e.source, e.target) for e in events if e.root == "19"}
    events, _ = coded("Serbian farmers marched on Belgrade with their tractors.")
    assert not [e for e in events if e.root == "19"]


@pytest.mark.parametrize("text,root", [
    ("Chile's farm minister attacked Argentina for ignoring the beef quota.", "11"),
    ("Chilean jets attacked Argentine positions for the third day.", "19"),
])
def test_attacking_a_state_for_doing_something_is_criticism(coded, text, root):
    events, _ = coded(text)
    assert {e.root for e in events if (e.source, e.target) == ("CHL", "ARG")} == {root}


@pytest.mark.parametrize("verb", ["toppled", "deposed", "overthrew"])
def test_removing_another_state_leader_by_force_is_coercion(coded, verb):
    events, _ = coded(f"Chilean forces {verb} the Peruvian president in a night raid.")
    assert ("CHL", "PER", "17") in {(e.source, e.target, e.root) for e in events}


def test_an_act_whose_verb_is_a_markdown_link_is_coded(coded):
    # rule nlp.markdown_links: a link's address inside the clause no longer cuts the verb from its object
    events, _ = coded("Chile [pledged](https://example.org/news/2024/03/chile-peru) to boost its investment in Peru.")
    pledged = [e for e in events if (e.source, e.target) == ("CHL", "PER") and e.root == "03"]
    assert pledged and "  " not in pledged[0].trigger  # the blanks are not shown
