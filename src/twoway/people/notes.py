"""Notes: what the owner wrote about a connection (how they met, interests, goals). Nothing the owner wrote
is ever lost, and no import touches them.

A note's text is never changed nor removed in place. Editing note N adds a new note with the new text and
records, as a ``decisions`` row (subject ``note``, verdict ``superseded``, ``note`` = N's id), that N was
superseded by it; deleting N records verdict ``deleted``. The current notes are those with no such row;
``notes_for(..., history=True)`` gives every text ever written, each with what became of it, and
``note_history`` the texts no longer current with when that happened (the person page's history).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, text

from twoway import clock
from twoway.errors import Conflict, InputError, NotFound

MAX_NOTE_CHARS = 20_000
#: What became of a note that is no longer current.
SUPERSEDED, DELETED = "superseded", "deleted"


@dataclass(frozen=True)
class Note:
    id: int
    person_id: int
    body: str
    created_at: str
    status: str = "current"  # or "superseded" (edited; the new text is a later note) or "deleted"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PastNote:
    """A text no longer among the notes: edited (``superseded``; the new text is a later note) or deleted."""

    id: int
    person_id: int
    body: str
    created_at: str
    status: str
    changed_at: str  # when it was edited or deleted

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _clean(body: str) -> str:
    cleaned = body.strip()
    if not cleaned:
        raise InputError("a note cannot be empty")
    if len(cleaned) > MAX_NOTE_CHARS:
        raise InputError(f"a note is at most {MAX_NOTE_CHARS} characters; this one has {len(cleaned)}")
    return cleaned


def add_note(conn: Connection, owner_id: int, person_id: int, body: str) -> Note:
    """Append a note (how you met, interests, goals)."""
    cleaned = _clean(body)
    stamp = clock.now().isoformat(timespec="seconds")
    params = {"o": owner_id, "p": person_id, "b": cleaned, "c": stamp}
    insert = "INSERT INTO notes (owner_id, person_id, body, created_at) VALUES (:o, :p, :b, :c)"
    if conn.dialect.name == "postgresql":
        new_id = conn.execute(text(insert + " RETURNING id"), params).scalar_one()
    else:
        new_id = conn.execute(text(insert), params).lastrowid
    return Note(id=int(new_id), person_id=person_id, body=cleaned, created_at=stamp)


def edit_note(conn: Connection, owner_id: int, person_id: int, note_id: int, body: str) -> Note:
    """Replace a current note's text: the new text is a new note, the old one is kept, marked superseded."""
    old = _current(conn, owner_id, person_id, note_id)
    cleaned = _clean(body)
    if cleaned == old.body:
        return old
    new = add_note(conn, owner_id, person_id, cleaned)
    _mark(conn, owner_id, person_id, note_id, SUPERSEDED)
    return new


def delete_note(conn: Connection, owner_id: int, person_id: int, note_id: int) -> Note:
    """Take a current note out of the person's notes; its text stays in their notes' history."""
    old = _current(conn, owner_id, person_id, note_id)
    _mark(conn, owner_id, person_id, note_id, DELETED)
    return Note(old.id, old.person_id, old.body, old.created_at, DELETED)


def notes_for(conn: Connection, owner_id: int, person_id: int, *, history: bool = False) -> list[Note]:
    """A person's current notes, oldest first; with ``history``, every note ever written, each with its status."""
    rows = conn.execute(
        text("SELECT id, person_id, body, created_at FROM notes WHERE owner_id = :o AND person_id = :p "
             "ORDER BY created_at, id"),
        {"o": owner_id, "p": person_id},
    )
    fates = _fates(conn, owner_id, person_id)
    out = [Note(int(i), int(p), b, c, fates.get(int(i), "current")) for i, p, b, c in rows]
    return out if history else [n for n in out if n.status == "current"]


def note_history(conn: Connection, owner_id: int, person_id: int) -> list[PastNote]:
    """A person's notes that were edited or deleted, the latest change first, each with its old text."""
    when = _fates_at(conn, owner_id, person_id)
    past = [PastNote(n.id, n.person_id, n.body, n.created_at, n.status, when[n.id][1])
            for n in notes_for(conn, owner_id, person_id, history=True) if n.status != "current"]
    return sorted(past, key=lambda n: (n.changed_at, n.id), reverse=True)


def _fates(conn: Connection, owner_id: int, person_id: int) -> dict[int, str]:
    return {note: verdict for note, (verdict, _at) in _fates_at(conn, owner_id, person_id).items()}


def _fates_at(conn: Connection, owner_id: int, person_id: int) -> dict[int, tuple[str, str]]:
    """What became of each note no longer current, and when: {note id: (verdict, decided at)}."""
    rows = conn.execute(
        text("SELECT note, verdict, decided_at FROM decisions WHERE owner_id = :o AND person_id = :p "
             "AND subject = 'note' ORDER BY decided_at, id"),
        {"o": owner_id, "p": person_id},
    )
    return {int(note): (verdict, str(at)) for note, verdict, at in rows if note and str(note).isdigit()}


def _current(conn: Connection, owner_id: int, person_id: int, note_id: int) -> Note:
    for note in notes_for(conn, owner_id, person_id, history=True):
        if note.id == note_id:
            if note.status != "current":
                raise Conflict(f"note {note_id} was already {note.status}; the notes' history keeps its text")
            return note
    raise NotFound(f"no note {note_id} about this person; their notes are listed with their ids")


def _mark(conn: Connection, owner_id: int, person_id: int, note_id: int, verdict: str) -> None:
    conn.execute(
        text("INSERT INTO decisions (owner_id, person_id, subject, verdict, note, decided_at) "
             "VALUES (:o, :p, 'note', :v, :n, :d)"),
        {"o": owner_id, "p": person_id, "v": verdict, "n": str(note_id),
         "d": clock.now().isoformat(timespec="seconds")},
    )
