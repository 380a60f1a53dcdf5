"""The store's tables, and the migrations that bring an older store up to date.

`MIGRATIONS[i]` takes a store from schema version i to i+1. Raw documents are never touched by a
migration; derived tables may be dropped and rebuilt by re-processing.
"""

from __future__ import annotations

_V1 = [
    """
    CREATE TABLE IF NOT EXISTS meta (
        key VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS documents (
        doc_id VARCHAR PRIMARY KEY,
        source_uri VARCHAR NOT NULL,
        raw BLOB NOT NULL,
        raw_format VARCHAR NOT NULL,
        fields JSON,
        ingested_at TIMESTAMP NOT NULL,
        cleaned_by VARCHAR,
        input_id VARCHAR,
        title VARCHAR,
        author VARCHAR,
        outlet VARCHAR,
        url VARCHAR,
        published DATE,
        published_from VARCHAR,
        language VARCHAR,
        is_english BOOLEAN,
        encoding VARCHAR,
        text VARCHAR,
        removed JSON,
        boilerplate_removed DOUBLE,
        flags JSON,
        extra JSON,
        spun_score DOUBLE,
        spun BOOLEAN,
        spun_evidence JSON,
        near_duplicate_of VARCHAR,
        story_id VARCHAR,
        processed_by VARCHAR
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS rejections (
        source_uri VARCHAR NOT NULL,
        doc_id VARCHAR,
        stage VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        message VARCHAR NOT NULL,
        "at" TIMESTAMP NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS sentences (
        doc_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        PRIMARY KEY (doc_id, idx)
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS mentions (
        doc_id VARCHAR NOT NULL,
        sentence INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        actor_code VARCHAR NOT NULL,
        person VARCHAR
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS events (
        event_id VARCHAR PRIMARY KEY,
        doc_id VARCHAR,
        sentence INTEGER,
        date DATE,
        date_precision VARCHAR,
        source VARCHAR NOT NULL,
        source_actor VARCHAR NOT NULL,
        source_name VARCHAR,
        target VARCHAR,
        target_actor VARCHAR,
        target_name VARCHAR,
        cameo VARCHAR NOT NULL,
        root VARCHAR NOT NULL,
        quad INTEGER NOT NULL,
        goldstein DOUBLE NOT NULL,
        plover VARCHAR,
        plover_mode VARCHAR,
        negated BOOLEAN NOT NULL,
        modality VARCHAR NOT NULL,
        confidence DOUBLE NOT NULL,
        trigger VARCHAR,
        text VARCHAR,
        span_start INTEGER,
        span_end INTEGER,
        story_id VARCHAR,
        mentions INTEGER NOT NULL DEFAULT 1,
        canonical_id VARCHAR,
        origin VARCHAR NOT NULL DEFAULT 'multipolar',
        url VARCHAR,
        num_mentions INTEGER,
        num_sources INTEGER,
        num_articles INTEGER
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS claims (
        claim_id VARCHAR PRIMARY KEY,
        doc_id VARCHAR NOT NULL,
        sentence INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        value DOUBLE NOT NULL,
        unit VARCHAR NOT NULL,
        measure VARCHAR NOT NULL,
        subject JSON,
        period VARCHAR,
        attribution VARCHAR,
        sentence_text VARCHAR,
        group_id VARCHAR
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS claim_groups (
        group_id VARCHAR PRIMARY KEY,
        measure VARCHAR NOT NULL,
        unit VARCHAR NOT NULL,
        subject JSON,
        status VARCHAR NOT NULL,
        reason VARCHAR,
        n_claims INTEGER NOT NULL,
        n_documents INTEGER NOT NULL,
        min_value DOUBLE,
        max_value DOUBLE
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS stories (
        story_id VARCHAR PRIMARY KEY,
        title VARCHAR,
        first_date DATE,
        last_date DATE,
        actors JSON,
        n_documents INTEGER NOT NULL,
        centroid FLOAT[]
    )
    """,
]

# `multipolar watch`: per-source poll state, per-file state of watched folders, and the alerts raised
_V2_WATCH = [
    """
    CREATE TABLE IF NOT EXISTS watch_sources (
        url VARCHAR PRIMARY KEY,
        kind VARCHAR NOT NULL,
        etag VARCHAR,
        last_modified VARCHAR,
        last_polled TIMESTAMP,
        last_ok TIMESTAMP,
        failures INTEGER NOT NULL DEFAULT 0,
        next_poll TIMESTAMP,
        last_error VARCHAR,
        last_status VARCHAR,
        last_item VARCHAR
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS watch_files (
        path VARCHAR PRIMARY KEY,
        source VARCHAR NOT NULL,
        size BIGINT NOT NULL,
        mtime_ns BIGINT NOT NULL,
        sha256 VARCHAR NOT NULL,
        seen_at TIMESTAMP NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS watch_seen_events (
        scope VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        PRIMARY KEY (scope, event_id)
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS alerts (
        alert_id VARCHAR PRIMARY KEY,
        raised_at TIMESTAMP NOT NULL,
        kind VARCHAR NOT NULL,
        actors VARCHAR NOT NULL,
        period VARCHAR NOT NULL,
        summary VARCHAR NOT NULL,
        detail JSON,
        event_ids VARCHAR[] NOT NULL
    )
    """,
]

