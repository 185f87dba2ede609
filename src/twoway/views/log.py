"""`twoway log`: an interaction logged by hand, and the relationship judged afresh."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection

from twoway import people, strength
from twoway.people.interactions import Logged, log_interaction
from twoway.states import Verdict, compute_states


@dataclass(frozen=True)
class LogResult:
    """What `twoway log` reports: the entry, who it was with, and their state afterwards."""

    logged: Logged
    person: people.PersonRef
    verdict: Verdict | None  # None when the person is not a connection

    def to_dict(self) -> dict[str, Any]:
        return {
            "logged": self.logged.to_dict(),
            "person": self.person.to_dict(),
            "state": self.verdict.to_dict() if self.verdict else None,
        }


def record(
    conn: Connection,
    owner_id: int,
    query: str,
    kind: str,
    direction: str = "out",
    on: date | None = None,
    note: str | None = None,
) -> LogResult:
    """Find the person QUERY means, log the interaction, and judge the relationship afresh."""
    person = people.resolve(conn, owner_id, query)
    logged = log_interaction(conn, owner_id, person.id, kind, direction, on, note)
    strength.publish_bands(conn, owner_id, person_ids=[person.id])  # the band other members see may change
    verdict = compute_states(conn, owner_id, person_ids=[person.id]).get(person.id)
    return LogResult(logged=logged, person=person, verdict=verdict)
