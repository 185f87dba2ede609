"""The rows: introduction requests and their audit log. Every read takes the member asking and returns only
requests that member is part of (the one who asked, or the one asked)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError

from twoway import clock
from twoway.errors import Conflict, NotFound


@dataclass(frozen=True)
class Row:
    id: int
    asker_id: int
    via_id: int
    person_id: int
    status: str
    message: str
    about: str | None
    note: str | None
    blurb: str | None
    created_at: int
    updated_at: int


_COLUMNS = "id, asker_id, via_id, person_id, status, message, about, note, blurb, created_at, updated_at"
_MINE = "(asker_id = :o OR via_id = :o)"


def get(conn: Connection, owner_id: int, request_id: int) -> Row:
    """The request, if OWNER is part of it; anyone else is told it does not exist (nothing to learn)."""
    row = conn.execute(text(f"SELECT {_COLUMNS} FROM intro_requests WHERE id = :id AND {_MINE}"),
                       {"id": request_id, "o": owner_id}).first()
    if row is None:
        raise NotFound(f"no introduction request #{request_id} of yours")
    return Row(*row)


def mine(conn: Connection, owner_id: int) -> list[Row]:
    rows = conn.execute(text(f"SELECT {_COLUMNS} FROM intro_requests WHERE {_MINE} ORDER BY id DESC"),
                        {"o": owner_id})
    return [Row(*r) for r in rows]


def open_one(conn: Connection, asker_id: int, via_id: int, person_id: int) -> Row | None:
    row = conn.execute(text(f"SELECT {_COLUMNS} FROM intro_requests WHERE asker_id = :a AND via_id = :v "
                            "AND person_id = :p AND is_open = 1"),
                       {"a": asker_id, "v": via_id, "p": person_id}).first()
    return Row(*row) if row is not None else None


def insert(conn: Connection, asker_id: int, via_id: int, person_id: int, message: str, about: str | None) -> int:
    now = clock.now_ts()
    try:
        return int(conn.execute(text(
            "INSERT INTO intro_requests (asker_id, via_id, person_id, status, is_open, message, about, created_at, "
            "updated_at) VALUES (:a, :v, :p, 'asked', 1, :m, :ab, :t, :t) RETURNING id"),
            {"a": asker_id, "v": via_id, "p": person_id, "m": message, "ab": about, "t": now}).one()[0])
    except IntegrityError:  # the same request asked at the same moment elsewhere: the index keeps one
        raise Conflict("you already asked this member about this person; look at your requests") from None


def move(conn: Connection, row: Row, status: str, is_open: bool, note: str | None, blurb: str | None) -> None:
    """Move ROW from the status it was read in to STATUS; refused if someone moved it meanwhile."""
    changed = conn.execute(text(
        "UPDATE intro_requests SET status = :s, is_open = :open, note = COALESCE(:n, note), "
        "blurb = COALESCE(:b, blurb), updated_at = :t WHERE id = :id AND status = :was"),
        {"s": status, "open": int(is_open), "n": note, "b": blurb, "t": clock.now_ts(), "id": row.id,
         "was": row.status}).rowcount
    if changed != 1:
        raise Conflict(f"introduction request #{row.id} changed meanwhile; look at it again")


def log(conn: Connection, request_id: int, actor_id: int, action: str, status: str, note: str | None) -> None:
    conn.execute(text("INSERT INTO intro_log (request_id, actor_id, action, status, note, at) "
                      "VALUES (:r, :a, :act, :s, :n, :t)"),
                 {"r": request_id, "a": actor_id, "act": action, "s": status, "n": note, "t": clock.now_ts()})


def log_rows(conn: Connection, owner_id: int) -> list[dict[str, Any]]:
    """Every step of the requests OWNER is part of, newest first."""
    rows = conn.execute(text(
        "SELECT l.id, l.request_id, l.actor_id, l.action, l.status, l.note, l.at, r.asker_id, r.via_id, "
        "r.person_id FROM intro_log l JOIN intro_requests r ON r.id = l.request_id "
        "WHERE r.asker_id = :o OR r.via_id = :o ORDER BY l.id DESC"), {"o": owner_id})
    keys = ("id", "request_id", "actor_id", "action", "status", "note", "at", "asker_id", "via_id", "person_id")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def forget_member(conn: Connection, owner_id: int) -> int:
    """Delete every request a member took part in, with its log (when the member leaves the team)."""
    ids = [int(i) for i in conn.execute(
        text("SELECT id FROM intro_requests WHERE asker_id = :o OR via_id = :o"), {"o": owner_id}).scalars()]
    for request_id in ids:
        conn.execute(text("DELETE FROM intro_log WHERE request_id = :r"), {"r": request_id})
        conn.execute(text("DELETE FROM intro_requests WHERE id = :r"), {"r": request_id})
    return len(ids)
