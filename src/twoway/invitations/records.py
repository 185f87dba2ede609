"""Invitations sent and received: what became of each, and what the owner logs by hand.

The export says only who invited whom, when, and with what note. Everything else is derived:
an invitation is *accepted* when its counterpart became a connection on or after the day it was
sent (and before it was withdrawn); an incoming one the owner decided to ignore is *ignored*; a
withdrawn outgoing one is *withdrawn*; anything still open after ``invite_expire_days`` has
*probably expired* (LinkedIn expires invitations silently after about six months). The rest are
*pending*. Decisions and withdrawals the owner records are kept apart from the import and win.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, text

from twoway import clock
from twoway import settings as settings_mod
from twoway.errors import Conflict, InputError, NotFound

PENDING, ACCEPTED, IGNORED, WITHDRAWN, EXPIRED = "pending", "accepted", "ignored", "withdrawn", "expired"
STATUSES = (PENDING, ACCEPTED, IGNORED, WITHDRAWN, EXPIRED)
VERDICTS = ("accept", "ignore")
# A hand-logged invitation this close to an imported one for the same person is the same invitation.
_SAME_INVITATION_DAYS = 3


@dataclass(frozen=True)
class Invitation:
    id: int
    owner_id: int
    person_id: int | None
    direction: str  # 'in' | 'out'
    sent_at: int
    sent_on: date
    counterpart: str
    message: str | None
    origin: str
    withdrawn_on: date | None
    connected_on: date | None
    status: str
    age_days: int
    decision: str | None = None
    person_url: str | None = None
    company: str | None = None
    position: str | None = None

    @property
    def has_note(self) -> bool:
        return bool(self.message and self.message.strip())

    def to_dict(self) -> dict[str, Any]:
        # Built by hand: dataclasses.asdict deep-copies every field and dominated the listing's time.
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        for key in ("sent_on", "withdrawn_on", "connected_on"):
            value = data[key]
            data[key] = value.isoformat() if value else None
        return data


@dataclass(frozen=True)
class Budget:
    """Outgoing invitations in the 7 days ending today against the weekly budget."""

    used: int
    limit: int
    warn_at: int
    window_start: date
    window_end: date

    @property
    def remaining(self) -> int:
        return max(0, self.limit - self.used)

    @property
    def level(self) -> str:
        if self.used >= self.limit:
            return "over"
        if self.used >= self.warn_at:
            return "near"
        return "ok"

    def message(self) -> str:
        base = f"{self.used} of {self.limit} invitations used in the 7 days to {self.window_end.isoformat()}"
        if self.level == "over":
            return base + ": the weekly budget is spent; LinkedIn may restrict further invitations"
        if self.level == "near":
            return base + f": close to the weekly budget ({self.remaining} left)"
        return base

    def to_dict(self) -> dict[str, Any]:
        return {
            "used": self.used, "limit": self.limit, "warn_at": self.warn_at, "remaining": self.remaining,
            "level": self.level, "window_start": self.window_start.isoformat(),
            "window_end": self.window_end.isoformat(), "message": self.message(),
        }


@dataclass(frozen=True)
class Logged:
    """The result of recording an invitation by hand: the invitation and anything worth knowing."""

    invitation: Invitation
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"invitation": self.invitation.to_dict(), "warnings": list(self.warnings)}


def status_of(
    direction: str,
    sent_on: date,
    connected_on: date | None,
    connected: bool,
    withdrawn_on: date | None,
    decision: str | None,
    today: date,
    expire_days: int,
) -> str:
    """The one rule for an invitation's status (see the module docstring)."""
    if connected and (connected_on is None or connected_on >= sent_on):
        before_withdrawal = withdrawn_on is None or connected_on is None or connected_on <= withdrawn_on
        if direction == "in" or before_withdrawal:
            return ACCEPTED
    if direction == "out" and withdrawn_on is not None:
        return WITHDRAWN
    if direction == "in" and decision == "ignore":
        return IGNORED
    if direction == "in" and decision == "accept":
        return ACCEPTED  # the owner accepted it on LinkedIn; the next export will show the connection
    if (today - sent_on).days > expire_days:
        return EXPIRED
    return PENDING


