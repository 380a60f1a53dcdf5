"""Find and normalise temporal expressions in English news text (rule-based, no model).

``find_dates(text, anchor)`` returns every date-like expression with its character span and a
TIMEX3-style value (TempEval-3 conventions):

    "2025-01-21"  day          "2025-W04"   ISO week        "2025-Q1"  quarter   "2025-H2" half
    "2025-01"     month        "2025-W04-WE" weekend        "2025-SU"  season (SP SU FA WI)
    "2025"        year         "202"        decade          "20"       century
    "PRESENT_REF" "PAST_REF" "FUTURE_REF"  vague references ("now", "recently", "the future")
    "P3Y" "P2W" "PT24H"        durations ("three years"); "PXY" for "several years"

``date`` is the first day of the value and ``precision`` its grain ("day", "week", "month",
"year") for calendar values; both are None for quarters, halves, seasons, decades, centuries,
references and durations.

Resolution against the anchor (the publication date):
- weekdays: the most recent such day on or before the anchor; on or after it when the clause is in
  the future tense ("will", "is due to", "next"); "last Friday" strictly before, "next Friday"
  strictly after, "this Friday" on or after;
- a month, month-day, quarter, season or holiday without a year: the year that puts it nearest to
  the anchor; then, when the clause is plainly past (a past-tense verb before it) and the date lies
  after the anchor, the year before; when plainly future and before the anchor, the year after;
- "a year earlier", "two months later", "the same quarter", "the following year": relative to the
  last calendar expression found earlier in the same text (the discourse reference), at its grain,
  else to the anchor; "a year ago" keeps the grain of a preceding quarter (earnings news);
- "three years after the war": the date depends on an event, so only the duration "P3Y" is given;
  except "the (80th) anniversary of" a landmark event in timex/data/landmarks.csv ("Russia's 2022 invasion
  of Ukraine", "D-Day"): its day in the year the ordinal gives, else the year nearest the anchor.
Without an anchor, relative expressions are left out; a month-day without a year gives
"XXXX-05-09" and a bare weekday "XXXX-WXX-2".

Everything is compiled regular expressions over the text; one pass per rule, spans chosen
longest-first without overlap, values resolved left to right.

This package sits below events/, claims/ and stories/ (it imports only `multipolar.vocab`): `words` (the
vocabulary and pattern pieces), `values` (TIMEX3 values, the anchor and tense context), the handlers by kind
(`calendar`, `relative`, `holidays`), `rules` (the table of patterns) and `find` (`find_dates`,
`yearless_days`).
"""

from multipolar.timex.find import find_dates, yearless_days
from multipolar.timex.values import TimeExpression

__all__ = ["TimeExpression", "find_dates", "yearless_days"]
