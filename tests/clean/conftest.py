"""Fixtures of the clean tests: the shared seeds and evaluation files, read at run time.

A missing ../shared folder makes these tests fail (never skip): a CI that passes because real tests
were skipped is a failure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    assert path.exists(), f"{path} is missing: the clean tests read the shared seeds and eval files"
    return path


@pytest.fixture(scope="session")
def seeds() -> dict[str, Path]:
    folder = shared_path("seeds")
    found = {p.name[:3]: p for p in sorted(folder.glob("*.txt"))}
    assert len(found) == 5, f"expected five seed files in {folder}, found {sorted(found)}"
    return found