_SELECT = """
SELECT i.id, i.owner_id, i.person_id, i.direction, i.sent_at, i.from_name, i.to_name, i.message, i.origin,
       i.withdrawn_on, c.connected_on, c.id AS connection_id, p.full_name, p.url, p.company, p.position
FROM invitations i
LEFT JOIN connections c ON c.owner_id = i.owner_id AND c.person_id = i.person_id
LEFT JOIN people p ON p.id = i.person_id
WHERE i.owner_id = :owner
"""


def latest_decisions(conn: Connection, owner_id: int) -> dict[int, str]:
    """invitation id → the owner's latest verdict on it."""
    rows = conn.execute(
        text(
            "SELECT invitation_id, verdict FROM decisions WHERE owner_id = :owner AND subject = 'invitation' "
            "AND invitation_id IS NOT NULL ORDER BY decided_at, id"
        ),
        {"owner": owner_id},
    )
    return {int(inv_id): verdict for inv_id, verdict in rows}


def list_invitations(
    conn: Connection,
    owner_id: int,
    *,
    direction: str | None = None,
    statuses: Iterable[str] | None = None,
    person_id: int | None = None,
    settings: settings_mod.Settings | None = None,
    today: date | None = None,
) -> list[Invitation]:
    """Every invitation of this owner with its status, newest first."""
    s = settings or settings_mod.load(conn)
    day = today or clock.today()
    sql = _SELECT
    params: dict[str, Any] = {"owner": owner_id}
    if direction is not None:
        if direction not in ("in", "out"):
            raise InputError(f"direction must be 'in' or 'out', not {direction!r}")
        sql += " AND i.direction = :direction"
        params["direction"] = direction
    if person_id is not None:
        sql += " AND i.person_id = :person"
        params["person"] = person_id
    sql += " ORDER BY i.sent_at DESC, i.id DESC"
    decisions = latest_decisions(conn, owner_id)
    rows = conn.execute(text(sql), params)
    result = [_build(row, decisions.get(int(row.id)), day, s.invite_expire_days) for row in rows]
    result = _without_duplicates(result)
    if statuses is not None:
        wanted = set(statuses)
        result = [inv for inv in result if inv.status in wanted]
    return result


def get(conn: Connection, owner_id: int, invitation_id: int, *, today: date | None = None) -> Invitation:
    """One invitation by id, even a hand-logged one the import has since brought again."""
    s = settings_mod.load(conn)
    row = conn.execute(text(_SELECT + " AND i.id = :id"), {"owner": owner_id, "id": invitation_id}).first()
    if row is None:
        raise NotFound(f"no invitation #{invitation_id}")
    decision = latest_decisions(conn, owner_id).get(invitation_id)
    return _build(row, decision, today or clock.today(), s.invite_expire_days)


def _build(row: Any, decision: str | None, today: date, expire_days: int) -> Invitation:
    sent_on = clock.ts_to_date(int(row.sent_at))
    connected_on = _date(row.connected_on)
    withdrawn_on = _date(row.withdrawn_on)
    connected = row.connection_id is not None
    name = (row.to_name if row.direction == "out" else row.from_name) or row.full_name or "(unknown)"
    return Invitation(
        id=int(row.id), owner_id=int(row.owner_id), person_id=None if row.person_id is None else int(row.person_id),
        direction=row.direction, sent_at=int(row.sent_at), sent_on=sent_on, counterpart=name, message=row.message,
        origin=row.origin, withdrawn_on=withdrawn_on, connected_on=connected_on,
        status=status_of(row.direction, sent_on, connected_on, connected, withdrawn_on, decision, today, expire_days),
        age_days=(today - sent_on).days, decision=decision, person_url=row.url, company=row.company,
        position=row.position,
    )


