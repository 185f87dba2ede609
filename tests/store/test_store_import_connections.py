"""m009: which connections each import listed, filled in for imports made before it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from tests.linkedin.test_linkedin_support import connection, default_files, write_export
from twoway.linkedin import import_export
from twoway.store import apply_migrations, open_store


def test_the_migration_fills_in_earlier_imports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", "2026-06-15")
    people = [connection("P", f"N{i}", f"p-{i}") for i in range(12)]
    store = open_store(str(tmp_path / "t.db"))
    import_export(store, write_export(tmp_path / "a", default_files(connections=people),
                                      name="Basic_LinkedInDataExport_06-01-2026"))
    import_export(store, write_export(tmp_path / "b", default_files(connections=people[3:]),
                                      name="Basic_LinkedInDataExport_06-07-2026"))
    query = text("SELECT import_id, person_id FROM import_connections ORDER BY import_id, person_id")
    with store.begin() as conn:
        recorded = conn.execute(query).all()
        conn.execute(text("DROP TABLE import_connections"))
        conn.execute(text("DELETE FROM migrations WHERE name = 'm010_import_connections'"))
        assert apply_migrations(conn) == ["m010_import_connections"]
        assert conn.execute(query).all() == recorded
    store.close()
    assert len(recorded) == 12 + 9
