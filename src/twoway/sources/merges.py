"""The owner's answer to a likely match: accept folds the person met in mail, a calendar or an address book
into the connection (their history, addresses, notes and tags follow; ``undo_merge`` takes it back); reject
keeps them apart for good (a later import suggests the same pair again only as the rejected row it already is)."""

from __future__ import annotations

from typing import Literal

from sqlalchemy import Connection, text

from twoway.errors import Conflict, NotFound
from twoway.sources.fold import fold_person

Verdict = Literal["accept", "reject"]
CONFIRMED = "confirmed by you"


def decide_merge(conn: Connection, owner_id: int, suggestion_id: int, verdict: Verdict) -> str:
    """Carry out the owner's verdict on one open suggestion; the outcome in words."""
    row = conn.execute(text(
        "SELECT s.person_id, s.other_id, s.status, p.full_name, q.full_name FROM merge_suggestions s "
        "JOIN people p ON p.id = s.person_id LEFT JOIN people q ON q.id = s.other_id "
        "WHERE s.id = :i AND s.owner_id = :o"), {"i": suggestion_id, "o": owner_id}).first()
    if row is None:
        raise NotFound(f"no likely match #{suggestion_id}", cli_hint="`twoway merge` lists them")
    keep, gone, status, name, other = int(row[0]), int(row[1]), str(row[2]), str(row[3]), str(row[4] or "")
    if status != "open":
        raise Conflict(f"likely match #{suggestion_id} is already {status}")
    if verdict == "reject":
        _set(conn, suggestion_id, "rejected")
        return f"Kept {name} (#{keep}) and {other} (#{gone}) apart; they will not be suggested again."
    if fold_person(conn, keep, gone, CONFIRMED, keep_suggestion=suggestion_id, owner_id=owner_id) is None:
        raise Conflict(f"{other} (#{gone}) has a LinkedIn profile, is a connection, or is also in another "
                       "member's network: both stay; reject the suggestion to stop seeing it")
    _set(conn, suggestion_id, "accepted")
    return f"{other} is now part of {name} (#{keep}): their messages, meetings and addresses count for them."


def _set(conn: Connection, suggestion_id: int, status: str) -> None:
    conn.execute(text("UPDATE merge_suggestions SET status = :s WHERE id = :i"), {"s": status, "i": suggestion_id})
