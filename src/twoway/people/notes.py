"""Notes: what the owner wrote about a connection (how they met, interests, goals). Append-only:
nothing the owner wrote is ever lost, and no import touches them."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, text

from twoway import clock
from twoway.errors import InputError

MAX_NOTE_CHARS = 20_000


@dataclass(frozen=True)
class Note:
    id: int
    person_id: int
    body: str
    created_at: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def add_note(conn: Connection, owner_id: int, person_id: int, body: str) -> Note:
    """Append a note (how you met, interests, goals). Notes are never edited or dropped."""
    cleaned = body.strip()
    if not cleaned:
        raise InputError("a note cannot be empty")
    if len(cleaned) > MAX_NOTE_CHARS:
        raise InputError(f"a note is at most {MAX_NOTE_CHARS} characters; this one has {len(cleaned)}")
    stamp = clock.now().isoformat(timespec="seconds")
    params = {"o": owner_id, "p": person_id, "b": cleaned, "c": stamp}
    insert = "INSERT INTO notes (owner_id, person_id, body, created_at) VALUES (:o, :p, :b, :c)"
    if conn.dialect.name == "postgresql":
        new_id = conn.execute(text(insert + " RETURNING id"), params).scalar_one()
    else:
        new_id = conn.execute(text(insert), params).lastrowid
    return Note(id=int(new_id), person_id=person_id, body=cleaned, created_at=stamp)


def notes_for(conn: Connection, owner_id: int, person_id: int) -> list[Note]:
    """A person's notes, oldest first."""
    rows = conn.execute(
        text("SELECT id, person_id, body, created_at FROM notes WHERE owner_id = :o AND person_id = :p "
             "ORDER BY created_at, id"),
        {"o": owner_id, "p": person_id},
    )
    return [Note(int(i), int(p), b, c) for i, p, b, c in rows]
