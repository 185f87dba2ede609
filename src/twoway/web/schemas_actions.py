"""What the JSON API's actions and network queries answer, described for /openapi.json (beside ``schemas``,
which holds the screens' models; the same rules: every field listed is always there, more may come)."""

from __future__ import annotations

from pydantic import Field

from twoway.web.schemas import Body, Day


# -- What the actions answer --------------------------------------------------------------------------------
class InvitationRecord(Body):
    id: int
    person_id: int | None
    direction: str = Field(description="in or out")
    sent_on: Day
    counterpart: str
    message: str | None
    status: str
    age_days: int
    decision: str | None
    withdrawn_on: Day | None
    connected_on: Day | None


class Tags(Body):
    person_id: int
    tags: list[str] = Field(description="The person's tags after the change.")


class Note(Body):
    id: int = Field(description="The note's id (an edit makes a new note; the old one stays in the history).")
    person_id: int
    body: str
    created_at: str = Field(description="When it was written (ISO date and time).")
    status: str = Field(description="current, superseded (edited) or deleted")


class Logged(Body):
    id: int
    person_id: int
    kind: str
    direction: str
    channel: str
    on: Day
    note: str | None


class Snoozed(Body):
    person_id: int
    snoozed_until: Day | None


class Decided(Body):
    person_id: int
    verdict: str


class MergeSuggestion(Body):
    id: int
    person_id: int = Field(description="The connection.")
    person_name: str
    other_id: int = Field(description="Who may be the same person (from mail, a calendar or an address book).")
    other_name: str
    other_emails: str
    reason: str
    status: str = Field(description="open, accepted or rejected")
    person_company: str = ""
    other_company: str = ""
    person_email_list: list[str] = Field(default_factory=list)
    other_email_list: list[str] = Field(default_factory=list)
    person_sources: list[str] = Field(default_factory=list, description="Where the connection is known from.")
    other_sources: list[str] = Field(default_factory=list, description="Where the other is known from.")


class MergeOutcome(Body):
    id: int
    verdict: str
    message: str = Field(description="What the decision did, in words.")


class MergeDone(Body):
    id: int
    person_id: int = Field(description="The person kept.")
    person_name: str
    other_id: int = Field(description="The person folded in (back as they were once the merge is undone).")
    other_name: str
    reason: str
    suggestion_id: int | None = Field(description="The suggestion accepted; null for an exact match on import.")
    rows_moved: int
    done_at: str
    undone_at: str | None


class MergeUndone(Body):
    id: int
    undone: bool
    message: str = Field(description="What undoing the merge restored, in words.")


# -- The network ----------------------------------------------------------------------------------------------
NodeId = int | str  # a person id in the members' network; a loaded graph's own node id


class Member(Body):
    id: NodeId
    name: str | None
    company: str | None
    position: str | None
    url: str | None
    owner_id: int | None = Field(description="Set when this person's own export is in the database.")


class Degree(Body):
    graph: str
    from_: Member = Field(alias="from")
    to: Member
    degree: int | str = Field(description="1, 2 or 3, or `out` (out of network).")
    badge: str
    path: list[Member] = Field(description="One shortest path, from A to B.")


class NetworkSizes(Body):
    first: int
    second: int
    third: int


class Mutual(Body):
    graph: str
    a: Member
    b: Member
    count: int = Field(description="How many connections A and B share (all, however many are listed).")
    mutual: list[Member]
    a_network: NetworkSizes


class MayKnow(Body):
    person: Member
    score: float
    shared: int
    shared_with: list[str]


class IntroPair(Body):
    a: Member
    b: Member
    score: float
    shared: int
    common_ground: list[str]


class Suggestions(Body):
    graph: str
    for_: Member = Field(alias="for")
    method: str
    people_you_may_know: list[MayKnow]
    introductions: list[IntroPair] = Field(description="Pairs of A's connections A could introduce.")


class Link(Body):
    from_: str = Field(alias="from")
    to: str
    strength: float | None = Field(description="0–100 for a tie of your own; null for another member's tie, whose "
                                   "band alone is shown.")
    band: str = Field(description="weak, medium or strong.")
    basis: str = Field(description="Where the strength comes from.")


class Route(Body):
    hops: int
    path: list[Member]
    intermediary: Member
    intermediary_state: str | None
    weakest_link: float | None = Field(description="The weaker link's score; null when it is another member's tie.")
    weakest_band: str
    links: list[Link]
    request: str = Field(description="A drafted request to the intermediary.")
    blurb: str = Field(description="A note the intermediary can forward (double opt-in).")


class Introductions(Body):
    graph: str
    from_: Member = Field(alias="from")
    to: Member | None
    company: str | None
    already_connected: list[Member]
    routes_found: int
    ranking: str
    routes: list[Route]


class DuplicateCandidate(Body):
    person_id: int
    full_name: str
    url: str | None
    company: str | None
    position: str | None
    owners: list[int] = Field(description="The members connected to this row.")


class DuplicateGroup(Body):
    name_key: str
    reason: str
    people: list[DuplicateCandidate]
