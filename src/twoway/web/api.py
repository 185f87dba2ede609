"""The JSON API under /api: the same core calls as the pages, returned as data.

Handlers stay one call deep; the shapes are the core's own ``to_dict()`` output (see
:func:`twoway.views.encode.jsonable`). Writes need the CSRF header or the bearer token.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, Response, UploadFile
from pydantic import BaseModel, Field

from twoway import invitations, people, views
from twoway import prune as prune_mod
from twoway import settings as settings_mod
from twoway.errors import InputError
from twoway.graph import intros, network
from twoway.people.owners import all_owners
from twoway.views import actions, screens
from twoway.views.encode import json_object, jsonable
from twoway.views.people import PeopleQuery
from twoway.web import data, schemas
from twoway.web import schemas_actions as answers
from twoway.web.app import Web, web_of
from twoway.web.errors import API_ERRORS
from twoway.web.imports import save_upload

router = APIRouter(prefix="/api", responses=API_ERRORS)

WebDep = Annotated[Web, Depends(web_of)]
JSON = dict[str, Any]
MAX_ID = 2**31 - 1  # ids are 32-bit on every database twoway runs on
PersonId = Annotated[int, Path(ge=1, le=MAX_ID, description="A person's id, as listed by /api/people.")]


class CsrfToken(BaseModel):
    token: str = Field(description="Send back as the X-CSRF-Token header, together with the twoway_csrf cookie.")


class SettingValue(BaseModel):
    value: Any = Field(description="The new value: a number, text, true/false, a list, or a name→number map.")


@router.get("/csrf", tags=["session"], summary="Get a CSRF token for writes")
def csrf(request: Request) -> CsrfToken:
    return CsrfToken(token=request.state.csrf)


@router.get("/owners", tags=["session"], summary="The members whose networks this database holds")
def owners_list(web: WebDep) -> list[schemas.Owner]:
    with web.connect() as conn:
        return [schemas.Owner(**jsonable(o)) for o in all_owners(conn)]


# -- Settings ---------------------------------------------------------------------------------------
@router.get("/settings", tags=["settings"], summary="Every setting with its default, value and help")
def settings_list(web: WebDep) -> list[schemas.Setting]:
    return [schemas.Setting(**row) for row in settings_mod.describe(web.settings())]


@router.put("/settings/{name}", tags=["settings"], summary="Change one setting")
def settings_set(name: str, body: SettingValue, web: WebDep) -> schemas.Setting:
    return schemas.Setting(**data.change_setting(web, name, body.value))


@router.delete("/settings/{name}", tags=["settings"], summary="Return one setting to its default")
def settings_reset(name: str, web: WebDep) -> schemas.Setting:
    return schemas.Setting(**data.change_setting(web, name, None, reset=True))


# -- Import -----------------------------------------------------------------------------------------
@router.post("/imports", tags=["import"], status_code=202,
             summary="Upload a LinkedIn export (.zip) and start importing it",
             description="Returns the import job; poll `GET /api/imports/{id}` until `state` is done or failed.")
def imports_start(
    request: Request, web: WebDep, file: Annotated[UploadFile, File(description="The export zip")],
    confirm: Annotated[bool, Form(description="Import an export that looks partial (most connections gone, a file "
                                              "the previous one had missing) after checking it.")] = False,
) -> schemas.ImportJob:
    path = save_upload(file.file, file.filename or "", request.app.state.max_upload_bytes)
    return schemas.ImportJob(**web.start_import(path, confirm=confirm).to_dict())


@router.get("/imports/{job_id}", tags=["import"], summary="Progress and summary of an import started here")
def imports_status(job_id: str, web: WebDep) -> schemas.ImportJob:
    return schemas.ImportJob(**web.imports.get(job_id, web.private_owner()).to_dict())


@router.get("/imports", tags=["import"], summary="Imports started on this server, newest first")
def imports_list(web: WebDep) -> list[schemas.ImportJob]:
    return [schemas.ImportJob(**j.to_dict()) for j in web.imports.all(web.private_owner())]


# -- Invitations ------------------------------------------------------------------------------------
class InvitationDecision(BaseModel):
    verdict: Literal["accept", "ignore", "clear"] = Field(description="Your decision; `clear` forgets it.")


class Withdrawal(BaseModel):
    on: date | None = Field(None, description="When you withdrew it on LinkedIn (default today).")


@router.get("/invitations", tags=["invitations"], response_model=schemas.Invitations,
            summary="Incoming invitations with a recommendation and reasons; outgoing ones with advice",
            description="`all=true` lists every invitation, not only those that need something.")
def invitations_list(web: WebDep, all: bool = False) -> Response:
    return web.view_json("invitations", screens.invitations_view, all)


@router.post("/invitations/incoming/{person_id}/decision", tags=["invitations"],
             summary="Accept or ignore the invitation from this person (remembered)",
             response_model=answers.InvitationRecord)
def invitations_decide(person_id: PersonId, body: InvitationDecision, web: WebDep) -> JSON:
    with web.write() as (conn, owner):
        return json_object(invitations.decide(conn, owner.id, person_id, body.verdict))


@router.post("/invitations/outgoing/{person_id}/withdraw", tags=["invitations"],
             summary="Record that you withdrew your invitation to this person", response_model=answers.InvitationRecord)
def invitations_withdraw(person_id: PersonId, body: Withdrawal, web: WebDep) -> JSON:
    with web.write() as (conn, owner):
        return json_object(invitations.withdraw(conn, owner.id, person_id, on=body.on))


# -- People -----------------------------------------------------------------------------------------
class TagsBody(BaseModel):
    tags: list[str] = Field(min_length=1, description="Tags to add (or remove), e.g. [\"inner circle\"].")


class NoteBody(BaseModel):
    body: str = Field(description="How you met, interests, goals. An edit later keeps this text in the history.")


class LogBody(BaseModel):
    kind: Literal["message", "email", "meeting", "call"] = "message"
    direction: Literal["out", "in"] = Field("out", description="`out`: you reached out; `in`: they did.")
    on: date | None = Field(None, description="When (default today); back-dated entries count at their date.")
    note: str | None = None


class SnoozeBody(BaseModel):
    until: date | None = Field(description="Out of the plan until this day; null wakes them now.")


class PruneBody(BaseModel):
    verdict: Literal["keep", "hide", "remove", "soured", "mended"]
    note: str | None = None


PeopleQueryDep = Annotated[PeopleQuery, Depends(data.people_query)]


@router.get("/people", tags=["people"], response_model=schemas.PeopleListing,
            summary="Search and filter connections, sorted and paginated",
            description="Each row has state, reason, strength, tags and last contact. Sorts: "
                        "name, connected, company, last_contact, strength; `desc=true` reverses.")
def people_list(web: WebDep, q: PeopleQueryDep) -> Response:
    return web.view_json("people", views.search, q)


@router.get("/people/lookup", tags=["people"],
            summary="The one person a name, part of a name or profile URL means (for the ids endpoints take)",
            description="404 when nobody matches; 409 with the candidates named when several do.")
def people_lookup(web: WebDep, q: Annotated[str, Query(min_length=1, max_length=200,
                                                        description="A name, part of a name, or a profile URL.")]
                  ) -> schemas.PersonMatch:
    owner = web.current_owner()
    with web.connect() as conn:
        ref = people.resolve(conn, owner.id, q, anyone=True)  # the network's endpoints reach other members' people
    return schemas.PersonMatch(id=ref.id, name=ref.full_name, company=ref.company or None,
                               position=ref.position or None, url=ref.url or None)


@router.get("/people/{person_id}", tags=["people"], response_model=schemas.PersonDetail,
            summary="Everything known about one person: timeline, state with reason, strength with parts, notes")
def people_detail(person_id: PersonId, web: WebDep) -> Response:
    return web.view_json("person", screens.person, person_id)


@router.post("/people/{person_id}/tags", tags=["people"], summary="Add tags", response_model=answers.Tags)
def people_tag(person_id: PersonId, body: TagsBody, web: WebDep) -> JSON:
    with web.write() as (conn, owner):
        return actions.tag(conn, owner.id, person_id, body.tags)


@router.delete("/people/{person_id}/tags/{tag}", tags=["people"], summary="Remove a tag", response_model=answers.Tags)
def people_untag(person_id: PersonId, tag: str, web: WebDep) -> JSON:
    with web.write() as (conn, owner):
        return actions.tag(conn, owner.id, person_id, [tag], remove=True)


@router.post("/people/{person_id}/notes", tags=["people"], status_code=201, summary="Add a note",
             response_model=answers.Note)
def people_note(person_id: PersonId, body: NoteBody, web: WebDep) -> JSON:
    with web.write() as (conn, owner):
        return json_object(actions.note(conn, owner.id, person_id, body.body))


NoteId = Annotated[int, Path(ge=1, le=MAX_ID, description="A note's id, as listed in the person's notes.")]


@router.put("/people/{person_id}/notes/{note_id}", tags=["people"],
            summary="Change a note's text (the old text stays in the notes' history)", response_model=answers.Note)
def people_note_edit(person_id: PersonId, note_id: NoteId, body: NoteBody, web: WebDep) -> JSON:
    with web.write() as (conn, owner):
        return json_object(actions.note_edit(conn, owner.id, person_id, note_id, body.body))


@router.delete("/people/{person_id}/notes/{note_id}", tags=["people"],
               summary="Take a note out of the notes (its text stays in their history)", response_model=answers.Note)
def people_note_delete(person_id: PersonId, note_id: NoteId, web: WebDep) -> JSON:
    with web.write() as (conn, owner):
        return json_object(actions.note_delete(conn, owner.id, person_id, note_id))


@router.post("/people/{person_id}/log", tags=["people"], status_code=201,
             summary="Log what happened elsewhere: mark a message sent, a reply received, a meeting or a call",
             response_model=answers.Logged)
def people_log(person_id: PersonId, body: LogBody, web: WebDep) -> JSON:
    with web.write() as (conn, owner):
        return json_object(actions.log(conn, owner.id, person_id, body.kind, body.direction, body.on, body.note))


@router.post("/people/{person_id}/snooze", tags=["people"], summary="Keep someone out of the weekly plan until a day",
             response_model=answers.Snoozed)
def people_snooze(person_id: PersonId, body: SnoozeBody, web: WebDep) -> JSON:
    with web.write() as (conn, owner):
        return actions.snooze(conn, owner.id, person_id, body.until)


@router.post("/people/{person_id}/decision", tags=["prune"],
             summary="Keep, hide (leaves the plan), remove (recorded), or mark the relationship soured/mended",
             response_model=answers.Decided)
def people_decide(person_id: PersonId, body: PruneBody, web: WebDep) -> JSON:
    with web.write() as (conn, owner):
        return actions.prune_decide(conn, owner.id, person_id, body.verdict, body.note)


# -- The week, pruning ------------------------------------------------------------------------------
@router.get("/week", tags=["plan"], response_model=schemas.Week,
            summary="The weekly plan: replies owed, follow-ups, retries, check-ins, drafts")
def week(web: WebDep, week_of: date | None = None, all: bool = False) -> Response:
    return web.view_json("week", screens.week, week_of, all)


@router.get("/dormant", tags=["prune"], response_model=schemas.Dormant,
            summary="The dormant review: connections never spoken with, made years ago, grouped by year")
def dormant(web: WebDep) -> Response:
    return web.view_json("dormant", screens.dormant)


class DormantHide(BaseModel):
    years: list[int] = Field(min_length=1, description="Hide every dormant connection made in these years")


@router.post("/dormant/hide", tags=["prune"], response_model=schemas.Hidden,
             summary="Hide the dormant connections of some years (they stay connected, out of the rotation)")
def dormant_hide(web: WebDep, body: DormantHide) -> dict[str, Any]:
    with web.write() as (conn, owner):
        hidden = prune_mod.hide_dormant(conn, owner.id, body.years)
    return {"hidden": hidden, "years": body.years}


@router.get("/prune", tags=["prune"], response_model=schemas.PruneListing,
            summary="Prune candidates with their reasons (decide with /people/{id}/decision)",
            description="Most reasons first. `total` counts every candidate; page through them with "
                        "`offset` and `limit`.")
def prune_list(web: WebDep, offset: Annotated[int, Query(ge=0)] = 0,
               limit: Annotated[int, Query(ge=1, le=5000)] = 100) -> Response:
    def window(listing: dict[str, Any]) -> dict[str, Any]:
        candidates = listing["candidates"]
        return {**listing, "total": len(candidates), "offset": offset, "limit": limit,
                "candidates": candidates[offset : offset + limit]}

    window.key = (offset, limit)  # type: ignore[attr-defined]
    return web.view_json("prune", screens.prune_candidates, shape=window)


@router.get("/overview", tags=["health"], response_model=schemas.Overview,
            summary="Network health: size for your career stage, states, reply rates, coverage, growth, acceptance")
def overview(web: WebDep) -> Response:
    return web.view_json("overview", screens.overview, shape=data.health_only)


# -- The network: degrees, mutual connections, introductions, suggestions ---------------------------
_WHO = ("A person id (as in `/api/people`; find one by name with `/api/people/lookup`), or `me` (you). "
        "In a graph loaded with `twoway graph load`: one of its node ids, as in the file.")
Who = Annotated[str, Query(description=_WHO, min_length=1, max_length=200)]


def node(who: str, graph: str | None) -> str:
    """The one way every endpoint names a person: an id (or ``me``); names go through /people/lookup."""
    wanted = who.strip()
    if graph is not None:
        return wanted  # a loaded graph's own node ids
    if wanted.casefold() == "me":
        return "me"
    if wanted.isascii() and wanted.isdigit() and 0 < int(wanted) <= MAX_ID:
        return f"#{int(wanted)}"
    raise InputError(f"{who!r} is not a person id: give an id from /api/people, or `me` "
                     "(look a name up with /api/people/lookup?q=…)")


GraphName = Annotated[str | None, Query(description="A graph loaded with `twoway graph load` instead of the "
                                                     "members' merged network (`network`, the default).")]


@router.get("/network", tags=["network"],
            summary="Which graphs can answer: the members' merged network and loaded graphs, with their sizes",
            description="`ready` is false, and `needs` says why, while the database holds one member's export "
                        "and no loaded graph: degrees and introductions need more than one network.")
def network_info(web: WebDep) -> schemas.NetworkInfo:
    with web.connect() as conn:
        return schemas.NetworkInfo(**screens.network_info(conn))


@router.get("/network/people", tags=["network"],
            summary="People of the members' merged network whose name contains `q`, by name (at most 20)",
            description="What the Network page's picker lists: each person's id, for the questions below.")
def network_people(web: WebDep, q: Annotated[str, Query(min_length=1, max_length=200,
                                                        description="Part of a name.")]) -> list[schemas.PersonMatch]:
    with web.read_graph(None) as (conn, _owner):
        return [schemas.PersonMatch(id=m.id, name=m.name or "", company=m.company, position=m.position, url=None)
                for m in network.find_people(conn, q)]


@router.get("/network/degree", tags=["network"],
            summary="How far B is from A: 1st, 2nd, 3rd degree or out of network, with one shortest path",
            response_model=answers.Degree)
def network_degree(web: WebDep, a: Who, b: Who, graph: GraphName = None) -> JSON:
    with web.read_graph(graph) as (conn, owner):
        return json_object(network.degree(conn, owner, node(a, graph), node(b, graph), graph))


@router.get("/network/mutual", tags=["network"],
            summary="Connections A and B share (names), and the sizes of A's 1st-, 2nd- and 3rd-degree networks",
            response_model=answers.Mutual)
def network_mutual(web: WebDep, a: Who, b: Who, graph: GraphName = None,
                   limit: Annotated[int, Query(ge=1, le=5000, description="Most shared connections listed.")] = 100
                   ) -> JSON:
    with web.read_graph(graph) as (conn, owner):
        return json_object(network.mutual(conn, owner, node(a, graph), node(b, graph), graph, limit=limit))


@router.get("/network/introductions", tags=["network"],
            summary="Who can introduce SOURCE to a person or to someone at a company, best route first",
            description="Give `target` (a person) or `company` (anyone whose current company matches). Routes "
                        "are ranked by fewest hops, then the weaker link's strength (0–100), then the stronger "
                        "one's. Each route has both links' strengths and where they come from, the "
                        "intermediary's relationship state, a drafted request to the intermediary and a note "
                        "they can forward (double opt-in).", response_model=answers.Introductions)
def network_introductions(
    web: WebDep, source: Who, target: Annotated[str | None, Query(description="The person to reach. " + _WHO)] = None,
    company: Annotated[str | None, Query(description="Reach anyone at this company instead.")] = None,
    about: Annotated[str | None, Query(description="What you want to talk about, for the drafts.")] = None,
    graph: GraphName = None,
    limit: Annotated[int | None, Query(ge=1, le=500, description="Most routes (default: intro_max_paths).")] = None,
) -> JSON:
    with web.read_graph(graph) as (conn, owner):
        to = node(target, graph) if target else None
        return json_object(intros.introductions(conn, owner, node(source, graph), to, company=company or None,
                                                graph=graph, about=about, limit=limit))


@router.get("/network/suggestions", tags=["network"],
            summary="People PERSON may know (shared connections, Adamic–Adar) and introductions they could make",
            response_model=answers.Suggestions)
def network_suggestions(web: WebDep, person: Who, graph: GraphName = None,
                        limit: Annotated[int, Query(ge=1, le=500, description="Most of each listed.")] = 20
                        ) -> JSON:
    with web.read_graph(graph) as (conn, owner):
        return json_object(network.suggest(conn, owner, node(person, graph), graph, limit=limit))


@router.get("/network/duplicates", tags=["network"],
            summary="People who may be the same but were not merged by profile URL (same name), for review",
            response_model=list[answers.DuplicateGroup])
def network_duplicates(web: WebDep) -> list[JSON]:
    with web.connect() as conn:
        return screens.duplicates(conn)
