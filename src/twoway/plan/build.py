"""The weekly plan for one owner: its inputs loaded from the database, then the pure core.

:func:`build_week` reads states, strengths (only where they can change the plan), new roles,
snoozes and who accepted the owner's invitations, asks :func:`twoway.plan.select.select_week` whom
to plan, then fills in names and drafts.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, text

from twoway import clock, history
from twoway import settings as settings_mod
from twoway.errors import InputError
from twoway.plan.drafts import contexts_for, render
from twoway.plan.items import JobChange, PlanPerson, VerdictLike, WeekPlan
from twoway.plan.select import BATCH_NAMED, finish, select_week, week_start_of
from twoway.settings import Settings
from twoway.states import compute_states
from twoway.store.batches import rows_for_ids
from twoway.strength import compute_strengths


def build_week(
    conn: Connection,
    owner_id: int,
    *,
    week_of: date | None = None,
    settings: Settings | None = None,
    today: date | None = None,
    with_drafts: bool = True,
    all_items: bool = False,
) -> WeekPlan:
    """The plan for the week holding ``week_of`` (default: this week), with names and drafts; ``all_items``
    lists everything the budget would leave waiting too.

    States are judged as of today for this week, and as of the week's Monday for any other week,
    so planning next week sees retries that fall due by then and a past week replays faithfully.
    """
    settings = settings or settings_mod.load(conn, owner_id)
    today = today or clock.today()
    week_start = week_start_of(clock.checked_day(week_of, "week_of") if week_of else today)
    as_of = today if week_start <= today <= week_start + timedelta(days=6) else week_start
    hist = history.load_history(conn, owner_id, today=as_of)  # read once, judged twice
    verdicts = compute_states(conn, owner_id, settings=settings, today=as_of, hist=hist)

    def strengths(ids: Collection[int]) -> Mapping[int, Any]:
        return compute_strengths(conn, owner_id, settings=settings, today=as_of, hist=hist, person_ids=ids)

    changes = job_changes(conn, owner_id, verdicts, as_of=as_of,
                          within_days=int(settings.congratulate_within_days))
    plan = select_week(
        verdicts, strengths, settings, week_start, today=today, job_changes=changes,
        snoozed={**snoozes(conn, owner_id), **soured(conn, owner_id)},
        invited_by_owner=_invited_by_owner(conn, owner_id),
        empty_profiles=_empty_profiles(conn, owner_id), all_items=all_items,
    )
    ids = [item.person_id for item in plan.items]
    # A grouped item names its strongest few.
    people = _people(conn, ids + [m for item in plan.items for m in item.members[:BATCH_NAMED]])
    contexts = None
    if with_drafts:
        contexts = contexts_for(conn, owner_id, ids,
                                new_jobs={pid: (c.company, c.position) for pid, c in changes.items()})
    return finish(plan, people, contexts=contexts, with_drafts=with_drafts, job_changes=changes,
                  verdicts=verdicts)


def draft_for(conn: Connection, owner_id: int, person_id: int, kind: str, *, today: date | None = None) -> str:
    """One ``kind`` draft for one person, filled as the plan would (a known new role included)."""
    new_jobs: dict[int, tuple[str, str]] = {}
    if kind == "congratulate":
        verdicts = compute_states(conn, owner_id, today=today, person_ids=[person_id])
        changes = job_changes(conn, owner_id, verdicts, as_of=today or clock.today(), within_days=3650)
        new_jobs = {pid: (c.company, c.position) for pid, c in changes.items()}
    context = contexts_for(conn, owner_id, [person_id], new_jobs=new_jobs)[person_id]
    return render(kind, context)


def job_changes(
    conn: Connection, owner_id: int, verdicts: Mapping[int, VerdictLike], *, as_of: date, within_days: int
) -> dict[int, JobChange]:
    """New roles first seen within ``within_days`` that no outgoing message has answered yet."""
    rows = conn.execute(
        text(
            "SELECT j.person_id, j.company, j.position, j.first_seen FROM jobs j "
            "JOIN connections c ON c.person_id = j.person_id AND c.owner_id = :o AND c.status = 'connected' "
            "WHERE j.owner_id = :o AND j.person_id IN "
            "(SELECT person_id FROM jobs WHERE owner_id = :o GROUP BY person_id HAVING COUNT(*) >= 2) "
            "ORDER BY j.person_id, j.first_seen, j.id"
        ),
        {"o": owner_id},
    ).all()
    by_person: dict[int, list[tuple[str, str, date]]] = {}
    for pid, company, position, first_seen in rows:
        seen = clock.iso_date(first_seen)
        if seen is not None:
            by_person.setdefault(int(pid), []).append((company or "", position or "", seen))
    horizon = as_of - timedelta(days=within_days)
    out: dict[int, JobChange] = {}
    for pid, jobs in by_person.items():
        (old_company, old_position, first), (company, position, seen) = jobs[-2], jobs[-1]
        if seen <= first or seen < horizon or seen > as_of:
            continue  # both rows came from the same export: no change seen between exports
        v = verdicts.get(pid)
        if v is None or (v.last_out is not None and v.last_out >= seen):
            continue  # already written to since the change
        out[pid] = JobChange(pid, company, position, seen, old_company, old_position)
    return out


def _empty_profiles(conn: Connection, owner_id: int) -> set[int]:
    """Connections whose profile says nothing: no company and no position."""
    rows = conn.execute(text(
        "SELECT p.id FROM connections c JOIN people p ON p.id = c.person_id WHERE c.owner_id = :o "
        "AND COALESCE(p.company, '') = '' AND COALESCE(p.position, '') = ''"), {"o": owner_id})
    return {int(r[0]) for r in rows}


def soured(conn: Connection, owner_id: int) -> dict[int, date]:
    """Relationships the owner marked as soured (and not mended since): out of the plan for good."""
    latest: dict[int, str] = {}
    for pid, verdict in conn.execute(
        text("SELECT person_id, verdict FROM decisions WHERE owner_id = :o AND subject = 'relationship' "
             "AND person_id IS NOT NULL ORDER BY decided_at, id"), {"o": owner_id}):
        latest[int(pid)] = verdict
    return {pid: date.max for pid, verdict in latest.items() if verdict == "soured"}


def snoozes(conn: Connection, owner_id: int) -> dict[int, date]:
    """Snoozed people and the day they come back (the latest snooze decision per person)."""
    latest: dict[int, date | None] = {}
    for pid, verdict, until in conn.execute(
        text("SELECT person_id, verdict, until FROM decisions WHERE owner_id = :o AND subject = 'snooze' "
             "AND person_id IS NOT NULL ORDER BY decided_at, id"),
        {"o": owner_id},
    ):
        latest[int(pid)] = clock.iso_date(until) if verdict == "snooze" else None
    return {pid: until for pid, until in latest.items() if until is not None}


def snooze(
    conn: Connection, owner_id: int, person_id: int, until: date | None, *, note: str | None = None,
    today: date | None = None,
) -> None:
    """Keep a person out of the plan until ``until`` (None wakes them now)."""
    today = today or clock.today()
    if until is not None and until <= today:
        raise InputError(f"--until must be after today ({today.isoformat()}); {until.isoformat()} is not")
    conn.execute(
        text("INSERT INTO decisions (owner_id, person_id, subject, verdict, until, note, decided_at) "
             "VALUES (:o, :p, 'snooze', :v, :u, :n, :t)"),
        {"o": owner_id, "p": person_id, "v": "snooze" if until else "wake",
         "u": until.isoformat() if until else None, "n": note, "t": clock.now().isoformat(timespec="seconds")},
    )


def _invited_by_owner(conn: Connection, owner_id: int) -> set[int]:
    return {int(pid) for (pid,) in conn.execute(
        text("SELECT DISTINCT person_id FROM invitations WHERE owner_id = :o AND direction = 'out' "
             "AND person_id IS NOT NULL"),
        {"o": owner_id},
    )}


def _people(conn: Connection, ids: list[int]) -> dict[int, PlanPerson]:
    out: dict[int, PlanPerson] = {}
    for pid, full, first, company, position, url in rows_for_ids(
        conn, "SELECT id, full_name, first_name, company, position, url FROM people WHERE id IN :ids", ids
    ):
        out[int(pid)] = PlanPerson(int(pid), full, first or None, company or None, position or None, url)
    return out
