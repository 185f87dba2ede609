"""What a person's page lets the owner do, each checked to be the owner's person first (in a team, another
member's people are not theirs to change)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection

from twoway import plan, prune, sources, strength
from twoway.errors import InputError
from twoway.people import notes, owners
from twoway.people import tags as tags_mod
from twoway.people.interactions import log_interaction


def _known(conn: Connection, owner_id: int, person_id: int) -> None:
    # NotFound for an id that names nobody, and for another member's person in a team
    owners.require_related(conn, owner_id, person_id)


def tag(conn: Connection, owner_id: int, person_id: int, raw: str | list[str], *, remove: bool = False
        ) -> dict[str, Any]:
    _known(conn, owner_id, person_id)
    names = [t for t in (raw.split(",") if isinstance(raw, str) else raw) if t.strip()]
    if not names:
        raise InputError("name at least one tag")
    change = tags_mod.remove_tags if remove else tags_mod.add_tags
    return {"person_id": person_id, "tags": list(change(conn, owner_id, person_id, names))}


def note(conn: Connection, owner_id: int, person_id: int, body: str) -> notes.Note:
    _known(conn, owner_id, person_id)
    return notes.add_note(conn, owner_id, person_id, body)


def note_edit(conn: Connection, owner_id: int, person_id: int, note_id: int, body: str) -> notes.Note:
    """A note's new text (the old one stays in the notes' history)."""
    _known(conn, owner_id, person_id)
    return notes.edit_note(conn, owner_id, person_id, note_id, body)


def note_delete(conn: Connection, owner_id: int, person_id: int, note_id: int) -> notes.Note:
    """A note taken out of the notes (its text stays in their history)."""
    _known(conn, owner_id, person_id)
    return notes.delete_note(conn, owner_id, person_id, note_id)


def log(conn: Connection, owner_id: int, person_id: int, kind: str, direction: str, on: date | None,
        note_text: str | None) -> Any:
    """Record something that happened elsewhere (a message sent, a reply, a meeting, a call)."""
    _known(conn, owner_id, person_id)
    logged = log_interaction(conn, owner_id, person_id, kind, direction, on, note_text)
    strength.publish_bands(conn, owner_id, person_ids=[person_id])  # the band other members see may change
    return logged


def snooze(conn: Connection, owner_id: int, person_id: int, until: date | None) -> dict[str, Any]:
    _known(conn, owner_id, person_id)
    plan.snooze(conn, owner_id, person_id, until)
    return {"person_id": person_id, "snoozed_until": until.isoformat() if until else None}


def prune_decide(conn: Connection, owner_id: int, person_id: int, verdict: str, note_text: str | None = None
                 ) -> dict[str, Any]:
    """Keep, hide or remove (or mark soured / mended) one connection, as the prune review does."""
    _known(conn, owner_id, person_id)
    prune.decide(conn, owner_id, person_id, verdict, note=note_text)
    return {"person_id": person_id, "verdict": verdict}


def merge_decide(conn: Connection, owner_id: int, suggestion_id: int, verdict: str) -> dict[str, Any]:
    """Accept or reject one likely match (see twoway.sources.merges); the outcome in words."""
    if verdict not in ("accept", "reject"):
        raise InputError(f"verdict {verdict!r}: expected accept or reject")
    said = sources.decide_merge(conn, owner_id, suggestion_id, "accept" if verdict == "accept" else "reject")
    return {"id": suggestion_id, "verdict": verdict, "message": said}


def merge_undo(conn: Connection, owner_id: int, merge_id: int) -> dict[str, Any]:
    """Take one merge back (see twoway.sources.fold): both people as they were; the outcome in words."""
    return {"id": merge_id, "undone": True, "message": sources.undo_merge(conn, owner_id, merge_id)}
