"""Timing rules: captions, time stamps and background phrases that do not date an act (codebook: a photo
caption's date is the photo's; "since February 2022" does not date a 2025 act).

Words in data/rules/timing.json.
- timing.caption: a photo caption (a line with a credit or a caption's opening, or followed by a credit)
  carries no event; the classifier of sentences the rules leave silent skips it too (`is_caption`);
- timing.stamp: an "Updated ..."/"Published ..." stamp in the sentence does not date its act: the nearest
  other date phrase of the sentence does, else the document;
- timing.since: the start of a span ("since February 2022", "since the start of 2024", "since February") does not date an act
  reported now: the nearest other date phrase does, else the document;
- timing.since_span: an act in the present perfect over a span that began in an earlier month than the one the
  document dates it in ("Since February, Trump has held several calls with Putin", in July) happened at untold
  times across months: it is left undated, no month's act;
- timing.antecedent_day: an act whose doer a pronoun or pair phrase names ("Macron hosted Zelensky on Friday. He
  pledged more air defence systems"; "The two leaders signed a joint statement"), with no date phrase of its own,
  happened on the day the sentence it refers back to gives (the nearest earlier one with a date phrase, up to
  three back), where that is a day at most ten days before publication; else the document dates it;
- timing.comparison: a date phrase after "than", "as", "compared with" ("twice as many troops as four years ago",
  "more than in 2020") is the time of a comparison, not of the act: the act is dated by another phrase, else by
  its document;
- timing.statute: a year or number that belongs to the name or citation of a law ("the Foreign Assistance Act
  of 1961", "50 U.S.C. 1622(d)", "section 1702", "Executive Order 14024", "the 2023 Defense Authorization
  Act", a resolution "dated 2 March 2022") dates no act: the nearest other date phrase does, else the
  document (an order that invokes a 1961 law is an act of its own day); an act on that instrument itself
  ("signed the Treaty of 1987") keeps its year;
- timing.framing_instrument: a dated instrument that opens a sentence told in the past as where its act was
  done ("In Proclamation 9704 of March 8, 2018, the President imposed a tariff on aluminum from Canada") dates
  that act (the background act gets its own month), unlike one invoked as authority ("Pursuant to Executive
  Order 14024 of April 15, 2021, ...", timing.statute);
- timing.other_clause: a date phrase inside a relative or participial clause of another noun ("we work
  together through the framework launched in 2022", "the resolution that the Assembly adopted on 2 March")
  dates that clause, not an act outside it: the nearest other date phrase does, else the document (a clause
  of the act's own noun phrase still dates it: "the invasion, which began in February 2022", "China's
  blockade of the Philippines, which began in June");
- timing.planned_clause: a date phrase inside the infinitive that a trigger verb governs ("agreed to hold drills
  in September", "threatened on Monday to impose tariffs on August 1") dates the act planned there, not the
  agreeing or threatening: the nearest other date phrase does, else the document;
- timing.recalled: a speaker's recollection, an act in the simple past (or past perfect, or past progressive:
  "at the time, we were working with Mexico") with no date phrase
  of its own, in a clause whose subject, or whose past "when"/"while" clause's subject, is "I" or "we", with a
  cue that it lies at an untold time before the text (that clause, or a cue word: "recently", "once", "back
  then", "years ago") ("I met those two leaders when I was in Munich", "I had a long conversation recently
  with President Xi", "when we were in a bind, India helped us"), gets no date: the publication dates
  the speech, not what it recalls (codebook: null where the text gives no way to tell); so does an act the
  speaker says they remember or recall, in any tense ("I remember your visit to Kyiv");
- timing.experience: a speaker's account of what they have done over time, an act in the present perfect or
  the simple past whose subject is "I" or "we" and whose clause counts its occasions, sets it against
  everyone's or spans it ("I have met President Lula many times", "I spoke with him more than any other leader
  has", "we've had conversations with Russia in this administration", "... from the beginning"),
  gets no date: it spans an untold stretch before the text (codebook: null where the text gives no way to
  tell);
- timing.landmark: an act named by a noun phrase that names a landmark event of timex/data/landmarks.csv
  ("Russia's full-scale invasion of Ukraine", "the annexation of Crimea"), with no date of its own or only
  the landmark's year or the date of an anniversary of it that the phrase is part of ("the anniversary of
  Russia's 2022 invasion of Ukraine"), is dated to the landmark's day in a document published after it (codebook:
  background acts get their own month; an undated text may report the landmark as news);
- timing.landmark_reference: a landmark act (timing.landmark) named only as the time another act is set
  against ("prices rose after Russia's invasion of Ukraine", "since the annexation of Crimea") is a reference
  point, not an act the text reports: the candidate is dropped;
- timing.this_year: an act dated only by the year of publication ("in 2025", "this year", "earlier this
  year") is dated by the publication (its month), not by the year's first day;
- timing.interval: an act in a clause or phrase opened by "after" or "before" with a span of time in front
  ("the sanctions came seven weeks after Xi and Putin hailed their partnership", "three weeks after the summit")
  is dated by that span from the date the sentence gives the act it is set against (its nearest date phrase
  outside the clause, else the document), at month precision (day for a span of days against a dated day, year
  for years); a date phrase of the clause's own dates it instead, a vague span ("several weeks", "hours") dates
  nothing, a landmark keeps its day, and "before" counts only from a date phrase (an act set against the
  publication date may be far older than it);
- timing.anchor_clause: the act a clause opened by "after"/"before" is set against ("Trump spoke to Putin three
  weeks after he met Xi on May 2") is not dated by that clause's own date phrase: by the span from it where one
  is given (here 23 May, at month precision), else by the nearest other date phrase, else by the document;
- timing.implausible (`date_flag`, applied to every event of a document): an act stated as done but dated
  more than `event_date_future_days` after its document's publication, or any act dated before
  `event_date_earliest_year`, keeps its date with a flag; relations leave flagged events out.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from multipolar.events.recollection import experience, is_past, is_perfect, recalled
from multipolar.events.rulebook import DROP, Candidate, Rule, clause_verb, governors, to_infinitive, words
from multipolar.records import Event
from multipolar.timex import TimeExpression, find_dates
from multipolar.timex.holidays import landmark_of

W = words("timing")
MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_SINCE = re.compile(rf"\b(?:{'|'.join(W['since_words'])})\s+(?:(?:{'|'.join(W['span_parts'])})\s+)?(?:(?:{MONTHS})\s+)?\d{{4}}\b"
                    rf"|\bsince\s+(?:(?:{'|'.join(W['span_parts'])})\s+)?(?:{MONTHS})(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?\b", re.I)
_NAMES = "|".join(re.escape(w) for w in sorted(W["instrument_names"], key=len, reverse=True))
_CITES = "|".join(re.escape(w) for w in sorted(W["citation_words"], key=len, reverse=True))
_DATED = "|".join(re.escape(w) for w in sorted(W["dated_words"], key=len, reverse=True))
_STATUTE = re.compile(
    # "the Trade Act of 1974", "the Consolidated Appropriations Act, 2023" (the names are capitalised)
    rf"\b(?:{_NAMES})(?:\s+of|,)\s+(?:(?i:{MONTHS})\s+\d{{1,2}},?\s+|\d{{1,2}}\s+(?i:{MONTHS})\s+)?\d{{4}}\b"
    # "the 2023 National Defense Authorization Act": a year opening a capitalised name
    rf"|\b\d{{4}}\s+(?:[A-Z][\w.'-]*\s+){{0,6}}?(?:{_NAMES})\b"
    # "50 U.S.C. 1622(d)", "section 202(d)", "Executive Order 13959", "title 50": a citation and its numbers
    # ("Executive Order 13959 of November 12, 2020": the order's own date too)
    rf"|(?i:(?<![\w.])(?:{_CITES}))\s*\d[\w()./-]*(?:\s*(?:,|and|or|through|to)?\s*\d[\w()./-]*)*"
    rf"(?:\s+of\s+(?i:{MONTHS})\s+\d{{1,2}},?\s+\d{{4}})?"
    # "a resolution dated 2 March 2022": the date of a document, not of an act
    rf"|\b(?i:{_DATED})\s+[^,;.]{{0,25}}?\b\d{{4}}\b")
_FRAME_OPENER = re.compile(rf"^\W*(?:{'|'.join(W['frame_openers'])})\s+(?:the\s+)?$", re.I)
_DAY_OF = re.compile(rf"\bof\s+(?i:{MONTHS})\s+\d{{1,2}},?\s+\d{{4}}$")
_STAMP = re.compile(rf"\b(?:{'|'.join(W['stamp_words'])})\b\s*:?\s*[^.]{{0,40}}?\b(?:19|20)\d\d\b", re.I)


def _undated(c: Candidate):
    ev = c.event
    if c.published is None:
        return dataclasses.replace(ev, date=None, date_precision=None)
    return dataclasses.replace(ev, date=c.published, date_precision="doc")


def is_caption(doc: Any, sent: Any, tok: Any) -> bool:
    """Whether `tok` sits in a photo caption: its line of the sentence (a sentence may run over a credit line
    into the next paragraph) holds a caption mark, or the next sentence, on the same or the next line,
    opens with a credit that closes the caption ("Putin meets Modi, Dec. 5. (AP Photo/...)")."""
    text, at = sent.text, tok.idx - sent.start_char
    line_end = text.find("\n", at)
    line = text[text.rfind("\n", 0, at) + 1:line_end if line_end != -1 else len(text)]
    if any(mark in line for mark in W["caption_marks"] | W["caption_openers"]):
        return True
    if line_end != -1 or sent.end >= len(doc):
        return False
    nxt = doc[sent.end]
    # the text between the sentence and the next one is its last token's trailing space (doc.text would
    # join every token of the document again, on every call)
    if doc[sent.end - 1].whitespace_.count("\n") > 1:
        return False  # a blank line: the next paragraph is no credit of this one
    credit = nxt.sent.text.split("\n", 1)[0][:60]
    return any(mark in credit for mark in W["caption_marks"])


def caption(c: Candidate):
    return DROP if is_caption(c.doc, c.sent, c.tok) else None


def event_precision(precision: str | None) -> str:
    """An event's date precision (day, month, year) for a time expression's grain."""
    if precision in ("day", "month", "year"):
        return precision
    return "day" if precision == "week" else "month" if precision in ("quarter", "half", "season") else "year"


@lru_cache(maxsize=1024)
def sentence_dates(text: str, published: date | None) -> tuple[TimeExpression, ...]:
    """The time expressions of a sentence, found once for all the triggers, candidates and rules that ask
    (`find_dates` depends on the text and the anchor only)."""
    return tuple(find_dates(text, published))


def nearest_date(sent: Any, tok: Any, published: date | None,
                 skip: Sequence[tuple[int, int]] = ()) -> TimeExpression | None:
    """The dated expression of the sentence nearest the trigger `tok`, outside the `skip` spans; None if none."""
    at = tok.idx - sent.start_char
    found = [t for t in sentence_dates(sent.text, published)
             if t.date is not None and not any(a < t.end and t.start < b for a, b in skip)]
    return min(found, key=lambda t: min(abs(t.start - at), abs(t.end - at))) if found else None


def _redated(c: Candidate, skip: list[tuple[int, int]]) -> Event:
    """The event dated by the date phrase of its sentence nearest its trigger outside the `skip` spans, else
    by its document."""
    best = nearest_date(c.sent, c.tok, c.published, skip)
    if best is None:
        return _undated(c)
    return dataclasses.replace(c.event, date=best.date, date_precision=event_precision(best.precision))


def _without(c: Candidate, pattern: re.Pattern[str], *, keep: frozenset[str] = frozenset()):
    """The event redated without the phrases `pattern` finds (less those holding a word of `keep`), or None
    where that changes nothing."""
    if c.event.date_precision in (None, "doc"):
        return None
    return _redated_without(c, [m.span() for m in pattern.finditer(c.sent.text)
                                if not keep & set(m.group().lower().split())])


def _redated_without(c: Candidate, spans: list[tuple[int, int]]):
    """The event redated without the phrases at `spans` (offsets into the sentence), or None where there are
    none or that changes nothing."""
    if not spans:
        return None
    ev = _redated(c, spans)
    return ev if (ev.date, ev.date_precision) != (c.event.date, c.event.date_precision) else None


def _offsets(tokens: list[Any], sent: Any) -> tuple[int, int]:
    """The character span of a run of tokens (a subtree), as offsets into its sentence's text."""
    return tokens[0].idx - sent.start_char, tokens[-1].idx + len(tokens[-1].text) - sent.start_char


