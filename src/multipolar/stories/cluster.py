"""Incremental story clustering: documents about the same real-world event share a story_id.

A document is represented twice: by the sentence embedding of its title and lead (`Embedder`) and by
a lexical TF-IDF vector of its lead's names, figures and actor codes
(`lexical.py`). The similarity of two groups of documents is the average-linkage similarity

    sim(A, B) = w · mean(e_a · e_b) + (1 − w) · mean(l_a · l_b)        (w = story_embedding_weight)

which, for unit vectors, is a dot product of the groups' mean vectors — so a story only needs its
mean vectors (the stored `centroid` is the embedding mean, not re-normalised) to be compared with
new documents exactly as average linkage would.

`assign` takes a batch, orders it by date and works through it in chunks: the chunk's documents and
the stories active in its time window (loaded from the store with `add_story`, or opened earlier)
are merged greedily, best pair first, while the best average-linkage similarity is at least
`story_threshold`. Two existing stories are compared only once one of them has taken a new document
that is itself similar enough to the other (rule `stories.bridge_merge`, bridge.py: the older id
survives, the merge is recorded), so untouched stored stories are never re-clustered; two groups whose own
publication days (never a day inferred for an undated document) are more than `story_window_days` apart
never merge; with a finite `story_window_margin` (a soft window) they merge when their similarity
exceeds the threshold by that margin, up to `story_horizon_days` apart (coverage of one event goes on
for weeks: a trial, a verdict, a follow-up names the same people and places). Whatever the window, a
join never stretches a group's publication days over more than `story_max_span_days` (rule `max_span`):
the window compares a group's nearest days, so without the cap a story grows link by link, and recurring
look-alike releases (a weekly disaster declaration, a daily readout) became stories spanning a year. A document without a publication day is placed by its event dates; those are weaker
evidence (a text names background and coming days, and two reports of one event often name different
ones), so they never split two such documents, and they cost `story_event_date_margin` similarity only
where they lie more than `story_later_event_days` after a story's last publication day (a later event). A
document dated only by days named without a year is compared in the year nearest the other's, and
joins a dated story in its years (rule `stories.fold_years`, spans.py).
The threshold, the weight, the margin and the later-event days are chosen by leave-topics-out
cross-validation on ECB+ (benchmarks/bench_stories.py cv). A near duplicate whose original is known joins
the original's story without being embedded, unless that would stretch the story beyond
`story_max_span_days`: then it is clustered like any other document. Once a batch is assigned, the stored
stories it touched (and those within reach of them) are clustered again with it (rule `stories.revisit`,
revisit.py), so an early join made before a document's own event arrived can be undone; the rest of the
store is never re-clustered.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from datetime import date

import numpy as np
import scipy.sparse as sp

from multipolar.records import Story, StoryInput
from multipolar.settings import Settings
from multipolar.stories.bridge import Hidden, StoryMerge, redirect, survivor
from multipolar.stories.groups import Group as _Group
from multipolar.stories.groups import story_id_of as _story_id
from multipolar.stories.lexical import (
    DIMENSIONS,
    LexicalVectorizer,
    embed_leads,
    lexical_tokens,
    story_lead,
    with_width,
)
from multipolar.stories.revisit import revise
from multipolar.stories.spans import (
    Spans,
    fold_days,
    is_yearless,
    join_span,
    merge_span,
    nearest_day,
    place_yearless,
    story_date,
    story_span,
)

__all__ = ["StoryAssignment", "StoryClusterer", "StoryMerge", "embed_leads", "nearest_day", "place_yearless", "story_date",
           "story_lead", "story_span"]

_NEG = -np.inf


@dataclass(frozen=True, slots=True)
class StoryAssignment:
    doc_id: str
    story_id: str
    is_new_story: bool  # the story was opened by this call to `assign`
    similarity: float  # average-linkage similarity at which the document joined (1.0 for a founder)


def day_limit(settings: Settings) -> float:
    """How far apart publication days may lie at all: the window, or with a soft window the horizon."""
    window = settings.story_window_days
    return window if not np.isfinite(settings.story_window_margin) else max(window, settings.story_horizon_days)


class StoryClusterer:
    """Assigns documents to stories incrementally; see the module docstring for the method."""

    version = "stories.v2"

    def __init__(self, settings: Settings, embedder: object | None = None) -> None:
        self.settings = settings
        self.embedder = embedder
        self.weight = settings.story_embedding_weight
        self.threshold = settings.story_threshold
        self.window = settings.story_window_days
        self.window_margin = settings.story_window_margin
        self.limit = day_limit(settings)
        self.max_span = settings.story_max_span_days  # 0: no cap on a story's span of publication days
        self.chunk_size = settings.story_chunk_size
        self.lead_chars = settings.story_lead_chars
        self.max_tokens = settings.story_max_tokens
        self.undated_margin = settings.story_undated_margin
        self.event_date_margin = settings.story_event_date_margin
        self.later_days = settings.story_later_event_days
        self.vectorizer = LexicalVectorizer()
        self._stories: dict[str, _Group] = {}
        self._story_of: dict[str, str] = {}
        self._merges: list[StoryMerge] = []
        self._items: dict[str, StoryInput] = {}  # each document's input, for rule stories.revisit
        self.revised: set[str] = set()  # stories rule stories.revisit rewrote, and the documents it moved
        self.moved: set[str] = set()

    # --- state --------------------------------------------------------------------------------
    def add_story(self, story: Story, members: list[StoryInput] | None = None) -> None:
        """Make an existing (stored) story available for matching; `members` rebuild its lexical mean, and
        their own publication days (None where inferred) give the span that keeps later documents apart
        (the story's first and last dates may be event dates). Without members, its dates stand in."""
        centroid = np.asarray(story.centroid, dtype=np.float32)
        members = members or []
        own = [m.published for m in members if m.published is not None]
        published = (min(own), max(own)) if own else (None, None) if members else (story.first_date, story.last_date)
        tokens = [self._tokens(item) for item in members]
        self._items.update((item.doc_id, item) for item in members)
        self.vectorizer.frequencies.update(tokens)
        if members:
            lex = self.vectorizer.transform(tokens)  # the same vectors as new documents get in `assign`
            lex_mean = sp.csr_matrix(lex.sum(axis=0) / len(members))
        else:
            lex_mean = sp.csr_matrix((1, DIMENSIONS), dtype=np.float32)
        group = _Group(
            story_id=story.story_id,
            n=story.n_documents,
            emb_sum=centroid * story.n_documents,
            lex_sum=lex_mean * story.n_documents,
            first=story.first_date,
            last=story.last_date,
            actors=Counter({code: 1 for code in story.actors}),
            published_first=published[0],
            published_last=published[1],
            title=story.title,
            existing=True,
            doc_ids=list(story.doc_ids),
            # rule stories.fold_years: a story of documents dated only by days without a year
            yearless=bool(members) and story.first_date is not None and all(map(is_yearless, members)),
        )
        # a typical member's similarity to the centroid (mean of x·c over members is |c|²)
        group.title_score = self._self_similarity(group)
        self._stories[story.story_id] = group
        for doc_id in story.doc_ids:
            self._story_of[doc_id] = story.story_id

    def stories(self, story_ids: set[str] | None = None) -> list[Story]:
        out = []
        for story_id, group in self._stories.items():
            if story_ids is not None and story_id not in story_ids:
                continue
            top = [code for code, _ in group.actors.most_common(10)]
            out.append(Story(
                story_id=story_id,
                title=group.title,
                first_date=group.first,
                last_date=group.last,
                actors=tuple(top),
                n_documents=group.n,
                centroid=tuple(float(x) for x in group.emb_sum / max(group.n, 1)),
                doc_ids=tuple(group.doc_ids),
            ))
        return out

    def story_of(self, doc_id: str) -> str | None:
        return self._story_of.get(doc_id)

    # --- assignment ---------------------------------------------------------------------------
    def _tokens(self, item: StoryInput) -> list[str]:
        return lexical_tokens(self._lead(item)) + ["@" + code for code in item.actors]

    def _lead(self, item: StoryInput) -> str:
        return story_lead(item.title, item.text, self.lead_chars)

    def _self_similarity(self, group: _Group) -> float:
        e = group.emb_sum / max(group.n, 1)
        lex = group.lex_sum / max(group.n, 1)
        return float(self.weight * float(e @ e) + (1 - self.weight) * float(lex.multiply(lex).sum()))

    def assign(self, items: list[StoryInput]) -> list[StoryAssignment]:
        """Assign each document to an existing story or a new one; returns one assignment per item."""
        if not items:
            return []
        if any(item.yearless_days for item in items):
            dated = sorted([d for d in map(story_date, items) if d is not None]
                           + [g.last for g in self._stories.values() if g.last is not None])
            items = place_yearless(items, dated[(len(dated) - 1) // 2] if dated else None)
        known = [i for i, item in enumerate(items) if item.doc_id in self._story_of]
        before = dict(self._story_of)
        self._items.update((item.doc_id, item) for item in items if item.doc_id not in before)
        pending = [i for i, item in enumerate(items) if item.doc_id not in self._story_of]
        token_lists = {i: self._tokens(items[i]) for i in pending}
        self.vectorizer.frequencies.update(token_lists[i] for i in pending)

        results: dict[int, StoryAssignment] = {
            i: StoryAssignment(items[i].doc_id, self._story_of[items[i].doc_id], False, 1.0) for i in known
        }
        batch_ids = {items[i].doc_id for i in pending}
        originals = [i for i in pending if not self._follows_original(items[i], batch_ids)]
        original_set = set(originals)
        copies = [i for i in pending if i not in original_set]
        opened: set[str] = set()

        self._cluster_in_chunks(items, originals, token_lists, results, opened)
        beyond = []  # copies published too far from their original's story: clustered as originals
        for i in copies:  # near duplicates follow their original
            item = items[i]
            story_id = self._story_of.get(item.near_duplicate_of or "")
            if story_id is not None and self._stretches(self._stories[story_id], item):
                beyond.append(i)
                continue
            if story_id is None:  # the original is unknown after all: a story of its own
                story_id = _story_id(item.doc_id)
                self._stories[story_id] = _Group(story_id, 0, np.zeros(384, np.float32),
                                                 sp.csr_matrix((1, DIMENSIONS), dtype=np.float32),
                                                 *story_span(item), title=item.title, yearless=is_yearless(item))
                opened.add(story_id)
            group = self._stories[story_id]
            self._join_copy(group, item)
            self._story_of[item.doc_id] = story_id
            results[i] = StoryAssignment(item.doc_id, story_id, story_id in opened, 1.0)
        self._cluster_in_chunks(items, beyond, token_lists, results, opened)
        if self.settings.story_revisit:  # rule stories.revisit: the stored stories this batch touched, again
            revise(self, before, [items[i].doc_id for i in pending], opened)
        found = [results[i] for i in range(len(items))]  # a story joined here may have merged since
        return [a if self._story_of[a.doc_id] == a.story_id else StoryAssignment(
            a.doc_id, self._story_of[a.doc_id], self._story_of[a.doc_id] in opened, a.similarity) for a in found]

    def _cluster_in_chunks(self, items, pending, token_lists, results, opened) -> None:  # noqa: ANN001
        order = sorted(pending, key=lambda i: (story_date(items[i]) or date.min, i))
        for start in range(0, len(order), self.chunk_size):
            chunk = order[start : start + self.chunk_size]
            embeddings = self._embeddings([items[i] for i in chunk])
            lex = self.vectorizer.transform([token_lists[i] for i in chunk])
            self._cluster_chunk(items, chunk, embeddings, lex, results, opened)

    def _stretches(self, group: _Group, item: StoryInput) -> bool:
        """Rule `max_span` for a near duplicate: would its publication day stretch its original's story
        over more than `story_max_span_days`? (A template release, such as a disaster declaration,
        copies last month's text; it is not last month's story.)"""
        if not self.max_span or item.published is None or group.published_first is None:
            return False
        first = min(group.published_first, item.published)
        last = max(group.published_last or item.published, item.published)
        return (last - first).days > self.max_span

    def _follows_original(self, item: StoryInput, batch_ids: set[str]) -> bool:
        original = item.near_duplicate_of
        return bool(original) and (original in self._story_of or original in batch_ids)

    def _join_copy(self, group: _Group, item: StoryInput) -> None:
        if group.n:
            group.emb_sum = group.emb_sum + group.emb_sum / group.n
            group.lex_sum = group.lex_sum + group.lex_sum / group.n
        group.n += 1
        group.first, group.last, group.yearless = join_span(group.first, group.last, group.yearless,
                                                            *story_span(item), is_yearless(item))
        group.published_first, group.published_last = merge_span(
            group.published_first, group.published_last, item.published, item.published)
        group.actors.update(item.actors)
        group.doc_ids.append(item.doc_id)

    def _embeddings(self, items: list[StoryInput]) -> np.ndarray:
        """The stored embedding of each item; those without one are embedded here."""
        out = np.zeros((len(items), 384), dtype=np.float32)
        missing = [k for k, item in enumerate(items) if item.embedding is None]
        for k, item in enumerate(items):
            if item.embedding is not None:
                out[k] = item.embedding
        if missing:
            out[missing] = self._embed([self._lead(items[k]) for k in missing])
            for k in missing:  # kept for rule stories.revisit
                self._items[items[k].doc_id] = dataclasses.replace(items[k], embedding=tuple(map(float, out[k])))
        return out

    def _embed(self, texts: list[str]) -> np.ndarray:
        if self.embedder is None:
            return np.zeros((len(texts), 384), dtype=np.float32)
        vectors = self.embedder.embed(texts, max_tokens=self.max_tokens)  # type: ignore[attr-defined]
        return np.asarray(vectors, dtype=np.float32)

    def _active_stories(self, dates: list[date | None]) -> list[_Group]:
        known = [d for d in dates if d is not None]
        if not known:
            return list(self._stories.values())
        low = min(known).toordinal() - self.limit
        return [
            g for g in self._stories.values()
            if g.last is None or g.yearless or g.last.toordinal() >= low  # a yearless story: any year
        ]

    def _cluster_chunk(self, items, chunk, embeddings, lex, results, opened) -> None:  # noqa: ANN001
        w = self.weight
        stories = self._active_stories([story_date(items[i]) for i in chunk])
        groups: list[_Group] = list(stories)
        for row, i in enumerate(chunk):
            item = items[i]
            groups.append(_Group(None, 1, embeddings[row].copy(), lex[row], *story_span(item),
                                 Counter(item.actors), members=[i], published_first=item.published,
                                 published_last=item.published, yearless=is_yearless(item)))
        m = len(groups)
        n_old = len(stories)
        # sparse sums are kept as wide as the vocabulary seen so far, not DIMENSIONS: scipy's sparse
        # addition and transposition cost time in the number of columns
        width = self.vectorizer.width()
        lex = with_width(lex, width)
        for g in groups:
            g.lex_sum = with_width(g.lex_sum, width)
        emb = np.vstack([g.emb_sum / g.n for g in groups]) if m else np.zeros((0, 384))
        lexm = sp.vstack([g.lex_sum / g.n for g in groups]).tocsr()
        sim = (w * (emb @ emb.T) + (1 - w) * (lexm @ lexm.T).toarray()).astype(np.float64)
        np.fill_diagonal(sim, _NEG)
        spans = Spans(groups)
        # publication days more than the window apart keep two groups apart; event dates (the days a
        # text reports, some of them background) only cost `event_date_margin` similarity; an undated
        # group meeting a dated one costs `undated_margin` (sim holds raw similarity − penalties)
        soft = np.isfinite(self.event_date_margin)
        hard = self._too_far(*spans.published(), limit=self.limit) | self._too_long(spans)
        if not soft:
            hard |= self._event_conflicts(spans)
        sim[hard] = _NEG
        sim -= self._penalties(spans, hard if soft else None)
        hidden = Hidden(sim, n_old, self.threshold)  # stored stories meet only through a new document (bridge.py)
        alive = np.ones(m, dtype=bool)
        sizes = np.array([g.n for g in groups], dtype=np.float64)
        while True:
            flat = int(np.argmax(sim))
            a, b = divmod(flat, m)
            if not sim[a, b] >= self.threshold:
                break
            if b < a:
                a, b = b, a  # keep the lower index (an existing story, when there is one)
            na, nb = sizes[a], sizes[b]
            raw_a = hidden.row(sim, a) + self._penalty_row(spans, a, soft)
            row_b = np.array(hidden.row(sim, b))
            raw_b = row_b + self._penalty_row(spans, b, soft)
            merged = (na * raw_a + nb * raw_b) / (na + nb)
            ga, gb = groups[a], groups[b]
            if b < n_old:  # rule bridge_merge: two stories met through a new document
                self._bridge(ga, gb, float(sim[a, b]), opened)
            ga.emb_sum = ga.emb_sum + gb.emb_sum
            ga.lex_sum = ga.lex_sum + gb.lex_sum
            ga.n += gb.n
            ga.first, ga.last, ga.yearless = join_span(ga.first, ga.last, ga.yearless, gb.first, gb.last, gb.yearless)
            ga.published_first, ga.published_last = merge_span(
                ga.published_first, ga.published_last, gb.published_first, gb.published_last)
            ga.actors.update(gb.actors)
            ga.members.extend(gb.members)
            spans.update(a, ga)
            sim[a] = merged - self._penalty_row(spans, a, soft)
            far = (self._too_far(*spans.published(a), *spans.published(), limit=self.limit) | self._too_long(spans, a))[0]
            if not soft:
                far |= self._event_conflicts(spans, a)
            sim[a, far] = _NEG
            sim[:, a] = sim[a]
            sim[b] = _NEG
            sim[:, b] = _NEG
            alive[b] = False
            sizes[a] = na + nb
            sim[a, a] = _NEG
            hidden.merged(sim, a, b, row_b)
        # finish: name new stories, choose titles, record assignments
        row_of = {i: row for row, i in enumerate(chunk)}
        for index in np.flatnonzero(alive):
            group = groups[index]
            if not group.members:
                continue
            if group.story_id is None:
                founder = min(group.members, key=lambda i: (story_date(items[i]) or date.min, items[i].doc_id))
                group.story_id = _story_id(items[founder].doc_id)
                self._stories[group.story_id] = group
                opened.add(group.story_id)
            centroid_e = group.emb_sum / group.n
            centroid_l = group.lex_sum / group.n
            scores = (w * (embeddings[[row_of[i] for i in group.members]] @ centroid_e)
                      + (1 - w) * (lex[[row_of[i] for i in group.members]] @ centroid_l.T).toarray().ravel())
            best = int(np.argmax(scores))
            if group.title is None or scores[best] > group.title_score:
                group.title = items[group.members[best]].title
                group.title_score = float(scores[best])
            for k, i in enumerate(group.members):
                self._story_of[items[i].doc_id] = group.story_id
                group.doc_ids.append(items[i].doc_id)
                results[i] = StoryAssignment(items[i].doc_id, group.story_id, group.story_id in opened,
                                             float(scores[k]))
            group.members = []

    def _bridge(self, ga: _Group, gb: _Group, similarity: float, opened: set[str]) -> None:
        """Rule `stories.bridge_merge`: stored story `gb` goes into `ga` (the caller adds the sums); the older
        id survives, recorded unless the merged id was opened by this call (nothing stored carried it)."""
        keep, lose = survivor(ga, gb, opened)
        moved = tuple(gb.doc_ids if lose == gb.story_id else ga.doc_ids)
        if gb.title_score > ga.title_score:
            ga.title, ga.title_score = gb.title, gb.title_score
        ga.story_id, ga.existing = keep, ga.existing or gb.existing
        ga.doc_ids.extend(gb.doc_ids)
        del self._stories[lose]
        self._stories[keep] = ga
        for doc_id in ga.doc_ids:
            self._story_of[doc_id] = keep
        if lose not in opened:
            self._merges.append(StoryMerge(lose, keep, similarity, moved))
        self._merges = redirect(self._merges, lose, keep)

    def merges(self) -> list[StoryMerge]:
        """The stored stories merged into others so far (rule `stories.bridge_merge`), oldest first."""
        return list(self._merges)

    def _too_far(self, first, last, undated, first2=None, last2=None, undated2=None, *, limit=None):  # noqa: ANN001, ANN201
        """Pairs whose date spans are more than the window (or `limit` days) apart (undated documents
        match any date)."""
        if first2 is None:
            first2, last2, undated2 = first, last, undated
        gap = np.maximum(first[:, None] - last2[None, :], first2[None, :] - last[:, None])
        far = gap > (self.window if limit is None else limit)
        far &= ~undated[:, None]
        far &= ~undated2[None, :]
        return far

    def _too_long(self, spans: Spans, k: int | None = None) -> np.ndarray:
        """Rule `max_span`: pairs whose joined publication days would span more than `story_max_span_days`
        (groups without publication days extend no span). A window between nearest members lets a
        story grow link by link (a weekly disaster declaration joins last week's, for a year); the cap
        measures from the story's first day."""
        first, last, undated = spans.published(k)
        if not self.max_span:
            return np.zeros((len(first), len(spans.pfirst)), dtype=bool)
        pfirst, plast, pundated = spans.published()
        joined = np.maximum(last[:, None], plast[None, :]) - np.minimum(first[:, None], pfirst[None, :])
        return (joined > self.max_span) & ~undated[:, None] & ~pundated[None, :]

    def _penalties(self, spans: Spans, hard: np.ndarray | None) -> np.ndarray:
        """The similarity each pair of groups loses: `undated_margin` where one of them has no date,
        `event_date_margin` where one's event dates lie after the other's publication days
        (`_event_conflicts`) and publication days do not keep them apart already (`hard`)."""
        undated = spans.undated
        penalty = self.undated_margin * (undated[:, None] ^ undated[None, :])
        far = self._too_far(*spans.published()) if np.isfinite(self.window_margin) else None
        if far is not None and self.window_margin:
            penalty = penalty + self.window_margin * far
        if hard is not None and self.event_date_margin:
            apart = self._event_conflicts(spans) & ~hard
            if far is not None:
                apart &= ~far
            penalty = penalty + self.event_date_margin * apart
        return penalty

    def _event_conflicts(self, spans: Spans, k: int | None = None) -> np.ndarray:
        """Pairs where a group placed only by event dates reports days more than `story_later_event_days`
        after a group's last publication day: a later event. Event dates before a story's publication days
        are what reports recount (the event itself, background), and two groups placed only by
        event dates are not compared (their texts often name different days of one event). Days named
        without a year are compared in the year nearest the other's (rule stories.fold_years)."""
        by_event = spans.pundated & ~spans.undated
        by_published = ~spans.pundated
        first, last, later, yearless = spans.first, spans.last, self.later_days, spans.yearless
        if k is None:
            # row's days after column's
            after = fold_days(first[:, None] - last[None, :], yearless[:, None] | yearless[None, :]) > later
            return (by_event[:, None] & by_published[None, :] & after) | (by_published[:, None] & by_event[None, :] & after.T)
        fold = yearless[k] | yearless
        k_after = fold_days(first[k] - last, fold) > later
        after_k = fold_days(first - last[k], fold) > later
        return (by_event[k] & by_published & k_after) | (by_published[k] & by_event & after_k)

    def _penalty_row(self, spans: Spans, k: int, soft: bool) -> np.ndarray:
        undated = spans.undated
        penalty = self.undated_margin * (undated[k] ^ undated)
        far = self._too_far(*spans.published(k), *spans.published())[0]
        if np.isfinite(self.window_margin) and self.window_margin:
            penalty = penalty + self.window_margin * far
        if soft and self.event_date_margin:
            apart = self._event_conflicts(spans, k)
            apart &= ~far
            penalty = penalty + self.event_date_margin * apart
        return penalty

