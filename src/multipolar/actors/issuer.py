"""The issuing government of an official statement, and the words by which such a statement names it.

Data in data/issuers.json (written from our own knowledge).
- issuer.site: a document whose url's host (or subdomain of it), or whose outlet, is a government site of a
  state ("whitehouse.gov", "state.gov", "kremlin.ru", "mid.ru", "fmprc.gov.cn"), or whose first three lines
  hold an issuing office's heading alone on a line ("THE WHITE HOUSE", "Office of the Press Secretary"), is an
  official statement of that state's government; an ordinary news site, state media included, gives no issuer and the rules below
  stay off ("I" in a news article is a quoted person, not a government);
- issuer.self_reference: in an official statement, first-person words ("I", "we", "us", "our"), the
  government speaking of itself ("my Administration", "this Administration", "the Government") and the
  document's own instrument ("this order", "the proclamation") name the issuing government (CCCGOV); a
  possessive of private life ("our son served in Iraq", "my family") does not;
- issuer.official_title: there, a title of the issuing government's own offices, in the singular, with no
  name and no country of its own ("the President", "the Vice President", "the Secretary of Commerce", "the
  Department of the Treasury", "the Attorney General", "the Trade Representative") names that government too
  ("the two Presidents", "President Lula", "the President of Brazil" are not); a title before a name ("Secretary
  Rubio"), or one whose phrase names a country ("the Ministry of Foreign Affairs of Japan") or that "in" or "of"
  and another country's mention follow ("the Treasury in London", however the parse attached them), is left alone.
A turn of a transcript whose speaker label is a reporter ("Q", "AUDIENCE MEMBER:"), names another country's
actor ("PRESIDENT ZELENSKYY:") or holds a title the issuing government does not have ("PRIME MINISTER X:"
in a White House transcript) is not the issuer speaking: first-person words there are left alone.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from multipolar.actors.resolver import ActorMatch
from multipolar.errors import DataFileError

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

RULES = ("issuer.site", "issuer.self_reference", "issuer.official_title")
# the `kind` of the mentions each rule adds (events/roles.py names the rule in `--explain` by it)
KINDS = {"issuer.self_reference": "issuer_self", "issuer.official_title": "issuer_title"}
# a transcript's speaker label at the start of a line: "Q" (a reporter: "Q   Thank you", "Q: ...", "Q — "),
# or words in capitals before a colon ("MS. PSAKI:", "PRIME MINISTER KISHIDA:")
_LABEL = re.compile(r"^[ \t]*(?:(Q)(?=[ \t]*[ \t(:\u2014\u2013-])|([A-Z][A-Z.'\- ]{1,60}?)[ \t]*:)", re.MULTILINE)


@cache
def _data() -> dict[str, Any]:
    path = resources.files("multipolar.actors").joinpath("data/issuers.json")
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataFileError(f"actors/data/issuers.json: cannot read the official sources ({exc}); reinstall multipolar") from None


@cache
def _word_sets() -> tuple[frozenset[str], ...]:
    """The data file's word lists as sets, made once: first person, self nouns and their determiners,
    instrument nouns and theirs, nouns of private life."""
    data = _data()
    return (frozenset(w.lower() for w in data["first_person"]), frozenset(data["self_nouns"]),
            frozenset(data["self_dets"]), frozenset(data["instrument_nouns"]), frozenset(data["instrument_dets"]),
            frozenset(data["personal_nouns"]))


def _host_issuer(host: str) -> str | None:
    hosts = _data()["hosts"]
    host = host.lower().strip().rstrip(".")
    host = host.removeprefix("www.")
    parts = host.split(".")
    for k in range(len(parts) - 1):  # the host itself, then each parent domain ("fmprc.gov.cn", "gov.cn")
        found = hosts.get(".".join(parts[k:]))
        if found is not None:
            return found
    return None


def issuer_of(*, url: str | None = None, outlet: str | None = None, text: str | None = None) -> str | None:
    """issuer.site: the ISO3 code of the state whose government issued a document with this url or outlet, or
    whose first lines hold a heading alone on its line ("THE WHITE HOUSE", "Office of the Press Secretary");
    None for any other document (a news site, no metadata)."""
    found = _site_issuer(url, outlet)
    if found is None and text:
        headings = _data()["headings"]
        lines = [line.strip() for line in text[:400].splitlines() if line.strip()][:3]
        found = next((headings[line] for line in lines if line in headings), None)
    return found


def _site_issuer(url: str | None, outlet: str | None) -> str | None:
    if url:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
        if host:
            found = _host_issuer(host)
            if found is not None:
                return found
    if outlet:
        name = outlet.strip().lower()
        found = _data()["outlets"].get(name)
        if found is None and "." in name and " " not in name:
            found = _host_issuer(name)  # an outlet given as a site name ("whitehouse.gov")
        return found
    return None


def issuer_mention(doc: Doc, start: int, end: int, issuer: str, kind: str) -> ActorMatch:
    """A mention of the issuing government (ISO3 `issuer`) over tokens start..end, of this kind (`KINDS`)."""
    span = doc[start:end]
    return ActorMatch(start=start, end=end, start_char=span.start_char, end_char=span.end_char, text=span.text,
                      actor_code=f"{issuer}GOV", country=issuer, person=None, kind=kind)


def _other_turns(doc: Doc, actors: dict[int, Any], issuer: str) -> list[tuple[int, int]]:
    """Character ranges of transcript turns spoken by someone other than the issuer: a reporter's "Q:", or a
    label naming another country's actor ("PRIME MINISTER CARNEY:"), each up to the next label."""
    labels = list(_LABEL.finditer(doc.text))
    skip = {w.lower() for w in _data()["turn_skip_labels"]}
    foreign = _data()["foreign_labels"].get(issuer, [])  # titles the issuing government does not have
    out = []
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(doc.text)
        group = 1 if m.group(1) else 2
        label = " ".join(m.group(group).lower().split())
        if label.rstrip(".") in skip or any(f" {w} " in f" {label} " for w in foreign):
            out.append((m.start(), end))
            continue
        span = doc.char_span(m.start(group), m.end(group), alignment_mode="expand")
        if span is not None and any((a := actors.get(t.i)) is not None and a.country != issuer for t in span):
            out.append((m.start(), end))
    return out


