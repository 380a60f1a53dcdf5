"""Acts a headline states in the present tense where the parser found none, rule `headlines.present_act`.

A headline drops articles and auxiliaries and puts its verb in the present ("Turkey summons Swedish envoy over
Koran burning", "India, Pakistan trade fire along border", "Canada expels Indian diplomats"); the parser then
often reads the verb as a noun, and the lexicon, which matches on the parse, finds no act. For a line that looks
like a headline (no full stop at its end, at most `max_tokens` tokens), where the parse read the verb as no act
between two parties, this finder reads it by word order: the actor mention(s) right before a word that is a lexicon
verb in the present ("summons" -> summon), and the first actor mention after it, past words of its object
("Swedish envoy"), and past a preposition of the verb's own ("fire at", "talks with"), is the target. A verb of
a mutual act with two subjects and no target is coded each way ("India, Pakistan trade fire"), as is the act of
a noun two subjects exchange ("trade allegations": accusations each way). Statements ("says"), plans ("to
visit") and conditions ("... if Trump invades Greenland") are left out; the candidate then passes every named
rule as any other does. Words in data/rules/headlines.json; the verbs of exchange are talks.exchange's
(data/rules/talks.json).
"""

from __future__ import annotations

from typing import Any

from multipolar.events.pairs import is_symmetric
from multipolar.events.rulebook import is_state_mention, words

W = words("headlines")
TW = words("talks")  # the verbs of exchange (rule talks.exchange)
RULE = "headlines.present_act"


def _bases(word: str) -> list[str]:
    """The base forms a present-tense verb may have ("summons" -> "summon", "accuses" -> "accuse", "carries" ->
    "carry"); a plural subject's verb is its own base ("trade")."""
    w = word.lower()
    out = [w]
    if w.endswith("ies") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("es") and len(w) > 3:
        out.append(w[:-2])
    if w.endswith("s") and len(w) > 2:
        out.append(w[:-1])
    return out


def _looks_like_headline(sent: Any) -> bool:
    toks = [t for t in sent if not t.is_space]
    return (0 < len(toks) <= W["max_tokens"] and toks[-1].text not in W["sentence_ends"]
            and toks[0].text[:1].isupper())


def _exchanged(lexicon: Any, tok: Any) -> Any | None:
    """The act of the noun after a verb of exchange ("trade allegations", "exchange threats"), or None."""
    if not any(b in TW["exchange_lemmas"] for b in _bases(tok.text)):
        return None
    for t in tok.doc[tok.i + 1:tok.i + 3]:
        nouns = [e for e in lexicon.entries_for(t.lemma_.lower()) if e.pos == "NOUN" and not e.conditions]
        if nouns:
            return nouns[0]
    return None


def _entry(lexicon: Any, tok: Any) -> Any | None:
    """The lexicon's verb entry for a headline word, its conditions read off the words after it (no parse)."""
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ == "to":
        return None  # "Biden to visit Japan": a plan
    if any(t.lower_ in W["condition_words"] for t in tok.doc[tok.sent.start:tok.i]):
        return None  # "NATO is done if Trump invades Greenland": a condition
    after = [t.lower_ for t in tok.doc[tok.i + 1:tok.i + 4]] + [t.lemma_.lower() for t in tok.doc[tok.i + 1:tok.i + 4]]
    best = None
    for base in _bases(tok.text):
        for e in lexicon.entries_for(base):
            if e.pos not in ("VERB", "PHRASE") or e.frame == "say" or e.cameo[:2] in W["skipped_roots"]:
                continue
            ok = all((c.value in after) != c.negated for c in e.conditions if c.kind in ("lemma", "prep"))
            if not ok or any(not c.negated for c in e.conditions if c.kind not in ("lemma", "prep")):
                continue
            if best is None or e.specificity > best.specificity:
                best = e
    return best


def _mention_at(actors: dict[int, Any], i: int) -> Any | None:
    m = actors.get(i)
    return m if m is not None and is_state_mention(m) else None


def _subjects(sent: Any, actors: dict[int, Any], verb: Any) -> list[Any]:
    """The state mentions right before the verb, with those listed before them ("India, Pakistan", "A and B")."""
    out: list[Any] = []
    i = verb.i - 1
    while i >= sent.start:
        m = _mention_at(actors, i)
        if m is None:
            break
        out.append(m)
        i = m.start - 1
        if i >= sent.start and sent.doc[i].lower_ in (",", "and", "&"):
            i -= 1
            continue
        break
    return list(reversed(out))


def _target(sent: Any, actors: dict[int, Any], verb: Any) -> Any | None:
    for k in range(verb.i + 1, min(sent.end, verb.i + 1 + W["target_reach"])):
        t = sent.doc[k]
        m = _mention_at(actors, k)
        if m is not None:
            return m
        if (t.pos_ == "ADP" and t.lower_ not in W["verb_preps"]) or t.pos_ in ("VERB", "AUX", "PUNCT", "SCONJ", "CCONJ"):
            return None
    return None


def present_acts(sent: Any, actors: dict[int, Any], lexicon: Any) -> list[tuple[Any, Any, Any, str]]:
    """(trigger token, source mention, target mention, CAMEO code) of each act the headline states by word order."""
    if not _looks_like_headline(sent):
        return []
    out = []
    for tok in sent:
        if tok.i in actors or not tok.is_alpha or tok.i == sent.start:  # a headline opens with its subject
            continue
        exchanged = _exchanged(lexicon, tok)
        entry = exchanged or _entry(lexicon, tok)
        if entry is None:
            continue
        srcs = _subjects(sent, actors, tok)
        if not srcs:
            continue
        tgt = _target(sent, actors, tok)
        if tgt is not None:
            out += [(tok, s, tgt, entry.cameo) for s in srcs if s.country != tgt.country]
        elif len(srcs) > 1 and (exchanged or is_symmetric(entry.cameo)):
            out += [(tok, a, b, entry.cameo) for a in srcs for b in srcs if a.country != b.country]
        if out:
            break  # one verb per headline
    return out
