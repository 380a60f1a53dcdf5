"""Rules `actors.us_state`, `actors.named_accord`, `actors.place_forename`, `actors.named_institution`,
`actors.native_american`, `actors.local_acronym`, `actors.person_surname` and `actors.dateline`: names that are not the actor the
gazetteer knows by them.

Rule `actors.us_state`: a country's name that is also the name of a US state ("Georgia") names the state
where the words around it say so; the state is then a place in the United States (USA, as "Alabama" and
the other states are in the gazetteer: a state's offices are not the federal government's).

Cues, each on the words right next to the name (our own lists):
- after a place in the United States and a comma, or after "County,": "Atlanta, Georgia", "Fulton
  County, Georgia";
- after "state of", "governor of" and the like: "the state of Georgia", "the governor of Georgia"; after a
  state official's title and name: "Governor Brian Kemp of Georgia";
- before a word only a US state has, after an optional possessive: "Georgia's governor", "Georgia Gov.
  Jane Doe", "Georgia state senators", "Georgia state and local officials", "Georgia Republicans", "Georgia's
  secretary of state";
- later in the same text, once a cue has named the state there: the bare name ("... the law takes effect
  in Georgia in July").
Elsewhere the name stays the country: "Georgia and Armenia", "Georgia's prime minister", "Tbilisi, Georgia".

Rule `actors.named_accord`: a city that names an accord, a convention or a diplomatic process ("the Paris
Agreement", "the Minsk agreements", "the Normandy format", "the Kyoto Protocol", "the Kigali Amendment") names where it was made, not
a government that acts: a place name (a capital or another city, which the gazetteer maps to a government or
its country) right before such a noun, or before one more capitalised word of the name and then such a noun ("the
Paris Climate Accord"), is no actor. A country's own name is left alone ("the Iran deal"
names a party).

Rule `actors.place_forename`: a city's name between a title and a capitalised word ("President Santiago Peña
of Paraguay", "Minister Florence Dupont") is a person's forename, not the city or its government; no actor.

Rule `actors.person_surname`: a country's name right after a forename, or a forename and an initial, is a
person's surname ("Deputy Attorney General Lisa O. Monaco", "Steve Holland of Reuters", "Representative Jim
Jordan"): no actor. The forename is a capitalised proper noun (tagger NNP) that is no actor of its own, no title or
honorific, and neither it nor its lemma is an English word (a stop word, or a word of the lemmatizer's word list or
an inflection of one: "Lake Chad", "Team USA", "Nazi Germany", "Safer America" and a headline's "Japan Condemns
China" keep their country); untagged text never counts.

Rule `actors.dateline`: a city that opens a paragraph (after an agency's tag in brackets, if any) and is followed by
a dash, or by a comma, a date and a dash ("[ENA] Addis Ababa -- China's Foreign Minister ...", "MOSCOW, March 3
(Reuters) - ..."), names where the report was filed, not a government that acts: no actor. A country's own name is
left alone.

Rule `actors.named_institution`: a place, a country or a nationality that is part of the name of a university,
a hospital, a museum or the like ("Seoul National University", "Moscow State University", "the University of
Tokyo", "the American University of Beirut") names the institution, not a government: no actor.

Rule `actors.native_american`: "Indian" names Native Americans, not India, in "American Indian", "Alaska Native
and Indian", "the Bureau of Indian Affairs", "Indian Country", "Indian tribes", "the Indian Health Service": no
actor.

Rule `actors.local_acronym`: an acronym the text itself defines, in brackets after the capitalised words it
stands for ("the Child Protection Compact (CPC)", "the Federal Railroad Administration (FRA)"), means those
words throughout the text, not the actor the gazetteer knows by the same letters (the Communist Party of China):
no actor, unless the words it stands for name that actor's own country or organisation ("the Communist Party
of China (CPC)" stays Chinese).
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np

from multipolar.actors.mentions import ActorMatch, is_name_word

RULE = "actors.us_state"
KIND = "us_state"  # the kind of a mention this rule gave (events/roles.py names the rule in `--explain` by it)
STATE_COUNTRY = "USA"
# a US state's name that is also a country's, with that country's code
STATE_NAMES = {"Georgia": "GEO"}
# "<word> of Georgia"
_BEFORE_OF = frozenset({"state", "governor", "governors", "senator", "senators", "legislature"})
# "Georgia('s) <words>": offices, bodies and parties of a US state, lower-cased
_AFTER = (
    "governor",
    "gov.",
    "lieutenant governor",
    "lt. gov.",
    "state senate",
    "state senator",
    "state senators",
    "state house",
    "state legislature",
    "state legislators",
    "state lawmakers",
    "state officials",
    "state and local",
    "state and federal",
    "state government",
    "state agencies",
    "state law",
    "state laws",
    "state election",
    "state elections",
    "state university",
    "state capitol",
    "general assembly",
    "secretary of state",
    "republican",
    "republicans",
    "democrat",
    "democrats",
    "gop",
    "county",
    "counties",
    "senator",
    "senators",
    "congressman",
    "congresswoman",
)
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# titles of a US state's officials before a name and "of Georgia" ("Governor Brian Kemp of Georgia"), lower-cased
_TITLES = frozenset({"governor", "gov.", "senator", "sen.", "representative", "rep.", "congressman", "congresswoman"})
# words that make "Indian" the name of Native Americans, not of India (rule actors.native_american), lower-cased
NATIVE_AFTER = frozenset({"affairs", "country", "tribe", "tribes", "tribal", "reservation", "reservations", "health",
                          "nations", "child", "education", "gaming", "boarding"})
NATIVE_BEFORE = frozenset({"american", "alaska", "native", "of"})
# nouns an accord or a process is named by after the city where it was made (rule actors.named_accord), lower-cased
ACCORD_NOUNS = frozenset({"agreement", "agreements", "accord", "accords", "protocol", "protocols", "convention",
                          "conventions", "format", "process", "declaration", "treaty", "charter", "consensus",
                          "communique", "communiqué", "memorandum", "statute", "principles", "framework",
                          "understandings", "formula", "amendment", "amendments"})
_MAX_WORDS = max(len(words.split()) for words in _AFTER)


def us_state(doc: Any, match: ActorMatch, lo: int, before: list[ActorMatch], named: set[str]) -> ActorMatch:
    """`match` as the US state where a cue says so (`named`: the names this text has already shown to be
    the state, updated here), else `match` unchanged. `before`: the mentions found earlier in the text."""
    name = doc[match.start].text
    if match.kind not in ("country", "role") or STATE_NAMES.get(name) != match.country:
        return match
    # a role phrase ("Georgia's secretary of state") needs its own cue; a bare name may follow an earlier one
    if not (name in named and match.kind == "country") and not _cued(doc, match.start, lo, before):
        return match
    named.add(name)
    return dataclasses.replace(match, actor_code=STATE_COUNTRY, country=STATE_COUNTRY, person=None, kind=KIND)


def _cued(doc: Any, i: int, lo: int, before: list[ActorMatch]) -> bool:
    if i - 2 >= lo and doc[i - 1].text == ",":
        if doc[i - 2].text == "County":
            return True  # "Fulton County, Georgia"
        if before and before[-1].end == i - 1 and before[-1].country == STATE_COUNTRY:
            return True  # "Atlanta, Georgia"
    if i - 2 >= lo and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _BEFORE_OF:
        return True  # "the state of Georgia", "the governor of Georgia"
    if i - 2 >= lo and doc[i - 1].lower_ == "of":  # "Governor Brian Kemp of Georgia", "Sen. Jane Doe of Georgia"
        j = i - 2
        while j > lo and i - 2 - j < 4 and doc[j].text[:1].isupper() and doc[j].lower_ not in _TITLES:
            j -= 1
        if j < i - 2 and doc[j].lower_ in _TITLES:
            return True
    k = i + 1
    if k < len(doc) and doc[k].text in _POSSESSIVE:
        k += 1
    words = " ".join(t.lower_ for t in doc[k : k + _MAX_WORDS])
    return any(words == after or words.startswith(after + " ") for after in _AFTER)


def named_accord(doc: Any, match: ActorMatch) -> bool:
    """Rule actors.named_accord: whether `match` is a city naming the accord or process after it, directly or
    through one more capitalised word of the name ("the Paris Climate Accord", "the Paris Peace Accords")."""
    if match.kind != "government" or match.end >= len(doc) or doc[match.start].lower_ == "the":
        return False
    if doc[match.end].lower_ in ACCORD_NOUNS:
        return True
    middle = doc[match.end]
    return (match.end + 1 < len(doc) and middle.is_alpha and middle.text[:1].isupper()
            and doc[match.end + 1].lower_ in ACCORD_NOUNS and doc[match.end + 1].text[:1].isupper())


# nouns of an institution a place or nationality may name (rule actors.named_institution), lower-cased
INSTITUTION_NOUNS = frozenset({"university", "college", "institute", "hospital", "museum", "school", "academy",
                               "stadium", "library", "observatory", "conservatory", "orchestra", "zoo", "seminary",
                               "polytechnic", "cathedral", "marathon"})


def named_institution(doc: Any, match: ActorMatch) -> bool:
    """Rule actors.named_institution: whether `match` is a word of an institution's name: up to three capitalised
    words after it hold an institution noun ("Seoul National University"), or "<Institution> of" precedes it
    ("the University of Tokyo")."""
    if match.kind == "person" or doc[match.start].text in STATE_NAMES:
        return False  # "Georgia State University" is left to actors.us_state (a place in the United States)
    for t in doc[match.end:match.end + 3]:
        if not (t.is_alpha and t.text[:1].isupper()):
            break
        if t.lower_ in INSTITUTION_NOUNS:
            return True
    return (match.start >= 2 and doc[match.start - 1].lower_ == "of"
            and doc[match.start - 2].lower_ in INSTITUTION_NOUNS and doc[match.start - 2].text[:1].isupper())


_LINKS = frozenset({"of", "for", "and", "the", "on", "in", "to", "&"})  # words an acronym's letters skip


def defined_acronyms(doc: Any, lo: int, hi: int) -> dict[str, tuple[int, int]]:
    """Rule actors.local_acronym: each acronym that doc[lo:hi] defines in brackets, with the token span of the
    capitalised words it stands for (their initials spell it, linking words such as "of" skipped)."""
    out: dict[str, tuple[int, int]] = {}
    if hi - lo < 4:
        return out
    from spacy.attrs import ORTH  # spaCy is loaded by whoever parsed `doc`

    # the opening brackets, found on the doc's array of word ids: no Token is made per word
    opening = np.flatnonzero(doc.to_array(ORTH)[lo + 1:hi - 2] == doc.vocab.strings["("]) + lo + 1
    for k in (int(x) for x in opening):
        acronym = doc[k + 1].text
        if (doc[k + 2].text != ")" or not (2 <= len(acronym) <= 6 and acronym.isupper() and acronym.isalpha())
                or acronym in out):
            continue
        letters, start, m = [], k, k - 1
        while m >= lo and len(letters) < len(acronym):
            word = doc[m].text
            if word[:1].isupper() and word.isalpha():
                letters.append(word[0])
                start = m
            elif word.lower() not in _LINKS or not letters:
                break
            m -= 1
        if "".join(reversed(letters)) == acronym:
            out[acronym] = (start, k)
    return out


def local_acronym(doc: Any, match: ActorMatch, defined: dict[str, tuple[int, int]], named_in: Any) -> bool:
    """Rule actors.local_acronym: whether `match` is an acronym the text defines as words that do not name its
    actor's country or organisation (`named_in(start, end)`: the actor codes the gazetteer finds in a span)."""
    span = defined.get(match.text)
    if span is None:
        return False
    return not any(code[:3] == match.country or code == match.actor_code for code in named_in(*span))


