"""What limits sending: the weekly budget of invitations and the block after a withdrawal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, text

from twoway import clock
from twoway import settings as settings_mod
from twoway.invitations.records import brought_by_import, imported_days


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


def weekly_budget(
    conn: Connection, owner_id: int, *, settings: settings_mod.Settings | None = None, today: date | None = None
) -> Budget:
    """Outgoing invitations (imported and logged) sent in the 7 days ending today."""
    s = settings or settings_mod.load(conn, owner_id)
    day = today or clock.today()
    start = day - timedelta(days=6)
    rows = conn.execute(
        text(
            "SELECT person_id, sent_at, origin FROM invitations WHERE owner_id = :owner AND direction = 'out' "
            "AND sent_at >= :lo AND sent_at < :hi"
        ),
        {"owner": owner_id, "lo": clock.day_start_ts(start), "hi": clock.day_start_ts(day + timedelta(days=1))},
    ).all()
    sent = [(r.origin, r.person_id, "out", clock.ts_to_date(int(r.sent_at))) for r in rows]
    imported = imported_days(sent)
    used = sum(1 for one in sent if not brought_by_import(*one, imported))
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
    s = settings or settings_mod.load(conn, owner_id)
    day = today or clock.today()
    rows = conn.execute(
        text(
            "SELECT withdrawn_on FROM invitations WHERE owner_id = :owner AND person_id = :person "
            "AND direction = 'out' AND withdrawn_on IS NOT NULL"
        ),
        {"owner": owner_id, "person": person_id},
    )
    withdrawals = [d for d in (clock.iso_date(r[0]) for r in rows) if d is not None]
    if not withdrawals:
        return None
    free_on = max(withdrawals) + timedelta(days=int(s.invite_reinvite_block_days))
    return free_on if day < free_on else None
