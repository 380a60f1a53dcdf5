"""Reading who did what to whom off a spaCy dependency parse (ClearNLP labels of en_core_web_sm).

Pure functions over tokens plus a map from token index to the actor mention covering it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from multipolar.actors.issuer import issuer_mentions
from multipolar.actors.titled import title_anaphors, titled_names
from multipolar.events.rulebook import is_state_mention, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJ = ("nsubj", "csubj")
PASS_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj", "dative", "iobj")
TARGET_PREPS = ("with", "to", "against", "on", "for", "at", "toward", "towards", "into", "upon", "over", "from", "of")
NOUN_TARGET_PREPS = ("on", "against", "to", "with", "of", "into", "for", "at", "toward", "towards", "in", "over")
SKIP_IN_ARG = ("relcl", "acl", "advcl", "conj", "cc", "punct", "ccomp", "xcomp", "parataxis", "appos")
PRONOUNS = {"it", "he", "she", "they", "we", "i", "its", "his", "her", "their", "our", "itself", "themselves"}

Actors = dict[int, Any]  # token index -> ActorMatch


def actor_map(doc: Doc, matches: Sequence[Any], context: Callable[..., Sequence[Any]] | None,
              issuer: str | None) -> Actors:
    """{token index: actor mention} of a parsed doc: the resolver's names (`matches`), the nouns the context
    places (`context`, the resolver's context_mentions), titled people the gazetteer does not know and their
    later surnames (actors.titled_name) and, in an official statement of `issuer`, the issuing government's
    self-references."""
    actors: Actors = {}
    for m in matches:
        for i in range(m.start, m.end):
            actors.setdefault(i, m)
    # "police", "the government", "President Jane Doe": placed by the country the context names
    if context is not None:
        for m in context(doc, matches):
            for i in range(m.start, m.end):
                if m.kind == "resident":  # "Serbs in Bosnia": the country they live in
                    actors[i] = m
                else:
                    actors.setdefault(i, m)
    # "Kenyan Foreign Minister Abel Mwangi ... Mwangi said": a titled person the gazetteer does not know
    titled_names(doc, actors, matches)
    # "I", "we", "my Administration", "the Secretary of Commerce" in an official statement: its government
    issuer_mentions(doc, actors, issuer)
    # "the Prime Minister": the person last named with that title (actors.title_anaphor), after the issuer's own
    title_anaphors(doc, actors)
    return actors


def depth(tok: Token) -> int:
    """How many heads lie between a token and its sentence's root."""
    d, x = 0, tok
    while x.head.i != x.i and d < 40:
        x = x.head
        d += 1
    return d


def conj_heads(tok: Token) -> list[Token]:
    """The token and its coordinated siblings ("Putin and Xi" -> [Putin, Xi]).

    Two misparses of lists are read as coordination too: a list whose second item is attached as an
    apposition or adverbial noun beside a conjunction ("The US, Russia, and Switzerland": Russia appos,
    Switzerland its conj; "Chile, Peru, and Bolivia": Peru npadvmod of Chile, which has the "and"), and a name split
    across two tokens whose second carries the conjunct ("Barack Obama and Vladimir Putin" with Obama
    as a dependent of Barack)."""
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        name = [t] + [c for c in t.children if c.pos_ == "PROPN" and c.i == t.i + 1 and c.dep_ in SPLIT_NAME]
        for part in name:
            for c in part.children:
                coordinated = c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON")
                listed = (c.dep_ in ("appos", "npadvmod") and c.pos_ == "PROPN"
                          and any(x.dep_ in ("conj", "cc") for x in (*c.children, *part.children)))
                if (coordinated or listed) and c not in out and not place_country(c):
                    out.append(c)
                    stack.append(c)
    return out


SPLIT_NAME = ("pobj", "compound", "flat", "npadvmod", "appos")
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "from", "to"})


