"""Stage `events.v1`: CAMEO/PLOVER event coding from the dependency parse.

`EventCoder(settings)` loads the spaCy pipeline (with the actor ruler), the actor resolver, the
ontology and the trigger lexicon in its constructor. `code_doc(doc, doc_id=..., published=...)` codes
one parsed Doc; `code_texts(items)` parses and codes a stream of (id, text, date) through `nlp.pipe`.

Rules, in order, per sentence that mentions at least one resolved actor:
1. every token is looked up in the lexicon (the most specific pattern wins);
2. frame verbs (pledge, urge, demand, refuse, threaten) absorb their complement into the codebook's
   composite code; say-verbs make a 01x statement by the speaker and leave the reported event standing,
   with modality "reported" where its actor is not the speaker (where the speaker is the actor, the act
   alone is coded: "Russia said it was ready to talk" is 036, not 010 + 036); deny negates what it governs;
3. a trigger's objects and nominal triggers governed by a trigger are absorbed by it (a condemnation of
   an attack is one event, 111);
4. sources come from the subject (or the passive "by" agent), targets from the object or a prepositional
   object; coordinated subjects without a target are reciprocal (one event each way);
5. generic verbs (WEAK_LEMMAS: provide, help, support, ...) make an event only with a parsed recipient;
   with `event_main_only` one main act per sentence is kept (statements and denials beside it);
   where the parse gives no source or target, the nearest actor before the trigger (source) and the
   first actor inside the trigger's phrase (target) stand in, at lower confidence;
6. where the lexicon is silent, the optional embedding classifier may propose a root; below
   `classifier_threshold` the coder abstains, and it leaves copular sentences ("trade was $245 billion")
   alone.
Only events whose source is a resolved actor are emitted. Besides the resolver's named actors, the
resolver's `context_mentions` place generic ones ("police", "the government", "protesters", "gunmen",
"President <unknown name>") in the one country their sentence (else the document) names, and a people
where the phrase says it lives ("Serbs in Bosnia", "Bosnian Serbs").

Further general rules (each with a test in tests/events/test_events_rules.py):
- a threat, demand or appeal keeps "asserted" under its own "if" clause; a condition on a frame's
  complement makes the frame hypothetical; a reported condition or intention keeps its own modality;
- a spokesperson speaks for their own country: what they say their country does is the act, not a report;
- an announced act of force or coercion ("will impose tariffs") is a threat (13), modality "intended";
  a negated intention to cooperate ("will not provide tanks") is a refusal (12), asserted; an announced
  act of material or diplomatic cooperation ("will provide aid", "would allow inspectors") is an intention
  to cooperate (03), modality "intended"; a planned meeting or visit stays a consultation (04);
- a statement that another party must act ("said Iran must release the crew", "told Turkey it must ...")
  is a demand (10) by the speaker on that party; "said it must" (the speaker's own side) is none;
- a protest (14) that names no one it is against is addressed to the country where it happens ("in
  Beijing"), else to the protesters' own government (target <country>GOV, no name): the CAMEO
  convention for demonstrations, strikes and riots;
  likewise a state's coercion (17) or concession (08) that names no one is aimed at its own people;
- easing a restriction ("lifted the curfew", "ended the state of emergency", "suspended sanctions on X")
  is a concession (081, 085, 0872), not the restriction it names;
- coordinated actors of a symmetric act get no stand-in target; stand-in targets are never taken from
  time expressions ("a day after Trump returned"); "discuss" takes a topic, not a partner;
- no stand-in source for an act inside an adjunct ("despite Western sanctions"); a frame noun takes the
  actor of its complement ("the threat of US sanctions");
- changing quantities ("trade fell"), published information ("data released"), untransferred weapons
  ("used missiles") and fighting a problem ("fights drug trafficking") are no events;
- a noun trigger carried by a verb takes that verb's negation and modality ("did not launch an attack");
- a call "with" a partner is mutual (one event each way); an act in a subjectless "while" clause is a
  second main act of the subject ("called for talks while accusing the US of ...");
- a stand-in source never outranks an act whose source and target the parse gives; an act named as the
  content of a plan or a possibility ("no proposals for a call") is intended/hypothetical, not asserted.

Every candidate then passes the named rules of events/rulebook.py (anaphora, roles, trade, polarity,
modality, timing: one module per concern, words in data/rules/), which may change or drop it; the trace
of what fired is `self.trace`, printed by `multipolar code --explain`.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from multipolar.actors.gazetteer import COLLECTIVE_PREFIXES
from multipolar.events import anaphora, syntax, timing
from multipolar.events.dates import TimeExpression, find_dates
from multipolar.events.frames import CONFLICT_ROOTS, compose
from multipolar.events.lexicon import Lexicon, LexiconEntry
from multipolar.events.ontology import Ontology
from multipolar.events.rulebook import Candidate, Trace, judge, rules
from multipolar.events.trade import FINDERS
from multipolar.records import Event
from multipolar.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

STAGE = "events.v1"
SYMMETRIC_ROOTS = {"03", "04", "06", "19"}
PLAN_NOUNS = {"proposal", "plan", "idea", "offer", "preparation", "invitation", "hope"}
POSSIBILITY_NOUNS = {"possibility", "prospect", "chance", "likelihood", "option", "risk"}
MUTUAL_WITH_CODES = {"041"}  # a call "with" a partner is mutual: one event each way
SYMMETRIC_CODES = {"050", "057", "087", "0871", "084", "190", "161", "160"}
LIGHT_VERBS = {"hold", "have", "conduct", "carry", "launch", "make", "take", "stage", "begin", "start", "pay",
               "continue", "resume", "open", "give", "issue", "announce", "do", "plan", "propose", "deliver",
               "mount", "unleash", "hit", "kill", "end", "complete", "reach", "express", "voice", "offer"}
DENY = {"deny", "dismiss", "refute"}
# generic verbs that name an event only when the parse gives them a recipient actor
WEAK_LEMMAS = {"provide", "give", "help", "protect", "support", "deliver", "send", "supply", "take", "receive",
               "accept", "return", "free", "force", "pressure", "order", "ask", "seek", "back", "welcome", "buy",
               "purchase", "export", "import", "trade", "hit", "target", "leave", "quit", "cut", "ban", "station",
               "fund", "train", "reinforce", "gather", "review", "consider", "weigh", "share", "defend", "commit"}
TIME_WORDS = {"after", "before", "since", "until", "once"}  # "one day after Trump was inaugurated"
# things that are aid only when handed over: "sent weapons to Ukraine", "arms deliveries to Kyiv"
TRANSFERRED_NOUNS = {"weapon", "arms", "ammunition", "missile", "peacekeeper"}
TRANSFER_VERBS = {"send", "supply", "deliver", "provide", "sell", "ship", "give", "transfer", "deploy", "pledge",
                  "promise", "offer", "approve", "donate", "lend", "airlift", "dispatch", "receive", "request", "ask",
                  "seek", "delivery", "shipment", "sale", "supplier", "package", "aid"}
INFO_NOUNS = {"data", "datum", "figure", "report", "statement", "statistic", "result", "document", "video", "footage",
              "image", "photo", "detail", "text", "list", "update", "survey", "study", "poll", "estimate", "forecast",
              "guidance", "record", "transcript", "readout", "communique", "album", "film", "book", "version"}
# fighting a crime or a problem ("fights drug trafficking") is no attack on anyone
FIGHT_LEMMAS = {"fight", "combat", "battle", "tackle"}
AGREEMENT_LEMMAS = {"agree", "consent", "accept"}
CONDITIONAL_ACTS = {"02", "10", "13"}  # appeals, demands, threats: their "if" clause is their content
# topic objects: "discussed the new US administration" names what was discussed, not a partner
TOPIC_OBJECT_LEMMAS = {"discuss", "debate", "review", "consider", "examine", "weigh", "address"}
# a quantity that changes ("trade fell", "exports declined") is a statistic, not an event
QUANTITY_VERBS = {"fall", "rise", "grow", "decline", "drop", "increase", "decrease", "reach", "shrink", "plunge",
                  "slump", "surge", "jump", "double", "triple", "total", "climb", "soar", "tumble", "contract",
                  "expand", "slow", "dip", "edge", "rebound", "recover", "stand", "amount", "hit"}
# prepositions of adjuncts: an act named inside them ("despite Western sanctions") has no agent nearby
ADJUNCT_PREPS = {"despite", "amid", "because", "after", "before", "following", "since", "during", "under"}
CONCURRENT_MARKS = {"while", "whilst"}  # "called for talks while accusing the US": two acts of one subject
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
SAY_LEMMAS = {"say", "state", "announce", "declare", "tell", "add", "note", "stress", "emphasize", "insist", "claim",
              "confirm", "report", "write", "explain", "warn", "deny", "allege", "accuse", "believe", "think"}


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


class EventCoder:
    stage = STAGE

    def __init__(self, settings: Settings | None = None, *, resolver: Any | None = None, nlp: Any | None = None) -> None:
        self.settings = settings or Settings()
        self.ontology = Ontology.load(self.settings.goldstein_variant, plover_types=self.settings.plover_types)
        self.lexicon = Lexicon.load(self.settings.event_lexicon or None, codes=self.ontology.codes())
        self.resolver = resolver if resolver is not None else _default_resolver(self.settings.actor_files)
        if nlp is None:
            from multipolar.nlp.pipeline import NlpPipeline

            nlp = NlpPipeline(self.settings, resolver=self.resolver)
        self.pipeline = nlp
        self._classifier: Any = None
        self._act_model: Any = None
        self.max_depth_gap = 0  # triggers deeper than the shallowest coded one are dropped
        self.single_main = self.settings.event_main_only
        self.rules = rules()  # named rules over every candidate (events/rulebook.py)
        self.trace = Trace()  # the last document's rules, for `multipolar code --explain`

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.settings,), None)

    # ---------------------------------------------------------------------------------------------
    @property
    def classifier(self) -> Any:
        if self._classifier is None:
            from multipolar.events.classifier import RootClassifier

            self._classifier = RootClassifier(self.lexicon)
        return self._classifier

    @property
    def act_model(self) -> Any:
        if self._act_model is None:
            from multipolar.events.model import ActModel

            self._act_model = ActModel()
        return self._act_model

    def code_texts(self, items: Iterable[tuple[Any, str, date | None]]) -> Iterator[tuple[Any, list[Event]]]:
        """(id, events) for each (id, text, published) in order; texts are parsed in batches."""
        pending: list[tuple[Any, date | None]] = []

        def texts() -> Iterator[str]:
            for item_id, text, published in items:
                pending.append((item_id, published))
                yield text

        for doc in self.pipeline.parse(texts()):
            item_id, published = pending.pop(0)
            yield item_id, self.code_doc(doc, doc_id=str(item_id), published=published)

    def code_text(self, text: str, *, doc_id: str = "", published: date | None = None) -> list[Event]:
        return self.code_doc(self.pipeline.parse_one(text), doc_id=doc_id, published=published)

    def code_doc(
        self, doc: Doc, *, doc_id: str, published: date | None, matches: Sequence[Any] | None = None
    ) -> list[Event]:
        """Events of a parsed doc; `matches` are its actor mentions when the caller resolved them already."""
        if matches is None:
            matches = self.resolver.resolve(doc, on=published)
        actors: syntax.Actors = {}
        for m in matches:
            for i in range(m.start, m.end):
                actors.setdefault(i, m)
        # "police", "the government", "President Jane Doe": placed by the country the context names
        context = getattr(self.resolver, "context_mentions", None)
        if context is not None:
            for m in context(doc, matches):
                for i in range(m.start, m.end):
                    if m.kind == "resident":  # "Serbs in Bosnia": the country they live in
                        actors[i] = m
                    else:
                        actors.setdefault(i, m)
        self.trace = Trace()
        pairs = anaphora.resolve(doc, actors)  # "the two leaders", "he": mentions of earlier actors
        events: list[Event] = []
        silent: list[tuple[int, Span]] = []
        with_actor = {doc[i].sent.start for i in actors}  # sentences naming an actor, found in one pass
        for idx, sent in enumerate(doc.sents):
            if sent.start not in with_actor:
                continue
            found = self._code_sentence(doc, sent, idx, actors, doc_id=doc_id, published=published, pairs=pairs)
            if found:
                events.extend(found)
            else:
                silent.append((idx, sent))
        if silent and self.settings.event_classifier:
            guessed = self._classify(doc, silent, actors, doc_id=doc_id, published=published)
            for ev in guessed:
                self.trace.fired.setdefault(ev.event_id, []).append("classifier.root")
            events.extend(guessed)
        if events and self.settings.event_model:
            events = self.act_model.rescore(events, n_sentences=sum(1 for _ in doc.sents))
        return timing.flag_implausible_dates(events, published, future_days=self.settings.event_date_future_days,
                                             earliest_year=self.settings.event_date_earliest_year)

    # ---------------------------------------------------------------------------------------------
    def triggers(self, sent: Span) -> list[Trigger]:
        """Lexicon triggers of a sentence after frames and absorption (actor-independent)."""
        found: dict[int, Trigger] = {}
        for tok in sent:
            if _is_statistic(tok) or _untransferred(tok) or _published(tok):
                continue
            entry = self.lexicon.match(tok)
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
        # easing a restriction is a concession (codebook 081, 085, 0872): "lifted the curfew",
        # "ended the state of emergency", "eased the sanctions on Cuba"
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in EASE_LEMMAS:
                continue
            for obj in verb.children:
                if obj.dep_ not in ("dobj", "nsubjpass"):
                    continue
                eased = _eased_code(obj)
                if eased is None or eased not in self.ontology:
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
                if help_ is None or cut is None or cut not in self.ontology:
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
            if code is not None and code in self.ontology:
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
            if code not in self.ontology:
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
            if gov is not None and not gov.consumed and gov.entry.frame != "say" and gov.tok.lemma_.lower() not in DENY:
                trig.consumed = True
                if (gov.frame_of is None and gov.code[:2] == trig.code[:2] and gov.code.endswith("0")
                        and trig.code != gov.code and len(trig.code) >= len(gov.code)):
                    gov.code = trig.code  # "sent weapons": the object names the kind of aid (072)
        return [t for t in found.values() if not t.consumed]

    def _code_sentence(self, doc: Doc, sent: Span, idx: int, actors: syntax.Actors, *, doc_id: str,
                       published: date | None, pairs: dict[int, tuple[Any, Any]] | None = None) -> list[Event]:
        out: list[Event] = []
        seen: set[tuple[str, str, str | None]] = set()
        coded: list[tuple[Trigger, list[Event]]] = []
        for trig in self.triggers(sent):
            events = self._events_of(doc, sent, idx, trig, actors, doc_id=doc_id, published=published)
            if events:
                coded.append((trig, events))
        # a statement whose content is coded as an act of the speaker is that act, not a second event
        # (compared by country: "Peskov said Russia was ready for dialogue" is Russia's act, not a report)
        acted = {(id(t.reported_by), e.source_actor[:3]) for t, evs in coded if t.reported_by is not None for e in evs}
        kept: list[tuple[Trigger, list[Event]]] = []
        for trig, events in coded:
            if trig.frame == "say" and (trig.guessed_source or _attribution_only(trig, actors)):
                # "officials said", "his lawyer said", "Reuters reported": who reports, not an actor's
                # statement (a speaker who is no actor is not guessed from the actors nearby)
                continue
            if trig.frame == "say" or trig.tok.lemma_.lower() in DENY:
                if trig.frame == "say" and any((id(trig), e.source_actor[:3]) in acted for e in events):
                    continue
            kept.append((trig, events))
        # "the US said ISIL had attacked Iraq": saying that another party used force is an accusation of it
        # (codebook 112), addressed to that party; the reported act stays as reported
        kept = [(trig, self._as_allegation(trig, events, coded)) for trig, events in kept]
        # the main clause's events: drop triggers buried deeper than the shallowest coded one
        if len(kept) > 1:
            depths = {id(t): _clause_depth(t.tok) for t, _ in kept}
            # a stand-in source is no evidence of a main act: a parsed act deeper down is kept beside it
            # ("the intensification of sanctions is the concern, as after the new US sanctions against ...")
            parsed = [depths[id(t)] for t, _ in kept if not t.guessed_source]
            top = min(parsed or depths.values())
            kept = [(t, evs) for t, evs in kept if depths[id(t)] <= top + self.max_depth_gap]
            acts = [te for te in kept if not _is_speech(te[0])]
            if self.single_main and len(acts) > 1:
                def rank(te: tuple[Trigger, list[Event]]) -> tuple[bool, int, int]:
                    return (te[0].tok.pos_ not in ("VERB", "ADJ"), _abs_depth(te[0].tok), te[0].tok.i)

                main = min(acts, key=rank)
                parsed_acts = [te for te in acts if te[0].parsed_both]
                if main[0].guessed_source and parsed_acts:
                    # a stand-in source is weak evidence: an act whose source and target the parse
                    # gives ("the new US sanctions against Russian oil") is the main act instead
                    main = min(parsed_acts, key=rank)
                # a second act of the same subject in a "while" clause stands beside the main one
                kept = [te for te in kept if _is_speech(te[0]) or te is main or (
                    _concurrent(te[0].tok) and te[0].tok.head.i == main[0].tok.i)]
        judged = self._judge(doc, sent, idx, kept, actors, doc_id=doc_id, published=published, pairs=pairs or {})
        for ev in judged:
            key = (ev.cameo, ev.source_actor, ev.target_actor)
            if key not in seen:
                seen.add(key)
                out.append(ev)
        return out

    def _judge(self, doc: Doc, sent: Span, idx: int, kept: list[tuple[Trigger, list[Event]]], actors: syntax.Actors, *,
               doc_id: str, published: date | None, pairs: dict[int, tuple[Any, Any]]) -> list[Event]:
        """The candidates of a sentence (the coder's and the finders') after the named rules (events/rulebook.py)."""
        cands = [Candidate(ev, trig.tok, sent, doc, actors, published, self,
                           speaker=trig.reported_by.tok if trig.reported_by is not None else None,
                           guessed_source=trig.guessed_source, pairs=pairs, fired=_base_rules(trig))
                 for trig, events in kept for ev in events]
        for name, finder in FINDERS:
            for tok, src, tgt, code in finder(sent, actors):
                if code not in self.ontology:
                    continue
                when, precision = self._date_of(sent, tok, published)
                ev = self._event(doc_id=doc_id, sentence=idx, sent=sent, source=src, target=tgt, code=code,
                                 negated=syntax.is_negated(tok), modality=syntax.modality_of(tok), confidence=0.7,
                                 trigger=tok.text, span=(sent.start_char, sent.end_char), when=when,
                                 precision=precision)
                cands.append(Candidate(ev, tok, sent, doc, actors, published, self, pairs=pairs, fired=[name]))
        out = []
        for cand in cands:
            ev = judge(cand, self.rules, self.trace)
            if ev is not None:
                out.append(ev)
        return out

    def _received(self, tok: Token, actors: syntax.Actors) -> tuple[str, Any] | None:
        """(code, giver) of "received/obtained N from X" where the thing received names an act the
        lexicon codes ("weapons" 072, "assurances" 031): X did it to the receiver."""
        if tok.lemma_.lower() not in RECEIVE_LEMMAS:
            return None
        things = [c for c in tok.children if c.dep_ == "dobj" and c.i not in actors]
        givers = _givers(tok, things[:1], actors)
        if not things or not givers:
            return None
        entry = self.lexicon.match(things[0])
        if entry is None or entry.frame is not None or entry.cameo not in self.ontology:
            return None
        return entry.cameo, givers[0]

    def _as_allegation(self, trig: Trigger, events: list[Event], coded: list[tuple[Trigger, list[Event]]]) -> list[Event]:
        """A speaker's statements recoded as accusations (112) of whoever the statement, leading its sentence,
        says used force."""
        if trig.frame != "say" or not events or ALLEGATION_CODE not in self.ontology:
            return events
        speakers = {e.source for e in events}
        # only a claim that leads its sentence: a trailing attribution (", Thai military sources said")
        # reports the news rather than accusing anyone
        accused = [e for t, evs in coded if t.reported_by is trig and t.tok.i > trig.tok.i for e in evs
                   if e.root in ASSAULT_ROOTS and not e.negated and e.source not in speakers]
        if not accused:
            return events
        info = self.ontology.get(ALLEGATION_CODE)
        out: list[Event] = []
        for ev in events:
            for act in accused:
                out.append(dataclasses.replace(
                    ev, cameo=ALLEGATION_CODE, root=info.root, quad=info.quad, goldstein=info.goldstein,
                    plover=info.plover, plover_mode=info.plover_mode, target=act.source,
                    target_actor=act.source_actor, target_name=act.source_name,
                    event_id=hashlib.sha1(f"{ev.event_id}|{ALLEGATION_CODE}|{act.source_actor}".encode()).hexdigest()))
        return out

    def _events_of(self, doc: Doc, sent: Span, idx: int, trig: Trigger, actors: syntax.Actors, *, doc_id: str,
                   published: date | None) -> list[Event]:
        tok = trig.tok
        arg_toks: list[Token] = []
        self_actor = False
        if tok.pos_ in ("VERB", "AUX", "ADJ"):
            head = tok.head if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod") else tok
            srcs, passive, toks = syntax.subjects(head, actors)
            arg_toks += toks
            given = self._received(tok, actors) if srcs else None
            if given is not None:
                # "Georgian demonstrators received weapons from the government": the giver acts, on the receiver
                trig.code, giver = given
                srcs, passive = [giver], srcs
            unknown = _unidentified_attacker(tok, actors, srcs, passive) if trig.code[:2] in ASSAULT_ROOTS else None
            if unknown is not None:
                srcs = [unknown]
            if trig.code == KILL_CODE and tok.pos_ == "VERB" and trig.frame_of is None:
                # "killed in Israeli shelling", "a roadside bomb killed": the weapon names the kind of force
                weapon = _weapon_of(tok)
                entry = self.lexicon.match(weapon) if weapon is not None and weapon.i not in actors else None
                if entry is not None and entry.cameo[:2] in ASSAULT_ROOTS and entry.cameo in self.ontology:
                    trig.code = entry.cameo
            if tok.lemma_.lower() in TOPIC_OBJECT_LEMMAS:
                tgts, ttoks = syntax.objects(tok, actors, preps=("with",), direct=False)
            else:
                tgts, ttoks = syntax.objects(tok, actors)
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
            if not tgts and trig.frame_of is not None and trig.demanded is None:
                comp = trig.frame_of.tok
                tgts, ttoks = (syntax.objects(comp, actors) if comp.pos_ in ("VERB", "AUX")
                               else syntax.noun_args(comp, actors)[1:2] + ([],))[:2]
            if not tgts and tok.lemma_.lower() not in TOPIC_OBJECT_LEMMAS:
                for t in syntax_near(tok):
                    if unknown is not None and t.dep_ == "nsubj":
                        continue  # "a bombing in Baghdad killed ...": the weapon's phrase names the place
                    if t.dep_ in ("dobj", "nsubjpass", "nsubj") and t.pos_ in ("NOUN", "PROPN") and t.i not in actors:
                        _, ntgts, ntoks = syntax.noun_args(t, actors)
                        # "Thousands of Kenyan farmers demonstrated": the subject's own phrase names the source
                        ntgts = [x for x in ntgts if all(x is not s for s in srcs)]
                        if ntgts:
                            tgts, ttoks = ntgts, ntoks
                            break
            if passive:
                tgts, srcs = passive, srcs
            ultimatum = trig.frame is None and _ultimatum(tok) and (
                syntax.is_negated(tok) or not "03" <= trig.code[:2] <= "07")  # not a conditional promise
            if ultimatum and trig.code[:2] not in CONDITIONAL_ACTS:
                # "will withdraw its troops unless the government pays", "would not attend unless ...": an
                # announced act or refusal made to depend on what another party does is a threat (codebook
                # 13), addressed to that party; what is threatened may be a refusal, the threat is not negated
                threat = compose("threaten", trig.code)
                if threat is not None and threat in self.ontology:
                    trig.code = threat
            if trig.code[:2] == "13" and not any(
                    c.dep_ in ("dobj", "dative") and syntax.actor_of(c, actors) is not None for c in tok.children):
                # "threatened to ban voting in Jerusalem if Hamas ran": a conditional threat with no one
                # named as its object is addressed to whoever the condition is about
                bound = _condition_subjects(tok, actors, exclude=srcs)
                if bound:
                    tgts = bound
            arg_toks += ttoks
        else:
            unknown, ultimatum = None, False
            srcs, tgts, toks = syntax.noun_args(tok, actors)
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
            if not srcs and tok.dep_ in ("nsubj",) and gov.pos_ in ("VERB",) and not tgts:
                tgts, ttoks = syntax.objects(gov, actors, preps=("on", "against", "in"))
                arg_toks += ttoks
            if not srcs and tok.dep_ == "dobj" and gov.lemma_.lower() in RECEIVE_LEMMAS:
                # "Kenya obtained a loan from China": the giver acts, on the receiver
                givers = _givers(gov, [tok], actors)
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
        if tok.lemma_.lower() in FIGHT_LEMMAS and tok.pos_ == "VERB" and any(
                c.dep_ == "dobj" and syntax.actor_of(c, actors) is None for c in tok.children):
            return []  # "fights drug trafficking", "combat inflation": an abstract opponent
        if tok.lemma_.lower() in WEAK_LEMMAS and trig.frame_of is None and not tgts and not trig.entry.specificity:
            # a generic verb ("provide", "help") is an event only with a parsed recipient; a phrase it
            # heads ("took to the streets", "cut internet access") names the act itself
            return []
        if not srcs and (trig.code[:2] in SYMMETRIC_ROOTS or trig.code in SYMMETRIC_CODES):
            # "an accord was reached between Armenia and Azerbaijan": the parties of a mutual act
            parties = _between(tok, actors)
            if len(parties) > 1:
                srcs, tgts = parties, []
        fallback = False
        if not srcs and not _in_adjunct(tok):
            srcs = _nearest_before(sent, tok, actors, exclude=tgts)
            fallback = bool(srcs)
            trig.guessed_source = fallback
        if not srcs:
            return []
        if trig.code[:2] == "19" and _labour_strike(tok, srcs):
            trig.code = "143"  # "doctors staged a strike": a work stoppage (a protest), not military force
        symmetric = trig.code[:2] in SYMMETRIC_ROOTS or trig.code in SYMMETRIC_CODES
        if not tgts and not (symmetric and len(srcs) > 1) and not self_actor:
            # coordinated actors of a symmetric act ("Putin and Xi held a call") are each other's
            # partners: no stand-in target is looked for
            tgts = _first_after(sent, tok, actors, exclude=srcs)
            fallback = fallback or bool(tgts)
            if not tgts and _described_object(tok, actors) is not None:
                # "the tariff on the world's No. 2 economy": a description, not a name, of the party acted
                # on is read as the country the document is most about (besides the source's own)
                topic = _topic_country(actors, exclude={s.country for s in srcs})
                if topic is not None:
                    tgts, fallback = [topic], True
        trig.parsed_both = bool(tgts) and not fallback
        pairs: list[tuple[Any, Any | None]] = []
        reciprocal = not tgts and len(srcs) > 1 and symmetric
        if reciprocal:
            pairs = [(a, b) for a in srcs for b in srcs if a is not b and a.actor_code != b.actor_code]
        else:
            pairs = [(s, t) for s in srcs for t in (tgts or [None]) if t is None or t.actor_code != s.actor_code or t is not s]
            pairs = [(s, t if t is not None and t.actor_code != s.actor_code else None) for s, t in pairs]
            if not pairs:  # every target found was the source itself: the act has no other party
                pairs = [(s, None) for s in srcs]
            if code_is_mutual(trig.code) and not fallback:
                # "Putin held a call with Xi": a call or talks with a partner is mutual, one event each way
                pairs += [(t, s) for s, t in list(pairs)
                          if t is not None and _via_with(t, tok) and (t, s) not in pairs]
        if trig.code[:2] == "14":
            # a protest that names no one it is against is addressed to the authorities of the protesters'
            # own country (the CAMEO convention for domestic demonstrations, strikes and riots)
            where = _place_of(tok, actors)
            pairs = [(s, t if t is not None else (where if where is not None and where.country != s.country
                                                   else _own_side(s, state=False))) for s, t in pairs]
        elif trig.code[:2] == "15":
            # a show or build-up of force aimed at no one named is aimed at the foreign country where it
            # happens ("military exercises in the Baltic states", "drills near Taiwan")
            # ("deployed troops in Kashmir": its own troops are what is moved, not whom it is aimed at)
            where = _place_of(tok, actors)
            pairs = [(s, None if t is not None and t.country == s.country and _sector(t) == "MIL" else t)
                     for s, t in pairs]
            pairs = [(s, t if t is not None or where is None or where.country == s.country else where)
                     for s, t in pairs]
        elif trig.code[:2] in DOMESTIC_ROOTS:
            pairs = [(s, t if t is not None else _own_side(s, state=True)) for s, t in pairs]
        if (trig.code == KILL_CODE and tgts and all(_sector(t) == "MIL" for t in tgts)
                and all(_sector(x) in ARMED_SECTORS for x in srcs)):
            trig.code = "190"  # armed forces killing soldiers: conventional military force, not an assault
        # modality, negation
        negated = (syntax.is_negated(tok) and not ultimatum) or trig.negated_by_frame
        # a threat, demand or appeal names its own condition: "if ..." does not make it hypothetical
        modality = syntax.modality_of(tok, conditions=trig.code[:2] not in CONDITIONAL_ACTS)
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "attr", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
            # "will take countermeasures", "did not launch an attack": the verb carrying the noun decides
            negated = negated or syntax.is_negated(tok.head)
            if modality == "asserted":
                modality = syntax.modality_of(tok.head, conditions=trig.code[:2] not in CONDITIONAL_ACTS)
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "nsubj" and modality == "asserted":
            # "any thaw between Washington and Moscow would change ...", "sanctions could hurt Russia": an
            # act named as the subject of a would/could clause, or as "any ...", is a possibility
            auxes = {c.lower_ for c in tok.head.children if c.dep_ == "aux"}
            if auxes & (syntax.MAY | {"would"}) or any(c.dep_ == "det" and c.lower_ == "any" for c in tok.children):
                modality = "hypothetical"
            elif auxes & syntax.WILL:
                modality = "intended"
        prospect = _prospect_of(tok)
        if prospect is not None:
            # "proposals for a call", "no plans for talks": a planned act, not one that took place
            negated = negated or syntax.is_negated(prospect)
            if modality == "asserted":
                modality = "hypothetical" if prospect.lemma_.lower() in POSSIBILITY_NOUNS else "intended"
        comp_tok = trig.frame_of.tok if trig.frame_of is not None else (
            next((c for c in tok.children if c.dep_ == "xcomp"), None) if trig.entry.frame else None)
        if (trig.code[:2] not in CONDITIONAL_ACTS and comp_tok is not None and modality != "hypothetical"
                and syntax.modality_of(comp_tok, tok) == "hypothetical"):
            modality = "hypothetical"  # "ready to build ties if Japan lifts its sanctions"
        if trig.entry.frame == "intent" and modality == "asserted":
            modality = "intended"  # "ready to", "pledged to", "plans to": an intention, not the act
        if tok.pos_ == "ADJ" and syntax.is_negated(tok.head):
            negated = True
        code = trig.code
        if (negated and modality == "intended" and "03" <= code[:2] <= "08" and not trig.negated_by_frame
                and not fallback and prospect is None and not any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)):
            # "will not provide aid", "is not ready to talk": the subject's refusal, asserted now (codebook
            # 12); a passive ("would not be bargained away") names no one who refuses
            refusal = compose("reject", code)
            if refusal is not None and refusal in self.ontology:
                code, negated, modality = refusal, False, "asserted"
        if (modality == "intended" and not negated and trig.frame_of is None and trig.entry.frame is None
                and code[:2] in CONFLICT_ROOTS):
            # an announced act of force or coercion ("will strike back", "would impose tariffs") is a
            # threat in the codebook (13); the modality stays "intended", as recorded for any "will"
            threat = compose("threaten", code)
            if threat is not None and threat in self.ontology:
                code = threat
        if (modality == "intended" and not negated and trig.frame_of is None and trig.entry.frame is None
                and "05" <= code[:2] <= "08" and tok.pos_ in ("VERB", "AUX")):
            # an announced act of cooperation ("will provide food aid", "would allow inspectors") is an
            # intention to cooperate in the codebook (03), as an announced act of force is a threat (13); a
            # planned meeting or visit ("will visit Beijing") stays a consultation (04)
            intent = compose("intent", code)
            if intent is not None and intent in self.ontology:
                code = intent
        reported = False
        if trig.reported_by is not None:
            speaker, _, _ = syntax.subjects(trig.reported_by.tok, actors)
            # a spokesperson or official speaks for their own country ("Peskov said Russia was ready")
            speaker_countries = {s.actor_code[:3] for s in speaker}
            if not speaker_countries or any(s.actor_code[:3] not in speaker_countries for s in srcs):
                reported = True
        if reported and modality == "asserted":
            modality = "reported"  # a reported condition or intention keeps its own modality
        confidence = 0.85 if trig.entry.specificity else 0.75
        if tok.pos_ not in ("VERB", "AUX"):
            confidence -= 0.1
        if not tgts:
            confidence -= 0.1
        if fallback:
            confidence -= 0.15
        when, precision = self._date_of(sent, tok, published)
        positions = [tok.i] + [t.i for t in arg_toks if sent.start <= t.i < sent.end]
        for m in srcs + tgts:
            if not isinstance(m, _Implied):  # an implied party has no words in the sentence
                positions += [m.start, m.end - 1]
        lo = max(min(positions), sent.start)
        hi = min(max(positions), sent.end - 1)
        span = (doc[lo].idx, doc[hi].idx + len(doc[hi].text))
        trigger_text = _trigger_text(trig)
        out = []
        for s, t in pairs:
            out.append(self._event(doc_id=doc_id, sentence=idx, sent=sent, source=s, target=t, code=code,
                                   negated=negated, modality=modality, confidence=round(max(confidence, 0.05), 3),
                                   trigger=trigger_text, span=span, when=when, precision=precision))
        return out

    def _event(self, *, doc_id: str, sentence: int, sent: Span, source: Any, target: Any | None, code: str,
               negated: bool, modality: str, confidence: float, trigger: str, span: tuple[int, int],
               when: date | None, precision: str | None) -> Event:
        info = self.ontology.get(code)
        target_actor = target.actor_code if target is not None else None
        key = "|".join([doc_id, str(sentence), f"{span[0]}-{span[1]}", code, source.actor_code, target_actor or ""])
        return Event(
            event_id=hashlib.sha1(key.encode("utf-8")).hexdigest(),
            doc_id=doc_id or None, sentence=sentence, date=when, date_precision=precision,
            source=source.actor_code[:3], source_actor=source.actor_code, source_name=_name(source),
            target=target_actor[:3] if target_actor else None, target_actor=target_actor,
            target_name=_name(target) if target is not None else None,
            cameo=code, root=info.root, quad=info.quad, goldstein=info.goldstein,
            plover=info.plover, plover_mode=info.plover_mode, negated=negated, modality=modality,
            confidence=confidence, trigger=trigger, text=sent.text, span=span,
        )

    def _date_of(self, sent: Span, tok: Token, published: date | None) -> tuple[date | None, str | None]:
        found = _calendar_dates(sent.text, published)
        if found:
            at = tok.idx - sent.start_char
            best = min(found, key=lambda t: min(abs(t.start - at), abs(t.end - at)))
            precision = best.precision if best.precision in ("day", "month", "year") else (
                "day" if best.precision == "week" else "month" if best.precision in ("quarter", "half", "season") else "year")
            return best.date, precision
        if published is not None:
            return published, "doc"
        return None, None

    # ---------------------------------------------------------------------------------------------
    def _classify(self, doc: Doc, silent: list[tuple[int, Span]], actors: syntax.Actors, *, doc_id: str,
                  published: date | None) -> list[Event]:
        candidates = []
        for idx, sent in silent:
            root = sent.root
            if root.pos_ not in ("VERB", "AUX"):
                continue
            srcs, _, _ = syntax.subjects(root, actors)
            if srcs:
                candidates.append((idx, sent, root, srcs))
        if not candidates:
            return []
        out = []
        predictions = self.classifier.predict([c[1].text for c in candidates])
        for (idx, sent, root, srcs), (label, prob) in zip(candidates, predictions, strict=True):
            if prob < self.settings.classifier_threshold or label in ("01",):
                continue
            if root.lemma_.lower() == "be":
                continue  # a copular sentence states how things are ("trade was $245 billion"), no act
            code = label + "0"
            if code not in self.ontology:
                continue
            tgts, _ = syntax.objects(root, actors)
            when, precision = self._date_of(sent, root, published)
            span = (sent.start_char, sent.end_char)
            for s in srcs:
                t = next((x for x in tgts if x.actor_code != s.actor_code), None)
                out.append(self._event(doc_id=doc_id, sentence=idx, sent=sent, source=s, target=t, code=code,
                                       negated=syntax.is_negated(root), modality=syntax.modality_of(root),
                                       confidence=round(prob * 0.8, 3), trigger=root.text, span=span,
                                       when=when, precision=precision))
        return out

    def main_root(self, sent: Span) -> str | None:
        """The CAMEO root of a sentence's main event, ignoring actors (lexicon, else None)."""
        trigs = self.triggers(sent)
        if not trigs:
            return None

        def depth(t: Trigger) -> tuple[int, int]:
            d, x = 0, t.tok
            while x.head.i != x.i and d < 30:
                x = x.head
                d += 1
            is_say = t.frame == "say" and t.frame_of is None
            return (1 if is_say else 0, d)

        return min(trigs, key=depth).code[:2]


