"""iCalendar (RFC 5545) files of all-day events, written by hand to the letter of the RFC.

The rules that calendar programs enforce: CRLF line ends; content lines folded at 75 octets
(never inside a UTF-8 character) with a leading space on each continuation; TEXT values escape
backslash, semicolon, comma and newlines; every event has a UID (stable, so importing next
week's file again updates instead of duplicating) and a DTSTAMP in UTC; an all-day event is
``DTSTART;VALUE=DATE`` with an exclusive ``DTEND`` on the next day.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from twoway.plan.items import PlanItem, WeekPlan

PRODID = "-//twoway//twoway weekly plan//EN"
MAX_OCTETS = 75


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day event."""

    uid: str
    day: date
    summary: str
    description: str = ""
    url: str | None = None
    categories: Sequence[str] = field(default_factory=tuple)
    days: int = 1


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): ``\\``, ``;``, ``,`` and newlines escaped, other controls dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    return "".join(ch for ch in value if ch == "\t" or (ord(ch) >= 0x20 and ord(ch) != 0x7F))


def fold(line: str) -> str:
    """Fold one content line into pieces of at most 75 octets joined by CRLF + space (§3.1)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= MAX_OCTETS:
        return line
    pieces: list[str] = []
    start = 0
    limit = MAX_OCTETS
    while start < len(encoded):
        end = min(start + limit, len(encoded))
        # Step back over UTF-8 continuation bytes so no character is split across lines.
        while end < len(encoded) and end > start and (encoded[end] & 0xC0) == 0x80:
            end -= 1
        pieces.append(encoded[start:end].decode("utf-8"))
        start = end
        limit = MAX_OCTETS - 1  # the leading space of a continuation line counts
    return "\r\n ".join(pieces)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _uri(value: str) -> str:
    # A URI value is not TEXT-escaped, but a line break inside it would end the property.
    return "".join(ch for ch in value if ord(ch) > 0x20 and ord(ch) != 0x7F)


def event_lines(event: CalendarEvent, stamp: datetime) -> list[str]:
    end = event.day + timedelta(days=max(1, event.days))
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{_stamp(stamp)}",
        f"DTSTART;VALUE=DATE:{event.day.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{end.strftime('%Y%m%d')}",
        f"SUMMARY:{escape_text(event.summary)}",
    ]
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.url:
        lines.append(f"URL:{_uri(event.url)}")
    if event.categories:
        lines.append("CATEGORIES:" + ",".join(escape_text(c) for c in event.categories))
    lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    return lines


def render_calendar(events: Iterable[CalendarEvent], *, name: str, stamp: datetime) -> str:
    """The whole VCALENDAR as text with CRLF line ends and folded lines."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines += event_lines(event, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def write_calendar(path: str | Path, events: Iterable[CalendarEvent], *, name: str, stamp: datetime) -> int:
    """Write the calendar to ``path``; return how many events it holds."""
    materialised = list(events)
    body = render_calendar(materialised, name=name, stamp=stamp)
    # newline="" keeps the CRLFs exactly as the RFC wants them on every platform.
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(body)
    return len(materialised)


def week_events(plan: WeekPlan, *, per: str = "item") -> list[CalendarEvent]:
    """The week's plan as all-day events: one per item (``per="item"``) or one per day (``"day"``)."""
    week = f"{plan.week_start.isocalendar().year}-W{plan.week_start.isocalendar().week:02d}"
    if per == "item":
        return [
            CalendarEvent(
                uid=f"{week}-{item.kind}-{item.person_id}@twoway",
                day=item.day,
                summary=item.action + (f" ({item.company})" if item.company else ""),
                description=_item_text(item),
                url=item.url,
                categories=("twoway", item.kind.replace("_", "-")),
            )
            for item in plan.items
        ]
    if per != "day":
        raise ValueError(f"per must be 'item' or 'day', not {per!r}")
    by_day: dict[date, list[PlanItem]] = {}
    for item in plan.items:
        by_day.setdefault(item.day, []).append(item)
    events = []
    for day, items in sorted(by_day.items()):
        people = "person" if len(items) == 1 else "people"
        body = "\n\n".join(f"{n}. {_item_text(item)}" for n, item in enumerate(items, 1))
        events.append(CalendarEvent(
            uid=f"{week}-{day.isoformat()}@twoway",
            day=day,
            summary=f"twoway: {len(items)} {people} to reach",
            description=body,
            categories=("twoway",),
        ))
    return events


def _item_text(item: PlanItem) -> str:
    lines = [item.action + (f", {item.company}" if item.company else "")]
    lines.append(f"Why: {item.reason}" + (f"; {item.why_now}" if item.why_now else ""))
    if item.url:
        lines.append(item.url)
    if item.draft:
        lines += ["", "Draft:", item.draft]
    return "\n".join(lines)
