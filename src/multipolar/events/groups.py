"""The acts of small, fixed clubs of states ("the Quad leaders", "AUKUS"), read as their members' acts.

The codebook codes acts between states; a small club with no officials of its own (the Quad, AUKUS: words in
data/rules/groups.json) acts through its member governments, so "the Quad criticized X" is four accusations
(the G7 is left out: groups.json says why). The copies are made by the coder after the rules, as the pair phrases' are
(events/pair_phrases.py `PAIR_COPIES`):

- groups.members: an act of a club aimed at a state outside it is done by each member (one copy per member as
  source); an act of a state aimed at a club it is not in is aimed at each member;
- groups.pairwise: a mutual act (talks, an agreement, cooperation: events/pairs.py `is_symmetric`) of a small
  club with no state outside it as partner ("the Quad leaders agreed to set up a mechanism") is one act per
  pair of members; its talks on a state's affairs ("the Quad leaders discussed Ukraine") reach it with no target
  (rule roles.topic_of_talk), as talks among the members.

The club's own event stays as it is (no state, so it counts for nothing in a dyad series).
"""

from __future__ import annotations

import dataclasses
from itertools import combinations
from typing import Any

from multipolar.events.codoers import CODOER_COPIES
from multipolar.events.pairs import is_symmetric
from multipolar.events.rulebook import Candidate, derived_id, mention_tokens, words

W = words("groups")


def members_of(actor_code: str | None) -> tuple[str, ...]:
    """The member states of a club, () for any other actor."""
    return tuple(W["members"].get(actor_code or "", ()))


def is_pairwise_club(actor_code: str | None) -> bool:
    """Whether the actor is a club whose mutual acts are one per pair of its members (groups.pairwise): rule
    roles.topic_of_talk leaves its talks on a state's affairs ("the Quad leaders discussed Ukraine") to it, with
    no target, rather than dropping them."""
    return actor_code in W["pairwise"]


def _as_source(ev: Any, iso3: str, rule: str) -> Any:
    return dataclasses.replace(ev, source=iso3, source_actor=iso3, source_name=None,
                               event_id=derived_id(ev, rule, iso3))


def _names_club(c: Candidate, actor_code: str) -> bool:
    """Whether the sentence names the club as a party, not as a word before another noun ("the Quad summit", "a
    Quad vaccine partnership" name an event or a scheme; "Quad leaders", "Quad foreign ministers" name its members)."""
    return any(t.dep_ != "compound" or t.head.lemma_.lower() in W["member_nouns"]
               for t in mention_tokens(c, actor_code))


def member_copies(c: Candidate, ev: Any) -> list[Any]:
    """groups.members: the copies of a club's act at an outside state (or of an outside state's act at a club)
    with each member in the club's place; [] when neither party is a club."""
    source_members, target_members = members_of(ev.source_actor), members_of(ev.target_actor)
    if (source_members and ev.target_actor is not None and ev.target not in source_members and not target_members
            and _names_club(c, ev.source_actor)):
        return [_as_source(ev, m, "groups.members") for m in source_members]
    if (target_members and not source_members and ev.source not in target_members and len(ev.source) == 3
            and ev.source.isalpha() and _names_club(c, ev.target_actor)):
        return [dataclasses.replace(ev, target=m, target_actor=m, target_name=None,
                                    event_id=derived_id(ev, "groups.members", m))
                for m in target_members]
    return []


def pairwise_copies(c: Candidate, ev: Any) -> list[Any]:
    """groups.pairwise: a small club's mutual act with no outside partner, once per pair of members."""
    if ev.source_actor not in W["pairwise"] or not is_symmetric(ev.cameo):
        return []
    if (ev.target_actor is not None and ev.target_actor != ev.source_actor) or not _names_club(c, ev.source_actor):
        return []
    return [dataclasses.replace(_as_source(ev, a, "groups.pairwise"), target=b, target_actor=b, target_name=None,
                                event_id=derived_id(ev, "groups.pairwise", a, b))
            for a, b in combinations(members_of(ev.source_actor), 2)]


# the copies a club's act makes, each with its rule (run by the coder after the rules), and those of states
# acting together with the source (events/codoers.py)
GROUP_COPIES = [("groups.members", member_copies), ("groups.pairwise", pairwise_copies), *CODOER_COPIES]
