"""The bundled demo corpus (examples/demo) and its description (examples/README.md) agree: the counts per
format and per month, the files table, and the record ids. No model, no store: the files are read as they are."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DEMO = EXAMPLES / "demo"
README = (EXAMPLES / "README.md").read_text(encoding="utf-8")
FIELDS = ("id", "title", "url", "published", "outlet", "author", "text")


def _jsonl() -> list[dict[str, str]]:
    with (DEMO / "articles.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _csv_rows() -> list[dict[str, str]]:
    with (DEMO / "articles.csv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _records() -> list[dict[str, str]]:
    return _jsonl() + _csv_rows()


def _feed_items() -> list[ET.Element]:
    return ET.parse(DEMO / "feed.xml").getroot().findall("./channel/item")


def _months() -> Counter[str]:
    """Documents per publication month, from every format."""
    months: Counter[str] = Counter()
    for record in _records():
        months[record["published"][:7]] += 1
    for item in _feed_items():
        months[parsedate_to_datetime(item.findtext("pubDate") or "").strftime("%Y-%m")] += 1
    for folder in ("txt", "html"):
        for path in (DEMO / folder).iterdir():
            months[path.name[:7]] += 1
    return months


def _stated(pattern: str) -> int:
    found = re.search(pattern, README)
    assert found, f"examples/README.md no longer states {pattern!r}"
    return int(found.group(1))


def test_demo_record_ids_are_unique_and_follow_the_scheme():
    ids = [r["id"] for r in _records()]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"demo-[a-z]\d+", i) for i in ids), ids


def test_demo_records_have_every_field():
    for record in _records():
        assert all((record.get(k) or "").strip() for k in FIELDS), record.get("id")
        assert re.fullmatch(r"2025-\d\d-\d\d", record["published"]), record["id"]


@pytest.mark.parametrize(("pattern", "count"), [
    (r"(\d+) plain-text pages", lambda: len(list((DEMO / "txt").iterdir()))),
    (r"(\d+) HTML pages", lambda: len(list((DEMO / "html").iterdir()))),
    (r"feed with (\d+) items", lambda: len(_feed_items())),
    (r"(\d+) JSON lines\s+\(`demo/articles\.jsonl`", lambda: len(_jsonl())),
    (r"(\d+) CSV rows", lambda: len(_csv_rows())),
])
def test_demo_readme_counts_each_format(pattern, count):
    assert _stated(pattern) == count()


def test_demo_readme_counts_articles_per_month():
    line = re.search(r"\*\*Articles per month:\*\* (.*) \(total (\d+)\)\.", README)
    assert line, "examples/README.md no longer has its 'Articles per month' line"
    stated = {m: int(n) for m, n in re.findall(r"(\d{4}-\d\d): (\d+)", line.group(1))}
    months = _months()
    assert stated == dict(months)
    assert int(line.group(2)) == sum(months.values()) == _stated(r"news corpus of\s+(\d+) short articles")


def test_demo_readme_files_table_lists_every_document():
    rows = [line for line in README.splitlines() if line.startswith("| `demo/")]
    assert len(rows) == sum(_months().values())
    for record in _records():
        assert f"(`{record['id']}`)" in README, record["id"]
