"""The store's tables, and the migrations that bring an older store up to date.

`MIGRATIONS[i]` takes a store from schema version i to i+1. Raw documents are never touched by a
migration; derived tables may be dropped and rebuilt by re-processing.
"""

from __future__ import annotations

SCHEMA_VERSION = 2

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

# The near-duplicate index, kept so a new document is compared with the stored ones without re-hashing
# their texts (`clean.dedup`): each document's MinHash signature and add order, its LSH band keys, and
# the shingle-sample postings (a sample value's first documents, as `NearDuplicateIndex` keeps them).
_V2 = [
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

MIGRATIONS: list[list[str]] = [_V1, _V2]
