"""Triggers: the lexicon's words in a sentence after frames and absorption (`find_triggers`).

Every token is looked up in the lexicon (the most specific pattern wins); pattern words are part of their
trigger; easing a restriction is a concession and cutting help a reduction of relations; frame verbs absorb
their complement into the composite code; "said Iran must ..." is a demand; say/deny frames mark what they
govern as reported; a trigger governed by another (non-frame) trigger is absorbed by it, and a verb that restates
(triggers.restated_object: "reaffirmed its support") takes the code of the act it restates, a giving verb the
code of the word it conveys (triggers.conveyed_object: "sent our condolences"), and a verb judging the subject's
own act gives way to it (triggers.own_act_judged: "defended its strikes on Iran"); a weapon handed over inside a
noun's phrase is that noun's act (triggers.handover_noun: "Iran's transfer of drones to Russia"). Changing
quantities, published information and untransferred weapons are no triggers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from multipolar.events import syntax
from multipolar.events.frames import CONFLICT_ROOTS, compose
from multipolar.events.lexicon import MEASURE_NOUNS, Lexicon, LexiconEntry
from multipolar.events.ontology import Ontology
from multipolar.events.receiving import TRANSFERRED_NOUNS, handover_holder

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

LIGHT_VERBS = {"hold", "have", "conduct", "carry", "launch", "make", "take", "stage", "begin", "start", "pay",
               "continue", "resume", "open", "give", "issue", "announce", "do", "plan", "propose", "deliver",
               "mount", "unleash", "hit", "kill", "end", "complete", "reach", "express", "voice", "offer"}


DENY = {"deny", "dismiss", "refute"}


TRANSFER_VERBS = {"send", "supply", "deliver", "provide", "sell", "ship", "give", "transfer", "deploy", "pledge",
                  "promise", "offer", "approve", "donate", "lend", "airlift", "dispatch", "receive", "request", "ask",
                  "seek", "delivery", "shipment", "sale", "supplier", "package", "aid"}


INFO_NOUNS = {"data", "datum", "figure", "report", "statement", "statistic", "result", "document", "video", "footage",
              "image", "photo", "detail", "text", "list", "update", "survey", "study", "poll", "estimate", "forecast",
              "guidance", "record", "transcript", "readout", "communique", "album", "film", "book", "version"}


AGREEMENT_LEMMAS = {"agree", "consent", "accept"}


# a quantity that changes ("trade fell", "exports declined") is a statistic, not an event
QUANTITY_VERBS = {"fall", "rise", "grow", "decline", "drop", "increase", "decrease", "reach", "shrink", "plunge",
                  "slump", "surge", "jump", "double", "triple", "total", "climb", "soar", "tumble", "contract",
                  "expand", "slow", "dip", "edge", "rebound", "recover", "stand", "amount", "hit"}


# easing verbs and the restrictions they ease, most specific first (codebook 081, 085, 0872); curfews and
# emergency rule stay at 081 like the lexicon's "lift curfew": PLOVER counts easing them as CONCEDE
EASE_LEMMAS = {"lift", "ease", "relax", "shorten", "end", "scrap", "revoke", "rescind", "suspend", "loosen", "remove",
               "cancel", "repeal", "reduce", "drop", "roll"}


EASED_NOUNS = (("curfew", "081"), ("emergency", "081"), ("martial", "081"), ("sanction", "085"),
               ("embargo", "085"), ("tariff", "085"), ("boycott", "085"), ("blockade", "0872"), ("siege", "0872"),
               ("ban", "081"), ("restriction", "081"), ("lockdown", "081"))


# stopping help is reducing relations (codebook 162, 164): "cut military assistance", "halted talks"
CUT_LEMMAS = {"cut", "reduce", "suspend", "halt", "stop", "end", "freeze", "slash", "curtail", "withhold", "cancel",
              "scale", "terminate", "discontinue"}


CUT_CODES = {"07": "162", "071": "1621", "072": "1622", "073": "1623", "046": "164", "045": "165"}


SELF_PRONOUNS = {"i", "we", "it", "he", "she"}
# rule triggers.restated_object: restating an act is that act ("reaffirmed its support for Ukraine" is support,
# "reaffirmed its commitment to Jordan's security" an endorsement): the verb takes its object trigger's code
RESTATE_LEMMAS = {"reaffirm", "restate", "reconfirm"}
# rule triggers.own_act_judged: verbs that judge an act ("defended its strikes", "hailed his summit with Putin"): an
# act of the subject's own that they judge is the act asserted (its doer the subject), not the judging verb, which
# was coded as an act toward the judged act's target ("Israel defended its strikes on Iran": support for Iran)
OWN_ACT_JUDGES = {"defend", "justify", "praise", "hail", "tout", "celebrate", "laud"}
OWNING_PRONOUNS = {"its", "his", "her", "their", "our"}


def owned_by_pronoun(tok: Token) -> bool:
    """A noun owned by a pronoun ("its strikes", "his capture of Maduro")."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "poss" and c.lower_ in OWNING_PRONOUNS for c in tok.children)


