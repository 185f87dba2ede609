"""The HTML pages: each calls the same core function as its /api twin and renders it.

Every action is a plain form (POST, then a redirect back: works without JavaScript); app.js
upgrades some of them to in-place requests.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from twoway import invitations
from twoway import settings as settings_mod
from twoway.errors import InvalidSetting
from twoway.web import data
from twoway.web.app import Web, web_of
from twoway.web.errors import WebError
from twoway.web.imports import save_upload
from twoway.web.security import TOKEN_COOKIE
from twoway.web.shapes import jsonable
from twoway.web.templating import render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
WebDep = Annotated[Web, Depends(web_of)]


def back(request: Request, default: str, done: str = "") -> RedirectResponse:
    """303 to the `next` query parameter of the form's action when it is a path on this site, else to
    ``default`` (kept in the URL rather than the body so handlers need not read the form twice)."""
    target = default
    form_next = request.query_params.get("next") or ""
    if form_next.startswith("/") and not form_next.startswith("//") and "\\" not in form_next:
        target = form_next
    if done:
        path, _, frag = target.partition("#")
        target = f"{path}{'&' if '?' in path else '?'}done={done}" + (f"#{frag}" if frag else "")
    return RedirectResponse(target, status_code=303)


# -- Settings ---------------------------------------------------------------------------------------
@router.get("/settings")
def settings_page(request: Request, web: WebDep) -> Response:
    return render(request, "settings.html", active="settings", rows=settings_mod.describe(web.store.settings()),
                  errors={}, title="Settings")


@router.post("/settings/{name}")
def settings_save(
    request: Request, name: str, web: WebDep,
    value: Annotated[str, Form()] = "", reset: Annotated[str, Form()] = "",
) -> Response:
    try:
        data.change_setting(web.store, name, value, reset=bool(reset))
    except InvalidSetting as exc:
        rows = settings_mod.describe(web.store.settings())
        return render(request, "settings.html", active="settings", rows=rows, errors={name: exc.message},
                      title="Settings", status=422)
    return back(request, f"/settings#{name}", "setting_reset" if reset else "setting_saved")


# -- Import -----------------------------------------------------------------------------------------
@router.get("/import")
def import_page(request: Request, web: WebDep) -> Response:
    return render(request, "import.html", active="import", jobs=web.imports.all(), job=None, title="Import")


@router.post("/import")
def import_upload(request: Request, web: WebDep, file: Annotated[UploadFile, File()]) -> Response:
    path = save_upload(file.file, file.filename or "", request.app.state.guard.max_body_bytes)
    job = web.imports.start(web.store, path, owner=web.owner_hint)
    return RedirectResponse(f"/import/{job.id}", status_code=303)


@router.get("/import/{job_id}")
def import_progress(request: Request, job_id: str, web: WebDep) -> Response:
    job = web.imports.get(job_id)
    return render(request, "import.html", active="import", jobs=web.imports.all(), job=job, title="Import")


# -- Access token -----------------------------------------------------------------------------------
@router.post("/login")
def login(request: Request, token: Annotated[str, Form()]) -> Response:
    guard = request.app.state.guard
    if not guard.token_matches(token):
        raise WebError(401, "unauthorized", "That is not this server's access token.")
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict", path="/")
    return response


# -- Invitations ------------------------------------------------------------------------------------
@router.get("/invitations")
def invitations_page(request: Request, web: WebDep, all: bool = False) -> Response:
    with web.read() as (conn, owner):
        view = jsonable(data.invitations_view(conn, owner.id, include_all=all))
    return render(request, "invitations.html", active="invitations", view=view, title="Invitations")


@router.post("/invitations/incoming/{person_id}/decision")
def invitations_decide(
    request: Request, person_id: int, web: WebDep, verdict: Annotated[str, Form()]
) -> Response:
    with web.write() as (conn, owner):
        invitations.decide(conn, owner.id, person_id, verdict)
    return back(request, "/invitations", "decided")


@router.post("/invitations/outgoing/{person_id}/withdraw")
def invitations_withdraw(request: Request, person_id: int, web: WebDep) -> Response:
    with web.write() as (conn, owner):
        invitations.withdraw(conn, owner.id, person_id)
    return back(request, "/invitations", "withdrawn")
