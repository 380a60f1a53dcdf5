"""The same corpus gives the same stored rows in a loop, in a pool of 2 processes and on a local Ray
with 2 CPUs (started for the run and stopped after it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from multipolar import Project

TEXTS = [
    "Russian President Vladimir Putin and Chinese President Xi Jinping held a video call on Tuesday, "
    "the Kremlin said.",
    "The United States imposed sanctions on two Russian oil companies on Friday, the Treasury said.",
    "China accused Washington of fuelling the war in Ukraine with arms sales, a spokesman said.",
    "Ministers from Brazil and India signed a trade agreement in New Delhi on Monday.",
    "Japan protested to China over a coast guard ship near disputed islands on Sunday.",
    "The European Union praised Canada for its aid to Ukraine at a summit in Brussels.",
]

COLUMNS = ("event_id", "doc_id", "source", "target", "cameo", "date", "sentence", "confidence", "canonical_id", "story_id")


def _corpus(folder: Path) -> Path:
    path = folder / "news.jsonl"
    lines = [json.dumps({"id": f"n{i}", "text": t, "date": f"2025-03-{i + 3:02d}", "title": f"Item {i}"})
             for i, t in enumerate(TEXTS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _events(tmp_path: Path, name: str, **settings: str) -> list[tuple]:
    corpus = _corpus(tmp_path)
    settings = {"batch_size": "2", "analysis_batch_chars": "300", **settings}
    with Project(tmp_path / f"{name}.duckdb", settings=settings) as project:
        project.ingest([corpus])
        project.analyse()
        frame = project.events().frame()
        return sorted(tuple(str(r[c]) for c in COLUMNS) for r in frame.records())


@pytest.mark.model
@pytest.mark.slow
def test_loop_pool_and_local_ray_store_the_same_events(tmp_path):
    import ray

    loop = _events(tmp_path, "loop", backend="loop")
    assert len(loop) >= 4, loop
    assert _events(tmp_path, "pool", backend="pool", workers="2") == loop
    assert _events(tmp_path, "ray", backend="ray", workers="2") == loop
    assert not ray.is_initialized(), "a Ray started for the run must be stopped after it"