def _date(value: Any) -> date | None:
    if not value:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _without_duplicates(invitations: list[Invitation]) -> list[Invitation]:
    """Drop a hand-logged invitation once the import brings the same one (the import is the record)."""
    imported: dict[tuple[int, str], list[date]] = {}
    for inv in invitations:
        if inv.origin != "manual" and inv.person_id is not None:
            imported.setdefault((inv.person_id, inv.direction), []).append(inv.sent_on)
    kept = []
    for inv in invitations:
        if inv.origin == "manual" and inv.person_id is not None:
            days = imported.get((inv.person_id, inv.direction), [])
            if any(abs((d - inv.sent_on).days) <= _SAME_INVITATION_DAYS for d in days):
                continue
        kept.append(inv)
    return kept


# --- the weekly budget and the re-invite block -------------------------------------------------


def weekly_budget(
    conn: Connection, owner_id: int, *, settings: settings_mod.Settings | None = None, today: date | None = None
) -> Budget:
    """Outgoing invitations (imported and logged) sent in the 7 days ending today."""
    s = settings or settings_mod.load(conn)
    day = today or clock.today()
    start = day - timedelta(days=6)
    rows = conn.execute(
        text(
            "SELECT person_id, sent_at, origin FROM invitations WHERE owner_id = :owner AND direction = 'out' "
            "AND sent_at >= :lo AND sent_at < :hi"
        ),
        {"owner": owner_id, "lo": clock.day_start_ts(start), "hi": clock.day_start_ts(day + timedelta(days=1))},
    ).all()
    imported = {(r.person_id, clock.ts_to_date(int(r.sent_at))) for r in rows if r.origin != "manual"}
    used = 0
    for r in rows:
        sent_on = clock.ts_to_date(int(r.sent_at))
        if r.origin == "manual" and r.person_id is not None and any(
            (r.person_id, sent_on + timedelta(days=k)) in imported
            for k in range(-_SAME_INVITATION_DAYS, _SAME_INVITATION_DAYS + 1)
        ):
            continue
        used += 1
    limit = int(s.invite_weekly_budget)
    warn_at = max(1, int(limit * float(s.invite_budget_warn_share) + 0.999999))
    return Budget(used=used, limit=limit, warn_at=min(warn_at, limit), window_start=start, window_end=day)


def reinvite_blocked_until(
    conn: Connection,
    owner_id: int,
    person_id: int,
    *,
    settings: settings_mod.Settings | None = None,
    today: date | None = None,
) -> date | None:
    """The first day the person may be invited again after a withdrawal, if that day is still ahead."""
    s = settings or settings_mod.load(conn)
    day = today or clock.today()
    rows = conn.execute(
        text(
            "SELECT withdrawn_on FROM invitations WHERE owner_id = :owner AND person_id = :person "
            "AND direction = 'out' AND withdrawn_on IS NOT NULL"
        ),
        {"owner": owner_id, "person": person_id},
    )
    withdrawals = [d for d in (_date(r[0]) for r in rows) if d is not None]
    if not withdrawals:
        return None
    free_on = max(withdrawals) + timedelta(days=int(s.invite_reinvite_block_days))
    return free_on if day < free_on else None


# --- what the owner records by hand ---------------------------------------------------------------


def _is_connected(conn: Connection, owner_id: int, person_id: int) -> bool:
    row = conn.execute(
        text("SELECT status FROM connections WHERE owner_id = :owner AND person_id = :person"),
        {"owner": owner_id, "person": person_id},
    ).first()
    return row is not None and row[0] == "connected"


def _person_name(conn: Connection, person_id: int) -> str:
    row = conn.execute(text("SELECT full_name FROM people WHERE id = :id"), {"id": person_id}).first()
    if row is None:
        raise NotFound(f"no person #{person_id}")
    return str(row[0])


