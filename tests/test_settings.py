from __future__ import annotations

from pathlib import Path

import pytest

from multipolar.errors import SettingsError
from multipolar.settings import Settings, describe, load_settings, markdown_table

DOCS = Path(__file__).resolve().parents[1] / "docs" / "settings.md"


def test_settings_docs_are_current():
    assert DOCS.read_text(encoding="utf-8") == markdown_table(), (
        "docs/settings.md is out of date: run `multipolar settings --format markdown > docs/settings.md`"
    )


def test_settings_every_setting_has_help():
    assert all(help_text.strip() for *_, help_text in describe())


def test_settings_override_converts_types():
    settings = Settings().with_overrides({"max_bytes": "10", "allow_private": "yes", "dead_band": "0.25"})
    assert (settings.max_bytes, settings.allow_private, settings.dead_band) == (10, True, 0.25)


def test_settings_collects_every_problem_before_failing():
    with pytest.raises(SettingsError) as info:
        Settings().with_overrides({"nope": "1", "max_bytes": "many", "allow_private": "perhaps"})
    message = str(info.value)
    assert "nope" in message and "max_bytes" in message and "allow_private" in message


def test_settings_environment_variables_apply(monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_BATCH_SIZE", "7")
    assert load_settings().batch_size == 7
    assert load_settings({"batch_size": "9"}).batch_size == 9
