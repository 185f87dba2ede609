"""Thin compositions of core calls that a page and its API twin share (no queries, no rules here)."""

from __future__ import annotations

from typing import Any

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
