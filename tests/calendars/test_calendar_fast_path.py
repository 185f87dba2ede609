"""The import reads only the events that can have an occurrence up to today (``reader.without_later``): on a
calendar with every kind of recurrence (RRULE, EXDATE, RDATE, moved and cancelled occurrences, moves across
today in both directions, time zones up to UTC+14, all-day and floating events, alarms with a UID of their own,
events without a UID), it gives the very same interactions as the libraries expanding the whole file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from twoway.calendars import import_calendar, reader
from twoway.store import open_store

ME = "ATTENDEE;CN=Sam;PARTSTAT=ACCEPTED:mailto:sam@example.org"
ME_NO = "ATTENDEE;CN=Sam;PARTSTAT=DECLINED:mailto:sam@example.org"
ANN = "ATTENDEE;CN=Ann Lee;PARTSTAT=ACCEPTED:mailto:ann@corp.example"
BO = "ATTENDEE;CN=Bo;PARTSTAT=TENTATIVE:mailto:bo@corp.example"
BO_NO = "ATTENDEE;CN=Bo;PARTSTAT=DECLINED:mailto:bo@corp.example"
CY = "ATTENDEE;CN=Cy;PARTSTAT=ACCEPTED:mailto:cy@other.example"
BERLIN = "TZID=Europe/Berlin"


def ev(*lines: str, uid: str | None = None) -> list[str]:
    head = ["BEGIN:VEVENT", *([f"UID:{uid}"] if uid else []), "DTSTAMP:20240101T000000Z",
            "ORGANIZER;CN=Sam Owner:mailto:sam@example.org"]
    return [*head, *lines, "END:VEVENT"]


def generated() -> str:
    events: list[list[str]] = [
        # A weekly series in Berlin time: one skipped (EXDATE), one added (RDATE), one moved with another
        # attendee, one cancelled, one moved from after today to before it, one from before today to after it.
        ev(f"DTSTART;{BERLIN}:20240102T093000", f"DTEND;{BERLIN}:20240102T100000", "SUMMARY:Stand-up",
           "RRULE:FREQ=WEEKLY;UNTIL=20250101T000000Z", f"EXDATE;{BERLIN}:20240109T093000",
           f"RDATE;{BERLIN}:20240111T150000", ME, ANN, BO, uid="standup"),
        ev(f"RECURRENCE-ID;{BERLIN}:20240116T093000", f"DTSTART;{BERLIN}:20240117T100000",
           f"DTEND;{BERLIN}:20240117T103000", "SUMMARY:Stand-up (moved)", ME, ANN, CY, uid="standup"),
        ev(f"RECURRENCE-ID;{BERLIN}:20240123T093000", f"DTSTART;{BERLIN}:20240123T093000",
           "SUMMARY:Stand-up", "STATUS:CANCELLED", ME, ANN, BO, uid="standup"),
        ev(f"RECURRENCE-ID;{BERLIN}:20240702T093000", f"DTSTART;{BERLIN}:20240610T093000",
           "SUMMARY:Stand-up early", ME, CY, uid="standup"),
        ev(f"RECURRENCE-ID;{BERLIN}:20240604T093000", f"DTSTART;{BERLIN}:20240720T093000",
           "SUMMARY:Stand-up late", ME, ANN, uid="standup"),
        # All-day monthly, one month declined by the owner; another attendee declines one month.
        ev("DTSTART;VALUE=DATE:20240105", "DTEND;VALUE=DATE:20240106", "SUMMARY:Review",
           "RRULE:FREQ=MONTHLY;BYMONTHDAY=5", ME, ANN, BO, uid="review"),
        ev("RECURRENCE-ID;VALUE=DATE:20240205", "DTSTART;VALUE=DATE:20240205", "SUMMARY:Review", ME_NO, ANN,
           uid="review"),
        ev("RECURRENCE-ID;VALUE=DATE:20240305", "DTSTART;VALUE=DATE:20240306", "SUMMARY:Review", ME, ANN, BO_NO,
           uid="review"),
        # Series that start after today: dropped; unless an RDATE or a moved occurrence falls before today.
        ev("DTSTART:20240901T100000Z", "RRULE:FREQ=WEEKLY;COUNT=20", "SUMMARY:Autumn", ME, ANN, uid="autumn"),
        ev("DTSTART:20241001T100000Z", "RRULE:FREQ=WEEKLY;COUNT=5", "RDATE:20240301T100000Z",
           "SUMMARY:Early extra", ME, CY, uid="rdate-early"),
        ev("DTSTART:20240901T100000Z", "RRULE:FREQ=DAILY;COUNT=3", "SUMMARY:Kick-off", ME, BO, uid="pulled"),
        ev("RECURRENCE-ID:20240901T100000Z", "DTSTART:20240601T100000Z", "SUMMARY:Kick-off early", ME, BO,
           uid="pulled"),
        ev("DTSTART:20240801T100000Z", "SUMMARY:Lunch", ME, CY, uid="single-moved"),
        ev("RECURRENCE-ID:20240801T100000Z", "DTSTART:20240514T100000Z", "SUMMARY:Lunch earlier", ME, CY,
           uid="single-moved"),
        # Near today (2024-06-15) in the furthest time zones, all-day today, floating, future with alarms.
        ev("DTSTART;TZID=Pacific/Kiritimati:20240616T080000", "SUMMARY:Kiritimati", ME, ANN, uid="kiri-past"),
        ev("DTSTART;TZID=Pacific/Kiritimati:20240617T090000", "SUMMARY:Kiritimati", ME, BO, uid="kiri-next"),
        ev("DTSTART;TZID=Pacific/Pago_Pago:20240615T120000", "SUMMARY:Pago Pago", ME, CY, uid="pago"),
        ev("DTSTART;VALUE=DATE:20240615", "SUMMARY:Offsite", ME, ANN, CY, uid="today-all-day"),
        ev("DTSTART:20240210T140000", "SUMMARY:Floating", ME, BO, uid="floating"),
        ev("DTSTART:20250101T100000Z", "SUMMARY:Future with alarm", ME, ANN, "BEGIN:VALARM", "UID:alarm-1",
           "ACTION:DISPLAY", "TRIGGER:-PT15M", "END:VALARM", uid="future-alarm"),
        ev("DTSTART:20240301T100000Z", "SUMMARY:Past with alarm", ME, ANN, "BEGIN:VALARM", "UID:alarm-2",
           "ACTION:DISPLAY", "TRIGGER:-PT15M", "END:VALARM", uid="past-alarm"),
        # Cancelled, no one else, no UID (past and future), a fold inside DTSTART of a future event.
        ev("DTSTART:20240315T100000Z", "SUMMARY:Gone", "STATUS:CANCELLED", ME, ANN, uid="cancelled"),
        ev("DTSTART:20240316T100000Z", "SUMMARY:Alone", ME, uid="alone"),
        ev("DTSTART:20240317T100000Z", "SUMMARY:No uid", ME, CY),
        ev("DTSTART:20260317T100000Z", "SUMMARY:No uid later", ME, CY),
        ev("DTSTA\r\n RT:20270101T100000Z", "SUMMARY:Folded later", ME, BO, uid="folded"),
        ev("DTSTART:20240401T100000Z", "SUMMARY:Past", ME, BO, uid="past"),
        ev("DTSTART:20990101T100000Z", "SUMMARY:Much later", ME, BO, uid="later"),
    ]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", *(line for e in events for line in e),
             "END:VCALENDAR"]
    return "\r\n".join(lines) + "\r\n"


def rows(path: str) -> tuple[list[dict[str, Any]], list[tuple[Any, ...]]]:
    store = open_store(path)
    try:
        with store.connect() as conn:
            got = [{k: v for k, v in r._mapping.items() if "created" not in k}
                   for r in conn.execute(text("SELECT * FROM interactions ORDER BY id"))]
            people = [tuple(r) for r in conn.execute(text("SELECT id, full_name FROM people ORDER BY id"))]
    finally:
        store.close()
    return got, people


def test_the_fast_path_gives_what_the_full_expansion_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", "2024-06-15")
    path = tmp_path / "calendar.ics"
    path.write_text(generated(), encoding="utf-8", newline="")
    fast = reader.without_later(generated(), reader.date(2024, 6, 15))
    for dropped in ("UID:autumn", "UID:future-alarm", "UID:folded", "UID:later"):
        assert dropped not in fast
    for kept in ("UID:standup", "UID:rdate-early", "UID:pulled", "UID:single-moved", "UID:kiri-next",
                 "No uid later"):
        assert kept in fast

    store = open_store(str(tmp_path / "fast.db"))
    got_fast = import_calendar(store, path)
    store.close()
    with monkeypatch.context() as m:
        m.setattr(reader, "without_later", lambda text_, until: text_)  # the libraries read the whole file
        store = open_store(str(tmp_path / "full.db"))
        got_full = import_calendar(store, path)
        store.close()

    assert got_fast.meetings_added == got_full.meetings_added > 0
    assert got_fast.skipped == got_full.skipped
    assert got_fast.owner_emails == got_full.owner_emails
    assert got_fast.files == got_full.files
    fast_rows, fast_people = rows(str(tmp_path / "fast.db"))
    full_rows, full_people = rows(str(tmp_path / "full.db"))
    assert fast_people == full_people
    assert fast_rows == full_rows
    # Moves across today count where they land: the early stand-up and kick-off in, the late one out.
    summaries = {r["subject"] for r in fast_rows}
    assert {"Stand-up early", "Kick-off early", "Lunch earlier", "Early extra", "Kiritimati", "Offsite"} <= summaries
    assert not summaries & {"Stand-up late", "Autumn", "Future with alarm", "Much later", "Lunch"}


@pytest.mark.parametrize("change", [
    ("END:VEVENT\r\n", ""),  # unbalanced
    ("UID:later\r\n", "UID;X-A=1:later\r\n"),  # a UID with parameters
    ("UID:later\r\n", "UID:lat\\,er\r\n"),  # escaped
    ("TRIGGER:-PT15M\r\nEND:VALARM\r\n", "TRIGGER:-PT15M\r\n"),  # an alarm left open
])
def test_what_is_not_plain_leaves_the_whole_text(change: tuple[str, str]) -> None:
    odd = generated().replace(*change, 1)
    assert odd != generated()
    assert reader.without_later(odd, reader.date(2024, 6, 15)) == odd
