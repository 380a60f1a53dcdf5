"""actors/issuer.py: an official statement's own government, named by "I", "we" and its offices' titles
(rules issuer.site, issuer.self_reference, issuer.official_title). Sentences invented."""

from datetime import date

import pytest

from multipolar.actors.issuer import issuer_mentions, issuer_of
from multipolar.events.api import parse_record
from multipolar.events.coder import EventCoder
from multipolar.settings import Settings

PUBLISHED = date(2025, 3, 12)


@pytest.mark.parametrize(("url", "outlet", "expected"), [
    ("https://www.whitehouse.gov/presidential-actions/2025/03/some-order/", None, "USA"),
    ("https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2024/05/01/x/", None, "USA"),
    ("https://www.fmprc.gov.cn/eng/xw/202503/t2025.html", None, "CHN"),
    ("http://en.kremlin.ru/events/president/news/1", None, "RUS"),
    ("https://apnews.com/article/tariffs-canada", "AP News", None),
    ("https://notwhitehouse.gov/page", None, None),  # a host that only ends with the same letters
    (None, "whitehouse.gov", "USA"),
    (None, "The White House", "USA"),
    (None, "BBC News", None),
    (None, None, None),
])
def test_issuer_of_site(url, outlet, expected):
    assert issuer_of(url=url, outlet=outlet) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("THE WHITE HOUSE\nOffice of the Press Secretary\n\nWe welcome the ceasefire.", "USA"),
    ("Statement\n\nOffice of the Spokesperson\nWe condemn the attack.", "USA"),
    ("Reporters outside the White House asked THE WHITE HOUSE for comment.\nWe waited.", None),
    ("Moscow, May 2\n\nWe spoke with the minister.", None),
])
def test_issuer_of_heading(text, expected):
    assert issuer_of(text=text) == expected


def test_parse_record_reads_issuer_from_url():
    record = {"id": "a", "text": "We met.", "url": "https://www.state.gov/briefings/x"}
    assert parse_record(record, n=1) == ("a", "We met.", None, "USA")
    assert parse_record({"id": "b", "text": "We met.", "outlet": "Reuters"}, n=2)[3] is None


@pytest.fixture(scope="module")
def coder():
    return EventCoder(Settings(event_classifier=False, event_official_sources=True))


def _acts(coder, text, issuer):
    events = coder.code_text(text, doc_id="t", published=PUBLISHED, issuer=issuer)
    return [(e.source, e.target, e.plover, coder.trace.fired.get(e.event_id, [])) for e in events]


def test_self_reference_names_issuer(coder):
    text = "Today we imposed new sanctions on Iran over its missile programme."
    found = _acts(coder, text, "USA")
    assert any(s == "USA" and t == "IRN" and "issuer.self_reference" in fired for s, t, _, fired in found)


def test_setting_off_reads_no_issuer():
    coder = EventCoder(Settings(event_classifier=False))
    events = coder.code_text("Today we imposed new sanctions on Iran.", doc_id="t", published=PUBLISHED, issuer="USA")
    assert not any(e.source == "USA" for e in events)


def test_self_reference_off_for_news(coder):
    text = "Today we imposed new sanctions on Iran over its missile programme."
    assert not any(s == "USA" for s, _, _, _ in _acts(coder, text, None))


def test_my_administration_names_issuer(coder):
    text = "My Administration condemned the attack by North Korea on South Korean fishing boats."
    found = _acts(coder, text, "USA")
    assert any(s == "USA" and "issuer.self_reference" in fired for s, _, _, fired in found)


def test_private_possessive_is_not_issuer(coder):
    doc = coder.pipeline.parse_one("Our daughter studied in Spain, and our support for Spain is strong.")
    actors = {i: m for m in coder.resolver.resolve(doc, on=PUBLISHED) for i in range(m.start, m.end)}
    added = issuer_mentions(doc, actors, "USA")
    ours = [t.i for t in doc if t.lower_ == "our"]
    assert ours[0] not in added and ours[1] in added


def test_official_title_names_issuer(coder):
    text = "The Secretary of Commerce added four Chinese companies to the Entity List."
    found = _acts(coder, text, "USA")
    assert any(s == "USA" and t == "CHN" and "issuer.official_title" in fired for s, t, _, fired in found)
    assert not any(s == "USA" for s, _, _, _ in _acts(coder, text, None))


