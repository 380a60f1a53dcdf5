"""Quality and speed of multipolar.timex.find_dates on TimeML gold (TimeBank, AQUAINT).

    .venv/bin/python benchmarks/bench_dates.py [EVAL_DIR]

EVAL_DIR defaults to ../shared/eval/temporal beside the repository. Each record is one document:
``text``, ``dct`` (creation date, used as the anchor) and ``timexes`` (gold TIMEX3 with character
offsets, type and value). For every gold TIMEX3 of type DATE:
- found: some expression of ours overlaps its span;
- correct: an overlapping expression of ours has exactly the gold value.
Value accuracy = correct / gold DATEs; span recall = found / gold DATEs. Precision-ish = share of our
expressions that overlap any gold TIMEX3 (of any type). Our expressions never overlap each other.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from multipolar.timex import find_dates

FILES = ("timebank.jsonl", "aquaint.jsonl")
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "temporal"


@dataclass(slots=True)
class Score:
    gold: int = 0
    found: int = 0
    correct: int = 0
    ours: int = 0
    ours_overlapping: int = 0
    chars: int = 0
    seconds: float = 0.0

    def add(self, other: Score) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def accuracy(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.ours_overlapping / self.ours if self.ours else 0.0


def load_records(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score_records(records: list[dict]) -> Score:
    score = Score()
    for record in records:
        text = record["text"]
        anchor = dt.date.fromisoformat(record["dct"][:10])
        t0 = time.perf_counter()
        found = find_dates(text, anchor)
        score.seconds += time.perf_counter() - t0
        score.chars += len(text)
        golds = record["timexes"]
        score.ours += len(found)
        score.ours_overlapping += sum(
            any(x.start < g["end"] and g["start"] < x.end for g in golds) for x in found
        )
        for g in golds:
            if g["type"] != "DATE":
                continue
            score.gold += 1
            overlapping = [x for x in found if x.start < g["end"] and g["start"] < x.end]
            score.found += bool(overlapping)
            score.correct += any(x.value == g["value"] for x in overlapping)
    return score


def score_dir(eval_dir: Path) -> dict[str, Score]:
    scores = {name: score_records(load_records(eval_dir / name)) for name in FILES}
    combined = Score()
    for s in scores.values():
        combined.add(s)
    scores["combined"] = combined
    return scores


def main(argv: list[str]) -> int:
    eval_dir = Path(argv[1]) if len(argv) > 1 else DEFAULT_DIR
    scores = score_dir(eval_dir)
    print(f"{'file':<16} {'DATEs':>6} {'value_acc':>9} {'span_rec':>8} {'prec~':>6} {'chars/s':>10}")
    for name, s in scores.items():
        rate = s.chars / s.seconds if s.seconds else 0.0
        print(
            f"{name:<16} {s.gold:>6} {s.accuracy:>9.3f} {s.recall:>8.3f} {s.precision:>6.3f} {rate:>10,.0f}"
        )
    s = scores["combined"]
    print(
        f"throughput: {s.chars / s.seconds:,.0f} chars/s, {s.chars / s.seconds / 150:,.0f} sentences/s "
        "(150-char sentences)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
