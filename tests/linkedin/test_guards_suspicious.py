"""Suspicious imports are refused before they do harm, unless confirmed; dates never run ahead of today."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import text

from tests.linkedin.test_linkedin_support import CONNECTIONS_HEADER, connection, csv_text, default_files, write_export
from twoway.cli import cli
from twoway.store import open_store

PEOPLE = [connection("P", f"N{i}", f"p-{i}") for i in range(50)]


def _run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], env={"TWOWAY_TODAY": "2026-06-15"})
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _statuses(db: Path) -> dict[str, int]:
    store = open_store(str(db))
    try:
        with store.connect() as conn:
            rows = conn.execute(text("SELECT status, COUNT(*) FROM connections GROUP BY status"))
            return {s: int(n) for s, n in rows}
    finally:
        store.close()


def test_a_newer_export_removing_most_connections_needs_yes(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    first = write_export(tmp_path / "a", default_files(connections=PEOPLE), name="Basic_LinkedInDataExport_06-01-2026")
    assert _run(db, "import", str(first))[0] == 0
    before = _statuses(db)
    files = default_files(connections=PEOPLE[:1])
    second = write_export(tmp_path / "b", files, name="Basic_LinkedInDataExport_06-07-2026")
    code, out = _run(db, "import", str(second))
    assert code != 0
    assert "import_max_removed_percent" in out
    assert "--yes" in out
    assert _statuses(db) == before
    code, out = _run(db, "import", str(second), "--yes")
    assert code == 0, out
    assert _statuses(db)["removed"] == 49


def test_a_few_removals_need_no_confirmation(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    first = write_export(tmp_path / "a", default_files(connections=PEOPLE), name="Basic_LinkedInDataExport_06-01-2026")
    assert _run(db, "import", str(first))[0] == 0
    second = write_export(tmp_path / "b", default_files(connections=PEOPLE[5:]),
                          name="Basic_LinkedInDataExport_06-07-2026")
    code, out = _run(db, "import", str(second))
    assert code == 0, out
    assert _statuses(db)["removed"] == 5


def test_a_newer_export_missing_files_needs_yes(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    first = write_export(tmp_path / "a", default_files(connections=PEOPLE), name="Basic_LinkedInDataExport_06-01-2026")
    assert _run(db, "import", str(first))[0] == 0
    only = {"Connections.csv": csv_text(CONNECTIONS_HEADER, PEOPLE)}
    second = write_export(tmp_path / "b", only, name="Basic_LinkedInDataExport_06-07-2026")
    code, out = _run(db, "import", str(second))
    assert code != 0
    assert "messages" in out
    assert "--yes" in out
    assert _run(db, "import", str(second), "--yes")[0] == 0


def test_an_export_named_in_the_future_is_dated_today(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    export = write_export(tmp_path / "a", default_files(connections=PEOPLE), name="Basic_LinkedInDataExport_01-01-2099")
    code, out = _run(db, "import", str(export), "--json")
    assert code == 0, out
    assert '"exported_on": "2026-06-15"' in out
