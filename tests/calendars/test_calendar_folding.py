"""Folding may fall anywhere in a line, even before its colon (Outlook and icalendar fold at 75 octets): such a
file is read; a line that is no content line and no fold is refused with its line number."""

from __future__ import annotations

import pytest

from twoway.calendars.reader import check_lines, parse
from twoway.errors import InputError

FOLDED = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20260101T100000Z\r\n"
          "ATTENDEE;CN=\"Zoltán Andersen, PMP\";PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT\r\n"
          " :mailto:zoltan@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


def test_a_fold_before_the_colon_is_read() -> None:
    check_lines(FOLDED, "cal.ics")
    [event] = parse(FOLDED, "cal.ics").walk("VEVENT")
    assert str(event["ATTENDEE"]) == "mailto:zoltan@example.org"


def test_a_line_that_is_neither_is_named() -> None:
    broken = FOLDED.replace("\r\n :mailto", "\r\n:mailto")  # the fold's space lost: two lines, neither whole
    with pytest.raises(InputError, match=r"cal.ics, line 6: not an iCalendar line 'ATTENDEE;CN="):
        check_lines(broken, "cal.ics")
