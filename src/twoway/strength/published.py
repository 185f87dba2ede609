"""What one member publishes to the others of their ties: the band (weak, medium, strong) of each connection.

A member's strength is computed from their private history, which on a team server's PostgreSQL another member's
transaction cannot read (row-level security). So each member's bands are written where every member may read
them (``member_ties``, like ``connections`` outside the wall): after each of their imports and whenever they log
what happened with someone. Nothing but the band is kept: never the score, its parts or the history behind it.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import Connection, text

from twoway import clock
from twoway.store.batches import chunks, in_ids, rows_for_ids
from twoway.strength.compute import compute_strengths
from twoway.strength.score import band


def publish_bands(conn: Connection, owner_id: int, *, person_ids: Collection[int] | None = None,
                  today: date | None = None) -> int:
    """Write the owner's current bands (of every connection, or of ``person_ids``); how many were written."""
    day = today or clock.today()
    strengths = compute_strengths(conn, owner_id, today=day, person_ids=person_ids)
    if person_ids is None:
        conn.execute(text("DELETE FROM member_ties WHERE owner_id = :o"), {"o": owner_id})
    else:
        for chunk in chunks(sorted(set(person_ids))):
            conn.execute(in_ids("DELETE FROM member_ties WHERE owner_id = :o AND person_id IN :ids"),
                         {"o": owner_id, "ids": chunk})
    rows = [{"o": owner_id, "p": pid, "b": band(s.score), "d": day.isoformat()} for pid, s in strengths.items()]
    if rows:
        conn.execute(text("INSERT INTO member_ties (owner_id, person_id, band, as_of) VALUES (:o, :p, :b, :d)"), rows)
    return len(rows)


def published_bands(conn: Connection, person_ids: Collection[int]) -> dict[tuple[int, int], str]:
    """(owner id, person id) → band, as each member last published it."""
    return {(int(o), int(p)): str(b) for o, p, b in rows_for_ids(
        conn, "SELECT owner_id, person_id, band FROM member_ties WHERE person_id IN :ids", sorted(set(person_ids)))}