def place_forename(doc: Any, match: ActorMatch, lexicon: Any, title_ends: frozenset[str]) -> bool:
    """Rule actors.place_forename: whether `match` is a city's name used as a forename after a title (an
    honorific or the last word of a role title, `title_ends`: "President", "Minister")."""
    if match.kind != "government" or match.start == 0 or match.end >= len(doc):
        return False
    title, after = doc[match.start - 1], doc[match.end]
    is_title = title.lower_ in title_ends or title.text in lexicon.honorifics
    return (is_title and title.text[:1].isupper() and after.is_alpha and after.text[:1].isupper()
            and after.lower_ not in lexicon.titles)



def native_american(doc: Any, match: ActorMatch) -> bool:
    """Rule actors.native_american: whether `match` is "Indian(s)" naming Native Americans (the words beside it)."""
    if match.country != "IND" or match.kind != "demonym" or not doc[match.start].text.startswith("Indian"):
        return False
    after = doc[match.end].lower_ if match.end < len(doc) else ""
    before = doc[match.start - 1].lower_ if match.start > 0 else ""
    return after in NATIVE_AFTER or before in NATIVE_BEFORE


def person_surname(doc: Any, match: ActorMatch, lexicon: Any, english: frozenset[str],
                   before: list[ActorMatch]) -> bool:
    """Rule actors.person_surname: whether a country's name `match` follows a forename (`english`: the words
    the lemmatizer knows, which a forename is not; `before`: the mentions found earlier in the text)."""
    if match.kind != "country" or not english or match.start == 0:
        return False
    i = match.start - 1
    if i > 0 and len(doc[i].text) == 2 and doc[i].text[0].isupper() and doc[i].text[1] == ".":
        i -= 1  # a middle initial: "Lisa O. Monaco"
    word = doc[i]
    if word.tag_ not in ("NNP", "NNPS") or not is_name_word(word.text):
        return False
    if (word.is_stop or _is_english(word.lower_, english) or word.lemma_.lower() in english
            or word.text in lexicon.honorifics or word.lower_ in lexicon.titles):
        return False
    return not any(m.start <= i < m.end for m in before)


