"""A small store for the dashboard's tests (synthetic events plus a few documents with their text, one of them hostile, a
canonical group of two reports, a story, a claim conflict, a rejection) built on disk by `fill`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from multipolar.relations.synthetic import synthetic_events
from multipolar.store import Store
from multipolar.store.synthetic import insert_synthetic, open_empty

EVIL = '<script>alert("x")</script> Moscow & Beijing <img src=x onerror=alert(1)>'
EVIL_URL = "javascript:alert(1)"
CALM = "The foreign ministers of China and Russia met in Moscow on Monday to discuss trade."
TOKEN = "a-test-token-of-enough-length"


def _document(con, doc_id: str, text: str, *, url: str, outlet: str, title: str, story: str | None) -> None:
    con.execute(
        """INSERT INTO documents (doc_id, source_uri, raw, raw_format, ingested_at, cleaned_by, outlet, url, title,
                                  published, text, story_id)
           VALUES (?, ?, ''::BLOB, 'text', now()::TIMESTAMP, 'clean.v1', ?, ?, ?, '2024-12-30', ?, ?)""",
        [doc_id, f"test:{doc_id}", outlet, url, title, text, story],
    )


def _event(con, event_id: str, doc_id: str, text: str, span: tuple[int, int], *, canonical: str | None,
           goldstein: float, cameo: str, quad: int) -> None:
    con.execute(
        """INSERT INTO events (event_id, doc_id, sentence, date, date_precision, source, source_actor, target,
                               target_actor, cameo, root, quad, goldstein, negated, modality, confidence, trigger,
                               text, span_start, span_end, canonical_id, num_articles, num_sources, story_id)
           VALUES (?, ?, 1, '2024-12-30', 'day', 'RUS', 'RUSGOV', 'CHN', 'CHNGOV', ?, ?, ?, ?, false, 'asserted',
                   0.9, 'met', ?, ?, ?, ?, 2, 2, 'story-1')""",
        [event_id, doc_id, cameo, cameo[:2], quad, goldstein, text, span[0], span[1], canonical],
    )


def fill(path: Path) -> None:
    con = open_empty(path)
    insert_synthetic(con, synthetic_events(4_000, first=date(2023, 1, 1), years=2))
    evil_text = f"Headline.\n\n{EVIL} said an official.\n\nMore text after."
    start = evil_text.index(EVIL)
    _document(con, "evil-doc", evil_text, url=EVIL_URL, outlet="<b>evil outlet</b>", title="<i>evil title</i>",
              story="story-1")
    _event(con, "evil", "evil-doc", f"{EVIL} said an official.", (start, start + len(EVIL) + 19), canonical="calm-1",
           goldstein=-10.0, cameo="190", quad=4)
    calm_text = f"Intro line.\n{CALM}\nClosing line."
    cs = calm_text.index(CALM)
    _document(con, "calm-doc", calm_text, url="https://news.example/calm", outlet="news.example",
              title="Ministers meet", story="story-1")
    _event(con, "calm-1", "calm-doc", CALM, (cs, cs + len(CALM)), canonical="calm-1", goldstein=1.0, cameo="040",
           quad=1)
    con.execute("""INSERT INTO stories (story_id, title, first_date, last_date, actors, n_documents)
                   VALUES ('story-1', 'Ministers meet in Moscow', '2024-12-30', '2024-12-30', '["CHN","RUS"]', 2)""")
    con.execute("INSERT INTO story_merges VALUES ('story-0', 'story-1', 'stories.bridge_merge', 0.41, 1, NULL)")
    for claim_id, doc_id, value, sentence in (("c1", "calm-doc", 10.0, CALM), ("c2", "evil-doc", 20.0, EVIL)):
        con.execute(
            """INSERT INTO claims (claim_id, doc_id, sentence, start, "end", text, value, unit, measure, subject,
                                   sentence_text, group_id)
               VALUES (?, ?, 1, 0, 5, ?, ?, 'people', 'killed', '["RUS"]', ?, 'g1')""",
            [claim_id, doc_id, f"{int(value)} people", value, sentence])
    con.execute("""INSERT INTO claim_groups (group_id, measure, unit, subject, status, reason, n_claims, n_documents)
                   VALUES ('g1', 'killed', 'people', '["RUS"]', 'contradicted', 'the figures differ', 2, 2)""")
    con.execute("""INSERT INTO rejections VALUES ('test:bad.html', NULL, 'clean.v1', 'empty_text',
                   'no text left after cleaning: check the page', now()::TIMESTAMP)""")
    con.close()
    Store.open(path).close()  # records the schema version, so the store opens read-only
