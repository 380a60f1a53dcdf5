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
   object; coordinated subjects without a target are reciprocal (one event each way); a coordinated
   target gives one event per state, and so does a target group noun's of/from list ("met the leaders of
   A, B and C", rule roles.listed_states; a listed subject keeps its first state); "President A and President
   B", which the parser may read as A modifying B, is a coordinated pair (rule syntax.split_coordination);
   "talks between A and B were held" takes its parties from the noun's "between" phrase;
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
- a call, negotiations, diplomatic cooperation or joint exercises "with" a partner state are mutual (one event
  each way, rule pairs.mutual_with); an act in a subjectless "while" clause is a
  second main act of the subject ("called for talks while accusing the US of ...");
- a stand-in source never outranks an act whose source and target the parse gives; an act named as the
  content of a plan or a possibility ("no proposals for a call") is intended/hypothetical, not asserted.

The steps live by concern: `triggers.py` (lexicon look-up, frames, absorption), `arguments.py` (sources and
targets, stand-ins), `pairs.py` (source-target pairs, mutual acts, implied parties), `qualifiers.py`
(negation, modality and the codes they make), `clauses.py` (statements beside acts, accusations, the main
clause); this module runs them per sentence and builds the events.

Every candidate then passes the named rules of events/rulebook.py (anaphora, roles, trade, polarity,
modality, timing: one module per concern, words in data/rules/), which may change or drop it; the trace
of what fired is `self.trace`, printed by `multipolar code --explain`. The finders of those modules
(trade.firms_list, trade.tariff_act, trade.rate_schedule; headlines.present_act where a headline's parse read its
verb as no act between two parties) add candidates of their own; where a finder reads
a verb with its target, the lexicon's target-less reading of the same act and its statement on that verb
are dropped, and where the finder's reading is an easing, the lexicon's other reading of that verb for the
same pair too ("will suspend 24 points of the duty on goods of X" is an easing, not a threat)
(coder.finder_reading). The classifier's guesses pass the same rules, and a sentence whose candidates a
rule dropped gets no guess. Last, with `event_model` and `event_pair_model`, rule cooccur.pair_model
(events/cooccur.py) may add an act between two states one sentence names that no counted rule event is.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from multipolar.events import anaphora, cooccur, headlines, mood, syntax, timing
from multipolar.events.allegations import as_allegation
from multipolar.events.arguments import find_arguments
from multipolar.events.clauses import (
    absorbed_named_acts,
    acts_of,
    drop_reports,
    main_acts,
    named_act,
    prior_acts,
    says_again,
    speaker_frames,
)
from multipolar.events.groups import GROUP_COPIES
from multipolar.events.lexicon import Lexicon
from multipolar.events.ontology import Ontology
from multipolar.events.pair_phrases import PAIR_COPIES
from multipolar.events.pairs import Implied, pairs_of
from multipolar.events.qualifiers import FUTURE_STATEMENT, qualify, states_future
from multipolar.events.rulebook import Candidate, Trace, derived_id, judge, mention_name, rules
from multipolar.events.talks import MEETING_COPIES, TALK_COPIES
from multipolar.events.topics import TOPIC_COPIES
from multipolar.events.trade import FINDERS
from multipolar.events.triggers import Trigger, base_rules, find_triggers, trigger_words
from multipolar.quantities import find_quantities
from multipolar.records import Event
from multipolar.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

STAGE = "events.v1"


