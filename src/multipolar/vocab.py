"""English words for numbers and months, shared by the date finder and the claims extractor."""

from __future__ import annotations

NUMBER_UNITS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
    if value
}
NUMBER_TENS = {
    word: 10 * value
    for value, word in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
    if value >= 2
}
MONTH_NAMES = {
    word: value
    for value, word in enumerate(
        "_ january february march april may june july august september october november december".split()
    )
    if value
}
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
MONTHS = {**MONTH_NAMES, **MONTH_ABBREVIATIONS}
