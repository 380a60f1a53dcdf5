"""Actors named without their country, placed by the country the context names (`context_mentions`).

A mixin of `ActorResolver` (actors/resolver.py): it reads the resolver's gazetteer, lexicon and title
index, and is used by the event coder only; `resolve` finds the mentions of named actors.
"""

from __future__ import annotations

from typing import Any

from multipolar.actors.gazetteer import Gazetteer, Lexicon
from multipolar.actors.mentions import ActorMatch, DocText, make_match, phrase_at, token_ends, untagged_tokens

_NAME_PARTICLES = frozenset(
    {"al", "al-", "bin", "ibn", "de", "da", "van", "von", "del", "la", "le", "el", "abu"}
)
# sectors whose bare nouns name a country's own people or institutions ("police", "the army")
_CONTEXT_SECTORS = frozenset(
    {"GOV", "MIL", "LEG", "JUD", "OPP", "CVL", "LAB", "REB", "COP", "SPY", "AGR", "UAF"}
)
# heads after which a sector noun still names people: "opposition leaders", "police officers"
_MEMBER_NOUNS = frozenset(
    {
        "leader",
        "leaders",
        "member",
        "members",
        "supporters",
        "figures",
        "activists",
        "officials",
        "party",
        "parties",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chief",
        "chiefs",
        "head",
        "commander",
        "commanders",
        "officers",
        "groups",
        "group",
        "movement",
        "forces",
        "fighters",
    }
)
# sector nouns that are no agent on their own (weapons, abstractions, too general a word)
_NOT_AGENTS = frozenset(
    {
        "state",
        "force",
        "defence",
        "defense",
        "public",
        "people",
        "citizen",
        "civilian",
        "aircraft",
        "artillery",
        "missiles",
        "drones",
        "jets",
        "warships",
        "warship",
        "submarines",
        "submarine",
        "bombers",
        "fighter",
        "general",
        "court",
        "union",
        "intelligence",
        "leadership",
        "military",
        "embassy",
        "embassies",
        "ministry",
        "ministries",
        "treasury",
    }
)


