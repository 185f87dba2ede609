"""Calendars into the store: meetings with each attendee, declined and cancelled ones left out, recurring series
counted at most once a month, broken files refused with the line named."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from twoway.calendars import import_calendar, looks_like_calendar
from twoway.errors import InputError
from twoway.store import Store


def event(uid: str, start: str, summary: str, *attendees: str, extra: str = "") -> str:
    lines = ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTART:{start}", f"SUMMARY:{summary}",
             "ORGANIZER;CN=Sam Owner:mailto:sam@example.org", *attendees]
    if extra:
        lines.append(extra)
    return "\r\n".join([*lines, "END:VEVENT"])


def calendar(tmp_path: Path, *events: str) -> Path:
    path = tmp_path / "calendar.ics"
    path.write_text("\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", *events,
                                 "END:VCALENDAR"]) + "\r\n", encoding="utf-8")
    return path


ANN = "ATTENDEE;CN=Ann Lee;PARTSTAT=ACCEPTED:mailto:ann@corp.example"
BO_NO = "ATTENDEE;CN=Bo;PARTSTAT=DECLINED:mailto:bo@corp.example"
ME_YES = "ATTENDEE;CN=Sam;PARTSTAT=ACCEPTED:mailto:sam@example.org"
ME_NO = "ATTENDEE;CN=Sam;PARTSTAT=DECLINED:mailto:sam@example.org"
ROOM = "ATTENDEE;CUTYPE=ROOM;CN=Room 1:mailto:room1@corp.example"


def sample(tmp_path: Path) -> Path:
    return calendar(
        tmp_path,
        event("one", "20240110T100000Z", "Coffee", ANN, BO_NO, ME_YES, ROOM),
        event("gone", "20240111T100000Z", "Cancelled", ANN, ME_YES, extra="STATUS:CANCELLED"),
        event("nope", "20240112T100000Z", "Declined", ANN, ME_NO),
        event("standup", "20240101T090000Z", "Stand-up", ANN, ME_YES, extra="RRULE:FREQ=WEEKLY;COUNT=10"),
        event("future", "20990101T090000Z", "Later", ANN, ME_YES),
    )


def test_meetings_with_each_attendee(any_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", "2024-06-01")
    path = sample(tmp_path)
    assert looks_like_calendar(path)
    s = import_calendar(any_store, path)
    assert s.owner_emails == {"sam@example.org": "in most events of the calendar"}
    assert s.skipped == {"cancelled": 1, "declined by you": 1}
    # Coffee with Ann (Bo declined, the room is nobody); ten weekly stand-ups over three months count three times.
    assert s.meetings_added == 4
    with any_store.connect() as conn:
        got = conn.execute(text("SELECT p.full_name, i.kind, i.channel, i.folder FROM interactions i "
                                "JOIN people p ON p.id = i.person_id ORDER BY i.at")).all()
    assert [g[3] for g in got] == ["recurring", None, "recurring", "recurring"]  # 1 Jan, 10 Jan, 5 Feb, 4 Mar
    assert {tuple(g[:3]) for g in got} == {("Ann Lee", "meeting", "meeting")}
    again = import_calendar(any_store, path)
    assert again.meetings_added == 0


def test_broken_folding_names_the_line(any_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "broken.ics"
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDESCRIPTION:a long\r\n"
                    "line folded without its space\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken.ics, line 6: not an iCalendar line"):
        import_calendar(any_store, path)
    with any_store.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM imports")).scalar() == 0
