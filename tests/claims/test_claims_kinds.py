"""Level or change, base figures, stated scope, and names glued to a heading word (text rules only)."""

from __future__ import annotations

from datetime import date

import pytest

from multipolar.claims.extract import extract_claims


def claims_of(text: str, published: date | None = None) -> list:
    return extract_claims(doc_id="d", text=text, sentences=None, published=published)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Peru raised its tariff on wheat by 20 percent in 2022.", "change"),
        ("Peru raised its tariff on wheat to 20 percent in 2022.", "level"),
        ("Peru added an additional 20 percent tariff on wheat in 2022.", "change"),
        ("Exports of copper rose 20 percent in 2022.", "change"),
        ("Peru's tariff on wheat was 20 percent in 2022.", "level"),
        ("Chile's debt increased by $3 billion in 2021.", "change"),
        ("Chile's debt reached $3 billion in 2021.", "level"),
        ("Chile will lower its debt by a billion dollars in 2021.", "change"),
        ("Chile is trimming its deficit by 2 trillion 100 billion dollars in 2021.", "change"),
        ("Chile slashed its deficit by $3 billion in 2021.", "change"),
        ("Chile's deficit is shrinking 4 percent in 2021.", "change"),
    ],
)
def test_extract_claims_kind_level_or_change(text: str, kind: str) -> None:
    assert [c.kind for c in claims_of(text)] == [kind]


def test_extract_claims_change_and_level_never_share_a_measure() -> None:
    by, to = claims_of("Peru raised its tariff by 20 percent in 2022."), claims_of("Peru raised its tariff to 20 percent in 2022.")
    assert by[0].measure != to[0].measure


@pytest.mark.parametrize(
    "text",
    [
        "Norway cut its duty on salmon to 5 percent from 8 percent in 2024.",
        "Chile's exports reached $9 billion in 2023, up from $7 billion.",
        "Chile's exports reached $9 billion in 2023, compared with $7 billion.",
        "Chile's exports reached $9 billion in 2023, up from last year's $7 billion.",
        "Chile set its budget for 2023 at $9 billion, an increase from the previously planned $7 billion.",
    ],
)
def test_extract_claims_base_figure_has_no_period(text: str) -> None:
    first, base = claims_of(text)
    assert first.period is not None
    assert base.period is None


def test_extract_claims_from_without_a_second_figure_keeps_its_period() -> None:
    (claim,) = claims_of("Imports from Chile were $9 billion in 2023.")
    assert claim.period == "2023"


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Peru set a 10 percent tariff on all imports in 2022.", "all"),
        ("Peru set a 10 percent across-the-board tariff in 2022.", "all"),
        ("Peru set a 10 percent tariff on wheat imports in 2022.", None),
    ],
)
def test_extract_claims_scope_all_without_a_parse(text: str, scope: str | None) -> None:
    assert [c.scope for c in claims_of(text)] == [scope]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Energy Cooperation Putin said trade with India reached $60 billion in 2024.", "Putin"),
        ("Markets\n\nChina said its exports grew 6 percent in 2024.", "China"),
        ("Vladimir Putin said trade with India reached $60 billion in 2024.", "Vladimir Putin"),
    ],
)
def test_extract_claims_speaker_is_not_glued_to_a_heading_word(text: str, speaker: str) -> None:
    assert [c.attribution for c in claims_of(text)] == [speaker]


def test_extract_claims_cutting_a_deficit_by_an_amount_is_a_change() -> None:
    (claim,) = claims_of("Chile is cutting its deficit by $2 billion in 2022.")
    assert claim.kind == "change"


@pytest.mark.parametrize(
    ("text", "owned"),
    [
        ("Chile's exports reached $9 billion, up from $7 billion in 2022.", True),
        ("Chile's exports reached $9 billion, compared with $7 billion in 2022.", True),
        ("Chile's exports reached $9 billion versus $7 billion in 2022.", True),
        ("Norway cut its duty on salmon to 5 percent from 8 percent in 2024.", False),
        ("Imports from Chile were $9 billion in 2023.", False),
    ],
)
def test_owned_periods_only_after_a_spelled_out_base(text: str, owned: bool) -> None:
    from multipolar.claims.kinds import owned_periods
    from multipolar.quantities import find_quantities

    spans = owned_periods(text, 0, find_quantities(text))
    year = text.index(" in 20")
    assert any(s <= year + 1 < e for s, e in spans) is owned