def _base_rules(trig: Trigger) -> list[str]:
    """Names of the coder's own steps behind a trigger's events, for `--explain`."""
    out = [f"lexicon:{trig.entry.lemma}->{trig.entry.cameo}"]
    if trig.frame_of is not None:
        out.append(f"frame:{trig.frame}({trig.frame_of.tok.lemma_.lower()})")
    elif trig.frame == "demand":
        out.append("frame:must-clause demand")
    if trig.reported_by is not None:
        out.append(f"speech:reported by '{trig.reported_by.tok.text}'")
    if trig.guessed_source:
        out.append("roles:stand-in source")
    return out


def syntax_near(tok: Token) -> list[Token]:
    from multipolar.events.lexicon import _near

    return _near(tok)


SELF_PRONOUNS = {"i", "we", "it", "he", "she"}


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
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in TRANSFERRED_NOUNS:
        return False
    x = tok
    while x.dep_ == "conj" and x.head.i != x.i:
        x = x.head
    if any(c.dep_ == "prep" and c.lower_ in ("to", "for") for c in tok.children):
        return False  # "arms to Kyiv", "ammunition for the army"
    head = x.head
    if x.dep_ == "pobj" and head.dep_ == "prep":
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


CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj", "parataxis"}


def _is_speech(trig: Trigger) -> bool:
    """A statement or a denial: coded beside the act it reports, never instead of it."""
    return trig.frame == "say" or trig.tok.lemma_.lower() in DENY


