"""Files a member edited or re-saved still import where the intent is clear (generated data only)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import text

from tests.linkedin.test_linkedin_support import (
    CONNECTIONS_HEADER,
    PREAMBLE,
    connection,
    csv_text,
    default_files,
    write_export,
)
from twoway.cli import cli
from twoway.linkedin import import_export
from twoway.store import Store, open_store


def _names(store: Store) -> list[tuple[str, str]]:
    with store.connect() as conn:
        return sorted((str(a or ""), str(b or "")) for a, b in conn.execute(text(
            "SELECT p.first_name, p.last_name FROM connections c JOIN people p ON p.id = c.person_id")))


def test_connections_csv_wins_over_the_members_own_copies(tmp_path: Path) -> None:
    files = default_files()
    files["Connections_test.csv"] = csv_text(CONNECTIONS_HEADER, [connection("Tess", "Copy", "tess")])
    files["ConnectionsWide.csv"] = csv_text([*CONNECTIONS_HEADER, "Extra"], [[*connection("W", "Ide", "w"), "x"]])
    store = open_store(str(tmp_path / "t.db"))
    summary = import_export(store, write_export(tmp_path / "x", files))
    assert summary.connections_total == 3
    assert summary.ignored_files == ["Connections_test.csv", "ConnectionsWide.csv"]
    assert any("Ignored beside Connections.csv: Connections_test.csv" in line for line in summary.lines())
    store.close()


def test_several_connection_files_without_connections_csv_are_refused(tmp_path: Path) -> None:
    files = default_files()
    files["mine.csv"] = files.pop("Connections.csv")
    files["other.csv"] = csv_text(CONNECTIONS_HEADER, [connection("Tess", "Copy", "tess")])
    export = write_export(tmp_path / "x", files)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "t.db"), "import", str(export)])
    assert result.exit_code != 0
    assert "several connection files" in result.output


def test_one_name_column_is_split_into_first_and_last(tmp_path: Path) -> None:
    files = default_files()
    files["Connections.csv"] = PREAMBLE + csv_text(
        ["Name", "URL", "Company", "Position", "Connected On"],
        [["Ana Maria Silva", "https://www.linkedin.com/in/ana-silva", "Acme", "CTO", "05 Jun 2026"],
         ["Bo", "https://www.linkedin.com/in/bochen", "", "", "01 Jan 2025"]])
    store = open_store(str(tmp_path / "t.db"))
    assert import_export(store, write_export(tmp_path / "x", files)).connections_total == 2
    assert _names(store) == [("Ana", "Maria Silva"), ("Bo", "")]
    store.close()


def test_semicolon_resave_without_last_name(tmp_path: Path) -> None:
    files = default_files()
    files["Connections.csv"] = ("\ufeffFirst Name;Company;Position;Connected On\r\n"
                                "Ana;Acme;CTO;05.06.2026\r\nBo;Beta;Engineer;01.01.2025\r\n")
    store = open_store(str(tmp_path / "t.db"))
    summary = import_export(store, write_export(tmp_path / "x", files))
    assert summary.connections_total == 2
    assert _names(store) == [("Ana", ""), ("Bo", "")]
    store.close()


def test_mixed_utf8_and_cp1252_lines_each_read_right(tmp_path: Path) -> None:
    header = csv_text(CONNECTIONS_HEADER, []).encode()
    utf8 = ",".join(connection("José", "Müller", "jose")).encode("utf-8") + b"\n"
    latin = ",".join(connection("Zoë", "Françoise", "zoe")).encode("cp1252") + b"\n"
    files = default_files()
    files["Connections.csv"] = header + utf8 + latin + utf8.replace(b"jose", b"jose2").replace(b"Jos", b"Jo")
    store = open_store(str(tmp_path / "t.db"))
    import_export(store, write_export(tmp_path / "x", files))
    names = _names(store)
    assert ("José", "Müller") in names
    assert ("Zoë", "Françoise") in names
    assert not any("\ufffd" in first + last for first, last in names)
    store.close()


def test_unknown_header_quotes_the_header_row_and_its_line(tmp_path: Path) -> None:
    files = default_files()
    files["Connections.csv"] = PREAMBLE + "Who,When,Where\nAna,yesterday,here\n"
    export = write_export(tmp_path / "x", files)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "t.db"), "import", str(export)])
    assert result.exit_code != 0
    assert "Connections.csv, line 4" in result.output, result.output
    assert "Who,When,Where" in result.output