def _titled(tok: Token, phrase: str) -> bool:
    """Whether `tok` heads the title `phrase` ("attorney general": "General" with "Attorney" before it)."""
    words = phrase.split()
    if tok.lower_ != words[-1] and tok.lemma_.lower() != words[-1]:
        return False
    mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i}
    return all(w in mods for w in words[:-1])


def _dets(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")}


def issuer_mentions(doc: Doc, actors: dict[int, Any], issuer: str | None) -> dict[int, str]:
    """Add the issuing government's mentions to `actors` (in place, never over an actor already there);
    return {token index: rule name} of what was added. Nothing without an issuer."""
    if not issuer:
        return {}
    first, self_nouns, self_dets, instruments, instrument_dets, personal = _word_sets()
    titles = _data()["official_titles"].get(issuer, [])
    others = _other_turns(doc, actors, issuer)
    added: dict[int, str] = {}
    for tok in doc:
        if tok.i in actors or any(lo <= tok.idx < hi for lo, hi in others):
            continue
        rule = None
        lower = tok.lower_
        if lower in first and tok.pos_ == "PRON":
            # "our son", "my family": a possessive of private life names the speaker, not the government
            if not (tok.dep_ == "poss" and tok.head.lemma_.lower() in personal):
                rule = "issuer.self_reference"
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound" and not any(t.i in actors for t in _own_words(tok)):
            lemma = tok.lemma_.lower()
            if (lemma in self_nouns and _dets(tok) & self_dets) or (lemma in instruments and _dets(tok) & instrument_dets):
                rule = "issuer.self_reference"
            elif tok.tag_ not in ("NNS", "NNPS") and any(_titled(tok, t) for t in titles) and (
                    _dets(tok) & {"the"} or tok.text[:1].isupper()) and not _names_person(tok) and not _placed_abroad(
                    doc, tok, actors, issuer):
                rule = "issuer.official_title"
        if rule is not None:
            actors[tok.i] = issuer_mention(doc, tok.i, tok.i + 1, issuer, KINDS[rule])
            added[tok.i] = rule
    return added


def _own_words(tok: Token) -> list[Token]:
    """A noun's phrase less what is coordinated with it ("the Vice President and Prime Minister Netanyahu": the
    second name is no word of the first title's phrase)."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("conj", "cc"))
    return out


def _placed_abroad(doc: Doc, tok: Token, actors: dict[int, Any], issuer: str) -> bool:
    """Whether "in" or "of" and another country's mention follow a title, however the parse attached them
    ("the Treasury in London", "the Ministry of Finance of Japan": that country's office, not the issuer's)."""
    k = tok.i + 1
    if k + 1 >= len(doc) or doc[k].text.lower() not in ("in", "of"):
        return False
    other = actors.get(k + 1) or (actors.get(k + 2) if doc[k + 1].text.lower() == "the" else None)
    return other is not None and getattr(other, "country", issuer) != issuer


def _names_person(tok: Token) -> bool:
    """Whether a title is followed by a name in apposition ("the Secretary, Marco Rubio," is that person)."""
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children)