def _abs_depth(tok: Token) -> int:
    d, x = 0, tok
    while x.head.i != x.i and d < 40:
        x = x.head
        d += 1
    return d


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


def _prospect_of(tok: Token) -> Token | None:
    """The noun of a plan or a possibility that a nominal trigger completes ("proposals for a call")."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj" or tok.head.lower_ not in ("for", "of"):
        return None
    noun = tok.head.head
    lemma = noun.lemma_.lower()
    return noun if noun.pos_ == "NOUN" and (lemma in PLAN_NOUNS or lemma in POSSIBILITY_NOUNS) else None


def code_is_mutual(code: str) -> bool:
    return code in MUTUAL_WITH_CODES


def _via_with(m: Any, tok: Token) -> bool:
    """Whether the mention `m` is the object of a "with" that hangs from the trigger's phrase."""
    doc = tok.doc
    x = doc[m.start:m.end].root
    for _ in range(8):
        if x.i == tok.i or x.head.i == x.i:
            return False
        if x.dep_ == "prep":
            return x.lower_ == "with"
        x = x.head
    return False


def _concurrent(x: Token) -> bool:
    """A "while"/"whilst" clause without its own subject ("called for talks while accusing the US of ...")
    is a second act of the main clause's subject, as much a main act as the first."""
    return (x.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONCURRENT_MARKS for c in x.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in x.children))


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
    """Fallback target: the first actor after the trigger inside the trigger's own phrase."""
    codes = {x.actor_code for x in exclude}
    inside = {t.i for t in tok.subtree}
    for i in range(tok.i + 1, sent.end):
        if i not in inside or _outside_phrase(sent.doc[i], tok):
            continue
        m = actors.get(i)
        if m is not None and all(m is not x for x in exclude) and m.actor_code not in codes:
            return [m]
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