# rule triggers.conveyed_object: a giving verb whose object is a word or gesture ("sent our condolences to South
# Africa", "gave assurances to Kyiv") conveys that act, no aid: the verb takes its object's code; not support or
# help, which may be material ("sent support to Kyiv")
CONVEYED_ROOTS = ("01", "04")
CONVEYED_WORDS = {"congratulation", "greeting", "appreciation", "assurance", "apology", "praise", "thanks", "gratitude"}


@dataclass
class Trigger:
    tok: Token
    entry: LexiconEntry
    code: str
    consumed: bool = False
    frame: str | None = None
    frame_of: Trigger | None = None  # the complement absorbed by this frame
    reported_by: Trigger | None = None  # the say-frame governing this trigger
    negated_by_frame: bool = False
    absorbed: list[int] = field(default_factory=list)
    guessed_source: bool = False  # the source is the stand-in (nearest actor before), not parsed
    parsed_both: bool = False  # source and target both read off the parse
    demanded: Token | None = None  # "X said Y must ...": the verb of what Y is told to do
    listed: bool = False  # a target came from a group noun's list ("met the governments of A, B and C")
    bracketed: bool = False  # a target came from a list split at its bracketed figures ("Peru (20%), Chile (15%)")
    split: bool = False  # a party came from a misparsed "Title A and Title B" (rule syntax.split_coordination)
    subject_list: bool = False  # more sources from a subject's group-noun list (rule syntax.subject_list)
    hyphen_pair: bool = False  # the parties came from an "A-B" modifier ("the US-China talks", rule syntax.hyphen_pair)
    own_place: bool = False  # a target that is one of the subjects' own places was dropped (rule syntax.subject_place)
    mutual_with: set[tuple[str, str]] = field(default_factory=set)  # (source, target) added by rule pairs.mutual_with
    restated: bool = False  # the code is its object's (rule triggers.restated_object)
    phrase_owner: bool = False  # the phrase's own noun named the doer, its phrase the target (syntax.phrase_owner)
    list_tail: bool = False  # a list's last member, hung from the verb, was added as a target (syntax.list_tail)
    reason_for: bool = False  # the states in a "for" phrase of judging were kept from the target (roles.reason_for)
    alleged: bool = False  # a statement recoded as an accusation of whoever it says used force (clauses.as_allegation)
    thing_origin: bool = False  # the giver of handed-over weapons is the state that qualifies them (roles.thing_origin)
    accused_deed: bool = False  # the states in the deed a charge tells of were kept from the target (allegations.accused_deed)
    occasion_agent: bool = False  # a passive coercion's doer is the owner of the strike it befell in (roles.occasion_agent)
    support_recipient: bool = False  # a giving verb's target from its "in support of" phrase (roles.support_recipient)
    gift_recipient: bool = False  # a giving verb's target from the "to" phrase of what it gives (roles.gift_recipient)
    received_message: bool = False  # a letter or message received is its sender's consultation (roles.received_message)
    handover: bool = False  # a weapon's act moved to the noun that hands it over (rule triggers.handover_noun)
    conveyed: bool = False  # a giving verb took the code of the word it conveys (rule triggers.conveyed_object)
    owned_to: bool = False  # an owned object's target from its verb's "to" phrase (rule roles.owned_object_to)
    club_object: bool = False  # a body the object belongs to is no partner of the subjects (rule syntax.club_object)
    released_from: bool = False  # a passive release's doer from its "from" phrase (rule roles.released_from)
    judged: bool = False  # the subject's own act that the verb judging it gave way to (rule triggers.own_act_judged)


