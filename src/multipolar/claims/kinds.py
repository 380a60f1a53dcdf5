"""Whether a figure is a level or a change, whether it is only the base of a change, and its stated scope.

Token rules over the sentence (tokens are (start, end, text) triples, as `extract._tokens` gives them):

- rule `change_kind`: a figure is a change when a change word stands right before it ("up 68%", "rose
  5%"), when "by" stands before it and a change word earlier in the clause ("raised its tariff by 50%",
  "increased by $5 billion"), when "additional", "extra" or "further" stands before it ("an additional
  10% tariff"), or when a change noun follows it ("a 5% rise"). "raised to 50%" names the new level, so
  it is a level.
- rule `base_figure`: a figure introduced by "from", "compared with", "compared to" or "versus" (with
  up to three modifiers between: "from the previously announced $1 trillion", "from last year's"), in a
  sentence with another figure of the same unit, is the starting point of a change ("cut to 10% from
  20%", "$245 billion, up from $190 billion"): it held before the period the sentence talks about, so it
  takes no period. When the comparison is spelled out ("up from", "down from", "compared with",
  "versus", "against"), a period right after the base figure is the base's ("$245 billion, up from $190
  billion in 2023"), never the claimed level's (`owned_periods`); after a bare "from" it dates the
  change ("cut to 10% from 20% in 2024").
- rule `figure_kind`: what a figure is, beyond level and change (a level of a single-valued measure is
  the only kind that can be contradicted, `group.py`):
  - "share": a percent followed by "of" ("70% of world GDP", "40 percent of the nation's imports");
  - "change": a percent followed by a comparative ("15% more containers", "3 percent higher");
  - "amount": money given, spent, asked for or cancelled in one act - a verb of giving or spending
    before it in its clause ("invested $5 billion", "providing $15 million", "canceled $127 billion",
    "called for $3.5 billion", "cost the economy $70 billion"), or a purpose or an instrument after it
    ("$15 million for rural clinics", "$5 billion in debt relief", "a $22 million grant");
  - "bound": a figure stated as a bound ("up to $20,000", "less than $125,000", "more than 5 percent",
    "at least", "over", "under"): a bound is not the value, so two bounds, or a bound and a value, are
    not two values of one quantity;
  - "forecast": a figure someone projects or expects ("projected that unemployment would be 4.6%",
    "growth is expected to reach 3%"), which a later outcome does not contradict; rule
    `target_not_level`: so is a target, a goal, a plan or a possibility ("a target of $300 billion in
    trade for 2024", "the goal is", "is set to hit", "on track to", "could reach"): what someone aims at
    or thinks possible is no reading of the quantity;
  - "range": one end of a range ("between 3 and 4 percent", "3-4%", "$3 billion to $4 billion"), which
    is no value of its own ("from $3 billion to $4 billion" and "by 3% to 7%" are changes, their end the
    new level; a spaced dash repeats or breaks off a figure, "$5 - $5 billion", and makes no range);
  - "rate": a figure per some unit other than the year ("$400 a month", "$3 per gallon", "$90,000 per
    household", "$12,000 per capita"): a rate per person or per month is no level of the whole;
  - "vague": a magnitude in words ("hundreds of dollars", "thousands of troops", "dozens of"), which
    states no value;
  - "cumulative": a sum over several years or to date ("$8 trillion over the past four years", "$6
    trillion over ten years", "a total of", "combined", "so far", "between 2021 and 2024"; a part of a
    year: "year to date", "in the first nine months", "from January through October"; never "since
    2019", which as often dates a record: "the lowest since 2019"), or an
    average over them ("an average of 3%", "3% a year on average"): neither is the level of one period.
- rule `rate_reading`: a monthly rate (unemployment, inflation) moved "to" a value ("fell to 3.8 percent")
  takes a year only from its own clause or the sentence's opening time phrase ("In 2019, ..."); else it
  is the reading of the publication month (`is_rate_reading`, `rate_reading_spans`).
- rule `part_of_country`: a figure whose nearest mention of its subject's country (the last before it,
  else the first after it) is a place inside
  that country ("unemployment in Puerto Rico fell to 5.8%", "Texas exports reached $400 billion") is
  the place's figure, not the country's: its scope is the place, so it never meets the country's own.
- rule `stated_scope`: without a parse, a figure covers "all" of its measure when the words after it
  say so ("on all imports", "on every product") or the sentence calls it "across-the-board" or
  "blanket"; anything narrower needs the parse (`roles.py`) - or rule `measure_in_goods`: a trade
  figure of a kind of goods named by "in" right after its measure word ("a trade deficit in
  agriculture of $40 billion", "the surplus in services reached $9 billion", "exports in rare earths"),
  or by "of" after exports or imports ("imports of steel", "exports of Chilean copper"), has those
  goods as its scope - goods, products or merchandise in general name no part; a time, a place or a manner after "in" ("in 2024", "in March", "in
  China", "in recent years", "in real terms") names no goods.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from multipolar.claims.lexicon import CountryMention, MeasureWord
from multipolar.quantities import Quantity
from multipolar.vocab import MONTHS

Token = tuple[int, int, str]

CHANGE_AFTER = frozenset({"increase", "rise", "drop", "fall", "decline", "jump", "surge", "gain", "decrease", "cut",
                          "hike", "reduction"})
_INCREMENT = frozenset({"additional", "extra", "further"})
_SKIP = frozenset({"about", "around", "roughly", "nearly", "almost", "some", "approximately", "over", "under",
                   "an", "a", "another"})
_CLAUSE_END = frozenset({",", ";", ":", ".", "(", ")", "and", "but", "while", "which", "that"})
_BASE = re.compile(r"(?i)(?:\bfrom|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bagainst)\s*$")
_BASE_MODIFIER = re.compile(
    r"(?i)\b(?:the|its|their|his|her|our|this|that|last|previous|previously|earlier|prior|initial|initially"
    r"|original|originally|year['’]s|month['’]s|[a-z]+ed)$"
)
_ALL_AFTER = re.compile(r"(?i)^[^,;.]{0,60}?\b(?:on|to|covering|for)\s+(?:all|every|each)\b")
_ALL_ANYWHERE = re.compile(r"(?i)\b(?:across[- ]the[- ]board|blanket|universal)\b")


def _is_change_word(word: str, words: dict[str, MeasureWord]) -> bool:
    entry = words.get(word.lower())
    return entry is not None and entry.role == "change"


def is_change(tokens: Sequence[Token], q: Quantity, words: dict[str, MeasureWord]) -> bool:
    """Rule `change_kind` (module docstring)."""
    before = [t[2].lower() for t in tokens if t[1] <= q.start]
    while before and before[-1] in _SKIP:
        before.pop()
    if before and (_is_change_word(before[-1], words) or before[-1] in _INCREMENT):
        return True
    if before and before[-1] == "by":
        for word in reversed(before[-9:-1]):
            if word in _CLAUSE_END:
                break
            if _is_change_word(word, words):
                return True
    after = [t[2].lower() for t in tokens if t[0] >= q.end]
    return bool(after) and after[0] in CHANGE_AFTER


def is_base(text: str, s_start: int, q: Quantity, others: Sequence[Quantity]) -> bool:
    """Rule `base_figure` (module docstring): `others` are the sentence's other figures."""
    if not any(o.unit == q.unit and o.start != q.start for o in others):
        return False
    head = text[max(s_start, q.start - 70) : q.start].rstrip()
    head = re.sub(r"(?i)\b(?:about|around|roughly|nearly|almost|approximately|some|a|an)$", "", head).rstrip()
    for _ in range(4):  # "from the previously announced $1 trillion", "from last year's $190 billion"
        if _BASE.search(head):
            return True
        shorter = _BASE_MODIFIER.sub("", head).rstrip()
        if shorter == head:
            return False
        head = shorter
    return False


