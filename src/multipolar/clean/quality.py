"""Per-document quality signals: machine-"spun" text, leftover boilerplate, non-Latin residue.

Article spinners replace words with dictionary "synonyms" one at a time, without regard to sense:
"think tank" becomes "assume tank", "Supreme Court" "Supreme Courtroom", "defence minister"
"protection minister", "Chinese officials" "Chinese language officials", "climate change" "local
weather change", "said" "mentioned". `spun_score` looks for such substitutions of frequent news words
with patterns kept in `data/spinner_patterns.tsv` (written for this project from general knowledge of
spinning tools, one pattern per line with a weight and a note) plus one distributional signal
(quotations attributed only with "mentioned"/"stated", never "said"), sums the weights of the
distinct patterns found, and maps the sum to [0, 1]: score = 1 − exp(−sum / 3).
Every hit is returned as evidence (the phrase as it appears), so a flag can always be explained.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from multipolar.errors import DataFileError

PATTERNS_FILE = Path(__file__).parent / "data" / "spinner_patterns.tsv"
_SCALE = 3.0


@dataclass(frozen=True, slots=True)
class SpunScore:
    score: float  # in [0, 1]
    spun: bool  # score >= settings.spun_threshold
    evidence: tuple[str, ...]  # the odd phrases found, as written


@dataclass(frozen=True, slots=True)
class QualityScores:
    """The visible per-document quality fields."""

    spun: SpunScore
    boilerplate_share: float  # share of lines that look like site chrome left in the clean text
    language_residue: float  # share of letters not in Latin script


@dataclass(frozen=True, slots=True)
class _Pattern:
    name: str
    weight: float
    regex: re.Pattern[str]


@lru_cache(maxsize=4)
def load_patterns(path: Path = PATTERNS_FILE) -> tuple[_Pattern, ...]:
    """Parse the pattern file: `name<TAB>weight<TAB>regex[<TAB>note]`; `#` starts a comment line."""
    if not path.is_file():
        raise DataFileError(f"spinner patterns: {path} does not exist; reinstall multipolar")
    patterns: list[_Pattern] = []
    problems: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            problems.append(f"line {number}: expected name, weight and regex separated by tabs")
            continue
        try:
            patterns.append(_Pattern(parts[0], float(parts[1]), re.compile(parts[2])))
        except (ValueError, re.error) as error:
            problems.append(f"line {number}: {error}")
    if problems:
        raise DataFileError(f"spinner patterns {path}: " + "; ".join(problems))
    return tuple(patterns)


# The distributional signal: in news copy a quotation is attributed with "said" far more often than with
# anything else; spinners swap every "said" for "mentioned" / "stated", so quotations attributed only
# with those verbs are odd even where no single phrase is.
_ATTRIBUTION = re.compile(r"[,.?!][\"”]\s+(said|says|mentioned|stated)\b|[\"”],?\s+(?:[A-Z][a-z]+ ){0,3}"
                          r"(?:[A-Z][a-z]+|he|she|they)\s+(said|says|mentioned|stated)\b")
_ATTRIBUTION_WEIGHT = 1.5


def _attribution_oddity(text: str) -> str | None:
    """Evidence when at least two quotations are attributed with 'mentioned'/'stated' and none with 'said'."""
    verbs = [(m.group(1) or m.group(2)) for m in _ATTRIBUTION.finditer(text)]
    swapped = sum(1 for v in verbs if v in ("mentioned", "stated"))
    plain = sum(1 for v in verbs if v in ("said", "says"))
    if swapped >= 2 and plain == 0:
        return f"quotations attributed with 'mentioned'/'stated' {swapped}×, with 'said' 0×"
    return None


def spun_score(text: str, *, threshold: float = 0.5) -> SpunScore:
    """Score how much `text` looks machine-spun; evidence lists each distinct odd phrase found."""
    found: dict[str, float] = {}
    evidence: list[str] = []
    for pattern in load_patterns():
        for match in pattern.regex.finditer(text):
            phrase = " ".join(match.group(0).split())
            key = pattern.name + ":" + phrase.lower()
            if key in found:
                continue
            # repeated hits of one pattern add less and less (1, 1/2, 1/3, ...)
            hits = sum(1 for k in found if k.startswith(pattern.name + ":"))
            found[key] = pattern.weight / (hits + 1)
            evidence.append(phrase)
    attribution = _attribution_oddity(text)
    if attribution:
        found["attribution:"] = _ATTRIBUTION_WEIGHT
        evidence.append(attribution)
    total = sum(found.values())
    score = 1.0 - math.exp(-total / _SCALE)
    return SpunScore(round(score, 4), score >= threshold, tuple(evidence))


_CHROME = re.compile(
    r"^(previous post|next post|share( this)?|tweet|comments?|leave a (reply|comment)|related (posts|articles)"
    r"|read more|subscribe|advertisement|sign up|log ?in|menu|home|tags?:|categor(y|ies):|posted in"
    r"|\d[\d,]* views?|views?:? \d[\d,]*|#\w+( #\w+)*|copyright|©|all rights reserved)\b",
    re.IGNORECASE,
)


def boilerplate_share(text: str) -> float:
    """Share of non-empty lines that look like site chrome (navigation, counters, hashtags, sharing)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return 0.0
    return sum(1 for line in lines if len(line) < 80 and _CHROME.search(line)) / len(lines)


def language_residue(text: str) -> float:
    """Share of letters outside the Latin script (a comment widget in Persian, a Cyrillic byline)."""
    if text.isascii():
        return 0.0
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    other = sum(1 for c in letters if not unicodedata.name(c, "LATIN").startswith("LATIN"))
    return other / len(letters)


def assess_quality(text: str, *, spun_threshold: float = 0.5) -> QualityScores:
    return QualityScores(spun_score(text, threshold=spun_threshold), boilerplate_share(text), language_residue(text))
