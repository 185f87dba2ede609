"""Thin compositions of core calls that a page and its API twin share (no queries, no rules here)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from twoway import settings as settings_mod
from twoway.store import Store


def change_setting(store: Store, name: str, value: Any, *, reset: bool = False) -> dict[str, Any]:
    """Set (or reset) one setting and return its description as the Settings page shows it."""
    with store.begin() as conn:
        if reset:
            settings_mod.reset(conn, name)
        else:
            settings_mod.set_value(conn, name, value)
    return next(row for row in settings_mod.describe(store.settings()) if row["name"] == name)


def invitations_view(conn: Connection, owner_id: int, *, include_all: bool = False) -> dict[str, Any]:
    """The Invitations page: incoming triage, outgoing advice, the weekly budget and acceptance rates."""
    from twoway import invitation_stats, invitations, triage

    s = settings_mod.load(conn)
    return {
        "incoming": triage.incoming(conn, owner_id, include_all=include_all, settings=s),
        "outgoing": triage.outgoing(conn, owner_id, include_all=include_all, settings=s),
        "budget": invitations.weekly_budget(conn, owner_id, settings=s),
        "acceptance": invitation_stats.acceptance_summary(conn, owner_id, settings=s),
        "all": include_all,
    }