class ContextMentions:
    """Generic collective nouns, titles before unknown names, and residents named by a demonym."""

    gazetteer: Gazetteer
    lexicon: Lexicon
    _titles: dict[str, str]
    _title_lengths: dict[str, tuple[int, ...]]

    def context_words(self) -> tuple[list[str], list[str]]:
        """The words `context_mentions` places by the country the context names: role titles (before
        a name: "President Jane Doe") and sector nouns ("police", "security forces"), in lower case."""
        titles = list(self._titles)
        nouns = [noun for noun, sector in self.lexicon.sector_nouns.items()
                 if sector in _CONTEXT_SECTORS and noun not in _NOT_AGENTS]
        return titles, nouns

    def context_mentions(self, doc: Any, matches: list[ActorMatch]) -> list[ActorMatch]:
        """Actors named without their country, placed by the country the context names.

        - a generic collective noun: "police", "the government", "protesters", "security forces",
          "rebels", "officials", "lawmakers", "the army" (sector nouns of `data/sectors.json`);
        - a title before a name the gazetteer does not know: "President Jane Doe" (GOV, or MIL for a
          military title);
        each gets the one country its sentence names (the sole country among the sentence's actor
        mentions); a sentence that names no country takes the first country the document named (the
        dateline's, in a news story). A sentence naming two or more countries places nothing: the
        coder leaves such a phrase unresolved rather than guess. These are kept apart from
        `resolve` (mentions of named actors) and used by the event coder only.
        """
        if not doc.has_annotation("DEP") and not doc.has_annotation("TAG"):
            return []
        taken: set[int] = set()
        for m in matches:
            taken.update(range(m.start, m.end))
        countries = self.gazetteer.countries
        out: list[ActorMatch] = []
        doc_country: str | None = None
        text = DocText(doc.text, 0)
        ends = token_ends(doc)
        at = {i: m for m in matches for i in range(m.start, m.end)}
        # a sentence only tokenised (rule `actor_paragraphs` left it out: no tags, a flat tree labelled
        # "dep") yields nothing below, as each case needs a tag or a "prep" arc: its tokens are skipped
        bare = untagged_tokens(doc)
        # each sentence's mentions, in the order given: one pass, not a scan of every mention per sentence
        # (that grew with the square of a long document's length)
        sents = list(doc.sents)
        sentence_of = [0] * len(doc)
        for k, sent in enumerate(sents):
            sentence_of[sent.start:sent.end] = [k] * (sent.end - sent.start)
        in_sentence: dict[int, list[ActorMatch]] = {}
        for m in matches:
            in_sentence.setdefault(sentence_of[m.start], []).append(m)
        for k, sent in enumerate(sents):
            here = in_sentence.get(k, [])
            named = list(dict.fromkeys(m.country for m in here if m.country in countries))
            if doc_country is None and named:
                doc_country = named[0]
            context = named[0] if len(named) == 1 else (doc_country if not named else None)
            for m in here:
                home = self._residence(doc, m, at, named)
                if home is not None:
                    out.append(make_match(doc, text, m.start, m.end, home, None, "resident"))
            i = sent.end if bare[sent.start:sent.end].all() else sent.start
            while i < sent.end:
                tok = doc[i]
                if i in taken:
                    i += 1
                    continue
                own = self._own_country(tok, at)
                if own is not None:  # "police in Kenya", "the government of Peru"
                    sector = self._generic_sector(tok, set())
                    if sector is not None:
                        out.append(make_match(doc, text, tok.i, tok.i + 1, own + sector, None, "sector"))
                    i += 1
                    continue
                found = self._titled_unknown(doc, i, sent.end, taken, text, ends)
                canonical, k, end = found or ("", i, i)
                # rule actors.titled_name, its "of" form: "Prime Minister Jane Doe of Peru" acts for the country its own
                # "of" phrase names, whatever else the sentence names (and so does each later "Doe")
                owner = self._own_country(doc[end - 1], at) if found is not None else None
                if found is not None and (owner or context) is not None:
                    sector = "MIL" if canonical in self.lexicon.military_titles else "GOV"
                    name = doc[k:end].text if owner else None
                    out.append(make_match(doc, text, i, end, (owner or context) + sector, name,
                                          "titled_person" if owner else "role"))
                    i = end
                    continue
                if context is None:
                    i += 1
                    continue
                sector = self._generic_sector(tok, taken)
                if sector is not None:
                    start = min(
                        [tok.i]
                        + [
                            c.i
                            for c in tok.lefts
                            if c.dep_ in ("compound", "amod") and c.i not in taken and c.i >= sent.start
                        ]
                    )
                    out.append(make_match(doc, text, start, tok.i + 1, context + sector, None, "context"))
                i += 1
        return out

    def _titled_unknown(
        self, doc: Any, i: int, hi: int, taken: set[int], text: DocText, ends: dict[int, int]
    ) -> tuple[str, int, int] | None:
        """(canonical title, the name's start, end) for "President Jane Doe" where the name is no known actor."""
        tok = doc[i]
        if not tok.is_title or (i > 0 and doc[i - 1].lower_ in self.lexicon.past_markers):
            return None
        title = phrase_at(self._title_lengths, self._titles, doc, i, hi, text, ends)
        if title is None or title[0].startswith("@"):
            return None
        canonical, k = title
        end = k
        while (
            end < hi
            and end not in taken
            and (
                (doc[end].pos_ == "PROPN" and doc[end].is_title)
                or (
                    end > k
                    and doc[end].lower_ in _NAME_PARTICLES
                    and end + 1 < hi
                    and doc[end + 1].pos_ == "PROPN"
                )
                or (doc[end].text == "-" and doc[end - 1].lower_ in _NAME_PARTICLES)  # "al-Sudani"
            )
        ):
            end += 1
        if (
            end - k < 1
            or end - k > 5
            or (end < hi and end in taken)
            or doc[end - 1].ent_type_ not in ("PERSON", "")
        ):
            return None
        return canonical, k, end

    def _residence(self, doc: Any, m: ActorMatch, at: dict[int, ActorMatch], named: list[str]) -> str | None:
        """The country a people named by a demonym live in, where the phrase says it: "Serbs in
        Bosnia", "Bosnian Serbs", "ethnic Albanians" (in a sentence about one other country)."""
        if m.kind != "demonym" or m.end - m.start != 1:
            return None
        tok = doc[m.start]
        if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ not in ("NNS", "NNPS"):
            return None  # "Russian" as an adjective names the country itself
        own = self._own_country(tok, at)
        if own is not None and own != m.country:
            return own
        for c in tok.lefts:
            other = at.get(c.i)
            if (
                c.dep_ in ("amod", "compound")
                and other is not None
                and other is not m
                and other.country != m.country
                and other.country in self.gazetteer.countries
            ):
                return other.country  # "Bosnian Serbs"
        if any(c.dep_ in ("amod", "compound") and c.lower_ == "ethnic" for c in tok.lefts):
            others = [c for c in named if c != m.country]
            if len(others) == 1:
                return others[0]  # "ethnic Albanians" in a sentence about Macedonia
        return None

    def _own_country(self, tok: Any, at: dict[int, ActorMatch]) -> str | None:
        """The country named by a noun's own "in/of/from X" phrase ("police in Kenya"), or None."""
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "from", "across", "throughout"):
                for obj in prep.children:
                    m = at.get(obj.i)
                    if obj.dep_ == "pobj" and m is not None and m.country in self.gazetteer.countries:
                        return m.country
        return None

    def _generic_sector(self, tok: Any, taken: set[int]) -> str | None:
        """The sector of a bare collective noun ("police", "the government"), or None."""
        if tok.pos_ != "NOUN" or tok.is_title and tok.i > tok.sent.start:
            return None
        if tok.dep_ == "compound" and tok.head.lower_ not in _MEMBER_NOUNS:
            return (
                None  # "troop levels", "a police station": a modifier, not an actor ("opposition leaders" is)
            )
        words = tok.lower_
        for c in tok.lefts:
            if (
                c.dep_ == "compound"
                and c.i == tok.i - 1
                and f"{c.lower_} {tok.lower_}" in self.lexicon.sector_nouns
            ):
                words = f"{c.lower_} {tok.lower_}"  # "police officers", "security forces"
        sector = self.lexicon.sector_nouns.get(words)
        if sector is None or sector not in _CONTEXT_SECTORS or words in _NOT_AGENTS:
            return None
        if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "no", "every") for c in tok.children):
            return None
        if any(t.i in taken for t in tok.subtree):
            return None  # "police in Cairo", "Russia's government": the phrase names its own actor
        return sector
