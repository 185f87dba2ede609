"""Thin compositions of core calls that a page and its API twin share (no queries, no rules here)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from twoway import clock
from twoway import settings as settings_mod
from twoway.errors import InputError
from twoway.states import STATES
from twoway.views.people import PeopleQuery

if TYPE_CHECKING:
    from twoway.web.app import Web


def change_setting(web: Web, name: str, value: Any, *, reset: bool = False) -> dict[str, Any]:
    """Set (or reset) one setting and return its description as the Settings page shows it."""
    web.change_setting(name, value, reset=reset)
    return next(row for row in settings_mod.describe(web.settings()) if row["name"] == name)


# -- People -----------------------------------------------------------------------------------------
def _day(raw: str | None, name: str) -> date | None:
    if raw is None or not raw.strip():
        return None
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise InputError(f"{name}: {raw!r} is not a date (YYYY-MM-DD)") from None


def _int(raw: str | None, name: str) -> int | None:
    if raw is None or not raw.strip():
        return None
    try:
        return int(raw.strip())
    except ValueError:
        raise InputError(f"{name}: {raw!r} is not a whole number") from None


def parse_day(raw: str | None) -> date | None:
    """A date from a form field; empty means none."""
    return _day(raw, "date")


def snooze_options() -> list[tuple[str, str]]:
    """(until, label) choices offered next to a Snooze button."""
    today = clock.today()
    return [((today + timedelta(days=days)).isoformat(), label)
            for days, label in ((7, "1 week"), (30, "1 month"), (91, "3 months"), (182, "6 months"))]


def people_query(
    text: str | None = None, company: str | None = None, tag: str | None = None, state: str | None = None,
    min_strength: str | None = None, connected_since: str | None = None, connected_before: str | None = None,
    status: str | None = None, sort: str | None = None, desc: str | None = None, page: str | None = None,
    per_page: str | None = None,
) -> PeopleQuery:
    """A listing query from form or URL fields, where an empty field means "any" (HTML forms send them)."""
    if state and state.strip() and state.strip() not in STATES:
        raise InputError(f"state {state!r}: expected one of {', '.join(STATES)}")
    return PeopleQuery(
        text=(text or "").strip() or None, company=(company or "").strip() or None,
        tag=(tag or "").strip() or None, state=(state or "").strip() or None,
        min_strength=_int(min_strength, "min_strength"),
        connected_since=_day(connected_since, "connected_since"),
        connected_before=_day(connected_before, "connected_before"),
        status=(status or "").strip() or "connected", sort=(sort or "").strip() or "name",
        descending=(desc or "").strip().lower() in ("1", "true", "yes", "on"),
        page=_int(page, "page") or 1, per_page=min(_int(per_page, "per_page") or 50, 500),
    )


# -- The week and pruning -------------------------------------------------------------------------
# -- The network: degrees, mutual connections, introductions, suggestions ---------------------------


def health_only(view: dict[str, Any]) -> Any:
    """The API's /overview answer: the health figures without the drawn plots."""
    return view["health"]


health_only.key = "health"  # type: ignore[attr-defined]
