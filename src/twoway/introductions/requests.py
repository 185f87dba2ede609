"""Asking a member for an introduction, the steps that follow, and what each side sees.

What the member who asked sees of the tie of the member asked is their name and the band of that tie
(``strength.band``): never the score, their messages, notes, or the person's contact details. Of the
person, both sides see the directory facts the Network page shows (name, company, position).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from sqlalchemy import Connection, text

from twoway import clock
from twoway.errors import Conflict, InputError, NotFound
from twoway.graph import intros
from twoway.graph import network as net
from twoway.introductions import records, rules
from twoway.people import owners
from twoway.people.owners import Owner
from twoway.store.batches import rows_for_ids
from twoway.strength import published_bands

MAX_TEXT = 5000  # a request or a note longer than this is not a note

Side = Literal["asked_by_me", "asked_of_me"]


@dataclass(frozen=True)
class Member:
    id: int
    name: str


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    company: str | None
    position: str | None


@dataclass(frozen=True)
class IntroRequest:
    """One request as the member looking at it may see it."""

    id: int
    side: Side
    status: str
    status_text: str
    asker: Member
    via: Member
    person: Person
    band: str | None  # the band of the tie of the member asked to the person
    message: str
    about: str | None
    note: str | None
    blurb: str | None  # the double opt-in note, once the member asked accepted
    created_at: str
    updated_at: str
    actions: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Requests:
    asked_by_me: list[IntroRequest] = field(default_factory=list)
    asked_of_me: list[IntroRequest] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"asked_by_me": [r.to_dict() for r in self.asked_by_me],
                "asked_of_me": [r.to_dict() for r in self.asked_of_me]}


@dataclass(frozen=True)
class LogEntry:
    id: int
    request_id: int
    at: str
    actor: Member
    action: str
    status: str
    note: str | None
    asker: Member
    via: Member
    person: Person

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def ask(conn: Connection, asker: Owner, person: str, via: str, message: str | None = None,
        about: str | None = None) -> IntroRequest:
    """ASKER asks the member VIA for an introduction to PERSON (``#id``, a name or a profile URL), with
    MESSAGE or else the request twoway drafts for that route."""
    member = _member(conn, via)
    if member.id == asker.id:
        raise InputError("you cannot ask yourself for an introduction: name another member",
                         cli_hint="name them with --via")
    about = _text(about, "about") if about else None
    loaded = net.open_graph(conn, None)
    node = net.endpoint(conn, asker, loaded, person)
    person_id = int(loaded.graph.label(node))
    shown = _person(conn, person_id)
    if person_id in {asker.person_id, member.person_id}:
        raise InputError(f"{shown.name} is a member: ask them yourself")
    route = _route(conn, asker, member, shown, about)
    existing = records.open_one(conn, asker.id, member.id, person_id)
    if existing is not None:
        raise Conflict(f"you already asked {member.name} to introduce you to {shown.name} "
                       f"(request #{existing.id}, {existing.status})")
    text_ = _text(message, "message") if message and message.strip() else str(route["request"])
    request_id = records.insert(conn, asker.id, member.id, person_id, text_, about)
    records.log(conn, request_id, asker.id, "ask", "asked", None)
    return view(conn, asker.id, request_id)


def act(conn: Connection, owner: Owner, request_id: int, action: str, note: str | None = None) -> IntroRequest:
    """Take one step on a request OWNER is part of (see :mod:`twoway.introductions.rules`)."""
    row = records.get(conn, owner.id, request_id)
    role: rules.Role = "asker" if row.asker_id == owner.id else "via"
    step = rules.step(action, row.status, role)
    note = _text(note, "note") if note and note.strip() else None
    blurb = None
    if step.after == "accepted":  # drafted now, from what the member who asked may have said of themselves
        blurb = intros.forward_note(conn, owners.get(conn, row.asker_id), row.person_id, row.about)
    records.move(conn, row, step.after, step.after in rules.OPEN, note, blurb)
    records.log(conn, row.id, owner.id, step.action, step.after, note)
    return view(conn, owner.id, row.id)


def view(conn: Connection, owner_id: int, request_id: int) -> IntroRequest:
    return _shape(conn, owner_id, [records.get(conn, owner_id, request_id)])[0]


def requests(conn: Connection, owner_id: int) -> Requests:
    """The requests OWNER made and the ones made of them, newest first."""
    shaped = _shape(conn, owner_id, records.mine(conn, owner_id))
    return Requests([r for r in shaped if r.side == "asked_by_me"], [r for r in shaped if r.side == "asked_of_me"])


def audit_log(conn: Connection, owner_id: int) -> list[LogEntry]:
    """Who asked whom, and every step since, of the requests OWNER is part of, newest first."""
    rows = records.log_rows(conn, owner_id)
    names = _member_names(conn)
    people = _people(conn, {int(r["person_id"]) for r in rows})
    return [LogEntry(r["id"], r["request_id"], clock.ts_to_iso(int(r["at"])), _ref(names, r["actor_id"]),
                     r["action"], r["status"], r["note"], _ref(names, r["asker_id"]), _ref(names, r["via_id"]),
                     people[int(r["person_id"])]) for r in rows]


@dataclass(frozen=True)
class Board:
    """The Introductions page: both sides of one member's requests, and the log of their steps."""

    requests: Requests
    log: list[LogEntry]

    def to_dict(self) -> dict[str, Any]:
        return {**self.requests.to_dict(), "log": [e.to_dict() for e in self.log]}


def board(conn: Connection, owner_id: int) -> Board:
    return Board(requests(conn, owner_id), audit_log(conn, owner_id))


def _shape(conn: Connection, owner_id: int, rows: list[records.Row]) -> list[IntroRequest]:
    names = _member_names(conn)
    people = _people(conn, {r.person_id for r in rows})
    bands = _bands(conn, rows)
    out = []
    for r in rows:
        role: rules.Role = "asker" if r.asker_id == owner_id else "via"
        out.append(IntroRequest(
            r.id, "asked_by_me" if role == "asker" else "asked_of_me", r.status, rules.MEANING[r.status],
            _ref(names, r.asker_id), _ref(names, r.via_id), people[r.person_id], bands.get((r.via_id, r.person_id)),
            r.message, r.about, r.note, r.blurb, clock.ts_to_iso(r.created_at), clock.ts_to_iso(r.updated_at),
            rules.allowed(r.status, role)))
    return out


def _bands(conn: Connection, rows: Iterable[records.Row]) -> dict[tuple[int, int], str]:
    """The band of each asked member's tie to the person, as that member published it (all either side is shown
    of it; the asker's transaction cannot read the other member's history behind the PostgreSQL wall)."""
    wanted = {(r.via_id, r.person_id) for r in rows}
    if not wanted:
        return {}
    published = published_bands(conn, {pid for _, pid in wanted})
    return {key: name for key, name in published.items() if key in wanted}


def _route(conn: Connection, asker: Owner, member: Owner, person: Person, about: str | None) -> dict[str, Any]:
    """The route ASKER - MEMBER - PERSON as the route finder drafts it; none when MEMBER does not know PERSON."""
    found = intros.introductions(conn, asker, "me", f"#{person.id}", about=about, limit=100_000)
    if found["already_connected"]:
        raise Conflict(f"you are already connected with {person.name}: no introduction needed")
    for route in found["routes"]:
        if route["hops"] == 2 and route["intermediary"]["owner_id"] == member.id:
            return dict(route)
    raise NotFound(f"{member.name} is not connected with {person.name}: ask a member who is",
                   cli_hint=f"`twoway path me '#{person.id}'` lists them")


def _member(conn: Connection, hint: str) -> Owner:
    if not hint or not hint.strip():
        raise InputError("say which member to ask: their name or id")
    wanted = hint.strip()
    for o in owners.all_owners(conn):
        if wanted in (str(o.id), f"#{o.id}") or wanted.casefold() == o.name.casefold():
            return o
    raise NotFound(f"no member called {wanted!r}")


def _member_names(conn: Connection) -> dict[int, str]:
    return {int(i): str(n) for i, n in conn.execute(text("SELECT id, name FROM owners"))}


def _ref(names: dict[int, str], owner_id: Any) -> Member:
    return Member(int(owner_id), names.get(int(owner_id), f"member #{owner_id}"))


def _person(conn: Connection, person_id: int) -> Person:
    found = _people(conn, {person_id})
    return found[person_id]


def _people(conn: Connection, ids: set[int]) -> dict[int, Person]:
    out = {pid: Person(pid, f"#{pid}", None, None) for pid in ids}
    for pid, name, company, position in rows_for_ids(
            conn, "SELECT id, full_name, company, position FROM people WHERE id IN :ids", sorted(ids)):
        out[int(pid)] = Person(int(pid), name, company or None, position or None)
    return out


def _text(value: str | None, what: str) -> str:
    cleaned = (value or "").strip()
    if len(cleaned) > MAX_TEXT:
        raise InputError(f"the {what} is {len(cleaned):,} characters; keep it under {MAX_TEXT:,}")
    return cleaned
