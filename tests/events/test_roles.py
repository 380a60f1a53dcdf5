"""Rules of events/roles.py, one behaviour per test, on invented sentences (real model and resolver)."""

import pytest

pytestmark = pytest.mark.model


def test_a_possessor_inside_the_object_is_no_source(coded):
    events, _ = coded("The United States sanctioned Russia's two largest oil companies.")
    assert not [e for e in events if e.source == "RUS"]


def test_what_a_pair_discusses_is_not_their_partner(coded):
    events, _ = coded("Putin and Xi discussed relations with the United States.")
    pairs = {(e.source, e.target) for e in events if e.root == "04"}
    assert ("RUS", "CHN") in pairs or ("CHN", "RUS") in pairs
    assert not {p for p in pairs if "USA" in p}


def test_an_act_in_response_to_another_state_is_aimed_at_it(coded):
    events, trace = coded("Beijing imposed duties on soybeans in retaliation for Washington's new tariffs.")
    hit = [e for e in events if e.source == "CHN" and e.root == "16"]
    assert hit and hit[0].target == "USA"
    assert "roles.response_target" in trace.fired[hit[0].event_id]


def test_a_response_to_no_state_gives_no_target(coded):
    events, trace = coded("Beijing imposed duties on soybeans in response to the floods.")
    assert not any("roles.response_target" in names for names in trace.fired.values())
    assert not [e for e in events if e.source == "CHN" and e.target]


def test_a_named_target_outranks_the_response(coded):
    events, _ = coded("China imposed tariffs on Canadian goods in response to American tariffs.")
    assert ("CHN", "CAN") in {(e.source, e.target) for e in events if e.root == "16"}
    assert ("CHN", "USA") not in {(e.source, e.target) for e in events if e.root == "16"}


@pytest.mark.parametrize("text, wrong", [
    ("We oppose Russian aggression and stand with Moldova.", "RUS"),
    ("The leaders condemned Iranian attacks and pledged support for Israel.", "IRN"),
])
def test_the_modifier_of_another_verbs_object_is_no_stand_in_source(coded, text, wrong):
    events, trace = coded(text)
    assert not [e for e in events if e.source == wrong and e.target]
    assert any(d["rule"] == "roles.stand_in_modifier" for d in trace.dropped)


def test_a_stand_in_source_is_kept_where_the_subject_names_an_actor(coded):
    events, trace = coded("Lithuania opposes Russian aggression and stands with Moldova.")
    assert ("LTU", "MDA") in {(e.source, e.target) for e in events}
    assert not any(d["rule"] == "roles.stand_in_modifier" for d in trace.dropped)


def test_a_place_is_no_stand_in_source(coded):
    events, trace = coded("The British embassy in Moscow was attacked.")
    assert not [e for e in events if e.source == "RUS"]
    assert any(d["rule"] == "roles.place_not_source" for d in trace.dropped)


def test_a_parsed_source_in_a_place_phrase_is_kept(coded):
    events, _ = coded("Officials in Moscow condemned the British government.")
    assert ("RUS", "GBR") in {(e.source, e.target) for e in events if e.root == "11"}


def test_force_used_in_another_country_is_aimed_at_it(coded):
    events, trace = coded("Russia continued its offensive in eastern Ukraine.")
    hit = [e for e in events if e.source == "RUS" and e.plover == "ASSAULT"]
    assert hit and hit[0].target == "UKR"
    assert "roles.place_of_assault" in trace.fired[hit[0].event_id]


def test_the_victims_place_names_the_target(coded):
    events, _ = coded("Russian forces launched a drone attack overnight, killing 12 people in Kharkiv.")
    assert ("RUS", "UKR") in {(e.source, e.target) for e in events if e.plover == "ASSAULT"}


def test_force_used_at_home_gets_no_foreign_target(coded):
    events, trace = coded("Russia continued its offensive in southern Russia.")
    assert not any("roles.place_of_assault" in names for names in trace.fired.values())