def test_the_president_of_white_house_readout(coder):
    text = "President Biden spoke with President Lula of Brazil. The President condemned Russia's attacks on Ukraine."
    found = _acts(coder, text, "USA")
    assert any(s == "USA" and t == "RUS" and "issuer.official_title" in fired for s, t, _, fired in found)
    doc = coder.pipeline.parse_one("The two Presidents met. The President of Brazil thanked Canada.")
    actors = {i: m for m in coder.resolver.resolve(doc, on=PUBLISHED) for i in range(m.start, m.end)}
    assert not any(doc[i].lower_.startswith("president") for i in issuer_mentions(doc, actors, "USA"))


def test_a_title_coordinated_with_a_named_leader_names_issuer(coder):
    # the second name is coordinated with the title, not a word of its phrase
    found = _acts(coder, "The Vice President and Prime Minister Netanyahu discussed the ceasefire.", "USA")
    assert {(s, t) for s, t, _, _ in found} >= {("USA", "ISR"), ("ISR", "USA")}


def test_title_of_other_country_left_alone(coder):
    doc = coder.pipeline.parse_one("The Ministry of Foreign Affairs of Japan criticized the drills.")
    actors = {i: m for m in coder.resolver.resolve(doc, on=PUBLISHED) for i in range(m.start, m.end)}
    added = issuer_mentions(doc, actors, "CHN")
    assert not any(doc[i].lower_ == "ministry" for i in added)


def test_reporter_turn_is_not_issuer(coder):
    doc = coder.pipeline.parse_one("Q: Do we plan to sanction Iran?\nTHE PRESIDENT: We plan to talk with Iran first.")
    actors = {i: m for m in coder.resolver.resolve(doc, on=PUBLISHED) for i in range(m.start, m.end)}
    added = issuer_mentions(doc, actors, "USA")
    we = [t.i for t in doc if t.lower_ == "we"]
    assert we[0] not in added and we[1] in added
    assert actors[we[1]].actor_code == "USAGOV"


@pytest.mark.parametrize("label", ["Q    ", "Q: ", "AUDIENCE MEMBER: ", "PRIME MINISTER HALVORSEN: "])
def test_other_speakers_turns_are_not_issuer(coder, label):
    doc = coder.pipeline.parse_one(f"MS. GRAY: We talked with Canada.\n{label}We will retaliate against Canada.")
    actors = {i: m for m in coder.resolver.resolve(doc, on=PUBLISHED) for i in range(m.start, m.end)}
    added = issuer_mentions(doc, actors, "USA")
    we = [t.i for t in doc if t.lower_ == "we"]
    assert we[0] in added and we[1] not in added


def test_no_issuer_adds_nothing(coder):
    doc = coder.pipeline.parse_one("We condemned the strike on Kyiv.")
    actors: dict = {}
    assert issuer_mentions(doc, actors, None) == {} and actors == {}


def _hand_parsed(place: str):
    """"The Treasury in <place> imposed sanctions", "in <place>" attached to the verb (as a parse may)."""
    import spacy
    from spacy.tokens import Doc

    words = ["The", "Treasury", "in", place, "imposed", "sanctions"]
    return Doc(spacy.blank("en").vocab, words=words, heads=[1, 4, 4, 2, 4, 4], deps=["det", "nsubj", "prep", "pobj", "ROOT", "dobj"],
               pos=["DET", "PROPN", "ADP", "PROPN", "VERB", "NOUN"], tags=["DT", "NNP", "IN", "NNP", "VBD", "NNS"],
               lemmas=["the", "Treasury", "in", place, "impose", "sanction"])


@pytest.mark.parametrize(("place", "code", "issued"), [("London", "GBRGOV", False), ("Washington", "USAGOV", True)])
def test_title_followed_by_another_country_left_alone(place, code, issued):
    from multipolar.actors.resolver import ActorMatch

    doc = _hand_parsed(place)
    where = ActorMatch(3, 4, doc[3].idx, doc[3].idx + len(place), place, code, code[:3], None, "government")
    actors = {3: where}
    assert (1 in issuer_mentions(doc, actors, "USA")) is issued
