"""Rules of actors/homonyms.py: actors.us_state ("Georgia" is the US state where the words next to it say so,
else the country) and actors.named_accord ("the Paris Agreement" names no French act). Sentences invented."""

from __future__ import annotations

from datetime import date

import pytest

from multipolar.actors.resolver import ActorResolver
from multipolar.events.coder import EventCoder
from multipolar.settings import Settings

ON = date(2025, 3, 1)


def georgias(resolver: ActorResolver, nlp, text: str) -> list[tuple[str, str]]:
    return [(m.country, m.kind) for m in resolver.resolve(nlp(text), on=ON) if m.text.startswith("Georgia")]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor of Atlanta, Georgia, met the visitors on Friday.",
        "Officials in Fulton County, Georgia, counted the ballots again.",
        "The state of Georgia passed a new budget.",
        "The governor of Georgia vetoed the measure.",
        "Georgia's governor vetoed the measure.",
        "Georgia Gov. Jane Roe vetoed the measure.",
        "Georgia Republicans backed the measure.",
        "Georgia's secretary of state certified the count.",
        "Georgia State University opened a new campus.",
        "Governor Brian Kemp of Georgia vetoed the measure.",
        "The agency met Georgia state and local officials on Monday.",
        "Georgia state law bans the practice.",
    ],
)
def test_us_state_cue_names_the_state(resolver, blank, text) -> None:
    assert georgias(resolver, blank, text) == [("USA", "us_state")]


@pytest.mark.parametrize(
    "text",
    [
        "Georgia and Armenia signed a border deal.",
        "The talks in Tbilisi, Georgia, ended without a deal.",
        "Russia, Georgia and Azerbaijan sent envoys.",
        "The president of Georgia flew to Brussels.",
        "President Salome Zourabichvili of Georgia flew to Brussels.",
        "Georgia applied to join the European Union.",
    ],
)
def test_us_state_without_a_cue_is_the_country(resolver, blank, text) -> None:
    assert [c for c, _ in georgias(resolver, blank, text)] == ["GEO"]


def test_us_state_prime_minister_stays_the_country(resolver, blank) -> None:
    matches = resolver.resolve(blank("Georgia's prime minister flew to Brussels."), on=ON)
    assert [(m.actor_code, m.kind) for m in matches] == [("GEOGOV", "role")]


def test_us_state_named_once_holds_for_the_rest_of_the_text(resolver, blank) -> None:
    text = "Georgia's governor signed the bill on Monday. The law takes effect in Georgia in July."
    assert georgias(resolver, blank, text) == [("USA", "us_state"), ("USA", "us_state")]


def test_us_state_memory_ends_with_the_text(resolver, blank) -> None:
    georgias(resolver, blank, "Georgia's governor signed the bill.")
    assert [c for c, _ in georgias(resolver, blank, "Georgia applied to join the European Union.")] == ["GEO"]


@pytest.mark.model
def test_us_state_coded_event_names_the_rule() -> None:
    coder = EventCoder(Settings(event_classifier=False))
    events = coder.code_text("Georgia's governor condemned China's trade practices on Monday.", doc_id="g",
                             published=ON)
    assert [(e.source, e.target) for e in events] == [("USA", "CHN")]
    assert "actors.us_state" in coder.trace.fired.get(events[0].event_id, [])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The governor of Virginia opened a new port terminal on Monday.", "Virginia"),
        ("Fishermen in Maine said lobster prices fell this spring.", "Maine"),
        ("Apple growers in Washington state shipped less fruit abroad.", "Washington state"),
    ],
)
def test_us_states_missing_before_are_places_in_the_united_states(resolver, blank, text, name) -> None:
    assert [(m.country, m.text) for m in resolver.resolve(blank(text), on=ON)] == [("USA", name)]


def test_washington_alone_is_still_the_us_government(resolver, blank) -> None:
    assert [m.actor_code for m in resolver.resolve(blank("Washington rejected the proposal."), on=ON)] == ["USAGOV"]