@pytest.mark.parametrize("text", [
    "China's rivals in the region welcomed the American decision.",
    "The neighbours of China welcomed the American decision.",
])
def test_a_state_the_subject_is_related_to_is_no_source(coded, text):
    events, trace = coded(text)
    assert not [e for e in events if e.source == "CHN"]
    assert any(d["rule"] == "roles.relatum_not_source" for d in trace.dropped)


def test_a_states_own_official_is_still_its_source(coded):
    events, _ = coded("China's foreign minister welcomed the American decision.")
    assert ("CHN", "USA") in {(e.source, e.target) for e in events if e.root == "05"}


def test_the_owner_of_an_arrest_is_who_was_arrested(coded):
    events, trace = coded("Protests erupted after the Maduro abduction.")
    assert not [e for e in events if e.source == "VEN" and e.plover == "ASSAULT"]
    assert any(d["rule"] == "roles.patient_noun" for d in trace.dropped)


def test_an_of_phrase_leaves_the_owner_the_doer(coded):
    events, trace = coded("Russia's detention of an American journalist angered Washington.")
    assert ("RUS", "USA") in {(e.source, e.target) for e in events if e.root == "17"}
    assert not any(d["rule"] == "roles.patient_noun" for d in trace.dropped)


def test_an_act_on_itself_done_by_another_state_is_aimed_at_that_state(coded):
    events, trace = coded("Venezuela condemned Maduro's abduction by American troops.")
    hit = [e for e in events if e.root == "11"]
    assert hit and (hit[0].source, hit[0].target) == ("VEN", "USA")
    assert "roles.self_target" in trace.fired[hit[0].event_id]


def test_a_state_named_deep_inside_what_is_praised_is_not_the_target(coded):
    events, _ = coded("The Kremlin praised Russian efforts to improve relations with India.")
    assert ("RUS", "IND") not in {(e.source, e.target) for e in events if e.root == "05"}


def test_a_states_allies_named_by_a_modifier_are_not_that_state(coded):
    events, trace = coded("US allies denounced the decision.")
    assert not [e for e in events if e.source == "USA"]
    assert any(d["rule"] == "roles.relatum_not_source" for d in trace.dropped)


def test_a_noun_modifier_beside_the_possessor_is_the_target(coded):
    events, trace = coded("Markets fell after Trump's Venezuela strikes.")
    pairs = {(e.source, e.target) for e in events if e.plover == "ASSAULT"}
    assert pairs == {("USA", "VEN")}


def test_what_an_executive_order_orders_is_the_act(coded):
    events, trace = coded("President Trump signed an executive order imposing tariffs on Canadian imports.")
    assert ("USA", "CAN", "SANCTION") in {(e.source, e.target, e.plover) for e in events}
    assert not [e for e in events if e.cameo == "057"]


def test_signing_an_order_alone_is_no_agreement(coded):
    events, trace = coded("Trump signed an executive order on Tuesday.")
    assert not [e for e in events if e.cameo == "057"]
    assert any(d["rule"] == "roles.signed_instrument" for d in trace.dropped)


def test_an_order_the_parser_made_the_subject_of_what_follows_is_still_no_agreement(coded):
    # "Order" parsed as the subject of "declaring": the signing is still of an instrument (roles.signed_instrument)
    events, _ = coded("Today, President Donald J. Trump signed an Executive Order declaring a national emergency to "
                      "safeguard Nigerian oil revenue held in U.S. Treasury accounts from attachment or judicial process.")
    assert not [e for e in events if e.cameo == "057"]


def test_signing_an_agreement_is_still_one(coded):
    events, _ = coded("Japan and Australia signed a defence agreement.")
    assert ("JPN", "AUS") in {(e.source, e.target) for e in events if e.cameo == "057"}


@pytest.mark.parametrize("text", ["Rubio spoke about Venezuela on Tuesday.", "President Lula talked about China at length.",
                                  "Albanese discussed Russia's war on Tuesday."])
def test_a_state_talked_about_is_no_party_consulted(coded, text):
    events, trace = coded(text)
    assert not [e for e in events if e.root == "04" and e.target]
    assert "roles.topic_of_talk" in {d["rule"] for d in trace.dropped}


