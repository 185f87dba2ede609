"""`twoway imports forget ID`: what only that import brought goes; statuses come back from the other imports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from tests.linkedin.test_linkedin_support import connection, default_files, write_export
from twoway.cli import cli
from twoway.linkedin import forget_import, import_export
from twoway.store import Store, open_store

PEOPLE = [connection("P", f"N{i}", f"p-{i}") for i in range(50)]


def _state(store: Store) -> dict[str, object]:
    with store.connect() as conn:
        def q(sql: str) -> object:
            return conn.execute(text(sql)).all()
        return {
            "connections": q("SELECT p.url, c.status, c.removed_on FROM connections c JOIN people p "
                             "ON p.id = c.person_id ORDER BY p.url"),
            "people": q("SELECT url, full_name FROM people ORDER BY url, full_name"),
            "messages": q("SELECT fingerprint FROM interactions ORDER BY fingerprint"),
            "imports": q("SELECT COUNT(*) FROM imports"),
        }


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setenv("TWOWAY_TODAY", "2026-06-15")
    s = open_store(str(tmp_path / "t.db"))
    yield s
    s.close()


def test_forgetting_a_bad_newer_import_restores_the_network(tmp_path: Path, store: Store) -> None:
    good = write_export(tmp_path / "a", default_files(connections=PEOPLE), name="Basic_LinkedInDataExport_06-01-2026")
    import_export(store, good)
    before = _state(store)
    extra = [*PEOPLE[:1], connection("New", "Comer", "new-comer")]
    bad = write_export(tmp_path / "b", default_files(connections=extra), name="Basic_LinkedInDataExport_06-07-2026")
    summary = import_export(store, bad, confirm=True)
    assert summary.connections_removed == 49
    with store.begin() as conn:
        done = forget_import(conn, summary.import_id)
    assert done.connections_removed == 1  # New Comer: only the forgotten import listed them
    after = _state(store)
    assert after["connections"] == before["connections"]
    assert after["imports"] == before["imports"]
    assert after["messages"] == before["messages"]


def test_forgetting_the_older_import_keeps_what_the_newer_one_also_had(tmp_path: Path, store: Store) -> None:
    first = write_export(tmp_path / "a", default_files(connections=PEOPLE), name="Basic_LinkedInDataExport_06-01-2026")
    one = import_export(store, first)
    second = write_export(tmp_path / "b", default_files(connections=PEOPLE[2:]),
                          name="Basic_LinkedInDataExport_06-07-2026")
    import_export(store, second)
    with store.begin() as conn:
        forget_import(conn, one.import_id)
    with store.connect() as conn:
        rows = conn.execute(text("SELECT status, COUNT(*) FROM connections GROUP BY status")).all()
        messages = conn.execute(text("SELECT COUNT(*) FROM interactions")).scalar_one()
    assert dict(rows) == {"connected": 48}
    assert messages > 0  # the newer export read the same messages file: they stay


def test_cli_forget_and_unknown_id(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    export = write_export(tmp_path / "a", default_files(connections=PEOPLE))
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "import", str(export)]).exit_code == 0
    listed = runner.invoke(cli, ["--db", str(db), "imports"])
    assert listed.exit_code == 0, listed.output
    result = runner.invoke(cli, ["--db", str(db), "imports", "forget", "1"])
    assert result.exit_code == 0, result.output
    assert "forgotten" in result.output
    store = open_store(str(db))
    try:
        with store.connect() as conn:
            assert conn.execute(text("SELECT COUNT(*) FROM connections")).scalar_one() == 0
            assert conn.execute(text("SELECT COUNT(*) FROM interactions")).scalar_one() == 0
    finally:
        store.close()
    missing = runner.invoke(cli, ["--db", str(db), "imports", "forget", "99"])
    assert missing.exit_code != 0
    assert "no import #99" in missing.output
