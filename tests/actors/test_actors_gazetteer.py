"""The bundled actor gazetteer and users' extra files."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from multipolar.actors.gazetteer import BUNDLED_ACTORS, Gazetteer
from multipolar.errors import DataFileError


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def bundled_lines() -> list[dict]:
    return [
        json.loads(line) for line in BUNDLED_ACTORS.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def test_gazetteer_has_every_un_member_and_the_three_others(gazetteer: Gazetteer) -> None:
    assert len(gazetteer.countries) >= 196
    for code in ("TWN", "XKX", "PSE", "RUS", "CHN", "USA", "UKR", "TUV", "VCT"):
        assert code in gazetteer.countries


def test_gazetteer_country_codes_are_three_letters(bundled_lines: list[dict]) -> None:
    codes = [e["code"] for e in bundled_lines if e["kind"] == "country"]
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in codes)


def test_gazetteer_bundled_file_has_no_duplicate_codes_or_names(bundled_lines: list[dict]) -> None:
    codes = [e["code"] for e in bundled_lines if e["kind"] in ("country", "organisation")]
    names = [e["name"] for e in bundled_lines if e["kind"] == "person"]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))


def test_gazetteer_roles_have_ordered_iso_dates(bundled_lines: list[dict]) -> None:
    for entry in (e for e in bundled_lines if e["kind"] == "person"):
        assert entry["roles"], entry["name"]
        for role in entry["roles"]:
            start = date.fromisoformat(role["start"])
            if role["end"] is not None:
                assert date.fromisoformat(role["end"]) > start, entry["name"]
            assert role["title"] == role["title"].lower()


def test_gazetteer_every_role_actor_is_known(gazetteer: Gazetteer) -> None:
    for person in gazetteer.people.values():
        assert person.country in gazetteer.countries
        for role in person.roles:
            assert gazetteer.is_known_actor(role.actor), (person.name, role.actor)


def test_gazetteer_metonyms_map_to_their_own_country(gazetteer: Gazetteer) -> None:
    for country in gazetteer.countries.values():
        for _, code in country.metonyms:
            assert code.startswith(country.code)


def test_gazetteer_covers_the_named_people(gazetteer: Gazetteer) -> None:
    for name in (
        "Vladimir Putin",
        "Xi Jinping",
        "Donald Trump",
        "Joe Biden",
        "Sergey Lavrov",
        "Wang Yi",
        "Volodymyr Zelensky",
        "Benjamin Netanyahu",
        "Kim Jong Un",
        "Lai Ching-te",
        "Kaja Kallas",
        "Mark Rutte",
        "António Guterres",
        "Narendra Modi",
        "Sanae Takaichi",
        "Lee Jae-myung",
    ):
        assert name in gazetteer.people


def test_gazetteer_bad_user_file_lists_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "mine.jsonl"
    bad.write_text(
        "\n".join(
            [
                '{"kind": "country", "code": "Ru", "name": "Ruritania"}',
                "{not json",
                '{"kind": "planet", "name": "Mars"}',
                '{"kind": "person", "name": "A B", "roles": [{"actor": "RUSGOV", "title": "president", '
                '"start": "2020-01-02", "end": "2019-01-01"}]}',
                '{"kind": "person", "name": "C D", "roles": [{"actor": "QQQGOV", "title": "president", "start": "2020-01-02"}]}',
                '{"kind": "organisation", "code": "IGOX", "name": "X", "alias": ["Y"]}',
                '{"kind": "person", "name": "E F", "roles": [{"actor": "RUSGOV", "title": "President", "start": "May 2020"}]}',
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as caught:
        Gazetteer.load([bad])
    message = str(caught.value)
    for line in range(1, 8):
        assert f"{bad}:{line}:" in message
    assert "three upper-case letters" in message
    assert "not valid JSON" in message
    assert "ends (2019-01-01) on or before it starts" in message
    assert "'QQQ'" in message
    assert "unknown field 'alias'" in message
    assert "ISO date" in message and "lower-case" in message
    assert caught.value.exit_code == 4


def test_gazetteer_missing_user_file_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="file not found"):
        Gazetteer.load([tmp_path / "absent.jsonl"])


def test_gazetteer_user_file_adds_and_extends(tmp_path: Path) -> None:
    extra = tmp_path / "extra.jsonl"
    extra.write_text(
        "\n".join(
            [
                json.dumps(
                    {
                        "kind": "person",
                        "name": "Jane Example",
                        "country": "NZL",
                        "aliases": ["Example"],
                        "roles": [
                            {
                                "actor": "NZLGOV",
                                "title": "foreign minister",
                                "start": "2030-01-01",
                                "end": None,
                            }
                        ],
                    }
                ),
                json.dumps({"kind": "person", "name": "Vladimir Putin", "aliases": ["VVP"]}),
                json.dumps({"kind": "organisation", "code": "IGOARC", "name": "Arctic Council"}),
                json.dumps(
                    {
                        "kind": "country",
                        "code": "RUS",
                        "name": "Russia",
                        "metonyms": {"Smolensk Square": "RUSGOV"},
                    }
                ),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    gazetteer = Gazetteer.load([extra])
    assert gazetteer.people["Jane Example"].roles[0].actor == "NZLGOV"
    putin = gazetteer.people["Vladimir Putin"]
    assert "VVP" in putin.aliases and "Putin" in putin.aliases
    assert putin.role_on(date(2025, 1, 1)).actor == "RUSGOV"  # type: ignore[union-attr]
    assert "IGOARC" in gazetteer.organisations
    assert ("Smolensk Square", "RUSGOV") in gazetteer.countries["RUS"].metonyms
    assert ("Moscow", "RUSGOV") in gazetteer.countries["RUS"].metonyms


def test_gazetteer_user_role_with_same_start_replaces_the_bundled_one(tmp_path: Path) -> None:
    extra = tmp_path / "fix.jsonl"
    extra.write_text(
        json.dumps(
            {
                "kind": "person",
                "name": "Sergey Lavrov",
                "roles": [
                    {
                        "actor": "RUSGOV",
                        "title": "foreign minister",
                        "start": "2004-03-09",
                        "end": "2030-01-01",
                    }
                ],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    roles = Gazetteer.load([extra]).people["Sergey Lavrov"].roles
    assert len(roles) == 1 and roles[0].end == date(2030, 1, 1)


def test_person_role_on_picks_the_dated_role(gazetteer: Gazetteer) -> None:
    putin = gazetteer.people["Vladimir Putin"]
    assert putin.role_on(date(2010, 1, 1)).title == "prime minister"  # type: ignore[union-attr]
    assert putin.role_on(None).title == "president"  # type: ignore[union-attr]
    assert gazetteer.people["Joe Biden"].role_on(date(2025, 3, 1)) is None