def test_a_partner_talked_with_is_still_consulted(coded):
    events, _ = coded("Lula spoke with Macron about Ukraine on Tuesday.")
    assert {("BRA", "FRA"), ("FRA", "BRA")} & {(e.source, e.target) for e in events if e.root == "04"}


def test_a_state_inside_an_apposition_is_not_the_target(coded):
    events, trace = coded("Spain has already raised tariffs on Chile, another large buyer of Bolivian gas, to 40 percent.")
    assert not [e for e in events if e.source == "ESP" and e.target == "BOL"]
    assert [e for e in events if (e.source, e.target, e.root) == ("ESP", "CHL", "16")]
    assert "roles.apposition_relatum" in {d["rule"] for d in trace.dropped}


def test_a_measure_proposed_for_others_is_not_the_speakers_act(coded):
    events, trace = coded("In a letter to EU members, Macron proposed that the bloc as a group place tariffs of 30 percent on Japan.")
    assert not [e for e in events if (e.source, e.target, e.root) == ("FRA", "JPN", "16")]
    assert "roles.proposed_act" in {d["rule"] for d in trace.dropped}


def test_a_state_urged_to_sanction_is_who_would_act(coded):
    events, trace = coded("Macron urged the alliance to impose sanctions on Japan.")
    assert not [e for e in events if (e.source, e.target, e.root) == ("FRA", "JPN", "16")]
    assert "roles.proposed_act" in {d["rule"] for d in trace.dropped}


def test_a_measure_the_speakers_own_state_should_take_is_kept(coded):
    events, trace = coded("Macron proposed that France impose tariffs on Japan.")
    assert [e for e in events if (e.source, e.target, e.root) == ("FRA", "JPN", "16")]
    assert "roles.proposed_act" not in {d["rule"] for d in trace.dropped}


def test_a_host_country_is_not_the_counterpart_of_talks_between_two_others(coded):
    events, trace = coded("The decision followed talks between Spanish and Chilean officials in Norway in late May.")
    assert not [e for e in events if "NOR" in (e.source, e.target)]
    hit = [e for e in events if {e.source, e.target} == {"ESP", "CHL"}]
    assert hit and any("roles.host_place" in trace.fired[e.event_id] for e in hit)


def test_a_summit_called_off_is_aimed_at_the_partner_not_the_host(coded):
    events, _ = coded("Macron said he had canceled a planned summit with Putin in Norway.")
    assert not [e for e in events if e.target == "NOR"]
    assert [e for e in events if (e.source, e.target) == ("FRA", "RUS")]


def test_a_body_named_only_as_the_sidelines_is_no_counterpart(coded):
    events, trace = coded("Japanese officials met Vice Premier Liu Wei on the sidelines of the summit of the African Union in Addis Ababa.")
    assert not [e for e in events if e.source == "JPN" and e.target is not None]
    assert "roles.host_place" in {d["rule"] for d in trace.dropped}


def test_a_country_agreed_as_the_venue_is_no_party(coded):
    events, trace = coded("Macron and Putin agreed on Austria as the venue in a phone call on May 16.")
    assert not [e for e in events if e.target == "AUT"]


def test_talks_held_in_a_country_keep_it_without_another_party(coded):
    events, _ = coded("Modi held talks in Beijing on Monday.")
    assert [e for e in events if (e.source, e.target) == ("IND", "CHN")]


def test_a_talk_partner_named_in_the_topic_stays_the_partner(coded):
    events, trace = coded("President Macron spoke today with President Ramaphosa of South Africa. They discussed "
                          "how partners can help with South Africa's energy crisis.")
    discussed = [e for e in events if e.trigger == "discussed"]
    assert discussed and {discussed[0].source, discussed[0].target} == {"FRA", "ZAF"}
    assert "anaphora.they_meeting" in trace.fired[discussed[0].event_id]


def test_a_coordinated_object_gives_one_act_per_state(coded):
    events, trace = coded("Japan met India and Australia on Monday.")
    # and India met Australia at that meeting (rule talks.joint_meeting)
    assert {(e.source, e.target) for e in events if e.root == "04"} == {("JPN", "IND"), ("JPN", "AUS"), ("IND", "AUS")}
    assert not any("roles.listed_states" in names for names in trace.fired.values())


