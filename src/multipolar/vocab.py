"""English words for numbers, months and units, shared by the date finder and the quantity finder."""

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

# --- units of quantities (multipolar.quantities) ---

SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "tr": 1e12,
}
SYMBOL_CURRENCY = {
    "$": "USD",
    "us$": "USD",
    "usd$": "USD",
    "au$": "AUD",
    "a$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "hk$": "HKD",
    "nz$": "NZD",
    "s$": "SGD",
    "€": "EUR",
    "£": "GBP",
    "¥": "CNY",
    "₽": "RUB",
    "₹": "INR",
}
CURRENCY_CODES = (
    "USD",
    "EUR",
    "RUB",
    "CNY",
    "RMB",
    "GBP",
    "JPY",
    "INR",
    "AUD",
    "CAD",
    "CHF",
    "KRW",
    "TRY",
    "UAH",
    "IRR",
    "SAR",
    "HKD",
    "BRL",
    "ZAR",
)
CURRENCY_ALIASES = {"RMB": "CNY"}
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "yuan": "CNY",
    "renminbi": "CNY",
    "ruble": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "roubles": "RUB",
    "pound": "GBP",
    "pounds": "GBP",
    "yen": "JPY",
    "rupee": "INR",
    "rupees": "INR",
    "won": "KRW",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "lira": "TRY",
    "liras": "TRY",
    "rial": "IRR",
    "rials": "IRR",
    "riyal": "SAR",
    "riyals": "SAR",
    "rand": "ZAR",
    "real": "BRL",
    "reais": "BRL",
    "franc": "CHF",
    "francs": "CHF",
}
DOLLAR_QUALIFIERS = {
    "us": "USD",
    "u.s.": "USD",
    "american": "USD",
    "australian": "AUD",
    "canadian": "CAD",
    "hong kong": "HKD",
    "singapore": "SGD",
    "new zealand": "NZD",
}
PEOPLE_NOUNS = {
    "people": "people",
    "persons": "people",
    "individuals": "people",
    "civilians": "civilians",
    "troops": "troops",
    "soldiers": "troops",
    "servicemen": "troops",
    "service members": "troops",
    "personnel": "troops",
    "forces": "troops",
    "fighters": "fighters",
    "militants": "fighters",
    "refugees": "refugees",
    "migrants": "migrants",
    "immigrants": "migrants",
    "asylum seekers": "migrants",
    "evacuees": "displaced",
    "displaced": "displaced",
    "casualties": "casualties",
    "deaths": "deaths",
    "dead": "deaths",
    "fatalities": "deaths",
    "killed": "deaths",
    "wounded": "wounded",
    "injured": "wounded",
    "victims": "victims",
    "prisoners": "prisoners",
    "hostages": "hostages",
    "detainees": "prisoners",
    "protesters": "protesters",
    "demonstrators": "protesters",
    "residents": "residents",
    "inhabitants": "residents",
    "citizens": "citizens",
    "nationals": "citizens",
    "workers": "workers",
    "employees": "workers",
    "children": "children",
    "students": "students",
    "volunteers": "volunteers",
    "diplomats": "diplomats",
    "visitors": "visitors",
    "tourists": "visitors",
}
