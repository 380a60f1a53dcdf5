"""Which of a sentence's coded triggers stand: a statement beside the act it reports (never instead of it) and
the main clause's acts (`event_main_only`: one main act, statements and denials beside it). A statement that
another party used force is an accusation (events/allegations.py).

clauses.prior_act (`prior_acts`): an act named by a noun after "after"/"following" whose parties the parse
gives and differ from those of the main act ("the visit marked their third meeting, following Scholz's
call with Modi") is an earlier act the sentence asserts, kept beside the main act.

clauses.prior_clause (`prior_acts`): the same for an act named by the verb of an "after"/"following" clause
with its own subject, between two different countries ("Bolivia protested after Peruvian troops detained two
Bolivian soldiers"; not "a day after Trump returned to Washington").

clauses.coordinated_act (`prior_acts`): a verb joined to the main act's verb by "and" (or a comma list)
without a subject of its own is a second act of the same subject ("China signed a deal with Russia and
criticized Japan"); kept beside the main act when it is aimed at other parties.

clauses.speaker_frame (`prior_acts`, `speaker_frames`): in an official statement, an act of the issuing
government with no target ("we talked about how we will mark a year of Russia's war against Ukraine", "we are
working with our allies to answer Russia's invasion of Ukraine": rules issuer.*) only frames what it speaks of:
an act deeper in the sentence between two other states, whose source and target the parse gives, stands
beside it, as it did before "we" was read as the government (it keeps its own date: a landmark's day, the
publication's); the issuer's own deeper acts ("a discussion about our support to Israel") stay left out.

clauses.named_act (`prior_acts`): an act named by a noun whose own phrase gives its doer before it (a possessive
or a modifier: "China's ban", "the US sanctions") and the party it is done to after it ("on", "against"; "of" for
coercion and sanctions: "Beijing's detention of a Japanese citizen"), where that noun is not the main act ("China's
ban on exports to Japan angered Tokyo", "Tokyo protested as Beijing's seizure of a Japanese boat went on"): the
sentence asserts the act by naming it, so it stands beside the main act. A noun named as a topic ("discussed
China's ban on ...") is still dropped by modality.topic_noun, whichever clause it sits in; a noun of a state of
affairs rather than a dated act ("Russia's war against Ukraine", "the occupation of ...": `state_nouns`) is
no named act.

clauses.occasion_act (`prior_acts`): the call, meeting or visit a main act happened in, named by a noun in an "in",
"during" or "at" phrase on the main verb ("In a phone call with Erdogan, Putin discussed Syria"; "During his visit
to Beijing, the chancellor urged China to ..."), is asserted too: kept beside the main act, also between the same
two parties when the main act is of another kind.

clauses.purpose_act (rule over candidates, `purpose_act`): see its docstring; not for what a verb of doing all,
more or one's best is done to achieve ("do all we can to support Ukraine": the support itself), nor (rule
clauses.joint_work) for what one works with partners that are no state to achieve ("working with our allies to
hold Iran accountable": the act done, parties.unnamed_partner).

clauses.spoken_purpose (`prior_acts`, `spoken_purpose`): what a call or meeting was held to say ("spoke with
the Emir to express appreciation to Qatar") is said in it: asserted, and kept beside the call.

clauses.purpose_parties (`prior_acts`, `purpose_parties`): see its docstring.

clauses.second_clause (`prior_acts`, `_second_clause`): see its docstring.

clauses.warned_addressee (rule over candidates, `warned_addressee`): see its docstring.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from multipolar.actors.issuer import KINDS as ISSUER_KINDS
from multipolar.events import syntax
from multipolar.events.pairs import ASSAULT_ROOTS, sector
from multipolar.events.parties import unnamed_partner
from multipolar.events.receiving import HANDOVER_NOUNS, handover_entry, handover_recipient
from multipolar.events.roles import is_instrument_signing
from multipolar.events.rulebook import Candidate, Rule, aimed_at, derived_id, to_infinitive, words
from multipolar.events.triggers import DENY, Trigger
from multipolar.records import Event

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from multipolar.events.lexicon import Lexicon

Coded = list[tuple[Trigger, list[Event]]]

W = words("clauses")

SAY_LEMMAS = {"say", "state", "announce", "declare", "tell", "add", "note", "stress", "emphasize", "insist", "claim",
              "confirm", "report", "write", "explain", "warn", "deny", "allege", "accuse", "believe", "think",
              # the lexicon's later verbs of saying with a clause (frame "say")
              "reiterate", "repeat", "assert", "argue", "conclude", "acknowledge"}


CONCURRENT_MARKS = {"while", "whilst"}  # "called for talks while accusing the US": two acts of one subject


CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj", "parataxis"}


PRIOR_MARKS = {"after", "following"}  # "following X's call with Y": an act done before the main one


def drop_reports(coded: Coded, actors: syntax.Actors) -> Coded:
    """The coded triggers without the statements that only attribute a report or whose content is coded as an
    act of the speaker's own side."""
    # a statement whose content is coded as an act of the speaker is that act, not a second event
    # (compared by country: "Peskov said Russia was ready for dialogue" is Russia's act, not a report)
    acted = {(id(t.reported_by), e.source_actor[:3]) for t, evs in coded if t.reported_by is not None for e in evs}
    kept: Coded = []
    for trig, events in coded:
        if trig.frame == "say" and (trig.guessed_source or _attribution_only(trig, actors)):
            # "officials said", "his lawyer said", "Reuters reported": who reports, not an actor's
            # statement (a speaker who is no actor is not guessed from the actors nearby)
            continue
        if trig.frame == "say" or trig.tok.lemma_.lower() in DENY:
            if trig.frame == "say" and any((id(trig), e.source_actor[:3]) in acted for e in events):
                continue
        kept.append((trig, events))
    return kept