def countries(resolver: ActorResolver, nlp, text: str) -> list[str]:
    return [m.country for m in resolver.resolve(nlp(text), on=ON)]


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("Canada said the goals of the Paris Agreement were still in reach.", ["CAN"]),
        ("Germany urged both sides to return to the Minsk agreements.", ["DEU"]),
        ("Talks in the Normandy format resumed after a long pause.", []),
        ("Japan ratified the Kyoto Protocol in 2002.", ["JPN"]),
        ("Canada ratified the Kigali Amendment to the Montreal Protocol.", ["CAN"]),
        ("Canada will leave the Paris Climate Accord.", ["CAN"]),  # one more word of the accord's name
    ],
)
def test_named_accord_city_is_no_actor(resolver, blank, text, left) -> None:
    # rule actors.named_accord: the city names where the accord was made
    assert countries(resolver, blank, text) == left


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("Paris rejected the agreement on Monday.", ["FRA"]),
        ("Paris Tuesday signed the agreement.", ["FRA"]),
        ("Kyiv and Moscow signed an agreement.", ["UKR", "RUS"]),
        ("Iran agreement talks resumed on Monday.", ["IRN"]),
    ],
)
def test_named_accord_leaves_actors_and_country_names(resolver, blank, text, left) -> None:
    assert countries(resolver, blank, text) == left


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("Canada's prime minister met President Santiago Peña of Paraguay on Monday.", ["CAN", "PRY"]),
        ("Ms. Lima Torres of Peru spoke first.", ["PER"]),
    ],
)
def test_a_city_used_as_a_forename_after_a_title_is_no_actor(resolver, blank, text, left) -> None:
    # rule actors.place_forename: the capital is the person's forename, not the Chilean government
    assert countries(resolver, blank, text) == left


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("The president Santiago backed is Chile's.", ["CHL", "CHL"]),
        ("Moscow Mayor Sergei Sobyanin spoke.", ["RUS"]),
        ("The minister flew to Santiago Monday.", ["CHL"]),
    ],
)
def test_a_city_not_between_a_title_and_a_name_stays_an_actor(resolver, blank, text, left) -> None:
    assert countries(resolver, blank, text) == left


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("The Child Protection Compact (CPC) was signed in May. The CPC pays for new shelters.", []),
        ("The Indian Chamber of Commerce (ICC) met on Monday. The ICC asked for lower duties.", ["IND"]),
    ],
)
def test_an_acronym_the_text_defines_is_no_actor_of_the_same_letters(resolver, blank, text, left) -> None:
    # rule actors.local_acronym: here CPC stands for the compact, not the Communist Party of China
    assert countries(resolver, blank, text) == left


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("The Communist Party of China (CPC) met on Monday. The CPC praised the plan.", ["CHN", "CHN", "CHN"]),
        ("The Office of Foreign Assets Control (OFAC) acted. OFAC named two banks.", ["USA", "USA", "USA"]),
        ("The CPC praised the plan.", ["CHN"]),
    ],
)
def test_an_acronym_defined_by_its_own_name_stays_its_actor(resolver, blank, text, left) -> None:
    assert countries(resolver, blank, text) == left


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("Students at Santiago State University marched.", []),
        ("The University of Lima signed a partnership with Chile.", ["CHL"]),
        ("The Peruvian Academy of Sciences praised Chile.", ["CHL"]),
    ],
)
def test_a_place_or_nationality_in_an_institutions_name_is_no_actor(resolver, blank, text, left) -> None:
    # rule actors.named_institution
    assert countries(resolver, blank, text) == left


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("Lima condemned the attack on the university.", ["PER"]),
        ("Peruvian officials visited the academy.", ["PER"]),
    ],
)
def test_a_place_before_other_words_stays_an_actor(resolver, blank, text, left) -> None:
    assert countries(resolver, blank, text) == left


def test_opposition_to_something_is_a_stance_not_the_political_opposition(resolver, blank) -> None:
    # rule actors.sector_sense
    codes = [m.actor_code for m in resolver.resolve(blank("Austria restated its firm opposition to the plan. "
                                                            "Austria's opposition to the plan is old."), on=ON)]
    assert "AUTOPP" not in codes and "AUT" in codes
    assert "VENOPP" in [m.actor_code for m in resolver.resolve(blank("Venezuela's opposition boycotted the vote."),
                                                                on=ON)]



@pytest.mark.parametrize(("text", "india"), [
    ("The Bureau of Indian Affairs opened an office in Phoenix.", False),
    ("American Indian tribes met in Denver.", False),
    ("The law protects Indian Country.", False),
    ("The Indian government protested to Pakistan.", True),
    ("Indian troops clashed with Chinese soldiers.", True),
])
def test_native_american_indian_is_not_india(resolver, blank, text, india) -> None:
    # rule actors.native_american
    found = [m for m in resolver.resolve(blank(text), on=ON) if m.country == "IND"]
    assert bool(found) is india


@pytest.fixture(scope="module")
def parsed():
    """The coder's pipeline, its resolver added (so the resolver knows the lemmatizer's words)."""
    coder = EventCoder(Settings(event_classifier=False))
    return coder.resolver, coder.pipeline.nlp


@pytest.mark.model
@pytest.mark.parametrize(("text", "left"), [
    ("Deputy Attorney General Lisa O. Monaco briefed the committee on Monday.", []),
    ("Lisa Monaco said the review would end soon.", []),
    ("Representative Jim Jordan asked about Mexico.", ["MEX"]),
    ("Next question, Steve Holland.", []),
    ("Prince Albert of Monaco opened the fair.", ["MCO"]),
    ("The drought shrank Lake Chad again.", ["TCD"]),
    ("Japan Condemns China's Ban on Chip Exports", ["JPN", "CHN"]),
    ("Secretary Blinken Israel visit ends without a deal", ["USA", "ISR"]),
    ("Then Jordan said no to the plan.", ["JOR"]),
])
def test_a_country_after_a_forename_is_a_surname(parsed, text, left) -> None:
    # rule actors.person_surname
    resolver, nlp = parsed
    assert [m.country for m in resolver.resolve(nlp(text), on=ON)] == left


@pytest.mark.model
def test_the_surname_rule_needs_tags(parsed, blank) -> None:
    # untagged text (a bare name looked up on its own) never counts: "Lisa" could be anything there
    resolver, _ = parsed  # knows the lemmatizer's words, so only the missing tags keep the rule off
    assert [m.country for m in resolver.resolve(blank("Lisa Monaco"), on=ON)] == ["MCO"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "left"), [
    ("[XNA] Lima -- Chile's foreign minister praised the accord with Peru.", ["CHL", "PER"]),
    ("LIMA, March 3 (Wire) - Chile criticised the plan.", ["CHL"]),
    ("Lima, Jan. 4 -- Chile protested to Peru.", ["CHL", "PER"]),
    ("Lima rejected the plan, the ministry said.", ["PER"]),
    ("Chile and Peru met. Lima then rejected the plan.", ["CHL", "PER", "PER"]),
    ("Lima-backed officials accused Chile of spying.", ["PER", "CHL"]),
    ("LIMA—Chile's foreign minister praised the accord.", ["CHL"]),
])
def test_a_dateline_city_is_no_actor(parsed, text, left) -> None:
    # rule actors.dateline
    resolver, nlp = parsed
    assert [m.country for m in resolver.resolve(nlp(text), on=ON)] == left
