"""The dashboard's application: `create_app(project, token=...)` gives a FastAPI app over a `Project`.

Safety, in one place (the `guard` middleware and `check_bind`):
- the server binds 127.0.0.1 unless told otherwise; any other host needs a token (`check_bind`);
- with a token, every request must carry it: `Authorization: Bearer <token>`, or the cookie that a first
  visit with `?token=<token>` sets (compared in constant time; the token is then dropped from the URL);
- without a token, a request must name a loopback host in its Host header, so a web page elsewhere cannot
  reach the server through a DNS name that resolves to 127.0.0.1;
- every response carries a strict Content-Security-Policy: scripts, styles, images and requests from this
  server only, no inline script or style, no framing;
- the app only reads (GET and HEAD; anything else is 405), and every error has one shape:
  `{"error": {"status": 404, "message": "..."}}` for the JSON API, the same message in a page for a browser.

Article text reaches the page only through Jinja2's autoescape and JSON (`tojson`), and the scripts put it
into the page as text (`textContent`), never as markup.
"""

from __future__ import annotations

import hmac
import ipaddress
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, urlencode

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from multipolar.errors import MultipolarError, NotFoundError, UsageError
from multipolar.output import package_templates
from multipolar.web.cache import ViewCache

TOKEN_COOKIE = "multipolar_token"
TOKEN_ENV = "MULTIPOLAR_TOKEN"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses (127.0.0.0/8, ::1)."""
    name = host.strip().strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> str | None:
    """The token the server must require (None on loopback without one); a UsageError for a host other than
    loopback without a token."""
    token = (token or "").strip() or None
    if token is None and not is_loopback(host):
        raise UsageError(
            f"--host {host} would let other machines reach the dashboard: give a token with --token or "
            f"{TOKEN_ENV} (every request must then carry it), or bind 127.0.0.1"
        )
    if token is not None and len(token) < 16:
        raise UsageError("the dashboard token is shorter than 16 characters: choose a longer, random one")
    return token


def _host_name(header: str) -> str:
    """The host of a Host header, without its port."""
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def templates() -> jinja2.Environment:
    env = package_templates("multipolar.web")
    from multipolar.web import views

    views.register_filters(env)
    return env


def error_body(status: int, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "message": message}}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json" \
        or "text/html" not in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse(error_body(status, message), status_code=status)
    env: jinja2.Environment = request.app.state.templates
    html = env.get_template("error.html.j2").render(status=status, message=message, nav=None)
    return HTMLResponse(html, status_code=status)


def _token_ok(request: Request, token: str) -> bool:
    given = request.headers.get("authorization", "")
    if given.lower().startswith("bearer ") and hmac.compare_digest(given[7:].strip().encode(), token.encode()):
        return True
    cookie = request.cookies.get(TOKEN_COOKIE, "")
    return bool(cookie) and hmac.compare_digest(cookie.encode(), token.encode())


async def _guard(request: Request, call_next: Any) -> Response:
    token: str | None = request.app.state.token
    if request.method not in ("GET", "HEAD"):
        response = error_response(request, 405, f"{request.method} is not allowed: the dashboard only reads")
    elif token is None and not is_loopback(_host_name(request.headers.get("host", ""))):
        response = error_response(request, 400, "this server answers requests for 127.0.0.1 or localhost only")
    elif token is not None and "token" in request.query_params:
        given = request.query_params["token"]
        if hmac.compare_digest(given.encode(), token.encode()):
            rest = [(k, v) for k, v in parse_qsl(request.url.query, keep_blank_values=True) if k != "token"]
            target = request.url.path + ("?" + urlencode(rest) if rest else "")
            response = RedirectResponse(target, status_code=303)
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict",
                                secure=request.url.scheme == "https")
        else:
            response = error_response(request, 401, "wrong token: open the link `multipolar serve` printed")
    elif token is not None and not _token_ok(request, token):
        response = error_response(request, 401, "a token is required: open the link `multipolar serve` printed, "
                                                "or send `Authorization: Bearer <token>`")
    else:
        response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
    return response


def create_app(project: Any, *, token: str | None = None) -> FastAPI:
    """The dashboard over `project` (a `multipolar.Project`, opened read-only by `multipolar serve`).

    Requests run in worker threads; each reads through `project.for_thread()`, its own cursor."""
    app = FastAPI(title="multipolar", summary="Event data, dyads and strategic triangles: the read-only API",
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.project = project
    app.state.token = token
    app.state.templates = templates()
    app.state.cache = ViewCache()
    app.middleware("http")(_guard)

    @app.exception_handler(NotFoundError)
    async def _not_found(request: Request, exc: NotFoundError) -> Response:
        return error_response(request, 404, exc.message)

    @app.exception_handler(MultipolarError)
    async def _bad_request(request: Request, exc: MultipolarError) -> Response:
        return error_response(request, 400 if isinstance(exc, UsageError) else 500, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path"))
            problems.append(f"{where}: {err.get('msg', 'invalid')}")
        return error_response(request, 400, "bad request: " + "; ".join(problems))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        message = str(exc.detail) if exc.status_code != 404 else f"no page at {request.url.path}: see / or /api"
        return error_response(request, exc.status_code, message)

    from multipolar.web import json_api, pages

    app.include_router(json_api.router)
    app.include_router(pages.router)
    static = resources.files("multipolar.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app
