"""How reasons write dates, spans of time and matches in free text, so every verdict reads the same."""

from __future__ import annotations

import re
from datetime import date

from twoway.clock import DAY_SECONDS, day_to_date

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_words(d: date) -> str:
    """A date as reasons write it: 1 Sep 2026."""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def ago_words(days: int) -> str:
    """How long ago, as reasons write it: today, yesterday, 12 days ago, about 11 months ago."""
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 60:
        return f"{days} days ago"
    if days < 730:
        return f"about {round(days / 30.44)} months ago"
    return f"about {days // 365} years ago"


def ts_date_words(ts: int) -> str:
    return date_words(day_to_date(ts // DAY_SECONDS))


def mentions(haystack: str | None, keyword: str) -> bool:
    """Whether ``keyword`` stands in ``haystack`` as whole words, ignoring case."""
    if not haystack or not keyword.strip():
        return False
    return re.search(r"(?<!\w)" + re.escape(keyword.strip()) + r"(?!\w)", haystack, re.IGNORECASE) is not None
