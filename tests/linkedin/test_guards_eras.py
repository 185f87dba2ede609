"""One message history across export formats: 2018's Messages.csv and today's messages.csv, in any order."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from twoway.generator import generate_export
from twoway.linkedin import import_export
from twoway.store import Store

TODAY = date(2026, 6, 15)


@pytest.mark.parametrize("order", [("2018-11", "2026-06"), ("2026-06", "2018-11")])
def test_both_eras_give_one_history(any_store: Store, tmp_path: Path, order: tuple[str, str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", TODAY.isoformat())
    exports = [generate_export(tmp_path / era, seed=3, connections=120, years=4, era=era, today=TODAY)
               for era in order]
    assert exports[0].messages == exports[1].messages
    for export in exports:
        import_export(any_store, export.path, confirm=True)
    with any_store.connect() as conn:
        stored = int(conn.execute(text("SELECT COUNT(*) FROM interactions")).scalar_one())
    assert stored == exports[0].messages, "each message once, whichever era came first"