_COMPARATIVE = re.compile(
    r"(?i)(?:\b(?:up|down|rising|falling|rose|fell|increase|decrease|rise|drop)\s+from|\bcompared\s+(?:with|to)"
    r"|\bversus|\bvs\.?|\bagainst)\s*$"
)
_OWNED_GAP = 4


def owned_periods(text: str, s_start: int, quantities: Sequence[Quantity]) -> list[tuple[int, int]]:
    """Rule `base_figure` (module docstring): where a period starting there belongs to a base figure of the
    sentence (`quantities`, its figures) introduced by a spelled-out comparison."""
    spans = []
    for q in quantities:
        if not is_base(text, s_start, q, quantities):
            continue
        head = text[max(s_start, q.start - 40) : q.start].rstrip()
        head = re.sub(r"(?i)\b(?:about|around|roughly|nearly|almost|approximately|some|a|an)$", "", head).rstrip()
        if _COMPARATIVE.search(head):
            spans.append((q.end, q.end + _OWNED_GAP))
    return spans


_SHARE_AFTER = re.compile(r"(?i)^\s*of\b")
_COMPARATIVE_AFTER = re.compile(
    r"(?i)^\s*(?:more|less|fewer|higher|lower|greater|smaller|larger|bigger|faster|slower|above|below|cheaper)\b"
)
_ACT_VERBS = frozenset("""
invest invests invested investing provide provides provided providing award awards awarded awarding grant grants
granted granting fund funds funded funding allocate allocates allocated allocating request requests requested
requesting propose proposes proposed proposing approve approves approved approving cancel cancels canceled cancelled
canceling cancelling forgive forgives forgave forgiven forgiving relieve relieves relieved eliminate eliminates
eliminated leverage leverages leveraged leveraging donate donates donated donating pledge pledges pledged pledging
commit commits committed committing deliver delivers delivered delivering dedicate dedicates dedicated earmark
earmarked unveil unveiled save saves saved saving cost costs costing lend lends lent lending raise raises raised
spend spends spent
""".split())
_CALL_FOR = ("call", "calls", "called", "calling")
_INSTRUMENT_AFTER = frozenset("""
grant grants loan loans project projects package packages contract contracts award awards program programs programme
fund funds initiative initiatives investment investments deal deals donation donations pledge pledges plan
""".split())
_PURPOSE_IN = frozenset("""
relief cancellation cancellations forgiveness aid assistance funding funds grants loans investment investments
subsidies support financing savings credits
""".split())
_TIME_WORDS = re.compile(
    r"(?i)^\s*for\s+(?:the\s+)?(?:(?:fiscal\s+)?year|(?:19|20)\d\d|fy|first|second|third|fourth|quarter|month|period"
    r"|half|january|february|march|april|may|june|july|august|september|october|november|december|\d)"
)
_FORECAST_WORDS = frozenset("""
projected projects project projection projections forecast forecasts forecasted predicted predicts predict expected
expects expect anticipated anticipates outlook would will
target targets targeted targeting goal goals aim aims aiming objective objectives ambition ambitions could might
should hope hopes hoped seek seeks sought plan plans planned intend intends intended envisage envisages envisaged
envision envisions poised
""".split())  # rule `target_not_level`: a target, a goal, a plan or a "could" figure is no level either
_FORECAST_PAIRS = frozenset({("set", "to"), ("on", "track"), ("due", "to"), ("slated", "to")})
_CLAUSE_STOP = frozenset({";", ".", ":", "(", ")"})


