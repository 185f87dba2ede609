"""A field past the limit mid-file refuses the import with file, line and limit; the rows counted as skipped
are only those left out; Profile.csv's control characters never reach the owner's name (generated rows)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from tests.linkedin.test_linkedin_bad_input import assert_refused
from tests.linkedin.test_linkedin_support import (
    CONNECTIONS_HEADER,
    PREAMBLE,
    PROFILE_HEADER,
    connection,
    csv_text,
    default_files,
    write_export,
)
from twoway.cli import cli
from twoway.linkedin import import_export
from twoway.store import Store, open_store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "twoway.db"
    good = write_export(tmp_path / "good", default_files())
    assert CliRunner().invoke(cli, ["--db", str(path), "import", str(good)]).exit_code == 0
    assert CliRunner().invoke(cli, ["--db", str(path), "settings", "import_max_field_chars", "1000"]).exit_code == 0
    return path


def long_mid_file(repeat: int) -> dict[str, str | bytes]:
    rows = [connection(f"Name{i}", "Good", f"good-{i}") for i in range(12)]
    rows[6] = connection("Bo", "Chen" * repeat, "bochen")  # line 4 is the header after the preamble: line 11
    files = default_files()
    files["Connections.csv"] = PREAMBLE + csv_text(CONNECTIONS_HEADER, rows)
    return files


@pytest.mark.parametrize("repeat", [400, 4000])  # past the field limit; past the physical-line guard too
def test_a_long_field_mid_file_refuses_the_import_naming_file_line_and_limit(
        db: Path, tmp_path: Path, repeat: int) -> None:
    out = assert_refused(db, write_export(tmp_path / "x", long_mid_file(repeat)),
                         "Connections.csv, line 11", "1,000", "import_max_field_chars", "nothing was imported")
    assert len(out) < 400  # short


def test_rows_skipped_counts_only_rows_left_out(any_store: Store, tmp_path: Path) -> None:
    rows = [connection("Ana", "Silva", "ana-silva"),
            connection("Bo\x1b[31m", "Chen", "bochen"),  # kept, control characters removed
            ["Ada", "Lovelace", "https://[www.linkedin.com/in/ada", "", "", "", "05 Jun 2026"],  # kept, URL left out
            ["Cy", "Wrong", "width"],  # skipped
            connection("Di", "Later", "di-later", on="05 Jun 2099")]  # skipped: after today
    files = default_files(connections=rows)
    s = import_export(any_store, write_export(tmp_path, files))
    assert s.kept == {"control characters removed": 1, "unreadable profile URL left out": 1}
    assert sum(s.skipped.values()) == 2
    conns = next(f for f in s.files if f["name"] == "Connections.csv")
    assert conns["skipped"] == 2
    with any_store.connect() as conn:
        stored = conn.execute(text("SELECT rows_read, rows_skipped FROM import_files WHERE name = 'Connections.csv' "
                                   "AND import_id = :i"), {"i": s.import_id}).one()
    assert tuple(stored) == (4, 2)  # rows read: the wrong-width row is never read as a row


def test_profile_control_characters_never_reach_the_owner_name(tmp_path: Path) -> None:
    files = default_files()
    files["Profile.csv"] = csv_text(PROFILE_HEADER, [["Ol\x1b]0;pwned\x07ga", "Own\x1b[2Jer\x9b", "", "", "",
                                                      "Builder\x00", "", "", "", "Berlin", "", "", ""]])
    db = tmp_path / "t.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "import", str(write_export(tmp_path / "x", files))])
    assert result.exit_code == 0, result.output
    assert "control characters removed" in result.output
    store = open_store(str(db))
    try:
        with store.connect() as conn:
            name, headline = conn.execute(text("SELECT name, headline FROM owners")).one()
    finally:
        store.close()
    assert name == "Ol]0;pwnedga Own[2Jer"
    assert headline == "Builder"
