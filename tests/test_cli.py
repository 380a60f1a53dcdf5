"""The command line contract: formats, errors as one line on stderr, exit codes, the seeds."""

from __future__ import annotations

import json

import pytest

from cli_run import run


def test_cli_ingest_bad_inputs_goes_on_and_summarises(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Moscow and Beijing signed a trade agreement on Monday, officials said.\n")
    (folder / "empty.txt").write_text("")
    (folder / "bad.jsonl").write_text("{oops\n")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    db = tmp_path / "s.duckdb"
    code, out, err = run(["ingest", str(folder), "--db", str(db), "--quiet", "--clean-only"], capsys)
    assert code == 0, err
    code, out, err = run(["ingest", str(folder), "--db", str(db), "--clean-only"], capsys)
    assert code == 0
    assert "0 ingested" in out and "rejected — see `multipolar rejections`" in out
    code, out, _ = run(["rejections", "--db", str(db), "--format", "jsonl"], capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    assert {r["code"] for r in rows} >= {"empty", "malformed", "binary"}
    assert all(r["message"] for r in rows)


def test_cli_docs_formats(tmp_path, capsys):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "k1", "url": "https://example.org/k1", "title": "Talks in Riyadh",
                               "published": "2025-02-18", "outlet": "Desk", "author": "A. Writer",
                               "text": "Delegations of the two countries met in Riyadh on Tuesday to discuss relations."}) + "\n")
    db = tmp_path / "s.duckdb"
    run(["ingest", str(src), "--db", str(db), "--quiet", "--clean-only"], capsys)
    code, out, _ = run(["docs", "--db", str(db), "--format", "jsonl"], capsys)
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert row["id"] == "k1" and row["url"] == "https://example.org/k1"
    assert row["published"] == "2025-02-18" and row["outlet"] == "Desk" and row["language"] == "en"
    code, out, _ = run(["docs", "--db", str(db), "--format", "csv"], capsys)
    assert out.splitlines()[0].startswith("doc_id,id,url,source_uri,title")
    parquet = tmp_path / "d.parquet"
    code, _, _ = run(["docs", "--db", str(db), "--format", "parquet", "--out", str(parquet)], capsys)
    import pyarrow.parquet as pq

    assert pq.read_table(parquet).num_rows == 1
    code, out, _ = run(["docs", "--db", str(db)], capsys)
    assert "Talks in Riyadh" in out


def test_cli_table_output_does_not_interpret_markup_from_articles(tmp_path, capsys):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"title": "[bold red]injected[/]", "text": "A sentence about talks in Geneva on Monday."}) + "\n")
    db = tmp_path / "s.duckdb"
    run(["ingest", str(src), "--db", str(db), "--quiet", "--clean-only"], capsys)
    _, out, _ = run(["docs", "--db", str(db)], capsys)
    assert "[bold red]injected[/]" in out


@pytest.mark.parametrize(
    ("argv", "code", "needle"),
    [
        (["docs", "--db", "/nonexistent/dir/x.duckdb"], 3, "does not exist"),
        (["docs", "--format", "xml", "--db", "{db}"], 2, "unknown --format"),
        (["docs", "--format", "parquet", "--db", "{db}"], 2, "--out"),
        (["ingest", "x", "--db", "{db}", "--set", "nope=1"], 2, "unknown setting"),
        (["ingest", "x", "--db", "{db}", "--set", "max_bytes=lots"], 2, "expected a int"),
        (["docs", "--since", "yesterday", "--db", "{db}"], 2, "YYYY-MM-DD"),
        (["frobnicate"], 2, "No such command"),
        (["code"], 2, "nothing to code"),
        (["code", "Kenya met Ghana.", "--input", "x.jsonl"], 2, "not both"),
    ],
)
def test_cli_errors_are_one_line_with_exit_code(tmp_path, capsys, argv, code, needle):
    db = tmp_path / "s.duckdb"
    from multipolar.store import Store

    Store.open(db).close()
    argv = [a.replace("{db}", str(db)) for a in argv]
    got, out, err = run(argv, capsys)
    assert got == code
    assert needle in err
    assert len(err.strip().splitlines()) == 1


def test_cli_settings_lists_every_declared_setting(capsys):
    from multipolar.settings import describe

    _, out, _ = run(["settings", "--format", "jsonl"], capsys)
    names = [json.loads(line)["name"] for line in out.splitlines()]
    assert names == [row[0] for row in describe()]


