"""The States listing and one person's state, with names, as the faces show them."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from twoway import people
from twoway.errors import InputError, NotFound
from twoway.people.tags import normalise_tag
from twoway.settings import Settings
from twoway.states import STATES, Verdict, compute_states, count_by_state, state_of


@dataclass(frozen=True)
class StateRow:
    """A verdict with the person's name, for tables."""

    verdict: Verdict
    full_name: str
    company: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"full_name": self.full_name, "company": self.company, **self.verdict.to_dict()}


def _names(conn: Connection, owner_id: int) -> dict[int, tuple[str, str | None]]:
    rows = conn.execute(
        text("SELECT p.id, p.full_name, p.company FROM connections c JOIN people p ON p.id = c.person_id "
             "WHERE c.owner_id = :o"),
        {"o": owner_id},
    )
    return {int(i): (n, c) for i, n, c in rows}


def list_states(
    conn: Connection,
    owner_id: int,
    *,
    only: Collection[str] = (),
    tag: str | None = None,
    settings: Settings | None = None,
    today: date | None = None,
) -> tuple[list[StateRow], dict[str, int]]:
    """Connections with their state and reason (filtered by state and tag), and the count per state
    over the whole network."""
    unknown = [s for s in only if s not in STATES]
    if unknown:
        raise InputError(f"no state called {unknown[0]!r}; states are {', '.join(STATES)}")
    verdicts = compute_states(conn, owner_id, settings=settings, today=today)
    counts = count_by_state(verdicts)
    wanted_tag = normalise_tag(tag) if tag else None
    names = _names(conn, owner_id)
    order = {s: i for i, s in enumerate(STATES)}
    rows = [
        StateRow(v, *names.get(pid, (f"#{pid}", None)))
        for pid, v in verdicts.items()
        if (not only or v.state in only) and (wanted_tag is None or wanted_tag in v.tags)
    ]
    rows.sort(key=lambda r: (order[r.verdict.state], r.verdict.next_try_on or r.verdict.due_on or date.max,
                             r.full_name.casefold(), r.verdict.person_id))
    return rows, counts


def state_for(conn: Connection, owner_id: int, query: str, *, settings: Settings | None = None,
              today: date | None = None) -> StateRow:
    """The state of the connection QUERY means (a name, part of one, a profile URL or #id)."""
    person = people.resolve(conn, owner_id, query)
    try:
        verdict = state_of(conn, owner_id, person.id, settings=settings, today=today)
    except NotFound:
        raise NotFound(f"{person.full_name} is not one of your connections") from None
    return StateRow(verdict, person.full_name, person.company)
