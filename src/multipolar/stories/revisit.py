"""Rule `stories.revisit`: the stored stories a batch touched are clustered again with it.

A document assigned alone meets the stories at hand and joins the best one above `story_threshold`;
had the reports of its own event arrived with it, they would have formed their own group first, and
average linkage would then have kept the two events apart. That early choice is what made incremental
assignment less precise than one call (ECB+ dev, batches of 50: P 0.888 against 0.983;
benchmarks/bench_stories.py incremental). So once a batch is assigned, every stored story that took one
of its documents (or merged by rule `stories.bridge_merge`) is taken apart into its documents, and those
documents, the batch's among them, are clustered again from scratch with the same similarity, window and
span cap, as one call would cluster them. Stories the batch did not touch are left as they are, so the
work stays proportional to the batch and the stories it reaches, never the store.

Each resulting group keeps the id of the stored story that holds most of its documents (ties: a stored
story before one opened by this call, then the earlier first day, then the smaller id); a group holding
no unused stored id gets a new one. A stored story whose documents all went to other groups is merged
into the group that took most of them, recorded with this rule's name (`StoryMerge`), so its id still
leads to its documents. Documents that changed story are listed (`moved`), so the store rewrites them.
"""

from __future__ import annotations

import copy
import itertools
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import scipy.sparse as sp

from multipolar.embeddings import DIMENSIONS
from multipolar.records import StoryInput
from multipolar.stories.bridge import StoryMerge, redirect
from multipolar.stories.groups import Group, story_id_of
from multipolar.stories.lexical import with_width
from multipolar.stories.spans import is_yearless, join_span, merge_span, story_date, story_span

RULE = "stories.revisit"


@dataclass(slots=True)
class Revision:
    """What one revisit changed: the stories rewritten and the documents that changed story."""

    story_ids: set[str] = field(default_factory=set)
    moved: set[str] = field(default_factory=set)
    merges: list[StoryMerge] = field(default_factory=list)


def revise(clusterer: Any, before: dict[str, str], new_ids: list[str], opened: set[str]) -> None:
    """The rule on `clusterer` after its first pass over the documents `new_ids` (`before`: each assigned
    document's story before it): the stories `touched` and those within `reach` clustered again; the
    clusterer's `revised` (stories rewritten), `moved` (assigned documents now in another story than
    before the call) and merges are updated."""
    revision = revisit(clusterer, reach(clusterer, touched(before, clusterer._story_of, new_ids, opened)),
                       clusterer._items, opened)
    clusterer.revised |= revision.story_ids
    for merge in revision.merges:
        clusterer._merges = [*redirect(clusterer._merges, merge.merged_id, merge.into_id), merge]
    # a story merged earlier in this call whose documents formed a group again under its founder's id lives on
    clusterer._merges = [m for m in clusterer._merges if m.merged_id not in clusterer._stories]
    clusterer.moved |= {d for d, story_id in before.items() if clusterer._story_of.get(d, story_id) != story_id}


def touched(before: dict[str, str], after: dict[str, str], new_ids: list[str], opened: set[str]) -> set[str]:
    """Stored stories (not opened by this call) that hold a new document now, or took another story's
    documents: `before` and `after` map document ids to story ids around the first pass."""
    out = {after[d] for d in new_ids if d in after and after[d] not in opened}
    out |= {after[d] for d, s in before.items() if after.get(d, s) != s}
    return out


def reach(clusterer: Any, story_ids: set[str]) -> set[str]:
    """`story_ids` and the other stories whose average-linkage similarity to one of them reaches
    `story_threshold` with publication days within the window: pairs the merge loop never compared (two
    stored stories meet only through a new document that is itself close to both), which one call would
    have merged."""
    if not story_ids:
        return set()
    ids = list(clusterer._stories)
    groups = [clusterer._stories[s] for s in ids]
    rows = [k for k, s in enumerate(ids) if s in story_ids]
    emb = np.vstack([g.emb_sum / max(g.n, 1) for g in groups])
    width = clusterer.vectorizer.width()
    lex = sp.vstack([with_width(g.lex_sum, width) / max(g.n, 1) for g in groups]).tocsr()
    w = clusterer.weight
    sim = w * (emb[rows] @ emb.T) + (1 - w) * (lex[rows] @ lex.T).toarray()
    first = np.array([_ordinal(g.published_first, -(10**9)) for g in groups])
    last = np.array([_ordinal(g.published_last, 10**9) for g in groups])
    gap = np.maximum(first[rows][:, None] - last[None, :], first[None, :] - last[rows][:, None])
    near = (sim >= clusterer.threshold) & (gap <= clusterer.window)
    return set(story_ids) | {ids[k] for k in np.flatnonzero(near.any(axis=0))}


def _ordinal(day: date | None, default: int) -> int:
    return day.toordinal() if day is not None else default


