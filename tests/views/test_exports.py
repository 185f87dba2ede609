"""`twoway export vcard` re-imports through the address-book importer into the very same people (nothing new,
nothing to confirm); `twoway export csv` has each connection's state, strength, last contact, e-mail and company,
safe for a spreadsheet; on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from tests.web_support import add_owner, add_person
from twoway import views
from twoway.cli import cli
from twoway.contacts import import_contacts
from twoway.generator import generate_export
from twoway.linkedin import import_export
from twoway.store import Store
from twoway.views.exports import export_csv, export_vcards


def count(store: Store, sql: str) -> int:
    with store.connect() as conn:
        return int(conn.execute(text(sql)).scalar_one())


def pairs(store: Store) -> set[tuple[int, str]]:
    with store.connect() as conn:
        return {(int(p), str(e)) for p, e in conn.execute(text("SELECT person_id, email FROM person_emails"))}


@pytest.fixture
def network(any_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    """A generated network; one connection with a formula for a company and an address from a card."""
    monkeypatch.setenv("TWOWAY_TODAY", "2026-11-20")
    export = generate_export(tmp_path / "export", seed=5, connections=60, today=date(2026, 11, 1))
    import_export(any_store, export.path)
    with any_store.begin() as conn:
        pid, url = conn.execute(text("SELECT p.id, p.url FROM people p JOIN connections c ON c.person_id = p.id "
                                     "ORDER BY p.id LIMIT 1")).one()
        conn.execute(text("UPDATE people SET company = '=HYPERLINK(\"http://x\")', full_name = 'Zoë O''Brien, PhD' "
                          "WHERE id = :p"), {"p": pid})
    card = tmp_path / "one.vcf"
    card.write_text(f"BEGIN:VCARD\nVERSION:3.0\nFN:Zoë\nEMAIL:zoe@example.org\nURL:{url}\nEND:VCARD\n",
                    encoding="utf-8")
    import_contacts(any_store, card)
    return any_store


def test_vcard_export_reimports_into_the_same_people(network: Store, tmp_path: Path) -> None:
    with network.connect() as conn:
        done = export_vcards(conn, 1)
    assert done.people == count(network, "SELECT COUNT(*) FROM connections WHERE status = 'connected'")
    assert done.text.count("BEGIN:VCARD") == done.people
    assert "EMAIL;TYPE=INTERNET:zoe@example.org" in done.text
    assert "FN:Zoë O'Brien\\, PhD" in done.text  # the library's escaping, not ours
    people = count(network, "SELECT COUNT(*) FROM people")
    before = pairs(network)
    book = tmp_path / "connections.vcf"
    book.write_text(done.text, encoding="utf-8")
    summary = import_contacts(network, book)
    assert summary.contacts_added == done.people
    assert summary.people_added == 0
    assert summary.suggestions_added == 0
    assert count(network, "SELECT COUNT(*) FROM people") == people
    after = pairs(network)
    assert before <= after
    with network.connect() as conn:  # addresses newly recorded are those Connections.csv gave the same person
        given = {(int(p), str(e)) for p, e in conn.execute(text(
            "SELECT person_id, email FROM connections WHERE owner_id = 1 AND email <> ''"))}
    assert given
    assert after - before <= given
    with network.connect() as conn:
        assert views.merge_suggestions(conn, 1) == []


def test_csv_export_is_spreadsheet_safe_with_state_and_strength(network: Store) -> None:
    with network.connect() as conn:
        done = export_csv(conn, 1)
    rows = list(csv.DictReader(io.StringIO(done.text)))
    assert len(rows) == done.people > 0
    assert list(rows[0]) == ["name", "company", "position", "email", "state", "strength", "last contact",
                             "connected on", "profile"]
    zoe = next(r for r in rows if r["email"] == "zoe@example.org")
    assert zoe["company"] == "'=HYPERLINK(\"http://x\")"
    assert zoe["name"] == "Zoë O'Brien, PhD"
    assert all(r["state"] and r["strength"].isdigit() for r in rows)
    assert any(r["last contact"] for r in rows)


def test_export_commands_write_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", "2026-11-20")
    db = tmp_path / "t.db"
    export = generate_export(tmp_path / "export", seed=2, connections=30, today=date(2026, 11, 1))
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "import", str(export.path)]).exit_code == 0
    result = runner.invoke(cli, ["--db", str(db), "export", "vcard", "--out", str(tmp_path / "out" / "c.vcf")])
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.output
    assert (tmp_path / "out" / "c.vcf").read_text(encoding="utf-8").startswith("BEGIN:VCARD")
    result = runner.invoke(cli, ["--db", str(db), "export", "csv", "--out", str(tmp_path / "p.csv")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "p.csv").read_bytes().startswith(b"\xef\xbb\xbfname,company")
    result = runner.invoke(cli, ["--db", str(db), "export", "csv"])
    assert result.output.startswith("name,company,position,email,state")
    result = runner.invoke(cli, ["--db", str(db), "export", "csv", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a folder" in result.output


def test_a_members_export_holds_only_their_own_addresses(any_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two members who both know P: each export carries the member's own addresses of P (the one their
    Connections.csv gave, those their own mail found) and never the other member's."""
    monkeypatch.setenv("TWOWAY_TODAY", "2026-11-20")
    with any_store.begin() as conn:
        a, b = add_owner(conn, "Ada Member"), add_owner(conn, "Ben Member")
        p = add_person(conn, a, "Pat Shared")
        conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on, status) "
                          "VALUES (:o, :p, '2025-01-01', 'connected')"), {"o": b, "p": p})
        for owner, csv_email, mail_email in ((a, "a-csv@example.org", "a-mail@example.org"),
                                             (b, "b-csv@example.org", "b-mail@example.org")):
            conn.execute(text("UPDATE connections SET email = :e WHERE owner_id = :o AND person_id = :p"),
                         {"e": csv_email, "o": owner, "p": p})
            conn.execute(text("INSERT INTO person_emails (owner_id, person_id, email, reason, created_at) "
                              "VALUES (:o, :p, :e, 'from mail', '2026-05-01')"), {"o": owner, "p": p, "e": mail_email})
        # What an older database kept on the shared row (blanked by the privacy migration) is no one's to export.
        conn.execute(text("UPDATE people SET email = 'shared-row@example.org' WHERE id = :p"), {"p": p})
    with any_store.connect() as conn:
        for owner, mine, theirs in ((b, "b-", "a-"), (a, "a-", "b-")):
            for done in (export_vcards(conn, owner), export_csv(conn, owner)):
                assert f"{mine}csv@example.org" in done.text, done.kind
                assert f"{mine}mail@example.org" in done.text, done.kind
                assert theirs not in done.text, done.kind
                assert "shared-row@" not in done.text, done.kind
