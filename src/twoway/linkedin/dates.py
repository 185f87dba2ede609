"""Every date shape the LinkedIn export (and Excel re-saves of it) uses, parsed without strptime.

LinkedIn writes each file in its own format (research §4): ``05 Nov 2022`` (Connections),
``2025-06-01 14:03:22 UTC`` (messages), ``1/29/26, 2:37 PM`` (Invitations, Recommendations,
2018 files), ``2024/02/01 15:02:55 UTC`` (Endorsements), ``Thu Sep 08 12:34:56 UTC 2022``
(Company Follows), ``Jan 2024`` / ``2019`` (Positions). Excel re-saves add ``5-Nov-22``,
``DD.MM.YYYY`` and ``M/D/YYYY``. The shape decides the parser, so one function serves every
file. Times without a zone are taken as UTC. Month names are English (the only ones seen).
"""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache

from twoway import clock

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MISSING = frozenset({"", "na", "n/a", "#n/a", "null", "none", "-"})


def days_from_civil(y: int, m: int, d: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm; no datetime objects)."""
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _valid(y: int, m: int, d: int) -> bool:
    if not (1 <= m <= 12 and 1 <= d <= _DAYS_IN_MONTH[m - 1] and 1900 <= y <= 2200):
        return False
    return not (m == 2 and d == 29 and (y % 4 or (y % 100 == 0 and y % 400)))


@lru_cache(maxsize=65536)
def _day_seconds(y: int, m: int, d: int) -> int:
    return days_from_civil(y, m, d) * 86400


def _year(text: str) -> int:
    y = int(text)
    if len(text) <= 2:
        # Two-digit years (2018 exports, Excel): LinkedIn exists since 2003, so 00–69 means 20xx.
        y += 2000 if y < 70 else 1900
    return y


def _clock(text: str) -> int:
    """Seconds into the day for ``14:03:22``, ``2:37 PM`` or ``14:03``; raises ValueError."""
    text = text.strip()
    meridiem = ""
    upper = text.upper()
    if upper.endswith(("AM", "PM")):
        meridiem = upper[-2:]
        text = text[:-2].strip()
    parts = text.split(":")
    if not 2 <= len(parts) <= 3:
        raise ValueError(text)
    h, mi = int(parts[0]), int(parts[1])
    s = int(parts[2]) if len(parts) == 3 else 0
    if meridiem:
        if not 1 <= h <= 12:
            raise ValueError(text)
        h = h % 12 + (12 if meridiem == "PM" else 0)
    if not (0 <= h < 24 and 0 <= mi < 60 and 0 <= s < 61):
        raise ValueError(text)
    return h * 3600 + mi * 60 + s


def _strip_zone(text: str) -> str:
    for zone in (" UTC", " GMT", "Z", " (GMT)"):
        if text.endswith(zone):
            return text[: -len(zone)].rstrip()
    return text


def _parse(raw: str) -> tuple[int, int, int, int]:
    """(year, month, day, seconds into the day) for any known shape; raises ValueError."""
    text = raw.strip()
    if not text:
        raise ValueError(raw)
    # Java Date.toString(): "Thu Sep 08 12:34:56 UTC 2022"
    words = text.split()
    if len(words) == 6 and words[0][:3].isalpha() and words[1][:3].lower() in MONTHS:
        return int(words[5]), MONTHS[words[1].lower()], int(words[2]), _clock(words[3])
    text = _strip_zone(text)
    first = text[:1]
    if first.isdigit() and len(text) >= 10 and text[4] in "-/" and text[:4].isdigit():
        # ISO "2025-06-01 14:03:22", "2019-11-06T02:08:20", "2024/02/01 15:02:55", "2024-05-02 13:45"
        y, m, d = int(text[0:4]), int(text[5:7]), int(text[8:10])
        rest = text[10:].lstrip("T ").strip()
        return y, m, d, _clock(rest) if rest else 0
    date_part, _, time_part = text.partition(",") if "/" in text else (text, "", "")
    if "/" in date_part:
        # US order "1/29/26, 2:37 PM" (LinkedIn) or "11/5/2022" / "11/5/2022 14:03" (Excel)
        pieces = date_part.split()
        m_s, d_s, y_s = pieces[0].split("/")
        clock_text = time_part.strip() or " ".join(pieces[1:])
        return _year(y_s), int(m_s), int(d_s), _clock(clock_text) if clock_text else 0
    if "." in text and text[:1].isdigit():
        # European Excel: "05.11.2022" or "05.11.2022 14:03"
        date_text, _, clock_text = text.partition(" ")
        d_s, m_s, y_s = date_text.split(".")
        return _year(y_s), int(m_s), int(d_s), _clock(clock_text) if clock_text else 0
    if "-" in text and first.isdigit():
        # Excel "5-Nov-22" / "05-Nov-2022"
        d_s, mon, y_s = text.split("-")
        return _year(y_s), MONTHS[mon.lower()], int(d_s), 0
    tokens = text.replace(",", " ").split()
    if len(tokens) >= 3 and first.isdigit():
        # "05 Nov 2022" (Connections)
        return _year(tokens[2]), MONTHS[tokens[1].lower()], int(tokens[0]), 0
    if len(tokens) >= 3 and first.isalpha():
        # "Nov 5, 2022" / "November 5 2022 4:05 AM"
        clock_text = " ".join(tokens[3:])
        return int(tokens[2]), MONTHS[tokens[0].lower()], int(tokens[1]), _clock(clock_text) if clock_text else 0
    raise ValueError(raw)


_ISO_DAYS: dict[str, int] = {}


def _iso_day_seconds(text: str) -> int:
    """Epoch seconds of an ISO day, memoised; -1 when it is not a valid day."""
    try:
        y, m, d = int(text[0:4]), int(text[5:7]), int(text[8:10])
    except ValueError:
        return -1
    value = _day_seconds(y, m, d) if _valid(y, m, d) and text[7] == "-" else -1
    if len(_ISO_DAYS) < 200_000:
        _ISO_DAYS[text] = value
    return value


def parse_instant(raw: str | None) -> int | None:
    """Epoch seconds (UTC) for any date or date-time the export uses; None when empty or unreadable."""
    if raw is None:
        return None
    # Fast path for messages.csv, a million rows: "YYYY-MM-DD HH:MM:SS UTC" sliced, not parsed.
    if len(raw) == 23 and raw[4] == "-" and raw[13] == ":" and raw[19:] == " UTC":
        day = _ISO_DAYS.get(raw[:10])
        if day is None:
            day = _iso_day_seconds(raw[:10])
        try:
            h, mi, s = int(raw[11:13]), int(raw[14:16]), int(raw[17:19])
        except ValueError:
            return None
        if day >= 0 and h < 24 and mi < 60 and s < 61:
            return day + h * 3600 + mi * 60 + s
        return None
    if raw.strip().casefold() in _MISSING:
        return None
    try:
        y, m, d, secs = _parse(raw)
    except (ValueError, KeyError, IndexError):
        return None
    if not _valid(y, m, d):
        return None
    return _day_seconds(y, m, d) + secs


@lru_cache(maxsize=65536)
def parse_day(raw: str | None) -> str | None:
    """ISO ``YYYY-MM-DD`` for any date shape; None when empty or unreadable."""
    ts = parse_instant(raw)
    if ts is None:
        return None
    return iso_day(ts)


@lru_cache(maxsize=65536)
def _civil_from_days(z: int) -> tuple[int, int, int]:
    z += 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return y + (m <= 2), m, d


def iso_day(ts: int) -> str:
    y, m, d = _civil_from_days(ts // 86400)
    return f"{y:04d}-{m:02d}-{d:02d}"


def parse_month(raw: str | None) -> str | None:
    """Positions/Education dates: ``Jan 2024`` → ``2024-01``, ``2019`` → ``2019``; full dates → ISO."""
    if raw is None:
        return None
    text = raw.strip()
    if text.casefold() in _MISSING:
        return None
    if text.isdigit() and len(text) == 4:
        return text
    tokens = text.replace(",", " ").split()
    if len(tokens) == 2 and tokens[0].lower() in MONTHS and tokens[1].isdigit() and len(tokens[1]) == 4:
        return f"{tokens[1]}-{MONTHS[tokens[0].lower()]:02d}"
    return parse_day(text)


def export_date_from_name(name: str) -> str | None:
    """The date in ``Basic_LinkedInDataExport_MM-DD-YYYY (1).zip`` (US order), as ISO; else None."""
    marker = "LinkedInDataExport_"
    at = name.find(marker)
    if at < 0:
        return None
    stamp = name[at + len(marker): at + len(marker) + 10]
    parts = stamp.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    m, d, y = (int(p) for p in parts)
    return f"{y:04d}-{m:02d}-{d:02d}" if _valid(y, m, d) else None


FUTURE = "date in the future"


def latest_instant() -> int:
    """The latest message or invitation time an export can hold: the end of tomorrow (UTC), a day of slack for
    time zones; anything later is dated in the future, counted and skipped."""
    return clock.day_start_ts(clock.today() + timedelta(days=2)) - 1
