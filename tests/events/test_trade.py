"""Rules of events/trade.py, one behaviour per test, on invented sentences (real model and resolver)."""

import pytest

pytestmark = pytest.mark.model


def kinds(events):
    return {(e.source, e.plover, e.target) for e in events if e.target}


def test_paused_tariffs_are_a_retreat(coded):
    events, _ = coded("Washington paused the tariffs on Mexico for 90 days.")
    assert kinds(events) == {("USA", "RETREAT", "MEX")}


def test_imposed_tariffs_are_a_sanction(coded):
    events, _ = coded("The United States imposed tariffs of 30 percent on Brazilian coffee.")
    assert kinds(events) == {("USA", "SANCTION", "BRA")}


def test_a_conditional_tariff_threat_is_an_asserted_threat(coded):
    events, trace = coded("Trump said he would impose tariffs on Canada if Ottawa did not stop the flow of drugs.")
    threats = [e for e in events if e.plover == "THREATEN" and e.target == "CAN"]
    assert threats and threats[0].modality == "asserted"
    assert any("trade.conditional_threat" in names for names in trace.fired.values())


def test_firms_under_export_controls_are_a_sanction_on_their_state(coded):
    events, trace = coded("The United States placed two Chinese chipmakers under export controls.")
    assert ("USA", "SANCTION", "CHN") in kinds(events)
    assert any("trade.firms_list" in names for names in trace.fired.values())


@pytest.mark.parametrize("text, target", [
    ("The United States raised the tariff rate on goods from Vietnam to 46 percent.", "VNM"),
    ("Washington imposed an additional duty on all articles that are products of Mexico.", "MEX"),
    ("The United States imposed new export controls on chips bound for China.", "CHN"),
])
def test_a_tariff_on_a_states_goods_is_a_sanction_on_that_state(coded, text, target):
    events, trace = coded(text)
    assert ("USA", "SANCTION", target) in kinds(events)
    assert any("trade.tariff_act" in names for names in trace.fired.values())


@pytest.mark.parametrize("text, target", [
    ("The United States lowered the tariff rate applicable to India to 18 percent.", "IND"),
    ("Washington exempted goods from Australia from the new duties.", "AUS"),
])
def test_cutting_or_exempting_a_tariff_is_a_retreat(coded, text, target):
    events, _ = coded(text)
    assert ("USA", "RETREAT", target) in kinds(events)
    assert ("USA", "SANCTION", target) not in kinds(events)


def test_a_tariff_act_found_with_its_target_replaces_the_targetless_reading(coded):
    events, _ = coded("Washington imposed an additional duty on all articles that are products of Mexico.")
    assert not [e for e in events if e.root == "16" and e.target is None]


@pytest.mark.parametrize("text, target", [
    ("The Treasury Department sanctioned two Iranian shipping companies.", "IRN"),
    ("The Commerce Department added 12 Chinese firms to the Entity List.", "CHN"),
])
def test_the_us_sanctioning_departments_are_the_united_states(coded, text, target):
    events, _ = coded(text)
    assert ("USA", "SANCTION", target) in kinds(events)


def test_a_states_ministers_on_a_sanctions_list_are_a_sanction_on_that_state(coded):
    events, trace = coded("Beijing added two Lithuanian ministers to its sanctions list.")
    assert ("CHN", "SANCTION", "LTU") in kinds(events)
    assert not [e for e in events if e.root == "01" and e.target]
    assert "coder.finder_reading" in {d["rule"] for d in trace.dropped}


def test_tariffs_a_states_side_faces_are_aimed_at_that_state(coded):
    events, trace = coded("Brazilian exporters face 50 percent US tariffs.")
    assert ("USA", "SANCTION", "BRA") in kinds(events)
    assert any("trade.faced" in names for names in trace.fired.values())


@pytest.mark.parametrize("text, source, target", [
    ("Ottawa hit Washington with retaliatory tariffs.", "CAN", "USA"),
    ("Mexico was hit with new Canadian tariffs.", "CAN", "MEX"),
])
def test_a_state_hit_with_tariffs_is_sanctioned_not_attacked(coded, text, source, target):
    events, trace = coded(text)
    assert (source, "SANCTION", target) in kinds(events)
    assert not [e for e in events if e.plover == "ASSAULT"]
    assert any("trade.struck_with" in names for names in trace.fired.values())


