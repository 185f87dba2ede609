"""The API's likely matches across sources: review them, decide, and take a merge back."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path
from pydantic import BaseModel, Field

from twoway import views
from twoway.views import actions
from twoway.web import schemas_actions as answers
from twoway.web.app import Web, web_of
from twoway.web.errors import API_ERRORS

router = APIRouter(prefix="/api", responses=API_ERRORS)

WebDep = Annotated[Web, Depends(web_of)]
JSON = dict[str, Any]
MAX_ID = 2**31 - 1  # ids are 32-bit on every database twoway runs on
Id = Annotated[int, Path(ge=1, le=MAX_ID)]


# -- Likely matches across sources ------------------------------------------------------------------
class MergeDecision(BaseModel):
    verdict: Literal["accept", "reject"] = Field(
        description="`accept`: the same person, folded into the connection; `reject`: different people, kept apart.")


@router.get("/merges", tags=["people"],
            summary="Likely matches between a connection and someone met in mail, a calendar or an address book",
            response_model=list[answers.MergeSuggestion])
def merges_list(web: WebDep, all: bool = False) -> list[JSON]:
    with web.read() as (conn, owner):
        return [s.to_dict() for s in views.merge_suggestions(conn, owner.id, status=None if all else "open")]


@router.post("/merges/{suggestion_id}/decision", tags=["people"], summary="Accept or reject one likely match",
             response_model=answers.MergeOutcome)
def merges_decide(suggestion_id: Id, body: MergeDecision, web: WebDep) -> JSON:
    with web.write() as (conn, owner):
        return actions.merge_decide(conn, owner.id, suggestion_id, body.verdict)


@router.get("/merges/done", tags=["people"], summary="The merges made (exact matches on import, accepted ones), newest "
            "first; each can be undone", response_model=list[answers.MergeDone])
def merges_done_list(web: WebDep) -> list[JSON]:
    with web.read() as (conn, owner):
        return [m.to_dict() for m in views.merges_done(conn, owner.id)]


@router.post("/merges/{merge_id}/undo", tags=["people"], summary="Take one merge back: both people as they were",
             response_model=answers.MergeUndone)
def merges_undo(merge_id: Id, web: WebDep) -> JSON:
    with web.write() as (conn, owner):
        return actions.merge_undo(conn, owner.id, merge_id)