def main_acts(kept: Coded, *, single_main: bool, max_depth_gap: int) -> Coded:
    """The main clause's events: triggers buried deeper than the shallowest coded one are dropped; with
    `single_main`, one main act stands beside the statements and denials."""
    if len(kept) <= 1:
        return kept
    # signing an executive order or a bill is no act of its own: what it orders is the main act
    # (the signing itself is dropped by the rule roles.signed_instrument)
    ordered = [te for te in kept if not is_instrument_signing(te[0].tok)]
    if ordered and len(ordered) < len(kept):
        kept = ordered
    depths = {id(t): _clause_depth(t.tok) for t, _ in kept}
    # a stand-in source is no evidence of a main act: a parsed act deeper down is kept beside it
    # ("the intensification of sanctions is the concern, as after the new US sanctions against ...")
    parsed = [depths[id(t)] for t, _ in kept if not t.guessed_source]
    top = min(parsed or depths.values())
    kept = [(t, evs) for t, evs in kept if depths[id(t)] <= top + max_depth_gap]
    acts = [te for te in kept if not _is_speech(te[0])]
    if single_main and len(acts) > 1:
        def rank(te: tuple[Trigger, list[Event]]) -> tuple[bool, int, int]:
            return (te[0].tok.pos_ not in ("VERB", "ADJ"), syntax.depth(te[0].tok), te[0].tok.i)

        main = min(acts, key=rank)
        parsed_acts = [te for te in acts if te[0].parsed_both]
        if main[0].guessed_source and parsed_acts:
            # a stand-in source is weak evidence: an act whose source and target the parse
            # gives ("the new US sanctions against Russian oil") is the main act instead
            main = min(parsed_acts, key=rank)
        # a second act of the same subject in a "while" clause stands beside the main one
        kept = [te for te in kept if _is_speech(te[0]) or te is main or (
            _concurrent(te[0].tok) and te[0].tok.head.i == main[0].tok.i)]
    return kept