# provenance (see store/provenance.py): each document's clean, events and claims rows point to the run
# that made them; `stage_runs` keeps every run's stage version, settings hash and settings, its start and end
_PROVENANCE = [
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS clean_run INTEGER",
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS events_run INTEGER",
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS claims_run INTEGER",
    """
    CREATE TABLE IF NOT EXISTS stage_runs (
        run_id INTEGER NOT NULL,
        stage VARCHAR NOT NULL,
        version VARCHAR NOT NULL,
        settings_hash VARCHAR NOT NULL,
        settings JSON NOT NULL,
        command VARCHAR NOT NULL,
        scope VARCHAR NOT NULL,
        status VARCHAR NOT NULL,
        started_at TIMESTAMP NOT NULL,
        ended_at TIMESTAMP,
        documents INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (run_id, stage)
    )
    """,
]

# what a claim is about beyond its measure: on whom (`target`), level or change (`kind`), and which part
# of the measure (`scope`: "all" goods, "steel"); claims group only when all of these agree
_CLAIM_ROLES = [
    "ALTER TABLE claims ADD COLUMN IF NOT EXISTS target JSON",
    "ALTER TABLE claims ADD COLUMN IF NOT EXISTS kind VARCHAR",
    "ALTER TABLE claims ADD COLUMN IF NOT EXISTS scope VARCHAR",
    "ALTER TABLE claim_groups ADD COLUMN IF NOT EXISTS target JSON",
    "ALTER TABLE claim_groups ADD COLUMN IF NOT EXISTS kind VARCHAR",
    "ALTER TABLE claim_groups ADD COLUMN IF NOT EXISTS scope VARCHAR",
]

# an event's implausible date (events/timing.py): kept and shown, left out of relations; stores analysed before
# get the flag for the default bounds (2 days after publication for acts stated as done, the year 1900)
_DATE_FLAGS = [
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS date_flag VARCHAR",
    """
    UPDATE events SET date_flag = 'before_earliest_year'
    WHERE origin = 'multipolar' AND date IS NOT NULL AND year(date) < 1900
    """,
    """
    UPDATE events SET date_flag = 'after_published'
    FROM documents d
    WHERE d.doc_id = events.doc_id AND events.date_flag IS NULL AND events.origin = 'multipolar'
      AND events.modality IN ('asserted', 'reported') AND events.date > d.published + INTERVAL 2 DAY
    """,
]

# The near-duplicate index, kept so a new document is compared with the stored ones without re-hashing
# their texts (`clean.dedup`): each document's MinHash signature and add order, its LSH band keys, and
# the shingle-sample postings (a sample value's first documents, as `NearDuplicateIndex` keeps them).
_NEAR_DUP_INDEX = [
    """
    CREATE TABLE IF NOT EXISTS near_dup_signatures (
        doc_id VARCHAR PRIMARY KEY,
        ord BIGINT NOT NULL,
        minhash BLOB NOT NULL,
        n_samples INTEGER NOT NULL,
        indexed BOOLEAN NOT NULL
    )
    """,
    "CREATE TABLE IF NOT EXISTS near_dup_bands (band_key BLOB NOT NULL, doc_id VARCHAR NOT NULL)",
    "CREATE TABLE IF NOT EXISTS near_dup_postings (sample UINTEGER NOT NULL, doc_id VARCHAR NOT NULL)",
]

# Each analysed document's story embedding (title and lead, `stories.cluster.story_lead`), computed by the
# per-document stage so that story clustering only reads it; documents without a row are embedded there.
_STORY_VECTORS = [
    "CREATE TABLE IF NOT EXISTS story_vectors (doc_id VARCHAR PRIMARY KEY, vector FLOAT[] NOT NULL)",
]

# cross-document provenance (store/provenance.py, `stamp_cross_run`): the run that last set each row's
# cross-document result: a document's near-duplicate pointer, spun score and story; an event's canonical
# group; a story; a claim group. Rows made before this migration carry none.
_CROSS_RUNS = [
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS near_dup_run INTEGER",
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS spun_run INTEGER",
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS story_run INTEGER",
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS dedup_run INTEGER",
    "ALTER TABLE stories ADD COLUMN IF NOT EXISTS run INTEGER",
    "ALTER TABLE claim_groups ADD COLUMN IF NOT EXISTS run INTEGER",
]

# stored stories merged into others (rule `stories.bridge_merge`): the merged story's row goes, this
# record stays, so its id still leads to its documents (`store.stories.merged_into`)
_STORY_MERGES = [
    """
    CREATE TABLE IF NOT EXISTS story_merges (
        merged_id VARCHAR PRIMARY KEY,
        into_id VARCHAR NOT NULL,
        rule VARCHAR NOT NULL,
        similarity DOUBLE,
        n_documents INTEGER NOT NULL,
        run INTEGER
    )
    """,
]

MIGRATIONS: list[list[str]] = [_V1, _V2_WATCH, _PROVENANCE, _CLAIM_ROLES, _DATE_FLAGS, _NEAR_DUP_INDEX,
                               _STORY_VECTORS, _CROSS_RUNS, _STORY_MERGES]
SCHEMA_VERSION = len(MIGRATIONS)
