"""The dashboard's pages, rendered on the server with Jinja2 (autoescaped) from `web.views`.

`NAV` is the menu: one (path, label) entry per page; a new page adds its entry here."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from multipolar.web import views
from multipolar.web.json_api import memo_of, project_of

router = APIRouter(include_in_schema=False)

NAV = [
    ("/", "Overview"),
    ("/dyad", "Dyads"),
    ("/events", "Events"),
    ("/stories", "Stories"),
    ("/claims", "Claims"),
    ("/rejections", "Rejections"),
    ("/alerts", "Alerts"),
    ("/api", "API"),
]


def render(request: Request, name: str, *, current: str, **context: Any) -> HTMLResponse:
    env = request.app.state.templates
    html = env.get_template(name).render(nav=NAV, current=current, **context)
    return HTMLResponse(html)


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, a: str | None = None, b: str | None = None, c: str | None = None,
                  freq: str = "month", period: str | None = None) -> HTMLResponse:
    project = project_of(request)
    memo = memo_of(request, project)
    actors, stored = views.choose_actors(project, (a, b, c), 3, memo)
    data = memo(("overview", actors, freq, period), lambda p: views.overview(p, actors, freq=freq, period=period))
    return render(request, "overview.html.j2", current="/", data=data, stored=stored, freqs=views.FREQS,
                  title=f"{'–'.join(actors)} triangle")


@router.get("/dyad", response_class=HTMLResponse)
def dyad_page(request: Request, a: str | None = None, b: str | None = None, freq: str = "month",
              period: str | None = None) -> HTMLResponse:
    project = project_of(request)
    memo = memo_of(request, project)
    actors, stored = views.choose_actors(project, (a, b), 2, memo)
    data = views.dyad(project, actors[0], actors[1], freq=freq, period=period, memo=memo)
    return render(request, "dyad.html.j2", current="/dyad", data=data, stored=stored, freqs=views.FREQS,
                  title=f"{actors[0]}–{actors[1]} dyad")


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, actor: str = "", code: str = "", root: str = "",
                quad: Annotated[str, Query(pattern="^[1-4]?$")] = "", since: str = "", until: str = "",
                outlet: str = "", q: str = "", sort: str = "date", order: str = "desc",
                page: Annotated[int, Query(ge=1)] = 1) -> HTMLResponse:
    project = project_of(request)
    params = {"actor": actor, "code": code, "root": root, "quad": quad, "since": since, "until": until,
              "outlet": outlet, "q": q, "sort": sort, "order": order, "page": page}
    memo = memo_of(request, project)
    result = memo(("search", tuple(sorted(params.items()))), lambda p: views.search(p, params))
    return render(request, "events.html.j2", current="/events", result=result, params=params,
                  outlets=memo(("outlets",), lambda p: p.outlets()), title="Events")


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    data = views.event(project_of(request), event_id)
    return render(request, "event.html.j2", current="/events", data=data, title=f"Event {event_id}")


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request) -> HTMLResponse:
    frame = project_of(request).stories(limit=1000)
    return render(request, "stories.html.j2", current="/stories", stories=views.plain(frame.records()),
                  title="Stories")


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    story = views.plain(project_of(request).story(story_id))
    return render(request, "story.html.j2", current="/stories", data=story, title="Story")


@router.get("/claims", response_class=HTMLResponse)
def claims_page(request: Request) -> HTMLResponse:
    project = project_of(request)
    groups = views.claim_conflicts(project)
    claims = views.plain(project.claims().records())
    return render(request, "claims.html.j2", current="/claims", groups=groups, claims=claims,
                  title="Claims and conflicts")


@router.get("/rejections", response_class=HTMLResponse)
def rejections_page(request: Request) -> HTMLResponse:
    rows = views.plain(project_of(request).rejections(limit=2000).records())
    return render(request, "rejections.html.j2", current="/rejections", rows=rows, title="Rejections")


@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(request: Request) -> HTMLResponse:
    rows = views.plain(project_of(request).alerts(limit=500).records())
    return render(request, "alerts.html.j2", current="/alerts", alerts=rows, title="Alerts")


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request) -> HTMLResponse:
    """The JSON endpoints, listed from the app's own OpenAPI description (served at /openapi.json)."""
    spec = request.app.openapi()
    endpoints = []
    for path, methods in sorted(spec.get("paths", {}).items()):
        for method, op in methods.items():
            params = [p["name"] for p in op.get("parameters", [])]
            endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                              "params": params})
    return render(request, "api.html.j2", current="/api", endpoints=endpoints, title="API")
