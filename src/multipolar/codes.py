"""Actor-code conventions every layer shares (the store included, so this module imports nothing).

An actor code is a country's ISO3 (or a collective prefix: IGO, NGO, IMG, MNC) plus optional role codes
("RUSGOV", "USAMIL", "IGONATO"). The real-news codebook and the learned layer trained on it cover acts
between states: a country alone or with a state role (government, military, courts, police, intelligence,
legislature), not companies, armed groups, media or IGOs.
"""

from __future__ import annotations

COLLECTIVE_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC"})
STATE_ROLES = frozenset({"", "GOV", "MIL", "JUD", "COP", "SPY", "LEG"})


def is_state(actor_code: str | None) -> bool:
    """A country code alone or with a state role ("RUS", "RUSGOV", "USAMIL"), not "IGONATO" or "IRQREB"."""
    code = actor_code or ""
    return (len(code) >= 3 and code[:3].isalpha() and code[:3] not in COLLECTIVE_PREFIXES
            and code[3:6] in STATE_ROLES)


def is_interstate(source_actor: str | None, target_actor: str | None) -> bool:
    """Two state actors of two different countries."""
    return (is_state(source_actor) and is_state(target_actor)
            and (source_actor or "")[:3] != (target_actor or "")[:3])
