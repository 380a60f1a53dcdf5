"""Safe by default: demo never overwrites, exit codes say what happened, hints name the real command,
unknown actor codes are errors with suggestions, documents can be removed."""

from __future__ import annotations

import json

from cli_run import run


def _corpus(tmp_path, n=2):
    path = tmp_path / "in.jsonl"
    with path.open("w") as handle:
        for i in range(n):
            handle.write(json.dumps({"id": f"r{i}", "title": f"Note {i}", "text": f"Item {i}: ministers met on Monday."}) + "\n")
    return path


def test_cli_version_prints_the_package_version(capsys):
    from multipolar import __version__

    code, out, _ = run(["--version"], capsys)
    assert (code, out.strip()) == (0, f"multipolar {__version__}")


def test_cli_demo_leaves_an_existing_file_alone(tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    code, _, err = run(["demo", "--db", str(notes), "--out", str(tmp_path / "r.html")], capsys)
    assert code == 2
    assert "--force" in err and str(notes) in err
    assert notes.read_text() == "my notes\n"


def test_cli_demo_leaves_an_existing_report_path_alone(tmp_path, capsys):
    report = tmp_path / "mine.html"
    report.write_text("<p>mine</p>")
    code, _, err = run(["demo", "--db", str(tmp_path / "new.duckdb"), "--out", str(report)], capsys)
    assert code == 2 and "--force" in err
    assert report.read_text() == "<p>mine</p>"
    assert not (tmp_path / "new.duckdb").exists()


def test_cli_ingest_exits_65_when_every_input_is_rejected(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("")
    code, out, err = run(["ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "s.duckdb"), "--clean-only"],
                         capsys)
    assert code == 65
    assert "nothing ingested" in err and "multipolar rejections" in err


def test_cli_ingest_of_stored_inputs_again_exits_0(tmp_path, capsys):
    corpus, db = _corpus(tmp_path), tmp_path / "s.duckdb"
    assert run(["ingest", str(corpus), "--db", str(db), "--clean-only", "--quiet"], capsys)[0] == 0
    code, out, _ = run(["ingest", str(corpus), "--db", str(db), "--clean-only"], capsys)
    assert code == 0 and "2 already stored" in out


def test_cli_ctrl_c_exits_130_with_a_line_saying_how_to_resume(tmp_path, capsys, monkeypatch):
    from multipolar.api import Project

    def interrupted(self, inputs, *, progress=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(Project, "ingest", interrupted)
    code, _, err = run(["ingest", str(_corpus(tmp_path)), "--db", str(tmp_path / "s.duckdb"), "--quiet"], capsys)
    assert code == 130
    assert "interrupted" in err and "run the same command again" in err


def test_cli_usage_error_hint_names_the_command_once(capsys):
    code, _, err = run(["ingest", "--no-such-option"], capsys)
    assert code == 2
    assert "`multipolar ingest --help`" in err
    assert "multipolar multipolar" not in err


def test_cli_unknown_actor_code_is_an_error_that_suggests_close_codes(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    run(["ingest", str(_corpus(tmp_path)), "--db", str(db), "--clean-only", "--quiet"], capsys)
    code, _, err = run(["events", "--actor", "RUZ", "--db", str(db)], capsys)
    assert code == 2
    assert "'RUZ' is unknown" in err and "RUS" in err
    code, _, err = run(["dyads", "USA", "CHX", "--db", str(db)], capsys)
    assert code == 2 and "CHN" in err


def test_cli_remove_deletes_the_document_and_says_what_it_removed(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    run(["ingest", str(_corpus(tmp_path)), "--db", str(db), "--clean-only", "--quiet"], capsys)
    _, out, _ = run(["docs", "--db", str(db), "--format", "jsonl"], capsys)
    first, second = (json.loads(line) for line in out.splitlines())
    code, out, err = run(["remove", first["doc_id"][:16], "--db", str(db)], capsys)
    assert code == 0, err
    assert out.startswith("removed 1 documents")
    _, out, _ = run(["docs", "--db", str(db), "--format", "jsonl"], capsys)
    assert [json.loads(line)["doc_id"] for line in out.splitlines()] == [second["doc_id"]]


def test_cli_remove_of_an_unknown_id_removes_nothing(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    run(["ingest", str(_corpus(tmp_path)), "--db", str(db), "--clean-only", "--quiet"], capsys)
    code, _, err = run(["remove", "ffffffffffff", "--db", str(db)], capsys)
    assert code == 2 and "matches no document" in err
    _, out, _ = run(["docs", "--db", str(db), "--format", "jsonl"], capsys)
    assert len(out.splitlines()) == 2