def test_a_group_noun_target_with_a_list_of_states_stands_for_each(coded):
    events, trace = coded("France worked with the governments of Egypt, Qatar and Jordan to end the fighting.")
    hit = [e for e in events if e.source == "FRA" and e.root == "06"]
    assert {e.target for e in hit} == {"EGY", "QAT", "JOR"}
    assert all("roles.listed_states" in trace.fired[e.event_id] for e in hit)


def test_a_capitalised_group_noun_with_a_list_stands_for_each_state(coded):
    # "Ambassadors" is tagged as a name; the list's third state hangs from the second
    events, trace = coded("Sullivan met yesterday with Ambassadors from Argentina, Austria and Brazil.")
    assert {e.target for e in events if e.root == "04"} == {"ARG", "AUT", "BRA"}


def test_a_listed_object_of_a_verb_stands_for_each_state(coded):
    events, _ = coded("The United States sanctioned officials from Iran and Syria.")
    assert {e.target for e in events if e.source == "USA" and e.root == "16"} == {"IRN", "SYR"}


def test_a_list_as_subject_is_left_to_its_first_state(coded):
    events, trace = coded("Officials from Brazil and Argentina criticized Chile.")
    assert ("BRA", "CHL") in {(e.source, e.target) for e in events if e.root == "11"}
    assert not [e for e in events if e.source == "ARG"]
    assert not any("roles.listed_states" in names for names in trace.fired.values())


def test_a_group_noun_with_one_state_is_that_state_alone(coded):
    events, trace = coded("France worked with the government of Egypt to end the fighting.")
    assert {e.target for e in events if e.source == "FRA" and e.root == "06"} == {"EGY"}
    assert not any("roles.listed_states" in names for names in trace.fired.values())


def test_a_listed_passive_subject_stands_for_each_state(coded):
    events, trace = coded("Officials from Iran and Syria were sanctioned by the United States.")
    hit = [e for e in events if e.source == "USA" and e.root == "16"]
    assert {e.target for e in hit} == {"IRN", "SYR"}
    assert all("roles.listed_states" in trace.fired[e.event_id] for e in hit)


def test_two_titled_leaders_joined_by_and_are_both_parties(coded):
    # the parser hangs the first name off the second ("Premier A and President B"): rule syntax.split_coordination
    events, trace = coded("President Trump and President Xi met in Busan on Thursday.")
    pairs = {(e.source, e.target) for e in events if e.root == "04"}
    assert ("USA", "CHN") in pairs and ("CHN", "USA") in pairs
    assert not {p for p in pairs if "KOR" in p}  # the host city is no party
    assert any("syntax.split_coordination" in names for names in trace.fired.values())


def test_a_host_city_of_two_delegations_is_no_party(coded):
    events, trace = coded("Indian and Japanese negotiators held talks in Singapore this week.")
    pairs = {(e.source, e.target) for e in events if e.root == "04"}
    assert ("IND", "JPN") in pairs and ("JPN", "IND") in pairs
    assert not {p for p in pairs if "SGP" in p}


def test_talks_between_two_states_held_somewhere_are_theirs(coded):
    events, _ = coded("Talks between Kenya and Ethiopia were held in Geneva on Friday.")
    pairs = {(e.source, e.target) for e in events if e.root == "04"}
    assert ("KEN", "ETH") in pairs and ("ETH", "KEN") in pairs
    assert not {p for p in pairs if "CHE" in p}


def test_a_list_split_at_bracketed_figures_gives_every_state_as_a_target(coded):
    # the parser splits "Peru (20%), Chile (15%) and Norway (25%)" at the brackets: rule syntax.bracketed_list
    events, trace = coded("The United States imposed tariffs on Peru (20%), Chile (15%) and Norway (25%).")
    targets = {e.target for e in events if e.source == "USA" and e.root == "16"}
    assert targets == {"PER", "CHL", "NOR"}
    assert any("syntax.bracketed_list" in names for names in trace.fired.values())