def test_cli_seeds_ingest_gives_five_documents_and_a_second_ingest_adds_nothing(tmp_path, capsys, seeds_dir):
    db = tmp_path / "seeds.duckdb"
    code, out, err = run(["ingest", str(seeds_dir), "--db", str(db), "--clean-only"], capsys)
    assert code == 0, err
    assert out.strip().startswith("5 ingested")
    code, out, _ = run(["ingest", str(seeds_dir), "--db", str(db), "--clean-only"], capsys)
    assert out.strip().startswith("0 ingested, 5 already stored")
    _, out, _ = run(["docs", "--db", str(db), "--format", "jsonl"], capsys)
    rows = {row["source_uri"].rsplit("/", 1)[-1][:3]: row for row in map(json.loads, out.splitlines())}
    assert {k: rows[k]["published"] for k in sorted(rows)} == {
        "000": "2025-01-26", "001": "2025-01-21", "002": None, "003": None, "004": "2025-01-22",
    }
    assert all(rows[k]["title"] for k in ("000", "001", "002", "004"))  # 003 starts with its body: no title line
    for row in rows.values():
        assert row["language"] == "en"
        assert len(row["text"]) > 1000



@pytest.mark.model
@pytest.mark.slow
def test_cli_seeds_events_and_stories_match_the_issues_done_when(tmp_path, capsys, seeds_dir):
    """The seeds, ingested and analysed: the events and stories a careful reader records (issues 3, 5)."""
    db = tmp_path / "seeds.duckdb"
    code, _, err = run(["ingest", str(seeds_dir), "--db", str(db)], capsys)
    assert code == 0, err
    _, out, _ = run(["docs", "--db", str(db), "--format", "jsonl"], capsys)
    docs = {row["doc_id"]: row["source_uri"].rsplit("/", 1)[-1][:3] for row in map(json.loads, out.splitlines())}
    _, out, _ = run(["events", "--db", str(db), "--format", "jsonl"], capsys)
    events = {(docs[e["doc_id"]], e["source"], e["root"], e["target"], e["date"]) for e in map(json.loads, out.splitlines())}
    for seed in ("001", "004"):  # the video call of 21 January, both ways, in both reports
        assert {(seed, "RUS", "04", "CHN", "2025-01-21"), (seed, "CHN", "04", "RUS", "2025-01-21")} <= events
    assert ("000", "USA", "16", "RUS", "2025-01-10") in events  # the oil sanctions of 10 January
    assert any(d == "004" and (s, r, t) == ("CHN", "11", "USA") for d, s, r, t, _ in events)  # Xi accuses the US
    assert any(d == "003" and (s, r, t) == ("USA", "16", "CHN") for d, s, r, t, _ in events)  # the 145% tariff
    story = {docs[doc_id]: row for doc_id, row in
             ((r["doc_id"], r["story_id"]) for r in map(json.loads, run(["docs", "--db", str(db), "--format", "jsonl"],
                                                                             capsys)[1].splitlines()))}
    assert story["000"] == story["001"] == story["004"]  # one story: the 21 January call
    # the February call: 002 has no date, but dates the call by "the anniversary of Russia's 2022 invasion"
    assert story["002"] not in {story["000"], story["003"]}
    assert story["003"] not in {story["000"], story["002"]}  # Xi's May trip stands apart


def test_cli_gdelt_export_ingest_then_export_round_trips(tmp_path, capsys):
    from pathlib import Path

    sample = Path(__file__).parent / "interop" / "data" / "sample.export.CSV"
    db = tmp_path / "g.duckdb"
    code, out, err = run(["ingest", str(sample), "--db", str(db)], capsys)
    assert code == 0, err
    assert "20 GDELT events stored" in out
    exported = tmp_path / "out.export.CSV"
    run(["events", "--db", str(db), "--format", "gdelt", "--out", str(exported)], capsys)
    original = sorted(line.split("\t")[26] for line in sample.read_text().splitlines() if line.strip())
    again = sorted(line.split("\t")[26] for line in exported.read_text().splitlines() if line.strip())
    assert again == original  # EventCode column, every event once
    _, out, _ = run(["dyads", "USA", "CHN", "--db", str(db), "--format", "jsonl"], capsys)
    assert out.strip()


def test_cli_code_input_file_gives_one_line_per_record(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "Russian President Vladimir Putin and Chinese President Xi Jinping held a video call on Tuesday.", "date": "2025-01-22"}) + "\n"
        + json.dumps({"id": "b", "text": "The weather was mild."}) + "\n"
    )
    code, out, err = run(["code", "--input", str(src), "--format", "jsonl"], capsys)
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    pairs = {(e["source"], e["target"], e["root"], e["date"]) for e in lines[0]["events"]}
    assert {("RUS", "CHN", "04", "2025-01-21"), ("CHN", "RUS", "04", "2025-01-21")} <= pairs
    assert lines[1]["events"] == []


