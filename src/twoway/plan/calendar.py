"""The weekly plan as an iCalendar (RFC 5545) file of all-day events.

Written with ``icalendar`` (already read by twoway.calendars): it folds content lines at 75 octets
without splitting a character, escapes TEXT values and ends lines with CRLF. What this module
decides: every event has a stable UID (importing next week's file again updates instead of
duplicating) and a DTSTAMP in UTC; an all-day event is ``DTSTART;VALUE=DATE`` with an exclusive
``DTEND`` on the next day; control characters other people typed into names never reach the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from twoway.plan.items import PlanItem, WeekPlan

PRODID = "-//twoway//twoway weekly plan//EN"


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


def _text(value: str) -> str:
    """Line breaks as newlines (escaped by the writer), other control characters dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in value if ch in "\t\n" or (ord(ch) >= 0x20 and ord(ch) != 0x7F))


def _uri(value: str) -> str:
    # A URI value is not TEXT-escaped, but a line break inside it would end the property.
    return "".join(ch for ch in value if ord(ch) > 0x20 and ord(ch) != 0x7F)


def _event(event: CalendarEvent, stamp: datetime) -> Event:
    vevent = Event()
    vevent.add("uid", _text(event.uid))
    vevent.add("dtstamp", stamp.astimezone(UTC))
    vevent.add("dtstart", event.day)
    vevent.add("dtend", event.day + timedelta(days=max(1, event.days)))
    vevent.add("summary", _text(event.summary))
    if event.description:
        vevent.add("description", _text(event.description))
    if event.url:
        vevent.add("url", _uri(event.url))
    if event.categories:
        vevent.add("categories", [_text(c) for c in event.categories])
    vevent.add("transp", "TRANSPARENT")
    return vevent


def render_calendar(events: Iterable[CalendarEvent], *, name: str, stamp: datetime) -> str:
    """The whole VCALENDAR as text with CRLF line ends and folded lines."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _text(name))
    for event in events:
        calendar.add_component(_event(event, stamp))
    return str(calendar.to_ical().decode("utf-8"))


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