def place_country(tok: Token) -> bool:
    """Rule syntax.place_country: a name right after "<place>," where the place is the object of "in", "at",
    "to" ... ("met Zelenskyy of Ukraine in Munich, Germany") names the place's country, which the parser may hang
    on a party as one more conjunct; it is where the act happened, not a party."""
    doc = tok.doc
    if tok.i < 3 or doc[tok.i - 1].text != "," or doc[tok.i - 3].text == ",":
        return False  # "from Argentina, Austria, Brazil and Spain" is a list
    if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in (",", "and", "or", "&"):
        return False  # "in Paris, London and Berlin"
    place = doc[tok.i - 2]
    return place.dep_ == "pobj" and place.head.lower_ in PLACE_PREPS and place.pos_ == "PROPN" and not any(
        c.dep_ == "cc" for c in tok.children)


def _arg_tokens(head: Token) -> list[Token]:
    out = [head]
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in SKIP_IN_ARG:
                continue
            out.append(c)
            stack.append(c)
    return out


def actor_of(head: Token, actors: Actors) -> Any | None:
    """The actor mention an argument headed by `head` refers to: the one containing the head, else the
    nearest one in its phrase ("the leaders of China" -> China), one named as where the argument is coming
    only when no other is named ("Prime Minister Berg of Norway at the White House" -> Norway), else None."""
    hit = actors.get(head.i)
    if hit is not None:
        return hit
    best, best_rank = None, (2, 2, 99, 0)
    for t in _arg_tokens(head):
        m = actors.get(t.i)
        if m is None:
            continue
        place, topic, depth = _path_to(t, head)
        # rule syntax.nearest_party: of two mentions as deep, the earlier (the nearer to the head); one in an
        # "about" phrase only where no other is named ("talks with Germany about Syria" -> Germany)
        if (place, topic, depth, t.i) < best_rank:
            best, best_rank = m, (place, topic, depth, t.i)
    return best if best is not None else _appositive_name(head, actors)


def _appositive_name(head: Token, actors: Actors) -> Any | None:
    """Rule syntax.naming_apposition: a common noun that names no one is named by its apposition ("seized her
    predecessor Nicolas Maduro"): the apposition's actor, or None. An apposition describing a name ("Peru, another
    buyer") is not read, nor one in a list, which conj_heads reads ("between Chile and its neighbour, Peru")."""
    if (head.pos_ != "NOUN" or head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children)
            or any(t.i in actors for t in _arg_tokens(head))):
        return None
    for c in head.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN" and (m := actor_of(c, actors)) is not None:
            return m
    return None


def _path_to(t: Token, head: Token) -> tuple[int, int, int]:
    """(in a phrase of where, in a phrase of what about, depth) of `t` under `head`."""
    depth, x, place, topic = 0, t, 0, 0
    while x.i != head.i and depth < 20:
        place = place or int(x.dep_ == "prep" and x.lower_ in WHERE_PREPS)
        topic = topic or int(x.dep_ == "prep" and x.lower_ in ABOUT_PREPS)
        x, depth = x.head, depth + 1
    return place, topic, depth


WHERE_PREPS = frozenset({"at", "in", "near", "inside", "outside"})  # where someone is, not whom they stand for
ABOUT_PREPS = frozenset({"about", "regarding", "concerning"})  # what is talked about
# "with the support of X": X backs the act (rule syntax.backing_phrase)
BACKING_NOUNS = frozenset({"support", "help", "backing", "blessing", "approval", "consent", "assistance", "aid",
                           "participation", "cooperation", "collaboration", "encouragement", "mediation"})


def actors_of(head: Token, actors: Actors, *, listed: bool = False) -> list[Any]:
    """The actors an argument names: its head's and its coordinated heads' ("Putin and Xi"), and those
    of coordinated modifiers ("American and British activists"). With `listed` (targets only) also each
    state a group noun's of/from list names (rule `roles.listed_states`) and each state of a list the parser
    split at its bracketed figures (rule `syntax.bracketed_list`)."""
    out: list[Any] = []
    for h in conj_heads(head):
        found = ([actor_of(h, actors)] + (listed_states(h, actors) + bracketed_list(h, actors) if listed else [])
                 + split_coordination(h, actors))
        for mod in h.children:
            conjuncts = [c for c in mod.children if c.dep_ == "conj" and c.i in actors]
            if mod.dep_ in ("amod", "compound", "nmod") and mod.i in actors and conjuncts:
                found += [actors[mod.i]] + [actors[c.i] for c in conjuncts]
        # "Sierra Leonean and Liberian refugees": a conjunct inside the mention's own words
        for m in [x for x in found if x is not None]:
            for i in range(m.start, m.end):
                found += [actor_of(c, actors) for c in h.doc[i].children if c.dep_ == "conj" and not place_country(c)]
        for m in found:
            if m is not None and all(m is not o for o in out):
                out.append(m)
    return out


