"""The rule table: every pattern, its handler and whether its value becomes the discourse reference.
Order matters only among candidates of equal length (the earlier rule wins)."""

from __future__ import annotations

import re

from multipolar.timex.calendar import (
    DECADE_WORDS,
    h_century,
    h_decade,
    h_half,
    h_iso,
    h_month,
    h_month_day,
    h_month_spelled_year,
    h_month_year,
    h_numeric,
    h_quarter,
    h_rel_quarter,
    h_season,
    h_spelled_decade,
    h_spelled_year,
    h_this_decade,
    h_year,
    h_year_quarter,
)
from multipolar.timex.holidays import ANNIVERSARY_ORDINALS, h_anniversary, h_holiday
from multipolar.timex.relative import (
    h_ago,
    h_const,
    h_deictic_day,
    h_discourse_day,
    h_duration,
    h_frequency,
    h_rel_unit,
    h_weekday,
    h_year_ago_adj,
    h_year_end,
)
from multipolar.timex.values import Handler
from multipolar.timex.words import (
    ALT,
    MOD_RE,
    MONTH_RE,
    NUM_RE,
    NUM_WORD,
    ORD_RE,
    ORDINALS,
    WD_PREFIX,
    WEEKDAY_RE,
)

_I = re.IGNORECASE
SPELLED_YEAR = (
    r"(?:nineteen[\s-](?:hundred|" + NUM_WORD + r")|two\s+thousand(?:\s+and)?(?:[\s-]" + NUM_WORD + r")?)"
)
YEAR4 = r"(?<![\d$€£.,])(?:1[0-9]|20)\d\d(?![\d%]|,\d|\.\d)"


