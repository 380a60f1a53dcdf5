"""What the story clusterer keeps of a story or a forming cluster (`Group`), and a new story's id; shared by
cluster.py and rule stories.revisit (revisit.py), which rebuilds groups after clustering them again."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import scipy.sparse as sp


@dataclass(slots=True)
class Group:
    """A story or a forming cluster: vector sums, span and members (only new members are listed)."""

    story_id: str | None
    n: int
    emb_sum: np.ndarray
    lex_sum: sp.csr_matrix
    first: date | None  # the span of its documents' publication days, else of their event dates
    last: date | None
    actors: Counter[str] = field(default_factory=Counter)
    published_first: date | None = None  # the span of its publication days only
    published_last: date | None = None
    title: str | None = None
    title_score: float = -np.inf
    members: list[int] = field(default_factory=list)  # indices into the current batch
    doc_ids: list[str] = field(default_factory=list)
    existing: bool = False
    yearless: bool = False  # its dates are only days named without a year (rule stories.fold_years)


def story_id_of(doc_id: str) -> str:
    """The id of a story its founder `doc_id` opens."""
    return "story-" + hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:16]