def split_coordination(head: Token, actors: Actors) -> list[Any]:
    """Rule `syntax.split_coordination`: a misparse of two titled names joined by "and" ("President Trump and
    President Xi met"), where the first name hangs off the second as a modifier that carries the "and", and the
    conjunct is the second title, a word of no mention: the modifier's mention is coordinated with the head's.
    [] when the modifier's conjunct is itself a mention (read as coordinated modifiers: "American and British
    activists") or the head is no mention."""
    if head.i not in actors:
        return []
    out: list[Any] = []
    for mod in head.children:
        if mod.dep_ not in ("nmod", "compound") or mod.i >= head.i or mod.i not in actors:
            continue
        kids = list(mod.children)
        if (any(c.dep_ == "cc" and c.lower_ == "and" for c in kids)
                and any(c.dep_ == "conj" and c.i not in actors for c in kids)
                and actors[mod.i] is not actors[head.i]):
            out.append(actors[mod.i])
    return out


def bracketed_list(head: Token, actors: Actors) -> list[Any]:
    """Rule `syntax.bracketed_list`: the states that follow a target state in a list whose items carry bracketed
    figures ("tariffs on Peru (20%), Chile (15%) and Norway (25%)"), which the parser splits apart at the
    brackets (Chile as an adverbial of the verb): read off the words, each state separated from the one before
    only by a bracket of figures and a comma, "and" or "or". [] unless the head is a state and at least one
    bracket was passed (the head's state is the one `actor_of` gives: "tariffs on Peru (20%) ..."); the list
    ends at the first other word, or at a state that is a clause's subject ("tariffs on Peru (20%), and Chile
    answered")."""
    first = actor_of(head, actors)
    if first is None or not is_state_mention(first):
        return []
    doc, end = head.doc, head.sent.end
    out: list[Any] = []
    i, brackets = first.end, 0
    while i < end:
        if doc[i].text == "(":
            close = next((j for j in range(i + 1, min(i + 8, end)) if doc[j].text == ")"), None)
            if close is None or any(j in actors for j in range(i + 1, close)):
                break
            i, brackets = close + 1, brackets + 1
            continue
        start = i
        while i < end and (doc[i].text == "," or doc[i].lower_ in ("and", "or")):
            i += 1
        m = actors.get(i) if i < end and i > start else None
        if m is None or m.start != i or not is_state_mention(m) or doc[i].dep_ in SUBJ + PASS_SUBJ:
            break
        out.append(m)
        i = m.end
    return out if brackets else []


def listed_states(head: Token, actors: Actors) -> list[Any]:
    """Rule `roles.listed_states`: the states after the first in the list an "of"/"from" phrase of a group
    noun names ("met the leaders of Japan, India and Australia", "sanctions on officials from Iran and
    Syria"): the noun stands for the people or offices of each state listed, so each is a target of the act,
    as a coordinated object is ("met Japan and India"), not the first alone (`actor_of` gives the first).
    Target phrases use it (an object, a prepositional object, a passive subject, a nominal act's target
    phrase); a list as active subject keeps its first state, so a stand-in target is still looked for, except
    where the act is symmetric (rule `syntax.subject_list`, events/arguments.py: "officials from Chile and Peru
    held talks" is each way). Group nouns: `listed_heads` in data/rules/roles.json. [] for any other phrase, or a list
    of one."""
    group = words("roles")["listed_heads"]
    if not (head.pos_ == "NOUN" and head.lemma_.lower() in group
            # a capitalised group noun the tagger reads as a name ("met with Ambassadors from A, B and C")
            or head.pos_ == "PROPN" and head.i not in actors and head.lower_.removesuffix("s") in group):
        return []
    out: list[Any] = []
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
            continue
        for obj in (p for p in prep.children if p.dep_ == "pobj"):
            for member in conj_heads(obj)[1:]:
                m = actor_of(member, actors)
                if m is not None and all(m is not o for o in out):
                    out.append(m)
    return out