def test_extract_claims_base_figure_does_not_lend_its_year_to_the_level() -> None:
    level, base = claims_of("Chile's exports reached $9 billion, down from $11 billion in 2021.")
    assert (level.value, level.period, base.period) == (9e9, None, None)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Peru accounts for 40 percent of Chile's imports in 2023.", "share"),
        ("Peru shipped 15% more copper to Chile in 2023.", "change"),
        ("Peru invested $5 billion in Chilean mines in 2023.", "amount"),
        ("The plan provides $15 million for rural clinics in 2023.", "amount"),
        ("Chile approved $2 billion in debt relief in 2023.", "amount"),
        ("Chile signed a $300 million contract with Peru in 2023.", "amount"),
        ("Chile's budget called for $4 billion in 2023.", "amount"),
        ("Analysts projected that Chile's unemployment would be 6 percent in 2023.", "forecast"),
        ("Banks raised their projection for U.S. growth to 6 percent in 2023.", "forecast"),  # initial_stop
        ("The U.S. economy grew 6 percent in 2023. Banks had made a projection. U.S. growth was 6 percent in 2023.",
         None),
        ("Peru and Chile set a target of $60 billion in bilateral trade for 2023.", "forecast"),  # target_not_level
        ("The goal is $60 billion in trade between Peru and Chile in 2023.", "forecast"),
        ("Trade between Peru and Chile is set to hit $60 billion in 2023.", "forecast"),
        ("Trade between Peru and Chile could reach $60 billion in 2023.", "forecast"),
        ("Chile is on track to post a $3 billion surplus in 2023.", "forecast"),
        ("Chile's unemployment was 6 percent in 2023.", "level"),
        ("Chile's unemployment was under 6 percent in 2023.", "bound"),
        ("Households earning less than $90,000 in 2023 qualify.", "bound"),
        ("Chile's exports were more than $9 billion in 2023.", "bound"),
        ("Chile's exports were $9 billion in 2023.", "level"),
        ("Chile's exports were $9 billion for the year.", "level"),
        ("Trade between Peru and Chile reached $50 billion in 2023.", "level"),
    ],
)
def test_extract_claims_figure_kind(text: str, kind: str | None) -> None:
    if kind is None:  # a full stop that ends a sentence still ends the clause: the last figure is a level
        assert claims_of(text)[-1].kind == "level"
        return
    assert [c.kind for c in claims_of(text)] == [kind]


def test_group_claims_amounts_shares_and_forecasts_never_contradict() -> None:
    from multipolar.claims.group import group_claims

    texts = [
        "Chile approved $2 billion in debt relief in 2023.",
        "Chile approved $9 billion in debt relief in 2023.",
        "Analysts projected that Chile's unemployment would be 6 percent in 2023.",
        "Analysts projected that Chile's unemployment would be 9 percent in 2023.",
        "Peru takes 40 percent of Chile's imports in 2023.",
        "Bolivia takes 10 percent of Chile's imports in 2023.",
    ]
    claims = [c for k, t in enumerate(texts)
              for c in extract_claims(doc_id=f"d{k}", text=t, sentences=None, published=None)]
    assert not [g for g in group_claims(claims, tolerance=0.05) if g.status == "contradicted"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Chile's inflation ran at 4-5 percent in 2023.", "range"),
        ("Chile's inflation was between 4 and 5 percent in 2023.", "range"),
        ("Chile's exports were $8 billion to $9 billion in 2023.", "range"),
        ("Chile's exports were $9 billion in 2023, a record.", "level"),
        ("Chile's exports reached $40 billion over the past four years.", "cumulative"),
        ("Chile's deficits came to $30 billion in total between 2019 and 2023.", "cumulative"),
        ("Chile's exports have reached $40 billion so far in 2023.", "cumulative"),
        ("Chile's growth was an average of 3 percent in 2023.", "cumulative"),
        ("Chile's unemployment was 6 percent in 2023, the lowest since 2015.", "level"),
    ],
)
def test_extract_claims_ranges_and_sums_are_not_levels(text: str, kind: str) -> None:
    assert [c.kind for c in claims_of(text)][:1] == [kind]


def test_extract_claims_change_from_one_figure_to_another_is_no_range() -> None:
    claims = claims_of("Chile's exports rose from $8 billion to $9 billion in 2023.")
    assert "range" not in [c.kind for c in claims]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Unemployment in Ontario was 7 percent in 2023.", "Ontario"),
        ("Canada's unemployment was 5 percent in 2023.", None),
        ("Canada's unemployment was 5 percent in 2023, and Ontario's mills reopened.", None),
    ],
)
def test_extract_claims_a_place_inside_a_country_is_its_scope(text: str, scope: str | None) -> None:
    (claim,) = claims_of(text)
    assert (claim.subject, claim.scope) == (("CAN",), scope)


