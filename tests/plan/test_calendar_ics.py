"""The weekly plan's iCalendar file follows RFC 5545: CRLF, folding at 75 octets, escaping, UID, DTSTAMP;
and it reads back with the same library twoway reads calendars with."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from twoway.plan.calendar import CalendarEvent, render_calendar, write_calendar

STAMP = datetime(2024, 3, 4, 12, 0, tzinfo=UTC)


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def _one(summary: str = "x", description: str = "") -> CalendarEvent:
    return CalendarEvent(uid="u@twoway", day=date(2024, 3, 6), summary=summary, description=description)


def test_escaping() -> None:
    lines = _unfold(render_calendar([_one("a,b;c\\d\ne", "x\r\ny\rz bell\x07")], name="n", stamp=STAMP))
    assert "SUMMARY:a\\,b\\;c\\\\d\\ne" in lines
    assert "DESCRIPTION:x\\ny\\nz bell" in lines


@given(st.text(min_size=0, max_size=400))
def test_folding_keeps_every_octet_within_the_limit_and_reads_back(value: str) -> None:
    text = render_calendar([_one(description=value)], name="n", stamp=STAMP)
    physical = text.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in physical)
    assert "\n" not in text.replace("\r\n", "")
    event = next(iter(Calendar.from_ical(text).walk("VEVENT")))
    kept = value.replace("\r\n", "\n").replace("\r", "\n")
    kept = "".join(ch for ch in kept if ch in "\t\n" or (ord(ch) >= 0x20 and ord(ch) != 0x7F))
    assert str(event.get("description", "")) == kept


def test_a_calendar_with_one_all_day_event(tmp_path: Path) -> None:
    event = CalendarEvent(
        uid="2024-W10-check_in-7@twoway",
        day=date(2024, 3, 6),
        summary="Check in with Zoë Ångström, Acme; Labs",
        description="Hi Zoë,\nhow is the new role going? " + "é" * 80,
        url="https://www.linkedin.com/in/zoe-a",
        categories=("twoway", "check-in"),
    )
    path = tmp_path / "week.ics"
    assert write_calendar(path, [event], name="twoway: week of 2024-03-04", stamp=STAMP) == 1
    raw = path.read_bytes()
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # no bare LF anywhere
    for physical in raw.split(b"\r\n"):
        assert len(physical) <= 75
    lines = _unfold(raw.decode("utf-8"))
    assert lines[0] == "BEGIN:VCALENDAR"
    assert "VERSION:2.0" in lines
    assert any(line.startswith("PRODID:") for line in lines)
    assert "UID:2024-W10-check_in-7@twoway" in lines
    assert "DTSTAMP:20240304T120000Z" in lines
    assert "DTSTART;VALUE=DATE:20240306" in lines
    assert "DTEND;VALUE=DATE:20240307" in lines
    assert "SUMMARY:Check in with Zoë Ångström\\, Acme\\; Labs" in lines
    assert any(line.startswith("DESCRIPTION:Hi Zoë\\,\\nhow is") for line in lines)
    assert "URL:https://www.linkedin.com/in/zoe-a" in lines
    assert "CATEGORIES:twoway,check-in" in lines
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 1


def test_empty_calendar_is_still_valid() -> None:
    text = render_calendar([], name="empty", stamp=STAMP)
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert "BEGIN:VEVENT" not in text
