"""Which code and which settings made each derived row: stage versions and settings hashes, in one place.

A stage's version is a short string bumped by hand whenever the stage's output for the same input would
change (new rules, a retrained model, new data files); its settings hash is a stable hash of only the
settings that shape its output (`STAGE_SETTINGS`), plus the contents of user files those settings name.
Settings that only change how fast work runs, what is accepted at the door, or how stored rows are
counted when read (relations, reports) are in `NOT_STORED`; `tests/test_provenance.py` fails when a
setting is in neither, so a new setting has to be placed.

Per-document stages (`DOCUMENT_STAGES`) are stamped on each document: `documents.clean_run`,
`events_run`, `claims_run` hold the run that made its rows of that stage, and the run's version and
hash live once in `stage_runs` (store/provenance.py says why). Cross-document stages are recorded as runs
too, and stamp the rows they write with their run (`store.provenance.CROSS_RUN_COLUMN`: a document's
near-duplicate, spun and story fields, an event's canonical group, a story, a claim group).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from multipolar.settings import Settings

DOCUMENT_STAGES = ("clean", "events", "claims")
CROSS_STAGES = ("near_duplicates", "spun", "stories", "dedup", "claim_groups")

STAGE_VERSIONS: dict[str, str] = {
    # per document
    "clean": "4",  # decode, HTML main text, metadata, publication date, language, flags (2: labelled dates; 3: title and site as the page declares them, a dateline opening the lead paragraph, "Publiziert am"; 4: html.link_list, bullet lines that are a list item of links alone)
    "events": "42",  # sentences, actor mentions, events (coder, rules, act model, dates); 2: date_flag; 3: modality.sport, act model retrained (plover=none, embedding weight by CV);
    #              4: parse_only_actor_paragraphs (rule actor_paragraphs: only the pieces that can hold an act are parsed, sentences cut at their edges);
    #              5: role and anaphora rules (roles.response_target, place_of_assault, relatum_not_source, patient_noun,
    #              self_target, modifier_target, place_not_source, signed_instrument; anaphora.pronoun_it, object_pronoun, prior_agent, prior_partner)
    #              6: timing.landmark, timing.this_year, caption by line, stamp/since redate; anaphora.pair_both, "they" pairs; clauses.prior_act
    #              7: not-acts, polarity and trade rules (modality.plan, statement_topic; polarity.alignment; trade.tariff_act,
    #              struck_with, faced, officials on sanctions lists; coder.finder_reading; classifier guesses judged by the
    #              rules), US sanctioning departments in the gazetteer (act model unchanged)
    #              8: clauses.coordinated_act; issuer.site, issuer.self_reference, issuer.official_title (an official
    #              statement's "I", "we", "my Administration", "this order" and its offices' titles are its own government,
    #              with event_official_sources; url/outlet read)
    #              9: lexicon nouns of forcible acts (capture, military operation/action/intervention, aggression);
    #              clauses.prior_clause (act model unchanged)
    #              10: act model over PLOVER types + NONE, model.retype; name-place and pair-count features; more labels
    #              11: actors.us_state ("Atlanta, Georgia" is the US state, not GEO), actors.one_national ("a Turk" is
    #              no actor), the British Treasury GBRGOV (HM Treasury, "Britain's Treasury"), issuer.official_title not
    #              before in/of another country ("the Treasury in London")
    #              12: timing.statute, timing.other_clause, timing.recalled; clauses.speaker_frame (with event_official_sources), roles.topic_of_talk
    #              13: trade.dealings_object (a state named only in "over its purchases of"/"for buying"/"over its war in" is not the target),
    #              trade.ordered_measure ("ordered an extra tariff" imposes it: 163, not a demand)
    #              14: Virginia, Maine and "Washington state" are places in the United States (gazetteer)
    #              15: actors.other_forename ("Simon Harris" is not Kamala Harris)
    #              16: Irish leaders and titles (gazetteer); roles.host_place, roles.proposed_act, roles.apposition_relatum,
    #              modality.warning, modality.ordered_posture, trade.threatened_measure, polarity.deadline,
    #              anaphora.they_meeting, roles.listed_states (targets), lexicon (stand with, hold accountable, commit war crimes);
    #              act model retrained
    #              17: syntax.split_coordination, roles.topic_of_pair/host_place retarget to the other subject, between-phrase
    #              on a verbal trigger's subject or object, polarity.commitment_support; act model retrained on 13,406 units
    #              18: timing.interval, timing.planned_clause, syntax.bracketed_list, roles.host_place drops a non-capital
    #              city, model.retype keeps an appeal an appeal; parties.news_outlet, co_mediators, people_not_state,
    #              anaphora.meeting_pair without the host, trade.headline_passive; pairs.mutual_with, anaphora.pair_mutual,
    #              syntax.hyphen_pair, anaphora.pair_pronoun, syntax.subject_list; polarity.why_question, naming,
    #              joined_forces, welcomed_decision; parties.document_text, co_signers; modality.possible_outcome;
    #              clauses.warned_addressee, triggers.restated_object, 019 symmetric, lexicon phrases (root model refitted);
    #              trade.rate_schedule, aid_cutoff, tariff_act on a share, coder.finder_reading on easings; timing.anchor_clause
    #              19: model.future_statement, roles.stand_in_modifier, parties.with_partners, timing.landmark_reference,
    #              polarity.opponent_target; groups.members, groups.pairwise, trade.continued_measure, national_emergency,
    #              emergency_measure, 'impose consequences on' (root model refitted); 'hold' no meeting word alone;
    #              a colon-headed bulleted list split one sentence per item; roles.topic_of_talk keeps a club's talks
    #              20: parties.document_text (drafts that seek to postpone), imposers.background_measure, fellow_targets,
    #              trade.eased narrowed, anaphora.state_pronoun, modality.standing_relation; talks.topic_partner,
    #              talks.exchange, talks.with_partner, topics.own_act, syntax.subject_list for three or more, syntax.subject_place
    #              21: actors.named_accord ("the Paris Agreement" names no actor), roles.host_place for a city naming a
    #              meeting, modality.plan on a meeting noun ("is set to make a visit", "the next round of talks"),
    #              parties.headline_passive, the attack a passive shares with its conjunct names the attacker;
    #              modality.question without its question mark ("Q Did Norway sanction ..."), syntax.actor_of prefers
    #              whom a person stands for ("of Norway") over where they are ("at the White House"); a headline's
    #              colon between two clauses starts a sentence (nlp/pipeline.py headline_colon); a headline's "Brazil,
    #              Chile condemn ..." names two subjects (syntax._headline_pair)
    #              22: anaphora.trailing_speaker, syntax.phrase_owner, syntax.list_tail, roles.reason_for,
    #              roles.received_thing, a receiving verb's giver also when "from X" hangs on the object; brief/update/
    #              inform as consultations (root model refitted); a show of force around/off/inside a state is aimed
    #              at it; no stand-in target that is the source's own state or place, or in an "after doing" clause;
    #              actors.place_forename ("President Santiago Peña" is no Chilean actor); timing.recalled cues;
    #              intent over an accusation is a threat; lexicon
    #              'hold to account' (1121), 'sanctions regime/package/programme' (163) (root model refitted);
    #              modality.topic_noun keeps one assault whose phrase names its attacker ("a Ukrainian drone strike
    #              sparked a fire"), roles.place_of_assault reads where through the verb it is the subject of
    #              23: timing.framing_instrument, timing.experience, recall cues 'remember'/'in the beginning';
    #              syntax.phrase_owner for a restating verb ("reaffirmed Japan's commitment to ..."), lexicon 'commitment
    #              to the defense/defence of' (051; root model refitted); syntax.passive_own_subject, roles.occasion_agent;
    #              nlp.paragraph_end (a blank line always ends a sentence: a headline is no longer read with its lead);
    #              clauses.spoken_purpose, roles.listed_states on a capitalised group noun, issuer.official_title beside
    #              a coordinated leader, timing.recalled not on the act's own clause, lexicon 'reassure of', 'keep
    #              informed', 'send/dispatch/deliver a letter/message' (040; root model refitted), roles.received_message,
    #              roles.support_recipient, actors.titled_name (a titled person the gazetteer does not know, and surname),
    #              modality.scheduled (an intended meeting dated after the publication is a schedule),
    #              polarity.recognition_object (recognising what is no state or government is no recognition);
    #              24: actors.local_acronym (an acronym the text defines is not the gazetteer's actor of those letters),
    #              roles.condemned_victim, roles.stand_in_object, parties.co_doers (copies for states acting "together
    #              with" the source), parties.act_not_speaker, lexicon 'leave' not with 'without', modality.topic_noun
    #              keeps an owned military operation, incursion or offensive, headlines.present_act (a headline's act
    #              read by word order where the parse gave none), gazetteer heads of state, the Holy See, forms of address,
    #              pairs.co_attackers, syntax.nearest_party, backing_phrase, actors.named_institution; the act model
    #              retrained (threshold 0.2 by CV); clauses.named_act with the place of force, roles.received_act,
    #              syntax.force_origin, roles.weapon_owner, model.retype_no_force, lexicon 'go' not with an infinitive
    #              25: syntax.own_conjunct, actors.sector_sense, clauses.spoken_purpose on a noun act, lexicon
    #              'voice concern over', 'express opposition', 'opposition to' (root model refitted), timing.recalled
    #              on the past progressive and 'remember', anaphora.pair_partner 'together', 057 typed AGREE,
    #              trade.headline_passive not for 'retaliate', clauses.occasion_act, modality.topic_noun keeps talks
    #              that ended, roles.signed_instrument on a parsed subject, actors.named_accord amendments,
    #              actors.shared_sector, modality.standing_agreement, trade.conditional_threat not in a past
    #              counterfactual, timing.comparison, timing.antecedent_day; the act model retrained
    #              26: triggers.handover_noun (a weapon's act is the noun that hands it over, also under a verb of
    #              judging), drones/shells/munitions/interceptors handed over (072) and drones or missiles sent into a
    #              state (19x), numbers of what follows "of" ("sent dozens of drones"); actors.titled_name in its "of"
    #              form ("Prime Minister Jane Doe of Peru"); clauses.named_act not under 'block'/'veto' (root model refitted);
    #              syntax.object_venue, triggers.conveyed_object, roles.owned_object_to, lexicon 'best wishes', 'ram';
    #              timex.own_independence_day; syntax.club_object, roles.released_from, clauses.named_act on 'to'/'for',
    #              triggers.own_act_judged, anaphora.possessive_subject, syntax.conjoined_prep, imposers.facing_threat,
    #              as_allegation not for a hypothetical act, lexicon 'suggest', 'reprieve', a share of a measure eased,
    #              imposers.state_economy, lexicon designations (163)
    #              27: clauses.purpose_parties, modality.headline_future, syntax.is_negated on scant acts, utmost objects,
    #              lexicon meeting a requirement, modality.posed_threat, clauses.second_clause, topics.own_act for talks to
    #              come, actors.us_state titles and 'state and local', actors.native_american, allegations denied between,
    #              modality.scheduled intents to meet, roles.controlled_subject, parties.unnamed_partner,
    #              clauses.joint_work, clauses.call_conjunct, lexicon 'convey appreciation' (root model refitted),
    #              clauses.named_act on pledges, polarity.unrealised 'call for', modality.plan 'ahead of'/'previewed',
    #              parties.unnamed_partner on verbs of meeting; the act model retrained
    #              28: syntax.naming_apposition, syntax.gapped_recipients, anaphora.judged_possessive, lexicon 'troops
    #              march' (root model refitted), parties.travel_advice, modality.future_meeting,
    #              actors.other_given_name, modality.standing_agreement 'consistent with'; mood.py split from syntax.py
    #              29: trade.measure_blow, timing.since on a month without its year, polarity.naming on "called the
    #              talks useful", polarity.welcomed_decision on a state's leadership or role
    #              30: anaphora.they_meeting continues a pair subject, roles.gift_recipient, classifier.root on each
    #              listed target
    #              31: syntax.participle_patient, clauses.as_allegation on coercion, a pronoun's governing clause may be
    #              passive, lexicon "attack X for doing" (111) and topple / depose / overthrow (170; root model refitted)
    #              32: roles.patient_noun leaves a headline's verb the parser read as a noun ("after US captures Maduro")
    #              33: syntax.fronted_topic ("On Ukraine, ..."), actors.named_accord through one more word ("the Paris
    #              Climate Accord")
    #              34: actors.person_surname ("Deputy Attorney General Lisa O. Monaco" names no act of Monaco)
    #              35: modality.hedge leaves a noun act naming its doer that the hedged clause's subject underwent
    #              36: actors.dateline ("[ENA] Addis Ababa -- China's Foreign Minister ..." names no Ethiopian act)
    #              37: actors.dateline needs a spaced or long dash ("Moscow-backed officials" was taken for a dateline)
    #              38: anaphora.subject_pair ("the two leaders" after "A and B spoke ... A told B of his talks with C" is
    #              A and B, not B and C); antecedent finders moved to antecedents.py
    #              39: timing.since_span (a present-perfect act over a span begun in an earlier month is undated)
    #              40: imposers.ultimatum ("said Russia had 50 days to agree or face tariffs" threatens Russia)
    #              41: allegations.accused_deed ("denied allegations of arming Russia" is no act toward Russia);
    #              --explain names clauses.as_allegation; syntax.place_country ("in Munich, Germany" is no party);
    #              roles.thing_origin ("deliveries of American weapons": the US gave them); parties.unnamed_partner
    #              widened (no target from the object or from a topic hung on the partners)
    #              42: nlp.markdown_links (a link's marks and address are blanked before parsing);
    #              modality.standing_relation inverted (a relation noun is an act only when made or changed);
    #              lexicon condition obj: ("met the needs" is no meeting); talks.joint_meeting; roles.place_not_source
    #              reads syntax.place_country; actors.titled_name: "President Doe" later is the Jane Doe named in
    #              full, over a bare title its sentence's country placed; lexicon: halting supplies or exports to a
    #              state is an embargo (163), root model refitted on the new examples; actors.title_anaphor ("the
    #              Prime Minister" is the person last named with that title)
    "claims": "17",  # numeric claims, from the stored text and sentences (2: subject, target, kind, scope;
    #              3: periods.py - current_annual_level, base figures own their period, figure_kind;
    #              4: sentences of the lean parse, parse_only_actor_paragraphs;
    #              5: kinds range, cumulative, rate and vague; part_of_country and qualified_measure
    #              scopes; compound_head "trade deficit"; 6: tolls.py toll_as_of - a toll's period is its
    #              publication day, toll_incident its scope; bullet_items - a bullet or a run of spaced
    #              hyphens starts a new claim sentence; kinds initial_stop - "U.S." ends no clause;
    #              measure_in_goods - "trade deficit in agriculture" scopes the figure;
    #              7: the gazetteer's British Treasury names (HM Treasury) in the country matcher;
    #              8: title_claims - the title is read for claims too (sentence -1); quantities spoken_figures,
    #              scaled_sum ("1 trillion 500 billion dollars"), restarted_figure; every form of the change verbs;
    #              attributive_figure, name_not_measure, rate_reading;
    #              9: kinds target_not_level (a target, goal, plan, "could"/"set to" figure is a forecast),
    #              periods half_year ("first half of 2023" -> 2023-H1) and fiscal_year (FY2023), partners.py
    #              trade_partner (the country after "to"/"from"/"with" of a directed flow is the target) and
    #              group_scope ("unemployment among young workers"), measure_in_goods by "of" ("imports of steel"))
    #              10: a claim's target list split at bracketed figures (rule syntax.bracketed_list, shared with events)
    #              11: sentences of the parse: a colon-headed bulleted list is one sentence per item
    #              12: the actor resolver's actors.named_accord (a city naming an accord is no subject or target);
    #              a headline's colon between two clauses starts a sentence
    #              13: the actor resolver's actors.place_forename (a city as a forename after a title is no actor)
    #              14: the actor resolver's actors.person_surname (a country's name after a forename is no actor)
    #              15: the actor resolver's actors.dateline (a city opening a report's dateline is no actor)
    #              16: actors.dateline needs a spaced or long dash (not "Moscow-backed")
    #              17: nlp.markdown_links (the sentences claims read have a link's marks and address blanked)
    # across documents
    "near_duplicates": "1",
    "spun": "5",  # 2: pair counts against chance, refitted model; 3: slot rates (slot_gaps), refitted with 9 spinners and a cross-validated threshold; 4: against an original, swaps judged by count and share (spelling variants, moved days and the ends not counted); 5: capitalised words of prose lines paired too (collocations._judged), refitted
    "stories": "7",  # 2: a document's own publication day only (none inferred; a story's from its members); 3: story_max_span_days;
    #                4: stories.bridge_merge (stored stories a new document bridges merge; story_merges),
    #                   a stored story's lexical mean with its members' actor codes;
    #                5: stories.revisit (the stored stories a batch touched are clustered again with it)
    #                6: stories.fold_years (days named without a year are compared with and joined to firm
    #                   dates in the year nearest them, never in the year guessed from the batch)
    #                7: timex.own_independence_day ("Ghana's Independence Day" is no Fourth of July)
    "dedup": "2",
    "claim_groups": "6",  # 2: one group per quantity (measure, unit, subject, target, kind, scope); 3: stated_precision; 4: single_toll (tolls.py: a toll with its incident named); 5: regrouped over claims 8 (titles read); 6: approximate_round ("about $700 billion" is rounded to the hundred billion), regrouped over claims 9
}

STAGE_SETTINGS: dict[str, tuple[str, ...]] = {
    "clean": ("min_text_chars", "language_sample_chars", "english_only", "max_markup_tags"),
    "events": ("spacy_model", "max_sentence_tokens", "goldstein_variant", "actor_files", "plover_types",
               "classifier_threshold", "event_classifier", "event_lexicon", "event_model", "event_model_retype",
               "event_pair_model", "event_main_only", "event_official_sources",
               "event_date_future_days", "event_date_earliest_year", "parse_only_actor_paragraphs",
               "story_max_tokens", "story_lead_chars"),  # the story embedding of title and lead
    "claims": ("spacy_model", "actor_files", "parse_only_actor_paragraphs"),  # the parse and the actor matches give a claim its roles
    "near_duplicates": ("near_duplicate_threshold", "near_duplicate_num_perm", "near_duplicate_shingle",
                        "near_duplicate_containment"),
    "spun": ("spun_threshold",),
    "stories": ("story_window_days", "story_window_margin", "story_horizon_days", "story_max_span_days",
                "story_threshold", "story_embedding_weight", "story_undated_margin",
                "story_event_date_margin", "story_later_event_days", "story_lead_chars", "story_chunk_size",
                "story_revisit"),  # lead: lexical vectors
    "dedup": (),
    "claim_groups": ("claim_tolerance",),
}

# settings whose value names files: the files' contents count, not only their names
FILE_SETTINGS = frozenset({"actor_files", "event_lexicon"})

NOT_STORED = frozenset({
    # what is accepted at the door (a refused input has no document to re-derive)
    "max_bytes", "http_connect_timeout", "http_read_timeout", "http_max_redirects", "http_retries",
    "http_backoff", "user_agent", "allow_private", "http_deadline", "max_decompressed_bytes", "max_json_depth",
    "csv_max_cell_chars", "follow_symlinks", "document_time_limit", "document_time_limit_chars",
    # how fast, in how much memory
    "batch_size", "store_memory_limit", "workers", "nlp_batch_size", "nlp_batch_chars", "analysis_batch_chars",
    "embedding_threads", "backend", "ray_address", "story_vectors_in_analysis",
    # the watcher: when to poll, and the alert rules judged over the stored events (alerts keep their own detail)
    "watch_backoff_cap", "alert_band_k", "alert_min_documents", "alert_min_periods", "alert_sd_floor",
    # applied when stored rows are read: relations, reports
    "event_min_probability", "dead_band", "weight_by_mentions", "exclude_spun", "sign_baseline", "baseline_window",
    "edge_prior_documents", "edge_document_sd", "outlet_correlation", "sign_credibility", "edge_mirror_once", "count_negated",
    "count_hypothetical", "count_ingest_dated", "shift_penalty", "report_top_events",
})

# the stages each reanalyse choice re-derives, in order, and the stages its writes stamp
REANALYSE_CHOICES = ("all", "clean", "events", "claims")
_WRITES = {"clean": ("clean",), "events": ("events", "claims"), "claims": ("claims",)}


@dataclass(frozen=True)
class Fingerprint:
    """What made (or would make) a stage's output: its version and its settings."""

    stage: str
    version: str
    settings_hash: str
    settings: dict[str, Any]


