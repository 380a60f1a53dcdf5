"""The dashboard over a small store, through FastAPI's TestClient: pages, the JSON API, escaping, the
security headers, the token, filters and paging, and the error shape."""

from __future__ import annotations

import threading
import time

import pytest
from fastapi.testclient import TestClient
from web_store import CALM, EVIL, TOKEN

from multipolar.api import Project
from multipolar.errors import UsageError
from multipolar.web import check_bind, create_app
from multipolar.web.app import CSP, TOKEN_COOKIE
from multipolar.web.cache import ViewCache

HTML = {"accept": "text/html"}
PAGES = ["/", "/?a=CHN&b=RUS&c=USA&freq=week", "/dyad", "/dyad?a=CHN&b=RUS&period=2024-12", "/events",
         "/events/evil", "/events/calm-1", "/stories", "/stories/story-1", "/claims", "/rejections", "/api"]
API = ["/api/actors", "/api/overview", "/api/triangle?a=USA&b=CHN&c=RUS", "/api/dyads/CHN/RUS",
       "/api/dyads/CHN/RUS/events?since=2024-12-01&until=2024-12-31", "/api/events", "/api/events/evil",
       "/api/stories", "/api/stories/story-1", "/api/claims", "/api/claims?conflicts=true", "/api/rejections"]


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_with_strict_policy(client: TestClient, path: str) -> None:
    r = client.get(path, headers=HTML)
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    assert r.headers["content-security-policy"] == CSP
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert '<script src="/static/app.js"' in r.text
    # no inline script: every <script> either loads our file or is a JSON data block
    for tag in r.text.split("<script")[1:]:
        head = tag.split(">", 1)[0]
        assert 'src="/static/app.js"' in head or 'type="application/json"' in head, head


def test_a_merged_story_id_leads_to_the_story_it_went_into(client: TestClient) -> None:
    story = client.get("/api/stories/story-0").json()
    assert story["story"]["story_id"] == "story-1"
    assert [(m["merged_id"], m["rule"]) for m in story["merged"]] == [("story-0", "stories.bridge_merge")]
    page = client.get("/stories/story-1", headers=HTML).text
    assert "Story story-0 (1 documents) merged into this one by rule stories.bridge_merge (similarity 0.41)" in page


