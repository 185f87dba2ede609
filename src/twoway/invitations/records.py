"""What became of each invitation: the status rule and the listings built on it.

The export says only who invited whom, when, and with what note. Everything else is derived:
an invitation is *accepted* when its counterpart became a connection on or after the day it was
sent (and before it was withdrawn); an incoming one the owner decided to ignore is *ignored*; a
withdrawn outgoing one is *withdrawn*; anything still open after ``invite_expire_days`` has
*probably expired* (LinkedIn expires invitations silently after about six months). The rest are
*pending*. Decisions and withdrawals the owner records are kept apart from the import and win
(see :mod:`twoway.invitations.actions`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import Connection, Row, text

from twoway import clock
from twoway import settings as settings_mod
from twoway.errors import InputError, NotFound

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
    s = settings or settings_mod.load(conn, owner_id)
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
    s = settings_mod.load(conn, owner_id)
    row = conn.execute(text(_SELECT + " AND i.id = :id"), {"owner": owner_id, "id": invitation_id}).first()
    if row is None:
        raise NotFound(f"no invitation #{invitation_id}")
    decision = latest_decisions(conn, owner_id).get(invitation_id)
    return _build(row, decision, today or clock.today(), s.invite_expire_days)


def _build(row: Row[*tuple[Any, ...]], decision: str | None, today: date, expire_days: int) -> Invitation:
    sent_on = clock.ts_to_date(int(row.sent_at))
    connected_on = clock.iso_date(row.connected_on)
    withdrawn_on = clock.iso_date(row.withdrawn_on)
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


def imported_days(seen: Iterable[tuple[str, int | None, str, date]]) -> dict[tuple[int, str], list[date]]:
    """(person id, direction) → the days imported invitations were sent, from (origin, person, direction, day)."""
    days: dict[tuple[int, str], list[date]] = {}
    for origin, person_id, direction, sent_on in seen:
        if origin != "manual" and person_id is not None:
            days.setdefault((person_id, direction), []).append(sent_on)
    return days


def brought_by_import(
    origin: str, person_id: int | None, direction: str, sent_on: date, imported: Mapping[tuple[int, str], list[date]]
) -> bool:
    """Whether a hand-logged invitation is one a later import brought too (the import is then the record)."""
    if origin != "manual" or person_id is None:
        return False
    days = imported.get((person_id, direction), ())
    return any(abs((d - sent_on).days) <= _SAME_INVITATION_DAYS for d in days)


def _without_duplicates(invitations: list[Invitation]) -> list[Invitation]:
    """Drop a hand-logged invitation once the import brings the same one."""
    imported = imported_days((inv.origin, inv.person_id, inv.direction, inv.sent_on) for inv in invitations)
    return [inv for inv in invitations
            if not brought_by_import(inv.origin, inv.person_id, inv.direction, inv.sent_on, imported)]


def recently_accepted(conn: Connection, owner_id: int, *, since: date) -> dict[int, Invitation]:
    """person id → the outgoing invitation they accepted, for acceptances on or after ``since``."""
    found: dict[int, Invitation] = {}
    for inv in list_invitations(conn, owner_id, direction="out", statuses=[ACCEPTED]):
        if inv.person_id is None or inv.connected_on is None or inv.connected_on < since:
            continue
        found.setdefault(inv.person_id, inv)  # newest first, so the newest accepted invitation wins
    return found
