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
