"""What the JSON API answers, described for /openapi.json (and /docs).

The handlers return the views' own ``to_dict()`` output (often as ready bytes, see ``Web.view_json``);
these models only describe it. Every object allows more fields than listed, so adding a field to a
view never breaks a client; the fields listed are always there, with the types given.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Body(BaseModel):
    model_config = ConfigDict(extra="allow")


Day = str  # an ISO date, YYYY-MM-DD


# -- People -------------------------------------------------------------------------------------------------
class PersonRow(Body):
    id: int = Field(description="The person's id: what every other endpoint takes.")
    name: str
    url: str | None = Field(description="Their canonical LinkedIn profile URL.")
    company: str | None
    position: str | None
    connected_on: Day | None
    state: str = Field(description="Relationship state, e.g. two_way, owe_reply, due, never_contacted.")
    reason: str = Field(description="Why they are in that state, in words.")
    strength: int | float | None = Field(description="Tie strength, 0–100.")
    tags: list[str]
    last_contact: Day | None
    status: str


class PeopleListing(Body):
    rows: list[PersonRow]
    total: int = Field(description="Everyone who matches, over all pages.")
    page: int
    pages: int
    per_page: int
    query: dict[str, Any] = Field(description="The filters and sort as understood.")


class PersonFacts(Body):
    id: int
    full_name: str
    url: str | None
    company: str | None
    position: str | None


class TimelineEntry(Body):
    date: Day
    kind: str
    text: str
    direction: str | None


class KnownBy(Body):
    owner_id: int
    name: str
    band: str = Field(description="How strong the member's tie is: weak, medium or strong (never the score).")


class PersonDetail(Body):
    person: PersonFacts
    connection: dict[str, Any] | None = Field(description="When and how you are connected; null if you are not.")
    state: dict[str, Any] | None = Field(description="The state, its reason and the dates it was decided from.")
    strength: dict[str, Any] | None = Field(description="The score, its parts, weights and reasons.")
    timeline: list[TimelineEntry]
    tags: list[str]
    notes: list[dict[str, Any]]
    interactions: list[dict[str, Any]]
    invitations: list[dict[str, Any]]
    related: bool
    known_by: list[KnownBy] = Field(description="The other members connected to them, with the tie's band: all "
                                    "one member shows another.")


class Owner(Body):
    id: int
    name: str
    person_id: int | None


# -- The week -----------------------------------------------------------------------------------------------
class PersonRef(Body):
    id: int
    name: str
    url: str | None
    company: str | None


class WeekItem(Body):
    kind: str = Field(description="reply, follow_up, retry, reconnect, thank, checkin…")
    person_id: int
    name: str
    day: Day
    action: str
    reason: str
    why_now: str
    draft: str = Field(description="A drafted message to send (edit before sending).")
    state: str
    strength: int | float | None
    person: PersonRef


class Week(Body):
    week_start: Day
    week_end: Day
    budget: int
    items: list[WeekItem]
    counts: dict[str, int] = Field(description="Items planned, by kind.")
    waiting: int
    waiting_counts: dict[str, int]
    eligible: int


# -- Pruning ------------------------------------------------------------------------------------------------
class Reason(Body):
    code: str
    text: str


class PruneCandidate(Body):
    person_id: int
    name: str
    url: str | None
    company: str | None
    position: str | None
    state: str
    suspicious: bool
    reasons: list[Reason]


class PruneListing(Body):
    candidates: list[PruneCandidate]
    total: int
    offset: int
    limit: int
    considered: int


class DormantYear(Body):
    year: int
    count: int
    person_ids: list[int]
    sample: list[str]


class Dormant(Body):
    years: list[DormantYear]
    total: int
    older_than_years: int


class Hidden(Body):
    hidden: int
    years: list[int]


# -- Invitations --------------------------------------------------------------------------------------------
class InvitationReason(Body):
    key: str
    text: str
    effect: str


class Invitation(Body):
    id: int
    person_id: int
    direction: str = Field(description="incoming or outgoing")
    counterpart: str = Field(description="The other person's name.")
    person_url: str | None
    company: str | None
    position: str | None
    message: str | None
    sent_on: Day
    age_days: int
    status: str
    recommendation: str | None
    reasons: list[InvitationReason]
    decision: str | None


class Budget(Body):
    used: int
    limit: int
    remaining: int
    level: str
    message: str


class Invitations(Body):
    incoming: list[Invitation]
    outgoing: list[Invitation]
    budget: Budget
    all: bool
    acceptance: dict[str, Any] | None = Field(description="Your acceptance history: rates by month and by note.")


# -- Health -------------------------------------------------------------------------------------------------
class Rate(Body):
    answered: int
    of: int
    rate: float | None


class Overview(Body):
    as_of: Day
    size: int
    size_text: str
    stage: str
    stage_label: str
    states: dict[str, int] = Field(description="How many connections are in each state.")
    shares: dict[str, float | None]
    they_answer: Rate
    you_answer: Rate
    replies_owed: int
    per_month: dict[str, int] = Field(description="Connections made per month (YYYY-MM).")
    per_year: dict[str, int]
    rates_by_year: dict[str, dict[str, Rate]]


# -- Settings, imports, session -----------------------------------------------------------------------------
class Setting(Body):
    name: str
    group: str
    kind: str
    type: str
    help: str
    default: Any
    value: Any
    changed: bool = Field(description="True when the value is not the default.")
    choices: list[str] | None = None


class ImportJob(Body):
    id: str
    filename: str
    state: str = Field(description="queued, running, done or failed")
    stage: str
    done: int
    total: int
    percent: int
    summary: dict[str, Any] | None
    lines: list[str]
    error: str | None
    seconds: float


class NetworkInfo(Body):
    ready: bool
    members: list[str]
    network: dict[str, Any]
    graphs: list[Any]
    needs: str | None = None


class PersonMatch(Body):
    id: int
    name: str
    company: str | None
    position: str | None
    url: str | None
