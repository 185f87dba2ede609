"""Introductions between team members on the web: the /api/intros twins and the /intros page.

Each handler is one call into ``twoway.introductions`` for the member the request speaks for
(``web.read()``/``web.write()``: the owner hint today, the logged-in member in team mode). Listings are
read fresh, not remembered: another member's step (in another worker or app) changes them.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from twoway import introductions
from twoway.views.encode import jsonable
from twoway.web.app import Web, web_of
from twoway.web.errors import API_ERRORS
from twoway.web.schemas import Body
from twoway.web.templating import render

WebDep = Annotated[Web, Depends(web_of)]
MAX_ID = 2**31 - 1
RequestId = Annotated[int, Path(ge=1, le=MAX_ID, description="An introduction request's id, as in /api/intros.")]
Action = Literal["accept", "decline", "forwarded", "agreed", "refused", "withdraw"]


# -- What the API answers -------------------------------------------------------------------------------
class IntroMember(Body):
    id: int = Field(description="The member's id, as in /api/owners.")
    name: str


class IntroPerson(Body):
    id: int = Field(description="The person's id.")
    name: str
    company: str | None
    position: str | None


class IntroRequest(Body):
    id: int
    side: Literal["asked_by_me", "asked_of_me"] = Field(description="Whether you asked, or were asked.")
    status: str = Field(description="asked, accepted, forwarded, declined, agreed, refused or withdrawn.")
    status_text: str
    asker: IntroMember = Field(description="The member who asked.")
    via: IntroMember = Field(description="The member asked to introduce.")
    person: IntroPerson = Field(description="Whom to be introduced to.")
    band: str | None = Field(description="How strong the asked member's tie to the person is: weak, medium or "
                                         "strong (never the score).")
    message: str = Field(description="The request, as the member who asked wrote it.")
    about: str | None
    note: str | None = Field(description="The latest note either member added to a step.")
    blurb: str | None = Field(description="The double opt-in note to forward to the person, once accepted.")
    created_at: str
    updated_at: str
    actions: list[Action] = Field(description="The steps you may take now.")


class IntroRequests(Body):
    asked_by_me: list[IntroRequest]
    asked_of_me: list[IntroRequest]


class IntroLogEntry(Body):
    id: int
    request_id: int
    at: str = Field(description="When, in UTC (YYYY-MM-DD HH:MM:SS).")
    actor: IntroMember
    action: str = Field(description="ask, accept, decline, forwarded, agreed, refused or withdraw.")
    status: str = Field(description="The request's status after this step.")
    note: str | None
    asker: IntroMember
    via: IntroMember
    person: IntroPerson


class AskBody(BaseModel):
    person_id: int = Field(ge=1, le=MAX_ID, description="Whom to be introduced to (a person id).")
    via: int = Field(ge=1, le=MAX_ID, description="The member to ask: their id, as in /api/owners.")
    message: str | None = Field(None, description="Your request (default: the one twoway drafts for the route).")
    about: str | None = Field(None, description="What you want to talk about, for the drafts.")


class StepBody(BaseModel):
    note: str | None = Field(None, description="A note for the other member.")


# -- The API ------------------------------------------------------------------------------------------------
api = APIRouter(prefix="/api", responses=API_ERRORS, tags=["introductions"])


@api.get("/intros", summary="Introductions you asked other members for, and those asked of you")
def intros_list(web: WebDep) -> IntroRequests:
    with web.read() as (conn, owner):
        return IntroRequests(**jsonable(introductions.requests(conn, owner.id)))


@api.post("/intros", status_code=201, summary="Ask a member for an introduction to a person they know",
          description="409 when you already have an open request to that member about that person, or are "
                      "already connected; 404 when the member does not know the person.")
def intros_ask(body: AskBody, web: WebDep) -> IntroRequest:
    with web.write() as (conn, owner):
        asked = introductions.ask(conn, owner, f"#{body.person_id}", str(body.via), body.message, body.about)
    return IntroRequest(**jsonable(asked))


@api.get("/intros/log", summary="Who asked whom, and every step since, for your requests (newest first)")
def intros_log(web: WebDep) -> list[IntroLogEntry]:
    with web.read() as (conn, owner):
        return [IntroLogEntry(**jsonable(e)) for e in introductions.audit_log(conn, owner.id)]


@api.post("/intros/{request_id}/{action}", summary="Take a step on a request: accept, decline, forwarded, "
                                                   "agreed, refused (the member asked) or withdraw (who asked)",
          description="409 when the step does not follow from the request's status or is the other side's.")
def intros_step(request_id: RequestId, action: Action, web: WebDep, body: StepBody | None = None) -> IntroRequest:
    with web.write() as (conn, owner):
        done = introductions.act(conn, owner, request_id, action, body.note if body else None)
    return IntroRequest(**jsonable(done))


# -- The page -----------------------------------------------------------------------------------------------
pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@pages.get("/intros")
def intros_page(request: Request, web: WebDep) -> Response:
    with web.read() as (conn, owner):
        shown = jsonable(introductions.board(conn, owner.id))
    return render(request, "intros.html", active="intros", listing=shown, log=shown["log"], title="Introductions")


@pages.post("/intros")
def intros_page_ask(web: WebDep, person_id: Annotated[int, Form(ge=1, le=MAX_ID)],
                    via: Annotated[int, Form(ge=1, le=MAX_ID)], message: Annotated[str, Form()] = "",
                    about: Annotated[str, Form()] = "") -> Response:
    with web.write() as (conn, owner):
        asked = introductions.ask(conn, owner, f"#{person_id}", str(via), message or None, about or None)
    return RedirectResponse(f"/intros?done=intro_asked#request-{asked.id}", status_code=303)


@pages.post("/intros/{request_id}")
def intros_page_step(web: WebDep, request_id: RequestId, action: Annotated[Action, Form()],
                     note: Annotated[str, Form()] = "") -> Response:
    with web.write() as (conn, owner):
        introductions.act(conn, owner, request_id, action, note or None)
    return RedirectResponse(f"/intros?done=intro_{action}#request-{request_id}", status_code=303)


router = APIRouter()
router.include_router(api)
router.include_router(pages)
