"""`multipolar watch` and `multipolar alerts` on the command line; Ctrl-C; a store held by another process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from cli_run import run
from multipolar import Project
from multipolar.records import Alert
from multipolar.store.watch import add_alerts, watch_state

SRC = Path(__file__).resolve().parents[2] / "src"


def _folder(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "one.txt").write_text("Officials met in Geneva on Tuesday to talk about trade and ports.\n")
    return folder


def test_cli_watch_once_prints_a_line_per_source_and_saves_state(tmp_path, capsys):
    folder = _folder(tmp_path)
    db = str(tmp_path / "w.duckdb")
    code, out, err = run(["watch", str(folder), "--once", "--clean-only", "--db", db], capsys)
    assert code == 0, err
    assert f"{folder} [folder] changed, 1 new documents" in out
    assert "round at" in out and "1 new documents, 0 new alerts" in out
    code, out, _ = run(["watch", str(folder), "--once", "--clean-only", "--db", db], capsys)
    assert code == 0 and f"{folder} [folder] unchanged, 0 new documents" in out


def test_cli_watch_refuses_a_bad_interval_and_bad_actors(tmp_path, capsys):
    folder = _folder(tmp_path)
    code, _, err = run(["watch", str(folder), "--every", "5x", "--db", str(tmp_path / "w.duckdb")], capsys)
    assert code == 2 and "--every '5x'" in err
    code, _, err = run(["watch", str(folder), "--actors", "USA,CHN,RUS,IND", "--db", str(tmp_path / "w.duckdb")], capsys)
    assert code == 2 and "three different actor codes" in err and "or two" in err
    code, _, err = run(["watch", str(folder), "--actors", "USA,USA", "--db", str(tmp_path / "w.duckdb")], capsys)
    assert code == 2 and "--actors USA,USA" in err


def test_cli_alerts_lists_stored_alerts(tmp_path, capsys):
    db = tmp_path / "a.duckdb"
    with Project(db) as project:
        add_alerts(project.store, [Alert("abc123", "edge_sign", "CHN-USA", "2025-W03", "CHN-USA edge + -> -",
                                         {"rule": "edge_sign"}, ("e1", "e2"))])
    code, out, err = run(["alerts", "--db", str(db), "--format", "jsonl"], capsys)
    assert code == 0, err
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert (record["kind"], record["actors"], record["event_ids"]) == ("edge_sign", "CHN-USA", ["e1", "e2"])
    assert record["detail"] == {"rule": "edge_sign"}
    code, out, _ = run(["alerts", "--db", str(db)], capsys)
    assert code == 0 and "CHN-USA edge + -> -" in out


def _as_from_a_terminal() -> None:
    # a child inherits an ignored SIGINT, and Python then installs no KeyboardInterrupt for it; a test run
    # started as a background job (`make test &`: a shell ignores SIGINT in background jobs) passes that on,
    # so the watcher starts as a terminal would start it, with Ctrl-C at its default
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_watch(args, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen([sys.executable, "-m", "multipolar", "watch", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path,
                            preexec_fn=_as_from_a_terminal)


def test_cli_watch_ctrl_c_exits_130_with_state_saved(tmp_path):
    folder = _folder(tmp_path)
    db = tmp_path / "w.duckdb"
    proc = _start_watch([str(folder), "--every", "1h", "--clean-only", "--db", str(db)], tmp_path)
    try:
        for line in proc.stdout:
            if "round at" in line:
                break
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130
    assert "stopped: each source's poll state is saved" in err
    with Project(db) as project:
        state = watch_state(project.store, str(folder))
    assert state is not None and state.last_status == "changed"


def test_cli_watch_on_a_held_store_names_the_holder(tmp_path):
    folder = _folder(tmp_path)
    db = tmp_path / "held.duckdb"
    Project(db).store.close()
    holder = _start_watch([str(folder), "--every", "1h", "--clean-only", "--db", str(db)], tmp_path)
    try:
        for line in holder.stdout:
            if "round at" in line:
                break
        second = _start_watch([str(folder), "--once", "--clean-only", "--db", str(db)], tmp_path)
        _, err = second.communicate(timeout=120)
    finally:
        holder.kill()
        holder.wait()
    lines = err.strip().splitlines()
    assert second.returncode == 3 and len(lines) == 1
    assert f"in use by process {holder.pid} (multipolar watch {folder} --every 1h" in lines[0]