_ENDINGS = (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"))


def _is_english(lower: str, english: frozenset[str]) -> bool:
    """Whether a lower-cased word is an English word or an inflection of one: a headline's title case tags verbs
    as proper nouns ("Japan Condemns China's Ban")."""
    return lower in english or any(lower.endswith(end) and lower[: -len(end)] + base in english
                                   for end, base in _ENDINGS)


def english_words(nlp: Any) -> frozenset[str]:
    """The base forms of English words in the lemmatizer's lookup tables (empty when the pipeline has none)."""
    if "lemmatizer" not in nlp.component_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(word for key in index.keys() for word in index[key])


_DASHES = frozenset({"-", "--", "—", "–"})


def dateline(doc: Any, match: ActorMatch) -> bool:
    """Rule actors.dateline: whether a city's name `match` is a report's dateline."""
    if match.kind != "government" or match.end >= len(doc):
        return False
    i = match.start - 1
    if i >= 0 and doc[i].text in ("]", ")"):
        opening = "[" if doc[i].text == "]" else "("
        while i >= 0 and doc[i].text != opening:
            i -= 1
        i -= 1
    if i >= 0 and not (doc[i].is_space and "\n" in doc[i].text) and not doc[i + 1].is_sent_start:
        return False  # not at the start of a paragraph or sentence
    after = doc[match.end:match.end + 8]
    if after[0].text in _DASHES:
        return _spaced_dash(after[0])
    return after[0].text == "," and any(t.text in _DASHES and _spaced_dash(t) for t in after[1:]) and any(
        t.like_num or t.ent_type_ == "DATE" for t in after[1:])


def _spaced_dash(dash: Any) -> bool:
    """A dash that sets off a dateline: spaced, or a long dash ("MOSCOW—"); not a hyphen ("Moscow-backed")."""
    return dash.text != "-" or bool(dash.whitespace_ and dash.i > 0 and dash.doc[dash.i - 1].whitespace_)
