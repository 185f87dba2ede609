"""The owner's own people row: it carries their current job, so teammates' paths can say who they are."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import text

from twoway.generator import generate_export
from twoway.linkedin import import_export
from twoway.store import Store


def test_owner_person_row_shows_the_current_position(any_store: Store, tmp_path: Path) -> None:
    export = generate_export(tmp_path / "export.zip", seed=4, connections=60, today=date(2026, 6, 1))
    import_export(any_store, export.path)
    with any_store.connect() as conn:
        current = conn.execute(text(
            "SELECT company, title FROM owner_positions WHERE finished_on IS NULL OR finished_on = '' "
            "ORDER BY started_on DESC")).first()
        row = conn.execute(text(
            "SELECT p.company, p.position FROM owners o JOIN people p ON p.id = o.person_id")).one()
    assert current is not None
    assert tuple(row) == (current[0], current[1])
