"""Reading calendars (iCalendar .ics) into the store: meetings with each attendee, recurring ones counted at most
once a month, all or nothing.

``import_calendar(store, path)`` is the entry point; ``looks_like_calendar(path)`` recognises a calendar file.
"""

from __future__ import annotations

from twoway.calendars.importer import import_calendar, looks_like_calendar

__all__ = ["import_calendar", "looks_like_calendar"]
