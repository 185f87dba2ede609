"""Logging what happened elsewhere: a message sent or received outside the export, an e-mail,
a meeting or a call.

Manual entries are interactions like any other (origin ``manual``), so they count at their own
date: a back-dated log can close an open attempt or answer a message, exactly as if the export
had held it. Meetings and calls count as two-way contact both ways. A log dated today gets the
current time; a back-dated one, noon UTC of its day. Logging the same thing twice (same person,
kind, direction, moment and note) is refused, so a repeated command does not inflate the history.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, text

from twoway import clock
from twoway.errors import Conflict, InputError

KINDS = ("message", "email", "meeting", "call")
CHANNEL_OF_KIND = {"message": "linkedin", "email": "email", "meeting": "meeting", "call": "phone"}
MAX_NOTE_CHARS = 20_000


@dataclass(frozen=True)
class Logged:
    id: int
    person_id: int
    kind: str
    direction: str
    channel: str
    at: int
    on: date
    note: str | None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["on"] = self.on.isoformat()
        return out


def log_interaction(
    conn: Connection,
    owner_id: int,
    person_id: int,
    kind: str,
    direction: str = "out",
    on: date | None = None,
    note: str | None = None,
) -> Logged:
    """Record one interaction the export does not hold. ``direction`` is 'out' (you) or 'in' (them);
    for meetings and calls it only says who arranged it."""
    if kind not in KINDS:
        raise InputError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if direction not in ("in", "out"):
        raise InputError(f"direction must be 'in' or 'out', not {direction!r}")
    today = clock.today()
    day = on or today
    if day > today:
        raise InputError(f"{day.isoformat()} is in the future; log what has happened")
    at = clock.now_ts() if day == today else clock.day_start_ts(day) + 12 * 3600
    cleaned = (note or "").strip() or None
    if cleaned and len(cleaned) > MAX_NOTE_CHARS:
        raise InputError(f"a note is at most {MAX_NOTE_CHARS} characters; this one has {len(cleaned)}")
    channel = CHANNEL_OF_KIND[kind]
    digest = hashlib.sha256(f"{person_id}|{kind}|{direction}|{at}|{cleaned or ''}".encode()).hexdigest()
    fingerprint = "manual:" + digest[:40]
    exists = conn.execute(
        text("SELECT 1 FROM interactions WHERE owner_id = :o AND fingerprint = :f"),
        {"o": owner_id, "f": fingerprint},
    ).first()
    if exists:
        raise Conflict(f"that {kind} on {day.isoformat()} is already logged; to log another one, give it a "
                       "different note", cli_hint="with --note TEXT")
    params = {
        "o": owner_id, "p": person_id, "k": kind, "ch": channel, "d": direction, "at": at, "c": cleaned,
        "f": fingerprint, "t": clock.now().isoformat(timespec="seconds"),
    }
    insert = ("INSERT INTO interactions (owner_id, person_id, kind, channel, direction, at, content, origin, "
              "fingerprint, created_at) VALUES (:o, :p, :k, :ch, :d, :at, :c, 'manual', :f, :t)")
    new_id = conn.execute(text(insert + " RETURNING id"), params).scalar_one()
    return Logged(id=int(new_id), person_id=person_id, kind=kind, direction=direction, channel=channel,
                  at=at, on=day, note=cleaned)


def parse_day(raw: str) -> date:
    """A date as typed: YYYY-MM-DD, 'today', 'yesterday' or 'N days ago'."""
    value = raw.strip().lower()
    today = clock.today()
    if value == "today":
        return today
    if value == "yesterday":
        return today - timedelta(days=1)
    if value.endswith(" days ago") and value.split()[0].isdigit():
        return today - timedelta(days=int(value.split()[0]))
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{raw!r} is not a date; use YYYY-MM-DD, 'yesterday' or 'N days ago'") from None
