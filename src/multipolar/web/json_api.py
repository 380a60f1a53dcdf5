"""The read-only JSON API under /api: the same values the pages show (`web.views`), through `Project` only.

Each handler runs in a worker thread and reads through that thread's own cursor (`Project.for_thread`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from multipolar.web import views

router = APIRouter(prefix="/api", tags=["api"])


def project_of(request: Request) -> Any:
    return request.app.state.project.for_thread()


def memo_of(request: Request, project: Any) -> views.Memo:
    """`memo(key, compute)` over the app's cache at the store's data version: a value computed at an older
    version is returned at once and computed again in the background (`ViewCache.get`), each computation
    reading through its own thread's project."""
    cache = request.app.state.cache
    root = request.app.state.project
    version = cache.version(project.data_version)
    return lambda key, compute: cache.get(key, lambda: compute(project), version=version,
                                          refresh=lambda: compute(root.for_thread()))


def warm_up(app: Any) -> None:
    """Compute what the first visitor sees (the default overview, its three dyads, the default dyad) into
    the cache, so the first page does not wait for it; run in a thread when the server starts."""
    project = app.state.project.for_thread()
    cache = app.state.cache
    version = cache.version(project.data_version)

    def memo(key: Any, compute: Any) -> Any:
        return cache.get(key, lambda: compute(project), version=version)

    acts, _ = views.choose_actors(project, (None, None, None), 3, memo)
    memo(("overview", acts, "month", None), lambda p: views.overview(p, acts, freq="month", period=None))
    pairs = [tuple(sorted((x, y))) for i, x in enumerate(acts) for y in acts[i + 1:]]
    for x, y in [*pairs, acts[:2]]:
        views.dyad(project, x, y, freq="month", period=None, memo=memo)


@router.get("/actors", summary="The actor codes of the stored events, with their number of events")
def actors(request: Request) -> dict[str, Any]:
    project = project_of(request)
    stored = memo_of(request, project)(("actors",), lambda p: p.actors())
    return {"actors": [{"code": code, "events": n} for code, n in stored]}


@router.get("/overview", summary="A triangle in one period: configuration, balance, edges, change, events")
def overview(request: Request, a: str | None = None, b: str | None = None, c: str | None = None,
             freq: str = "month", period: str | None = None) -> dict[str, Any]:
    project = project_of(request)
    memo = memo_of(request, project)
    acts, _ = views.choose_actors(project, (a, b, c), 3, memo)
    return memo(("overview", acts, freq, period), lambda p: views.overview(p, acts, freq=freq, period=period))


@router.get("/triangle", summary="The triangle series of three actors (as `multipolar triangle --format json`)")
def triangle(request: Request, a: str, b: str, c: str, freq: str = "month") -> dict[str, Any]:
    project = project_of(request)
    acts = tuple(project.check_actors((a, b, c)))
    return memo_of(request, project)(("triangle", acts, freq),
                                     lambda p: p.triangle_json(p.triangle(*acts, freq=views.check_freq(freq))))


@router.get("/dyads/{a}/{b}", summary="The dyad a–b per period, its shifts, and a period's events")
def dyad(request: Request, a: str, b: str, freq: str = "month", period: str | None = None) -> dict[str, Any]:
    project = project_of(request)
    return views.dyad(project, a, b, freq=freq, period=period, memo=memo_of(request, project))


@router.get("/dyads/{a}/{b}/events", summary="The counted events of the dyad a–b between two dates")
def dyad_events(request: Request, a: str, b: str, since: str, until: str,
                limit: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
    project = project_of(request)
    x, y = project.check_actors((a, b))
    events = memo_of(request, project)(("dyad_events", x, y, since, until, limit),
                                       lambda p: views.period_events(p, x, y, since, until, limit))
    return {"events": events}


@router.get("/events", summary="Search events: filters, sort, pages")
def events(request: Request, actor: str = "", code: str = "", root: str = "",
           quad: Annotated[int | None, Query(ge=1, le=4)] = None,
           since: str = "", until: str = "", outlet: str = "", q: str = "", sort: str = "date", order: str = "desc",
           page: Annotated[int, Query(ge=1)] = 1,
           per_page: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
    params = {"actor": actor, "code": code, "root": root, "quad": quad, "since": since, "until": until,
              "outlet": outlet, "q": q, "sort": sort, "order": order, "page": page, "per_page": per_page}
    project = project_of(request)
    return memo_of(request, project)(("search", tuple(sorted(params.items()))), lambda p: views.search(p, params))


@router.get("/events/{event_id}", summary="One event: its sentence in its document, the same act's reports, its story")
def event(request: Request, event_id: str) -> dict[str, Any]:
    return views.event(project_of(request), event_id)


@router.get("/events/{event_id}/reasons",
            summary="The coder's named rules for an event (its sentence coded again with explain; slow the first time)")
def event_reasons(request: Request, event_id: str) -> dict[str, Any]:
    project = project_of(request)
    return memo_of(request, project)(("reasons", event_id), lambda p: views.plain(p.event_reasons(event_id)))


@router.get("/stories", summary="The stories (clusters of documents about one happening)")
def stories(request: Request, limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> dict[str, Any]:
    return views.frame_rows(project_of(request).stories(limit=limit))


@router.get("/stories/{story_id}", summary="One story: its documents and events")
def story(request: Request, story_id: str) -> dict[str, Any]:
    return views.plain(project_of(request).story(story_id))


@router.get("/claims", summary="Numeric claims; with conflicts=true only the groups whose claims disagree")
def claims(request: Request, conflicts: bool = False) -> dict[str, Any]:
    project = project_of(request)
    if conflicts:
        return {"groups": views.claim_conflicts(project)}
    return views.frame_rows(project.claims())


@router.get("/rejections", summary="Inputs and documents that were rejected, with the reason and the fix")
def rejections(request: Request, limit: Annotated[int, Query(ge=1, le=5000)] = 1000) -> dict[str, Any]:
    return views.frame_rows(project_of(request).rejections(limit=limit))


@router.get("/alerts", summary="Alerts the watcher raised, newest first, each with its driving events")
def alerts(request: Request, limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> dict[str, Any]:
    return views.frame_rows(project_of(request).alerts(limit=limit))