def _clause_before(tokens: Sequence[Token], q: Quantity, limit: int) -> list[str]:
    """The words of the clause before the figure, up to `limit`; the full stop of an initial ("U.S.",
    "U.K.": after a single capital letter) ends no clause (rule `initial_stop`)."""
    before = [t for t in tokens if t[1] <= q.start]
    words: list[str] = []
    for k in range(len(before) - 1, -1, -1):
        t = before[k]
        initial = t[2] == "." and k > 0 and len(before[k - 1][2]) == 1 and before[k - 1][2].isupper()
        if (t[2] in _CLAUSE_STOP and not initial) or len(words) >= limit:
            break
        words.append(t[2].lower())
    return words[::-1]


def _is_amount(text: str, s_end: int, tokens: Sequence[Token], q: Quantity) -> bool:
    before = _clause_before(tokens, q, 6)
    cut = max((k for k, w in enumerate(before) if w == ","), default=-1)
    near = before[cut + 1 :]
    if any(w in _ACT_VERBS for w in near):
        return True
    if len(near) >= 2 and near[-1] in {"for", "of"} and near[-2] in _CALL_FOR:
        return True
    after = text[q.end : min(s_end, q.end + 60)]
    words = re.findall(r"[A-Za-z]+|[^\sA-Za-z]", after.lower())
    if words and words[0] in _INSTRUMENT_AFTER:
        return True
    if words and words[0] == "for" and not _TIME_WORDS.match(after):
        return True
    if words and words[0] == "in":
        for w in words[1:5]:
            if w in _PURPOSE_IN:
                return True
            if not w.isalpha():
                break
    return False


_BOUND_BEFORE = re.compile(
    r"(?i)\b(?:up\s+to|less\s+than|more\s+than|fewer\s+than|greater\s+than|at\s+least|at\s+most|over|under"
    r"|below|above|as\s+(?:much|many|high|low)\s+as|in\s+excess\s+of|upwards\s+of)\s*$"
)