def stamp(c: Candidate):
    return _without(c, _STAMP)


def since(c: Candidate):
    return _without(c, _SINCE)


def since_span(c: Candidate):
    ev = c.event
    if ev.date_precision != "doc" or ev.date is None:
        return None
    verb = clause_verb(c.tok)
    if verb is None or not is_perfect(verb):
        return None
    text = c.sent.text
    starts = [t.date for m in _SINCE.finditer(text) for t in sentence_dates(text, c.published)
              if t.date is not None and m.start() <= t.start < m.end()]
    if not any((d.year, d.month) < (ev.date.year, ev.date.month) for d in starts):
        return None
    return dataclasses.replace(ev, date=None, date_precision=None)  # "Since February, Trump has held several calls"


_COMPARED = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(W["comparison_words"], key=len, reverse=True))
                       + r")\s+(?:(?:at|in|on|during)\s+)?$", re.I)


def comparison(c: Candidate):
    if c.event.date_precision in (None, "doc"):
        return None
    text = c.sent.text
    return _redated_without(c, [(t.start, t.end) for t in sentence_dates(text, c.published)
                                if t.date is not None and _COMPARED.search(text[max(0, t.start - 30):t.start])])


def other_clause(c: Candidate):
    if c.event.date_precision in (None, "doc"):
        return None
    spans = []
    # a noun's phrase is the act's own ("China's blockade of the Philippines, which began in June")
    own = {t.i for t in c.tok.subtree} if c.tok.pos_ in ("NOUN", "PROPN") else set()
    for t in c.sent:
        if t.dep_ not in ("relcl", "acl") or t.head.i == c.tok.i or (own and t.head.i in own):
            continue
        sub = list(t.subtree)
        if sub[0].i <= c.tok.i <= sub[-1].i:
            continue  # the act is inside the clause: the clause's dates are its own
        spans.append(_offsets(sub, c.sent))
    return _redated_without(c, spans)