def test_a_bracketed_list_ends_at_a_state_that_is_a_subject(coded):
    events, _ = coded("The United States imposed tariffs on Peru (20%), and Chile answered with duties of its own.")
    targets = {e.target for e in events if e.source == "USA" and e.root == "16"}
    assert targets == {"PER"}


def test_a_list_without_brackets_is_left_to_the_parser(coded):
    events, trace = coded("The United States imposed tariffs on Peru, and Chile answered with duties of its own.")
    assert {e.target for e in events if e.source == "USA" and e.root == "16"} == {"PER"}
    assert not any("syntax.bracketed_list" in names for names in trace.fired.values())


def test_a_meeting_in_a_city_that_is_no_seat_of_government_is_no_visit_to_its_state(coded):
    # rule roles.host_place: Geneva is where they met, not a party; the capital may stand for its host
    events, trace = coded("The Iranian foreign minister met officials in Geneva on Monday.")
    assert not [e for e in events if e.target == "CHE"]
    assert "roles.host_place" in {d["rule"] for d in trace.dropped}
    events, _ = coded("The Iranian foreign minister held talks in Beijing on Monday.")
    assert [e for e in events if (e.source, e.target) == ("IRN", "CHN")]


def test_a_city_that_names_the_meeting_is_no_party(coded):
    # rule roles.host_place: "their Zurich meeting" names where an earlier meeting was, not a partner
    events, trace = coded("Recalling the commitments of their Zurich meeting, Peru and Chile agreed to open the border crossing.")
    assert not [e for e in events if "CHE" in (e.source, e.target)]
    hit = [e for e in events if {e.source, e.target} == {"PER", "CHL"}]
    assert hit and any("roles.host_place" in trace.fired[e.event_id] for e in hit)


def test_a_capital_that_names_a_proposal_stays_its_author(coded):
    # a seat of government before a noun names who made it: not retargeted to the co-subject
    events, _ = coded("Japan and India agreed to the Beijing proposal.")
    pairs = {(e.source, e.target) for e in events if e.root == "03"}
    assert ("JPN", "CHN") in pairs and ("JPN", "IND") not in pairs


def _one_act(coded, text, keep, pair, rule):
    """The text's acts that `keep` selects are one act between `pair`, made with `rule`."""
    events, trace = coded(text)
    acts = [e for e in events if keep(e)]
    assert [(e.source, e.target) for e in acts] == [pair]
    assert rule in trace.fired[acts[0].event_id]


@pytest.mark.parametrize("text", ["The Prime Minister reaffirmed steadfast Japanese support for the Philippines.",
                                  "Tokyo expressed strong Japanese support for the Philippines.",
                                  # a restating verb's object is the act it restates, whose owner is its doer
                                  "The Prime Minister reaffirmed Japan's commitment to the security of the Philippines.",
                                  "The envoy reaffirmed Japan's commitment to the defence of the Philippines."])
def test_the_state_modifying_a_phrase_noun_is_its_doer_not_its_target(coded, text):
    _one_act(coded, text, lambda e: e.cameo == "051", ("JPN", "PHL"), "syntax.phrase_owner")


def test_a_for_phrase_of_praise_is_the_reason_not_the_target(coded):
    events, trace = coded("The Canadian prime minister praised President Okafor for his condemnation of Russia's "
                          "invasion.")
    praised = [e for e in events if e.root == "05"]
    assert praised and all(e.target != "RUS" for e in praised)
    assert "roles.reason_for" in trace.fired[praised[0].event_id]
    # a state that owns the reason is the one praised
    events, _ = coded("The Canadian prime minister thanked Lee and Tanaka for South Korea and Japan's support.")
    assert {e.target for e in events if e.root == "05"} == {"KOR", "JPN"}


@pytest.mark.parametrize("text", ["The Malian minister is in custody in Paris after he was arrested during French raids.",
                                  "Mali's minister was detained during a French raid on Saturday."])
def test_a_passive_arrest_is_done_by_the_owner_of_the_raid_it_happened_in(coded, text):
    _one_act(coded, text, lambda e: e.root == "17", ("FRA", "MLI"), "roles.occasion_agent")