def speaker_frames(coded: Coded, actors: syntax.Actors) -> frozenset[int]:
    """The trigger tokens of `coded` whose every act is the issuing government's (named by the issuer.* rules in
    this document) with no target: they frame what they speak of (clauses.speaker_frame)."""
    kinds = set(ISSUER_KINDS.values())
    own = {m.actor_code for m in actors.values() if getattr(m, "kind", None) in kinds}
    if not own:
        return frozenset()
    return frozenset(t.tok.i for t, evs in coded if evs and all(
        e.source_actor in own and (e.target is None or e.target == e.source) for e in evs))


def prior_acts(coded: Coded, main: Coded, *, frames: frozenset[int] = frozenset(),
               actors: syntax.Actors | None = None) -> list[tuple[Trigger, list[Event], str]]:
    """The acts of `coded` that `main_acts` left out and that stand beside them, each with the rule that kept
    it (clauses.prior_act, clauses.prior_clause, clauses.coordinated_act, clauses.named_act (with `actors`) or
    clauses.speaker_frame: `frames` are the trigger tokens of `speaker_frames`)."""
    if not main:
        return []
    main_acts_ = [t for t, _ in main if not _is_speech(t)]
    framed = bool(main_acts_) and all(t.tok.i in frames for t in main_acts_)
    speakers = {e.source for _, evs in main for e in evs}  # the issuer's own deeper acts stay left out
    chosen = {id(t) for t, _ in main}
    parties = {frozenset((e.source, e.target)) for _, evs in main for e in evs}
    said = acts_of(main)
    out: list[tuple[Trigger, list[Event], str]] = []
    heads = {t.tok.i for t, _ in main if t.tok.pos_ in ("VERB", "AUX")}
    for trig, events in coded:
        tok = trig.tok
        if id(trig) in chosen or _is_speech(trig):
            continue
        named = actors is not None and named_act(tok, events, actors)
        if not trig.parsed_both and not named and (call := spoken_purpose(tok)) is not None and call.i in heads:
            told = purpose_parties(events, [e for t, evs in main if t.tok.i == call.i for e in evs])
            if told and not says_again(told, said):
                out.append((trig, told, "clauses.purpose_parties"))
            continue
        if not trig.parsed_both and not named:  # force named with its place has no target parsed yet
            continue
        if _occasion(tok, heads) and events and all(e.root in W["occasion_roots"] for e in events):
            # the call or meeting the main act happened in is asserted too, also beside another act between the
            # same two parties ("In a phone call with Erdogan, Putin thanked Turkey for its mediation")
            if not says_again(events, said):
                out.append((trig, events, "clauses.occasion_act"))
            continue
        rule = ("clauses.prior_act" if _prior(tok) else "clauses.prior_clause" if _prior_clause(tok)
                else "clauses.coordinated_act" if _coordinated(tok, heads) else None)
        if rule is None and framed and tok.i not in frames and all(
                e.target and e.target != e.source and not {e.source, e.target} & speakers for e in events):
            rule = "clauses.speaker_frame"
        if rule is None and (call := spoken_purpose(tok)) is not None and call.i in heads:
            # what the call was held to say is said in it: kept beside it, also between the same two parties,
            # unless the main act already says it
            if says_again(events, said):
                continue
            out.append((trig, events, "clauses.spoken_purpose"))
            continue
        if rule is None and _second_clause(tok, heads):
            # "Biden met Erdogan, and Biden reiterated his support for Israel": a clause of its own
            if not says_again(events, said) and all(e.target and e.target != e.source for e in events):
                out.append((trig, events, "clauses.second_clause"))
            continue
        if rule is None and named:
            rule = "clauses.named_act"
        if rule is None or any(frozenset((e.source, e.target)) in parties for e in events):
            continue
        if rule == "clauses.prior_clause" and any(e.target is None or e.target == e.source for e in events):
            continue  # "a day after Trump returned to Washington": a state's act on itself dates the main act
        out.append((trig, events, rule))
    return out


