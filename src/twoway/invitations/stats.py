"""What works with invitations: acceptance of personalised and blank notes, time to accept, per month,
incoming invitations accepted and then never followed up ("accepted, then silent"), and the owner's own
acceptance of the invitations they received, by kind of note (:mod:`twoway.invitations.history`).

A note counts as personalised when it is there and is not LinkedIn's default text; the default text
and no note at all count as blank. Rates are accepted / sent; ``settled_rate`` leaves out invitations
still pending, which may yet be accepted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import mean, median
from typing import Any

from sqlalchemy import Connection

from twoway import clock
from twoway import settings as settings_mod
from twoway.invitations import budget as budgets
from twoway.invitations import history, records
from twoway.invitations.records import Invitation
from twoway.reading.notes import is_default_text
from twoway.store.batches import rows_for_ids

PERSONALISED, BLANK = "personalised", "blank"


def note_group(inv: Invitation) -> str:
    return PERSONALISED if inv.has_note and not is_default_text(inv.message) else BLANK


def days_to_accept(inv: Invitation) -> int | None:
    if inv.status != records.ACCEPTED or inv.connected_on is None:
        return None
    return max(0, (inv.connected_on - inv.sent_on).days)


@dataclass
class _Tally:
    sent: int = 0
    accepted: int = 0
    pending: int = 0
    withdrawn: int = 0
    expired: int = 0

    def add(self, inv: Invitation) -> None:
        self.sent += 1
        if inv.status == records.ACCEPTED:
            self.accepted += 1
        elif inv.status == records.PENDING:
            self.pending += 1
        elif inv.status == records.WITHDRAWN:
            self.withdrawn += 1
        elif inv.status == records.EXPIRED:
            self.expired += 1

    def to_dict(self, days: list[int]) -> dict[str, Any]:
        settled = self.sent - self.pending
        return {
            "sent": self.sent, "accepted": self.accepted, "pending": self.pending, "withdrawn": self.withdrawn,
            "expired": self.expired,
            "rate": round(self.accepted / self.sent, 4) if self.sent else None,
            "settled_rate": round(self.accepted / settled, 4) if settled else None,
            "median_days_to_accept": float(median(days)) if days else None,
            "mean_days_to_accept": round(mean(days), 1) if days else None,
        }


def _peak_week(sent_days: list[date]) -> tuple[int, date | None]:
    """The most invitations sent in any 7 consecutive days, and the last day of that window."""
    per_day = Counter(sent_days)
    best, best_end = 0, None
    for end in per_day:
        total = sum(per_day.get(end - timedelta(days=k), 0) for k in range(7))
        if total > best or (total == best and best_end is not None and end > best_end):
            best, best_end = total, end
    return best, best_end


def accepted_then_silent(
    conn: Connection,
    owner_id: int,
    *,
    settings: settings_mod.Settings | None = None,
    today: date | None = None,
) -> list[dict[str, Any]]:
    """Incoming invitations the owner accepted and never wrote to afterwards, oldest acceptance first.

    Acceptances within ``new_connection_days`` are left out: those are still new, and the weekly plan
    asks for their thank-you.
    """
    s = settings or settings_mod.load(conn, owner_id)
    day = today or clock.today()
    received = records.list_invitations(conn, owner_id, direction="in", statuses=[records.ACCEPTED],
                                            settings=s, today=day)
    latest: dict[int, tuple[Invitation, date]] = {}
    for inv in received:
        if inv.person_id is None:
            continue
        on = inv.connected_on or inv.sent_on
        if (day - on).days > int(s.new_connection_days) and inv.person_id not in latest:
            latest[inv.person_id] = (inv, on)
    wrote: dict[int, int] = {}
    ids = sorted(latest)
    rows = rows_for_ids(conn, "SELECT person_id, MAX(at) FROM interactions WHERE owner_id = :o AND direction = 'out' "
                        "AND person_id IN :ids GROUP BY person_id", ids, {"o": owner_id})
    wrote.update({int(pid): int(at) for pid, at in rows})
    silent = [
        {"person_id": pid, "name": inv.counterpart, "accepted_on": on.isoformat(), "days_since": (day - on).days,
         "invitation_id": inv.id, "had_note": inv.has_note}
        for pid, (inv, on) in latest.items()
        if wrote.get(pid, -1) < clock.day_start_ts(on)
    ]
    return sorted(silent, key=lambda row: (row["accepted_on"], row["name"]))


def acceptance_summary(
    conn: Connection,
    owner_id: int,
    *,
    settings: settings_mod.Settings | None = None,
    today: date | None = None,
    past: Mapping[str, history.KindRate] | None = None,
) -> dict[str, Any]:
    """Everything about how the owner's invitations fare, as plain data (the health report shows it too).

    ``past`` is the owner's history of invitations received by note kind, when the caller has it already.
    """
    s = settings or settings_mod.load(conn, owner_id)
    day = today or clock.today()
    if past is None:
        past = history.received_by_kind(conn, owner_id, settings=s, today=day)
    sent = records.list_invitations(conn, owner_id, direction="out", settings=s, today=day)
    received = records.list_invitations(conn, owner_id, direction="in", settings=s, today=day)

    overall, groups = _Tally(), {PERSONALISED: _Tally(), BLANK: _Tally()}
    all_days: list[int] = []
    group_days: dict[str, list[int]] = {PERSONALISED: [], BLANK: []}
    months: dict[str, dict[str, _Tally]] = {}
    month_days: dict[str, list[int]] = {}
    for inv in sent:
        group = note_group(inv)
        month = inv.sent_on.strftime("%Y-%m")
        overall.add(inv)
        groups[group].add(inv)
        per_month = months.setdefault(month, {"all": _Tally(), PERSONALISED: _Tally(), BLANK: _Tally()})
        per_month["all"].add(inv)
        per_month[group].add(inv)
        took = days_to_accept(inv)
        if took is not None:
            all_days.append(took)
            group_days[group].append(took)
            month_days.setdefault(month, []).append(took)

    by_month = []
    for month in sorted(months):
        tallies = months[month]
        row = tallies["all"].to_dict(month_days.get(month, []))
        row["month"] = month
        for group in (PERSONALISED, BLANK):
            g = tallies[group]
            row[group] = {"sent": g.sent, "accepted": g.accepted,
                          "rate": round(g.accepted / g.sent, 4) if g.sent else None}
        by_month.append(row)

    incoming = Counter(inv.status for inv in received)
    silent = accepted_then_silent(conn, owner_id, settings=s, today=day)
    peak, peak_end = _peak_week([inv.sent_on for inv in sent])
    budget = budgets.weekly_budget(conn, owner_id, settings=s, today=day)
    return {
        "as_of": day.isoformat(),
        "outgoing": overall.to_dict(all_days),
        "by_note": {group: groups[group].to_dict(group_days[group]) for group in (PERSONALISED, BLANK)},
        "by_month": by_month,
        "incoming": {
            "received": len(received),
            **{status: incoming.get(status, 0) for status in
               (records.ACCEPTED, records.PENDING, records.IGNORED, records.EXPIRED)},
            "accepted_then_silent": len(silent),
        },
        "accepted_then_silent": silent,
        "received_by_note": {kind: rate.to_dict() for kind, rate in past.items()},
        "min_history": history.MIN_HISTORY,
        "budget": budget.to_dict(),
        "peak_week": {"sent": peak, "ending": peak_end.isoformat() if peak_end else None},
    }
