"""`twoway import` recognises an address book, mail and a calendar by content; `twoway merge` lists suggestions;
bad input exits non-zero naming the file and line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.web_support import WebClient
from twoway.cli import cli
from twoway.generator import generate_export
from twoway.web import create_app

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


def test_merge_accept_and_reject_from_the_cli_and_the_api(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", "2026-11-20")
    db = tmp_path / "t.db"
    export = generate_export(tmp_path / "export", seed=3, connections=40, today=date(2026, 11, 1))
    assert run(db, "import", str(export.path))[0] == 0
    code, out = run(db, "people", "--json", "--all")
    first, second = (row["name"] for row in json.loads(out)["rows"][:2])
    book = tmp_path / "book.vcf"
    book.write_text("".join(f"BEGIN:VCARD\nVERSION:3.0\nFN:{name}\nEMAIL:card{n}@example.org\nEND:VCARD\n"
                            for n, name in enumerate((first, second))), encoding="utf-8")
    assert run(db, "import", str(book))[0] == 0
    code, out = run(db, "merge", "--json")
    open_ids = [s["id"] for s in json.loads(out)]
    assert code == 0, out
    assert len(open_ids) == 2, out
    code, out = run(db, "merge", "--accept", str(open_ids[0]))
    assert code == 0, out
    assert f"now part of {first}" in out
    assert run(db, "merge", "--accept", str(open_ids[0]))[0] != 0  # already decided: said, not redone
    with WebClient(create_app(str(db))) as client:
        decided = client.api("POST", f"/api/merges/{open_ids[1]}/decision", json={"verdict": "reject"})
        assert decided.status_code == 200, decided.text
        assert client.get("/api/merges").json() == []
        assert [s["status"] for s in client.get("/api/merges", params={"all": "true"}).json()] == [
            "accepted", "rejected"]
        assert client.api("POST", "/api/merges/999/decision", json={"verdict": "accept"}).status_code == 404
