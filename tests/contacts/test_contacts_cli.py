"""`twoway import` recognises an address book, mail and a calendar by content; `twoway merge` lists suggestions;
bad input exits non-zero naming the file and line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from twoway.cli import cli

CARD = "BEGIN:VCARD\nVERSION:3.0\nFN:Bo Berg\nEMAIL:bo@acme.example\nEND:VCARD\n"


def run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.output


def test_import_by_content_and_merge_list(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    book = tmp_path / "people.txt"  # the name says nothing: the content does
    book.write_text(CARD, encoding="utf-8")
    code, out = run(db, "import", str(book))
    assert code == 0, out
    assert "Imported contacts people.txt" in out
    assert "Address-book cards added: 1" in out
    code, out = run(db, "merge", "--json")
    assert code == 0, out
    assert json.loads(out) == []
    code, out = run(db, "import", "--json", str(book))
    assert json.loads(out)["source"] == "contacts"


def test_bad_card_exits_non_zero_naming_the_line(tmp_path: Path) -> None:
    book = tmp_path / "cut.vcf"
    book.write_text("BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nEND:VCARD\n", encoding="utf-8")
    code, out = run(tmp_path / "t.db", "import", str(book))
    assert code == 2
    assert "cut.vcf, line 3: a card begins before the one from line 1 ends" in out
