"""What "today" is, and which days a question may be about."""

from __future__ import annotations

from datetime import date

import pytest

from twoway import clock
from twoway.errors import InputError


def test_today_honours_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock.ENV_TODAY, "2026-03-04")
    assert clock.today() == date(2026, 3, 4)
    monkeypatch.setenv(clock.ENV_TODAY, "4 March")
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        clock.today()


@pytest.mark.parametrize("raw", ["9999-12-31", "0001-01-01"])
def test_a_today_beyond_date_arithmetic_is_refused(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv(clock.ENV_TODAY, raw)
    with pytest.raises(InputError, match=clock.ENV_TODAY):
        clock.today()


def test_checked_day_keeps_room_for_arithmetic_on_both_sides() -> None:
    assert clock.checked_day(date(2026, 12, 1), "day") == date(2026, 12, 1)
    assert clock.checked_day(clock.FIRST_DAY, "day") == clock.FIRST_DAY
    with pytest.raises(InputError, match="week_of 3000-01-01"):
        clock.checked_day(date(3000, 1, 1), "week_of")
    with pytest.raises(InputError):
        clock.checked_day(date(1899, 12, 31), "day")