class EventCoder:
    stage = STAGE

    def __init__(self, settings: Settings | None = None, *, resolver: Any | None = None, nlp: Any | None = None) -> None:
        self.settings = settings or Settings()
        self.ontology = Ontology.load(self.settings.goldstein_variant, plover_types=self.settings.plover_types)
        self.lexicon = Lexicon.load(self.settings.event_lexicon or None, codes=self.ontology.codes())
        self.resolver = resolver if resolver is not None else _default_resolver(self.settings.actor_files)
        if nlp is None:
            from multipolar.nlp.pipeline import NlpPipeline

            nlp = NlpPipeline(self.settings, resolver=self.resolver, selector=self._selector())
        self.pipeline = nlp
        self._classifier: Any = None
        self._act_model: Any = None
        self._pair_model: Any = None
        self._sentence_encoder: Any = None  # one MiniLM session for the root classifier and the act model
        self.max_depth_gap = 0  # triggers deeper than the shallowest coded one are dropped
        self.single_main = self.settings.event_main_only
        self.rules = rules()  # named rules over every candidate (events/rulebook.py)
        self.trace = Trace()  # the last document's rules, for `multipolar code --explain`

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.settings,), None)

    def _selector(self) -> Any | None:
        """The pieces worth parsing (setting `parse_only_actor_paragraphs`): names, context words, anaphora cues."""
        if not self.settings.parse_only_actor_paragraphs or not hasattr(self.resolver, "surface_forms"):
            return None  # a resolver that cannot list what it matches gets every piece parsed
        from multipolar.actors.paragraphs import ActorParagraphs

        return ActorParagraphs(self.resolver, anaphora=anaphora.cue_words(), also=quantity_starts)

    # ---------------------------------------------------------------------------------------------
    @property
    def classifier(self) -> Any:
        if self._classifier is None:
            from multipolar.events.classifier import RootClassifier

            self._classifier = RootClassifier(self.lexicon, encoder=self.sentence_encoder)
        return self._classifier

    @property
    def act_model(self) -> Any:
        if self._act_model is None:
            from multipolar.events.model import ActModel

            self._act_model = ActModel(encoder=self.sentence_encoder)
        return self._act_model

    @property
    def pair_model(self) -> Any:
        if self._pair_model is None:
            self._pair_model = cooccur.PairModel.load()
        return self._pair_model

    @property
    def sentence_encoder(self) -> Any:
        """The sentence embedder the root classifier (128 word pieces) and the act model (96, cut per call:
        the same vectors as an embedder made for 96) share, so a worker loads one session, not two."""
        if self._sentence_encoder is None:
            from multipolar.embeddings import Embedder
            from multipolar.events.classifier import MAX_TOKENS
            from multipolar.events.model import SENTENCE_TOKENS

            self._sentence_encoder = Embedder(threads=1, max_tokens=max(MAX_TOKENS, SENTENCE_TOKENS))
        return self._sentence_encoder

    def code_texts(self, items: Iterable[tuple[Any, ...]]) -> Iterator[tuple[Any, list[Event]]]:
        """(id, events) for each (id, text, published) or (id, text, published, issuer) in order; texts are
        parsed in batches. `issuer` is the ISO3 code of the government that issued the text (actors/issuer.py)."""
        pending: list[tuple[Any, date | None, str | None]] = []

        def texts() -> Iterator[str]:
            for item_id, text, published, *rest in items:
                pending.append((item_id, published, rest[0] if rest else None))
                yield text

        for doc in self.pipeline.parse(texts()):
            item_id, published, issuer = pending.pop(0)
            yield item_id, self.code_doc(doc, doc_id=str(item_id), published=published, issuer=issuer)

    def code_text(self, text: str, *, doc_id: str = "", published: date | None = None,
                  issuer: str | None = None) -> list[Event]:
        return self.code_doc(self.pipeline.parse_one(text), doc_id=doc_id, published=published, issuer=issuer)

    def code_doc(
        self, doc: Doc, *, doc_id: str, published: date | None, matches: Sequence[Any] | None = None,
        issuer: str | None = None,
    ) -> list[Event]:
        """Events of a parsed doc; `matches` are its actor mentions when the caller resolved them already;
        `issuer` is the ISO3 code of the government whose official statement the doc is (actors/issuer.py:
        `issuer_of`), None for any other text."""
        actors = self.actors_of(doc, published=published, matches=matches, issuer=issuer)
        self.trace = Trace()
        pairs = anaphora.resolve(doc, actors)  # "the two leaders", "he": mentions of earlier actors
        events: list[Event] = []
        silent: list[tuple[int, Span]] = []
        with_actor = {doc[i].sent.start for i in actors}  # sentences naming an actor, found in one pass
        for idx, sent in enumerate(doc.sents):
            if sent.start not in with_actor:
                continue
            dropped_before = len(self.trace.dropped)
            # the issuer goes to the finders: a tariff schedule in a government's own text is its own act
            found = self._code_sentence(doc, sent, idx, actors, doc_id=doc_id, published=published, pairs=pairs,
                                        issuer=issuer)
            if found:
                events.extend(found)
            elif len(self.trace.dropped) == dropped_before:
                # a sentence whose candidates a named rule dropped ("touched on the war", "shook hands") is
                # no silent sentence: the classifier would only bring the dropped act back under another code
                silent.append((idx, sent))
        if silent and self.settings.event_classifier:
            events.extend(self._classify(doc, silent, actors, doc_id=doc_id, published=published, pairs=pairs))
        if events and self.settings.event_model:
            retype = self._retype if self.settings.event_model_retype else None  # rule model.retype
            verbal = {e.event_id for e in events if FUTURE_STATEMENT in self.trace.fired.get(e.event_id, ())}
            events = self.act_model.rescore(events, n_sentences=sum(1 for _ in doc.sents), retype=retype,
                                            verbal=verbal)
        if self.settings.event_model and self.settings.event_pair_model:  # rule cooccur.pair_model
            events.extend(cooccur.pair_acts(doc, actors, events, dropped=self.trace.dropped, model=self.pair_model,
                                            encoder=self.sentence_encoder, triggers=self.triggers,
                                            min_probability=self.settings.event_min_probability,
                                            make_event=functools.partial(self._pair_event, doc_id, published)))
        return timing.flag_implausible_dates(events, published, future_days=self.settings.event_date_future_days,
                                             earliest_year=self.settings.event_date_earliest_year)

    def actors_of(self, doc: Doc, *, published: date | None, matches: Sequence[Any] | None = None,
                  issuer: str | None = None) -> syntax.Actors:
        """{token index: actor mention} of a parsed doc (syntax.actor_map)."""
        return syntax.actor_map(doc, self.resolver.resolve(doc, on=published) if matches is None else matches,
                                getattr(self.resolver, "context_mentions", None),
                                issuer if self.settings.event_official_sources else None)

    def _pair_event(self, doc_id: str, published: date | None, idx: int, sent: Span, source: Any, target: Any,
                    plover: str, probability: float, governor: Token) -> Event:
        """An act rule cooccur.pair_model keeps: the type's general code, the sentence as its span."""
        from multipolar.events.model import TYPE_CODES

        when, precision = self._date_of(sent, governor, published)
        event = self._event(doc_id=doc_id, sentence=idx, sent=sent, source=source, target=target,
                            code=TYPE_CODES[plover], negated=False, modality="asserted", confidence=probability,
                            trigger=governor.text, span=(sent.start_char, sent.end_char), when=when, precision=precision)
        # an id of its own: a finder's event may have the same code, parties and span (the sentence)
        event = dataclasses.replace(event, event_id=derived_id(event, cooccur.RULE))
        self.trace.fired[event.event_id] = [cooccur.RULE]
        return event

    def _retype(self, event: Event, plover: str) -> Event:
        """Rule `model.retype`: the event under the general CAMEO code of the type the act model finds likeliest."""
        from multipolar.events.model import retyped

        recoded = retyped(event, plover, self.ontology)
        self.trace.fired[recoded.event_id] = [*self.trace.fired.pop(event.event_id, []), "model.retype"]
        return recoded

    # ---------------------------------------------------------------------------------------------
    def triggers(self, sent: Span) -> list[Trigger]:
        """Lexicon triggers of a sentence after frames and absorption (actor-independent)."""
        return find_triggers(sent, lexicon=self.lexicon, ontology=self.ontology)

    def _code_sentence(self, doc: Doc, sent: Span, idx: int, actors: syntax.Actors, *, doc_id: str,
                       published: date | None, pairs: dict[int, tuple[Any, Any]] | None = None,
                       issuer: str | None = None) -> list[Event]:
        out: list[Event] = []
        seen: set[tuple[str, str, str | None]] = set()
        coded: list[tuple[Trigger, list[Event]]] = []
        for trig in self.triggers(sent):
            events = self._events_of(doc, sent, idx, trig, actors, doc_id=doc_id, published=published)
            if events:
                coded.append((trig, events))
        kept = drop_reports(coded, actors)
        # "the US said ISIL had attacked Iraq": saying that another party used force is an accusation of it
        # (codebook 112), addressed to that party; the reported act stays as reported
        kept = [(trig, as_allegation(trig, events, coded, ontology=self.ontology)) for trig, events in kept]
        main = main_acts(kept, single_main=self.single_main, max_depth_gap=self.max_depth_gap)
        # "..., following X's call with Y" (an earlier act), "signed X and criticized Y": acts beside the main one
        beside = prior_acts(kept, main, frames=speaker_frames(kept, actors), actors=actors)
        # a noun another trigger absorbed that names its act with both parties ("Israel's strikes on Iran killed ...")
        said = acts_of(main)
        for trig in absorbed_named_acts(sent, coded, actors, lexicon=self.lexicon):
            events = self._events_of(doc, sent, idx, trig, actors, doc_id=doc_id, published=published)
            if events and named_act(trig.tok, events, actors) and not says_again(events, said):
                beside.append((trig, events, "clauses.named_act"))
        judged = self._judge(doc, sent, idx, main + [(t, evs) for t, evs, _ in beside], actors, doc_id=doc_id,
                             published=published, pairs=pairs or {}, beside={id(t): rule for t, _, rule in beside},
                             issuer=issuer)
        for ev in judged:
            key = (ev.cameo, ev.source_actor, ev.target_actor)
            if key not in seen:
                seen.add(key)
                out.append(ev)
        return out

    def _judge(self, doc: Doc, sent: Span, idx: int, kept: list[tuple[Trigger, list[Event]]], actors: syntax.Actors, *,
               doc_id: str, published: date | None, pairs: dict[int, tuple[Any, Any]],
               beside: dict[int, str] | None = None, issuer: str | None = None) -> list[Event]:
        """The candidates of a sentence (the coder's and the finders') after the named rules (events/rulebook.py)."""
        cands = [Candidate(ev, trig.tok, sent, doc, actors, published, self,
                           speaker=trig.reported_by.tok if trig.reported_by is not None else None,
                           guessed_source=trig.guessed_source, pairs=pairs, issuer=issuer,
                           fired=base_rules(trig) + ([beside[id(trig)]] if beside and id(trig) in beside else [])
                           + (["pairs.mutual_with"] if (ev.source_actor, ev.target_actor) in trig.mutual_with else [])
                           + ([FUTURE_STATEMENT] if ev.root in ("01", "02") and states_future(trig.tok) else []))
                 for trig, events in kept for ev in events]
        n_coded = len(cands)
        found = [(name, hit) for name, finder in FINDERS for hit in finder(sent, actors, issuer=issuer)]
        if not found:  # a headline's act the parse missed (its verb read as no trigger)
            triggers = {c.tok.i for c in cands if c.event.target_actor}
            found = [(headlines.RULE, hit) for hit in headlines.present_acts(sent, actors, self.lexicon)
                     if hit[0].i not in triggers]
        for name, (tok, src, tgt, code) in found:
            if code not in self.ontology:
                continue
            when, precision = self._date_of(sent, tok, published)
            ev = self._event(doc_id=doc_id, sentence=idx, sent=sent, source=src, target=tgt, code=code,
                             negated=mood.is_negated(tok), modality=mood.modality_of(tok), confidence=0.7,
                             trigger=tok.text, span=(sent.start_char, sent.end_char), when=when,
                             precision=precision)
            cands.append(Candidate(ev, tok, sent, doc, actors, published, self, pairs=pairs, fired=[name], issuer=issuer))
        out: list[tuple[Candidate, Event]] = []
        for cand in cands:
            ev = judge(cand, self.rules, self.trace)
            if ev is not None:
                made = [ev]
                # "the two leaders criticized X": both did; "urged both sides": both were urged
                for rule, copy in PAIR_COPIES + TALK_COPIES:
                    other = copy(cand, ev)
                    if other is not None:
                        self.trace.fired[other.event_id] = [*cand.fired, rule]
                        made.append(other)
                # "the G7 condemned X": each member did (events/groups.py); "discussed their efforts to support X":
                # each party of the talks does it (events/topics.py), for each event made so far
                for rule, copies in GROUP_COPIES + MEETING_COPIES:
                    for other in copies(cand, ev):
                        self.trace.fired[other.event_id] = [*cand.fired, rule]
                        made.append(other)
                for rule, copies in TOPIC_COPIES:
                    for other in [x for e in made for x in copies(cand, e)]:
                        self.trace.fired[other.event_id] = [*cand.fired, rule]
                        made.append(other)
                out += [(cand, e) for e in made]
        # a finder that read the target ("tariffs on goods from Brazil") stands for the lexicon's target-less
        # reading of the same act by the same source, and for a statement the lexicon read off its verb
        # ("added two ministers to its sanctions list" is a sanction, not a remark); a finder's easing stands for
        # the lexicon's other reading of that same verb for the same pair ("will suspend 24 points of the duty on
        # goods of X" is an easing, not a threat)
        aimed = {(ev.cameo, ev.source_actor) for _, ev in out if ev.target_actor is not None}
        found = {cand.tok.i for cand in cands[n_coded:] if cand.event.target_actor is not None}
        from_finder = {id(cand) for cand in cands[n_coded:]}
        eased = {(cand.tok.i, ev.source, ev.target) for cand, ev in out
                 if id(cand) in from_finder and ev.target_actor is not None and ev.root == "08"}
        kept = []
        for cand, ev in out:
            untargeted = ev.target_actor is None and (ev.cameo, ev.source_actor) in aimed
            remark = ev.root == "01" and cand.tok.i in found
            other_reading = id(cand) not in from_finder and (cand.tok.i, ev.source, ev.target) in eased
            if untargeted or remark or other_reading:
                self.trace.drop(ev, "coder.finder_reading", cand.fired)
                self.trace.fired.pop(ev.event_id, None)
            else:
                kept.append(ev)
        return kept

    def _events_of(self, doc: Doc, sent: Span, idx: int, trig: Trigger, actors: syntax.Actors, *, doc_id: str,
                   published: date | None) -> list[Event]:
        """The events of one trigger: its parties (events/arguments.py), their pairs (events/pairs.py), its
        code, negation and modality (events/qualifiers.py), confidence, date and span."""
        tok = trig.tok
        args = find_arguments(trig, sent, actors, lexicon=self.lexicon, ontology=self.ontology)
        if args is None:
            return []
        srcs, tgts, fallback = args.sources, args.targets, args.stand_in
        pairs = pairs_of(trig, srcs, tgts, actors, stand_in=fallback)
        code, negated, modality = qualify(trig, srcs, actors, ontology=self.ontology, stand_in=fallback,
                                          ultimatum=args.ultimatum)
        confidence = 0.85 if trig.entry.specificity else 0.75
        if tok.pos_ not in ("VERB", "AUX"):
            confidence -= 0.1
        if not tgts:
            confidence -= 0.1
        if fallback:
            confidence -= 0.15
        when, precision = self._date_of(sent, tok, published)
        positions = [tok.i] + [t.i for t in args.tokens if sent.start <= t.i < sent.end]
        for m in srcs + tgts:
            if not isinstance(m, Implied):  # an implied party has no words in the sentence
                positions += [m.start, m.end - 1]
        lo = max(min(positions), sent.start)
        hi = min(max(positions), sent.end - 1)
        span = (doc[lo].idx, doc[hi].idx + len(doc[hi].text))
        trigger_text = trigger_words(trig)
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
            source=source.actor_code[:3], source_actor=source.actor_code, source_name=mention_name(source),
            target=target_actor[:3] if target_actor else None, target_actor=target_actor,
            target_name=mention_name(target) if target is not None else None,
            cameo=code, root=info.root, quad=info.quad, goldstein=info.goldstein,
            plover=info.plover, plover_mode=info.plover_mode, negated=negated, modality=modality,
            # a phrase across a blanked Markdown link (nlp.markdown_links) is shown with single spaces
            confidence=confidence, trigger=" ".join(trigger.split()) if "  " in trigger else trigger, text=sent.text,
            span=span,
        )

    def _date_of(self, sent: Span, tok: Token, published: date | None) -> tuple[date | None, str | None]:
        best = timing.nearest_date(sent, tok, published)
        if best is not None:
            return best.date, timing.event_precision(best.precision)
        if published is not None:
            return published, "doc"
        return None, None

    # ---------------------------------------------------------------------------------------------
    def _classify(self, doc: Doc, silent: list[tuple[int, Span]], actors: syntax.Actors, *, doc_id: str,
                  published: date | None, pairs: dict[int, tuple[Any, Any]] | None = None) -> list[Event]:
        """The classifier's root for sentences the lexicon is silent on; its events pass the named rules too
        (a question, a hedge or an idiom is no act whoever proposes it)."""
        candidates = []
        for idx, sent in silent:
            root = sent.root
            if root.pos_ not in ("VERB", "AUX") or timing.is_caption(doc, sent, root):
                continue  # rule timing.caption: a photo caption carries no event
            if root.lemma_.lower() == "be":
                continue  # a copular sentence states how things are ("trade was $245 billion"), no act
            srcs, _, _ = syntax.subjects(root, actors)
            if srcs:
                candidates.append((idx, sent, root, srcs))
        if not candidates:
            return []
        from multipolar.events.classifier import classified_pairs

        out = []
        predictions = self.classifier.predict([c[1].text for c in candidates])
        for (idx, sent, root, srcs), (label, prob) in zip(candidates, predictions, strict=True):
            if prob < self.settings.classifier_threshold or label in ("01",):
                continue
            code = label + "0"
            if code not in self.ontology:
                continue
            tgts, _ = syntax.objects(root, actors)
            when, precision = self._date_of(sent, root, published)
            span = (sent.start_char, sent.end_char)
            for s, t in classified_pairs(srcs, tgts):
                ev = self._event(doc_id=doc_id, sentence=idx, sent=sent, source=s, target=t, code=code,
                                 negated=mood.is_negated(root), modality=mood.modality_of(root),
                                 confidence=round(prob * 0.8, 3), trigger=root.text, span=span,
                                 when=when, precision=precision)
                cand = Candidate(ev, root, sent, doc, actors, published, self, pairs=pairs or {},
                                 fired=["classifier.root"])
                judged = judge(cand, self.rules, self.trace)
                if judged is not None:
                    out.append(judged)
        return out


@lru_cache(maxsize=512)
def quantity_starts(text: str) -> list[int]:
    """Where the claims' number phrases start: their pieces are parsed too (rule `actor_paragraphs`)."""
    return [q.start for q in find_quantities(text)]


def _default_resolver(actor_files: str = "") -> Any:
    from multipolar.actors.gazetteer import Gazetteer
    from multipolar.actors.resolver import ActorResolver

    extra = [part.strip() for part in actor_files.split(",") if part.strip()]
    return ActorResolver(Gazetteer.load(extra_files=extra))