def test_group_claims_a_province_never_contradicts_its_country() -> None:
    from multipolar.claims.group import group_claims

    claims = [c for k, t in enumerate(["Unemployment in Ontario was 7 percent in 2023.",
                                       "Canada's unemployment was 5 percent in 2023."])
              for c in extract_claims(doc_id=f"d{k}", text=t, sentences=None, published=None)]
    assert not [g for g in group_claims(claims, tolerance=0.05) if g.status == "contradicted"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Chilean families paid $300 a month for power in 2023.", "rate"),
        ("Chile's spending was $9,000 per capita in 2023.", "rate"),
        ("Chile's spending was $9 billion in 2023.", "level"),
        ("Chile's exports reached $9 billion a year in 2023.", "level"),
        ("Chile's spending reached hundreds of dollars in 2023.", "vague"),
    ],
)
def test_extract_claims_rates_per_unit_and_vague_magnitudes_are_not_levels(text: str, kind: str) -> None:
    assert [c.kind for c in claims_of(text)][:1] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "Chile exported 30 bcm of gas from January through September 2023.",
        "Chile's exports were $9 billion in the first eight months of 2023.",
        "Chile's exports were $9 billion year to date in 2023.",
    ],
)
def test_extract_claims_a_part_of_a_year_is_no_annual_level(text: str) -> None:
    assert [c.kind for c in claims_of(text)][:1] == ["cumulative"]


@pytest.mark.parametrize(
    "text",
    [
        "Chile's growth this year was 6 percent — 6 percent, a record in 2023.",
        "Chile raised its growth estimate by 1% to 4% in 2023.",
        "Chile's growth was 6 percent - 6 percent in 2023.",
    ],
)
def test_extract_claims_a_repeated_figure_or_a_change_is_no_range(text: str) -> None:
    assert "range" not in [c.kind for c in claims_of(text)]


def test_extract_claims_a_part_of_a_year_named_before_the_figure_is_cumulative() -> None:
    claims = claims_of("This year, from January through June, about 20 bcm of gas left Chile.")
    assert [c.kind for c in claims] == ["cumulative"]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Chile runs a trade deficit in wine, worth $2 billion in 2023.", "wine"),
        ("Chile's trade deficit in machine tools reached $4 billion in 2023.", "machine tools"),
        ("Chile's surplus in services exceeded $3 billion in 2023.", "services"),
        ("Chile's trade deficit in 2023 was $9 billion.", None),  # a time
        ("Chile's exports in recent years reached $9 billion.", None),
        ("Chile's trade deficit in real terms was $9 billion in 2023.", None),  # a manner
        ("Trade in Chile grew. Chile's exports were $9 billion in 2023.", None),  # a place, another sentence
        ("Chile's imports of steel were $2 billion in 2023.", "steel"),  # "of" after exports or imports
        ("Chile's exports of Chilean copper were $40 billion in 2023.", "copper"),
        ("Chile's imports of goods were $90 billion in 2023.", None),  # goods in general
        ("Chile's exports of more than $9 billion in 2023 were a record.", None),
    ],
)
def test_measure_in_goods_scope(text: str, scope: str | None) -> None:
    assert [c.scope for c in claims_of(text)] == [scope]


def test_measure_in_goods_trade_deficits_in_two_goods_never_contradict() -> None:
    from multipolar.claims.group import group_claims

    texts = ["Chile runs a trade deficit in wine, worth $2 billion in 2023.",
             "Chile's trade deficit in machine tools reached $4 billion in 2023."]
    claims = [c for k, t in enumerate(texts)
              for c in extract_claims(doc_id=f"d{k}", text=t, sentences=None, published=None)]
    assert not [g for g in group_claims(claims, tolerance=0.05) if g.status == "contradicted"]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Hiring was strong over the last year, with unemployment down to 4.1 percent.", "2023-05"),
        ("Output grew 3 percent last year; the jobless rate, unemployment, fell to 4.1 percent.", "2023-05"),
        ("Unemployment fell to 4.1 percent in 2019.", "2019"),
        ("In 2019, unemployment fell to 4.1 percent.", "2019"),
        ("Unemployment was 4.1 percent in 2022.", "2022"),
    ],
)
def test_extract_claims_rate_reading_is_dated_by_its_own_clause(text: str, period: str) -> None:
    """Rule `rate_reading`: a monthly rate moved to a value is the reading of its publication month unless
    its own clause (or the sentence's opening time phrase) names the period."""
    (claim,) = [c for c in claims_of(text, published=date(2023, 5, 2)) if c.measure == "unemployment"]
    assert claim.period == period


def test_extract_claims_money_spent_is_an_amount() -> None:
    (claim,) = claims_of("Ruritania has spent $3 billion on clinics this year.", published=date(2023, 5, 2))
    assert claim.kind == "amount"


def test_extract_claims_rate_reading_then_later_sentences() -> None:
    """A rate reading in one sentence leaves the figures of the sentences after it traceable."""
    text = ("Hiring was strong over the last year, with unemployment down to 4.1 percent. Exports reached "
            "$4 billion in 2022. Imports reached $3 billion in 2022.")
    assert [c.sentence for c in claims_of(text, published=date(2023, 5, 2))] == [0, 1, 2]