def acts_of(main: Coded) -> set[tuple[str | None, str | None, str]]:
    """(source, target, root) of each event of the main acts."""
    return {(e.source, e.target, e.root) for _, evs in main for e in evs}


def says_again(events: list[Event], said: set[tuple[str | None, str | None, str]]) -> bool:
    """Whether one of `events` is an act the main acts already say (`acts_of`): "expressed support for X" once."""
    return any((e.source, e.target, e.root) in said for e in events)


def _occasion(tok: Token, heads: set[int]) -> bool:
    """A noun naming the occasion of the main act, in a phrase of "in", "during" or "at" on its verb or on the
    sentence's root verb, that names its partner itself ("In a phone call with Erdogan on Tuesday, Putin discussed
    Syria", "During his visit to Beijing, the chancellor urged ..."; not "At the summit in Brussels, Zelensky
    thanked Germany")."""
    return (tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.dep_ == "prep"
            and tok.head.lower_ in W["occasion_preps"] and (tok.head.head.i in heads or tok.head.head.dep_ == "ROOT")
            and any(c.dep_ == "prep" and c.lower_ in W["partner_preps"] for c in tok.children))


def _prior(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.dep_ in ("pobj", "dobj") and tok.head.lower_ in PRIOR_MARKS


def _prior_clause(tok: Token) -> bool:
    """A verb heading an "after"/"following" clause with a subject of its own ("protested after Peruvian troops
    detained two soldiers"): an earlier act the sentence asserts."""
    return (tok.pos_ == "VERB" and tok.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in PRIOR_MARKS for c in tok.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children))


def named_act(tok: Token, events: list[Event], actors: syntax.Actors) -> bool:
    """An act named by a noun whose own phrase names its doer before it and the party it is done to after it
    ("China's ban on exports to Japan", "the US sanctions against Russian banks", "Beijing's detention of a
    Japanese citizen"; a pledge's infinitive too: "Chile's commitment to support Haiti"), every event of it read so."""
    if tok.pos_ != "NOUN" or not events or tok.lemma_.lower() in W["state_nouns"]:
        return False

    def codes(children: list[Token]) -> set[str]:
        return {actors[t.i].actor_code for c in children for t in c.subtree if t.i in actors}

    doers = codes([c for c in tok.children if c.i < tok.i and c.dep_ in W["agent_deps"]])
    preps = set(W["target_preps"])
    if all(e.root in W["object_roots"] for e in events):
        preps |= W["object_preps"]
    done_to = codes([c for c in tok.children if c.i > tok.i and c.dep_ == "prep" and c.lower_ in preps])
    if tok.lemma_.lower() in W["pledge_nouns"]:  # "Chile's commitment to support Haiti": what it commits to
        done_to |= codes([c for c in tok.children if c.i > tok.i and c.dep_ in ("acl", "xcomp", "advcl")
                          and to_infinitive(c)])
    if tok.lemma_.lower() in HANDOVER_NOUNS:  # "denounced Iran's supply of drones to Russia" (triggers.handover_noun)
        done_to |= {m.actor_code for m in handover_recipient(tok, actors)[0]}
    # force named with the state where it was used ("condemned the US strike in Venezuela"): roles.place_of_assault
    # aims it there
    places = codes([c for c in tok.children if c.i > tok.i and c.dep_ == "prep" and c.lower_ in W["place_preps"]]
                   ) if all(e.root in ASSAULT_ROOTS for e in events) else set()
    return all(e.source_actor in doers and (e.target_actor in done_to | places or (e.target_actor is None and places))
               and e.target != e.source for e in events)