def _trigger_text(trig: Trigger) -> str:
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


@dataclass(frozen=True, slots=True)
class _Implied:
    """A party the sentence implies without naming it (a protest's own government)."""

    actor_code: str
    country: str
    person: None = None
    text: None = None


_STATE_SECTORS = ("GOV", "MIL", "LEG", "JUD", "COP", "SPY")


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


@lru_cache(maxsize=512)
def _calendar_dates(text: str, published: date | None) -> tuple[TimeExpression, ...]:
    """The dated expressions of a sentence, found once for all the triggers in it."""
    return tuple(t for t in find_dates(text, published) if t.date is not None)


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
    return bool(srcs) and all(_sector(s) in LABOUR_SECTORS for s in srcs)


def _rule_trigger(verb: Token, code: str) -> Trigger:
    """A trigger a rule makes of a verb the lexicon has no entry for in this use ("lifted", "cut")."""
    lemma = verb.lemma_.lower()
    return Trigger(verb, LexiconEntry(cameo=code, lemma=lemma, pos="VERB", trigger=lemma, conditions=(), example=""), code)


def _carriers(tok: Token) -> list[Token]:
    """The trigger, and the verb that carries it when it is a noun object ("staged a protest in Beijing")."""
    return [tok] + ([tok.head] if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "attr") else [])


