"""Importing a calendar (.ics): each meeting that happened becomes a ``meeting`` interaction with each other
attendee (meetings count both ways). Cancelled events, events the owner declined and attendees who declined
are not meetings; rooms and resources are nobody.

A recurring series counts at most **once per calendar month** per attendee (the month's first occurrence, marked
``folder = 'recurring'``): a weekly stand-up is 12 meetings a year in strength, not 52.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from twoway import clock
from twoway.calendars.reader import Occurrence, occurrences, parse
from twoway.errors import InputError
from twoway.sources import (
    Directory,
    Interaction,
    SourceImport,
    SourceSummary,
    content_id,
    owner_addresses,
    pick_owner,
    remember_owner_addresses,
    write_interactions,
)
from twoway.store import Store

Progress = Callable[[str, int, int], None]
FIRST_SEEN = "first seen in a calendar"
INFERRED = "in most events of the calendar"
MAX_BYTES = 256 * 1024 * 1024


def looks_like_calendar(path: str | Path) -> bool:
    p = Path(path)
    if not p.is_file():
        return False
    with p.open("rb") as f:
        return f.read(4096).lstrip(b"\xef\xbb\xbf \r\n\t").upper().startswith(b"BEGIN:VCALENDAR")


def import_calendar(store: Store, path: str | Path, *, owner: str | None = None,
                    progress: Progress | None = None) -> SourceSummary:
    started = time.perf_counter()
    p = Path(path)
    if not looks_like_calendar(p):
        raise InputError("not an iCalendar file: expected BEGIN:VCALENDAR", file=p.name)
    if p.stat().st_size > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES >> 20} MB: not a calendar", file=p.name)
    raw = p.read_bytes()
    try:
        text_ = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text_ = raw.decode("cp1252", "replace")
    now = datetime.combine(clock.today(), datetime.max.time(), tzinfo=UTC)
    found = list(occurrences(parse(text_, p.name, now.date()), now))
    summary = SourceSummary(source="calendar", archive=p.name)
    with store.begin() as conn:
        owner_id, owner_name = pick_owner(conn, owner, "Me")
        summary.owner_id, summary.owner_name = owner_id, owner_name
        known = owner_addresses(conn, owner_id)
        inferred = {} if known else _infer(found)
        mine = {**inferred, **known}
        summary.owner_emails = mine
        record = SourceImport(conn, "calendar", p.name, owner_id, summary)
        cid = content_id(p)
        if record.unchanged(cid, "calendar"):
            summary.problem(f"{p.name}: unchanged since an earlier import, not read again")
        else:
            file_id = record.register(p.name, "calendar", cid, len(raw))
            directory = Directory(conn, owner_id, file_id, record.created_at, summary)
            items = _meetings(found, set(mine), directory, summary)
            added = write_interactions(conn, owner_id, file_id, record.created_at, items)
            summary.meetings_added = summary.interactions_added = added
            record.file_done(file_id, len(found), sum(summary.skipped.values()))
            summary.files.append({"name": p.name, "kind": "calendar", "rows": len(found),
                                  "skipped": sum(summary.skipped.values())})
        remember_owner_addresses(conn, owner_id, inferred)
        summary.seconds = round(time.perf_counter() - started, 2)
        record.finish()
    if progress is not None:
        progress("done", 1, 1)
    return summary


def _infer(found: list[Occurrence]) -> dict[str, str]:
    """The calendar's owner is in (nearly) every event with attendees: the address in most of them."""
    counts: Counter[str] = Counter(a.address.email for o in found for a in o.attendees)
    with_people = sum(1 for o in found if o.attendees)
    if not counts:
        return {}
    organised: Counter[str] = Counter(o.organiser for o in found if o.organiser)
    email, n = max(counts.items(), key=lambda kv: (kv[1], organised[kv[0]], kv[0]))
    return {email: INFERRED} if n >= 0.5 * with_people else {}


def _meetings(found: list[Occurrence], mine: set[str], directory: Directory,
              summary: SourceSummary) -> list[Interaction]:
    items: list[Interaction] = []
    for o in sorted(found, key=lambda o: o.at):
        if o.cancelled:
            summary.skip("cancelled")
            continue
        if any(a.address.email in mine and a.answer == "DECLINED" for a in o.attendees):
            summary.skip("declined by you")
            continue
        others = [a for a in o.attendees if a.address.email not in mine and a.answer != "DECLINED"]
        if not others:
            summary.skip("no one else attending")
            continue
        day = datetime.fromtimestamp(o.at, UTC)
        moment = f"{day:%Y-%m}" if o.recurring else str(o.at)
        for a in others:
            pid = directory.find(a.address.email, a.address.name, FIRST_SEEN)
            items.append(Interaction(pid, "meeting", "out", o.at, o.summary or None, None,
                                     "recurring" if o.recurring else None, f"ics\x1f{o.uid}\x1f{moment}\x1f"
                                     f"{a.address.email}"))
    return items
