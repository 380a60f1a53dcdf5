"""`multipolar serve` refuses to start where it should, with one line naming the fix."""

from __future__ import annotations

from cli_run import run
from multipolar.web.serve import dashboard_url


def test_serve_off_loopback_without_token_refuses(web_db, capsys, monkeypatch) -> None:
    monkeypatch.delenv("MULTIPOLAR_TOKEN", raising=False)
    code, out, err = run(["serve", "--db", str(web_db), "--host", "0.0.0.0"], capsys)
    assert code == 2 and out == ""
    assert "--token" in err and "MULTIPOLAR_TOKEN" in err and len(err.strip().splitlines()) == 1


def test_serve_missing_store_is_one_line(tmp_path, capsys) -> None:
    code, _, err = run(["serve", "--db", str(tmp_path / "none.duckdb")], capsys)
    assert code == 3 and "does not exist" in err


def test_dashboard_url_carries_the_token() -> None:
    assert dashboard_url("127.0.0.1", 8000, None) == "http://127.0.0.1:8000/"
    assert dashboard_url("0.0.0.0", 9000, "t" * 20) == "http://0.0.0.0:9000/?token=" + "t" * 20
    assert dashboard_url("::1", 8000, None) == "http://[::1]:8000/"