def _headline_pair(verb: Token, subject: Token, actors: Actors) -> list[Any]:
    """A headline's "Russia, China hold drills": a state named right before the subject and a comma, which the
    parser hangs from the verb as a modifier, is a subject too (a headline writes "and" as a comma)."""
    doc = subject.doc
    return [actors[c.i] for c in verb.children
            if c.dep_ == "npadvmod" and c.i in actors and c.i + 2 == subject.i and doc[c.i + 1].text == ","]


def subject_listed_states(verb: Token, actors: Actors) -> list[Any]:
    """The states after the first that a verb's subject's group-noun list names ("the leaders of Japan, Australia
    and India met": Australia and India; rule `syntax.subject_list`)."""
    return [m for c in verb.children if c.dep_ in SUBJ for h in conj_heads(c) for m in listed_states(h, actors)]


def governing_subject(tok: Token, actors: Actors, *, depth: int = 0) -> list[Any]:
    """Subjects of the nearest clause above `tok` that has a resolvable subject (for pronouns and
    subjectless complements); a passive one counts ("X is set to appear in court after he was captured")."""
    x = tok
    for _ in range(6):
        if x.head.i == x.i:
            return []
        x = x.head
        for c in x.children:
            if c.dep_ in SUBJ + PASS_SUBJ:
                found = actors_of(c, actors)
                if found:
                    return found
    return []


def subjects(verb: Token, actors: Actors) -> tuple[list[Any], list[Any], list[Token]]:
    """(source actors, passive-subject actors, argument tokens) of a verbal trigger."""
    srcs: list[Any] = []
    passive: list[Any] = []
    toks: list[Token] = []
    for c in verb.children:
        if c.dep_ in SUBJ:
            toks.append(c)
            if c.lower_ in PRONOUNS and c.i not in actors:
                found = governing_subject(verb, actors)
            else:
                found = actors_of(c, actors)
            # two subjects of one verb are a coordination the parser split ("Chile, Peru, and Bolivia met")
            srcs += [m for m in found if all(m is not o for o in srcs)]
            if found:
                srcs += [m for m in _headline_pair(verb, c, actors) if all(m is not o for o in srcs)]
        elif c.dep_ in PASS_SUBJ:
            toks.append(c)
            # "after he was captured": a pronoun's state is the governing clause's subject (the one captured)
            passive = (governing_subject(verb, actors) if c.lower_ in PRONOUNS and c.i not in actors
                       else actors_of(c, actors, listed=True))
        elif c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    toks.append(p)
                    srcs = actors_of(p, actors)
    if srcs and not passive and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i != verb.i:
        # rule syntax.participle_patient: "Ecuador's president captured by US forces" befalls the president
        passive, toks = actors_of(verb.head, actors), toks + [verb.head]
    if srcs:
        return srcs, passive, toks
    if any(c.dep_ in SUBJ + PASS_SUBJ for c in verb.children):
        # rule syntax.passive_own_subject: a passive verb with a subject of its own ("the president is in custody
        # after he was captured") takes no doer from the clause above: that clause's subject is who it befell
        return srcs, passive, toks
    # no subject of its own: inherit along the chain (xcomp, conj, advcl, relcl, acl)
    dep = verb.dep_
    head = verb.head
    if dep in ("xcomp", "conj", "advcl", "pcomp") and head.i != verb.i:
        if dep == "pcomp":
            head = head.head
        s, _, t = subjects(head, actors) if head.pos_ in ("VERB", "AUX", "ADJ") else ([], [], [])
        return s, passive, toks + t
    if dep == "relcl" and verb.head.i != verb.i:
        return actors_of(verb.head, actors), passive, toks + [verb.head]
    if dep == "acl" and verb.head.i != verb.i:
        if verb.tag_ == "VBN":
            return srcs, actors_of(verb.head, actors), toks + [verb.head]
        return actors_of(verb.head, actors), passive, toks + [verb.head]
    return srcs, passive, toks


