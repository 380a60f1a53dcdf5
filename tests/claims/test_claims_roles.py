"""Subject, target and scope of a figure, read off hand-built parses (no model needed)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import spacy
from spacy.tokens import Doc

from multipolar.claims.extract import extract_claims
from multipolar.claims.roles import claim_roles, code_of


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    actor_code: str

    @property
    def country(self) -> str:
        return self.actor_code[:3]


VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_), no model


def parsed(rows: list[tuple[str, str, str, str, int]]) -> Doc:
    """rows: (word, lemma, pos, dep, head index)."""
    words, lemmas, pos, deps, heads = (list(x) for x in zip(*rows, strict=True))
    return Doc(VOCAB, words=words, lemmas=lemmas, pos=pos, deps=deps, heads=heads)


def actors_of(matches: list[Match]) -> dict[int, Match]:
    return {i: m for m in matches for i in range(m.start, m.end)}


def span_of(doc: Doc, first: int, last: int) -> tuple[int, int]:
    return doc[first].idx, doc[last].idx + len(doc[last])


# "Ottawa raised its levy on Peruvian lumber to 30 percent ."
LEVY = parsed([
    ("Ottawa", "Ottawa", "PROPN", "nsubj", 1), ("raised", "raise", "VERB", "ROOT", 1),
    ("its", "its", "PRON", "poss", 3), ("levy", "levy", "NOUN", "dobj", 1), ("on", "on", "ADP", "prep", 3),
    ("Peruvian", "peruvian", "ADJ", "amod", 6), ("lumber", "lumber", "NOUN", "pobj", 4),
    ("to", "to", "ADP", "prep", 1), ("30", "30", "NUM", "nummod", 9), ("percent", "percent", "NOUN", "pobj", 7),
    (".", ".", "PUNCT", "punct", 1),
])
LEVY_ACTORS = [Match(0, 1, "CANGOV"), Match(5, 6, "PER")]


def test_claim_roles_subject_of_the_clause_and_target_of_the_on_phrase() -> None:
    start, end = span_of(LEVY, 8, 9)
    roles = claim_roles(LEVY, actors_of(LEVY_ACTORS), start=start, end=end)
    assert roles is not None
    assert (roles.subject, roles.target, roles.scope, roles.noun) == (("CAN",), ("PER",), "lumber", "levy")


# "Kenyan tea will face a 12 percent duty ."
FACE = parsed([
    ("Kenyan", "kenyan", "ADJ", "amod", 1), ("tea", "tea", "NOUN", "nsubj", 3), ("will", "will", "AUX", "aux", 3),
    ("face", "face", "VERB", "ROOT", 3), ("a", "a", "DET", "det", 7), ("12", "12", "NUM", "nummod", 6),
    ("percent", "percent", "NOUN", "compound", 7), ("duty", "duty", "NOUN", "dobj", 3), (".", ".", "PUNCT", "punct", 3),
])


def test_claim_roles_undergoer_subject_is_the_target() -> None:
    start, end = span_of(FACE, 5, 6)
    roles = claim_roles(FACE, actors_of([Match(0, 1, "KEN")]), start=start, end=end)
    assert roles is not None
    assert (roles.subject, roles.target, roles.scope) == ((), ("KEN",), "tea")


# "Chile put a 9 percent tariff on all Bolivian goods ."
ALL = parsed([
    ("Chile", "Chile", "PROPN", "nsubj", 1), ("put", "put", "VERB", "ROOT", 1), ("a", "a", "DET", "det", 5),
    ("9", "9", "NUM", "nummod", 4), ("percent", "percent", "NOUN", "compound", 5),
    ("tariff", "tariff", "NOUN", "dobj", 1), ("on", "on", "ADP", "prep", 5), ("all", "all", "DET", "det", 9),
    ("Bolivian", "bolivian", "ADJ", "amod", 9), ("goods", "good", "NOUN", "pobj", 6), (".", ".", "PUNCT", "punct", 1),
])


@pytest.mark.parametrize(("quantifier", "scope"), [("all", "all"), ("the", None)])
def test_claim_roles_scope_all_only_when_stated(quantifier: str, scope: str | None) -> None:
    words = [t.text if t.i != 7 else quantifier for t in ALL]
    doc = Doc(VOCAB, words=words, lemmas=[t.lemma_ for t in ALL], pos=[t.pos_ for t in ALL],
              deps=[t.dep_ for t in ALL], heads=[t.head.i for t in ALL])
    start, end = span_of(doc, 3, 4)
    roles = claim_roles(doc, actors_of([Match(0, 1, "CHL"), Match(8, 9, "BOL")]), start=start, end=end)
    assert roles is not None
    assert (roles.subject, roles.target, roles.scope) == (("CHL",), ("BOL",), scope)


def test_claim_roles_no_actor_in_the_parse_gives_empty_roles() -> None:
    start, end = span_of(ALL, 3, 4)
    roles = claim_roles(ALL, {}, start=start, end=end)
    assert roles is not None
    assert (roles.subject, roles.target) == ((), ())


def test_code_of_keeps_an_organisation_whole() -> None:
    assert code_of(Match(0, 1, "IGOEU")) == "IGOEU"
    assert code_of(Match(0, 1, "RUSGOV")) == "RUS"


def test_extract_claims_uses_the_parse_for_subject_target_and_measure() -> None:
    claims = extract_claims(doc_id="d", text=LEVY.text, sentences=None, published=None, doc=LEVY,
                            actors=LEVY_ACTORS)
    assert [(c.measure, c.subject, c.target, c.scope, c.kind) for c in claims] == [
        ("tariff", ("CAN",), ("PER",), "lumber", "level")
    ]


def test_extract_claims_without_a_parse_keeps_the_sentence_countries() -> None:
    text = "Canada raised its levy on Peruvian lumber to 30 percent."
    claims = extract_claims(doc_id="d", text=text, sentences=None, published=None)
    assert [(c.subject, c.target) for c in claims] == [(("CAN", "PER"), ())]


# "Exports ballooned by 40 percent ."
BY = parsed([
    ("Exports", "export", "NOUN", "nsubj", 1), ("ballooned", "balloon", "VERB", "ROOT", 1),
    ("by", "by", "ADP", "prep", 1), ("40", "40", "NUM", "nummod", 4), ("percent", "percent", "NOUN", "pobj", 2),
    (".", ".", "PUNCT", "punct", 1),
])


def test_extract_claims_by_after_any_verb_is_a_change() -> None:
    (claim,) = extract_claims(doc_id="d", text=BY.text, sentences=None, published=None, doc=BY, actors=[])
    assert (claim.kind, claim.measure) == ("change", "exports change")
    (plain,) = extract_claims(doc_id="d", text=BY.text, sentences=None, published=None)
    assert plain.kind == "level"  # "ballooned" is no change word: only the parse knows


# "Youth unemployment in Peru was 9 percent ."
YOUTH = parsed([
    ("Youth", "youth", "NOUN", "compound", 1), ("unemployment", "unemployment", "NOUN", "nsubj", 4),
    ("in", "in", "ADP", "prep", 1), ("Peru", "Peru", "PROPN", "pobj", 2), ("was", "be", "AUX", "ROOT", 4),
    ("9", "9", "NUM", "nummod", 6), ("percent", "percent", "NOUN", "attr", 4), (".", ".", "PUNCT", "punct", 4),
])
# "The overall unemployment rate of Peru was 9 percent ."
OVERALL = parsed([
    ("The", "the", "DET", "det", 3), ("overall", "overall", "ADJ", "amod", 3),
    ("unemployment", "unemployment", "NOUN", "compound", 3), ("rate", "rate", "NOUN", "nsubj", 6),
    ("of", "of", "ADP", "prep", 3), ("Peru", "Peru", "PROPN", "pobj", 4), ("was", "be", "AUX", "ROOT", 6),
    ("9", "9", "NUM", "nummod", 8), ("percent", "percent", "NOUN", "attr", 6), (".", ".", "PUNCT", "punct", 6),
])
# "The rural unemployment rate of Peru was 9 percent ."
RURAL = parsed([
    ("The", "the", "DET", "det", 3), ("rural", "rural", "ADJ", "amod", 2),
    ("unemployment", "unemployment", "NOUN", "compound", 3), ("rate", "rate", "NOUN", "nsubj", 6),
    ("of", "of", "ADP", "prep", 3), ("Peru", "Peru", "PROPN", "pobj", 4), ("was", "be", "AUX", "ROOT", 6),
    ("9", "9", "NUM", "nummod", 8), ("percent", "percent", "NOUN", "attr", 6), (".", ".", "PUNCT", "punct", 6),
])


@pytest.mark.parametrize(
    ("doc", "peru", "number", "scope"),
    [(YOUTH, 3, (5, 6), "youth"), (OVERALL, 5, (7, 8), None), (RURAL, 5, (7, 8), "rural")],
)
def test_claim_roles_a_qualifier_of_the_measure_is_its_scope(doc: Doc, peru: int, number: tuple[int, int],
                                                             scope: str | None) -> None:
    start, end = span_of(doc, *number)
    roles = claim_roles(doc, actors_of([Match(peru, peru + 1, "PER")]), start=start, end=end)
    assert roles is not None
    assert roles.scope == scope