def absorbed_named_acts(sent: Span, coded: Coded, actors: syntax.Actors, *, lexicon: Lexicon) -> list[Trigger]:
    """clauses.named_act for a noun another trigger absorbed ("Israel's strikes on Iranian sites killed dozens",
    "criticized China's ban on exports to Japan"): the lexicon's trigger of such a noun, to be coded on its own,
    when its phrase names a doer before it and a party after it (as `named_act` reads them) and the trigger that absorbed
    it frames nothing (a threat, a denial or a statement decides about what it governs), reports nothing and is no
    verb of an act yet to come ("fear", "expect", "prevent": `unreal_heads`). Force named with the state where it was
    used counts as named with its party ("condemned the US strike in Venezuela": roles.place_of_assault aims it)."""
    taken = {t.tok.i for t, _ in coded}
    framing = [t.tok for t, _ in coded if t.frame is not None or t.tok.lemma_.lower() in DENY]
    out: list[Trigger] = []
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.i in taken or tok.lemma_.lower() in W["state_nouns"]:
            continue
        if not any(c.i < tok.i and c.dep_ in W["agent_deps"] and any(t.i in actors for t in c.subtree)
                   for c in tok.children):
            continue
        weapon = handover_entry(tok, lexicon)  # "Iran's transfer of drones" (triggers.handover_noun)
        entry, handed = lexicon.match(tok) or weapon, weapon is not None
        preps = W["target_preps"] | W["object_preps"] | (
            W["place_preps"] if entry is not None and entry.cameo[:2] in ASSAULT_ROOTS else frozenset())
        if not any(c.i > tok.i and c.dep_ == "prep" and c.lower_ in preps and any(t.i in actors for t in c.subtree)
                   for c in tok.children) and not (tok.lemma_.lower() in HANDOVER_NOUNS and handover_recipient(tok, actors)[0]):
            continue
        if any(f.left_edge.i <= tok.i <= f.right_edge.i for f in framing) or _in_prior_or_topic(tok):
            continue
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in W["unreal_heads"]:
            continue  # "analysts fear a US strike in Iran": no act yet
        if entry is not None:
            out.append(Trigger(tok, entry, entry.cameo, handover=handed))
    return out


def _in_prior_or_topic(tok: Token) -> bool:
    """A noun after "after"/"following" (clauses.prior_act's business) or under a preposition of a topic."""
    return tok.dep_ == "pobj" and tok.head.lower_ in PRIOR_MARKS | W["topic_preps"]


def purpose_act(c: Candidate) -> Event | None:
    """clauses.purpose_act: an act named by an infinitive of purpose ("Putin met Kim in Pyongyang to sign a
    defence treaty", "gathered in Washington in order to sign a peace deal") is the aim of the act it hangs
    on, not something the sentence reports as done.

    The decision, from the real-news codebook ("code what the reporter asserts happened"; hypotheticals are
    no events): the infinitive of purpose never becomes an asserted act. It keeps its code with modality
    "hypothetical", which the codebook's scoring and relations leave out (as modality.plan does for a
    planned meeting), so `--explain` still shows it. When the act is reported as done, the text says so with
    a verb of its own ("met Kim and signed a treaty", "the two leaders signed the treaty on Wednesday"),
    which is coded as usual; the act the infinitive hangs on (the meeting, the visit, the call) is coded by
    its own trigger. A complement of a frame verb ("agreed to sign", "urged Iran to stop") is the frame's
    business, not a purpose: only an adverbial clause ("advcl") with "to" and no subject of its own counts."""
    tok = c.tok
    if not _is_purpose(tok) or c.event.modality == "hypothetical" or spoken_purpose(tok) is not None:
        return None
    if _utmost(tok.head) or unnamed_partner(tok.head, c.actors):
        # "do all we can to support Ukraine", "did its utmost to help", and (rule clauses.joint_work) "working
        # with our allies to hold Iran accountable": the act itself, not an aim
        return None
    return _as_aim(c.event)


def _utmost(verb: Token) -> bool:
    """A verb of doing whose object is all, more or one's best ("do all we can", "doing more", "did its
    utmost", "do our part"): what it is done "to" achieve is the act done."""
    return verb.lemma_.lower() == "do" and any(
        ch.dep_ == "dobj" and (ch.lower_ in W["utmost_objects"]
                               or any(g.lower_ in W["utmost_objects"] for g in ch.children if g.dep_ == "poss"))
        for ch in verb.children)


