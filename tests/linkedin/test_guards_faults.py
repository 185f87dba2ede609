"""Archive faults, encodings and odd files: a short message naming the file, or a note and the rest imported."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.linkedin.test_linkedin_bad_input import assert_refused, db, run_import  # noqa: F401
from tests.linkedin.test_linkedin_support import (
    CONNECTIONS_HEADER,
    IN,
    connection,
    csv_text,
    default_files,
    write_export,
)
from twoway.cli import cli
from twoway.linkedin import import_export
from twoway.linkedin.csvfile import _sniff_encoding
from twoway.store import open_store

TEXT = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Lee,,,Acme,CEO,01 Jan 2024\n"


def _zip_with_method(dest: Path, method: int) -> Path:
    """A zip whose Connections.csv claims compression ``method`` (the bytes are stored)."""
    path = write_export(dest, default_files(), as_zip=True)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
    central = data.rfind(b"PK\x05\x06")
    cd_offset = struct.unpack_from("<I", data, central + 16)[0]
    pos = cd_offset
    for info in infos:
        if info.filename == "Connections.csv":
            struct.pack_into("<H", data, info.header_offset + 8, method)
            struct.pack_into("<H", data, pos + 10, method)
        pos += 46 + len(info.filename.encode()) + len(info.extra) + len(info.comment)
    path.write_bytes(bytes(data))
    return path


def test_deflate64_member_is_named(db: Path, tmp_path: Path) -> None:  # noqa: F811
    path = _zip_with_method(tmp_path / "x", 9)
    assert_refused(db, path, "Connections.csv", "Deflate64", "import the folder")


def test_corrupt_bzip2_member_names_the_file(db: Path, tmp_path: Path) -> None:  # noqa: F811
    path = tmp_path / "Basic_LinkedInDataExport_06-07-2026.zip"
    files = default_files(connections=[connection("P", f"N{i}", f"p-{i}") for i in range(300)])
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_BZIP2) as zf:
        for name, body in files.items():
            zf.writestr(name, body)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("Connections.csv")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 10, start + 60):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    assert_refused(db, path, "Connections.csv", "corrupt")


def test_wrong_member_offset_names_the_file(db: Path, tmp_path: Path) -> None:  # noqa: F811
    path = write_export(tmp_path / "x", default_files(), as_zip=True)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
    pos = struct.unpack_from("<I", data, data.rfind(b"PK\x05\x06") + 16)[0]
    for info in infos:
        if info.filename == "Connections.csv":
            struct.pack_into("<I", data, pos + 42, info.header_offset + 7)
        pos += 46 + len(info.filename.encode()) + len(info.extra) + len(info.comment)
    path.write_bytes(bytes(data))
    assert_refused(db, path, "Connections.csv")


def test_members_at_negative_offsets_name_the_archive(db: Path, tmp_path: Path) -> None:  # noqa: F811
    path = write_export(tmp_path / "x", default_files(), as_zip=True)
    data = bytearray(path.read_bytes())
    eocd = data.rfind(b"PK\x05\x06")
    cd_offset = struct.unpack_from("<I", data, eocd + 16)[0]
    struct.pack_into("<I", data, eocd + 16, cd_offset + len(data))  # every member seems to start before byte 0
    path.write_bytes(bytes(data))
    assert_refused(db, path, path.name)


def test_bad_utf8_member_name_is_refused_shortly(db: Path, tmp_path: Path) -> None:  # noqa: F811
    path = write_export(tmp_path / "x", default_files(), as_zip=True)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
    pos = struct.unpack_from("<I", data, data.rfind(b"PK\x05\x06") + 16)[0]
    for info in infos:
        if info.filename == "Connections.csv":
            flags = struct.unpack_from("<H", data, pos + 8)[0]
            struct.pack_into("<H", data, pos + 8, flags | 0x800)  # says UTF-8 ...
            data[pos + 46] = 0xFF  # ... and is not
        pos += 46 + len(info.filename.encode()) + len(info.extra) + len(info.comment)
    path.write_bytes(bytes(data))
    out = assert_refused(db, path, path.name)
    assert "internal error" not in out


def test_empty_member_name_is_refused_shortly(db: Path, tmp_path: Path) -> None:  # noqa: F811
    path = write_export(tmp_path / "x", default_files(), as_zip=True)
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("Q", b"x,y\n")  # the last entry; its one-letter name is cut below
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        last = zf.getinfo("Q")
    eocd = data.rfind(b"PK\x05\x06")
    cd_size, cd_offset = struct.unpack_from("<II", data, eocd + 12)
    central = data.rfind(b"PK\x01\x02", cd_offset, eocd)
    struct.pack_into("<H", data, central + 28, 0)
    struct.pack_into("<I", data, central + 42, last.header_offset)
    del data[central + 46]
    struct.pack_into("<II", data, eocd + 12 - 1, cd_size - 1, cd_offset - 1)
    struct.pack_into("<H", data, last.header_offset + 26, 0)
    del data[last.header_offset + 30]
    path.write_bytes(bytes(data))
    assert_refused(db, path, path.name, "empty name")


def test_zip_bomb_member_refused_by_ratio(db: Path, tmp_path: Path) -> None:  # noqa: F811
    path = tmp_path / "Basic_LinkedInDataExport_06-07-2026.zip"
    row = "Ana,Lee,https://www.linkedin.com/in/ana,,Acme,CEO,01 Jan 2024\n"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Connections.csv", ",".join(CONNECTIONS_HEADER) + "\n" + row * 300_000)
    assert_refused(db, path, "Connections.csv", "zip bomb")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_sniffing_tells_utf16_from_utf32(encoding: str) -> None:
    found = _sniff_encoding(TEXT.encode(encoding)[:4096])
    assert found.replace("-le", "").replace("-be", "") == encoding.replace("-le", "").replace("-be", "")


def test_a_stray_nul_does_not_make_utf8_utf16() -> None:
    assert _sniff_encoding(("Ana\x00" + TEXT * 5).encode("utf-8")) == "utf-8-sig"


def test_utf32_connections_import(db: Path, tmp_path: Path) -> None:  # noqa: F811
    files: dict[str, str | bytes] = dict(default_files())
    body = csv_text(CONNECTIONS_HEADER, [connection("Ana", "Silva", "ana-silva"), connection("Cy", "New", "cy-new")])
    files["Connections.csv"] = body.encode("utf-32")
    result = run_import(db, write_export(tmp_path / "x", files))
    assert result.exit_code == 0, result.output
    assert "connections in this export" in result.output
    assert "│ 2 " in result.output or " 2 " in result.output


def test_utf8_with_a_nul_imports(db: Path, tmp_path: Path) -> None:  # noqa: F811
    files = default_files()
    rows = [connection("Ana", "Sil\x00va", "ana-silva"), connection("Cy", "New", "cy-new")]
    files["Connections.csv"] = csv_text(CONNECTIONS_HEADER, rows)
    result = run_import(db, write_export(tmp_path / "x", files))
    assert result.exit_code == 0, result.output


def test_empty_messages_file_is_skipped_with_a_note(db: Path, tmp_path: Path) -> None:  # noqa: F811
    files = default_files()
    files["messages.csv"] = ""
    result = run_import(db, write_export(tmp_path / "x", files))
    assert result.exit_code == 0, result.output
    assert "messages.csv is empty; skipped" in result.output


def test_unbalanced_quote_is_refused_naming_the_line(db: Path, tmp_path: Path) -> None:  # noqa: F811
    files = default_files()
    rows = [connection("P", f"N{i}", f"p-{i}") for i in range(50)]
    body = csv_text(CONNECTIONS_HEADER, rows)
    lines = body.splitlines(keepends=True)
    lines[5] = lines[5].replace("P,", '"P,', 1)
    files["Connections.csv"] = "".join(lines)
    assert_refused(db, write_export(tmp_path / "x", files), "Connections.csv, line 6", "quote")


def test_future_connections_are_skipped_and_the_date_capped(tmp_path: Path) -> None:
    files = default_files()
    files["Connections.csv"] = csv_text(CONNECTIONS_HEADER, [connection("Ana", "Silva", "ana-silva"),
                                                             connection("Cy", "New", "cy-new", on="01 Jan 2099")])
    export = write_export(tmp_path / "x", files, name="export")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "t.db"), "import", str(export), "--json"],
                                env={"TWOWAY_TODAY": "2026-06-15"})
    assert result.exit_code == 0, result.output
    assert '"date in the future": 1' in result.output
    assert '"exported_on": "2099' not in result.output


def test_too_many_invitations_are_refused_before_anything_is_written(
        db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    from twoway.linkedin import importer

    monkeypatch.setattr(importer, "MAX_INVITATIONS", 5)
    invitations = [[f"P N{i}", "Olga Owner", "6/1/26, 2:37 PM", "", "INCOMING", f"{IN}p-{i}", ""] for i in range(8)]
    files = default_files(invitations=invitations)
    assert_refused(db, write_export(tmp_path / "x", files), "Invitations.csv, line 7", "more than 5 invitations")


def test_invitations_are_written_in_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", "2026-06-15")
    invitations = [[f"P N{i}", "Olga Owner", "6/1/26, 2:37 PM", "", "INCOMING", f"{IN}p-{i}", ""]
                   for i in range(12_000)]
    export = write_export(tmp_path / "x", default_files(invitations=invitations))
    store = open_store(str(tmp_path / "t.db"))
    try:
        assert import_export(store, export).invitations_added == 12_000
    finally:
        store.close()