def test_cli_code_bad_input_line_gets_an_error_record_and_the_rest_is_coded(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    text = "Kenyan President William Ruto visited Beijing on Monday."
    src.write_text(
        json.dumps({"id": "a", "text": text}) + "\n{broken\n"
        + json.dumps({"id": "c", "text": text, "date": "2025-13-45"}) + "\n"
        + json.dumps({"id": "d", "text": text, "date": "2025-02-03"}) + "\n"
    )
    code, out, err = run(["code", "--input", str(src), "--format", "jsonl"], capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and "2 record(s) could not be coded" in err
    assert [(line["id"], "error" in line) for line in lines] == [("a", False), ("2", True), ("c", True), ("d", False)]
    assert ":2: not valid JSON" in lines[1]["error"] and "2025-13-45" in lines[2]["error"]
    assert lines[3]["events"]


def test_cli_code_scheme_plover_gives_reciprocal_parties_without_target(tmp_path, capsys):
    text = "Russian President Vladimir Putin and Chinese President Xi Jinping held a video call on Tuesday."
    code, out, err = run(["code", text, "--date", "2025-01-22", "--format", "jsonl", "--scheme", "plover"], capsys)
    assert code == 0, err
    events = json.loads(out)["events"]
    assert {(e["source"], e["target"], e["plover"]) for e in events} == {("RUS", None, "CONSULT"), ("CHN", None, "CONSULT")}
    code, _, err = run(["code", text, "--scheme", "icews"], capsys)
    assert code == 2 and "--scheme 'icews'" in err


def test_cli_code_states_only_leaves_out_international_bodies(capsys):
    text = "The UN Security Council condemned Russia on Monday. China criticized Japan on Tuesday."
    code, out, err = run(["code", text, "--date", "2025-03-12", "--format", "jsonl"], capsys)
    assert code == 0, err
    assert any(e["source"] == "IGO" for e in json.loads(out)["events"])
    code, out, err = run(["code", text, "--date", "2025-03-12", "--format", "jsonl", "--states-only"], capsys)
    assert code == 0, err
    assert {(e["source"], e["target"]) for e in json.loads(out)["events"]} == {("CHN", "JPN")}


def test_cli_code_url_makes_an_official_statement(tmp_path, capsys):
    text = "Today we imposed new sanctions on Iran over its missile programme."
    code, out, err = run(["code", text, "--format", "jsonl", "--explain",
                          "--url", "https://www.whitehouse.gov/briefings-statements/2025/03/x/",
                          "--set", "event_official_sources=true"], capsys)
    assert code == 0, err
    events = json.loads(out)["events"]
    assert any(e["source"] == "USA" and e["target"] == "IRN" and "issuer.self_reference" in e["explain"] for e in events)
    _, out, _ = run(["code", text, "--format", "jsonl", "--url", "https://apnews.com/article/x",
                     "--set", "event_official_sources=true"], capsys)
    assert not any(e["source"] == "USA" for e in json.loads(out)["events"])
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": text}) + "\n")
    code, _, err = run(["code", "--input", str(src), "--url", "https://www.whitehouse.gov/"], capsys)
    assert code == 2 and "--url" in err


@pytest.mark.model
def test_cli_ingest_reads_official_statement_from_url(tmp_path, capsys):
    text = "Statement on Iran.\n\nToday we imposed new sanctions on Iran over its missile programme."
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "wh", "url": "https://www.whitehouse.gov/briefings-statements/2025/03/iran/",
                               "published": "2025-03-12", "text": text}) + "\n"
                   + json.dumps({"id": "news", "url": "https://apnews.com/article/iran-sanctions",
                                 "published": "2025-03-12", "text": text.replace("Statement", "Report")}) + "\n")
    db = tmp_path / "s.duckdb"
    code, _, err = run(["ingest", str(src), "--db", str(db), "--quiet", "--set", "event_official_sources=true"], capsys)
    assert code == 0, err
    _, out, _ = run(["docs", "--db", str(db), "--format", "jsonl"], capsys)
    ids = {row["doc_id"]: row["url"] for row in map(json.loads, out.splitlines())}
    _, out, _ = run(["events", "--db", str(db), "--format", "jsonl"], capsys)
    found = {(ids[e["doc_id"]].split("/")[2], e["source"], e["target"]) for e in map(json.loads, out.splitlines())}
    assert ("www.whitehouse.gov", "USA", "IRN") in found
    assert not any(host == "apnews.com" and source == "USA" for host, source, _ in found)


def test_cli_users_actor_file_extends_the_bundled_actors(tmp_path, capsys):
    mine = tmp_path / "mine.jsonl"
    mine.write_text(json.dumps({"kind": "organisation", "code": "NGOQQX", "name": "Quiet Quorum"}) + "\n")
    text = "Quiet Quorum accused Chile of torture."
    _, out, _ = run(["code", text, "--format", "jsonl"], capsys)
    assert json.loads(out)["events"] == []
    code, out, err = run(["code", text, "--format", "jsonl", "--set", f"actor_files={mine}"], capsys)
    assert code == 0, err
    assert {(e["source"], e["root"], e["target"]) for e in json.loads(out)["events"]} == {("NGO", "11", "CHL")}
    code, _, err = run(["code", text, "--set", f"actor_files={tmp_path / 'missing.jsonl'}"], capsys)
    assert code != 0 and "missing.jsonl" in err and "file not found" in err