def test_a_pronoun_under_a_passive_clause_is_that_clause_subject(coded):
    # "he" is the president, the passive subject of the clause above, not the state of the operation
    events, _ = coded("Ecuador's president was flown to New York after he was captured during a U.S. operation.")
    assert [(e.source, e.target) for e in events if e.root == "17"] == [("USA", "ECU")]


def test_a_passive_verb_with_its_own_subject_takes_no_doer_from_the_clause_above(coded):
    # the ambassador is the one expelled, not the one expelling
    events, _ = coded("The Colombian ambassador returned home after he was expelled.")
    assert not [e for e in events if e.source == "COL" and e.root == "16"]
    events, _ = coded("Iran retaliated after it was attacked by Israel.")
    assert ("ISR", "IRN") in {(e.source, e.target) for e in events if e.root == "19"}


def test_a_giving_verb_helps_the_state_its_in_support_phrase_names(coded):
    _one_act(coded, "Norway provided 20 billion dollars in support for Ukraine.", lambda e: e.root == "07",
             ("NOR", "UKR"), "roles.support_recipient")


def test_a_giving_verb_gives_to_the_state_the_given_thing_is_sent_to(coded):
    # the parser hangs "to Ukraine" on "equipment", not on the verb
    _one_act(coded, "Sweden is providing 40 million dollars in electricity grid equipment to Ukraine.",
             lambda e: e.root == "07", ("SWE", "UKR"), "roles.gift_recipient")


def test_a_titled_person_the_gazetteer_does_not_know_acts_for_the_title_later_too(coded):
    _one_act(coded, "Kenyan Foreign Minister Abel Mwangi arrived in Beijing on Monday. Mr. Mwangi criticized "
             "Uganda's border closure.", lambda e: e.root == "11", ("KEN", "UGA"), "actors.titled_name")


def test_a_titled_person_of_a_named_country_acts_for_it_later_too(coded):
    # the sentence names two countries, so no context places the title; its own "of" phrase does
    text = ("Turkey's foreign minister met Prime Minister Yusuf al-Karimi of Jordan in Ankara. Karimi later criticized "
            "Syria's border closure.")
    _one_act(coded, text, lambda e: e.root == "11", ("JOR", "SYR"), "actors.titled_name")


def test_a_titled_person_named_again_with_the_title_acts_for_it_too(coded):
    # "President Karimi" later is the same Karimi: a title before the surname is no other person's forename
    text = ("Turkey's foreign minister met Prime Minister Yusuf al-Karimi of Jordan in Ankara. Prime Minister Karimi "
            "later criticized Syria's border closure.")
    _one_act(coded, text, lambda e: e.root == "11", ("JOR", "SYR"), "actors.titled_name")


def test_a_bare_title_stands_for_the_person_last_named_with_it(coded):
    # rule actors.title_anaphor: "the Chancellor" is the chancellor named before, "the President" the president
    events, trace = coded("Chancellor Scholz met President Ruto of Kenya in Berlin. The Chancellor later thanked the "
                          "President for Kenya's support for Ukraine.")
    thanked = [e for e in events if e.trigger == "thanked"]
    assert thanked and (thanked[0].source, thanked[0].target) == ("DEU", "KEN")
    assert "actors.title_anaphor" in trace.fired[thanked[0].event_id]


def test_a_title_with_its_own_country_is_no_anaphor(coded):
    events, trace = coded("Chancellor Scholz met President Ruto of Kenya in Berlin. The President of Uganda later "
                          "criticized Kenya.")
    assert not any("actors.title_anaphor" in names for names in trace.fired.values())


def test_a_numeral_after_a_title_is_no_surname(coded):
    # "II" ends a king's name; a later "II" is no mention of him
    events, trace = coded("The President and King Abdullah II discussed the latest developments in Gaza. "
                          "The King II foundation welcomed Jordan's role.")
    assert not any("actors.titled_name" in rules for rules in trace.fired.values())


def test_another_person_with_the_same_surname_is_not_the_titled_one(coded):
    events, trace = coded("Peruvian Trade Minister Ana Quispe arrived in Lima. Rosa Quispe, a singer, criticized Chile.")
    assert not any("actors.titled_name" in trace.fired.get(e.event_id, []) for e in events if e.target == "CHL")


