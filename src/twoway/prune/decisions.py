"""The owner's decisions about a connection: keep, hide, remove, soured, mended. Recorded, never inferred."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Connection, text

from twoway import clock, people
from twoway.errors import InputError
from twoway.people import PersonRef

VERDICTS = {"keep": "prune", "hide": "prune", "remove": "prune", "soured": "relationship", "mended": "relationship"}


def decide(conn: Connection, owner_id: int, person_id: int, verdict: str, *, note: str | None = None) -> None:
    """Record one decision: keep, hide (stays connected, leaves the plan), remove (you remove them on
    LinkedIn; twoway records it), soured or mended (the relationship)."""
    decide_many(conn, owner_id, [person_id], verdict, note=note)


def decide_many(
    conn: Connection, owner_id: int, person_ids: Iterable[int], verdict: str, *, note: str | None = None
) -> int:
    """Record the same decision for several people at once (the caller has the owner's confirmation)."""
    if verdict not in VERDICTS:
        raise InputError(f"unknown decision {verdict!r}; use one of {', '.join(VERDICTS)}")
    stamp = clock.now().isoformat(timespec="seconds")
    rows = [
        {"o": owner_id, "p": pid, "s": VERDICTS[verdict], "v": verdict, "n": note, "t": stamp}
        for pid in dict.fromkeys(person_ids)
    ]
    if rows:
        conn.execute(
            text("INSERT INTO decisions (owner_id, person_id, subject, verdict, note, decided_at) "
                 "VALUES (:o, :p, :s, :v, :n, :t)"),
            rows,
        )
    return len(rows)


def decide_named(
    conn: Connection, owner_id: int, queries_by_verdict: Mapping[str, Iterable[str]]
) -> list[tuple[str, PersonRef]]:
    """Record decisions on people named by queries ({verdict: names, profile URLs or #ids}), each
    query resolved on its own; an ambiguous or unknown one raises, and the caller's transaction then
    writes none of them."""
    decided: list[tuple[str, PersonRef]] = []
    for verdict, queries in queries_by_verdict.items():
        for query in queries:
            ref = people.resolve(conn, owner_id, query)
            decide(conn, owner_id, ref.id, verdict)
            decided.append((verdict, ref))
    return decided