def test_a_state_hit_with_missiles_is_still_attacked(coded):
    events, _ = coded("Russia hit Kyiv with missiles overnight.")
    assert [e for e in events if (e.source, e.plover, e.target) == ("RUS", "ASSAULT", "UKR")]


@pytest.mark.parametrize("text, target, other", [
    ("The United States imposed an additional 25 percent tariff on Indian goods for buying Russian oil.", "IND", "RUS"),
    ("The United States slapped duties on products from Vietnam for its dealings with China.", "VNM", "CHN"),
    ("Washington imposed sanctions on Chinese firms for purchasing Venezuelan oil.", "CHN", "VEN"),
    ("The European Union imposed sanctions on Indian refiners over their imports of Russian crude.", "IND", "RUS"),
    ("The EU imposed sanctions on Russia over its invasion of Ukraine.", "RUS", "UKR"),
    ("Canada imposed new sanctions on Iran for its attacks on Iraq.", "IRN", "IRQ"),
])
def test_a_state_the_target_dealt_with_is_not_the_target(coded, text, target, other):
    events, trace = coded(text)
    sanctioned = {e.target for e in events if e.plover == "SANCTION"}
    assert target in sanctioned and other not in sanctioned
    assert any(d["rule"] == "trade.dealings_object" and d["target"] == other for d in trace.dropped)


@pytest.mark.parametrize("text, target", [
    ("The United States imposed tariffs on Russian oil.", "RUS"),
    ("Trump threatened secondary tariffs on countries buying Russian oil.", "RUS"),
    ("The United States imposed sanctions on Russia for its support of Iran.", "RUS"),
])
def test_a_measure_aimed_at_the_state_itself_keeps_its_target(coded, text, target):
    events, _ = coded(text)
    assert ("USA", target) in {(e.source, e.target) for e in events if e.plover in ("SANCTION", "THREATEN")}


@pytest.mark.parametrize("text, target", [
    ("Trump ordered new sanctions on Iran.", "IRN"),
    ("Washington ordered an extra tariff on imports from India over its purchases of Russian crude.", "IND"),
])
def test_ordering_a_tariff_or_sanction_imposes_it(coded, text, target):
    events, trace = coded(text)
    assert ("USA", "SANCTION", target) in kinds(events)
    assert not [e for e in events if e.root == "10"]
    assert any("trade.ordered_measure" in names for names in trace.fired.values())


def test_ordering_a_state_to_act_stays_a_demand(coded):
    events, _ = coded("Trump ordered Russia to withdraw its troops.")
    assert [e for e in events if e.target == "RUS" and e.root == "10"]


def test_a_tariff_a_state_threatens_to_impose_is_a_threat_not_a_sanction(coded):
    events, trace = coded("Macron threatened on Friday to impose an additional 50 percent tariff on Japanese goods from May 1, "
                          "after Japan announced new controls on exports of cobalt.")
    assert not [e for e in events if (e.source, e.target, e.root) == ("FRA", "JPN", "16")]
    assert [e for e in events if (e.source, e.target, e.cameo) == ("FRA", "JPN", "1312")]


def test_a_headline_passive_of_sanctions_is_done_by_the_measures_state(coded):
    events, trace = coded("Russian oil firms hit with US sanctions")
    hit = [e for e in events if e.cameo == "163"]
    assert hit and all((e.source, e.target) == ("USA", "RUS") for e in hit)
    assert "trade.headline_passive" in trace.fired[hit[0].event_id]


def test_an_active_strike_with_sanctions_keeps_its_subject_as_source(coded):
    events, trace = coded("The United States hit Russian oil firms with sanctions.")
    hit = [e for e in events if e.cameo == "163"]
    assert hit and all((e.source, e.target) == ("USA", "RUS") for e in hit)
    assert not any("trade.headline_passive" in trace.fired.get(e.event_id, []) for e in hit)