@pytest.mark.parametrize("path", API)
def test_api_answers_json(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"] == "application/json"
    assert r.headers["content-security-policy"] == CSP


@pytest.mark.parametrize("path", ["/events/evil", "/events?q=script", "/claims", "/stories/story-1"])
def test_article_text_is_escaped(client: TestClient, path: str) -> None:
    text = client.get(path, headers=HTML).text
    assert "<script>alert" not in text
    assert "<img src=x" not in text
    assert "&lt;script&gt;alert(" in text


def test_event_page_marks_its_sentence_in_the_document(client: TestClient) -> None:
    text = client.get("/events/calm-1", headers=HTML).text
    assert '<mark id="sentence">' in text
    marked = text.split('<mark id="sentence">', 1)[1].split("</mark>", 1)[0]
    assert marked.replace('<strong class="trigger">', "").replace("</strong>", "") == CALM
    assert "Intro line." in text and "Closing line." in text  # the rest of the cleaned document around it
    assert '<strong class="trigger">met</strong>' in marked


def test_event_page_links_only_web_urls(client: TestClient) -> None:
    evil = client.get("/events/evil", headers=HTML).text
    assert 'href="javascript:' not in evil
    assert "not an http(s) link" in evil
    calm = client.get("/events/calm-1", headers=HTML).text
    assert 'id="source-link" href="https://news.example/calm"' in calm


def test_event_shows_the_same_act_and_story(client: TestClient) -> None:
    body = client.get("/api/events/evil").json()
    assert [r["event_id"] for r in body["same_act"]] == ["calm-1"]
    assert body["story"]["story_id"] == "story-1"
    assert body["event"]["confidence"] == 0.9 and body["event"]["trigger"] == "met"
    assert body["source_link"] is None and body["text"]["sentence"].startswith(EVIL)


@pytest.mark.parametrize(("path", "what"), [("/api/events/no-such-event", "event 'no-such-event'"),
                                            ("/api/stories/no-such-story", "story 'no-such-story'")])
def test_unknown_id_is_404_with_a_clear_message(client: TestClient, path: str, what: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert set(r.json()) == {"error"}
    assert r.json()["error"]["status"] == 404 and what in r.json()["error"]["message"]
    page = client.get(path.removeprefix("/api"), headers=HTML)
    assert page.status_code == 404 and what.replace("'", "&#39;") in page.text


@pytest.mark.parametrize(("path", "words"), [
    ("/api/events?sort=bogus", "sort 'bogus'"),
    ("/api/events?quad=9", "quad"),
    ("/api/events?since=yesterday", "since 'yesterday'"),
    ("/api/overview?a=USA&b=USA&c=CHN", "different actors"),
    ("/api/overview?freq=year", "freq 'year'"),
    ("/api/overview?a=ZZZ&b=USA&c=CHN", "actor code 'ZZZ'"),
])
def test_bad_parameters_are_400_naming_them(client: TestClient, path: str, words: str) -> None:
    r = client.get(path)
    assert r.status_code == 400, r.text
    assert words in r.json()["error"]["message"]


def test_unknown_path_and_writes_are_refused(client: TestClient) -> None:
    assert client.get("/nowhere").json()["error"]["status"] == 404
    r = client.post("/api/events", json={})
    assert r.status_code == 405 and "only reads" in r.json()["error"]["message"]


def test_events_filter_and_page(client: TestClient) -> None:
    first = client.get("/api/events?actor=USA&quad=4&per_page=20").json()
    assert first["total"] > 40 and len(first["rows"]) == 20 and first["pages"] == -(-first["total"] // 20)
    assert all(r["quad"] == 4 and "USA" in (r["source_actor"][:3], r["target_actor"][:3]) for r in first["rows"])
    second = client.get("/api/events?actor=USA&quad=4&per_page=20&page=2").json()
    assert not {r["event_id"] for r in first["rows"]} & {r["event_id"] for r in second["rows"]}
    assert second["total"] == first["total"]


@pytest.mark.parametrize(("sort", "order"), [("goldstein", "asc"), ("goldstein", "desc"), ("date", "asc"),
                                             ("outlet", "asc")])
def test_events_sorted(client: TestClient, sort: str, order: str) -> None:
    rows = client.get(f"/api/events?sort={sort}&order={order}&per_page=200&since=2023-03-01").json()["rows"]
    values = [r[sort] for r in rows if r[sort] is not None]
    assert len(values) > 100
    assert values == sorted(values, reverse=order == "desc")


def test_events_by_cameo_code_and_root(client: TestClient) -> None:
    by_code = client.get("/api/events?code=04&per_page=100").json()
    by_root = client.get("/api/events?root=4&per_page=100").json()
    assert by_code["total"] == by_root["total"] > 100
    assert all(r["cameo"].startswith("04") for r in by_code["rows"])
    exact = client.get("/api/events?code=042&per_page=100").json()
    assert 0 < exact["total"] < by_code["total"] and all(r["cameo"] == "042" for r in exact["rows"])


def test_events_by_outlet_and_text(client: TestClient) -> None:
    rows = client.get("/api/events?outlet=news.example").json()["rows"]
    assert [r["event_id"] for r in rows] == ["calm-1"]
    found = client.get("/api/events?q=FOREIGN%20ministers").json()
    assert found["total"] == 1 and found["rows"][0]["event_id"] == "calm-1"
    dated = client.get("/api/events?since=2024-12-30&until=2024-12-30&actor=RUS%20CHN").json()["rows"]
    assert {"evil", "calm-1"} <= {r["event_id"] for r in dated}
    assert all(r["date"] == "2024-12-30" for r in dated)


def test_any_actors_can_be_chosen(client: TestClient) -> None:
    actors = [a["code"] for a in client.get("/api/actors").json()["actors"]]
    assert {"USA", "CHN", "RUS", "GBR", "IND"} <= set(actors)
    body = client.get("/api/overview?a=GBR&b=IND&c=FRA").json()
    assert body["actors"] == ["GBR", "IND", "FRA"]
    assert {e["key"] for e in body["period"]["edges"]} == {"FRA-GBR", "FRA-IND", "GBR-IND"}


def test_overview_edges_agree_with_the_triangle(client: TestClient) -> None:
    body = client.get("/api/overview?a=USA&b=CHN&c=RUS").json()
    tri = client.get("/api/triangle?a=USA&b=CHN&c=RUS").json()
    period = next(p for p in tri["periods"] if p["period"] == body["period"]["period"])
    for edge in body["period"]["edges"]:
        assert round(edge["estimate"], 4) == period["edges"][edge["key"]]["estimate"]
        assert edge["documents"] == period["edges"][edge["key"]]["documents"]


def test_dyad_point_events_fall_in_the_period(client: TestClient) -> None:
    body = client.get("/api/dyads/USA/RUS?period=2024-06").json()
    assert body["period"]["period"] == "2024-06" and body["events"]
    assert all(e["date"].startswith("2024-06") for e in body["events"])
    assert {tuple(sorted((e["source_actor"][:3], e["target_actor"][:3]))) for e in body["events"]} == {("RUS", "USA")}


def test_openapi_without_cdn(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/api/events/{event_id}" in spec["paths"]
    assert client.get("/docs").status_code == 404  # FastAPI's page would load its assets from a CDN
    listing = client.get("/api", headers=HTML).text
    assert "/api/events/{event_id}" in listing and "cdn" not in listing.lower()


def test_host_other_than_loopback_needs_a_token() -> None:
    with pytest.raises(UsageError, match="--token"):
        check_bind("0.0.0.0", None)
    assert check_bind("127.0.0.1", None) is None
    assert check_bind("::1", "") is None
    assert check_bind("0.0.0.0", TOKEN) == TOKEN
    with pytest.raises(UsageError, match="shorter"):
        check_bind("0.0.0.0", "short")


def test_requests_without_the_token_are_refused(token_client: TestClient) -> None:
    token_client.cookies.clear()
    r = token_client.get("/api/actors")
    assert r.status_code == 401 and "token" in r.json()["error"]["message"]
    assert token_client.get("/api/actors", headers={"authorization": "Bearer wrong-token-wrong-token"}).status_code == 401
    assert token_client.get("/api/actors", headers={"authorization": f"Bearer {TOKEN}"}).status_code == 200
    assert token_client.get("/?token=wrong-token", headers=HTML, follow_redirects=False).status_code == 401


def test_token_link_sets_a_cookie(token_client: TestClient) -> None:
    token_client.cookies.clear()
    r = token_client.get(f"/events?token={TOKEN}&actor=USA", headers=HTML, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/events?actor=USA"
    assert f"{TOKEN_COOKIE}={TOKEN}" in r.headers["set-cookie"] and "httponly" in r.headers["set-cookie"].lower()
    assert token_client.get("/events?actor=USA", headers=HTML).status_code == 200  # the cookie now carries it
    token_client.cookies.clear()


def test_loopback_server_refuses_other_host_names(project) -> None:
    client = TestClient(create_app(project), base_url="http://attacker.example")
    r = client.get("/api/actors")
    assert r.status_code == 400 and "127.0.0.1" in r.json()["error"]["message"]


def test_concurrent_requests_read_through_their_own_cursors(client: TestClient, project) -> None:
    expected = client.get("/api/events?actor=CHN&per_page=100").json()
    results: list[dict] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            for _ in range(3):
                results.append(client.get("/api/events?actor=CHN&per_page=100").json())
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(results) == 18
    assert all(r == expected for r in results)
    seen: list[object] = []
    t = threading.Thread(target=lambda: seen.append(project.for_thread().store.con))
    t.start()
    t.join()
    assert seen[0] is not project.for_thread().store.con


def test_cached_views_follow_the_store(tmp_path) -> None:
    from web_store import fill

    from multipolar.api import Project

    fill(tmp_path / "w.duckdb")
    with Project(tmp_path / "w.duckdb") as project:
        client = TestClient(create_app(project), base_url="http://127.0.0.1")
        client.app.state.cache = ViewCache(version_every=0)  # read the store's version on every request
        before = client.get("/api/dyads/CHN/RUS").json()
        assert client.get("/api/dyads/CHN/RUS").json() == before  # served again from the cache
        assert "2025-06" not in [p["period"] for p in before["points"]]
        project.store.con.execute(
            """INSERT INTO events (event_id, date, source, source_actor, target, target_actor, cameo, root, quad,
                                   goldstein, negated, modality, confidence, url)
               VALUES ('new', '2025-06-02', 'CHN', 'CHNGOV', 'RUS', 'RUSGOV', '040', '04', 1, 1.0, false,
                       'asserted', 0.9, 'https://news.example/new')""")
        # the first request after the change gets the older series at once and starts its recomputation;
        # a later one gets the new series
        assert client.get("/api/dyads/CHN/RUS").json() == before
        for _ in range(200):
            after = client.get("/api/dyads/CHN/RUS").json()
            if after != before:
                break
            time.sleep(0.02)
        assert after["points"][-1]["period"] == "2025-06" and after["points"][-1]["events"] == 1


def test_events_page_links_keep_the_filters(client: TestClient) -> None:
    text = client.get("/events?actor=USA&quad=4&sort=goldstein&order=asc&page=2", headers=HTML).text
    assert 'class="sort on asc"' in text
    # the column's link flips the order and goes back to page 1; paging keeps filters and sort
    assert 'href="?actor=USA&amp;code=&amp;root=&amp;quad=4&amp;since=&amp;until=&amp;outlet=&amp;q=&amp;sort=goldstein&amp;order=desc&amp;page=1"' in text
    assert 'rel="prev" href="?actor=USA&amp;code=&amp;root=&amp;quad=4&amp;since=&amp;until=&amp;outlet=&amp;q=&amp;sort=goldstein&amp;order=asc&amp;page=1"' in text


@pytest.mark.model
def test_event_reasons_code_the_sentence_again(client: TestClient) -> None:
    body = client.get("/api/events/calm-1/reasons").json()
    assert set(body) == {"events", "others", "dropped"}
    coded = body["events"] + body["others"]
    assert coded and all(e["explain"] and e["text"] == CALM for e in coded)
    assert all(e["cameo"] == "040" and {e["source_actor"][:3], e["target_actor"][:3]} == {"RUS", "CHN"}
               for e in body["events"])


def test_event_reasons_of_an_unknown_event_is_404(client: TestClient) -> None:
    r = client.get("/api/events/no-such-event/reasons")
    assert r.status_code == 404 and "no-such-event" in r.json()["error"]["message"]


def test_triangle_api_and_overview_give_the_clis_shifts(client: TestClient, project: Project) -> None:
    body = client.get("/api/triangle?a=USA&b=CHN&c=RUS").json()
    cli = project.triangle_json(project.triangle("USA", "CHN", "RUS"))
    assert body["shifts"] == cli["shifts"]
    overview = client.get("/api/overview?a=USA&b=CHN&c=RUS").json()
    edge = [(x["period"], x["edge"], x["previous"]) for x in overview["edge_shifts"]]
    assert edge and edge == [(x["period"], x["subject"], x["previous"]) for x in cli["shifts"] if x["kind"] == "edge"]
    page = client.get("/?a=USA&b=CHN&c=RUS", headers=HTML).text
    assert 'class="edge-shifts"' in page and f"{edge[-1][0]} {edge[-1][1]}" in page