def _owner_name(conn: Connection, owner_id: int) -> str:
    row = conn.execute(text("SELECT name FROM owners WHERE id = :id"), {"id": owner_id}).first()
    if row is None:
        raise NotFound(f"no owner with id {owner_id}")
    return str(row[0])


def log_invitation(
    conn: Connection,
    owner_id: int,
    person_id: int,
    direction: str,
    *,
    on: date | None = None,
    note: str | None = None,
    settings: settings_mod.Settings | None = None,
    today: date | None = None,
) -> Logged:
    """Record an invitation that happened outside the export (sent ``out`` or received ``in``)."""
    if direction not in ("in", "out"):
        raise InputError(f"direction must be 'in' or 'out', not {direction!r}")
    s = settings or settings_mod.load(conn)
    day = today or clock.today()
    when = on or day
    if when > day:
        raise InputError(f"{when.isoformat()} is in the future; an invitation is logged once it is sent")
    note = (note or "").strip() or None
    fingerprint = f"manual:{direction}:{person_id}:{when.isoformat()}"
    exists = conn.execute(
        text("SELECT id FROM invitations WHERE owner_id = :owner AND fingerprint = :fp"),
        {"owner": owner_id, "fp": fingerprint},
    ).first()
    if exists is not None:
        raise Conflict(f"an invitation {'to' if direction == 'out' else 'from'} this person on "
                       f"{when.isoformat()} is already logged (#{exists[0]})")
    warnings = _sending_warnings(conn, owner_id, person_id, s, day) if direction == "out" else []
    person, owner = _person_name(conn, person_id), _owner_name(conn, owner_id)
    # Noon keeps the date the owner gave in any time zone the reports are read in.
    if on is not None:
        sent_at = clock.day_start_ts(when) + 12 * 3600
    else:
        sent_at = min(clock.now_ts(), clock.day_start_ts(day) + 86399)
    conn.execute(
        text(
            "INSERT INTO invitations (owner_id, person_id, direction, sent_at, from_name, to_name, message, origin, "
            "fingerprint) VALUES (:owner, :person, :direction, :sent_at, :from_name, :to_name, :message, 'manual', :fp)"
        ),
        {
            "owner": owner_id, "person": person_id, "direction": direction, "sent_at": sent_at,
            "from_name": owner if direction == "out" else person, "to_name": person if direction == "out" else owner,
            "message": note, "fp": fingerprint,
        },
    )
    new_id = conn.execute(
        text("SELECT id FROM invitations WHERE owner_id = :owner AND fingerprint = :fp"),
        {"owner": owner_id, "fp": fingerprint},
    ).scalar_one()
    if direction == "out":
        after = weekly_budget(conn, owner_id, settings=s, today=day)
        if after.level != "ok" and when >= after.window_start:
            warnings.append(after.message())
    return Logged(get(conn, owner_id, int(new_id), today=day), warnings)


def _sending_warnings(
    conn: Connection, owner_id: int, person_id: int, s: settings_mod.Settings, day: date
) -> list[str]:
    """What the owner should know before (or right after) inviting this person."""
    warnings: list[str] = []
    if _is_connected(conn, owner_id, person_id):
        warnings.append("already a connection")
    blocked = reinvite_blocked_until(conn, owner_id, person_id, settings=s, today=day)
    if blocked is not None:
        warnings.append(f"a withdrawn invitation blocks re-inviting this person until {blocked.isoformat()}")
    pending = list_invitations(conn, owner_id, direction="out", statuses=[PENDING], person_id=person_id,
                               settings=s, today=day)
    if pending:
        warnings.append(f"an invitation sent on {pending[0].sent_on.isoformat()} is still pending")
    return warnings