def _rx(pattern: str, flags: int = _I) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# (pattern, handler, updates_discourse_reference)
RULES: list[tuple[re.Pattern[str], Handler, bool]] = [
    (_rx(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"), h_iso, True),
    (
        _rx(r"(?<![\d./])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)"),
        h_numeric,
        True,
    ),
    (
        _rx(
            r"\b" + MOD_RE + WD_PREFIX + r"(?P<mon>" + MONTH_RE + r")\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
            r"(?!\s*(?:%|percent|million|billion|,\d))(?:,?\s*(?P<year>" + YEAR4 + r"))?"
        ),
        h_month_day,
        True,
    ),
    (
        _rx(
            r"\b"
            + WD_PREFIX
            + r"(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>"
            + MONTH_RE
            + r")(?:,?\s*(?P<year>"
            + YEAR4
            + r"))?"
        ),
        h_month_day,
        True,
    ),
    (
        _rx(r"\b" + MOD_RE + r"(?P<mon>" + MONTH_RE + r"),?\s+(?:of\s+)?(?P<year>" + YEAR4 + r")"),
        h_month_year,
        True,
    ),
    (
        _rx(
            r"\b" + MOD_RE + r"(?:(?P<rel>[Ll]ast|[Tt]his(?:\s+past)?|[Nn]ext|[Pp]ast)\s+)?(?P<mon>"
            r"January|February|March|April|May|June|July|August|September|October|November|December"
            r"|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|"
            r"(?:Jan|Feb|Apr|Aug|Sept|Oct|Nov|Dec)\.)(?:\s+of\s+(?P<yrel>this|last|next)\s+year)?\b"
            r"(?!\s+\d)",
            0,
        ),
        h_month,
        True,
    ),
    (
        _rx(
            r"\b"
            + MOD_RE
            + r"(?:(?:fiscal|calendar|the)(?:\s+year)?\s*|FY\s*|(?:the\s+)?year\s+)?(?P<y>"
            + YEAR4
            + r")(?!\s*(?:percent|per\b|[a-z]*-(?:year|month|day)))"
        ),
        h_year,
        True,
    ),
    (_rx(r"\b(?:the\s+year\s+)?" + SPELLED_YEAR + r"\b"), h_spelled_year, True),
    (
        _rx(r"\b" + MOD_RE + r"(?P<mon>" + MONTH_RE + r"),?\s+(?:of\s+)?(?P<sy>" + SPELLED_YEAR + r")\b"),
        h_month_spelled_year,
        True,
    ),
    (
        _rx(
            r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:(?P<full>(?:1\d|20)\d0)'?s\b|'(?P<short>\d0)'?s\b)"
        ),
        h_decade,
        False,
    ),
    (_rx(r"\bthe\s+(?:(?:early|late|mid)[\s-]+)?(?P<short>\d0)'?s\b"), h_decade, False),
    (_rx(r"\bthe\s+(?:(?:early|late|mid)[\s-]+)?(?P<w>" + ALT(DECADE_WORDS) + r")\b"), h_spelled_decade, False),
    (
        _rx(
            r"\b(?P<rel>this|the\s+current|last|next|the\s+last|the\s+past|the\s+next|the\s+coming)\s+decade\b"
        ),
        h_this_decade,
        False,
    ),
    (
        _rx(
            r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|this|last|next|"
            + ALT(
                sorted(
                    (k for k in ORDINALS if not k[0].isdigit() and k not in ("last", "final")),
                    key=len,
                    reverse=True,
                )
            )
            + r")[\s-]+century\b"
        ),
        h_century,
        False,
    ),
    (
        _rx(
            r"\b(?:(?:the|its|a)\s+)?(?:(?P<ypre>this|last|next)\s+year's\s+)?(?:(?P<ago>year[\s-](?:ago|earlier))\s+)?"
            r"(?:(?P<y0>" + YEAR4 + r")\s+)?(?:(?:fiscal|calendar)[\s-]+)?(?P<ord>" + ORD_RE + r")[\s-]+(?:fiscal[\s-]+)?quarter\b"
            r"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y1>" + YEAR4 + r")|(?P<yrel>this|last|next)\s+year)"
            r"|,?\s+(?P<y3>" + YEAR4 + r"))?"
        ),
        h_quarter,
        True,
    ),
    (
        _rx(r"\b(?:Q(?P<qn>[1-4])|(?P<qn3>[1-4])Q)(?:\s*(?:of\s+)?(?P<y2>" + YEAR4 + r"|'?\d\d\b))?\b", 0),
        h_quarter,
        True,
    ),
    (
        _rx(
            r"\b(?:(?:the|its|this|that)\s+|(?P<lyp>last\s+year['’]s)\s+)?(?P<rel>latest|most\s+recent|last|previous|past|prior|"
            r"preceding|current|present|next|coming|following|same|corresponding|recent|just[\s-]ended|"
            r"(?:comparable\s+)?year[\s-](?:ago|earlier)|comparable)?"
            r"\s*(?:fiscal\s+)?(?:quarter|period)\b(?!\s+of\s+(?:a|an|the|his|her|its|their)\b)(?![\s-]century)"
            r"(?P<ly>\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier)|the\s+(?:previous|prior)\s+year))?"
        ),
        h_rel_quarter,
        False,
    ),
    (
        _rx(r"\b(?:the|its|that)\s+(?P<y>" + YEAR4 + r")\s+(?:fiscal\s+)?quarter\b"),
        h_year_quarter,
        False,
    ),
    (
        _rx(
            r"\b(?:(?:the|its)\s+)?(?:(?P<ord>first|second|last|latter)[\s-]+half|H(?P<hn>[12]))\b"
            r"(?:\s+of\s+(?:(?P<y>"
            + YEAR4
            + r")|(?P<yrel>this|last|next|the)\s+year)|\s+(?P<y2>"
            + YEAR4
            + r"))?"
        ),
        h_half,
        True,
    ),
    (
        _rx(
            r"\b"
            + MOD_RE
            + r"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming)\s+|(?:the|in|during|over)\s+)"
            r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<season>spring|summer|autumn|fall|winter)\b"
            r"(?:\s+of\s+(?P<y>" + YEAR4 + r")|\s+(?P<y2>" + YEAR4 + r"))?(?!\s+of\s+(?!\d))"
        ),
        h_season,
        False,
    ),
    (
        _rx(r"\b(?P<season>spring|summer|autumn|fall|winter)(?:\s+of)?\s+(?P<y>" + YEAR4 + r")(?P<rel>)?"),
        h_season,
        False,
    ),
    (
        _rx(r"\b(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+of)?\s+(?P<sy>" + SPELLED_YEAR + r")\b"),
        h_season,
        False,
    ),
    (
        _rx(
            r"\b(?:(?P<rel>this\s+past|this\s+coming|the\s+previous|the\s+following|the\s+next|last|next|"
            r"this|past|coming|previous|following)\s+|(?:early|late|earlier|later)\s+)?(?P<wd>"
            + WEEKDAY_RE
            + r")(?:'s)?\b(?:\s+(?:morning|afternoon|evening|night))?"
        ),
        h_weekday,
        True,
    ),
    (
        _rx(
            r"\b(?:(?:early|late|earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
            r"|today|tonight|yesterday|tomorrow|this\s+morning|this\s+afternoon|this\s+evening|last\s+night)\b"
            r"(?:'s)?(?:\s+(?:morning|afternoon|evening|night))?"
        ),
        h_deictic_day,
        True,
    ),
    (
        _rx(
            r"\b(?:(?:earlier|later|early|late)\s+(?:in\s+)?|(?:the\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of\s+|over\s+)?"
            r"(?P<rel>last|previous|this\s+past|this\s+coming|this|next|the\s+current|current|the\s+following|"
            r"the\s+previous|the\s+prior|the\s+preceding|the\s+same|that\s+same|that|the\s+past|the\s+last|the\s+next|"
            r"the\s+coming|the)\s+"
            r"(?:(?P<q>fiscal|calendar|full|financial)\s+)?(?P<unit>week(?:end)?|month|year)\b(?!\s+(?:of|ago|earlier|later)\b)"
        ),
        h_rel_unit,
        True,
    ),
    (
        _rx(
            r"\b(?:(?:earlier|later|early|late)\s+)?(?P<rel>that(?:\s+same)?|the\s+same|the\s+next|the\s+following|"
            r"the\s+previous|the\s+prior|the\s+preceding)\s+(?:day|morning|afternoon|evening|night)\b"
        ),
        h_discourse_day,
        True,
    ),
    (_rx(r"\bthen[\s-]current\b"), h_const("PAST_REF"), False),
    (_rx(r"\b(?:(?:the|this)\s+)?year(?:['’]s)?[\s-]end\b(?![\s-](?:bonus|sale|party|review|holiday))"), h_year_end, False),
    (
        _rx(
            r"\b(?:(?:about|nearly|almost|some|roughly|around|more\s+than|less\s+than|over|just|only|exactly)\s+)?"
            r"(?P<num>"
            + NUM_RE
            + r")[\s-]+(?:or\s+so\s+)?(?P<unit>days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))"
            r"(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence|back|previously)\b"
        ),
        h_ago,
        False,
    ),
    (
        _rx(
            r"\b(?:the\s+)?(?:comparable\s+)?year[\s-](?:ago|earlier)(?!\s+(?:"
            + ORD_RE
            + r"|quarter|period))\b"
        ),
        h_year_ago_adj,
        False,
    ),
    (
        _rx(
            r"\b(?:(?:a\s+)?(?:few|several|couple\s+of)|some|many)\s+(?:days|weeks|months|years|decades)\s+(?:ago|back|earlier)\b"
        ),
        h_const("PAST_REF"),
        False,
    ),
    (
        _rx(
            r"\b(?:in\s+)?(?:recent|past|the\s+past\s+(?:few|several))\s+(?:days|weeks|months|years|decades)\b"
            r"|\b(?:recently|lately|previously|formerly|recent|once\s+upon\s+a\s+time)\b|\b(?:in\s+)?the\s+past\b(?!\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?|hours?)\b)"
        ),
        h_const("PAST_REF"),
        False,
    ),
    (
        _rx(
            r"\b(?:now|nowadays|currently|presently|current|at\s+present|these\s+days|at\s+the\s+moment|the\s+present(?:\s+time)?|right\s+now|just\s+now|by\s+now)\b(?!-)"
        ),
        h_const("PRESENT_REF"),
        False,
    ),
    (
        _rx(
            r"\b(?:(?:in\s+)?(?:the\s+)?(?:near\s+|foreseeable\s+|distant\s+)?future|soon|shortly"
            r"|(?:in\s+)?the\s+(?:coming|next\s+few|years\s+ahead|months\s+ahead)\s*(?:days|weeks|months|years|decades)?"
            r"|coming\s+(?:days|weeks|months|years|decades)|a\s+later\s+date"
            # "in the near term", "over the long term" (TimeML: a vague future, not a duration)
            r"|the\s+(?:near|short|long|longer|medium)[\s-]+term)\b(?!s|-)"
        ),
        h_const("FUTURE_REF"),
        False,
    ),
    (
        _rx(r"\b(?:daily|weekly|monthly|annually|yearly)\b(?=\s*[,.;:!?)]|\s*$|\s+(?:basis|since|until|and|or|by|at|in|on|from|to|for)\b)"),
        h_frequency,
        False,
    ),
    (
        _rx(
            r"\b(?:the\s+)?(?:(?P<n>\d{1,3})(?:st|nd|rd|th)[\s-]+|(?P<w>"
            + ALT(w.replace("-", r"[\s-]") for w in sorted(ANNIVERSARY_ORDINALS, key=len, reverse=True))
            + r")\s+)?anniversary\s+of\s+"
            r"(?P<what>(?:[\w'’./-]+\s+){0,7}?[\w'’./-]*\w)(?=\s*(?:[,;:!?()]|\.(?:\s|$)|$|\s+(?:during|which|when|where|that|"
            r"and|but|as|in\s+which|with|after|before|on|was|is|has|had|will|would)\b))"
        ),
        h_anniversary,
        False,
    ),
    (
        _rx(
            r"\b(?P<name>christmas(?:\s+(?:day|eve))?|new\s+year['’]s\s+(?:day|eve)|independence\s+day|halloween|"
            r"valentine['’]s\s+day|thanksgiving(?:\s+day)?|labor\s+day|memorial\s+day|easter(?:\s+sunday)?|good\s+friday|"
            r"election\s+day|veterans['’]?\s+day|martin\s+luther\s+king(?:\s+jr\.?)?\s+day|presidents['’]?\s+day|columbus\s+day)\b"
            r"(?:,?\s+(?P<y>" + YEAR4 + r"))?"
        ),
        h_holiday,
        True,
    ),
    (
        _rx(
            r"\b(?:(?:the\s+)?(?:past|last|next|previous|coming|first|final|following)\s+)?(?:(?P<num>"
            + NUM_RE
            + r")|(?P<vague>several|a\s+few|many|some))"
            r"[\s-]+(?P<unit>seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))\b(?![\s-]+old\b|-long\s+\w+-old)"
        ),
        h_duration,
        False,
    ),
]
