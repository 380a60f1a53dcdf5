"""Party rules: who is named beside an act without being a party to it.

Words in data/rules/parties.json.
- parties.news_outlet: a news organisation (an actor of the media sector) named as the one that reports,
  confirms, verifies or analyses what happened, or as whom someone speaks to ("soldiers were killed,
  figures confirmed by the Courier show", "the state rarely admits losses, but a Courier analysis
  estimates ...", "officials speaking to the Courier") tells of the act; it neither does it nor suffers
  it: a candidate with such an outlet as source or target is dropped. An outlet that is itself the subject
  of the act, or that the act is done to ("the ministry banned the Courier"), is left alone;
- parties.co_mediators: a mediation is done by its mediators for two other parties; mediators listed
  together ("the truce was mediated by A, B and C") are fellows, not parties to each other: a candidate
  whose source and target are conjuncts of one list is dropped (events/pairs.py reads a list of doers of
  an act done with one another as pairs of each other, right for "A and B met", wrong here);
- parties.people_not_state: a people is not its government (codebook: only governments, officials,
  militaries and state bodies act for a state): a source named only by a plural nationality noun
  ("Americans", "Ukrainians") or by a nationality adjective on a noun of ordinary people ("Syrian refugees",
  "Kenyan farmers") and read as the state itself (a bare country code) gives no act of that state toward
  another state: the candidate is dropped ("thousands of Iranians took to the streets", a protest at home,
  stays). A state body, an official or a weapon so described ("Syrian officials", "Russian
  drones"), "the Russians" with the article (news English for a state's forces or negotiators) and a
  people as the one acted on are left alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from multipolar.events.rulebook import DROP, Candidate, Rule, governors, mention_tokens, words

if TYPE_CHECKING:
    from spacy.tokens import Token

W = words("parties")


def _heads(c: Candidate, actor_code: str | None) -> list[Token]:
    """The head token of each mention of this actor in the candidate's sentence."""
    if not actor_code:
        return []
    toks = mention_tokens(c, actor_code)
    inside = {t.i for t in toks}
    return [t for t in toks if t.head.i not in inside or t.head.i == t.i]


def _tells_of(head: Token, trigger: Token) -> bool:
    """Whether an outlet's mention hangs from a word of reporting (as its agent, its owner, or what is spoken
    to), rather than being the subject of the act."""
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.i == trigger.i:
        return False
    return any(g.lemma_.lower() in W["report_words"] or g.lower_ in W["report_words"]
               for g in governors(head, limit=W["report_reach"]))


def news_outlet(c: Candidate):
    ev = c.event
    for code in (ev.source_actor, ev.target_actor):
        if not code or code[3:6] != W["media_sector"]:
            continue
        heads = _heads(c, code)
        if heads and all(_tells_of(h, c.tok) for h in heads):
            return DROP
    return None


def co_mediators(c: Candidate):
    ev = c.event
    if ev.cameo not in W["third_party_codes"] or not ev.target_actor:
        return None
    sources, targets = _heads(c, ev.source_actor), _heads(c, ev.target_actor)
    if any(t in s.conjuncts for s in sources for t in targets):
        return DROP
    return None


def _is_people(c: Candidate, head: Token) -> bool:
    """Whether a mention names a people rather than its state: a plural nationality noun ("Americans") or a
    nationality adjective on a noun of ordinary people ("Syrian refugees")."""
    m = c.actors.get(head.i)
    if m is None or m.kind != W["nationality_kind"] or head.i in c.pairs or not head.ent_type_:
        return False  # "both sides", "they": a phrase standing for states named before (events/anaphora.py)
    if head.tag_ in W["people_noun_tags"]:
        # "the Russians attacked ...", "the Americans proposed ...": with the article, news English means the
        # state's forces or negotiators
        return not any(ch.dep_ == "det" and ch.lower_ == "the" for ch in head.children)
    return head.dep_ == "amod" and head.head.lemma_.lower() in W["people_nouns"]


def people_not_state(c: Candidate):
    code, target = c.event.source_actor or "", c.event.target or ""
    if len(code) != 3 or not target or target == code:
        return None  # a sector ("CHNCVL") or a state body is not the state itself; a people's act at home stays
    heads = _heads(c, code)
    named = [h for h in heads if (m := c.actors.get(h.i)) is not None and m.text == c.event.source_name]
    if (named or heads) and all(_is_people(c, h) for h in (named or heads)):
        return DROP  # the mention the source was read from, where it can be told apart from others of the state
    return None


RULES = [Rule("parties.news_outlet", news_outlet), Rule("parties.co_mediators", co_mediators),
         Rule("parties.people_not_state", people_not_state)]