def _prep_objects(holders: Iterable[Token], words: Iterable[str], *, skip: Token | None = None) -> Iterator[Token]:
    """The objects of the prepositions `words` hanging from `holders`, in order (`skip`: a preposition
    left out); a compound preposition gives the object of its second part ("outside of Basra")."""
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in words and prep is not skip:
                objects = [o for o in prep.children if o.dep_ == "pobj"]
                yield from objects or (o for p in prep.children if p.dep_ == "prep" for o in p.children
                                       if o.dep_ == "pobj")


def _between(tok: Token, actors: syntax.Actors) -> list[Any]:
    """The actors of a "between A and B" on the trigger, or on the verb whose subject the trigger is."""
    holders = [tok] + ([tok.head] if tok.dep_ in ("nsubj", "nsubjpass") else [])
    for obj in _prep_objects(holders, ("between",)):
        found = syntax.actors_of(obj, actors)
        if len({m.actor_code for m in found}) > 1:
            return found
    return []


def _givers(verb: Token, things: list[Token], actors: syntax.Actors) -> list[Any]:
    """The actors of "from X" on a verb of receiving or on the thing received ("assurances from Kyiv")."""
    found = (syntax.actor_of(o, actors) for o in _prep_objects([verb, *things], ("from",)))
    return [g for g in found if g is not None]


