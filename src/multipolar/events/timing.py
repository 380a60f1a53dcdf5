"""Timing rules: captions, time stamps and background phrases that do not date an act (codebook: a photo
caption's date is the photo's; "since February 2022" does not date a 2025 act).

Words in data/rules/timing.json.
- timing.caption: a photo caption (a sentence with a credit, or followed by one) carries no event;
- timing.stamp: an "Updated ..."/"Published ..." stamp in the sentence does not date its act;
- timing.since: the start of a span ("since February 2022") does not date an act reported now.
"""

from __future__ import annotations

import dataclasses
import re

from multipolar.events.rulebook import DROP, Candidate, Rule, words

W = words("timing")
MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_SINCE = re.compile(rf"\b(?:{'|'.join(W['since_words'])})\s+(?:early\s+|late\s+|mid-?\s*)?(?:({MONTHS})\s+)?(\d{{4}})\b", re.I)
_STAMP = re.compile(rf"\b(?:{'|'.join(W['stamp_words'])})\b\s*:?\s*[^.]{{0,40}}?\b(?:19|20)\d\d\b", re.I)


def _undated(c: Candidate):
    ev = c.event
    if c.published is None:
        return dataclasses.replace(ev, date=None, date_precision=None)
    return dataclasses.replace(ev, date=c.published, date_precision="doc")


def caption(c: Candidate):
    text = c.sent.text
    if c.sent.end < len(c.doc):  # "Putin meets Modi, Dec. 5. (AP Photo/...)": the credit closes the caption
        text += " " + c.doc[c.sent.end].sent.text[:40]
    return DROP if any(mark in text for mark in W["caption_marks"]) else None


def stamp(c: Candidate):
    if c.event.date_precision in (None, "doc") or not _STAMP.search(c.sent.text):
        return None
    return _undated(c)


def since(c: Candidate):
    ev = c.event
    if ev.date is None or ev.date_precision in (None, "doc"):
        return None
    for m in _SINCE.finditer(c.sent.text):
        month = MONTHS.split("|").index(m.group(1).lower()) + 1 if m.group(1) else None
        if int(m.group(2)) == ev.date.year and month in (None, ev.date.month):
            if c.published is not None and (c.published.year, c.published.month) == (ev.date.year, ev.date.month):
                return None
            return _undated(c)
    return None


RULES = [Rule("timing.caption", caption), Rule("timing.stamp", stamp), Rule("timing.since", since)]