def sending_warnings(
    conn: Connection,
    owner_id: int,
    person_id: int,
    *,
    settings: settings_mod.Settings | None = None,
    today: date | None = None,
) -> list[str]:
    """Warnings before inviting someone: connected already, blocked after a withdrawal, pending, budget."""
    s = settings or settings_mod.load(conn)
    day = today or clock.today()
    warnings = _sending_warnings(conn, owner_id, person_id, s, day)
    budget = weekly_budget(conn, owner_id, settings=s, today=day)
    if budget.level != "ok":
        warnings.append(budget.message())
    return warnings


def withdraw(
    conn: Connection, owner_id: int, person_id: int, *, on: date | None = None, today: date | None = None
) -> Invitation:
    """Mark the newest open invitation to this person as withdrawn (on LinkedIn, by the owner)."""
    day = today or clock.today()
    when = on or day
    if when > day:
        raise InputError(f"{when.isoformat()} is in the future")
    sent = list_invitations(conn, owner_id, direction="out", person_id=person_id, today=day)
    if not sent:
        raise NotFound(f"no invitation to {_person_name(conn, person_id)} is recorded; nothing to withdraw")
    open_ = [inv for inv in sent if inv.status in (PENDING, EXPIRED)]
    if not open_:
        latest = sent[0]
        raise Conflict(f"the invitation to {latest.counterpart} of {latest.sent_on.isoformat()} is {latest.status}; "
                       "there is nothing open to withdraw")
    target = open_[0]
    if when < target.sent_on:
        raise InputError(f"{when.isoformat()} is before the invitation was sent ({target.sent_on.isoformat()})")
    conn.execute(text("UPDATE invitations SET withdrawn_on = :d WHERE id = :id"),
                 {"d": when.isoformat(), "id": target.id})
    return get(conn, owner_id, target.id, today=day)


def decide(
    conn: Connection,
    owner_id: int,
    person_id: int,
    verdict: str,
    *,
    note: str | None = None,
    today: date | None = None,
) -> Invitation:
    """Remember the owner's verdict (accept, ignore, or clear to forget it) on this person's newest invitation."""
    if verdict not in (*VERDICTS, "clear"):
        raise InputError(f"the decision must be accept, ignore or clear, not {verdict!r}")
    day = today or clock.today()
    received = list_invitations(conn, owner_id, direction="in", person_id=person_id, today=day)
    if not received:
        raise NotFound(f"no invitation from {_person_name(conn, person_id)} is recorded")
    undecided = [inv for inv in received if inv.status != ACCEPTED or inv.decision is not None]
    if not undecided:
        raise Conflict(f"{received[0].counterpart} is already a connection; there is nothing to decide")
    target = undecided[0]
    if verdict == "clear":
        conn.execute(
            text("DELETE FROM decisions WHERE owner_id = :owner AND subject = 'invitation' AND invitation_id = :id"),
            {"owner": owner_id, "id": target.id},
        )
    else:
        conn.execute(
            text(
                "INSERT INTO decisions (owner_id, person_id, invitation_id, subject, verdict, note, decided_at) "
                "VALUES (:owner, :person, :id, 'invitation', :verdict, :note, :at)"
            ),
            {"owner": owner_id, "person": person_id, "id": target.id, "verdict": verdict, "note": note,
             "at": clock.now().isoformat(timespec="seconds")},
        )
    return get(conn, owner_id, target.id, today=day)


def recently_accepted(conn: Connection, owner_id: int, *, since: date) -> dict[int, Invitation]:
    """person id → the outgoing invitation they accepted, for acceptances on or after ``since``.

    The weekly plan calls this to schedule a thank-you and a follow-up for each.
    """
    found: dict[int, Invitation] = {}
    for inv in list_invitations(conn, owner_id, direction="out", statuses=[ACCEPTED]):
        if inv.person_id is None or inv.connected_on is None or inv.connected_on < since:
            continue
        found.setdefault(inv.person_id, inv)  # newest first, so the newest accepted invitation wins
    return found