@pytest.mark.parametrize("text", [
    "Kenya condemned the attack on Somalia's parliament.",
    "France denounced the bombing of the Pakistani embassy in Kabul.",
    "Chile condemns today's attack against a market in Peru, which injured dozens.",
])
def test_condemning_an_attack_does_not_blame_its_victim(coded, text):
    events, trace = coded(text)
    assert not [e for e in events if e.plover in ("ACCUSE", "PROTEST") and e.target]
    assert any(d["rule"] == "roles.condemned_victim" for d in trace.dropped)


def test_condemning_an_attack_blames_the_attacker_its_phrase_names(coded):
    events, _ = coded("Egypt condemned the Israeli strike on Qatar.")
    assert ("EGY", "ISR") in {(e.source, e.target) for e in events if e.plover == "ACCUSE"}
    assert ("EGY", "QAT") not in {(e.source, e.target) for e in events}


@pytest.mark.parametrize("text", [
    "We are putting pressure on Iran and standing with Israel.",
    "We are inflicting pain on Russia and supporting the people of Georgia.",
    # rule roles.controlled_subject: an infinitive reads the subject of the verb it completes ("the ministers" provide)
    "The ministers agreed to impose costs on Russia and to provide support for Ukraine.",
    "The envoys will continue to put pressure on Iran and to stand with Israel.",
])
def test_what_another_verb_acts_on_is_no_stand_in_source(coded, text):
    events, trace = coded(text)
    assert not [e for e in events if e.source in ("IRN", "RUS") and e.target]
    assert any(d["rule"] == "roles.stand_in_object" for d in trace.dropped)


def test_talks_with_a_partner_about_a_third_state_are_with_the_partner(coded):
    # rule syntax.nearest_party: of two mentions in the object's phrase, the "with" partner, not the topic
    events, _ = coded("Chile held talks with Peru about Bolivia.")
    pairs = {(e.source, e.target) for e in events if e.root == "04"}
    assert ("CHL", "PER") in pairs and ("CHL", "BOL") not in pairs


def test_a_state_a_noun_of_talking_is_about_is_its_topic(coded):
    events, trace = coded("Chile began discussions with its advisers about Bolivia.")
    assert not [e for e in events if e.target == "BOL"]
    assert any(d["rule"] == "roles.topic_of_talk" for d in trace.dropped)


def test_an_act_a_state_gets_from_another_is_the_givers(coded):
    # rule roles.received_act: a headline's "gets warning from", parsed as a progressive "gets warning"
    events, trace = coded("Peru's new leader gets warning from Chile")
    hit = [e for e in events if (e.source, e.target) == ("CHL", "PER")]
    assert hit and "roles.received_act" in trace.fired[hit[0].event_id]
    assert ("PER", "CHL") not in {(e.source, e.target) for e in events}


def test_force_from_a_place_is_not_aimed_at_it(coded):
    # rule syntax.force_origin: "from" names where the force came from
    events, _ = coded("Russia struck a depot in the Ukrainian city of Lviv, 40 miles from the border with Poland.")
    pairs = {(e.source, e.target) for e in events if e.plover == "ASSAULT"}
    assert ("RUS", "UKR") in pairs and ("RUS", "POL") not in pairs


def test_a_place_named_beside_another_place_is_no_stand_in_source(coded):
    # roles.place_not_source: "over Lockerbie, Scotland" names where, not who
    events, trace = coded("Militants detonated a bomb as the plane flew over Lyon, France, killing 40 people, "
                          "including 12 Germans.")
    assert not [e for e in events if e.source == "FRA"]
    assert any(d["rule"] == "roles.place_not_source" for d in trace.dropped)


def test_a_killing_in_a_states_attack_is_that_states_act(coded):
    # rule roles.weapon_owner: the state telling of its dead is no killer of the attacker
    events, trace = coded("Bolivia says 40 killed in Peruvian attack")
    hit = [e for e in events if e.plover == "ASSAULT"]
    assert hit and {(e.source, e.target) for e in hit} == {("PER", "BOL")}
    assert "roles.weapon_owner" in trace.fired[hit[0].event_id]