_RANGE_BEFORE = re.compile(r"(?i)(?:\bbetween\s+\S+\s+and\s*|\d[-–])$")
_RANGE_TO_BEFORE = re.compile(r"(?i)(?<!from)\s\S*\d\S*(?:\s+(?:thousand|million|billion|trillion|percent))?\s+to\s*$")
_RANGE_AFTER = re.compile(r"(?i)^(?:[-–]|\s*to\s*)[$€£¥₽]?\d")
_BETWEEN_BEFORE = re.compile(r"(?i)\bbetween\s*[$€£¥₽]?$")
_FROM_BEFORE = re.compile(r"(?i)\b(?:from|by)\s*[$€£¥₽]?$")
_MONTH_NAME = "(?:" + "|".join(sorted((m for m in MONTHS if len(m) > 3), key=len, reverse=True)) + ")"
_SPAN_WORDS = (
    r"over\s+(?:the\s+)?(?:(?:past|last|next|coming|previous|first)\s+)?(?:\w+\s+)?(?:years|decades?|months)"
    r"|in\s+total|a\s+total\s+of|combined|cumulative(?:ly)?|to\s+date|so\s+far|altogether"
    rf"|all\s+told|year[-\s]to[-\s]date|(?:first|past|last)\s+(?:\w+\s+)?months|through\s+{_MONTH_NAME}"
    rf"|(?:between|from)\s+{_MONTH_NAME}\s+(?:to|through|and|until)|between\s+(?:19|20)\d\d\s+and|from\s+(?:\w+\s+)?(?:19|20)\d\d\s+"
    r"(?:to|through|until)|(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d|on\s+average|an?\s+average(?:\s+annual)?\s+"
    r"(?:\w+\s+)?(?:of|rate)|averag(?:ed|ing)|average\s+annual|per\s+year\s+on\s+average"
)
_SPAN_AFTER = re.compile(rf"(?i)^[^;.]{{0,60}}?\b(?:{_SPAN_WORDS})\b")
_SPAN_BEFORE = re.compile(rf"(?i)\b(?:{_SPAN_WORDS})\b[^;.]{{0,40}}$")


_VAGUE = re.compile(r"(?i)^(?:hundreds|thousands|millions|billions|trillions|dozens|tens)\s+of\b")
_PER_UNIT = re.compile(
    r"(?i)^\s*(?:(?:a|an|per|each|every)\s+(?:month|week|day|hour|person|people|household|family|head|capita|worker"
    r"|employee|student|child|patient|resident|citizen|barrel|gallon|litre|liter|ton|tonne|unit|share|vehicle|car"
    r"|mile|kilometre|kilometer|kilowatt-hour|kwh|megawatt-hour)s?|monthly|weekly|daily|per\s+capita)\b"
)


def is_range_end(text: str, s_start: int, s_end: int, q: Quantity) -> bool:
    """Rule `figure_kind`, "range": the figure is one end of a range, not a value."""
    before = text[max(s_start, q.start - 40) : q.start]
    after = text[q.end : s_end]
    if _RANGE_BEFORE.search(before) or _RANGE_TO_BEFORE.search(before):
        return not re.search(r"(?i)\b(?:from|by)\s+[$€£¥₽]?\S*\d\S*(?:\s+\w+)?\s+to\s*$", before)
    if _RANGE_AFTER.match(after):
        return bool(_BETWEEN_BEFORE.search(before)) or not _FROM_BEFORE.search(before)
    return False


def is_cumulative(text: str, s_start: int, s_end: int, q: Quantity) -> bool:
    """Rule `figure_kind`, "cumulative": a sum or an average over several years, or to date."""
    return bool(_SPAN_AFTER.search(text[q.end : s_end]) or _SPAN_BEFORE.search(text[max(s_start, q.start - 60) : q.start]))


def figure_kind(text: str, s_end: int, tokens: Sequence[Token], q: Quantity, *, change: bool,
                s_start: int = 0) -> str:
    """Rule `figure_kind` (module docstring): level, change, share, amount, bound, forecast, range or
    cumulative."""
    after = text[q.end : s_end]
    if q.unit == "percent" and _COMPARATIVE_AFTER.match(after):
        return "change"
    if change:
        return "change"
    if q.unit == "percent" and _SHARE_AFTER.match(after):
        return "share"
    if _BOUND_BEFORE.search(text[max(0, q.start - 25) : q.start]):
        return "bound"
    if len(q.unit) == 3 and q.unit.isalpha() and q.unit.isupper() and _is_amount(text, s_end, tokens, q):
        return "amount"
    clause = _clause_before(tokens, q, 12)
    pairs = zip(clause, clause[1:], strict=False)
    if any(w in _FORECAST_WORDS for w in clause) or any(pair in _FORECAST_PAIRS for pair in pairs):
        return "forecast"  # rules `figure_kind` (forecast) and `target_not_level`
    if _VAGUE.match(q.text):
        return "vague"
    if _PER_UNIT.match(after):
        return "rate"
    if is_range_end(text, s_start, s_end, q):
        return "range"
    if is_cumulative(text, s_start, s_end, q):
        return "cumulative"
    return "level"