def planned_clause(c: Candidate):
    if c.event.date_precision in (None, "doc") or c.tok.pos_ not in ("VERB", "AUX"):
        return None
    spans = []
    for t in c.tok.children:
        if t.dep_ in ("xcomp", "advcl") and to_infinitive(t):
            spans.append(_offsets(list(t.subtree), c.sent))
    return _redated_without(c, spans)


_INSTRUMENTS = frozenset(w.lower() for w in W["instrument_names"])


def _framing(sent: Any, match: re.Match[str]) -> bool:
    """Whether a dated instrument opens a sentence told in the past as the place its act was done ("In
    Proclamation 9704 of March 8, 2018, the President imposed ..."), not as the authority it invokes
    ("Pursuant to Executive Order 14024 of April 15, 2021, ...")."""
    return (bool(_FRAME_OPENER.search(sent.text[:match.start()])) and bool(_DAY_OF.search(match.group()))
            and is_past(sent.root))


def framing_instrument(c: Candidate):
    if c.event.date_precision in (None, "doc"):
        return None
    found = [m for m in _STATUTE.finditer(c.sent.text) if _framing(c.sent, m)]
    if not found:
        return None
    best = next((t for t in sentence_dates(c.sent.text, c.published) if t.date is not None
                 and found[0].start() <= t.start and t.end <= found[0].end()), None)
    if best is None:
        return None
    return dataclasses.replace(c.event, date=best.date, date_precision=event_precision(best.precision))


