"""States from the database: the owner's histories, connections, tags and prune decisions, judged in one pass."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

import numpy as np
from sqlalchemy import Connection, text

from twoway import clock
from twoway import settings as settings_mod
from twoway.clock import date_to_day, iso_date
from twoway.errors import NotFound
from twoway.history import Event, History, fact_arrays, from_events, load_history, subset
from twoway.people.tags import tags_by_person
from twoway.settings import Settings
from twoway.states.decide import Connections, judge_all, read_connections
from twoway.states.rules import Rules
from twoway.states.verdict import STATES, Prune, Verdict


def prune_decisions(conn: Connection, owner_id: int) -> dict[int, Prune]:
    """The owner's latest prune decision per person: (verdict, decided on, until)."""
    latest: dict[int, Prune] = {}
    rows = conn.execute(
        text("SELECT person_id, verdict, decided_at, until FROM decisions WHERE owner_id = :o "
             "AND subject = 'prune' AND person_id IS NOT NULL ORDER BY decided_at, id"),
        {"o": owner_id},
    )
    for person_id, verdict, decided_at, until in rows:
        latest[int(person_id)] = (verdict, iso_date(decided_at), iso_date(until))
    return latest


def compute_states(
    conn: Connection,
    owner_id: int,
    *,
    settings: Settings | None = None,
    today: date | None = None,
    person_ids: Collection[int] | None = None,
    hist: History | None = None,
    reasons: bool = True,
) -> dict[int, Verdict]:
    """The state of every connection of the owner (connected or removed), keyed by person id, in
    person id order. Each reason is written the first time it is read; ``reasons=False`` leaves them empty.
    """
    settings = settings or settings_mod.load(conn, owner_id)
    today = today or clock.today()
    if hist is None:
        hist = load_history(conn, owner_id, today=today, person_ids=person_ids)
    elif person_ids is not None:
        hist = subset(hist, person_ids)
    rules = Rules.from_settings(settings)
    fa = fact_arrays(hist, rules.attempt_gap_days, rules.answer_window_days)
    return judge_all(hist, fa, read_connections(conn, owner_id, person_ids), today=today, rules=rules,
                     tags=tags_by_person(conn, owner_id), prunes=prune_decisions(conn, owner_id), reasons=reasons)


def judge(events: Sequence[Event], *, today: date, settings: Settings | Rules, connected_on: date | None = None,
          removed_on: date | None = None, removed: bool = False, prune: Prune | None = None,
          tags: tuple[str, ...] = (), person_id: int = 1) -> Verdict:
    """One connection's verdict from its events, through the same rule as everyone's (a one-person history).

    For tests, previews and anything that has a history in hand rather than in the database.
    """
    rules = settings if isinstance(settings, Rules) else Rules.from_settings(settings)
    until = clock.day_start_ts(today) + 86_400
    hist = from_events({person_id: [e for e in events if e.at < until]})
    conns = Connections(
        person_ids=np.array([person_id], dtype=np.int64),
        connected=np.array([date_to_day(connected_on) if connected_on else 0], dtype=np.int64),
        has_connected=np.array([connected_on is not None]),
        removed=np.array([removed]),
        removed_on={person_id: removed_on.isoformat() if removed_on else None} if removed else {},
    )
    fa = fact_arrays(hist, rules.attempt_gap_days, rules.answer_window_days)
    return judge_all(hist, fa, conns, today=today, rules=rules, tags={person_id: tags} if tags else {},
                     prunes={person_id: prune} if prune else {})[person_id]


def state_of(conn: Connection, owner_id: int, person_id: int, *, settings: Settings | None = None,
             today: date | None = None) -> Verdict:
    """The state of one connection; NotFound when the person is not (or no longer) a connection."""
    found = compute_states(conn, owner_id, settings=settings, today=today, person_ids=[person_id])
    if person_id not in found:
        raise NotFound("that person is not one of your connections")
    return found[person_id]


def count_by_state(verdicts: dict[int, Verdict]) -> dict[str, int]:
    counts = dict.fromkeys(STATES, 0)
    for v in verdicts.values():
        counts[v.state] += 1
    return counts