def revisit(clusterer: Any, story_ids: set[str], items: dict[str, StoryInput], opened: set[str]) -> Revision:
    """Cluster the documents of `story_ids` (all of them must be in `items`, with their embeddings where the
    clusterer has no embedder) again from scratch and put the groups back in `clusterer` (module docstring)."""
    revision = Revision()
    docs = [d for s in sorted(story_ids) for d in clusterer._stories[s].doc_ids]
    if len(docs) < 2:
        return revision
    old = {d: clusterer._story_of[d] for d in docs}
    members = [items[d] for d in docs]
    if clusterer.embedder is None and any(m.embedding is None and not m.near_duplicate_of for m in members):
        return revision  # a member without its embedding and no model to make it: left as it is
    groups = _cluster(clusterer, members)
    first_day = {s: _first(clusterer._stories[s]) for s in story_ids}

    def rank(story_id: str, count: int) -> tuple:
        return (-count, story_id in opened, first_day.get(story_id) or date.max, story_id)

    used: set[str] = set()
    new_groups: dict[str, list[str]] = {}
    for doc_ids in sorted(groups, key=lambda g: (-len(g), min(g))):
        counts = Counter(old[d] for d in doc_ids)
        free = sorted((rank(s, n), s) for s, n in counts.items() if s not in used)
        if free:
            story_id = free[0][1]
        else:  # every stored id of its documents went to a larger group: a new story
            story_id = _new_id(clusterer, doc_ids, items, story_ids | used)
            opened.add(story_id)
        used.add(story_id)
        new_groups[story_id] = doc_ids
    for story_id in story_ids - used:  # taken apart entirely: merged into the group that took most of it
        moved = [d for d in docs if old[d] == story_id]
        into = Counter(_group_of(new_groups, d) for d in moved).most_common(1)[0][0]
        if story_id not in opened:
            revision.merges.append(StoryMerge(story_id, into, 0.0, tuple(moved), rule=RULE))
    titles = {s: (clusterer._stories[s].title, clusterer._stories[s].title_score) for s in story_ids}
    for story_id in story_ids:
        del clusterer._stories[story_id]
    for story_id, doc_ids in new_groups.items():
        clusterer._stories[story_id] = _group(clusterer, story_id, [items[d] for d in doc_ids], titles,
                                              existing=any(old[d] not in opened for d in doc_ids))
        for d in doc_ids:
            clusterer._story_of[d] = story_id
            if old[d] != story_id:
                revision.moved.add(d)
    revision.story_ids = set(new_groups)
    return revision


def _new_id(clusterer: Any, doc_ids: list[str], items: dict[str, StoryInput], taken: set[str]) -> str:
    """The id of a new story: its founder's (the earliest member), unless a story has it already (the
    founder's old story, kept by a larger group), then the next member's."""
    ordered = sorted(doc_ids, key=lambda d: (story_date(items[d]) or date.min, d))
    candidates = (story_id_of(d) for d in ordered)
    salted = (story_id_of(f"{ordered[0]}#{n}") for n in itertools.count(1))  # all taken: the founder's, numbered
    return next(s for s in itertools.chain(candidates, salted) if s not in taken and s not in clusterer._stories)


def _group_of(groups: dict[str, list[str]], doc_id: str) -> str:
    return next(s for s, ids in groups.items() if doc_id in ids)


def _first(group: Any) -> date | None:
    return group.published_first or group.first


def _cluster(clusterer: Any, members: list[StoryInput]) -> list[list[str]]:
    """The members clustered from scratch by a fresh clusterer with the same settings and document
    frequencies (its own `assign` counts the members again, so they are taken out first)."""
    fresh = type(clusterer)(clusterer.settings, clusterer.embedder)
    frequencies = copy.copy(clusterer.vectorizer.frequencies)
    frequencies.counts = Counter(frequencies.counts)
    for item in members:
        frequencies.n_documents -= 1
        frequencies.counts.subtract(set(clusterer._tokens(item)))
    fresh.vectorizer.frequencies = frequencies
    fresh.assign(members)
    for item in members:  # with the embeddings it made for members stored without one
        clusterer._items[item.doc_id] = fresh._items[item.doc_id]
    groups: dict[str, list[str]] = {}
    for item in members:
        groups.setdefault(fresh.story_of(item.doc_id) or item.doc_id, []).append(item.doc_id)
    return list(groups.values())


def _group(clusterer: Any, story_id: str, members: list[StoryInput], titles: dict, *, existing: bool) -> Any:
    """The clusterer's record of a story made of `members` (vector sums, spans, actors, title)."""
    embeddings = np.zeros((len(members), DIMENSIONS), dtype=np.float32)
    known = [k for k, m in enumerate(members) if m.embedding is not None]
    for k in known:
        embeddings[k] = members[k].embedding
    if known:  # a near duplicate clustered with its original, never embedded, counts as the mean (as it joined)
        embeddings[[k for k in range(len(members)) if k not in set(known)]] = embeddings[known].mean(axis=0)
    lex = clusterer.vectorizer.transform([clusterer._tokens(m) for m in members])
    group = Group(story_id, len(members), embeddings.sum(axis=0), sp.csr_matrix(lex.sum(axis=0)), None, None,
                   existing=existing, doc_ids=[m.doc_id for m in members])
    for m in members:
        group.first, group.last, group.yearless = join_span(group.first, group.last, group.yearless,
                                                            *story_span(m), is_yearless(m))
        group.published_first, group.published_last = merge_span(
            group.published_first, group.published_last, m.published, m.published)
        group.actors.update(m.actors)
    centroid_e, centroid_l = embeddings.mean(axis=0), lex.mean(axis=0)
    w = clusterer.weight
    scores = w * (embeddings @ centroid_e) + (1 - w) * np.asarray(lex @ centroid_l.T).ravel()
    best = int(np.argmax(scores))
    group.title, group.title_score = members[best].title, float(scores[best])
    kept = titles.get(story_id)
    if kept is not None and kept[0] is not None and kept[1] > group.title_score:
        group.title, group.title_score = kept
    return group
