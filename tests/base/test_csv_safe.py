"""CSV export neutralises spreadsheet formulas and stays readable by csv readers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from twoway.csv_safe import neutralise, to_csv_text, write_csv


@pytest.mark.parametrize("dangerous", ["=1+1", "+33 1 23", "-2", "@SUM(A1)", "\tcmd", "\rcmd", "=HYPERLINK(\"x\")"])
def test_formula_starts_get_a_quote(dangerous: str) -> None:
    assert neutralise(dangerous) == "'" + dangerous


@pytest.mark.parametrize(
    "hidden", [" =1+1", "  @SUM(A1)", "\n=cmd", "\u00a0-2", "|calc", "\uff1dSUM(A1)", " \uff0b1"],
)
def test_formulas_behind_blanks_or_in_other_signs_get_a_quote(hidden: str) -> None:
    # Spreadsheets trim leading blanks before reading a formula; full-width signs count in CJK locales.
    assert neutralise(hidden) == "'" + hidden


@pytest.mark.parametrize("plain", [" Ada", "Ada Lovelace Lovelace", "Acme, Inc.", "", "a=b", "x-y", "Müller"])
def test_plain_text_is_unchanged(plain: str) -> None:
    assert neutralise(plain) == plain


def test_numbers_none_and_bools() -> None:
    assert neutralise(-5) == -5
    assert neutralise(2.5) == 2.5
    assert neutralise(None) == ""
    assert neutralise(True) == "yes"


def test_round_trip_through_a_file(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    rows: list[list[str | int | None]] = [["=cmd|' /C calc'!A0", "Acme, \"Ltd\"", 3], ["Zoë", "line\nbreak", None]]
    assert write_csv(path, ["name", "company", "n"], rows) == 2
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM so Excel reads UTF-8
    assert b"\r\n" in raw
    with open(path, encoding="utf-8-sig", newline="") as handle:
        read = list(csv.reader(handle))
    assert read[0] == ["name", "company", "n"]
    assert read[1] == ["'=cmd|' /C calc'!A0", "Acme, \"Ltd\"", "3"]
    assert read[2] == ["Zoë", "line\nbreak", ""]
    for row in read[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_text_and_stream_variants() -> None:
    text = to_csv_text(["a"], [["@x"]])
    assert text == "a\r\n'@x\r\n"
    buffer = io.StringIO()
    write_csv(buffer, ["a"], [["+1"]])
    assert buffer.getvalue() == "a\r\n'+1\r\n"
