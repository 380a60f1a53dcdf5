"""A trigger's source and target actors (`find_arguments`): read off the parse (subject or passive agent,
object or prepositional object, the actor of a nominal trigger's phrase), else stood in for by the nearest
actor before the trigger (source) and the first actor inside its phrase (target). Rules here:
syntax.phrase_owner (the state modifying a phrase trigger's noun is its doer), syntax.list_tail (via syntax),
roles.reason_for (a verb of judging's "for" phrase is its reason, not its target), roles.support_recipient and
roles.gift_recipient (whom a verb of giving with no target of its own helps: events/receiving.py), roles.occasion_agent (a
passive act of coercion with no agent was done by the owner of the strike or raid it happened in, pairs.py);
syntax.passive_own_subject (syntax.subjects: a passive verb with a subject of its own takes no doer from the
clause above it: "the Venezuelan president is in custody after he was captured" is not Venezuela's act);
parties.unnamed_partner (events/parties.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from multipolar.codes import is_state
from multipolar.events import mood, syntax
from multipolar.events.allegations import deed_tokens
from multipolar.events.antecedents import described_object, topic_country
from multipolar.events.frames import compose
from multipolar.events.lexicon import MEASURE_NOUNS, Lexicon
from multipolar.events.ontology import Ontology
from multipolar.events.pairs import (
    ASSAULT_ROOTS,
    KILL_CODE,
    hyphen_pair,
    is_joint,
    is_symmetric,
    occasion_agent,
    prep_objects,
    sector,
    unidentified_attacker,
    weapon_of,
)
from multipolar.events.parties import unnamed_partner
from multipolar.events.qualifiers import CONDITIONAL_ACTS, condition_subjects, ultimatum_of
from multipolar.events.receiving import (
    HANDOVER_NOUNS,
    RECEIVE_LEMMAS,
    YIELD_ROOT,
    clause_subjects,
    gift_recipient,
    handover_recipient,
    noun_recipients,
    received,
    released_from,
    support_recipient,
    thing_origin,
    thing_received,
)
from multipolar.events.receiving import givers as receiving_givers
from multipolar.events.triggers import Trigger, syntax_near

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# generic verbs that name an event only when the parse gives them a recipient actor
WEAK_LEMMAS = {"provide", "give", "help", "protect", "support", "deliver", "send", "supply", "take", "receive",
               "accept", "return", "free", "force", "pressure", "order", "ask", "seek", "back", "welcome", "buy",
               "purchase", "export", "import", "trade", "hit", "target", "leave", "quit", "cut", "ban", "station",
               "fund", "train", "reinforce", "gather", "review", "consider", "weigh", "share", "defend", "commit",
               "brief", "update", "inform"}

TIME_WORDS = {"after", "before", "since", "until", "once"}  # "one day after Trump was inaugurated"

# fighting a crime or a problem ("fights drug trafficking") is no attack on anyone
FIGHT_LEMMAS = {"fight", "combat", "battle", "tackle"}

# topic objects: "discussed the new US administration" names what was discussed, not a partner
TOPIC_OBJECT_LEMMAS = {"discuss", "debate", "review", "consider", "examine", "weigh", "address"}
# the target prepositions of force: not "from", which names where it came from ("struck Lviv from the border
# with Poland", "fired from Lebanon"; rule syntax.force_origin)
FORCE_PREPS = tuple(p for p in syntax.TARGET_PREPS if p != "from")

# prepositions of adjuncts: an act named inside them ("despite Western sanctions") has no agent nearby
ADJUNCT_PREPS = {"despite", "amid", "because", "after", "before", "following", "since", "during", "under"}

GIVING_ROOTS = ("06", "07")  # material cooperation and aid: whom they help may be named "in support of"
COERCE_ROOT = "17"  # seizing, arresting, expelling: a passive one may take its doer from its occasion

# sectors that strike by stopping work, and the verbs and modifiers of a work stoppage
LABOUR_SECTORS = ("LAB", "CVL", "EDU", "HLT", "AGR", "BUS", "OPP")

# ("stag": the small model lemmatises "staged" as "stag")
LABOUR_STRIKE_VERBS = frozenset({"stage", "stag", "call", "begin", "hold", "join", "end", "start", "continue", "extend",
                                 "declare", "announce", "organize", "organise", "suspend"})

LABOUR_STRIKE_WORDS = frozenset({"general", "nationwide", "national", "hunger", "labour", "labor", "worker",
                                 "union", "rail", "transport", "teacher", "doctor", "nurse", "pay", "wage", "day-long",
                                 "indefinite", "warning", "token"})

MILITARY_STRIKE_WORDS = frozenset({"air", "drone", "missile", "military", "rocket", "artillery", "precision",
                                   "retaliatory", "pre-emptive", "preemptive", "nuclear", "naval"})


@dataclass(slots=True)
class Arguments:
    """A trigger's parties and what else the coder needs of them."""

    sources: list[Any]
    targets: list[Any]
    tokens: list[Token]  # the words that name them (for the event's span)
    stand_in: bool  # a source or target is a stand-in, not read off the parse
    ultimatum: bool  # an announced act made to depend on an "unless" clause


