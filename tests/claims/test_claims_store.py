"""Writing and reading claims and claim groups."""

from __future__ import annotations

from dataclasses import replace

import duckdb
import pytest

from multipolar.claims.extract import extract_claims
from multipolar.claims.group import group_claims
from multipolar.store.claims import (
    read_all_claims,
    read_claim_groups,
    read_claim_rows,
    write_claim_groups,
    write_claims,
)
from multipolar.store.schema import MIGRATIONS

TEXTS = {
    "a": "China–Russia trade hit 220 billion dollars, Putin said.",
    "b": "Bilateral trade between China and Russia reached $245 billion in 2024.",
    "c": "Kenya sent 1,000 troops.",
}


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(":memory:")
    for statements in MIGRATIONS:
        for statement in statements:
            connection.execute(statement)
    return connection


def claims_of(doc_id: str) -> list:
    return extract_claims(doc_id=doc_id, text=TEXTS[doc_id], sentences=None, published=None)


def test_write_claims_round_trip(con: duckdb.DuckDBPyConnection) -> None:
    claims = [c for d in TEXTS for c in claims_of(d)]
    assert write_claims(con, claims) == 3
    assert read_all_claims(con) == sorted(claims, key=lambda c: (c.doc_id, c.start))


def test_write_claims_replaces_rows_of_affected_documents(con: duckdb.DuckDBPyConnection) -> None:
    write_claims(con, [c for d in TEXTS for c in claims_of(d)])
    write_claims(con, claims_of("a"), doc_ids=["a"])
    write_claims(con, [], doc_ids=["c"])
    assert sorted(c.doc_id for c in read_all_claims(con)) == ["a", "b"]


def test_write_claim_groups_sets_group_and_conflicts(con: duckdb.DuckDBPyConnection) -> None:
    write_claims(con, [c for d in TEXTS for c in claims_of(d)])
    groups = group_claims(read_all_claims(con), tolerance=0.05)
    assert write_claim_groups(con, groups) == 2
    assert write_claim_groups(con, groups) == 2  # rewriting replaces
    stored = read_claim_groups(con)
    assert stored == groups
    conflicts = read_claim_rows(con, conflicts=True)
    assert [r["doc_id"] for r in conflicts] == ["a", "b"]
    assert {r["status"] for r in conflicts} == {"different_periods"}
    assert conflicts[0]["subject"] == ["CHN", "RUS"]
    assert len(read_claim_rows(con)) == 3


def test_write_claims_keeps_target_kind_and_scope(con: duckdb.DuckDBPyConnection) -> None:
    (claim,) = claims_of("c")
    claim = replace(claim, subject=("USA",), target=("CHN",), kind="change", scope="steel")
    write_claims(con, [claim])
    write_claim_groups(con, group_claims([claim], tolerance=0.05))
    assert read_all_claims(con) == [claim]
    (group,) = read_claim_groups(con)
    assert (group.target, group.kind, group.scope) == (("CHN",), "change", "steel")


def test_the_claim_roles_migration_adds_its_columns_to_a_version_one_store() -> None:
    connection = duckdb.connect(":memory:")
    for statement in MIGRATIONS[0]:
        connection.execute(statement)
    connection.execute("INSERT INTO claims (claim_id, doc_id, sentence, start, \"end\", text, value, unit, measure) "
                       "VALUES ('k', 'd', 0, 0, 1, '5%', 5, 'percent', 'tariff')")
    for migration in MIGRATIONS[1:]:
        for statement in migration:
            connection.execute(statement)
    (claim,) = read_all_claims(connection)
    assert (claim.target, claim.kind, claim.scope) == ((), "level", None)