def statute(c: Candidate):
    # "signed the Treaty of 1987": the act is the instrument's own, and its year dates it
    if "timing.framing_instrument" in c.fired:
        return None
    return _without(c, _STATUTE, keep=_INSTRUMENTS & set(c.event.trigger.lower().split()))


def _phrase(c: Candidate) -> str:
    """The words of the trigger noun's phrase ("Russia's full-scale invasion of Ukraine"), less any clause in it."""
    clauses = [t for t in c.tok.subtree if t.dep_ in ("relcl", "acl", "advcl") and t.i != c.tok.i]
    inner = {x.i for t in clauses for x in t.subtree}
    return " ".join(t.text for t in c.tok.subtree if t.i not in inner)


def _inside_date(c: Candidate) -> bool:
    """Whether the trigger lies inside a date phrase ("on the anniversary of Russia's invasion of Ukraine"):
    that phrase dates the anniversary, not the act it names."""
    at = c.tok.idx - c.sent.start_char
    return any(t.start <= at < t.end for t in sentence_dates(c.sent.text, c.published))


def landmark(c: Candidate):
    ev = c.event
    if c.tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if ev.date_precision not in ("doc", "year", None) and not _inside_date(c):
        return None
    mark = landmark_of(_phrase(c))
    if mark is None or not {c.tok.lemma_.lower(), c.tok.lower_} & {w for key in mark.keys for w in key}:
        return None  # the phrase names a landmark, but the trigger is another act ("aid since the invasion")
    if ev.date_precision == "year" and (ev.date is None or ev.date.year != mark.day.year):
        return None
    if c.published is None or mark.day >= c.published:
        return None  # an undated text may report the landmark as news, not as background
    return dataclasses.replace(ev, date=mark.day, date_precision="day")