def find_arguments(trig: Trigger, sent: Span, actors: syntax.Actors, *, lexicon: Lexicon,
                   ontology: Ontology) -> Arguments | None:
    """The parties of a trigger (recoding it where they show what kind of act it is), or None when it names no
    act: no source, a generic verb without a recipient, fighting an abstract opponent."""
    tok = trig.tok
    arg_toks: list[Token] = []
    self_actor = False
    # rule parties.unnamed_partner: a meeting "with" partners that are no state takes no party from its topic
    partner_not_state = unnamed_partner(tok, actors, words="meeting_verbs")
    if tok.pos_ in ("VERB", "AUX", "ADJ"):
        head = tok.head if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod") else tok
        srcs, passive, toks = syntax.subjects(head, actors)
        arg_toks += toks
        given = received(tok, actors, lexicon=lexicon, ontology=ontology) if srcs else None
        if given is not None:
            # "Georgian demonstrators received weapons from the government": the giver acts, on the receiver
            trig.code, giver, trig.received_message, trig.thing_origin = given
            srcs, passive = [giver], srcs
        unknown = unidentified_attacker(tok, actors, srcs, passive) if trig.code[:2] in ASSAULT_ROOTS else None
        if unknown is None and not srcs and passive and trig.code[:2] == COERCE_ROOT:
            unknown = occasion_agent(tok, actors)  # rule roles.occasion_agent
            trig.occasion_agent = unknown is not None
        if unknown is None and not srcs and passive and trig.code[:2] == YIELD_ROOT:
            unknown = released_from(tok, actors)  # rule roles.released_from
            trig.released_from = unknown is not None
        if unknown is not None:
            srcs = [unknown]
        if trig.code == KILL_CODE and tok.pos_ == "VERB" and trig.frame_of is None:
            # "killed in Israeli shelling", "a roadside bomb killed": the weapon names the kind of force
            weapon = weapon_of(tok)
            entry = lexicon.match(weapon) if weapon is not None and weapon.i not in actors else None
            if entry is not None and entry.cameo[:2] in ASSAULT_ROOTS and entry.cameo in ontology:
                trig.code = entry.cameo
        if tok.lemma_.lower() in TOPIC_OBJECT_LEMMAS:
            tgts, ttoks = syntax.objects(tok, actors, preps=("with",), direct=False)
        elif trig.code[:2] in ASSAULT_ROOTS:  # rule syntax.force_origin: force "from" a place comes from it
            tgts, ttoks = syntax.objects(tok, actors, preps=FORCE_PREPS)
        else:
            tgts, ttoks = syntax.objects(tok, actors)
        tgts = [] if partner_not_state else _with_list_tail(trig, tok, tgts, actors)  # and not from the topic
        if not tgts and unnamed_partner(tok, actors):
            return None  # rule parties.unnamed_partner: "working with our allies to pressure Iran"
        if given is None and thing_received(tok, ttoks, actors):
            return None  # rule roles.received_thing: "received fighter jets from Russia" hosts no one
        if ttoks and _reason_only(tok, ttoks[0], actors):
            # rule roles.reason_for: "praised President Lasso for his condemnation of Russia's war": with its
            # object named (a person the gazetteer does not know), the "for" phrase of a verb of judging is the
            # reason, and no state in it is the target; none is stood in for either
            tgts, ttoks, trig.reason_for = [], [], True
        owned = _phrase_owner(trig, actors, tgts)
        if owned is not None:
            osrcs, tgts, ttoks = owned
            srcs = srcs or osrcs
            trig.phrase_owner = True
        if not tgts and trig.demanded is not None:
            # "said Iran must ...": the one who must act is addressed, unless it is the speaker's own side
            own = {s.actor_code[:3] for s in srcs}
            tgts = [t for t in syntax.subjects(trig.demanded, actors)[0] if t.actor_code[:3] not in own]
            ttoks = []
        if not tgts and trig.code[:2] in ("02", "10"):
            # "demanded that the United States match ...": whoever the that-clause says must act
            for comp in tok.children:
                if comp.dep_ == "ccomp" and comp.pos_ in ("VERB", "AUX"):
                    tgts = [t for t in syntax.subjects(comp, actors)[0] if all(t is not s for s in srcs)]
                    if tgts:
                        break
        if not tgts and trig.code[:2] in GIVING_ROOTS:
            tgts, ttoks = support_recipient(tok, actors)
            trig.support_recipient = bool(tgts)
            if not tgts:
                tgts, ttoks = gift_recipient(tok, actors)
                trig.gift_recipient = bool(tgts)
        if not tgts and trig.frame_of is not None and trig.demanded is None:
            comp = trig.frame_of.tok
            tgts, ttoks = (syntax.objects(comp, actors) if comp.pos_ in ("VERB", "AUX")
                           else syntax.noun_args(comp, actors)[1:2] + ([],))[:2]
        if not tgts and tok.lemma_.lower() not in TOPIC_OBJECT_LEMMAS and not partner_not_state:
            for t in syntax_near(tok):
                if unknown is not None and t.dep_ == "nsubj":
                    continue  # "a bombing in Baghdad killed ...": the weapon's phrase names the place
                if t.dep_ in ("dobj", "nsubjpass", "nsubj") and t.pos_ in ("NOUN", "PROPN") and t.i not in actors:
                    _, ntgts, ntoks = syntax.noun_args(t, actors)
                    # "Thousands of Kenyan farmers demonstrated": the subject's own phrase names the source
                    ntgts = [x for x in ntgts if all(x is not s for s in srcs)]
                    if ntgts:
                        tgts, ttoks = _with_list_tail(trig, tok, ntgts, actors), ntoks
                        break
        if passive:
            tgts, srcs = passive, srcs
        elif srcs and is_symmetric(trig.code):
            # rule syntax.subject_list: "officials from Chile and Peru held talks" (a one-sided act keeps the first)
            # (a listed state read as the target off the subject's own phrase is a party too: "the leaders of
            # Japan, Australia and India met", where the parse coordinates the list one name inside another)
            listed = [m for t in toks for h in syntax.conj_heads(t) for m in syntax.listed_states(h, actors)
                      if all(m is not x for x in srcs)]
            if listed:
                was_target = [m for m in listed if any(m is x for x in tgts)]
                srcs = srcs + [m for m in listed if all(m is not x for x in was_target)] + was_target
                tgts, trig.subject_list = [t for t in tgts if all(t is not m for m in listed)], True
                # "... held talks in Santiago": a listed party's capital is the place, not a partner
                tgts = [t for t in tgts if t.country not in {x.country for x in srcs}]
        own = {x.country for x in srcs}
        if len(own) >= 2 and is_symmetric(trig.code) and trig.code[:2] < "07" and tgts and all(t.country in own for t in tgts):
            # rule syntax.subject_place: "Japan, Australia and India held talks in Tokyo": a place of one of the
            # parties of a mutual act is where it happened, not one more partner (each party meets each other);
            # not for fighting, where coordinated subjects fight side by side ("Russian and Korean troops retook ...")
            tgts, trig.own_place = [], True
        elif (len(own) >= 2 and is_symmetric(trig.code) and trig.code[:2] < "07" and tgts and ttoks
                and ttoks[0].dep_ == "dobj" and ttoks[0].i not in actors and not any(is_state(t.actor_code) for t in tgts)):
            # rule syntax.club_object: "Australia, Britain and the US held meetings of the AUKUS steering groups":
            # the body the object belongs to is no partner; the subjects meet each other
            tgts, trig.club_object = [], True
        ultimatum = trig.frame is None and ultimatum_of(tok) and (
            mood.is_negated(tok) or not "03" <= trig.code[:2] <= "07")  # not a conditional promise
        if ultimatum and trig.code[:2] not in CONDITIONAL_ACTS:
            # "will withdraw its troops unless the government pays", "would not attend unless ...": an
            # announced act or refusal made to depend on what another party does is a threat (codebook
            # 13), addressed to that party; what is threatened may be a refusal, the threat is not negated
            threat = compose("threaten", trig.code)
            if threat is not None and threat in ontology:
                trig.code = threat
        if trig.code[:2] == "13" and not any(
                c.dep_ in ("dobj", "dative") and syntax.actor_of(c, actors) is not None for c in tok.children):
            # "threatened to ban voting in Jerusalem if Hamas ran": a conditional threat with no one
            # named as its object is addressed to whoever the condition is about
            bound = condition_subjects(tok, actors, exclude=srcs)
            if bound:
                tgts = bound
        arg_toks += ttoks
    else:
        unknown, ultimatum = None, False
        srcs, tgts, toks = syntax.noun_args(tok, actors)
        # rule roles.thing_origin: the state that qualifies the weapons handed over ("Iran's transfer of Russian
        # drones to Sudan") is not their recipient; with no giver named, it gave them ("held the line thanks to
        # deliveries of American weapons"), to whom the phrase names or else to the subject of the noun's clause
        origin = thing_origin(tok, actors) if trig.handover or tok.lemma_.lower() in HANDOVER_NOUNS else []
        if origin and any(t is o for t in tgts for o in origin):
            tgts = [t for t in tgts if all(t is not o for o in origin)] or noun_recipients(tok, actors)
            trig.thing_origin = True
        if not tgts and trig.handover:
            tgts, htoks = handover_recipient(tok, actors)
            toks = toks + htoks
        if not srcs and origin:
            srcs, trig.thing_origin = origin[:1], True
            tgts = [t for t in tgts if t.country != srcs[0].country] or clause_subjects(tok, actors, exclude=srcs)
        arg_toks += toks
        if not srcs and tok.i in actors:
            srcs = [actors[tok.i]]  # "protesters in Kenya ...": the noun names both act and actor
            tgts = [t for t in tgts if t.country != srcs[0].country]  # "in Kenya" is where they are
            self_actor = True
        if not srcs and trig.frame_of is not None and trig.frame_of.tok.pos_ in ("NOUN", "PROPN"):
            # "the threat of US sanctions": the actor of the absorbed act is the frame's actor
            csrcs, ctgts, ctoks = syntax.noun_args(trig.frame_of.tok, actors)
            srcs = csrcs
            tgts = [t for t in (tgts or ctgts) if all(t is not x for x in csrcs)]
            arg_toks += ctoks
        gov = tok.head
        if gov.pos_ == "ADP":
            gov = gov.head
        if gov.lemma_.lower() in MEASURE_NOUNS and gov.dep_ in ("dobj", "nsubjpass"):
            gov = gov.head  # "shipped millions of shells": the number's own verb
        if not srcs and tok.dep_ in ("nsubj",) and gov.pos_ in ("VERB",) and not tgts:
            tgts, ttoks = syntax.objects(gov, actors, preps=("on", "against", "in"))
            arg_toks += ttoks
        if not (srcs and tgts) and tok.dep_ == "dobj" and gov.lemma_.lower() in RECEIVE_LEMMAS:
            # "Kenya obtained a loan from China": the giver acts, on the receiver (also when the parser hangs
            # "from China" on the loan, which then gave the source but no target)
            givers = receiving_givers(gov, [tok], actors)
            if givers:
                receivers, _, stoks = syntax.subjects(gov, actors)
                srcs, tgts = givers[:1], [r for r in receivers if r.country != givers[0].country] or tgts
                arg_toks += stoks
        if not srcs and tok.dep_ in ("dobj", "attr", "pobj", "nsubjpass", "oprd") and gov.pos_ in ("VERB", "AUX"):
            srcs, passive, stoks = syntax.subjects(gov, actors)
            arg_toks += stoks
            if not tgts:
                tgts, ttoks = syntax.objects(gov, actors, preps=("with", "to", "against", "on", "for", "at"))
                tgts = [t for t in tgts if all(t is not s for s in srcs)]
                arg_toks += ttoks
        elif srcs and not tgts and tok.dep_ == "dobj" and any(c.dep_ == "poss" for c in tok.children):
            # rule roles.owned_object_to: "extend our best wishes to the people of Israel": the owner's act, given
            # to whom the verb's "to" or "with" phrase names
            tgts, ttoks = syntax.objects(gov, actors, preps=("to", "with"), direct=False)
            tgts = [t for t in tgts if all(t is not s for s in srcs)]
            arg_toks, trig.owned_to = arg_toks + ttoks, bool(tgts)
    if tok.lemma_.lower() in FIGHT_LEMMAS and tok.pos_ == "VERB" and any(
            c.dep_ == "dobj" and syntax.actor_of(c, actors) is None for c in tok.children):
        return None  # "fights drug trafficking", "combat inflation": an abstract opponent
    if tok.lemma_.lower() in WEAK_LEMMAS and trig.frame_of is None and not tgts and not trig.entry.specificity:
        # a generic verb ("provide", "help") is an event only with a parsed recipient; a phrase it
        # heads ("took to the streets", "cut internet access") names the act itself
        return None
    if is_joint(trig.code):
        # rule syntax.hyphen_pair: "the US-China talks", "held Modi-Sharif talks": the two names are the parties
        pair = next((p for n in _carried_nouns(tok) if len(p := hyphen_pair(n, actors)) == 2), [])
        if pair and all(any(s is m for m in pair) for s in srcs) and all(any(t is m for m in pair) for t in tgts):
            srcs, tgts = pair, []
            trig.hyphen_pair = True
    if not srcs and is_symmetric(trig.code):
        # "an accord was reached between Armenia and Azerbaijan": the parties of a mutual act
        parties = _between(tok, actors)
        if len(parties) > 1:
            srcs, tgts = parties, []
    deed = deed_tokens(tok)  # rule allegations.accused_deed: "denied allegations of arming Russia"
    if deed:
        trig.accused_deed = True
        tgts = [t for t in tgts if t.start not in deed]
    fallback = False
    if not srcs and not _in_adjunct(tok):
        srcs = _nearest_before(sent, tok, actors, exclude=tgts)
        fallback = bool(srcs)
        trig.guessed_source = fallback
    if not srcs:
        return None
    if trig.code[:2] == "19" and _labour_strike(tok, srcs):
        trig.code = "143"  # "doctors staged a strike": a work stoppage (a protest), not military force
    symmetric = is_symmetric(trig.code)
    if not tgts and not (symmetric and len(srcs) > 1) and not self_actor and not trig.reason_for and not deed:
        # coordinated actors of a symmetric act ("Putin and Xi held a call") are each other's
        # partners: no stand-in target is looked for
        if not partner_not_state:
            tgts = _first_after(sent, tok, actors, exclude=srcs)
        fallback = fallback or bool(tgts)
        if not tgts and described_object(tok, actors) is not None:
            # "the tariff on the world's No. 2 economy": a description, not a name, of the party acted
            # on is read as the country the document is most about (besides the source's own)
            topic = topic_country(actors, exclude={s.country for s in srcs})
            if topic is not None:
                tgts, fallback = [topic], True
    trig.parsed_both = bool(tgts) and not fallback
    heads = [h for t in arg_toks for h in syntax.conj_heads(t)]
    listed = [m for h in heads for m in syntax.listed_states(h, actors)]
    trig.listed = any(t is m for t in tgts for m in listed)
    bracketed = [m for h in heads for m in syntax.bracketed_list(h, actors)]
    trig.bracketed = any(t is m for t in tgts for m in bracketed)
    split = [m for h in heads for m in syntax.split_coordination(h, actors)]
    trig.split = any(p is m for p in srcs + tgts for m in split)
    return Arguments(srcs, tgts, arg_toks, fallback, ultimatum)


