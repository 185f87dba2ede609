"""Every date shape the export uses (research §4), formatted from integers with caches.

A million message rows span a few thousand days, so each day is formatted once and the time of day
comes from a table; no datetime object is built per row.
"""

from __future__ import annotations

from datetime import date

DAY = 86_400
_EPOCH = date(1970, 1, 1).toordinal()
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

_HMS: list[str] = []
_HM12: list[str] = []


def _tables() -> None:
    if not _HMS:
        _HMS.extend(f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}" for s in range(DAY))
        for minute in range(1440):
            h, m = divmod(minute, 60)
            _HM12.append(f"{(h % 12) or 12}:{m:02d} {'AM' if h < 12 else 'PM'}")


class Dates:
    """Formatters for one export; caches live as long as the export is being written."""

    def __init__(self) -> None:
        _tables()
        self._iso: dict[int, str] = {}
        self._us: dict[int, str] = {}
        self._slash: dict[int, str] = {}

    @staticmethod
    def date(day: int) -> date:
        return date.fromordinal(day + _EPOCH)

    def iso_day(self, day: int) -> str:
        s = self._iso.get(day)
        if s is None:
            s = self._iso[day] = self.date(day).isoformat()
        return s

    def message(self, ts: int) -> str:
        """messages.csv DATE: ``2025-06-01 14:03:22 UTC``."""
        return f"{self.iso_day(ts // DAY)} {_HMS[ts % DAY]} UTC"

    def iso_t(self, ts: int) -> str:
        """The early-2020 messages DATE: ``2019-11-06T02:08:20``."""
        return f"{self.iso_day(ts // DAY)}T{_HMS[ts % DAY]}"

    def us(self, ts: int) -> str:
        """Invitations, Recommendations, 2018 dates: ``9/14/18, 3:05 PM``."""
        day = ts // DAY
        s = self._us.get(day)
        if s is None:
            d = self.date(day)
            s = self._us[day] = f"{d.month}/{d.day}/{d.year % 100:02d}"
        return f"{s}, {_HM12[ts % DAY // 60]}"

    def slash_utc(self, ts: int) -> str:
        """Endorsements: ``2024/02/01 15:02:55 UTC``."""
        day = ts // DAY
        s = self._slash.get(day)
        if s is None:
            s = self._slash[day] = self.iso_day(day).replace("-", "/")
        return f"{s} {_HMS[ts % DAY]} UTC"

    def dmy(self, day: int) -> str:
        """Connections: ``05 Nov 2022``."""
        d = self.date(day)
        return f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}"

    def excel(self, day: int) -> str:
        """What Excel writes back after opening Connections.csv: ``5-Nov-22``."""
        d = self.date(day)
        return f"{d.day}-{MONTHS[d.month - 1]}-{d.year % 100:02d}"

    def java(self, ts: int) -> str:
        """Company Follows: ``Thu Sep 08 12:34:56 UTC 2022``."""
        d = self.date(ts // DAY)
        return f"{WEEKDAYS[d.weekday()]} {MONTHS[d.month - 1]} {d.day:02d} {_HMS[ts % DAY]} UTC {d.year}"

    def month_year(self, day: int) -> str:
        """Positions and Education: ``Jan 2024``."""
        d = self.date(day)
        return f"{MONTHS[d.month - 1]} {d.year}"