def test_retaliating_with_tariffs_is_the_subjects_act(coded):
    # "retaliate" takes no object, so it is never a headline's passive
    events, _ = coded("Ottawa retaliated with tariffs of 25% on American steel.")
    hit = [e for e in events if e.root == "16"]
    assert hit and all((e.source, e.target) == ("CAN", "USA") for e in hit)


@pytest.fixture
def issued(rule_coder):
    """Code an invented text as the United States government's own document (issuer "USA")."""
    def run(text):
        return rule_coder.code_text(text, doc_id="t", published=None, issuer="USA"), rule_coder.trace
    return run


@pytest.mark.parametrize("text, targets", [
    ("The Proclamation imposes a 20% tariff on bicycles from Japan, Chile and Norway.", {"JPN", "CHL", "NOR"}),
    ("The duty rate for steel shall be 12 percent for products of Chile and Peru.", {"CHL", "PER"}),
    ("Articles of Chile imported into the customs territory shall be subject to a duty of 30 percent.", {"CHL"}),
])
def test_a_stated_tariff_rate_in_a_governments_own_text_is_its_sanction(issued, text, targets):
    events, trace = issued(text)
    found = {e.target for e in events if e.source == "USA" and e.plover == "SANCTION"
             and "trade.rate_schedule" in trace.fired.get(e.event_id, [])}
    assert found >= targets


def test_rate_lines_under_a_heading_that_cuts_the_tariff_are_a_retreat(issued):
    events, _ = issued("The duties on wine will be cut to these rates:\n- Chile: 5 percent\n- Peru: 2 percent\n")
    assert ("USA", "RETREAT", "CHL") in kinds(events)
    assert ("USA", "SANCTION", "CHL") not in kinds(events)


def test_a_state_named_only_in_the_reason_for_a_tariff_rate_is_not_its_target(issued):
    events, _ = issued("Imposing an additional 30% tariff on imports from Laos in response to its purchases of Chinese oil.")
    assert ("USA", "SANCTION", "LAO") in kinds(events)
    assert ("USA", "SANCTION", "CHN") not in kinds(events)


def test_a_tariff_rate_in_a_news_text_is_not_read_as_any_governments_act(coded):
    events, trace = coded("Shoppers paid a 20% tariff on bicycles from Japan.")
    assert not any("trade.rate_schedule" in names for names in trace.fired.values())


def test_a_rate_with_no_tariff_is_no_schedule(issued):
    events, trace = issued("Exports of copper from Chile grew 12 percent last year.")
    assert not any("trade.rate_schedule" in names for names in trace.fired.values())


def test_a_standing_refusal_of_aid_to_a_government_stops_that_aid(coded):
    events, trace = coded("The United States will not provide assistance to the Government of Chad.")
    assert ("USA", "SANCTION", "TCD") in kinds(events)
    assert any("trade.aid_cutoff" in names for names in trace.fired.values())


def test_a_past_refusal_of_aid_is_not_a_cutoff(coded):
    events, trace = coded("The United States did not provide assistance to the Government of Chad.")
    assert not any("trade.aid_cutoff" in names for names in trace.fired.values())


def test_suspending_a_share_of_a_duty_is_a_retreat_not_a_threat(coded):
    events, trace = coded("Under the agreement, the United States will suspend 20 percentage points of the "
                          "additional duty on goods of Chile.")
    assert ("USA", "RETREAT", "CHL") in kinds(events)
    assert not [e for e in events if e.target == "CHL" and e.plover == "THREATEN"]
    assert any(d["rule"] == "coder.finder_reading" for d in trace.dropped)


def test_a_schedule_that_suspends_part_of_the_duty_is_a_retreat(issued):
    events, _ = issued("The United States will modify the additional duty of 30 percent on articles of Chile, "
                       "suspending 20 percentage points of it for 90 days.")
    assert ("USA", "RETREAT", "CHL") in kinds(events)
    assert ("USA", "SANCTION", "CHL") not in kinds(events)


def test_an_earlier_tariff_rate_recounted_in_the_past_is_no_schedule(issued):
    _, trace = issued("In my order of March 3, I imposed a duty of 30 percent on articles of Chile.")
    assert not any("trade.rate_schedule" in names for names in trace.fired.values())