# verbs of judging: with an object of their own, their "for" phrase is the reason (rule roles.reason_for)
JUDGING_LEMMAS = frozenset({"praise", "thank", "commend", "applaud", "congratulate", "hail", "laud", "salute",
                            "criticize", "criticise", "condemn", "denounce", "blame", "fault", "rebuke", "chide",
                            "scold", "reprimand", "punish", "reward", "honor", "honour", "recognize", "recognise"})


def _reason_only(verb: Token, target: Token, actors: syntax.Actors) -> bool:
    """Whether `target` was read off the "for" phrase of a verb of judging that has an object of its own."""
    prep = target.head
    if not (verb.lemma_.lower() in JUDGING_LEMMAS and prep.dep_ == "prep" and prep.lower_ == "for"
            and prep.head.i == verb.i and any(c.dep_ == "dobj" for c in verb.children)):
        return False
    # "thanked Cho and Akiba for the ROK and Japan's commitment": a state owning the reason is the one judged
    owners = [c for c in target.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    return target.pos_ != "PROPN" and not any(t.i in actors for o in owners for t in o.subtree)


def _phrase_owner(trig: Trigger, actors: syntax.Actors, tgts: list[Any]) -> tuple[list, list, list] | None:
    """Rule syntax.phrase_owner: the noun of a phrase trigger ("reaffirmed unwavering U.S. support for Jordan",
    "pledged Japan's backing to Manila") is the act itself, so the state that modifies it is whose act it is,
    not its object: the target is the one its own phrase names ("for Jordan"); (sources, targets, tokens), or
    None when the phrase's noun did not give the target."""
    if not (trig.entry.pos == "PHRASE" or trig.restated) or not tgts:
        return None
    # a restating verb's object is the act restated ("reaffirmed the United States' commitment to ...")
    words = set(trig.entry.lemma.lower().split()) if trig.entry.pos == "PHRASE" else None
    for noun in trig.tok.children:
        if noun.dep_ != "dobj" or noun.pos_ != "NOUN" or words is not None and noun.lemma_.lower() not in words:
            continue
        osrcs, otgts, otoks = syntax.noun_args(noun, actors)
        if osrcs and all(any(t is s for s in osrcs) for t in tgts):
            return osrcs, [t for t in otgts if all(t.country != s.country for s in osrcs)], otoks
    return None


def _with_list_tail(trig: Trigger, verb: Token, tgts: list[Any], actors: syntax.Actors) -> list[Any]:
    """`tgts` with the list members the parser hung elsewhere (rule syntax.list_tail)."""
    tail = syntax.list_tail(verb, tgts, actors)
    trig.list_tail = trig.list_tail or bool(tail)
    return tgts + tail


def _carried_nouns(tok: Token) -> list[Token]:
    """The trigger itself when it is a noun, else the nouns its verb carries as object or passive subject
    ("held talks", "talks were held")."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return [tok]
    return [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr") and c.pos_ in ("NOUN", "PROPN")]


def _labour_strike(tok: Token, srcs: list[Any]) -> bool:
    """Whether a "strike" is a work stoppage: said so by its words, its verb, or who strikes."""
    if tok.lemma_.lower() != "strike" or tok.pos_ != "NOUN":
        return False
    words = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
    if words & MILITARY_STRIKE_WORDS:
        return False
    if words & LABOUR_STRIKE_WORDS:
        return True
    if tok.dep_ in ("dobj", "attr") and tok.head.lemma_.lower() in LABOUR_STRIKE_VERBS:
        return True
    return bool(srcs) and all(sector(s) in LABOUR_SECTORS for s in srcs)


def _nearest_before(sent: Span, tok: Token, actors: syntax.Actors, *, exclude: list[Any]) -> list[Any]:
    """Fallback source: the nearest actor before the trigger in its sentence (as pattern coders do)."""
    best = None
    for i in range(tok.i - 1, sent.start - 1, -1):
        m = actors.get(i)
        if m is not None and all(m is not x for x in exclude):
            best = m
            break
    return [best] if best is not None else []


def _first_after(sent: Span, tok: Token, actors: syntax.Actors, *, exclude: list[Any]) -> list[Any]:
    """Fallback target: the first actor after the trigger inside the trigger's own phrase; none where that is
    the sources' own state itself or one of its places (no act of a state on itself, and the phrase is about
    it: "Syria announced a ceasefire in Aleppo"); a group of its own, as in a domestic act, is kept."""
    codes = {x.actor_code for x in exclude}
    own = {x.country for x in exclude if x.country}
    inside = {t.i for t in tok.subtree}
    for i in range(tok.i + 1, sent.end):
        if i not in inside or _outside_phrase(sent.doc[i], tok):
            continue
        m = actors.get(i)
        if m is not None and syntax.place_country(sent.doc[m.start]):
            continue  # "negotiations in Geneva, Switzerland": where, not with whom (rule syntax.place_country)
        if m is not None and all(m is not x for x in exclude) and m.actor_code not in codes:
            return [] if m.country in own and m.actor_code == m.country else [m]
    return []


def _outside_phrase(t: Token, top: Token) -> bool:
    """Whether `t` sits in a time expression hanging from `top` ("on January 21, the day after Trump
    returned to the White House") rather than in the trigger's own phrase."""
    x = t
    for _ in range(40):
        if x.i == top.i:
            return False
        if x.dep_ == "npadvmod" or x.ent_type_ in ("DATE", "TIME"):
            return True
        if x.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TIME_WORDS for c in x.children):
            return True
        if x.dep_ == "pcomp" and x.pos_ == "VERB" and x.head.lower_ in TIME_WORDS:
            return True  # "spoke after announcing U.S. strikes inside Venezuela": a clause of its own
        if syntax.own_conjunct(x, top):
            return True  # "agreed to buy rice and urged China to ...": the second verb's party is its own
        if x.head.i == x.i:
            return True
        x = x.head
    return True


def _in_adjunct(tok: Token) -> bool:
    """A nominal trigger inside an adjunct ("despite Western sanctions", "because of the threat"): the
    actor just before it is no evidence of who acted."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj":
        return False
    prep = tok.head
    words = {prep.lower_} | ({prep.head.lower_} if prep.dep_ == "pcomp" else set())
    return bool(words & ADJUNCT_PREPS)


def _between(tok: Token, actors: syntax.Actors) -> list[Any]:
    """The actors of a "between A and B" on the trigger, on the verb whose subject the trigger is, or on the
    subject or object of a verbal trigger ("talks between A and B were held")."""
    holders = [tok] + ([tok.head] if tok.dep_ in ("nsubj", "nsubjpass") else [])
    if tok.pos_ in ("VERB", "AUX"):
        holders += [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    for obj in prep_objects(holders, ("between",)):
        found = syntax.actors_of(obj, actors)
        if len({m.actor_code for m in found}) > 1:
            return found
    return []