def find_triggers(sent: Span, *, lexicon: Lexicon, ontology: Ontology) -> list[Trigger]:
    """Lexicon triggers of a sentence after frames and absorption (actor-independent)."""
    found: dict[int, Trigger] = {}
    for tok in sent:
        if _is_statistic(tok) or _untransferred(tok) or _published(tok):
            continue
        entry = lexicon.match(tok)
        if entry is not None:
            found[tok.i] = Trigger(tok, entry, entry.cameo, frame=entry.frame)
    # pattern words are part of their trigger ("imposed sanctions": one event, not two)
    for trig in list(found.values()):
        words = {c.value for c in trig.entry.conditions if c.kind == "lemma" and not c.negated}
        if not words:
            continue
        for t in syntax_near(trig.tok):
            if t.i in found and t.i != trig.tok.i and t.lemma_.lower() in words:
                other = found[t.i]
                if other.entry.specificity <= trig.entry.specificity:
                    other.consumed = True
    for trig in list(found.values()):
        holder = handover_holder(trig.tok)
        if holder is None or trig.consumed:
            continue
        if holder.i in found:  # "the sale of drones": the noun's own phrase entry
            found[holder.i].handover = True
        else:
            found[holder.i] = Trigger(holder, trig.entry, trig.code, frame=trig.entry.frame, handover=True)
            trig.consumed = True
    # easing a restriction is a concession (codebook 081, 085, 0872): "lifted the curfew",
    # "ended the state of emergency", "eased the sanctions on Cuba"
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in EASE_LEMMAS:
            continue
        for obj in verb.children:
            if obj.dep_ not in ("dobj", "nsubjpass"):
                continue
            obj = _share_of(obj)
            eased = _eased_code(obj)
            if eased is None or eased not in ontology:
                continue
            for t in [obj, *obj.subtree]:
                if t.i in found and t.i != verb.i:
                    found[t.i].consumed = True
            trig = found.get(verb.i)
            if trig is None:
                found[verb.i] = _rule_trigger(verb, eased)
            elif trig.frame is None:
                trig.code = eased
            break
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in CUT_LEMMAS or (verb.i in found and found[verb.i].frame):
            continue
        for obj in verb.children:
            help_ = found.get(obj.i) if obj.dep_ in ("dobj", "nsubjpass") else None
            cut = next((CUT_CODES[help_.code[:n]] for n in (3, 2) if help_ is not None and help_.code[:n] in CUT_CODES), None)
            if help_ is None or cut is None or cut not in ontology:
                continue
            help_.consumed = True
            found[verb.i] = _rule_trigger(verb, cut)
            break
    # frames absorb their complement
    for trig in found.values():
        if trig.consumed or trig.frame in (None, "say"):
            continue
        comp = _complement(trig.tok, found)
        if comp is None or comp.consumed:
            continue
        if trig.frame == "intent" and trig.tok.lemma_.lower() in AGREEMENT_LEMMAS and comp.code[:2] in CONFLICT_ROOTS:
            code = "030"  # agreeing to hold a protest is an agreement, not a threat
        else:
            code = compose(trig.frame, comp.code)
        if code is not None and code in ontology:
            trig.code = code
            trig.frame_of = comp
            comp.consumed = True
    # "Britain said Iran must release the sailors": a statement of what another party must do is a
    # demand by the speaker (codebook 10), addressed to the party named as the one who must act
    for trig in found.values():
        if trig.consumed or trig.frame != "say" or trig.tok.lemma_.lower() in DENY | {"warn"}:
            continue
        must = _must_clause(trig.tok)
        if must is None:
            continue
        comp = found.get(must.i)
        if comp is None:
            comp = next((found[g.i] for g in must.children
                         if g.dep_ in ("dobj", "attr") and g.i in found and must.lemma_.lower() in LIGHT_VERBS), None)
        code = compose("demand", comp.code) if comp is not None and not comp.consumed and comp.code[:2] <= "09" else "100"
        if code not in ontology:
            continue
        trig.code, trig.frame, trig.demanded = code, "demand", must
        if comp is not None and code != "100":
            trig.frame_of = comp
            comp.consumed = True
    # say/deny frames: mark what they govern as reported
    for trig in found.values():
        if trig.entry.frame == "say" or trig.tok.lemma_.lower() in DENY:
            for t in trig.tok.subtree:
                other = found.get(t.i)
                if other is None or other is trig or other.consumed:
                    continue
                if _clause_path(t, trig.tok):
                    other.reported_by = trig
                    if trig.tok.lemma_.lower() in DENY:
                        other.negated_by_frame = True
    # a trigger governed by another (non-frame) trigger is absorbed by it
    for trig in found.values():
        if trig.consumed:
            continue
        gov = _governor(trig.tok, found)
        if (gov is not None and gov.tok.lemma_.lower() in OWN_ACT_JUDGES and owned_by_pronoun(trig.tok)
                and trig.tok.dep_ == "dobj"):  # not "praised Okafor for his condemnation": his is Okafor's
            gov.consumed, trig.judged = True, True  # rule triggers.own_act_judged
            continue
        if gov is not None and not gov.consumed and gov.entry.frame != "say" and gov.tok.lemma_.lower() not in DENY:
            trig.consumed = True
            if gov.frame_of is None and gov.tok.lemma_.lower() in RESTATE_LEMMAS and trig.code != gov.code:
                gov.code, gov.restated = trig.code, True  # rule triggers.restated_object
            elif (gov.frame_of is None and gov.code[:2] == "07" and trig.tok.dep_ == "dobj"
                    and trig.tok.head.i == gov.tok.i
                    and (trig.code[:2] in CONVEYED_ROOTS or trig.tok.lemma_.lower() in CONVEYED_WORDS)):
                gov.code, gov.conveyed = trig.code, True  # rule triggers.conveyed_object
            elif (gov.frame_of is None and gov.code[:2] == trig.code[:2] and gov.code.endswith("0")
                    and trig.code != gov.code and len(trig.code) >= len(gov.code)):
                gov.code = trig.code  # "sent weapons": the object names the kind of aid (072)
    return [t for t in found.values() if not t.consumed]