def test_a_tariff_rate_an_earlier_order_found_necessary_is_no_schedule(issued):
    _, trace = issued("In that order I determined that it was necessary to impose a duty of 30 percent on articles of Chile.")
    assert not any("trade.rate_schedule" in names for names in trace.fired.values())


def test_a_sanction_that_will_continue_is_the_measure_in_force(coded):
    events, trace = coded("Norway will continue to impose sanctions on Belarus over the crackdown.")
    sanctions = [e for e in events if (e.source, e.target) == ("NOR", "BLR")]
    assert sanctions and all(e.cameo == "163" and e.modality == "asserted" for e in sanctions)
    assert any("trade.continued_measure" in trace.fired[e.event_id] for e in sanctions)


def test_a_sanction_that_will_be_imposed_is_still_a_threat(coded):
    events, _ = coded("Norway will impose sanctions on Belarus over the crackdown.")
    assert {e.cameo for e in events if (e.source, e.target) == ("NOR", "BLR")} == {"1312"}


def test_consequences_imposed_on_a_state_are_a_sanction(coded):
    events, _ = coded("Canada imposed severe consequences on Iran after the downing of the airliner.")
    assert ("CAN", "IRN", "163") in {(e.source, e.target, e.cameo) for e in events}


def test_a_national_emergency_toward_a_state_is_a_sanction_by_its_declarer(coded):
    events, trace = coded("Joe Biden extended the national emergency with respect to Belarus for one more year.")
    found = [e for e in events if (e.source, e.target, e.cameo) == ("USA", "BLR", "163")]
    assert found and "trade.national_emergency" in trace.fired[found[0].event_id]
    assert not [e for e in events if e.cameo == "1724"]  # trade.emergency_measure


def test_a_notice_continuing_a_national_emergency_is_its_issuers_sanction(official):
    events, _ = official("Continuation of the National Emergency With Respect to Belarus")
    assert ("USA", "BLR", "163") in {(e.source, e.target, e.cameo) for e in events}


def test_a_national_emergency_over_a_crisis_inside_a_state_is_no_sanction(official):
    events, _ = official("I have declared a national emergency with respect to the humanitarian crisis in Laos.")
    assert not [e for e in events if e.target == "LAO" and e.cameo == "163"]


def test_a_pause_does_not_ease_a_measure_named_as_its_background(coded):
    events, trace = coded("Chinese refiners paused purchases of Russian crude after American sanctions on Rosneft.")
    assert not [e for e in events if e.source == "USA" and e.plover == "RETREAT"]
    assert not any("trade.eased" in names for names in trace.fired.values())


def test_a_past_counterfactual_is_no_threat(coded):
    # trade.conditional_threat: "if Chile had decided years ago to cut ties" did not happen and threatens nothing
    events, _ = coded("If Chile had decided ten years ago to cut ties with Peru, it would have been hard.")
    assert not [e for e in events if e.root == "13"]


@pytest.mark.parametrize("text", [
    "New Japanese sanctions hit North Korean shipping firms on Monday.",
    "Canadian export controls have hit Chinese drone makers for two years.",
])
def test_a_measure_that_hits_a_state_is_the_measure_not_force(coded, text):
    events, trace = coded(text)
    hits = [e for e in events if e.trigger == "hit"]
    assert hits and all(e.cameo == "163" and "trade.measure_blow" in trace.fired[e.event_id] for e in hits)
    events, _ = coded("Japanese missiles hit North Korean shipping firms on Monday.")
    assert [e for e in events if e.trigger == "hit" and e.root == "19"]


@pytest.mark.parametrize("text", [
    "Kenya cut off gas supplies to Uganda in the winter.",
    "Kenya halted oil exports to Rwanda and Burundi.",
    "Kenya suspended fuel deliveries to Tanzania over unpaid bills.",
])
def test_halting_supplies_or_exports_to_a_state_is_an_embargo_not_cooperation(coded, text):
    events, _ = coded(text)
    aimed = [e for e in events if e.source == "KEN" and e.target in ("UGA", "RWA", "BDI", "TZA")]
    assert aimed and all(e.plover == "SANCTION" for e in aimed)