def objects(verb: Token, actors: Actors, *, preps: Sequence[str] = TARGET_PREPS,
            direct: bool = True) -> tuple[list[Any], list[Token]]:
    """Target actors of a verbal trigger: direct/indirect object (unless `direct` is False: a topic,
    as with "discuss"), else the first prepositional object (in the order of `preps`) that resolves
    to an actor."""
    venue: tuple[list[Any], list[Token]] = ([], [])
    for c in verb.children if direct else ():
        if c.dep_ in OBJ or (c.dep_ == "attr" and verb.lemma_ != "be"):
            found = actors_of(c, actors, listed=True) if c.pos_ != "ADP" else list(  # a dative "to": pobjs_of
                {id(m): m for x in _gapped(verb, c) for p in pobjs_of(x) for m in actors_of(p, actors, listed=True)
                 }.values())
            if found and all(_path_to(verb.doc[m.start], c)[0] for m in found):
                venue = venue[0] or found, venue[1] or [c]  # rule syntax.object_venue: "a meeting at the White
                continue  # House today with X": where the object is, not a party, when "with" names one
            if found:
                return found, [c]
    by_prep: dict[str, tuple[list[Any], Token]] = {}
    for c in verb.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps and not _fronted_topic(c):
            for p in (x for g in _gapped(verb, c) for x in pobjs_of(g)):
                # rule syntax.backing_phrase: "with the support of Britain" names a backer, not a target
                if not (c.lower_ == "with" and p.lemma_.lower() in BACKING_NOUNS):
                    found = actors_of(p, actors, listed=True)
                    if found and c.lower_ not in by_prep:
                        by_prep[c.lower_] = (found, p)
                    elif found:  # "to Yemen and to Russia" (pobjs_of)
                        by_prep[c.lower_][0].extend(m for m in found if all(m is not o for o in by_prep[c.lower_][0]))
    if venue[0]:
        return (by_prep["with"][0], [by_prep["with"][1]]) if "with" in by_prep else venue
    for prep in preps:
        if prep in by_prep:
            found, tok = by_prep[prep]
            return found, [tok]
    return [], []


def _fronted_topic(prep: Token) -> bool:
    """Rule syntax.fronted_topic: an "on" (or "regarding", "about") phrase that opens its sentence and ends at a comma
    ("On Ukraine, Chile criticized the strikes") names the topic of what follows, not whom the act is aimed at."""
    end = prep.right_edge.i + 1
    return (prep.lower_ in ("on", "regarding", "concerning", "about") and prep.i == prep.sent.start
            and end < len(prep.doc) and prep.doc[end].text == ",")


def _gapped(verb: Token, prep: Token) -> list[Token]:
    """Rule syntax.gapped_recipients: a "to" (or other) phrase of the verb and those with that word that its other
    objects carry ("provided $26 million to A, $81 million to B and $57 million to C": each gift names its
    recipient, the verb said once), read off the objects coordinated or set beside its object or the phrase's."""
    out = [prep, *(c for c in verb.children if c.dep_ in ("dative", "prep") and c.lower_ == prep.lower_
                   and c.i != prep.i)]
    stack = [c for c in (*verb.children, *prep.children) if c.dep_ in ("dobj", "pobj", "conj")
             and c.pos_ in ("NOUN", "NUM", "PROPN")]
    seen = {t.i for t in stack}
    while stack:
        t = stack.pop()
        if t.dep_ in ("appos", "conj") and t.pos_ in ("NOUN", "NUM"):
            out += [x for x in t.children if x.dep_ in ("dative", "prep") and x.lower_ == prep.lower_]
        for c in t.children:
            if c.dep_ in ("appos", "conj") and c.pos_ in ("NOUN", "NUM") and c.i not in seen:
                seen.add(c.i)
                stack.append(c)
    return out


def pobjs_of(prep: Token) -> list[Token]:
    """A preposition's objects, and those of the same preposition coordinated with it (rule syntax.conjoined_prep:
    "shipped weapons to Yemen and to Russia", "sanctions on Iran and on Venezuela")."""
    preps = [prep, *(k for k in prep.conjuncts if k.dep_ == "conj" and k.lower_ == prep.lower_)]
    return [p for x in preps for p in x.children if p.dep_ == "pobj"]


