"""Numeric claims in clean text: the figure, what it measures, about whom, on whom, for when, who says so.

    extract_claims(doc_id=..., text=..., sentences=None, published=None, doc=None, actors=()) -> list[Claim]
    title_claims(doc_id=..., title=..., text=..., published=None, doc=None, actors=()) -> list[Claim]

Rules over regular expressions, a small data file (`data/measures.csv`) and the gazetteer's country names;
with `doc` and `actors` (the spaCy parse and the actor resolver's matches the analysis already has),
subject, target and scope come from the parse (`roles.py`). Each claim keeps its sentence index and the
character span of the number phrase in `text`.

How each field is found, nearest first:
- measure: the parse's noun when it is a measure word ("lifted its duty on imports to 60%" -> tariff);
  else a measure word right after the number ("a 145% tariff", "$5 billion in trade",
  "220 billion dollar joint trade"), else the nearest one before it in the sentence ("trade ...
  soared to $245 billion", "export value fell to $1.38 billion"), with its modifiers ("crude oil
  exports" -> "oil exports"); a deficit, surplus or growth right after another measure word is the
  measure, the word before its modifier (rule `compound_head`: "a $1 trillion trade deficit" -> trade
  deficit, never "trade" nor, by the parse, "deficit"); a change ("up 68%") makes it "<measure> change"; trade between two
  countries is "bilateral trade". Nothing found: "unspecified" (never grouped across documents). A
  figure that modifies the noun after it ("our $7 trillion economic partnership") measures that noun, so
  none further off (rule `attributive_figure`); a measure word inside a name ("the Department of
  Commerce", "the Trade Organization") measures nothing (rule `name_not_measure`).
- kind: "change" or "level" (`kinds.py`, rule `change_kind`: "raised by 50%" against "raised to 50%"),
  or "share", "amount", "forecast", "range", "rate", "vague", "cumulative" (rule `figure_kind`: "40% of
  imports", "$5 billion in debt relief", "would be 4.6%", "3-4%", "$400 a month", "hundreds of dollars",
  "$8 trillion over four years"); only a level can be contradicted.
- subject and target: by the parse (`roles.py`: "US tariffs on Chinese goods": USA on CHN). Without a
  parse, or when it names neither, the subject is the countries named in the sentence (outside the
  attribution) and the target is empty; for bilateral figures ("the two countries", "bilateral",
  "joint", "between") the subject is the two named last before the number, looking back into the
  previous sentences when the sentence names fewer than two.
- target without a parse: the other side of a directed flow (`partners.py`, rule `trade_partner`:
  "Japan's exports to Brazil" -> JPN on BRA; "the deficit with Mexico" -> on MEX).
- scope: the goods of the "on" phrase by the parse ("on steel" -> steel), or "all" when the sentence
  says so (`kinds.stated_scope`), or the place inside a country the figure is about (`kinds.part_scope`:
  "unemployment in Puerto Rico"), or the group a rate is about (`partners.group_scope`: "unemployment
  among young workers"); None when unstated.
- period: `periods.py` - named in the sentence ("in 2024", "last year", "on April 11"), else in its
  paragraph, else, for a level of an annual flow stated in the present, the last full year before
  `published` (rule `current_annual_level`); a base figure ("to 10% from 20%", rule `base_figure`)
  takes none, and a period right after a spelled-out base ("up from $190 billion in 2023") is its own;
  a toll of the dead or wounded is the toll known on the publication day (`tolls.py`, rule `toll_as_of`),
  its scope the incident its sentence names (rule `toll_incident`).
- sentences: a bullet starts a new one (rule `bullet_items`: "Steel: $5 billion • Coal: $2 billion"
  are two), so the figures of a list never borrow each other's words; a claim keeps the index of the
  sentence it is in.
- titles (rule `title_claims`): a document's title is read for claims too, as a sentence of its own
  (news feeds put the toll or the figure in the headline, and the clean text keeps the title apart);
  such a claim has sentence index -1 and offsets into the title, and is read only when the text does
  not already open with the title.
- attribution: "according to Chinese customs data", "Putin said", "said Lavrov", "customs data showed";
  a name never spans a line break, and a known name glued to a heading word stands alone (rule
  `glued_name`: "Cooperation Putin" -> "Putin").
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from multipolar.claims import kinds
from multipolar.claims.attribution import find_attributions
from multipolar.claims.lexicon import CountryMatcher, MeasureWord, load_country_matcher, load_measure_words
from multipolar.claims.partners import group_scope, trade_partner
from multipolar.claims.periods import claim_period, nearest, sentence_periods
from multipolar.claims.roles import claim_roles
from multipolar.claims.sentences import split_items, split_sentences
from multipolar.claims.tolls import is_toll, toll_incident, toll_period
from multipolar.quantities import Quantity, find_quantities
from multipolar.records import Claim

STAGE = "claims.v1"
UNSPECIFIED = "unspecified"

# --- tokens ----------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*\d|\d|[^\sA-Za-z\d]")
_STOP_AFTER = {
    "and",
    "or",
    "to",
    "from",
    "than",
    "since",
    "after",
    "before",
    "with",
    "by",
    "that",
    "which",
    "for",
    "as",
    "at",
    "on",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "while",
    "but",
    "when",
    "compared",
    "up",
    "down",
}
_PUNCT_STOP = {",", ";", ":", "(", ")", ".", "!", "?", "“", "”", '"'}


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, start, end)]


# --- measure ---------------------------------------------------------------------------------------

_BILATERAL_CUE = re.compile(
    r"(?i)\b(?:bilateral|joint|two-way|mutual|between|the\s+two\s+(?:countries|nations|sides|states|economies"
    r"|neighbou?rs)|both\s+(?:countries|nations|sides))\b"
)


_OF_MEASURE = frozenset({"deficit", "surplus", "growth"})  # rule `compound_head`


def _as_modifier(word: MeasureWord) -> str:
    if word.role == "head":
        return word.canonical[:-1] if word.canonical in {"exports", "imports"} else word.canonical
    return word.canonical


def _head_with_modifiers(
    tokens: list[tuple[int, int, str]], i: int, words: dict[str, MeasureWord], floor: int
) -> tuple[str, list[str]]:
    """The measure named by tokens[i] and the modifiers in the up-to-three tokens before it."""
    head = words[tokens[i][2].lower()]
    modifiers: list[str] = []
    j = i - 1
    canonical = head.canonical
    while j >= max(floor, i - 3):
        word = words.get(tokens[j][2].lower())
        if word is None or word.role == "change":
            if tokens[j][2] in _PUNCT_STOP or not tokens[j][2][0].isupper():
                break  # a capitalised word (a demonym, "Russian") may stand between modifiers
            j -= 1
            continue
        if head.role == "weak" and word.role == "head":
            head, canonical = word, word.canonical  # "export value" -> exports
        elif word.role in {"head", "weak"}:
            modifiers.insert(0, _as_modifier(word))
        else:
            modifiers.insert(0, word.canonical)
        j -= 1
    return canonical, modifiers


def _measure(
    tokens: list[tuple[int, int, str]], q: Quantity, words: dict[str, MeasureWord], *, floor: int
) -> tuple[str | None, bool, bool]:
    """(measure or None, bilateral modifier seen, is a change) for the quantity among the tokens."""
    first_after = bisect.bisect_left([t[0] for t in tokens], q.end)
    last_before = bisect.bisect_left([t[0] for t in tokens], q.start) - 1
    is_change = kinds.is_change(tokens, q, words)
    found: tuple[str, list[str]] | None = None
    between: list[str] = []
    # 1. right after the number: "a 145% tariff", "$5 billion in trade", "220 billion dollar joint trade"
    for k in range(first_after, min(len(tokens), first_after + 5)):
        word = tokens[k][2]
        lower = word.lower()
        entry = words.get(lower)
        if entry and entry.role in {"head", "weak"}:
            while k + 1 < len(tokens) and getattr(words.get(tokens[k + 1][2].lower()), "canonical", None) in _OF_MEASURE:
                k += 1  # rule `compound_head`: "trade deficit", "export growth" are measures of a measure
            found = _head_with_modifiers(tokens, k, words, first_after)
            break
        if entry and entry.role == "modifier":
            between.append(entry.canonical)
            continue
        if word in _PUNCT_STOP or lower in _STOP_AFTER:
            break
    if found is None and _is_attributive(tokens, first_after, last_before):
        return None, "bilateral" in between, is_change  # rule `attributive_figure`
    # 2. the nearest before it: "trade ... soared to $245 billion"; a weak word ("level") yields to a
    #    head further back; another figure is not crossed unless this one is its change ("..., up 68%")
    if found is None:
        weak: tuple[str, list[str]] | None = None
        for k in range(last_before, max(-1, last_before - 20), -1):
            word = tokens[k][2]
            if word == ";" or (tokens[k][1] <= floor and not is_change):
                break
            entry = None if _in_name(tokens, k) else words.get(word.lower())
            if entry and entry.role in {"head", "weak"}:
                candidate = _head_with_modifiers(tokens, k, words, 0)
                if entry.role == "weak" and candidate[0] == entry.canonical:
                    weak = weak or candidate
                    continue
                found = candidate
                break
        found = found or weak
    # 3. further after: "... reached $5 billion last year in arms sales"
    if found is None:
        for k in range(first_after, min(len(tokens), first_after + 12)):
            entry = None if _in_name(tokens, k) else words.get(tokens[k][2].lower())
            if tokens[k][2] in {";", "."}:
                break
            if entry and entry.role in {"head", "weak"}:
                found = _head_with_modifiers(tokens, k, words, first_after)
                break
    if found is None:
        return None, "bilateral" in between, is_change
    canonical, modifiers = found
    modifiers = [m for m in dict.fromkeys([*between, *modifiers]) if m != canonical]
    bilateral = "bilateral" in modifiers
    modifiers = [m for m in modifiers if m != "bilateral"]
    return " ".join([*modifiers, canonical]), bilateral, is_change


# rule `attributive_figure`: a figure that modifies the noun after it ("our $7 trillion economic partnership",
# "its $11 billion research fund": a determiner or possessive before it, a word after it) measures that
# noun; when no measure word stands there, the figure measures something we do not name, never a
# measure word further off in the sentence ("trade ... our $7 trillion partnership" is no trade figure)
_DETERMINERS = frozenset("a an the its their our his her this that these those whose your my".split())
_NOT_HEAD_AFTER = frozenset("""
in of for from to on at by with per each every a an this last next that annually yearly monthly worth more less
fewer over under about around and or than as is was were are be been has have had will would could should may
might can did does do year years month months week weeks day days total overall combined altogether alone
record high low peak level figure mark sum value amount
""".split())


def _is_attributive(tokens: list[tuple[int, int, str]], first_after: int, last_before: int) -> bool:
    """Rule `attributive_figure` (above)."""
    if last_before < 0 or first_after >= len(tokens):
        return False
    before, after = tokens[last_before][2].lower(), tokens[first_after][2]
    if before not in _DETERMINERS and not before.endswith(("'s", "’s")):
        return False
    lower = after.lower()
    return after[0].isalpha() and lower not in _NOT_HEAD_AFTER and lower not in kinds.CHANGE_AFTER


def _in_name(tokens: list[tuple[int, int, str]], k: int) -> bool:
    """Rule `name_not_measure`: a capitalised measure word inside a name ("the Department of Commerce",
    "the World Trade Organization", "the Trade Representative") measures nothing - unless the
    sentence is written in title case (a headline: "China's Exports Soar")."""
    word = tokens[k][2]
    if not word[:1].isupper() or k == 0:
        return False
    alpha = [t[2] for t in tokens if t[2][:1].isalpha() and len(t[2]) > 3]
    if alpha and sum(t[0].isupper() for t in alpha) / len(alpha) >= 0.7:
        return False  # title case
    before = tokens[k - 1][2] if k > 0 else ""
    after = tokens[k + 1][2] if k + 1 < len(tokens) else ""
    if before == "of" and k >= 2 and tokens[k - 2][2][:1].isupper():
        return True
    return after[:1].isupper() and after[:1].isalpha() or (before[:1].isupper() and before[:1].isalpha())


def _finish_measure(measure: str | None, q: Quantity, subject: tuple[str, ...], change: bool) -> str:
    if q.unit == "people":
        return q.noun or "people"
    if measure is None:
        measure = {"bpd": "oil flow", "m3": "gas volume"}.get(q.unit, UNSPECIFIED)
    if q.unit == "bpd" and "oil" not in measure.split():
        measure = f"oil {measure}"
    if q.unit == "m3" and "gas" not in measure.split():
        measure = f"gas {measure}"
    if measure == "trade" and len(subject) == 2:
        measure = "bilateral trade"
    if change and measure != UNSPECIFIED:
        measure = f"{measure} change"
    return measure


# --- subject ---------------------------------------------------------------------------------------


def _subject(
    *,
    text: str,
    sentence: tuple[int, int],
    previous: Sequence[tuple[int, int]],
    q_start: int,
    excluded: Sequence[tuple[int, int]],
    bilateral: bool,
    matcher: CountryMatcher,
) -> tuple[str, ...]:
    def outside(mentions: list) -> list:
        return [m for m in mentions if not any(s <= m.start < e for s, e in excluded)]

    every = matcher.find(text, sentence[0], sentence[1])
    mentions = outside(every)
    inside = [m for m in every if m not in mentions]  # named in the attribution: "Putin said", "Russian data"
    codes = list(dict.fromkeys(m.code for m in mentions))
    if bilateral and len(codes) != 2:
        picked: list[str] = []
        pools = [[m for m in mentions if m.start < q_start]]
        pools += [matcher.find(text, s, e) for s, e in reversed(previous)]
        pools.append(inside)
        for pool in pools:
            for m in reversed(pool):
                if m.code not in picked:
                    picked.append(m.code)
                if len(picked) == 2:
                    return tuple(sorted(picked))
        return tuple(sorted(codes or picked))
    if not codes:
        codes = list(dict.fromkeys(m.code for m in inside))
    if len(codes) > 2:
        near = list(dict.fromkeys(m.code for m in mentions if abs(m.start - q_start) <= 60))
        if near:
            codes = near
    return tuple(sorted(codes))


def _outside(mentions: list, attributions: Sequence[tuple[int, int, str]]) -> list:
    return [m for m in mentions if not any(s <= m.start < e for s, e, _ in attributions)]


# --- the stage -------------------------------------------------------------------------------------


def claim_id_of(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:16]


def _actor_map(actors: Sequence[Any]) -> dict[int, Any]:
    return {i: m for m in actors for i in range(m.start, m.end)}


def extract_claims(
    *,
    doc_id: str,
    text: str,
    sentences: Sequence[tuple[int, int]] | None,
    published: date | None,
    doc: Any = None,
    actors: Sequence[Any] = (),
) -> list[Claim]:
    """Every numeric claim in `text`, in order; `sentences` are char offsets (split simply when None).

    With `doc` (the spaCy Doc of `text`) and `actors` (the actor resolver's matches in it), subject,
    target and scope are read off the parse (`claims.roles`); without them, the subject is the
    countries the sentence names and the target stays empty."""
    pieces = split_items(text, list(sentences) if sentences is not None else split_sentences(text))
    spans = [(s, e) for s, e, _ in pieces]
    quantities = find_quantities(text)
    if not quantities or not spans:
        return []
    words = load_measure_words()
    matcher = load_country_matcher()
    by_token = _actor_map(actors) if doc is not None else {}
    starts = [s for s, _ in spans]
    claims: list[Claim] = []
    cache: dict[int, tuple[list, list, list, list, list]] = {}
    for q in quantities:
        index = bisect.bisect_right(starts, q.start) - 1
        if index < 0 or q.end > spans[index][1]:
            continue  # a number phrase across a sentence boundary: not a claim we can trace
        s_start, s_end = spans[index]
        if index not in cache:
            attributed = find_attributions(text, s_start, s_end, matcher)
            mentioned = matcher.find(text, s_start, s_end)
            cache[index] = (
                _tokens(text, s_start, s_end),
                attributed,
                sentence_periods(text, s_start, s_end, published),
                mentioned,
                _outside(mentioned, attributed),  # the countries the sentence names outside its attributions
            )
        tokens, attributions, periods, mentions, named = cache[index]
        floor = max((p.end for p in quantities if s_start <= p.end <= q.start), default=s_start)
        measure, bilateral_word, change = _measure(tokens, q, words, floor=floor)
        bilateral = bilateral_word or (
            measure in {"trade", None} and bool(_BILATERAL_CUE.search(text, s_start, s_end))
        )
        subject = _subject(
            text=text,
            sentence=(s_start, s_end),
            previous=spans[max(0, index - 2) : index],
            q_start=q.start,
            excluded=[(s, e) for s, e, _ in attributions],
            bilateral=bilateral,
            matcher=matcher,
        )
        target: tuple[str, ...] = ()
        scope = kinds.stated_scope(text, s_start, s_end, q)
        found = claim_roles(doc, by_token, start=q.start, end=q.end) if doc is not None else None
        if found is not None:
            scope = found.scope or scope
            change = change or found.by_verb
            parsed = words.get(found.noun or "")
            if parsed is not None and parsed.role == "head" and not bilateral and not (
                measure or ""
            ).endswith(parsed.canonical):
                measure = parsed.canonical  # the parse's noun: "lifted its duty on Chinese imports to 60%" -> tariff
            if not bilateral and measure != "trade" and (found.subject or found.target):
                subject, target = found.subject, found.target
        scope = scope or kinds.part_scope(named, subject, q)
        sentence_quantities = [p for p in quantities if s_start <= p.start < s_end]
        base = kinds.is_base(text, s_start, q, sentence_quantities)
        kind = kinds.figure_kind(text, s_end, tokens, q, change=change, s_start=s_start)
        measure = _finish_measure(measure, q, subject, kind == "change")
        if not target and not bilateral:  # rule `trade_partner` (partners.py)
            subject, target = trade_partner(text, sentence=(s_start, s_end), measure=measure, subject=subject,
                                            mentions=named)
        scope = scope or group_scope(text, sentence=(s_start, s_end), quantity=q, measure=measure, mentions=mentions)
        period = claim_period(
            text=text, sentence=(s_start, s_end), quantity=q, periods=periods, published=published,
            measure=measure, kind=kind, base=base, owned=kinds.owned_periods(text, s_start, sentence_quantities),
        )
        if period is not None and len(period) == 4 and kinds.is_rate_reading(tokens, q, measure, words):
            dating = kinds.rate_reading_spans(text, s_start, s_end, q)
            if not any(a <= p_start < b for p_start, _, value in periods if value == period for a, b in dating):
                period = f"{published:%Y-%m}" if published else None  # rule `rate_reading` (kinds.py)
        if is_toll(measure, q.unit):
            period = toll_period(period, published)  # rule `toll_as_of`
            scope = toll_incident(text, s_start, s_end)  # rule `toll_incident`
        claims.append(
            Claim(
                claim_id=claim_id_of(doc_id, q.start, q.end),
                doc_id=doc_id,
                sentence=pieces[index][2],
                start=q.start,
                end=q.end,
                text=q.text,
                value=q.value,
                unit=q.unit,
                measure=measure,
                subject=subject,
                period=period,
                attribution=nearest(attributions, q.start, q.end),
                sentence_text=text[s_start:s_end],
                target=target,
                kind=kind,
                scope=scope,
            )
        )
    return claims


TITLE_SENTENCE = -1  # rule `title_claims`: the sentence index of a claim read from the document's title


def title_claims(
    *,
    doc_id: str,
    title: str | None,
    text: str,
    published: date | None,
    doc: Any = None,
    actors: Sequence[Any] = (),
) -> list[Claim]:
    """Rule `title_claims` (module docstring): the claims of a document's title, sentence -1, offsets into
    the title; none when there is no title or the text already opens with it. `doc` and `actors` are
    the title's own parse and actor matches, when the caller has them."""
    if not title or not title.strip() or _opens_with(text, title):
        return []
    found = extract_claims(doc_id=doc_id, text=title, sentences=[(0, len(title))], published=published,
                           doc=doc, actors=actors)
    return [replace(c, claim_id=claim_id_of(f"{doc_id}#title", c.start, c.end), sentence=TITLE_SENTENCE) for c in found]


def _opens_with(text: str, title: str) -> bool:
    """Whether the text's first 400 characters hold the title (spacing and case aside)."""
    def squeeze(value: str) -> str:
        return " ".join(value.split()).lower()

    return squeeze(title) in squeeze(text[: len(title) + 400])
