"""Every date shape of the export (research §4) and of Excel re-saves, checked against datetime."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twoway.linkedin.content import plain_text
from twoway.linkedin.dates import export_date_from_name, iso_day, parse_day, parse_instant, parse_month


def ts(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> int:
    return int(datetime(year, month, day, hour, minute, second, tzinfo=UTC).timestamp())


@pytest.mark.parametrize(("raw", "expected"), [
    ("2025-06-01 14:03:22 UTC", ts(2025, 6, 1, 14, 3, 22)),          # messages DATE
    ("2019-11-06T02:08:20", ts(2019, 11, 6, 2, 8, 20)),             # early-2020 messages
    ("1/29/26, 2:37 PM", ts(2026, 1, 29, 14, 37)),                  # Invitations Sent At
    ("9/14/18, 12:05 AM", ts(2018, 9, 14, 0, 5)),                   # 2018, midnight hour
    ("12/1/25, 12:30 PM", ts(2025, 12, 1, 12, 30)),                 # noon hour
    ("2024/02/01 15:02:55 UTC", ts(2024, 2, 1, 15, 2, 55)),         # Endorsements
    ("Thu Sep 08 12:34:56 UTC 2022", ts(2022, 9, 8, 12, 34, 56)),   # Company Follows, Logins
    ("2026-02-09 01:21:47", ts(2026, 2, 9, 1, 21, 47)),             # Reactions, Member_Follows
    ("2024-05-02 13:45 UTC", ts(2024, 5, 2, 13, 45)),               # Learning
    ("05 Nov 2022", ts(2022, 11, 5)),                               # Connected On
    ("5-Nov-22", ts(2022, 11, 5)),                                  # Excel re-save
    ("05-Nov-2022", ts(2022, 11, 5)),
    ("05.11.2022", ts(2022, 11, 5)),                                # European Excel
    ("11/5/2022", ts(2022, 11, 5)),                                 # US Excel
    ("Nov 5, 2022", ts(2022, 11, 5)),
])
def test_every_shape(raw: str, expected: int) -> None:
    assert parse_instant(raw) == expected


@pytest.mark.parametrize("raw", ["", "NA", "N/A", "soon", "31 Feb 2022", "2025-13-01 00:00:00 UTC",
                                 "29 Feb 2023", "13/40/22, 1:00 PM", "2025-06-01 25:00:00 UTC", None])
def test_unreadable_is_none(raw: str | None) -> None:
    assert parse_instant(raw) is None


@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2150, 12, 31)))
def test_fast_path_agrees_with_datetime(moment: datetime) -> None:
    moment = moment.replace(microsecond=0, tzinfo=UTC)
    assert parse_instant(moment.strftime("%Y-%m-%d %H:%M:%S UTC")) == int(moment.timestamp())
    assert iso_day(int(moment.timestamp())) == moment.date().isoformat()
    assert parse_day(moment.strftime("%d %b %Y")) == moment.date().isoformat()


def test_months_and_names() -> None:
    assert parse_month("Jan 2024") == "2024-01"
    assert parse_month("2019") == "2019"
    assert parse_month("") is None
    assert export_date_from_name("Complete_LinkedInDataExport_09-12-2022 (1).zip") == "2022-09-12"
    assert export_date_from_name("LinkedInDataExport_07-29-2015") == "2015-07-29"
    assert export_date_from_name("export.zip") is None


def test_plain_text() -> None:
    assert plain_text("<p>Hi&nbsp;Ana,</p><p>thanks &amp; bye</p>") == "Hi Ana,\nthanks & bye"
    assert plain_text("a < b and c > d") == "a < b and c > d"
    assert plain_text("&lt;p&gt; is a tag") == "<p> is a tag"
    assert plain_text("one\r\ntwo") == "one\ntwo"
