"""Language of the clean text with py3langid (ISO 639-1 codes).

The model loads on the first call (py3langid reads it when imported), never when this module is
imported. Only the first `sample_chars` characters are classified: enough for a stable answer and
cheap on long documents. Only two-letter codes are returned (the model also knows a few languages
without one, such as "pcm"). Texts with fewer than three words give None (no reliable answer).

Fast path: py3langid costs about 1 ms per 600 characters, more than all the other cleaning of a
plain-text document. A sample of at least 30 words, mostly ASCII, in which at least 15% of the
words are English function words that are rare in other languages ("the", "of", "and", "which",
...) is English without asking the model (measured: English prose scores about 25%, German, Danish,
Norwegian, Italian and Spanish pages at most 7%); every other sample goes to py3langid.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to that for with was were this which from have has had been are be by it its "
    "their they would will not but than there these those who said".split()
)
_ENGLISH_SHARE = 0.15
_MIN_WORDS_FOR_FAST_PATH = 30


def _is_mostly_ascii(words: list[str]) -> bool:
    letters = sum(len(word) for word in words)
    foreign = sum(len(word) for word in words if not word.isascii())
    return foreign <= 0.1 * letters


def detect_language(text: str, *, sample_chars: int = 600) -> str | None:
    """The ISO 639-1 code of `text`'s language, or None when the text is too short to tell."""
    sample = text[:sample_chars]
    words = _WORD.findall(sample.lower())
    if len(words) < 3:
        return None
    if len(words) >= _MIN_WORDS_FOR_FAST_PATH and _is_mostly_ascii(words):
        hits = sum(word in _ENGLISH_FUNCTION_WORDS for word in words)
        if hits >= _ENGLISH_SHARE * len(words):
            return "en"
    import py3langid

    code, _score = py3langid.classify(sample)
    if len(code) != 2:
        code = next((c for c, _ in py3langid.rank(sample) if len(c) == 2), code)
    return str(code)
