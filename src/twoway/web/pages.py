"""The HTML pages: each calls the same core function as its /api twin and renders it.

Every action is a plain form (POST, then a redirect back: works without JavaScript); app.js
upgrades some of them to in-place requests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import Connection

from twoway import clock, invitations, views
from twoway import settings as settings_mod
from twoway.errors import InvalidSetting, TwowayError
from twoway.graph import intros, network
from twoway.graph.names import NETWORK
from twoway.people.owners import Owner
from twoway.states import STATES
from twoway.views import actions, screens
from twoway.views.encode import jsonable
from twoway.views.people import PeopleQuery
from twoway.web import data, figures
from twoway.web.app import Web, web_of
from twoway.web.imports import save_upload
from twoway.web.templating import render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
PER_PAGE = 50


@dataclass(frozen=True)
class Page:
    """One screenful of a long list (a plan at LinkedIn's cap has hundreds of items)."""

    items: list[Any]
    number: int
    pages: int
    total: int

    @classmethod
    def of(cls, items: list[Any], number: int, per_page: int = PER_PAGE) -> Page:
        pages = max(1, -(-len(items) // per_page))
        number = min(max(1, number), pages)
        return cls(items[(number - 1) * per_page : number * per_page], number, pages, len(items))

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
    return render(request, "settings.html", active="settings", rows=settings_mod.describe(web.settings()),
                  errors={}, title="Settings")


@router.post("/settings/{name}")
def settings_save(
    request: Request, name: str, web: WebDep,
    value: Annotated[str, Form()] = "", reset: Annotated[str, Form()] = "",
) -> Response:
    try:
        data.change_setting(web, name, value, reset=bool(reset))
    except InvalidSetting as exc:
        rows = settings_mod.describe(web.settings())
        return render(request, "settings.html", active="settings", rows=rows, errors={name: exc.message},
                      title="Settings", status=422)
    return back(request, f"/settings#{name}", "setting_reset" if reset else "setting_saved")


# -- Import -----------------------------------------------------------------------------------------
@router.get("/import")
def import_page(request: Request, web: WebDep) -> Response:
    return render(request, "import.html", active="import", jobs=web.imports.all(web.private_owner()), job=None,
                  title="Import")


@router.post("/import")
def import_upload(request: Request, web: WebDep, file: Annotated[UploadFile, File()],
                  confirm: Annotated[bool, Form()] = False) -> Response:
    path = save_upload(file.file, file.filename or "", request.app.state.max_upload_bytes)
    job = web.start_import(path, confirm=confirm)
    return RedirectResponse(f"/import/{job.id}", status_code=303)


@router.get("/import/{job_id}")
def import_progress(request: Request, job_id: str, web: WebDep) -> Response:
    job = web.imports.get(job_id, web.private_owner())
    return render(request, "import.html", active="import", jobs=web.imports.all(web.private_owner()), job=job,
                  title="Import")


# -- Invitations ------------------------------------------------------------------------------------
@router.get("/invitations")
def invitations_page(request: Request, web: WebDep, all: bool = False, page: int = 1, sent_page: int = 1
                     ) -> Response:
    _owner, view = web.view("invitations", screens.invitations_view, all)
    return render(request, "invitations.html", active="invitations", view=view, title="Invitations",
                  received=Page.of(view["incoming"], page), sent=Page.of(view["outgoing"], sent_page))


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


# -- People and one person ----------------------------------------------------------------------------
PeopleQueryDep = Annotated[PeopleQuery, Depends(data.people_query)]


@router.get("/people")
def people_page(request: Request, web: WebDep, q: PeopleQueryDep) -> Response:
    _owner, result = web.view("people", views.search, q)
    return render(request, "people.html", active="people", result=result, states=STATES, sorts=views.SORTS,
                  title="People")


@router.get("/people/{person_id}")
def person_page(request: Request, person_id: int, web: WebDep) -> Response:
    _owner, detail = web.view("person", screens.person, person_id)
    _owner, status = web.view("network_status", screens.network_status)
    return render(request, "person.html", active="people", d=detail, today=clock.today(), net=status,
                  title=detail["person"]["full_name"])


@router.post("/people/{person_id}/tags")
def person_tag(request: Request, person_id: int, web: WebDep, tags: Annotated[str, Form()]) -> Response:
    with web.write() as (conn, owner):
        actions.tag(conn, owner.id, person_id, tags)
    return back(request, f"/people/{person_id}", "tagged")


@router.post("/people/{person_id}/tags/remove")
def person_untag(request: Request, person_id: int, web: WebDep, tag: Annotated[str, Form()]) -> Response:
    with web.write() as (conn, owner):
        actions.tag(conn, owner.id, person_id, [tag], remove=True)
    return back(request, f"/people/{person_id}", "tagged")


@router.post("/people/{person_id}/notes")
def person_note(request: Request, person_id: int, web: WebDep, body: Annotated[str, Form()]) -> Response:
    with web.write() as (conn, owner):
        actions.note(conn, owner.id, person_id, body)
    return back(request, f"/people/{person_id}#notes", "noted")


@router.post("/people/{person_id}/notes/{note_id}")
def person_note_edit(request: Request, person_id: int, note_id: int, web: WebDep,
                     body: Annotated[str, Form()]) -> Response:
    with web.write() as (conn, owner):
        actions.note_edit(conn, owner.id, person_id, note_id, body)
    return back(request, f"/people/{person_id}#notes", "note_edited")


@router.post("/people/{person_id}/notes/{note_id}/delete")
def person_note_delete(request: Request, person_id: int, note_id: int, web: WebDep) -> Response:
    with web.write() as (conn, owner):
        actions.note_delete(conn, owner.id, person_id, note_id)
    return back(request, f"/people/{person_id}#notes", "note_deleted")


@router.post("/people/{person_id}/log")
def person_log(
    request: Request, person_id: int, web: WebDep,
    kind: Annotated[str, Form()] = "message", direction: Annotated[str, Form()] = "out",
    on: Annotated[str, Form()] = "", note: Annotated[str, Form()] = "",
) -> Response:
    with web.write() as (conn, owner):
        actions.log(conn, owner.id, person_id, kind, direction, data.parse_day(on), note or None)
    done = "sent" if (kind, direction) == ("message", "out") else "replied" if direction == "in" else "logged"
    return back(request, f"/people/{person_id}", done)


@router.post("/people/{person_id}/snooze")
def person_snooze(request: Request, person_id: int, web: WebDep, until: Annotated[str, Form()] = "") -> Response:
    with web.write() as (conn, owner):
        actions.snooze(conn, owner.id, person_id, data.parse_day(until))
    return back(request, f"/people/{person_id}", "snoozed")


@router.post("/people/{person_id}/decision")
def person_decide(request: Request, person_id: int, web: WebDep, verdict: Annotated[str, Form()],
                  note: Annotated[str, Form()] = "") -> Response:
    with web.write() as (conn, owner):
        actions.prune_decide(conn, owner.id, person_id, verdict, note or None)
    return back(request, f"/people/{person_id}", {"keep": "kept", "hide": "hidden", "remove": "removed"}.get(
        verdict, "saved"))


# -- The week and the prune review ---------------------------------------------------------------
@router.get("/week")
def week_page(request: Request, web: WebDep, week_of: str = "", page: int = 1) -> Response:
    _owner, plan = web.view("week", screens.week, data.parse_day(week_of))
    shown = Page.of(plan["items"], page)
    return render(request, "week.html", active="week", plan=plan, shown=shown, week_of=week_of,
                  snooze_options=data.snooze_options(), title="This week")


@router.get("/prune")
def prune_page(request: Request, web: WebDep, at: int = 0) -> Response:
    _owner, listing = web.view("prune", screens.prune_candidates)
    total = len(listing["candidates"])
    index = min(max(at, 0), max(total - 1, 0))
    current = listing["candidates"][index] if total else None
    return render(request, "prune.html", active="prune", listing=listing, c=current, index=index, total=total,
                  title="Prune review")


# -- Overview -----------------------------------------------------------------------------------------
@router.get("/")
def overview_page(request: Request, web: WebDep) -> Response:
    owner, view = web.view("overview", screens.overview)
    return render(request, "overview.html", active="overview", h=view["health"],
                  charts=figures.overview_charts(view["figures"]),
                  owner=owner.name, title="Overview")


# -- The network: degrees, mutual connections, introductions, suggestions ---------------------------
Ask = Callable[[Connection, Owner | None, str | None], Any]


def _network(request: Request, web: Web, kind: str, form: dict[str, str], ask: Ask | None, *,
             needs_graph: bool = True, find: str = "") -> Response:
    """The Network page with one question's answer: the form stays filled, a bad name is said inline. FIND
    lists the people of the merged network whose name matches, to ask about by id (the picker)."""
    _owner, status = web.view("network_status", screens.network_status)
    graph = form.get("graph") or (status["graphs"][0] if status["graphs"] else "")
    answer: Any = None
    found: Any = None
    error = None
    code = 200
    if ask is not None and (status["ready"] or not needs_graph):
        try:
            with web.read_graph(graph or None) as (conn, owner):
                answer = jsonable(ask(conn, owner, graph or None))
        except TwowayError as exc:
            error, code = exc.message, exc.status
    if find.strip() and status["ready"] and NETWORK in status["graphs"]:
        with web.read_graph(None) as (conn, _unused):
            found = jsonable(network.find_people(conn, find))
    return render(request, "network.html", active="network", kind=kind, form=form, net=status, graph=graph,
                  people_links=graph in ("", NETWORK), answer=answer, error=error, status=code, viewer=_owner.id,
                  find=find, found=found,
                  title=_NETWORK_TITLES[kind])


_NETWORK_TITLES = {"start": "Network", "path": "Path and mutual connections", "intros": "Introductions",
                   "suggest": "People you may know", "duplicates": "Possible duplicates"}


@router.get("/network")
def network_page(request: Request, web: WebDep, find: str = "") -> Response:
    return _network(request, web, "start", {}, None, find=find)


@router.get("/network/path")
def network_path(request: Request, web: WebDep, a: str = "", b: str = "", graph: str = "") -> Response:
    def ask(conn: Connection, owner: Owner | None, g: str | None) -> Any:
        return screens.between(conn, owner, a, b, g)

    return _network(request, web, "path", {"a": a, "b": b, "graph": graph}, ask if a.strip() and b.strip() else None)


@router.get("/network/intros")
def network_intros(request: Request, web: WebDep, source: str = "", target: str = "", company: str = "",
                   about: str = "", graph: str = "") -> Response:
    def ask(conn: Connection, owner: Owner | None, g: str | None) -> Any:
        return intros.introductions(conn, owner, source, target.strip() or None, company=company.strip() or None,
                                    graph=g, about=about.strip() or None)

    form = {"source": source, "target": target, "company": company, "about": about, "graph": graph}
    wanted = source.strip() and (target.strip() or company.strip())
    return _network(request, web, "intros", form, ask if wanted else None)


@router.get("/network/suggest")
def network_suggest(request: Request, web: WebDep, person: str = "", graph: str = "") -> Response:
    def ask(conn: Connection, owner: Owner | None, g: str | None) -> Any:
        return network.suggest(conn, owner, person, g)

    return _network(request, web, "suggest", {"person": person, "graph": graph}, ask if person.strip() else None)


@router.get("/network/duplicates")
def network_duplicates(request: Request, web: WebDep) -> Response:
    def ask(conn: Connection, _owner: Owner | None, _graph: str | None) -> Any:
        return screens.duplicates(conn)

    return _network(request, web, "duplicates", {"graph": NETWORK}, ask, needs_graph=False)


# -- Likely the same person: the merge review ------------------------------------------------------------
@router.get("/merges")
def merges_page(request: Request, web: WebDep) -> Response:
    _owner, suggestions = web.view("merges", views.merge_suggestions)
    _owner, done = web.view("merges_done", views.merges_done)
    return render(request, "merges.html", active="merges", suggestions=suggestions, done=done,
                  title="Likely the same person")


@router.post("/merges/{suggestion_id}/decision")
def merges_decide_form(request: Request, suggestion_id: int, web: WebDep, verdict: Annotated[str, Form()]) -> Response:
    with web.write() as (conn, owner):
        actions.merge_decide(conn, owner.id, suggestion_id, verdict)
    return back(request, "/merges", "merged" if verdict == "accept" else "kept_apart")


@router.post("/merges/done/{merge_id}/undo")
def merges_undo_form(request: Request, merge_id: int, web: WebDep) -> Response:
    with web.write() as (conn, owner):
        actions.merge_undo(conn, owner.id, merge_id)
    return back(request, "/merges", "unmerged")