def list_tail(verb: Token, found: list[Any], actors: Actors) -> list[Any]:
    """Rule syntax.list_tail: members of a list of people as prepositional objects ("met with X of France, Y of
    Germany, and Z of Denmark") that the parser hung elsewhere: a person of another state as an apposition of
    the first, and the last as a conjunct of the verb (a name with no subject or verb of its own, after the
    list's other members; `found` are the targets read so far, the list's first member first)."""
    if not found:
        return []
    m = found[0]
    obj = next((t for t in verb.doc[m.start:m.end] if not m.start <= t.head.i < m.end), None)
    if obj is None or obj.dep_ != "pobj":
        return []
    first = actors.get(obj.i)
    people = ("person", "role")
    out = [actors[c.i] for c in obj.children if c.dep_ == "appos" and c.i in actors and first is not None
           and first.kind in people and actors[c.i].kind in people and actors[c.i].country != first.country]
    if not (obj.conjuncts or out):
        return []
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > obj.i and not any(
                x.dep_ in SUBJ or x.pos_ in ("VERB", "AUX") for x in c.children):
            m = actor_of(c, actors)
            if m is not None:
                out.append(m)
    return [m for k, m in enumerate(out) if all(m is not f for f in found + out[:k])]


def noun_args(noun: Token, actors: Actors) -> tuple[list[Any], list[Any], list[Token]]:
    """(sources, targets, tokens) of a nominal trigger: "Russia's invasion of Ukraine", "US strikes on
    Yemen", "talks between X and Y", "the attack by the rebels"."""
    srcs: list[Any] = []
    tgts: list[Any] = []
    toks: list[Token] = []
    for c in noun.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod", "nummod") and c.i < noun.i:
            m = actor_of(c, actors)
            if m is not None and all(m is not s for s in srcs):
                srcs.append(m)
                toks.append(c)
    for c in noun.children:
        if c.dep_ not in ("prep", "agent"):
            continue
        for p in pobjs_of(c):
            # a target phrase also gives each state a group noun's list names (roles.listed_states)
            found = actors_of(p, actors, listed=c.lower_ in NOUN_TARGET_PREPS)
            if not found:
                continue
            if c.lower_ == "by" or (c.lower_ == "from" and not srcs):
                srcs.extend(found)
                toks.append(p)
            elif c.lower_ == "between" or (c.lower_ == "among"):
                srcs.extend(found)
                toks.append(p)
            elif c.lower_ in NOUN_TARGET_PREPS and (not tgts or p.head.i != c.i):  # or "and on Belarus"
                tgts = tgts + [m for m in found if all(m is not t for t in tgts)]
                toks.append(p)
    if not srcs and noun.dep_ in ("dobj", "attr"):
        # "followed a call on October 20 between Rubio and Lavrov": the parser hangs the "between" phrase on
        # the verb that carries the noun; no verb takes one of its own, so it names the noun's parties
        for c in noun.head.children:
            if c.dep_ == "prep" and c.lower_ == "between" and c.i > noun.i:
                for p in (p for p in c.children if p.dep_ == "pobj"):
                    found = actors_of(p, actors)
                    srcs.extend(found)
                    toks += [p] if found else []
    return srcs, tgts, toks


def own_conjunct(x: Token, top: Token) -> bool:
    """Rule syntax.own_conjunct: a verb of addressing someone conjoined to the trigger's verb after the trigger's
    own complement ("Japan agreed to buy more rice and urged China to lift its ban") speaks to a party of its own,
    which is no stand-in target of the trigger. Other conjuncts often go on with the same act ("launched an attack
    and hit Ukraine's grid"), and a verb with no complement of its own shares the conjunct's object ("condemned and
    sanctioned Russia")."""
    if (x.dep_ != "conj" or x.head.i != top.i or x.pos_ != "VERB" or top.pos_ not in ("VERB", "AUX")
            or x.lemma_.lower() not in ADDRESSING_LEMMAS):
        return False
    return any(c.i < x.i and c.dep_ in OWN_COMPLEMENTS for c in top.children)


OWN_COMPLEMENTS = frozenset({"dobj", "xcomp", "ccomp", "attr", "dative"})
ADDRESSING_LEMMAS = frozenset({"urge", "call", "ask", "press", "demand", "warn", "tell", "invite", "request",
                               "appeal", "implore", "exhort", "encourage"})