def landmark_reference(c: Candidate):
    if "timing.landmark" not in c.fired or c.tok.dep_ != "pobj":
        return None
    return DROP if c.tok.head.lower_ in W["reference_preps"] else None


def this_year(c: Candidate):
    ev = c.event
    if ev.date_precision != "year" or ev.date is None or c.published is None or ev.date.year != c.published.year:
        return None
    return _undated(c)


_MARKS: dict[str, int] = W["interval_marks"]
_UNITS: dict[str, str] = W["interval_units"]
_COUNTS: dict[str, int] = W["interval_counts"]


def _interval_mark(tok: Any) -> Any | None:
    """The "after"/"before" that opens the clause ("after Xi and Putin met") or phrase ("after the summit")
    holding the trigger, or None where the trigger's nearest clause or phrase is opened otherwise."""
    for x in (tok, *governors(tok, limit=9)):
        if x.dep_ == "advcl":
            return next((m for m in x.children if m.dep_ == "mark" and m.lower_ in _MARKS), None)
        if x.dep_ == "pobj" and x.head.dep_ == "prep":
            return x.head if x.head.lower_ in _MARKS else None
    return None


def _span_before(mark: Any) -> tuple[int, str] | None:
    """The span of time just before `mark` ("seven weeks", "a month", "3 days") as (count, unit), or None."""
    doc = mark.doc
    if mark.i < 2:
        return None
    unit, count = _UNITS.get(doc[mark.i - 1].lower_), doc[mark.i - 2].lower_
    n = int(count) if count.isdigit() else _COUNTS.get(count)
    return (n, unit) if unit and n else None


