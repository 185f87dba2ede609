"""What "today" and "now" are: the real date unless TWOWAY_TODAY=YYYY-MM-DD says otherwise."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time, timedelta

from twoway.errors import InputError

ENV_TODAY = "TWOWAY_TODAY"
#: The days a question may be about: room for any network's past and future, and for a week or a year of
#: arithmetic on either side without leaving what Python's dates can hold.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)


def checked_day(day: date, name: str) -> date:
    """``day`` itself, or InputError when it is outside FIRST_DAY..LAST_DAY."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InputError(f"{name} {day.isoformat()}: expected a day from {FIRST_DAY.year} to {LAST_DAY.year}")
    return day


def today() -> date:
    raw = os.environ.get(ENV_TODAY, "").strip()
    if not raw:
        return datetime.now(UTC).date()
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        raise InputError(f"{ENV_TODAY}={raw!r} is not a date; expected YYYY-MM-DD") from None
    return checked_day(day, ENV_TODAY)


def now() -> datetime:
    """The current instant (UTC); under TWOWAY_TODAY, noon of that day so results are reproducible."""
    if os.environ.get(ENV_TODAY, "").strip():
        return datetime.combine(today(), time(12, 0), tzinfo=UTC)
    return datetime.now(UTC)


def now_ts() -> int:
    return int(now().timestamp())


def day_start_ts(d: date) -> int:
    """Epoch seconds of midnight UTC starting day ``d``."""
    return int(datetime.combine(d, time(0, 0), tzinfo=UTC).timestamp())


def ts_to_date(ts: int) -> date:
    return datetime.fromtimestamp(ts, UTC).date()


def ts_to_iso(ts: int) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M:%S")


def iso_date(raw: object) -> date | None:
    """A stored ISO day (or the day of a longer ISO timestamp); None when empty or not a date.

    Stored dates are TEXT, and a hand-edited or older database may hold anything there, so a bad
    value reads as unknown rather than failing a whole listing.
    """
    if not raw:
        return None
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw)[:10])
    except ValueError:
        return None


def days_between(a: date, b: date) -> int:
    return (b - a).days


DAY = timedelta(days=1)
DAY_SECONDS = 86_400
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def day_number(ts: int) -> int:
    """Days since 1970-01-01 (UTC) of an epoch-seconds instant: how the rules count days."""
    return ts // DAY_SECONDS


def day_to_date(day: int) -> date:
    return date.fromordinal(_EPOCH_ORDINAL + day)


def date_to_day(d: date) -> int:
    return d.toordinal() - _EPOCH_ORDINAL
