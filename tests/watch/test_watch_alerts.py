"""Alert rules on stored events (edge_sign, triangle_configuration, level_band), stored once, delivered;
and one end-to-end run: a GDELT update listing on a local server changes between polls and raises alerts."""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta

import pytest
from watch_helpers import export_zip, gdelt_line, lastupdate

from multipolar import Project
from multipolar.errors import UsageError
from multipolar.records import Alert
from multipolar.store.analysis import add_external_events
from multipolar.store.watch import add_alerts
from multipolar.watch import Watcher
from multipolar.watch.alerts import EDGE_SIGN, LEVEL_BAND, TRIANGLE_CONFIGURATION, evaluate
from multipolar.watch.deliver import send_to_command

TRIANGLE = [("USA", "CHN", "RUS")]
WEEK1 = date(2025, 1, 6)  # a Monday: ISO week 2025-W02


class Events:
    """Hand-made events, one document (URL) and one outlet (host) each."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.n = 0
        self.ids: dict[str, list[str]] = {}

    def add(self, day: date, a: str, b: str, goldstein: float, *, count: int, tag: str) -> None:
        rows = []
        for _ in range(count):
            self.n += 1
            eid = f"t{self.n}"
            self.ids.setdefault(tag, []).append(eid)
            rows.append({
                "event_id": eid, "doc_id": None, "sentence": -1, "date": day, "date_precision": "day",
                "source": a, "source_actor": a + "GOV", "target": b, "target_actor": b + "GOV",
                "cameo": "042" if goldstein > 0 else "112", "root": "04" if goldstein > 0 else "11",
                "quad": 1 if goldstein > 0 else 3, "goldstein": goldstein, "negated": False,
                "modality": "asserted", "confidence": 0.9, "text": f"{a} and {b}.", "mentions": 1,
                "origin": "test", "url": f"https://outlet{self.n}.example/{eid}",
            })
        add_external_events(self.project.store, rows)


@pytest.fixture
def project(tmp_path):
    with Project(tmp_path / "a.duckdb") as opened:
        yield opened


def _kinds(alerts):
    return sorted((a.kind, a.actors, a.period, a.detail["change"]) for a in alerts)


def test_alerts_edge_sign_and_configuration_change_with_their_events(project):
    ev = Events(project)
    week2 = WEEK1 + timedelta(days=7)
    for a, b in (("USA", "CHN"), ("USA", "RUS"), ("CHN", "RUS")):
        ev.add(WEEK1, a, b, 7.0, count=4, tag=f"w1 {a}{b}")
    ev.add(week2, "USA", "CHN", -7.0, count=4, tag="w2 USACHN")
    ev.add(week2, "USA", "RUS", -7.0, count=4, tag="w2 USARUS")
    ev.add(week2, "CHN", "RUS", 7.0, count=4, tag="w2 CHNRUS")

    alerts = evaluate(project, TRIANGLE, freq="week", since=WEEK1)

    assert _kinds(alerts) == [
        (EDGE_SIGN, "CHN-USA", "2025-W03", "+ -> -"),
        (EDGE_SIGN, "RUS-USA", "2025-W03", "+ -> -"),
        (TRIANGLE_CONFIGURATION, "CHN-RUS-USA", "2025-W03", "menage_a_trois -> stable_marriage"),
    ]
    by_kind = {(a.kind, a.actors): a for a in alerts}
    assert set(by_kind[(EDGE_SIGN, "CHN-USA")].event_ids) == set(ev.ids["w2 USACHN"])
    flipped = set(ev.ids["w2 USACHN"]) | set(ev.ids["w2 USARUS"])
    config = by_kind[(TRIANGLE_CONFIGURATION, "CHN-RUS-USA")]
    assert config.event_ids and set(config.event_ids) <= flipped
    assert config.detail["roles"] == {"CHN": "partner", "RUS": "partner", "USA": "pariah"}
    assert [d["event_id"] for d in config.detail["drivers"]] == list(config.event_ids)


def test_alerts_only_for_periods_from_since_on(project):
    ev = Events(project)
    ev.add(WEEK1, "USA", "CHN", 7.0, count=4, tag="w1")
    ev.add(WEEK1 + timedelta(days=7), "USA", "CHN", -7.0, count=4, tag="w2")
    assert [a.kind for a in evaluate(project, TRIANGLE, freq="week", since=WEEK1 + timedelta(days=8))] == [EDGE_SIGN]
    assert evaluate(project, TRIANGLE, freq="week", since=WEEK1 + timedelta(days=14)) == []


def _steady_weeks(ev: Events, weeks: int = 8) -> date:
    levels = [2.0, 2.5, 1.5, 2.2, 1.8, 2.4, 2.1, 1.9, 2.3, 1.7]
    for k in range(weeks):
        ev.add(WEEK1 + timedelta(days=7 * k), "CHN", "RUS", levels[k % len(levels)], count=3, tag=f"w{k}")
    return WEEK1 + timedelta(days=7 * weeks)


def test_level_band_fires_when_a_period_leaves_both_bands(project):
    ev = Events(project)
    drop = _steady_weeks(ev)
    ev.add(drop, "CHN", "RUS", -6.0, count=3, tag="drop")
    band = [a for a in evaluate(project, TRIANGLE, freq="week", since=drop) if a.kind == LEVEL_BAND]
    assert [(a.actors, a.period, a.detail["side"]) for a in band] == [("CHN-RUS", "2025-W10", "below")]
    assert [b["window"] for b in band[0].detail["bands"]] == [4, 52]
    assert band[0].detail["bands"][0]["periods"] == 4 and band[0].detail["bands"][1]["periods"] == 8
    assert set(band[0].event_ids) == set(ev.ids["drop"])


def test_a_watched_dyad_alone_gets_the_level_band_rule_and_no_triangle_rules(project):
    ev = Events(project)
    drop = _steady_weeks(ev)
    ev.add(drop, "CHN", "RUS", -6.0, count=3, tag="drop")
    alerts = evaluate(project, [("RUS", "CHN")], freq="week", since=drop)
    assert [(a.kind, a.actors, a.period) for a in alerts] == [(LEVEL_BAND, "CHN-RUS", "2025-W10")]
    assert evaluate(project, [("USA", "CHN")], freq="week", since=drop) == []  # another dyad: nothing


def test_level_band_needs_minimum_evidence(project):
    ev = Events(project)
    drop = _steady_weeks(ev)
    ev.add(drop, "CHN", "RUS", -6.0, count=2, tag="thin")  # 2 documents < alert_min_documents (3)
    assert [a for a in evaluate(project, TRIANGLE, freq="week", since=drop) if a.kind == LEVEL_BAND] == []


def test_level_band_needs_enough_earlier_periods(project):
    ev = Events(project)
    drop = _steady_weeks(ev, weeks=2)  # windows with 2 periods < alert_min_periods (3)
    ev.add(drop, "CHN", "RUS", -6.0, count=3, tag="drop")
    assert [a for a in evaluate(project, TRIANGLE, freq="week", since=drop) if a.kind == LEVEL_BAND] == []


def test_level_band_stays_quiet_inside_the_band(project):
    ev = Events(project)
    last = _steady_weeks(ev)
    ev.add(last, "CHN", "RUS", 2.6, count=3, tag="normal")
    assert evaluate(project, TRIANGLE, freq="week", since=last) == []


def test_alerts_are_stored_once_and_listed(project):
    ev = Events(project)
    ev.add(WEEK1, "USA", "CHN", 7.0, count=4, tag="w1")
    ev.add(WEEK1 + timedelta(days=7), "USA", "CHN", -7.0, count=4, tag="w2")
    found = evaluate(project, TRIANGLE, freq="week", since=WEEK1)
    assert len(add_alerts(project.store, found)) == 1
    assert evaluate(project, TRIANGLE, freq="week", since=WEEK1) == []  # stored: not looked up again
    assert add_alerts(project.store, found) == []
    frame = project.alerts()
    assert len(frame) == 1
    record = frame.records()[0]
    assert (record["kind"], record["actors"], record["period"]) == (EDGE_SIGN, "CHN-USA", "2025-W03")
    assert sorted(record["event_ids"]) == sorted(ev.ids["w2"])
    assert record["detail"]["from_sign"] == "+" and record["detail"]["to_sign"] == "-"
    assert len(project.alerts(since="2000-01-01")) == 1
    assert len(project.alerts(since="2999-01-01")) == 0


def test_failing_alert_command_is_reported_not_raised(tmp_path):
    alert = Alert("x1", EDGE_SIGN, "CHN-USA", "2025-W03", "test", {}, ())
    problem = send_to_command([sys.executable, "-c", "import sys; sys.stderr.write('no'); sys.exit(3)"], alert)
    assert problem == f"alert command {sys.executable} exited 3: no"


def test_webhook_on_loopback_is_refused_without_allow_private(project, tmp_path):
    with pytest.raises(UsageError, match="--alert-webhook .*--allow-private"):
        Watcher(project, [str(tmp_path)], alert_webhook="http://127.0.0.1:9/hook")


def test_alert_command_must_exist(project, tmp_path):
    with pytest.raises(UsageError, match="no such program"):
        Watcher(project, [str(tmp_path)], alert_command="no-such-program-xyz --flag")


def _export(live, name, lines):
    data = export_zip(name, lines)
    live.put(f"/gdeltv2/{name}", data, content_type="application/zip")
    live.put("/gdeltv2/lastupdate.txt", lastupdate(live.base, name, data), content_type="text/plain")


def _week(gid0, day, signs, base):
    lines, gid = [], gid0
    for (a, b), g in signs.items():
        for k in range(4):
            gid += 1
            lines.append(gdelt_line(gid, day, a, b, cameo="042" if g > 0 else "112", goldstein=g,
                                    url=f"https://outlet{gid}.example/{base}/{k}"))
    return lines


def test_watch_gdelt_end_to_end_raises_sends_and_stores_alerts_once(live, tmp_path):
    received = tmp_path / "received.jsonl"
    script = f"import sys; open({str(received)!r}, 'a').write(sys.stdin.read().strip() + '\\n')"
    listing = live.base + "/gdeltv2/lastupdate.txt"
    _export(live, "20250107000000.export.CSV.zip",
            _week(1000, WEEK1, {("USA", "CHN"): 7.0, ("USA", "RUS"): 7.0, ("CHN", "RUS"): 7.0}, "a"))
    with Project(tmp_path / "g.duckdb", {"allow_private": "true", "http_retries": "0"}) as project:
        watcher = Watcher(project, [listing], freq="week", alert_command=[sys.executable, "-c", script],
                          alert_webhook=live.base + "/hook")
        first = watcher.poll_once()
        assert (first.polls[0].status, first.polls[0].new_events, first.alerts) == ("200", 12, ())
        assert watcher.poll_once().polls[0].status == "304"

        _export(live, "20250114000000.export.CSV.zip",
                _week(2000, WEEK1 + timedelta(days=7), {("USA", "CHN"): -7.0, ("USA", "RUS"): -7.0,
                                                        ("CHN", "RUS"): 7.0}, "b"))
        changed = watcher.poll_once()
        assert changed.polls[0].new_events == 12 and changed.delivery_errors == ()
        assert sorted(a.kind for a in changed.alerts) == [EDGE_SIGN, EDGE_SIGN, TRIANGLE_CONFIGURATION]
        new_ids = {f"gdelt-{g}" for g in range(2001, 2013)}
        assert all(a.event_ids and set(a.event_ids) <= new_ids for a in changed.alerts)

        again = watcher.poll_once()
        assert (again.polls[0].status, again.alerts) == ("304", ())
        assert len(project.alerts()) == 3

    sent = [json.loads(line) for line in received.read_text().splitlines()]
    assert sorted(x["alert_id"] for x in sent) == sorted(a.alert_id for a in changed.alerts)
    posted = [json.loads(body) for body in live.posts]
    assert sorted(x["alert_id"] for x in posted) == sorted(a.alert_id for a in changed.alerts)
    assert all(x["event_ids"] and x["summary"] for x in posted)


def test_watch_gdelt_refuses_an_export_that_does_not_match_its_listing(live, tmp_path):
    name = "20250107000000.export.CSV.zip"
    _export(live, name, _week(1000, WEEK1, {("USA", "CHN"): 7.0}, "a"))
    live.put(f"/gdeltv2/{name}", export_zip(name, ["tampered"]), content_type="application/zip")
    with Project(tmp_path / "m.duckdb", {"allow_private": "true", "http_retries": "0"}) as project:
        poll = Watcher(project, [live.base + "/gdeltv2/lastupdate.txt"]).poll_once().polls[0]
        assert poll.status == "error" and "MD5" in poll.message
        assert len(project.events().frame()) == 0


COOPERATION = [  # published Wednesday 8 January 2025: "on Tuesday" is 7 January, ISO week 2025-W02
    "Washington and Beijing agreed to cooperate on climate change on Tuesday.",
    "The United States and China agreed to work together on fentanyl controls on Tuesday, officials said.",
    "Beijing and Washington agreed to cooperate on space debris monitoring on Tuesday.",
    "On Tuesday the United States and China agreed to cooperate on pandemic preparedness.",
    "American and Chinese negotiators agreed on Tuesday to cooperate on shipping safety in the Pacific.",
]
CONFLICT = [  # published Wednesday 15 January 2025: 14 January, ISO week 2025-W03
    "The United States imposed new sanctions on China on Tuesday.",
    "Washington threatened Beijing with new tariffs on Tuesday.",
    "The United States threatened China with export controls on Tuesday.",
    "On Tuesday the United States imposed sanctions on China over its chip exports.",
    "Washington imposed new sanctions on Beijing on Tuesday after talks on trade collapsed.",
]


@pytest.mark.model
@pytest.mark.slow
def test_watch_feed_end_to_end_codes_new_items_and_raises_an_edge_sign_alert(live, tmp_path):
    from watch_helpers import rss

    coop = [(f"c{k}", f"Cooperation {k}", text, "Wed, 08 Jan 2025 09:00:00 GMT") for k, text in enumerate(COOPERATION)]
    conflict = [(f"k{k}", f"Pressure {k}", text, "Wed, 15 Jan 2025 09:00:00 GMT") for k, text in enumerate(CONFLICT)]
    live.put("/feed", rss(coop))
    settings = {"allow_private": "true", "http_retries": "0", "outlet_correlation": "0"}  # one feed, one outlet
    with Project(tmp_path / "f.duckdb", settings) as project:
        watcher = Watcher(project, [live.base + "/feed"], freq="week")
        first = watcher.poll_once()
        assert first.polls[0].new_documents == len(COOPERATION) and first.alerts == ()
        week2 = project.triangle("USA", "CHN", "RUS", freq="week").periods[-1]
        assert (week2.period, week2.edge("USA", "CHN").sign) == ("2025-W02", 1)

        live.put("/feed", rss(coop + conflict))
        second = watcher.poll_once()
        assert second.polls[0].new_documents == len(CONFLICT)
        sign = [a for a in second.alerts if a.kind == EDGE_SIGN]
        assert [(a.actors, a.period, a.detail["change"]) for a in sign] == [("CHN-USA", "2025-W03", "+ -> -")]
        new_events = set(project.events(since="2025-01-13").frame().column("event_id"))
        assert sign[0].event_ids and set(sign[0].event_ids) <= new_events
        assert watcher.poll_once().alerts == ()


def test_watch_first_round_takes_history_as_judged(project, tmp_path):
    ev = Events(project)
    ev.add(WEEK1, "USA", "CHN", 7.0, count=4, tag="w1")
    ev.add(WEEK1 + timedelta(days=7), "USA", "CHN", -7.0, count=4, tag="w2")  # a sign change in the past
    assert Watcher(project, [str(tmp_path)], analyse=False).poll_once().alerts == ()
    assert len(project.alerts()) == 0


def test_watch_judges_events_that_a_stopped_round_left_unjudged(project, tmp_path):
    ev = Events(project)
    ev.add(WEEK1, "USA", "CHN", 7.0, count=4, tag="w1")
    assert Watcher(project, [str(tmp_path)], analyse=False).poll_once().alerts == ()
    ev.add(WEEK1 + timedelta(days=7), "USA", "CHN", -7.0, count=4, tag="w2")  # stored, never judged
    again = Watcher(project, [str(tmp_path)], analyse=False).poll_once()
    assert [(a.kind, a.actors, a.period) for a in again.alerts] == [(EDGE_SIGN, "CHN-USA", "2025-W03")]
    assert Watcher(project, [str(tmp_path)], analyse=False).poll_once().alerts == ()


def test_watch_gdelt_bad_row_is_a_rejection_naming_the_export_url(live, tmp_path):
    name = "20250107000000.export.CSV.zip"
    _export(live, name, [*_week(1000, WEEK1, {("USA", "CHN"): 7.0}, "a"), "not\ta\tgdelt\trow"])
    with Project(tmp_path / "r.duckdb", {"allow_private": "true", "http_retries": "0"}) as project:
        poll = Watcher(project, [live.base + "/gdeltv2/lastupdate.txt"]).poll_once().polls[0]
        assert (poll.status, poll.new_events) == ("200", 4)
        (uri,) = project.rejections().column("source_uri")
    assert uri == f"{live.base}/gdeltv2/{name}!{name.removesuffix('.zip')}:5"
