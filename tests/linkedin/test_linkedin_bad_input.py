"""Bad input: a short message naming file and line, a non-zero exit, no traceback, the database unchanged."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import text

from tests.linkedin.test_linkedin_support import CONNECTIONS_HEADER, connection, csv_text, default_files, write_export
from twoway.cli import cli
from twoway.store import open_store

TABLES = ("owners", "people", "connections", "interactions", "imports", "import_files", "invitations")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database that already holds one good import, so 'unchanged' means something."""
    path = tmp_path / "twoway.db"
    good = write_export(tmp_path / "good", default_files())
    result = CliRunner().invoke(cli, ["--db", str(path), "import", str(good)])
    assert result.exit_code == 0, result.output
    return path


def counts(db: Path) -> dict[str, int]:
    store = open_store(str(db))
    try:
        with store.connect() as conn:
            return {t: int(conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one()) for t in TABLES}
    finally:
        store.close()


def run_import(db: Path, path: Path | str, *extra: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), "import", str(path), *extra])


def assert_refused(db: Path, path: Path | str, *needles: str) -> str:
    before = counts(db)
    result = run_import(db, path)
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    for needle in needles:
        assert needle in result.output, result.output
    assert counts(db) == before
    return result.output


def test_not_a_zip_or_folder(db: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello")
    assert_refused(db, bogus, "notes.txt", "not a zip archive or a folder")


def test_missing_path(db: Path, tmp_path: Path) -> None:
    assert_refused(db, tmp_path / "nowhere.zip", "nowhere.zip", "no such file or folder")


def test_no_connections_file(db: Path, tmp_path: Path) -> None:
    files = default_files()
    del files["Connections.csv"]
    assert_refused(db, write_export(tmp_path / "x", files, as_zip=True), "no Connections.csv", "Connected On")


def test_truncated_zip(db: Path, tmp_path: Path) -> None:
    whole = write_export(tmp_path / "x", default_files(), as_zip=True)
    cut = tmp_path / "Basic_LinkedInDataExport_06-07-2026-cut.zip"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    assert_refused(db, cut, cut.name, "truncated or corrupt")


def test_corrupt_entry_in_zip(db: Path, tmp_path: Path) -> None:
    files = default_files(connections=[connection("P", f"N{i}", f"p-{i}") for i in range(300)])
    whole = write_export(tmp_path / "x", files, as_zip=True)
    data = bytearray(whole.read_bytes())
    with zipfile.ZipFile(whole) as zf:
        info = zf.getinfo("Connections.csv")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 40, start + 80):
        data[i] ^= 0xFF  # damage the compressed bytes, keep the directory intact
    whole.write_bytes(bytes(data))
    assert_refused(db, whole, "Connections.csv", "corrupt")


def test_unknown_header(db: Path, tmp_path: Path) -> None:
    files = default_files()
    files["Connections.csv"] = "Who,When\nAna,yesterday\n"
    out = assert_refused(db, write_export(tmp_path / "x", files), "Connections.csv, line 1", "unknown header",
                         "Connected On")
    assert "Who,When" in out


def test_wrong_field_counts_are_reported_skipped_and_counted(db: Path, tmp_path: Path) -> None:
    body = csv_text(CONNECTIONS_HEADER, [connection("Ana", "Silva", "ana-silva"),
                                         connection("Cy", "New", "cy-new")])
    body += "Broken,Row,https://www.linkedin.com/in/broken,,Acme\n"
    files = default_files()
    files["Connections.csv"] = body
    result = run_import(db, write_export(tmp_path / "x", files))
    assert result.exit_code == 0, result.output
    assert "Connections.csv, line 4: expected 7 fields as in the header, found 5" in result.output
    assert "wrong field count" in result.output
    result = CliRunner().invoke(cli, ["--db", str(db), "imports", "--json"])
    assert '"wrong field count": 1' in result.output


def test_zip_entry_escaping_the_folder(db: Path, tmp_path: Path) -> None:
    files = default_files()
    files["../../evil.csv"] = "x,y\n"
    assert_refused(db, write_export(tmp_path / "x", files, as_zip=True), "../../evil.csv", "outside")


def test_absolute_zip_entry(db: Path, tmp_path: Path) -> None:
    files = default_files()
    files["/etc/cron.d/evil.csv"] = "x,y\n"
    assert_refused(db, write_export(tmp_path / "x", files, as_zip=True), "outside")


def test_archive_over_the_unpack_limit(db: Path, tmp_path: Path) -> None:
    files = default_files()
    files["padding.bin"] = b"\0" * (3 * 1024 * 1024)  # compresses to almost nothing: a small zip bomb
    path = write_export(tmp_path / "x", files, as_zip=True)
    assert CliRunner().invoke(cli, ["--db", str(db), "settings", "import_max_unpacked_mb", "2"]).exit_code == 0
    assert_refused(db, path, path.name, "limit of 2 MB", "import_max_unpacked_mb")


def test_enormous_field(db: Path, tmp_path: Path) -> None:
    files = default_files()
    files["Connections.csv"] = csv_text(CONNECTIONS_HEADER, [
        connection("Ana", "Silva", "ana-silva"), connection("Bo", "Chen" * 400, "bochen")])
    assert CliRunner().invoke(cli, ["--db", str(db), "settings", "import_max_field_chars", "1000"]).exit_code == 0
    assert_refused(db, write_export(tmp_path / "x", files), "Connections.csv, line 3", "longer than 1,000")


def test_debug_shows_the_traceback(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_DEBUG", "1")
    result = run_import(db, tmp_path / "nowhere")
    assert result.exit_code != 0
    assert result.exception is not None
    assert "no such file or folder" in str(result.exception)


def test_json_summary(tmp_path: Path) -> None:
    import json

    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "j.db"), "import",
                                      str(write_export(tmp_path, default_files())), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["connections_added"] == 3
    assert data["owner_name"] == "Olga Owner"
    listed = json.loads(CliRunner().invoke(cli, ["--db", str(tmp_path / "j.db"), "imports", "--json"]).output)
    assert [item["id"] for item in listed] == [data["import_id"]]