def stage_settings(settings: Settings, stage: str) -> dict[str, Any]:
    """The settings that shape `stage`'s output, with a digest of the files a file setting names."""
    values: dict[str, Any] = {}
    for name in STAGE_SETTINGS[stage]:
        value = getattr(settings, name)
        values[name] = value
        if name in FILE_SETTINGS and value:
            values[f"{name}:sha256"] = [_file_digest(part.strip()) for part in str(value).split(",") if part.strip()]
    return values


def fingerprint(settings: Settings, stage: str) -> Fingerprint:
    values = stage_settings(settings, stage)
    text = json.dumps(values, sort_keys=True, separators=(",", ":"), default=str)
    digest = hashlib.sha256(f"{stage}\n{text}".encode()).hexdigest()[:16]
    return Fingerprint(stage, STAGE_VERSIONS[stage], digest, values)


def fingerprints(settings: Settings, stages: tuple[str, ...]) -> dict[str, Fingerprint]:
    return {stage: fingerprint(settings, stage) for stage in stages}


def reanalysed_stages(choice: str) -> tuple[str, ...]:
    """The per-document stages `reanalyse --stage choice` re-derives, in the order they run."""
    return DOCUMENT_STAGES if choice == "all" else (choice,)


def written_stages(choice: str) -> tuple[str, ...]:
    """The stages whose stamps a reanalysis of `choice` writes (re-coding events rewrites claims too)."""
    out: list[str] = []
    for stage in reanalysed_stages(choice):
        out += [s for s in _WRITES[stage] if s not in out]
    return tuple(out)


def _file_digest(path: str) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
    except OSError:
        return "unreadable"


class RunLog:
    """One run in the store's history (`stage_runs`): started when first asked for its id, so a run that
    writes nothing leaves no row; `finish` records its end and the documents each stage wrote."""

    def __init__(self, store: Any, *, command: str, scope: str, stages: tuple[str, ...], settings: Settings,
                 run_id: int | None = None) -> None:
        self.store = store
        self.command = command
        self.scope = scope
        self.prints = fingerprints(settings, stages)
        self.documents = dict.fromkeys(stages, 0)
        self._id = run_id

    @property
    def id(self) -> int:
        if self._id is None:
            from multipolar.store.provenance import start_run

            self._id = start_run(self.store, command=self.command, scope=self.scope, prints=list(self.prints.values()))
        return self._id

    def start(self) -> int:
        return self.id

    @property
    def started(self) -> bool:
        return self._id is not None

    def count(self, stage: str, n: int) -> None:
        self.documents[stage] = self.documents.get(stage, 0) + n

    def finish(self, status: str = "done") -> None:
        if self._id is not None:
            from multipolar.store.provenance import end_run

            end_run(self.store, self._id, documents=self.documents, status=status)