def base_rules(trig: Trigger) -> list[str]:
    """Names of the coder's own steps behind a trigger's events, for `--explain`."""
    out = [f"lexicon:{trig.entry.lemma}->{trig.entry.cameo}"]
    if trig.frame_of is not None:
        out.append(f"frame:{trig.frame}({trig.frame_of.tok.lemma_.lower()})")
    elif trig.frame == "demand":
        out.append("frame:must-clause demand")
    if trig.reported_by is not None:
        out.append(f"speech:reported by '{trig.reported_by.tok.text}'")
    flags = ((trig.guessed_source, "roles:stand-in source"), (trig.listed, "roles.listed_states"),
             (trig.split, "syntax.split_coordination"), (trig.bracketed, "syntax.bracketed_list"),
             (trig.hyphen_pair, "syntax.hyphen_pair"), (trig.subject_list, "syntax.subject_list"),
             (trig.restated, "triggers.restated_object"), (trig.own_place, "syntax.subject_place"),
             (trig.phrase_owner, "syntax.phrase_owner"), (trig.list_tail, "syntax.list_tail"),
             (trig.occasion_agent, "roles.occasion_agent"), (trig.received_message, "roles.received_message"),
             (trig.support_recipient, "roles.support_recipient"),
             (trig.gift_recipient, "roles.gift_recipient"), (trig.handover, "triggers.handover_noun"),
             (trig.conveyed, "triggers.conveyed_object"), (trig.owned_to, "roles.owned_object_to"),
             (trig.club_object, "syntax.club_object"), (trig.released_from, "roles.released_from"),
             (trig.judged, "triggers.own_act_judged"),
             (trig.reason_for, "roles.reason_for"), (trig.accused_deed, "allegations.accused_deed"),
             (trig.alleged, "clauses.as_allegation"), (trig.thing_origin, "roles.thing_origin"))
    return out + [name for on, name in flags if on]


def syntax_near(tok: Token) -> list[Token]:
    from multipolar.events.lexicon import _near

    return _near(tok)