def stated_scope(text: str, s_start: int, s_end: int, q: Quantity) -> str | None:
    """Rules `stated_scope` and `measure_in_goods` (module docstring): "all", the goods, or None."""
    if _ALL_AFTER.search(text[q.end : s_end]) or _ALL_ANYWHERE.search(text, s_start, s_end):
        return "all"
    return goods_scope(text, s_start, s_end, q)


_MEASURE_IN = re.compile(
    r"\b(?:(?:trade|deficits?|surplus(?:es)?|exports?|imports?)\s+in|(?:exports?|imports?)\s+of(?:\s+[A-Z][a-z]+)?)"
    r"\s+(?P<goods>[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)"
)
_NOT_GOODS = frozenset("""
the a an its their our his her this that these those recent past last next previous coming first second third
fourth early late mid total terms real nominal value dollar dollars volume part particular general all both each
recent years year months month weeks quarter decade history addition order return response place fact light
which what whose goods products merchandise more less over about nearly almost some around roughly
approximately just up only
""".split())
_GOODS_STOP = frozenset("""
and or of to from with by at for as than is are was were be been has have had hit rose fell grew stood totals
worth reach reaches reaching amount amounts came soared widen widens narrow narrows
""".split())


def goods_scope(text: str, s_start: int, s_end: int, q: Quantity) -> str | None:
    """Rule `measure_in_goods`: the goods named by "<measure> in <goods>" nearest before the figure in its
    clause (or right after it), or None."""
    best: str | None = None
    for m in _MEASURE_IN.finditer(text, s_start, s_end):
        if m.start() >= q.end + 40:
            break
        if m.end() <= q.start and re.search(r"[;.]\s", text[m.end() : q.start]):
            continue  # another clause
        words = m.group("goods").split()
        if words[0] in _NOT_GOODS:
            continue
        goods: list[str] = []
        for w in words:
            if w in _GOODS_STOP or w.endswith("ed"):
                break  # a verb or a function word ends the goods: "in goods exceeded" -> goods
            goods.append(w)
        if goods:
            best = " ".join(goods)
            if m.start() > q.start:
                break
    return best


def part_scope(mentions: Sequence[CountryMention], subject: Sequence[str], q: Quantity) -> str | None:
    """Rule `part_of_country` (module docstring): the place, or None when the figure is the country's."""
    own = [m for m in mentions if m.code in subject]
    if not own:
        return None
    before = [m for m in own if m.end <= q.start]
    nearest = before[-1] if before else own[0]
    return nearest.text if nearest.part else None


# rule `rate_reading`: a monthly rate (unemployment, inflation) moved "to" a value ("unemployment fell to
# 3.8 percent", "inflation is down to 3%") is a reading of its latest month; a year named outside its
# clause ("progress over the last year, ... and unemployment down to 3.8 percent") dates something else
MONTHLY_RATES = frozenset({"unemployment", "inflation"})
_CLAUSE_MARK = re.compile(r"[,;:()]|\s[—–-]\s|\b(?:and|but|while|whereas)\b")


def is_rate_reading(tokens: Sequence[Token], q: Quantity, measure: str, words: dict[str, MeasureWord]) -> bool:
    """Rule `rate_reading` (above): the figure is a monthly rate reached by a change ("fell to 3.8%")."""
    if q.unit != "percent" or not measure.split() or measure.split()[-1] not in MONTHLY_RATES:
        return False
    before = [t[2].lower() for t in tokens if t[1] <= q.start]
    while before and before[-1] in _SKIP:
        before.pop()
    if not before or before[-1] != "to":
        return False
    return any(_is_change_word(w, words) for w in before[-5:-1])


def rate_reading_spans(text: str, s_start: int, s_end: int, q: Quantity) -> list[tuple[int, int]]:
    """Where a period dates a rate reading (rule `rate_reading`): the figure's clause (from the last clause
    mark before it to the first one after it) and a short opening phrase of the sentence ("In 2019, ...")."""
    start = s_start
    for m in _CLAUSE_MARK.finditer(text, s_start, q.start):
        start = m.end()
    m = _CLAUSE_MARK.search(text, q.end, s_end)
    spans = [(start, m.start() if m else s_end)]
    opening = _OPENING_TIME.match(text, s_start, s_end)
    if opening is not None:
        spans.append((s_start, opening.end()))
    return spans


_OPENING_TIME = re.compile(r"(?i)(?:in|on|during|by|as\s+of|at|for|through|throughout|last|this|since)\b[^,;:.]{0,40}?(?=,)")