def purpose_parties(events: list[Event], call: list[Event]) -> list[Event]:
    """clauses.purpose_parties: what a call or meeting was held to say, where the parse of its own clause does not
    give both parties ("spoke with President Aoun of Lebanon to congratulate him", "met President Ruto of Kenya to
    reaffirm his support", "spoke with President Duque of Colombia to express U.S. support"), is said by the one
    who called to the one called: its source is the call's subject (an infinitive of purpose has no subject of
    its own), its target the party it names when that is a third state, else, for a cooperative act (thanks,
    support, congratulations), the call's other party: outrage or concern voiced in a call ("called Kishida to
    express his outrage at the shooting") is about something else. `call` is the call's events, the subject's
    first; [] when the call has no target."""
    first = next((e for e in call if e.target and e.target != e.source), None)
    if first is None:
        return []
    out = []
    for ev in events:
        target = (ev.target, ev.target_actor, ev.target_name)
        own = ev.target not in (None, first.source, ev.source)
        if ev.quad not in (1, 2) and (not own or ev.target == first.target):
            continue  # "called Kishida to express his outrage at the shooting": not outrage at Japan
        if not own:
            target = (first.target, first.target_actor, first.target_name)
        out.append(dataclasses.replace(
            ev, source=first.source, source_actor=first.source_actor, source_name=first.source_name,
            target=target[0], target_actor=target[1], target_name=target[2],
            event_id=derived_id(ev, "purpose_parties")))
    return out


def _is_purpose(tok: Token) -> bool:
    """An infinitive of purpose: an adverbial clause with "to" and no subject of its own."""
    return (tok.pos_ == "VERB" and tok.dep_ == "advcl" and not any(x.dep_ in ("nsubj", "nsubjpass") for x in tok.children)
            and any(x.dep_ == "aux" and x.lower_ in W["purpose_marks"] for x in tok.children))


def spoken_purpose(tok: Token) -> Token | None:
    """clauses.spoken_purpose: what a call, talk or meeting was held to say ("spoke with the Emir to express
    appreciation to Qatar", "met Ruto to reaffirm support for Kenya", "called Carney to offer condolences, and
    to thank Canada") is said in it: an infinitive of purpose whose verb is one of saying or expressing, on a
    verb of speaking or meeting, is an act the sentence reports as done (asserted), kept beside the call.
    A noun act that is the object of such a verb is said with it ("spoke with Patrushev to reiterate the United
    States' opposition to Russia's invasion"). So is (rule clauses.call_conjunct) such a verb coordinated with the
    call's own verb, with no subject of its own ("spoke with President Duda of Poland and expressed his
    condolences", "... and reaffirmed his support"). The verb of the call, or None."""
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        tok = tok.head
    first = tok
    while first.dep_ == "conj" and first.head.pos_ == "VERB":  # "to affirm ties and to express appreciation"
        first = first.head
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in W["spoken_purpose_verbs"]:
        return None
    if _is_purpose(first) and first.head.lemma_.lower() in W["communication_verbs"]:
        return first.head
    if (first.i != tok.i and first.lemma_.lower() in W["communication_verbs"]
            and not any(x.dep_ in ("nsubj", "nsubjpass") for x in tok.children)):
        return first  # rule clauses.call_conjunct: "spoke with President Duda of Poland and expressed condolences"
    # the parser's reading of "spoke with Duque to express support": "with" takes a clause whose subject is the
    # one called
    if (first.dep_ == "pcomp" and first.head.lower_ == "with" and first.head.head.pos_ == "VERB"
            and first.head.head.lemma_.lower() in W["communication_verbs"]
            and any(x.dep_ == "aux" and x.lower_ in W["purpose_marks"] for x in first.children)):
        return first.head.head
    return None


