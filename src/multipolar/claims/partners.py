"""Which side of a flow of goods a country is on, when no parse says so (rules `trade_partner`, `group_scope`).

    trade_partner(text, sentence=(start, end), mentions=..., measure=..., subject=...) -> (subject, target)
    group_scope(text, sentence=(start, end), quantity=..., measure=...) -> str | None

Rule `trade_partner`: a country named as the other side of a directed flow is its target, not its
subject: the country after "to" or "into" for exports ("Japan's exports to Brazil", "Japan shipped $5
billion of goods to Brazil"), after "from" for imports ("Japan's imports from Brazil"), after "with"
for a trade deficit or surplus ("the US deficit with Mexico"). So "Japan's exports to Brazil" and
"Brazil's exports to Japan" are two quantities (JPN on BRA, BRA on JPN), and "exports to China", whose
exporter the sentence does not name, is no figure of China's own exports (its subject is empty, and a
claim with no subject is never contradicted). Bilateral trade has no direction and is left alone; so
is a claim whose target the parse already gave, and a sentence naming two or more partners.

Rule `group_scope`: a rate (unemployment, inflation, growth) "among" a group of people ("unemployment
among young workers", "among Black Americans") is the group's rate, not the country's: its scope is the
group, so it never meets the country's own; "among Chileans" names the whole country and no group.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from multipolar.claims.lexicon import CountryMention
from multipolar.quantities import Quantity

_PARTNER_WORDS = {"exports": ("to", "into"), "imports": ("from",), "deficit": ("with",), "surplus": ("with",)}
_BEFORE_PARTNER = re.compile(r"(?i)\b(?P<word>to|into|from|with)\s+(?:the\s+)?$")


def trade_partner(
    text: str, *, sentence: tuple[int, int], mentions: Sequence[CountryMention], measure: str,
    subject: tuple[str, ...],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Rule `trade_partner` (module docstring): (subject, target) with the partner moved to the target."""
    words = measure.split()
    head = words[-1] if words else ""
    if head not in _PARTNER_WORDS or (head in {"deficit", "surplus"} and "budget" in words):
        return subject, ()
    partners: list[str] = []
    for m in mentions:
        before = _BEFORE_PARTNER.search(text, max(sentence[0], m.start - 12), m.start)
        if before is not None and before.end() == m.start and before.group("word").lower() in _PARTNER_WORDS[head]:
            partners.append(m.code)
    found = list(dict.fromkeys(partners))
    if len(found) != 1:
        return subject, ()
    return tuple(c for c in subject if c != found[0]), (found[0],)


_RATE_HEADS = frozenset({"unemployment", "inflation", "growth"})
_AMONG = re.compile(r"(?i)\bamong\s+(?P<group>(?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)")
_GROUP_STOP = frozenset("""
and or of to from with by at for as than is are was were be been has have had in on fell rose dropped stood
reached remained hit the a an
""".split())


def group_scope(text: str, *, sentence: tuple[int, int], quantity: Quantity, measure: str,
                mentions: Sequence[CountryMention] = ()) -> str | None:
    """Rule `group_scope` (module docstring): the group a rate is about, or None; a people named by a
    country's demonym alone ("among Chileans", one of `mentions`) is the whole country, no group."""
    words = measure.split()
    if not words or words[-1] not in _RATE_HEADS or quantity.unit != "percent":
        return None
    start = max(sentence[0], quantity.start - 80)
    found = None
    for m in _AMONG.finditer(text, start, min(sentence[1], quantity.end + 40)):
        if re.search(r"[;.]\s", text[min(m.end(), quantity.start) : max(m.start(), quantity.end)]):
            continue  # another clause
        group: list[str] = []
        for word in m.group("group").split():
            if word.lower() in _GROUP_STOP:
                break
            group.append(word.lower())
        start_group = m.start("group")
        whole = any(c.start == start_group and c.end >= start_group + len(" ".join(group)) for c in mentions)
        if group and not whole:
            found = " ".join(group)
    return found