def _shifted(day: date, n: int, unit: str) -> date:
    if unit in ("day", "week"):
        return day + timedelta(days=n * (7 if unit == "week" else 1))
    months = day.year * 12 + day.month - 1 + n * (12 if unit == "year" else 1)
    year, month = divmod(months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def interval(c: Candidate):
    ev = c.event
    if ev.date is None or "timing.landmark" in c.fired:
        return None
    mark = _interval_mark(c.tok)
    span = _span_before(mark) if mark is not None else None
    if span is None:
        return None
    clause = list(mark.head.subtree) if mark.dep_ == "mark" else list(mark.subtree)
    a, b = _offsets(clause, c.sent)
    if any(t.date is not None and a <= t.start and t.end <= b for t in sentence_dates(c.sent.text, c.published)):
        return None  # the clause's own date phrase dates it
    n, unit = span
    if _MARKS[mark.lower_] > 0 and ev.date_precision == "doc":
        return None  # "two months before they met" against a publication date: the act set against it is older
    precision = ("year" if unit == "year" or ev.date_precision == "year"
                 else "day" if unit == "day" and ev.date_precision == "day" else "month")
    return dataclasses.replace(ev, date=_shifted(ev.date, n * _MARKS[mark.lower_], unit), date_precision=precision)


def _clause_marks(sent: Any) -> list[Any]:
    """The "after"/"before" words of a sentence that open an adverbial clause."""
    return [t for t in sent if t.dep_ == "mark" and t.lower_ in _MARKS and t.head.dep_ == "advcl"]


def anchor_clause(c: Candidate):
    ev = c.event
    if ev.date is None or ev.date_precision in (None, "doc") or "timing.interval" in c.fired:
        return None
    best = nearest_date(c.sent, c.tok, c.published)
    if best is None:
        return None
    for mark in _clause_marks(c.sent):
        clause = list(mark.head.subtree)
        if clause[0].i <= c.tok.i <= clause[-1].i:
            continue  # the act is the clause's own (timing.interval)
        a, b = _offsets(clause, c.sent)
        if not (a <= best.start and best.end <= b):  # nearest_date gives dated phrases only
            continue
        span = _span_before(mark)
        if span is None:
            return _redated_without(c, [(a, b)])
        n, unit = span
        precision = "day" if unit == "day" and best.precision == "day" else "year" if unit == "year" else "month"
        return dataclasses.replace(ev, date=_shifted(best.date, -n * _MARKS[mark.lower_], unit), date_precision=precision)
    return None


_ANTECEDENT_RULES = frozenset(W["antecedent_rules"])


def antecedent_day(c: Candidate):
    ev = c.event
    if ev.date_precision != "doc" or c.published is None or not _ANTECEDENT_RULES & set(c.fired):
        return None
    start = c.sent.start
    for _ in range(int(W["antecedent_lookback"])):
        if start == 0:
            return None
        prev = c.doc[start - 1].sent
        found = [t for t in sentence_dates(prev.text, c.published) if t.date is not None]
        if found:
            day = found[-1]
            recent = day.precision == "day" and 0 <= (c.published - day.date).days <= int(W["antecedent_days"])
            return dataclasses.replace(ev, date=day.date, date_precision="day") if recent else None
        start = prev.start
    return None


RULES = [Rule("timing.caption", caption), Rule("timing.stamp", stamp), Rule("timing.since", since),
         Rule("timing.since_span", since_span), Rule("timing.comparison", comparison),
         Rule("timing.framing_instrument", framing_instrument), Rule("timing.statute", statute),
         Rule("timing.other_clause", other_clause),
         Rule("timing.planned_clause", planned_clause), Rule("timing.recalled", recalled),
         Rule("timing.experience", experience),
         Rule("timing.landmark", landmark), Rule("timing.landmark_reference", landmark_reference),
         Rule("timing.this_year", this_year),
         Rule("timing.interval", interval), Rule("timing.anchor_clause", anchor_clause),
         Rule("timing.antecedent_day", antecedent_day)]


def date_flag(event: Event, published: date | None, *, future_days: int, earliest_year: int) -> str | None:
    """timing.implausible: why the event's date cannot be right, or None."""
    if event.date is None:
        return None
    if event.date.year < earliest_year:
        return "before_earliest_year"
    if (published is not None and event.modality in ("asserted", "reported")
            and event.date > published + timedelta(days=future_days)):
        return "after_published"
    return None


def flag_implausible_dates(events: list[Event], published: date | None, *, future_days: int,
                           earliest_year: int) -> list[Event]:
    """The events, each with its `date_flag` set (see `date_flag`)."""
    return [
        dataclasses.replace(ev, date_flag=flag) if flag != ev.date_flag else ev
        for ev in events
        for flag in [date_flag(ev, published, future_days=future_days, earliest_year=earliest_year)]
    ]
