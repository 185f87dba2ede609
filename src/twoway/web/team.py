"""A team server's doors: logging in and out, setting a password from an invitation, who am I, my sessions.

On a single-user database ``POST /login`` is the access-token form it always was, and the other routes say
there is no team here. Handlers stay one call into :mod:`twoway.accounts`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from twoway import accounts
from twoway.accounts import sessions
from twoway.errors import InputError, NotFound, TooManyAttempts, Unauthorized
from twoway.web.acting import SESSION_COOKIE, current_member
from twoway.web.app import Web, web_of
from twoway.web.errors import API_ERRORS, WebError, wants_json
from twoway.web.security import TOKEN_COOKIE
from twoway.web.templating import render

router = APIRouter()
WebDep = Annotated[Web, Depends(web_of)]
MAX_ID = 2**31 - 1


class MemberOut(BaseModel):
    id: int
    email: str
    owner_id: int = Field(description="The owner row whose network this member's pages show.")
    is_admin: bool


class Me(BaseModel):
    team: bool = Field(description="Whether this database is a team server.")
    member: MemberOut | None = Field(description="The member logged in (None on a single-user database).")
    owner_name: str | None = None


class SessionOut(BaseModel):
    id: int
    created_at: int
    last_seen_at: int
    expires_at: int
    client: str | None
    user_agent: str | None
    current: bool = Field(description="The session this request came with.")


def _team(web: Web) -> bool:
    return web.gate is not None and web.gate.team_now()


def _next(raw: str) -> str:
    """Only a path on this site (never //host or a scheme): a login must not become an open redirect."""
    return raw if raw.startswith("/") and not raw.startswith("//") and "\\" not in raw else "/"


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _with_session(request: Request, web: Web, response: Response, token: str) -> Response:
    secure = web.gate is not None and web.gate.cookie_secure(request.scope)
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="strict", secure=secure, path="/")
    return response


@router.get("/login", include_in_schema=False, response_class=HTMLResponse)
def login_page(request: Request, web: WebDep, next: str = "/") -> Response:
    if not _team(web) or current_member() is not None:
        return RedirectResponse(_next(next), status_code=303)
    return render(request, "login.html", title="Log in", next=_next(next), email="", error="")


@router.post("/login", include_in_schema=False)
def login(request: Request, web: WebDep, token: Annotated[str, Form()] = "", email: Annotated[str, Form()] = "",
          password: Annotated[str, Form()] = "", next: Annotated[str, Form()] = "/") -> Response:
    """A member's e-mail and password on a team server (a session cookie back); the access token elsewhere."""
    if not _team(web):
        return _token_login(request, token)
    as_json = wants_json(request.url.path, request.headers)
    try:
        member, session = accounts.login(web.store, email, password, client=_client(request),
                                         user_agent=request.headers.get("user-agent"))
    except (Unauthorized, TooManyAttempts) as exc:
        if as_json:
            raise
        page = render(request, "login.html", title="Log in", next=_next(next), email=email, error=exc.message,
                      status=exc.status)
        if isinstance(exc, TooManyAttempts):
            page.headers["retry-after"] = str(exc.retry_after)
        return page
    body = MemberOut(**member.to_dict()).model_dump()
    response: Response = JSONResponse({"member": body}) if as_json else RedirectResponse(_next(next), 303)
    return _with_session(request, web, response, session)


def _token_login(request: Request, token: str) -> Response:
    guard = request.app.state.guard
    if not guard.token_matches(token):
        guard.missed(_client(request), token)
        raise WebError(401, "unauthorized", "That is not this server's access token.")
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict", path="/")
    return response


@router.post("/logout", include_in_schema=False)
def logout(request: Request, web: WebDep) -> Response:
    with accounts.quiet_write(web.store) as conn:
        sessions.end(conn, request.cookies.get(SESSION_COOKIE))
    response: Response = (Response(status_code=204) if wants_json(request.url.path, request.headers)
                          else RedirectResponse("/login", status_code=303))
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/setup", include_in_schema=False, response_class=HTMLResponse)
def setup_page(request: Request, web: WebDep, code: str = "") -> Response:
    if not _team(web):
        raise NotFound("this is not a team server: there are no passwords to set")
    return render(request, "setup.html", title="Set your password", code=code, error="")


@router.post("/setup", include_in_schema=False)
def setup(request: Request, web: WebDep, code: Annotated[str, Form()], password: Annotated[str, Form()],
          confirm: Annotated[str, Form()]) -> Response:
    """Set the password from an invitation, then log in with it at once."""
    if not _team(web):
        raise NotFound("this is not a team server: there are no passwords to set")
    try:
        if password != confirm:
            raise InputError("the two passwords differ")
        with accounts.quiet_write(web.store) as conn:
            member = accounts.set_password(conn, code, password)
            token = sessions.start(conn, member.id, client=_client(request),
                                   user_agent=request.headers.get("user-agent"))
    except (InputError, Unauthorized) as exc:
        if wants_json(request.url.path, request.headers):
            raise
        return render(request, "setup.html", title="Set your password", code=code, error=exc.message,
                      status=exc.status if exc.status != 400 else 422)
    return _with_session(request, web, RedirectResponse("/", status_code=303), token)


@router.get("/api/me", tags=["session"], summary="Who is logged in", responses=API_ERRORS)
def me(web: WebDep) -> Me:
    member = current_member()
    if member is None:
        return Me(team=_team(web), member=None)
    return Me(team=True, member=MemberOut(**member.to_dict()), owner_name=web.current_owner().name)


@router.get("/api/sessions", tags=["session"], summary="My live sessions (logins), newest first",
            responses=API_ERRORS)
def my_sessions(request: Request, web: WebDep) -> list[SessionOut]:
    member = _member()
    with web.store.connect() as conn:
        found = sessions.of_member(conn, member.id, current=getattr(request.state, "session_id", None))
    return [SessionOut(**s.to_dict()) for s in found]


@router.delete("/api/sessions/{session_id}", tags=["session"], status_code=204, responses=API_ERRORS,
               summary="End one of my sessions (log that browser out)")
def end_session(session_id: Annotated[int, Path(ge=1, le=MAX_ID)], web: WebDep) -> Response:
    member = _member()
    with accounts.quiet_write(web.store) as conn:
        sessions.revoke(conn, member.id, session_id)
    return Response(status_code=204)


def _member() -> accounts.Member:
    member = current_member()
    if member is None:
        raise NotFound("this is not a team server: there are no member sessions")
    return member