def _as_aim(ev: Event) -> Event:
    return dataclasses.replace(ev, modality="hypothetical")


def _second_clause(tok: Token, heads: set[int]) -> bool:
    """clauses.second_clause: the act of a clause joined to the main act's clause by "and" or "but" with a
    subject of its own ("President Biden met President Erdogan, and President Biden reiterated his support for
    Israel's right to defend itself") is asserted as the main one is: it stands beside it (not between the
    same parties with the same root, which the main act says). The clause's verb is the trigger's own or the
    first verb above it."""
    verb = tok
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            break
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    else:
        return False
    return (verb.dep_ == "conj" and verb.head.i in heads and verb.i not in heads
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            and any(c.dep_ == "cc" and c.lower_ in ("and", "but") for c in verb.head.children if c.i < verb.i))


def _coordinated(tok: Token, heads: set[int]) -> bool:
    """A verb conjoined to a main act's verb, sharing its subject (no subject of its own)."""
    return (tok.pos_ == "VERB" and tok.dep_ == "conj" and tok.head.i in heads
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children))


def _is_speech(trig: Trigger) -> bool:
    """A statement or a denial: coded beside the act it reports, never instead of it."""
    return trig.frame == "say" or trig.tok.lemma_.lower() in DENY


def _clause_depth(tok: Token) -> int:
    """How many clause boundaries lie between a trigger and the sentence root; the complement of a
    say-verb counts as the main clause (what a statement reports is its main event)."""
    depth, x = 0, tok
    for _ in range(40):
        if x.head.i == x.i:
            break
        if x.dep_ in CLAUSE_DEPS and not (x.dep_ == "ccomp" and x.head.lemma_.lower() in SAY_LEMMAS) and not _concurrent(x):
            depth += 1
        if x.pos_ in ("NOUN", "PROPN") and x.dep_ in ("pobj", "nsubj", "nsubjpass"):
            depth += 0
        x = x.head
    return depth


def _concurrent(x: Token) -> bool:
    """A "while"/"whilst" clause without its own subject ("called for talks while accusing the US of ...")
    is a second act of the main clause's subject, as much a main act as the first."""
    return (x.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONCURRENT_MARKS for c in x.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in x.children))


def _attribution_only(trig: Trigger, actors: syntax.Actors) -> bool:
    """A statement whose speakers are news media or generic nouns placed only by their context
    ("officials said", "Reuters reports"): it attributes a report, it is no act."""
    if trig.code[:2] != "01":
        return False  # "officials warned": a warning is an act (13), whoever gives it
    speakers = syntax.subjects(trig.tok, actors)[0]
    return bool(speakers) and all(sector(m) == "MED" or getattr(m, "kind", "") == "context"
                                  for m in speakers)


def warned_addressee(c: Candidate) -> Event | None:
    """clauses.warned_addressee: a hostile act a speaker says it will do, reported by a verb of warning whose
    object is a state ("Lula warned Argentina it would retaliate", "Turkey warned Greece that it would close the
    strait"), is aimed at the state warned when the act names no target of its own: the warning is addressed to
    the party it threatens. An act whose own phrase names a target keeps it ("warned Chile that Peru would ...")."""
    ev, speaker = c.event, c.speaker
    if speaker is None or ev.target_actor is not None or ev.root not in W["warned_roots"]:
        return None
    if speaker.lemma_.lower() not in W["warn_lemmas"]:
        return None
    warned = [c.actors[x.i] for x in speaker.children if x.dep_ in ("dobj", "dative") and x.i in c.actors]
    warned = [m for m in warned if m.country and m.country != ev.source and m.actor_code[:3] == m.country]
    if len(warned) != 1:
        return None
    return aimed_at(ev, warned[0])


RULES = [Rule("clauses.purpose_act", purpose_act), Rule("clauses.warned_addressee", warned_addressee)]
