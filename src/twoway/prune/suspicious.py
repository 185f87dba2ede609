"""Connections that look fake or bought: flagged for the owner's review, never acted on.

The signals, each stated in words: no company and no position on the profile; a blank
incoming invitation that was accepted; acceptance in a *burst* (at least ``burst_size`` blank
invitations accepted within ``burst_days`` days, the pattern of bought or bot connections); and
never any interaction. A connection is flagged only when nothing was ever said and either it came
in a burst or its blank invitation arrived from an empty profile, so a quiet colleague with a
private profile is never called fake on one signal alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, text

from twoway import clock
from twoway.words import date_words

BURST_SIZE = 5
BURST_DAYS = 2


@dataclass(frozen=True)
class SuspectFacts:
    person_id: int
    company: str | None
    position: str | None
    interactions: int
    blank_invitation_on: date | None  # day their blank invitation was accepted (or sent, if unknown)


@dataclass(frozen=True)
class Suspicion:
    person_id: int
    signals: tuple[str, ...]

    @property
    def reason(self) -> str:
        return "looks fake or bought: " + "; ".join(self.signals)


def _burst_members(days: list[tuple[date, int]], size: int, window_days: int) -> dict[int, int]:
    """Person ids accepted in a burst, with the size of the largest burst each belongs to."""
    ordered = sorted(days)
    members: dict[int, int] = {}
    j = 0
    for i in range(len(ordered)):
        j = max(j, i)
        while j + 1 < len(ordered) and (ordered[j + 1][0] - ordered[i][0]).days < window_days:
            j += 1
        count = j - i + 1
        if count >= size:
            for k in range(i, j + 1):
                pid = ordered[k][1]
                members[pid] = max(members.get(pid, 0), count)
    return members


def find_suspicious(
    facts: Iterable[SuspectFacts], *, burst_size: int = BURST_SIZE, burst_days: int = BURST_DAYS
) -> dict[int, Suspicion]:
    """Every connection that looks fake or bought, with the signals that fired."""
    rows = list(facts)
    bursts = _burst_members(
        [(f.blank_invitation_on, f.person_id) for f in rows if f.blank_invitation_on is not None],
        burst_size, burst_days,
    )
    out: dict[int, Suspicion] = {}
    for f in rows:
        if f.interactions > 0:
            continue
        empty = not (f.company or "").strip() and not (f.position or "").strip()
        blank = f.blank_invitation_on is not None
        burst = bursts.get(f.person_id)
        if not (burst or (empty and blank)):
            continue
        signals = []
        if empty:
            signals.append("no company and no position")
        if burst:
            signals.append(f"one of {burst} blank invitations accepted within {burst_days} days")
        elif blank and f.blank_invitation_on is not None:
            signals.append(f"blank invitation accepted on {date_words(f.blank_invitation_on)}")
        signals.append("never any interaction")
        out[f.person_id] = Suspicion(f.person_id, tuple(signals))
    return out


def load_facts(conn: Connection, owner_id: int) -> list[SuspectFacts]:
    """The facts for every current connection of ``owner_id``, in three bulk queries."""
    counts: dict[int, int] = dict(
        conn.execute(
            text("SELECT person_id, COUNT(*) FROM interactions WHERE owner_id = :o AND person_id IS NOT NULL "
                 "GROUP BY person_id"),
            {"o": owner_id},
        ).all()
    )
    blank_sent: dict[int, int] = {}
    for pid, sent_at, message in conn.execute(
        text("SELECT person_id, sent_at, message FROM invitations WHERE owner_id = :o AND direction = 'in' "
             "AND person_id IS NOT NULL"),
        {"o": owner_id},
    ):
        if not (message or "").strip():
            blank_sent[pid] = sent_at
    out: list[SuspectFacts] = []
    for pid, company, position, connected_on in conn.execute(
        text("SELECT c.person_id, p.company, p.position, c.connected_on FROM connections c "
             "JOIN people p ON p.id = c.person_id WHERE c.owner_id = :o AND c.status = 'connected'"),
        {"o": owner_id},
    ):
        accepted: date | None = None
        if pid in blank_sent:
            accepted = _day(connected_on) or clock.ts_to_date(blank_sent[pid])
        out.append(SuspectFacts(pid, company, position, int(counts.get(pid, 0)), accepted))
    return out


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
