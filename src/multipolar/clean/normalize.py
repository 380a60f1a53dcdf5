"""Unicode and whitespace normalisation of text, before any other cleaning.

Conventions (one each, so later stages match one form):
- Unicode NFC (composed characters; compatibility forms such as ligatures are kept, not NFKC).
- Quotes are straight ASCII: ‘ ’ ‚ ‛ ′ → ' and “ ” „ ‟ ″ → ". Guillemets « » are kept (they are
  the quotation marks of many languages, not typographic variants of ").
- Dashes: hyphen-like characters (U+2010/2011/2012 hyphens, U+2212 minus, small and full-width
  hyphen-minus) → "-"; an en dash between words or digits ("2021–2026", "Russia–Ukraine") → "-";
  a spaced en dash (" – ") and the em dash, horizontal bar and two-em dash → "—" (the one
  punctuation dash kept).
- Spaces: no-break, thin, figure, ideographic and other Unicode spaces and tabs → " "; zero-width
  space, word joiner, soft hyphen and stray BOMs are removed (zero-width joiner and non-joiner are
  kept: Persian, Indic scripts and emoji need them); other control characters are removed.
- Line endings: CR LF, CR, NEL, U+2028 and U+2029 → "\n"; spaces at both ends of every line are
  dropped, runs of spaces become one, and at most one blank line separates paragraphs.

`normalize(normalize(x)) == normalize(x)` for every string (a hypothesis test checks it).
"""

from __future__ import annotations

import re
import unicodedata

_DROP = re.compile("[\u200b\u2060\u00ad\ufeff\u180e\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
_NEWLINES = re.compile("\r\n|[\r\x85\u2028\u2029]")
_REPLACEMENTS: dict[str, str] = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2212": "-",
    "\ufe63": "-",
    "\uff0d": "-",
    "\u2014": "\u2014",
    "\u2015": "\u2014",
    "\u2e3a": "\u2014",
    "\u2e3b": "\u2014",
    "\t": " ",
    "\u00a0": " ",
    "\u1680": " ",
    "\u2000": " ",
    "\u2001": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2004": " ",
    "\u2005": " ",
    "\u2006": " ",
    "\u2007": " ",
    "\u2008": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u202f": " ",
    "\u205f": " ",
    "\u3000": " ",
}
_REPLACEMENTS.pop("\u2014")
# str.translate with a dict is slow on long texts; a handful of str.replace calls for the characters
# actually present is ~20x faster and gives the same result (every replacement is a single character).
_REPLACEMENT_ITEMS = tuple(_REPLACEMENTS.items())
_SPACED_EN_DASH = re.compile(r"(?:(?<= )|^)\u2013(?= |$)", re.M)
_SPACES = re.compile(r" {2,}")
_BLANK_RUNS = re.compile(r"\n{3,}")


def normalize(text: str) -> str:
    """Return `text` in the project's one normal form (see the module docstring)."""
    # Python's re scans slowly, so each substitution runs only when a cheap `in` test says it can apply.
    ascii_only = text.isascii()
    if "\r" in text or (not ascii_only and ("\x85" in text or "\u2028" in text or "\u2029" in text)):
        text = _NEWLINES.sub("\n", text)
    text = _DROP.sub("", text)
    if not ascii_only:
        text = unicodedata.normalize("NFC", text)
        for char, replacement in _REPLACEMENT_ITEMS:
            if char in text:
                text = text.replace(char, replacement)
        if "\u2013" in text:
            text = _SPACED_EN_DASH.sub("\u2014", text).replace("\u2013", "-")
    if "\t" in text:
        text = text.replace("\t", " ")
    if "  " in text:
        text = _SPACES.sub(" ", text)
    if " \n" in text:
        text = text.replace(" \n", "\n")
    if "\n " in text:
        text = text.replace("\n ", "\n")
    if "\n\n\n" in text:
        text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n ")
