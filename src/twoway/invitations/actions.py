"""What the owner records by hand: invitations the export does not show, withdrawals, decisions.

These sit apart from the imported rows and win over them: a decision overrides the triage's
recommendation, a withdrawal closes a pending invitation and starts the re-invite block.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from twoway import clock
from twoway import settings as settings_mod
from twoway.errors import Conflict, InputError, NotFound
from twoway.invitations.budget import reinvite_blocked_until, weekly_budget
from twoway.invitations.records import ACCEPTED, EXPIRED, PENDING, VERDICTS, Invitation, get, list_invitations
from twoway.people import owners


@dataclass(frozen=True)
class Logged:
    """The result of recording an invitation by hand: the invitation and anything worth knowing."""

    invitation: Invitation
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"invitation": self.invitation.to_dict(), "warnings": list(self.warnings)}


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
    s = settings or settings_mod.load(conn, owner_id)
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
    person, owner = _person_name(conn, person_id), owners.get(conn, owner_id).name
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
    s = settings or settings_mod.load(conn, owner_id)
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
