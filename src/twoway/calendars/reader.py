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
_EVENT = re.compile(r"^BEGIN:VEVENT[ \t]*\r?\n.*?^END:VEVENT[ \t]*(?:\r?\n|\Z)", re.I | re.M | re.S)
_BEGIN_EVENT = re.compile(r"^BEGIN:VEVENT[ \t]*\r?$", re.I | re.M)
_END_EVENT = re.compile(r"^END:VEVENT[ \t]*\r?$", re.I | re.M)
_FOLD = re.compile(r"\r?\n[ \t]")
_BEGIN = re.compile(r"^BEGIN:", re.I | re.M)
_END = re.compile(r"^END:", re.I | re.M)
_NESTED = re.compile(r"^BEGIN:([A-Z0-9-]+)[ \t]*\r?$.*?^END:\1[ \t]*\r?$", re.I | re.M | re.S)
_PROPERTY = re.compile(r"^(DTSTART|RDATE|UID)([;:][^\r\n]*)", re.I | re.M)
_PLAIN_START = re.compile(r":(\d{4})(\d{2})(\d{2})(?:T\d{6}Z?)?[ \t]*$")
_MARGIN = timedelta(days=2)


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


def parse(text: str, file: str, until: date | None = None) -> Calendar:
    """The calendar ``text`` parsed by ``icalendar``; with ``until``, without the events that cannot have an
    occurrence up to that day (see ``without_later``): they are checked for their lines, not parsed."""
    check_lines(text, file)
    if until is not None:
        text = without_later(text, until)
    try:
        return Calendar.from_ical(text)
    except (ValueError, KeyError, IndexError) as exc:
        raise InputError(f"unreadable calendar: {str(exc)[:120]}", file=file) from None


def without_later(text: str, until: date) -> str:
    """``text`` without the events none of whose occurrences can start by ``until``: a series (every event of
    one UID: the main one and its moved or cancelled occurrences) goes only when each of its events has one plain
    DTSTART later than ``until`` plus a margin for time zones (a UTC offset is at most 14 hours) and none has an
    RDATE (which may fall before DTSTART). An RRULE's occurrences start at DTSTART or later, a moved occurrence
    starts at its own DTSTART, and a THISANDFUTURE move shifts the later ones to after that. What the text does
    not make plain is left to the libraries: an event without a UID, or without one DTSTART
    ``YYYYMMDD[THHMMSS[Z]]``, is kept; a UID with parameters or escapes, a component left open inside an event,
    or unbalanced BEGIN/END:VEVENT keep the whole text."""
    blocks = list(_EVENT.finditer(text))
    if not blocks or len(blocks) != len(_BEGIN_EVENT.findall(text)) or len(blocks) != len(_END_EVENT.findall(text)):
        return text
    cutoff = until + _MARGIN
    later: dict[str, bool] = {}
    uids: list[str] = []
    for block in blocks:
        try:
            uid, is_later = _event_uid_and_later(block.group(0), cutoff)
        except _NotPlain:
            return text
        uids.append(uid)
        if uid:
            later[uid] = later.get(uid, True) and is_later
    kept: list[str] = []
    position = 0
    for block, uid in zip(blocks, uids, strict=True):
        if uid and later[uid]:
            kept.append(text[position:block.start()])
            position = block.end()
    if not kept:
        return text
    kept.append(text[position:])
    return "".join(kept)


class _NotPlain(Exception):
    """An event whose UID the text does not make plain: which series it belongs to is the libraries' to say."""


def _event_uid_and_later(block: str, cutoff: date) -> tuple[str, bool]:
    """The event's UID ("" when it has none: such an event is kept) and whether it plainly starts after cutoff.
    A UID with parameters or escapes, two UIDs, or a component left open inside raise ``_NotPlain``."""
    inner = _FOLD.sub("", block).split("\n", 1)[1]
    inner = inner[:inner.upper().rindex("END:VEVENT")]
    if _BEGIN.search(inner):
        inner = _NESTED.sub("", inner)  # alarms (Apple gives them a UID of their own)
        if _BEGIN.search(inner) or _END.search(inner):
            raise _NotPlain
    uid: str | None = None
    starts: list[str] = []
    rdate = False
    for name, rest in _PROPERTY.findall(inner):
        name = name.upper()
        if name == "UID":
            if uid is not None or not rest.startswith(":") or "\\" in rest:
                raise _NotPlain
            uid = rest[1:].strip()
        elif name == "DTSTART":
            starts.append(rest)
        else:
            rdate = True
    if not uid:
        return "", False
    if rdate or len(starts) != 1:
        return uid, False
    plain = _PLAIN_START.search(starts[0])
    if plain is None:
        return uid, False
    try:
        day = date(int(plain.group(1)), int(plain.group(2)), int(plain.group(3)))
    except ValueError:
        return uid, False
    return uid, day > cutoff


def _instant(value: Any) -> int:
    if isinstance(value, datetime):
        return int((value if value.tzinfo else value.replace(tzinfo=UTC)).timestamp())
    if isinstance(value, date):
        return int(datetime(value.year, value.month, value.day, tzinfo=UTC).timestamp())
    raise ValueError(value)


def _people(event: Any, seen: dict[tuple[int, int], tuple[Any, Any, list[Attendee]]]) -> list[Attendee]:
    """The event's attendees and organiser. An occurrence of a series is a copy of its event holding the very
    same ATTENDEE and ORGANIZER values, so ``seen`` reads them once per event, not once per occurrence (it keeps
    the values themselves, so an ``id`` is never reused while it is held)."""
    raw, organiser = event.get("ATTENDEE"), event.get("ORGANIZER")
    key = (id(raw), id(organiser))
    hit = seen.get(key)
    if hit is not None and hit[0] is raw and hit[1] is organiser:
        return list(hit[2])
    found = _read_people(raw, organiser)
    if raw is not None or organiser is not None:
        seen[key] = (raw, organiser, found)
    return list(found)


def _read_people(raw: Any, organiser: Any) -> list[Attendee]:
    found: list[Attendee] = []
    raw = raw or []
    for prop in raw if isinstance(raw, list) else [raw]:
        params = getattr(prop, "params", {})
        if str(params.get("CUTYPE", "")).upper() in _IGNORED_KINDS:
            continue
        email = normalise_email(str(prop))
        if email:
            name = decode_words(str(params.get("CN", ""))).strip('"')
            found.append(Attendee(Address(email, name if name != email else ""),
                                  str(params.get("PARTSTAT", "NEEDS-ACTION")).upper()))
    email = normalise_email(str(organiser)) if organiser is not None else None
    if email and all(a.address.email != email for a in found):
        name = str(getattr(organiser, "params", {}).get("CN", "")).strip('"')
        found.append(Attendee(Address(email, name), "ACCEPTED"))
    return found


def occurrences(cal: Calendar, until: datetime) -> Iterator[Occurrence]:
    """Every event's occurrences from the beginning of time until ``until``."""
    series = {str(e.get("UID", "")) for e in cal.walk("VEVENT")
              if e.get("RRULE") is not None or e.get("RDATE") is not None or e.get("RECURRENCE-ID") is not None}
    seen: dict[tuple[int, int], tuple[Any, Any, list[Attendee]]] = {}
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
            attendees=_people(event, seen),
            organiser=normalise_email(str(event.get("ORGANIZER", "") or "")) or "",
        )