def _described_object(tok: Token, actors: syntax.Actors) -> Token | None:
    """The object of "on"/"against" on a trigger (or on the verb carrying a nominal trigger) when it is a
    definite description rather than a name: "the world's No. 2 economy", "the island nation"."""
    for obj in _prep_objects(_carriers(tok), ("on", "against")):
        if obj.pos_ != "NOUN" or any(t.i in actors for t in obj.subtree):
            continue
        if any(c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss" for c in obj.children):
            return obj
    return None


def _topic_country(actors: syntax.Actors, *, exclude: set[str]) -> Any | None:
    """The country the document's actor mentions name most often, if it leads the next one (and is named at
    least twice); None otherwise. Each mention counts once, whatever its length."""
    counts: dict[str, int] = {}
    for m in {id(m): m for m in actors.values()}.values():
        country = m.actor_code[:3]
        if country.isalpha() and country not in COLLECTIVE_PREFIXES and country not in exclude:
            counts[country] = counts.get(country, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
        return None
    country = ranked[0][0]
    return _Implied(actor_code=country, country=country)


def _ultimatum(tok: Token) -> bool:
    """An act announced with "will" and made to depend on an "unless" clause ("will cut ties unless ...")."""
    future = any(c.dep_ == "aux" and c.lower_ in syntax.WILL for c in tok.children)
    unless = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
                 for c in tok.children)
    return future and unless


def _condition_subjects(tok: Token, actors: syntax.Actors, *, exclude: list[Any]) -> list[Any]:
    """Actors that are the subject of an "if"/"unless" clause on `tok` or on its complement."""
    heads = [tok] + [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
    for head in heads:
        for clause in head.children:
            if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children):
                found = [a for a in syntax.subjects(clause, actors)[0]
                         if all(a is not x and a.actor_code[:3] != x.actor_code[:3] for x in exclude)]
                if found:
                    return found
    return []


def _attribution_only(trig: Trigger, actors: syntax.Actors) -> bool:
    """A statement whose speakers are news media or generic nouns placed only by their context
    ("officials said", "Reuters reports"): it attributes a report, it is no act."""
    if trig.code[:2] != "01":
        return False  # "officials warned": a warning is an act (13), whoever gives it
    speakers = syntax.subjects(trig.tok, actors)[0]
    return bool(speakers) and all(_sector(m) == "MED" or getattr(m, "kind", "") == "context"
                                  for m in speakers)


def _place_of(tok: Token, actors: syntax.Actors, *, holders: list[Token] | None = None,
              words: Iterable[str] = ("in", "outside", "near"), skip: Token | None = None) -> Any | None:
    """The actor named as where an act happens: "in Beijing" on the trigger or on the verb that carries
    a nominal trigger ("staged a protest in Beijing"), or on other `holders` (`skip`: a preposition that
    names something else, such as the weapon)."""
    found = (syntax.actor_of(o, actors) for o in _prep_objects(holders or _carriers(tok), words, skip=skip))
    return next((m for m in found if m is not None), None)


RECEIVE_LEMMAS = {"receive", "get", "obtain", "accept", "win", "secure"}
ASSAULT_ROOTS = ("18", "19", "20")
ALLEGATION_CODE = "112"  # accuse, not specified below
KILL_CODE = "1823"  # kill by unspecified means
# what kills when no one is named as the attacker: "a roadside bomb killed", "killed by a landmine"
BLAST_NOUNS = frozenset({
    "bomb", "bombing", "blast", "explosion", "device", "mine", "landmine", "rocket", "missile", "shell",
    "mortar", "grenade", "shelling", "ied", "car", "attack", "bomber", "gunfire", "fire", "shot", "explosive",
    "drone", "airstrike", "strike", "ambush", "sniper", "gunman", "gunmen", "attacker", "assailant", "raid",
    "bombardment", "clash", "fighting", "battle", "offensive", "assault", "crossfire", "artillery",
})
PLACE_PREPS = frozenset({"in", "near", "outside", "at", "on", "across", "inside"})


ARMED_SECTORS = ("MIL", "REB", "UAF")


def _sector(match: Any) -> str:
    return match.actor_code[3:6]


def _subject_of(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ in ("nsubj", "csubj")), None)