def test_an_owned_object_goes_to_whom_its_verb_names(official):
    # "our" is the issuing government (issuer.self_reference): the source comes from the possessive, not the verb
    events, trace = official("I extend our best wishes to the people of Togo.")
    hit = [e for e in events if (e.source, e.target) == ("USA", "TGO")]
    assert hit and hit[0].root == "01" and "roles.owned_object_to" in trace.fired[hit[0].event_id]


def test_a_passive_release_is_done_by_the_state_it_frees_people_from(coded):
    _one_act(coded, "Three Kenyan fishermen were released from a Somali prison on Monday.",
             lambda e: e.root == "08", ("SOM", "KEN"), "roles.released_from")


def test_an_infinitive_whose_controlling_subject_names_no_actor_takes_no_modifier_as_doer(coded):
    # rules roles.controlled_subject and roles.stand_in_modifier: "we" help protect, not Latvia
    text = "We will announce new steps to strengthen Latvia's air defences to help protect their cities from Russian strikes."
    events, trace = coded(text)
    assert ("LVA", "RUS") not in {(e.source, e.target) for e in events}
    assert any(d["rule"] == "roles.stand_in_modifier" for d in trace.dropped)


def test_an_infinitive_on_a_verb_with_an_object_may_be_the_objects_and_keeps_its_stand_in(coded):
    # roles.controlled_subject does not step over a verb with an object: "the readiness of Canada to provide"
    events, _ = coded("The President reaffirmed the readiness of Canada to provide assistance to Peru.")
    assert ("CAN", "PER") in {(e.source, e.target) for e in events}


@pytest.mark.parametrize("text, accused", [
    # the deed a charge tells of names who was acted on, not who accuses or who is accused
    ("Kenya denied allegations of arming Somalia's militias.", None),
    ("Peru rejected accusations of meddling in the elections of Bolivia.", None),
    ("Chile dismissed claims that it supplied Argentina with weapons.", None),
    ("Ghana faces accusations of harbouring Togolese dissidents.", None),
    # the deed's own subject is the accused
    ("Nigeria repeated allegations of Benin arming the rebels.", "BEN"),
])
def test_a_state_in_the_deed_a_charge_tells_of_is_no_party_to_the_charge(coded, text, accused):
    events, trace = coded(text)
    named = {"SOM", "BOL", "ARG", "TGO"}
    assert not [e for e in events if e.target in named and e.source in {"KEN", "PER", "CHL", "GHA"}]
    if accused:
        assert accused in {e.target for e in events if e.source == "NGA"}
    assert any("allegations.accused_deed" in trace.fired.get(e.event_id, ()) for e in events) or not events


def test_a_charge_made_by_a_verb_keeps_its_object_as_the_accused(coded):
    events, trace = coded("Peru accused Chile of supporting Bolivia's army.")
    assert ("PER", "CHL") in {(e.source, e.target) for e in events}
    assert not any("allegations.accused_deed" in names for names in trace.fired.values())


@pytest.mark.parametrize("text", [
    # the state that qualifies the weapons handed over gave them, to the subject of the clause
    "Kenya has held its border thanks to deliveries of French weapons.",
    "Somalia regained two towns thanks, in part, to a steady supply of Turkish drones.",
    # and to whom a receiving verb's subject names
    "Kenya received a shipment of French missiles.",
])
def test_the_state_of_weapons_handed_over_is_their_giver(coded, text):
    events, trace = coded(text)
    given = [e for e in events if e.root == "07"]
    assert given and {(e.source, e.target) for e in given} <= {("FRA", "KEN"), ("TUR", "SOM")}
    assert "roles.thing_origin" in trace.fired[given[0].event_id]


def test_the_state_of_weapons_handed_over_is_no_recipient_beside_a_named_giver(coded):
    events, trace = coded("Iran's transfer of Russian drones to Sudan worried Egypt.")
    given = [e for e in events if e.root == "07"]
    assert {(e.source, e.target) for e in given} == {("IRN", "SDN")}
    assert "roles.thing_origin" in trace.fired[given[0].event_id]
