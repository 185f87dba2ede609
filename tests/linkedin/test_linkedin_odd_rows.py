"""One odd row never aborts an import: it is counted, named by file and line, and skipped or kept without
the bad part (generated rows only)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner
from sqlalchemy import text

from tests.linkedin.test_linkedin_support import IN, OWNER_URL, connection, default_files, message, write_export
from twoway.cli import cli
from twoway.linkedin import import_export
from twoway.store import Store

ODD = "https://[www.linkedin.com/in/ada"


def q(store: Store, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    with store.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql), params)]


def odd_files() -> dict[str, str | bytes]:
    conns = [
        connection("Ana", "Silva", "ana-silva", "Acme", "CTO"),
        ["Ada", "Lovelace", ODD, "", "Engines", "Analyst", "05 Jun 2026"],
        ["", "", "https://notlinkedin.com/in/x", "", "", "", "05 Jun 2026"],
        # (a NUL within the first KiB reads as UTF-16 to the encoding sniffer: the row comes after fillers)
        *(connection("Filler", f"Number{i}", f"filler-{i}", "Co", "Role") for i in range(20)),
        connection("Bo\x1b]0;pwned\x07", "Chen\x00\x1b[2J", "bochen", "Beta", "Engineer", "01 Jan 2025"),
    ]
    msgs = [
        message("2-aaa==", "Ana Silva", "ana-silva", "Olga Owner", ["olga-owner"], "2026-06-01 10:00:00 UTC",
                "Thanks \x1b[31mred\x1b[0m see you"),
        message("2-aaa==", "Olga Owner", "olga-owner", "Ana Silva", ["ana-silva"], "2026-05-30 10:00:00 UTC", "Hi"),
        ["2-bbb==", "", "Ada Lovelace", ODD, "Olga Owner", OWNER_URL, "2026-06-02 10:00:00 UTC", "", "Hello", "INBOX",
         ""],
        ["2-ccc==", "", "Olga Owner", OWNER_URL, "Zed", ODD, "2026-06-03 10:00:00 UTC", "", "Yo", "SENT", ""],
    ]
    invs = [
        ["Olga Owner", "Ana Silva", "6/1/26, 2:37 PM", "", "OUTGOING", OWNER_URL, IN + "ana-silva"],
        ["Ada Lovelace", "Olga Owner", "6/2/26, 2:37 PM", "Hi", "INCOMING", ODD, OWNER_URL],
    ]
    return default_files(connections=conns, messages=msgs, invitations=invs)


def test_odd_urls_and_control_characters_are_counted_and_named(any_store: Store, tmp_path: Path) -> None:
    s = import_export(any_store, write_export(tmp_path, odd_files()))
    assert s.connections_total == 23  # Ada kept without her URL; the row with nothing but a foreign URL skipped
    assert s.skipped["unreadable profile URL"] == 1
    assert s.kept["unreadable profile URL left out"] == 4  # Connections, two messages, one invitation
    assert s.kept["control characters removed"] == 2
    assert s.messages_added == 4
    assert s.invitations_added == 2
    problems = "\n".join(s.problems)
    assert "Connections.csv, line 7: unreadable profile URL" in problems
    assert "Connections.csv, line 6: unreadable profile URL" in problems
    assert "messages.csv, line 4: unreadable profile URL" in problems
    assert "Invitations.csv, line 3: unreadable profile URL" in problems
    assert "Connections.csv, line 28: control characters removed" in problems
    assert "Rows kept without a bad field" in "\n".join(s.lines())
    names = {r[0] for r in q(any_store, "SELECT full_name FROM people")}
    assert "Bo]0;pwned Chen[2J" in names
    assert "Ada Lovelace" in names
    assert not any("[www" in (u or "") for (u,) in q(any_store, "SELECT url FROM people"))
    [(content,)] = q(any_store, "SELECT content FROM interactions WHERE content LIKE 'Thanks%'")
    assert "\x1b" not in content


def test_the_cli_imports_an_export_with_an_odd_url(tmp_path: Path) -> None:
    export = write_export(tmp_path, odd_files())
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "t.db"), "import", str(export)])
    assert result.exit_code == 0, result.output
    assert "unexpected internal error" not in result.output
    assert "line 7: unreadable profile URL" in result.output


def test_two_letter_cases_of_one_profile_are_one_person(any_store: Store, tmp_path: Path) -> None:
    files = default_files(
        connections=[connection("Ana", "Silva", "Ana-Silva", "Acme", "CTO")],
        messages=[
            message("2-aaa==", "Ana Silva", "ana-silva", "Olga Owner", ["Olga-Owner"], "2026-06-01 10:00:00 UTC", "Hi"),
            message("2-aaa==", "Olga Owner", "OLGA-OWNER", "Ana Silva", ["ANA-SILVA"], "2026-05-30 10:00:00 UTC", "Yo"),
        ],
    )
    s = import_export(any_store, write_export(tmp_path, files))
    assert s.connections_total == 1
    people = q(any_store, "SELECT id, url FROM people WHERE url ILIKE :u" if any_store.dialect == "postgresql"
               else "SELECT id, url FROM people WHERE url LIKE :u", u="%ana-silva")
    assert len(people) == 1
    [(kind,)] = q(any_store, "SELECT kind FROM conversations")
    assert kind == "direct"  # the owner in capitals is still the owner, Ana in capitals still Ana
    assert q(any_store, "SELECT COUNT(DISTINCT person_id) FROM interactions") == [(1,)]
    # A later export spelling her in lower case finds her again; the stored spelling stays.
    again = default_files(connections=[connection("Ana", "Silva", "ana-silva", "Acme", "CTO")])
    s2 = import_export(any_store, write_export(tmp_path / "b", again, name="Basic_LinkedInDataExport_06-08-2026"))
    assert s2.people_added == 0
    assert q(any_store, "SELECT url FROM people WHERE id = :p", p=people[0][0]) == [(people[0][1],)]
