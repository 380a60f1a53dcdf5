"""Who states a figure: "according to Chinese customs data", "Putin said", "said Lavrov", "customs data showed".

    find_attributions(text, start, end, matcher) -> [(start, end, who), ...]

A name never spans a line break (a heading above a sentence is not part of its speaker), titles are
dropped ("Foreign Minister Lavrov" -> "Lavrov"), and rule `glued_name`: a capitalised word before a
name the gazetteer knows is not part of the name ("Cooperation Putin" -> "Putin").
"""

from __future__ import annotations

import re

from multipolar.claims.lexicon import CountryMatcher

_ACCORDING = re.compile(
    r"\b(?:[Aa]ccording\s+to|in\s+accordance\s+(?:to|with)|[Cc]iting|as\s+reported\s+by|[Dd]ata\s+from"
    r"|[Ff]igures\s+from)\s+(?P<who>[^,;:()\n]+?)"
    r"(?=\s*(?:[,;:()\n]|\.(?:\s|$)|$|\s+(?:that|which|who|showed?|shows|in\s+(?:19|20)\d\d)\b))"
)
_NAME = r"(?:[A-Z][\w'’.-]*[ \t]+){0,3}[A-Z][\w'’-]*"  # a name never crosses a line break (a heading)
_VERBS = (
    r"(?:said|says|told|stated|announced|reported|claimed|claims|estimated|estimates|noted|added|asserted"
    r"|highlighted|stressed|emphasi[sz]ed|wrote|declared|revealed|insisted|argued|warned|admits|admitted)"
)
_SPEAKER = re.compile(
    rf"(?P<who>{_NAME})\s+(?:(?:also|has|had|have|then|later|again|previously|recently)\s+)?{_VERBS}\b"
)
_SPEAKER_AFTER = re.compile(rf"\b(?:said|says|told\s+reporters)\s+(?P<who>{_NAME})")
_DATA_SHOW = re.compile(
    r"(?P<who>(?:[A-Z][\w-]*\s+)*(?:[a-z]+\s+)?(?:data|figures|statistics))\s+(?:show|showed|shows|indicate"
    r"|indicated|suggest|suggested)\b"
)
_TITLES = {
    "president",
    "prime",
    "minister",
    "foreign",
    "defence",
    "defense",
    "secretary",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "chancellor",
    "general",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "premier",
    "vice",
    "deputy",
    "chairman",
    "senator",
    "sen.",
    "rep.",
    "the",
    "state",
    "trade",
    "finance",
    "economy",
    "commerce",
    "envoy",
    "special",
    "representative",
    "leader",
    "former",
    "then",
}
_NOT_SPEAKERS = {
    "it",
    "this",
    "that",
    "he",
    "she",
    "they",
    "we",
    "i",
    "there",
    "these",
    "those",
    "officials",
    "analysts",
    "experts",
    "data",
    "reports",
    "in",
    "on",
    "but",
    "and",
    "as",
    "a",
    "an",
}


def _clean_speaker(raw: str, matcher: CountryMatcher) -> str | None:
    words = raw.split()
    while len(words) > 1 and (words[0].lower() in _TITLES or (matcher.find(words[0]) and len(words) > 1)):
        words = words[1:]
    if not words or words[0].lower() in _NOT_SPEAKERS:
        return None
    name = " ".join(words)
    # rule `glued_name`: a capitalised word before a name the gazetteer knows is not part of it ("Cooperation
    # Putin" from a heading, "World China" from a section line): the speaker is the known name
    known = [m for m in matcher.find(name) if m.end == len(name)]
    return name[known[-1].start :] if known and known[-1].start > 0 else name


def find_attributions(text: str, start: int, end: int, matcher: CountryMatcher) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for m in _ACCORDING.finditer(text, start, end):
        who = re.split(r"\s+(?:in|for|during|over|on|at|since|from)\s+", m.group("who"))[0]
        who = " ".join(who.split()[:8])
        who = re.sub(r"^(?:the|a|an)\s+", "", who)
        found.append((m.start(), m.end(), who))
    for pattern in (_SPEAKER, _SPEAKER_AFTER):
        for m in pattern.finditer(text, start, end):
            if any(s <= m.start("who") < e for s, e, _ in found):
                continue
            who = _clean_speaker(m.group("who"), matcher)
            if who:
                found.append((m.start("who"), m.end("who"), who))
    for m in _DATA_SHOW.finditer(text, start, end):
        if not any(s <= m.start() < e for s, e, _ in found):
            found.append((m.start(), m.end("who"), m.group("who")))
    return found