def _must_clause(tok: Token) -> Token | None:
    """The verb of a "must" clause a say-verb governs ("said Iran must release them"), unless the one who
    must act is the speaker's own side ("said it must", "said we must"; but "told Turkey it must")."""
    for c in tok.children:
        if c.dep_ != "ccomp" or not any(g.dep_ == "aux" and g.lower_ == "must" for g in c.children):
            continue
        subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        told = any(g.dep_ in ("dobj", "dative") for g in tok.children)  # "told Turkey it must ..."
        if subj is None or (subj.lower_ in SELF_PRONOUNS and not told):
            continue
        return c
    return None


def _share_of(obj: Token) -> Token:
    """What a share names through "of" ("dropped most of its tariffs": the tariffs), else the object itself."""
    if obj.lower_ not in SHARE_WORDS:
        return obj
    return next((g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj"), obj)


SHARE_WORDS = {"most", "some", "all", "half", "part", "many", "much", "several", "rest", "majority", "bulk", "portion"}


def _eased_code(noun: Token) -> str | None:
    """The concession code of easing the restriction this noun names (with its compounds, modifiers and
    "of" phrase: "state of emergency", "emergency measures", "martial law"), or None."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    words = {noun.lemma_.lower()}
    for c in noun.children:
        if c.dep_ in ("compound", "amod"):
            words.add(c.lemma_.lower())
        if c.dep_ == "prep" and c.lower_ == "of":
            words |= {g.lemma_.lower() for g in c.children if g.dep_ == "pobj"}
    for word, code in EASED_NOUNS:
        if word in words:
            return code
    return None


def _complement(tok: Token, found: dict[int, Trigger]) -> Trigger | None:
    """The trigger a frame word governs: its open complement, its object, or the object of for/on/with."""
    order = []
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp") and c.i in found:
            order.append((0, found[c.i]))
        if c.dep_ in ("xcomp",):
            for g in c.children:  # "agreed to hold talks": a verb that is no trigger + noun trigger
                if g.dep_ in ("dobj", "attr") and g.i in found and c.i not in found:
                    order.append((1, found[g.i]))
        if c.dep_ in ("dobj", "attr", "nsubjpass") and c.i in found:
            order.append((1, found[c.i]))
        if c.dep_ == "dobj" and c.i not in found:
            # "pledged 500 million euros in military aid": a sum's "in" phrase names what is pledged
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ == "in":
                    order.extend((1, found[g.i]) for g in p.children if g.dep_ == "pobj" and g.i in found)
        if c.dep_ == "prep" and c.lower_ in ("for", "on", "upon", "with", "to", "of"):
            for g in c.children:
                if g.dep_ == "pobj" and g.i in found:
                    order.append((2, found[g.i]))
                if g.dep_ == "pcomp" and g.i in found:
                    order.append((2, found[g.i]))
                if g.dep_ == "pobj" and g.i not in found:
                    # "threatened Russia with taxes, tariffs and sanctions": a coordinated object
                    for h in syntax.conj_heads(g)[1:]:
                        if h.i in found:
                            order.append((3, found[h.i]))
                            break
    if tok.pos_ == "ADJ":
        for c in tok.children:
            if c.dep_ == "xcomp" and c.i in found:
                order.append((0, found[c.i]))
            if c.dep_ == "xcomp":
                for g in c.children:
                    if g.dep_ in ("dobj",) and g.i in found and c.lemma_.lower() in LIGHT_VERBS:
                        order.append((1, found[g.i]))
    if not order:
        return None
    return min(order, key=lambda x: x[0])[1]


def _governor(tok: Token, found: dict[int, Trigger]) -> Trigger | None:
    """A trigger that takes this (nominal) trigger as its object: "condemned the attack"."""
    x = tok
    if tok.pos_ in ("VERB", "AUX"):
        if x.dep_ == "pcomp" and x.head.dep_ == "prep" and x.head.lower_ in ("of", "for", "over"):
            return found.get(x.head.head.i)
        return None
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if x.dep_ in ("dobj", "attr", "nsubjpass", "dative"):
        return found.get(x.head.i)
    if x.dep_ == "pobj" and x.head.dep_ == "prep" and x.head.lower_ in ("for", "of", "on", "against", "to", "with", "over"):
        return found.get(x.head.head.i)
    if x.dep_ == "compound":
        return found.get(x.head.i)
    return None


def _published(tok: Token) -> bool:
    """"released data", "figures released on Monday": publishing information, not freeing anyone."""
    if tok.lemma_.lower() not in ("release", "issue", "publish"):
        return False
    patients = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
        patients.append(tok.head)
    if tok.pos_ == "NOUN":
        patients += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return any(p.lemma_.lower() in INFO_NOUNS for p in patients)


def _untransferred(tok: Token) -> bool:
    """A weapon or a force that nobody hands over ("used Western missiles", "the weapons"): not aid."""
    if tok.pos_ != "NOUN" or not {tok.lemma_.lower(), tok.lower_} & TRANSFERRED_NOUNS:
        return False  # by its form too: the tagger's lemma of "arms" is "arm" (the lexicon matches the form)
    x = tok
    while x.dep_ == "conj" and x.head.i != x.i:
        x = x.head
    if any(c.dep_ == "prep" and c.lower_ in ("to", "for") for c in tok.children):
        return False  # "arms to Kyiv", "ammunition for the army"
    head = x.head
    if x.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
        if head.lemma_.lower() in MEASURE_NOUNS and head.head.i != head.i:
            head = head.head  # "shipped millions of shells": the number's verb hands them over
            if head.dep_ == "prep" and head.head.i != head.i:
                head = head.head
    return head.lemma_.lower() not in TRANSFER_VERBS


def _is_statistic(tok: Token) -> bool:
    """A quantity, not an act: "trade fell", "exports reached a record", "it has declined this year"."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass"):
        return tok.head.lemma_.lower() in QUANTITY_VERBS
    if tok.pos_ == "VERB" and tok.lemma_.lower() in QUANTITY_VERBS:
        # a verb of change with no object, complement or prepositional target is a change in a quantity
        return not any(c.dep_ in ("dobj", "xcomp", "ccomp", "dative", "prt", "attr") for c in tok.children) and not any(
            c.dep_ == "prep" and c.lower_ in ("on", "against", "with", "at", "into") for c in tok.children)
    return False


def _clause_path(t: Token, top: Token) -> bool:
    """Whether `t` sits in a complement clause of `top` (ccomp/xcomp/conj chain), not in its subject."""
    x = t
    for _ in range(12):
        if x.head.i == top.i:
            return x.dep_ in ("ccomp", "xcomp", "advcl", "conj", "dobj", "parataxis", "prep")
        if x.head.i == x.i:
            return False
        if x.dep_ in ("nsubj", "nsubjpass"):
            return False
        x = x.head
    return False


def _rule_trigger(verb: Token, code: str) -> Trigger:
    """A trigger a rule makes of a verb the lexicon has no entry for in this use ("lifted", "cut")."""
    lemma = verb.lemma_.lower()
    return Trigger(verb, LexiconEntry(cameo=code, lemma=lemma, pos="VERB", trigger=lemma, conditions=(), example=""), code)


def trigger_words(trig: Trigger) -> str:
    toks = {trig.tok.i: trig.tok}
    if trig.frame_of is not None:
        toks[trig.frame_of.tok.i] = trig.frame_of.tok
    words = {c.value for c in trig.entry.conditions if c.kind in ("lemma", "prt", "prep") and not c.negated}
    for t in syntax_near(trig.tok):
        if t.lemma_.lower() in words or (t.dep_ == "prt" and t.lower_ in words):
            toks[t.i] = t
    lo, hi = min(toks), max(toks)
    if hi - lo > 6:
        return " ".join(t.text for _, t in sorted(toks.items()))
    doc = trig.tok.doc
    return doc[lo : hi + 1].text


def main_root(trigs: list[Trigger]) -> str | None:
    """The CAMEO root of a sentence's main event from its triggers, ignoring actors: the shallowest trigger that
    is not a bare statement verb (None without triggers)."""
    if not trigs:
        return None
    return min(trigs, key=lambda t: (1 if t.frame == "say" and t.frame_of is None else 0, syntax.depth(t.tok))).code[:2]
