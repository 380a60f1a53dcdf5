"""http(s) URLs, fetched with httpx under limits: timeouts, size, redirects, content type, retries.

Private, loopback, link-local and other non-public addresses are refused unless `allow_private` is
set (tests serve pages from 127.0.0.1 with it). Every hop of a redirect is checked the same way.
A feed URL yields one document per item; a page yields one document.

Conditional requests (for `multipolar watch`): `fetch(url, settings, etag=..., last_modified=...)`
sends If-None-Match / If-Modified-Since and returns a `Fetched` of status 304 with an empty body when
the server says nothing changed; a 200 carries the response's ETag and Last-Modified for next time.
`post_json` (alert webhooks) goes through the same address check, without following redirects.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from multipolar.errors import FetchError, InputError
from multipolar.records import RawDocument, Rejection
from multipolar.settings import Settings
from multipolar.sources import feeds

STAGE = "source"
ALLOWED_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "txt",
    "text/markdown": "md",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
}


# what a GDELT export zip is served as
ZIP_TYPES = {"application/zip": "zip", "application/x-zip-compressed": "zip", "application/octet-stream": "zip"}


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    body: bytes
    content_type: str
    charset: str | None
    status: int = 200  # 200, or 304 (not modified: empty body) for a conditional request
    etag: str | None = None
    last_modified: str | None = None


def read_url(url: str, settings: Settings) -> Iterator[RawDocument | Rejection]:
    try:
        fetched = fetch(url, settings)
    except InputError as exc:
        yield Rejection(url, STAGE, exc.code, str(exc))
        return
    yield from read_fetched(url, fetched, settings)


def read_fetched(url: str, fetched: Fetched, settings: Settings) -> Iterator[RawDocument | Rejection]:
    """The documents of a fetched page or feed (what `read_url` yields after fetching)."""
    kind = ALLOWED_TYPES[fetched.content_type]
    if kind == "feed" or (kind == "html" and feeds.looks_like_feed(fetched.body)):
        try:
            yield from feeds.read_feed(url, fetched.body, max_tags=settings.max_markup_tags)
        except InputError as exc:
            yield Rejection(url, STAGE, exc.code, str(exc))
        return
    yield RawDocument(
        source_uri=url, raw=fetched.body, raw_format=kind,
        fields={"url": fetched.url}, encoding=fetched.charset,
    )


def check_address(url: str, *, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise FetchError(f"{url}: only http and https URLs are fetched", code="unsupported_url")
    host = parts.hostname
    if not host:
        raise FetchError(f"{url}: the URL has no host name", code="unsupported_url")
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as exc:
        raise FetchError(f"{url}: host {host} cannot be resolved ({exc.strerror}); check the URL", code="unreachable") from None
    if allow_private:
        return
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global or address.is_multicast:
            raise FetchError(
                f"{url}: {host} resolves to the non-public address {address}; "
                "pass --allow-private to fetch from private, loopback or link-local hosts",
                code="refused_address",
            )


def fetch(url: str, settings: Settings, *, etag: str | None = None, last_modified: str | None = None,
          types: Mapping[str, str] = ALLOWED_TYPES) -> Fetched:
    """The one way multipolar fetches: every hop's address checked, the body capped at max_bytes while
    it streams, and the whole fetch (hops, retries, a server trickling bytes) within http_deadline.

    With `etag` / `last_modified` (from an earlier `Fetched`) the request is conditional and may come
    back as status 304 with no body. `types` are the content types accepted (pages and feeds)."""
    timeout = httpx.Timeout(settings.http_read_timeout, connect=settings.http_connect_timeout)
    headers = {"User-Agent": settings.user_agent, "Accept": ", ".join(types)}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = time.monotonic() + settings.http_deadline
    attempt = 0
    with httpx.Client(timeout=timeout, headers=headers, follow_redirects=False, trust_env=False) as client:
        while True:
            try:
                return _fetch_once(client, url, settings, deadline, types)
            except _Retryable as exc:
                attempt += 1
                if attempt > settings.http_retries:
                    raise FetchError(
                        f"{url}: {exc} after {attempt} attempts; try again later or raise --set http_retries",
                        code=exc.code,
                    ) from None
                pause = settings.http_backoff * (2 ** (attempt - 1))
                if time.monotonic() + pause > deadline:
                    raise _past_deadline(url, settings) from None
                time.sleep(pause)


def _past_deadline(url: str, settings: Settings) -> FetchError:
    return FetchError(
        f"{url}: the fetch took longer than {settings.http_deadline:g} s in all; the server is too slow — "
        "try again later or raise --set http_deadline=N",
        code="timeout",
    )


def _timeout(settings: Settings, deadline: float) -> httpx.Timeout:
    left = max(deadline - time.monotonic(), 0.001)
    return httpx.Timeout(min(settings.http_read_timeout, left), connect=min(settings.http_connect_timeout, left))


class _Retryable(Exception):
    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def _fetch_once(client: httpx.Client, url: str, settings: Settings, deadline: float,
                types: Mapping[str, str]) -> Fetched:
    current = url
    for _hop in range(settings.http_max_redirects + 1):
        check_address(current, allow_private=settings.allow_private)
        if time.monotonic() > deadline:
            raise _past_deadline(url, settings)
        try:
            with client.stream("GET", current, timeout=_timeout(settings, deadline)) as response:
                validators = (response.headers.get("etag"), response.headers.get("last-modified"))
                if response.status_code == 304:  # httpx counts every 3xx as a redirect: 304 first
                    return Fetched(str(response.url), b"", "", None, 304, *validators)
                if response.is_redirect:
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError(f"{current}: redirect without a Location header", code="http_error")
                    current = urljoin(current, location)
                    continue
                if response.status_code >= 500 or response.status_code == 429:
                    raise _Retryable(f"server answered {response.status_code}", "http_error")
                if response.status_code >= 400:
                    raise FetchError(
                        f"{current}: server answered {response.status_code} {response.reason_phrase}; check the URL",
                        code="http_error",
                    )
                content_type, charset = _content_type(response.headers.get("content-type", ""))
                if content_type not in types:
                    raise FetchError(
                        f"{current}: content type {content_type or 'unknown'} is not a page or feed "
                        f"(accepted: {', '.join(sorted(types))})",
                        code="bad_content_type",
                    )
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > settings.max_bytes:
                    raise _too_large(current, int(declared), settings)
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > settings.max_bytes:
                        raise _too_large(current, len(body), settings)
                    if time.monotonic() > deadline:
                        raise _past_deadline(url, settings)
                if not body.strip():
                    raise FetchError(f"{current}: the response body is empty", code="empty")
                return Fetched(str(response.url), bytes(body), content_type, charset, 200, *validators)
        except httpx.TimeoutException:
            if time.monotonic() > deadline:
                raise _past_deadline(url, settings) from None
            raise _Retryable("timed out", "timeout") from None
        except httpx.TransportError as exc:
            raise _Retryable(f"connection failed ({exc.__class__.__name__})", "unreachable") from None
    raise FetchError(
        f"{url}: more than {settings.http_max_redirects} redirects; raise --set http_max_redirects or use the final URL",
        code="too_many_redirects",
    )


def post_json(url: str, payload: bytes, settings: Settings) -> int:
    """POST a JSON body to `url` (an alert webhook) under the fetch guard: the address checked (private
    and loopback hosts refused unless `allow_private`), no redirects followed, http_deadline in all.
    Returns the status code; a failure is a FetchError naming the URL."""
    check_address(url, allow_private=settings.allow_private)
    left = max(settings.http_deadline, 0.001)
    timeout = httpx.Timeout(min(settings.http_read_timeout, left), connect=min(settings.http_connect_timeout, left))
    headers = {"User-Agent": settings.user_agent, "Content-Type": "application/json"}
    try:
        with httpx.Client(timeout=timeout, headers=headers, follow_redirects=False, trust_env=False) as client:
            response = client.post(url, content=payload)
    except httpx.TimeoutException:
        raise FetchError(f"{url}: the webhook did not answer in time", code="timeout") from None
    except httpx.TransportError as exc:
        raise FetchError(f"{url}: the webhook cannot be reached ({exc.__class__.__name__})", code="unreachable") from None
    if response.status_code >= 300:
        raise FetchError(f"{url}: the webhook answered {response.status_code} {response.reason_phrase}",
                         code="http_error")
    return response.status_code


def _too_large(url: str, size: int, settings: Settings) -> FetchError:
    return FetchError(
        f"{url}: response of {size:,}+ bytes is over the limit of {settings.max_bytes:,}; "
        "raise it with --set max_bytes=N",
        code="too_large",
    )


def _content_type(header: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in header.split(";")]
    charset = None
    for part in parts[1:]:
        if part.lower().startswith("charset="):
            charset = part.split("=", 1)[1].strip().strip('"') or None
    return parts[0].lower(), charset
