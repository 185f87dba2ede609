"""iCalendar files read into meetings: each occurrence (recurring events expanded by ``recurring-ical-events``)
up to now, with its attendees and their answers. A file whose lines cannot be content lines (broken folding) is
refused with the line named, before anything is parsed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import recurring_ical_events
from icalendar import Calendar

from twoway.errors import InputError
from twoway.sources import Address, normalise_email
from twoway.sources.addresses import decode_words

_CONTENT_LINE = re.compile(r"^[A-Za-z0-9-]+(;[^:]*)?:")
_IGNORED_KINDS = ("ROOM", "RESOURCE")
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(slots=True)
class Attendee:
    address: Address
    answer: str  # PARTSTAT: ACCEPTED, DECLINED, TENTATIVE, NEEDS-ACTION...


@dataclass(slots=True)
class Occurrence:
    uid: str
    at: int
    summary: str
    recurring: bool
    cancelled: bool
    attendees: list[Attendee]  # the organiser included (as accepted)
    organiser: str


def check_lines(text: str, file: str) -> None:
    """Every unfolded line is ``NAME[;PARAMS]:VALUE``; the first that is not is named (a fold without its space).
    Unfolded first: a fold may fall anywhere, even before the colon (at 75 octets, as Outlook and icalendar do)."""
    start, logical = 0, ""
    for number, line in enumerate([*text.split("\n"), ""], 1):
        line = line.rstrip("\r")
        if line[:1] in (" ", "\t"):
            logical += line[1:]
            continue
        if logical and not _CONTENT_LINE.match(logical):
            raise InputError(f"not an iCalendar line {logical[:40]!r} (a folded line without its leading space?)",
                             file=file, line=start)
        start, logical = number, line


def parse(text: str, file: str) -> Calendar:
    check_lines(text, file)
    try:
        return Calendar.from_ical(text)
    except (ValueError, KeyError, IndexError) as exc:
        raise InputError(f"unreadable calendar: {str(exc)[:120]}", file=file) from None


def _instant(value: Any) -> int:
    if isinstance(value, datetime):
        return int((value if value.tzinfo else value.replace(tzinfo=UTC)).timestamp())
    if isinstance(value, date):
        return int(datetime(value.year, value.month, value.day, tzinfo=UTC).timestamp())
    raise ValueError(value)


def _people(event: Any) -> list[Attendee]:
    found: list[Attendee] = []
    raw = event.get("ATTENDEE") or []
    for prop in raw if isinstance(raw, list) else [raw]:
        params = getattr(prop, "params", {})
        if str(params.get("CUTYPE", "")).upper() in _IGNORED_KINDS:
            continue
        email = normalise_email(str(prop))
        if email:
            name = decode_words(str(params.get("CN", ""))).strip('"')
            found.append(Attendee(Address(email, name if name != email else ""),
                                  str(params.get("PARTSTAT", "NEEDS-ACTION")).upper()))
    organiser = event.get("ORGANIZER")
    email = normalise_email(str(organiser)) if organiser is not None else None
    if email and all(a.address.email != email for a in found):
        name = str(getattr(organiser, "params", {}).get("CN", "")).strip('"')
        found.append(Attendee(Address(email, name), "ACCEPTED"))
    return found


def occurrences(cal: Calendar, until: datetime) -> Iterator[Occurrence]:
    """Every event's occurrences from the beginning of time until ``until``."""
    series = {str(e.get("UID", "")) for e in cal.walk("VEVENT")
              if e.get("RRULE") is not None or e.get("RDATE") is not None or e.get("RECURRENCE-ID") is not None}
    for event in recurring_ical_events.of(cal).between(EARLIEST, until + timedelta(seconds=1)):
        start = event.get("DTSTART")
        if start is None:
            continue
        at = _instant(start.dt)
        if at > until.timestamp():
            continue
        uid = str(event.get("UID", "") or "")
        yield Occurrence(
            uid=uid or f"{event.get('SUMMARY', '')}@{at}",
            at=at,
            summary=decode_words(str(event.get("SUMMARY", "") or "")),
            recurring=bool(uid) and uid in series,
            cancelled=str(event.get("STATUS", "")).upper() == "CANCELLED",
            attendees=_people(event),
            organiser=normalise_email(str(event.get("ORGANIZER", "") or "")) or "",
        )
