"""Safe even on localhost: Host check, access token, CSRF, body limit and security headers.

DNS rebinding lets a hostile page reach a server on 127.0.0.1 under the attacker's own host name, so
every request must name one of our hosts. CSRF uses a signed double-submit token: a random value and
its HMAC under a per-process secret, kept in a ``SameSite=Strict`` cookie and echoed back in a hidden
form field or the ``X-CSRF-Token`` header. The signature stops a cookie planted by another app on the
same host name (cookies ignore ports) from being accepted. A request carrying the valid bearer token
needs no CSRF token, since browsers never attach that header on their own.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from fastapi import Request

from twoway.errors import Busy
from twoway.store import is_busy
from twoway.web.acting import MEMBER, TeamGate
from twoway.web.errors import WebError, wants_json

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSRF_COOKIE = "twoway_csrf"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
TOKEN_COOKIE = "twoway_token"  # noqa: S105 - a cookie name, not a secret
TOKEN_QUERY = "token"  # noqa: S105
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Paths reachable without the access token: the assets the login page itself needs.
PUBLIC_PREFIXES = ("/static/",)
#: Wrong access tokens one client may try per window before every token it sends is refused (429) until
#: the window has passed: guessing a 32-byte token is hopeless anyway; this keeps logs and CPU quiet too.
GUESS_LIMIT = 10
GUESS_WINDOW_S = 60.0
_TRACKED_CLIENTS = 10_000

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)


def is_loopback(host: str) -> bool:
    return host.strip("[]").lower() in LOOPBACK_HOSTS or host.startswith("127.")


@dataclass
class Guard:
    """The security policy of one app instance."""

    token: str | None = None
    allowed_hosts: frozenset[str] = LOOPBACK_HOSTS
    max_body_bytes: int = 512 * 1024 * 1024
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    #: Per client address: when each distinct wrong token was first tried, within the window.
    guesses: dict[str, deque[tuple[float, str]]] = field(default_factory=dict)

    @classmethod
    def build(cls, token: str | None, allowed_hosts: Iterable[str] | None, max_body_bytes: int) -> Guard:
        hosts = set(LOOPBACK_HOSTS)
        for host in allowed_hosts or ():
            hosts.add(host.strip().strip("[]").lower())
        return cls(token=token or None, allowed_hosts=frozenset(hosts), max_body_bytes=max_body_bytes)

    # -- Host ---------------------------------------------------------------------------------------
    def host_allowed(self, host_header: str) -> bool:
        if "*" in self.allowed_hosts:
            return True
        name = host_header.strip().lower()
        if name.startswith("["):
            name = name[1 : name.find("]")] if "]" in name else name
        elif name.count(":") == 1:
            name = name.split(":", 1)[0]
        return bool(name) and name in self.allowed_hosts

    def origin_allowed(self, origin: str) -> bool:
        if origin == "null":
            return True  # privacy settings send "null"; the CSRF token still has to match
        parts = urlsplit(origin)
        return bool(parts.netloc) and self.host_allowed(parts.netloc)

    # -- Access token -------------------------------------------------------------------------------
    def token_matches(self, candidate: str | None) -> bool:
        return bool(self.token and candidate) and hmac.compare_digest(str(candidate), str(self.token))

    def wait_before_guessing(self, client: str) -> float:
        """Seconds before ``client`` may try a token again (0: now); forgets guesses older than the window."""
        tried = self.guesses.get(client)
        if not tried:
            return 0.0
        now = time.monotonic()
        while tried and now - tried[0][0] > GUESS_WINDOW_S:
            tried.popleft()
        if not tried:
            self.guesses.pop(client, None)  # the login form runs in a thread pool beside the middleware
            return 0.0
        return GUESS_WINDOW_S - (now - tried[0][0]) if len(tried) >= GUESS_LIMIT else 0.0

    def missed(self, client: str, candidate: str) -> None:
        """Count a wrong token once per distinct value (a stale cookie on every asset is one guess)."""
        digest = self._sign(candidate)
        tried = self.guesses.get(client)
        if tried is None:
            if len(self.guesses) >= _TRACKED_CLIENTS:
                self.guesses.pop(next(iter(self.guesses)), None)  # the longest-tracked client
            tried = self.guesses[client] = deque(maxlen=GUESS_LIMIT)
        if all(d != digest for _, d in tried):
            tried.append((time.monotonic(), digest))

    def bearer_ok(self, headers: dict[str, str]) -> bool:
        return self.token_matches(_bearer_value(headers))

    # -- CSRF ---------------------------------------------------------------------------------------
    def new_csrf(self) -> str:
        nonce = secrets.token_urlsafe(24)
        return f"{nonce}.{self._sign(nonce)}"

    def csrf_valid(self, value: str | None) -> bool:
        if not value or "." not in value:
            return False
        nonce, _, sig = value.partition(".")
        return hmac.compare_digest(sig, self._sign(nonce))

    def _sign(self, nonce: str) -> str:
        return hmac.new(self.secret, nonce.encode(), hashlib.sha256).hexdigest()[:32]


def _bearer_value(headers: dict[str, str]) -> str | None:
    scheme, _, value = headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _cookies(headers: dict[str, str]) -> dict[str, str]:
    raw = headers.get("cookie")
    if not raw:
        return {}
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw)
    except Exception:
        return {}
    return {k: m.value for k, m in jar.items()}


def _cookie_header(name: str, value: str, *, http_only: bool) -> tuple[bytes, bytes]:
    flags = "; Path=/; SameSite=Strict" + ("; HttpOnly" if http_only else "")
    return b"set-cookie", f"{name}={value}{flags}".encode()


class SecurityMiddleware:
    """Pure ASGI (cheap per request): rejects foreign hosts and missing tokens, caps bodies,
    issues the CSRF cookie, adds security headers, and turns any unexpected error into the
    one error shape without leaking a traceback."""

    def __init__(self, app: ASGIApp, guard: Guard, render_error: Callable[..., Any], gate: TeamGate | None = None
                 ) -> None:
        self.app = app
        self.guard = guard
        self.render_error = render_error
        self.gate = gate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        guard = self.guard
        headers = _headers(scope)
        path: str = scope.get("path", "")
        extra: list[tuple[bytes, bytes]] = []

        async def reject(status: int, code: str, message: str) -> None:
            response = self.render_error(scope, headers, status, code, message)
            await _send_with_headers(response, scope, receive, send, extra)

        if not guard.host_allowed(headers.get("host", "")):
            await reject(400, "bad_host", "This server answers only to its own host names (Host header refused).")
            return

        cookies = _cookies(headers)
        state = scope.setdefault("state", {})
        if self.gate is not None and await self.gate.active():
            # A team server: members log in; the shared access token of `serve` plays no part.
            client = str((scope.get("client") or ("unknown",))[0])
            bearer = _bearer_value(headers)
            wait = guard.wait_before_guessing(client) if bearer else 0.0
            if wait:
                extra.append((b"retry-after", str(int(wait) + 1).encode()))
                await reject(429, "too_many_attempts",
                             f"Too many wrong API tokens from this address; try again in {int(wait) + 1} s.")
                return
            admitted = await self.gate.admit(bearer, cookies)
            if bearer and admitted.member is None:
                guard.missed(client, bearer)
            if admitted.member is None and not self.gate.is_public(path):
                if scope["method"] == "GET" and not wants_json(path, headers):
                    query = scope.get("query_string", b"").decode("latin-1")
                    await _redirect(send, "/login?" + urlencode({"next": path + (f"?{query}" if query else "")}),
                                    [])
                    return
                await reject(401, "unauthorized",
                             "Log in first: this is a team server (POST /login with your e-mail and password, "
                             "or send `Authorization: Bearer <your API token>`).")
                return
            state.update(team=True, member=admitted.member, session_id=admitted.session_id,
                         member_bearer=admitted.by_bearer and admitted.member is not None)
            MEMBER.set(admitted.member)  # this request's own context: each request runs in a task of its own
        elif guard.token and not path.startswith(PUBLIC_PREFIXES):
            query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
            client = str((scope.get("client") or ("unknown",))[0])
            offered = [value for value in (_bearer_value(headers), cookies.get(TOKEN_COOKIE), query.get(TOKEN_QUERY))
                       if value]
            login = path == "/login" and scope["method"] == "POST"
            wait = guard.wait_before_guessing(client) if offered or login else 0.0
            if wait:
                extra.append((b"retry-after", str(int(wait) + 1).encode()))
                await reject(429, "too_many_attempts",
                             f"Too many wrong access tokens from this address; try again in {int(wait) + 1} s.")
                return
            for value in offered:
                if not guard.token_matches(value):
                    guard.missed(client, value)
            if scope["method"] == "GET" and guard.token_matches(query.get(TOKEN_QUERY)):
                # The link printed by `twoway serve`: keep the token in a cookie, drop it from the URL.
                query.pop(TOKEN_QUERY, None)
                target = path + ("?" + urlencode(query) if query else "")
                await _redirect(send, target, [_cookie_header(TOKEN_COOKIE, guard.token, http_only=True)])
                return
            authed = guard.bearer_ok(headers) or guard.token_matches(cookies.get(TOKEN_COOKIE))
            if not authed and not (path == "/login" and scope["method"] == "POST"):
                await reject(401, "unauthorized",
                             "This server needs its access token: open the address the server printed when it started, "
                             "or send `Authorization: Bearer <token>`.")
                return

        length = headers.get("content-length")
        if length and length.isdigit() and int(length) > guard.max_body_bytes:
            await reject(413, "too_large", f"The upload is larger than {guard.max_body_bytes // 2**20} MB.")
            return

        csrf = cookies.get(CSRF_COOKIE)
        if not guard.csrf_valid(csrf):
            csrf = guard.new_csrf()
            extra.append(_cookie_header(CSRF_COOKIE, csrf, http_only=True))
        state["csrf"] = csrf
        state["bearer"] = bool(state["member_bearer"]) if state.get("team") else guard.bearer_ok(headers)

        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > guard.max_body_bytes:
                    raise BodyTooLarge
            return message

        started = False
        t0 = time.perf_counter()

        async def send_wrapper(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                # The server's own time, so a benchmark can tell it from queueing in the client.
                timing = (b"server-timing", f"app;dur={1000 * (time.perf_counter() - t0):.1f}".encode())
                message["headers"] = _merge_headers([*message.get("headers", []), timing], extra, path)
            await send(message)

        try:
            await self.app(scope, limited_receive, send_wrapper)
        except BodyTooLarge:
            if not started:
                await reject(413, "too_large", f"The upload is larger than {guard.max_body_bytes // 2**20} MB.")
        except Exception as exc:
            if started:
                raise
            if is_busy(exc):  # a lock lost outside a write transaction: the same answer as Busy
                await reject(503, "busy", Busy().message)
                return
            import logging

            logging.getLogger("twoway.web").exception("unhandled error on %s", path)
            await reject(500, "internal", "Something went wrong inside twoway; nothing was changed by this "
                                          "request. Set TWOWAY_DEBUG=1 and look at the server's output.")


class BodyTooLarge(Exception):
    """A request body past the upload limit; answered with 413 before it is read any further."""


def _merge_headers(
    existing: list[tuple[bytes, bytes]], extra: list[tuple[bytes, bytes]], path: str
) -> list[tuple[bytes, bytes]]:
    present = {k.lower() for k, _ in existing}
    merged = list(existing) + list(extra)
    merged += [(k, v) for k, v in SECURITY_HEADERS if k not in present]
    if b"cache-control" not in present:
        # Pages and API answers hold private data; static assets are versioned by the package.
        merged.append((b"cache-control", b"max-age=3600" if path.startswith("/static/") else b"no-store"))
    return merged


async def _redirect(send: Send, location: str, headers: list[tuple[bytes, bytes]]) -> None:
    all_headers = [(b"location", location.encode()), (b"content-length", b"0"), *headers]
    await send({"type": "http.response.start", "status": 303, "headers": _merge_headers(all_headers, [], "")})
    await send({"type": "http.response.body", "body": b""})


async def _send_with_headers(
    response: Any, scope: Scope, receive: Receive, send: Send, extra: list[tuple[bytes, bytes]]
) -> None:
    path = scope.get("path", "")

    async def send_wrapper(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = _merge_headers(message.get("headers", []), extra, path)
        await send(message)

    await response(scope, receive, send_wrapper)


async def csrf_guard(request: Request) -> None:
    """Dependency on every route: state-changing requests must echo the CSRF cookie's token."""
    if request.method in SAFE_METHODS:
        return
    guard: Guard = request.app.state.guard
    origin = request.headers.get("origin")
    if origin and not guard.origin_allowed(origin):
        raise WebError(403, "csrf", "This request came from another site and was refused.")
    if getattr(request.state, "bearer", False):
        return
    if request.url.path == "/login" and not getattr(request.state, "team", False):
        return  # the token form: the token itself is the proof (a member's login form carries the CSRF token)
    cookie = request.cookies.get(CSRF_COOKIE)
    submitted = request.headers.get(CSRF_HEADER)
    if not submitted:
        ctype = request.headers.get("content-type", "")
        if ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            submitted = value if isinstance(value, str) else None
    if not (guard.csrf_valid(cookie) and submitted and hmac.compare_digest(str(submitted), str(cookie))):
        raise WebError(
            403, "csrf",
            "The form's security token is missing or out of date: reload the page and try again. "
            "Programs: GET /api/csrf, then send its token in the X-CSRF-Token header with the cookie.",
        )