def _weapon_of(tok: Token) -> Token | None:
    """The weapon or blast a violent verb names as its instrument: the subject ("a roadside bomb killed"),
    the agent ("killed by a landmine") or the occasion ("killed in Israeli shelling")."""
    subject = _subject_of(tok)
    if subject is not None:
        return subject if subject.lemma_.lower() in BLAST_NOUNS else None
    for prep in tok.children:
        if prep.dep_ in ("agent", "prep") and prep.lower_ in ("by", "in", "during"):
            weapon = next((c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in BLAST_NOUNS), None)
            if weapon is not None or prep.dep_ == "agent":
                return weapon
    return None


def _unidentified_attacker(tok: Token, actors: syntax.Actors, srcs: list[Any], passive: list[Any]) -> Any | None:
    """Who attacked, when the sentence names only the weapon or no one: the weapon's owner where a
    modifier names one ("killed in Israeli shelling"); else the unidentified armed forces (CAMEO `UAF`)
    of the country where it happened, for a weapon or blast as subject or agent ("a roadside bomb near
    Kirkuk killed ...", "were killed by a landmine in Turkey") or a passive without agent ("were shot dead
    in Peshawar"). An actor in a prepositional phrase of the weapon names the place ("a bombing in
    Baghdad"); with no place the victims' country stands in when they are civilians (not soldiers or
    officials, who are often abroad). None when the sentence names the attacker."""
    if tok.pos_ != "VERB":
        return None
    weapon = _subject_of(tok) or _weapon_of(tok)
    if weapon is not None:
        if weapon.i in actors or weapon.lemma_.lower() not in BLAST_NOUNS:
            return None
        owner = next((actors[m.i] for m in weapon.children if m.dep_ in ("amod", "compound", "poss", "nmod")
                      and m.i in actors), None)
        if owner is None:  # "in clashes with Houthi rebels": the other side of the fighting
            owner = next((syntax.actor_of(o, actors) for p in weapon.children if p.dep_ == "prep" and p.lower_ == "with"
                          for o in p.children if o.dep_ == "pobj" and syntax.actor_of(o, actors) is not None), None)
        if owner is not None:
            return owner  # "Israeli tank shelling", "a Russian missile"
    elif srcs or not passive:
        return None
    where = _place_of(tok, actors, holders=[tok] + ([weapon] if weapon is not None else []), words=PLACE_PREPS,
                      skip=weapon.head if weapon is not None else None)
    if where is None:
        victims = passive or [actors[c.i] for c in tok.children if c.dep_ == "dobj" and c.i in actors]
        where = next((v for v in victims if _sector(v) not in _STATE_SECTORS), None)
    country = where.actor_code[:3] if where is not None else ""
    if not country.isalpha() or country in COLLECTIVE_PREFIXES:
        return None
    return _Implied(actor_code=country + "UAF", country=country)


def _own_side(source: Any, *, state: bool) -> Any | None:
    """The implied other party of an act aimed at no one named within the source's own country: its
    government, for a protest by people who are no organ of the state (state=False); its people, for an
    organ of the state coercing or conceding (state=True); None for anyone else."""
    country = source.actor_code[:3]
    if not country.isalpha() or country in COLLECTIVE_PREFIXES or (_sector(source) in _STATE_SECTORS) != state:
        return None
    return _Implied(actor_code=country if state else country + "GOV", country=country)


# a state's concession or coercion that names no one it is aimed at ("lifted the state of emergency",
# "imposed a curfew", "arrested dozens") is aimed at its own people
DOMESTIC_ROOTS = ("08", "17")


def _name(match: Any) -> str | None:
    person = getattr(match, "person", None)
    return person or getattr(match, "text", None)


def _default_resolver(actor_files: str = "") -> Any:
    from multipolar.actors.gazetteer import Gazetteer
    from multipolar.actors.resolver import ActorResolver

    extra = [part.strip() for part in actor_files.split(",") if part.strip()]
    return ActorResolver(Gazetteer.load(extra_files=extra))
