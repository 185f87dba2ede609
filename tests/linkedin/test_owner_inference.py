"""Whose export it is when Profile.csv does not say: found in the messages and invitations (invented names)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from tests.linkedin.test_linkedin_support import (
    CONNECTIONS_HEADER,
    IN,
    INVITATIONS_HEADER,
    MESSAGES_HEADER,
    PREAMBLE,
    connection,
    csv_text,
    default_files,
    message,
    write_export,
)
from twoway.cli import cli
from twoway.errors import InputError
from twoway.linkedin import import_export
from twoway.linkedin.whose import names_match
from twoway.store import Store, open_store

OLGA = "olga-owner"


def _inbox(owner_shown: str = "Olga Owner") -> list[list[str]]:
    """Three one-to-one conversations of the owner (shown as ``owner_shown``) and one group chat."""
    return [
        message("2-a==", "Ana Silva", "ana-silva", owner_shown, [OLGA], "2026-06-01 10:00:00 UTC", "Thanks!"),
        message("2-a==", owner_shown, OLGA, "Ana Silva", ["ana-silva"], "2026-05-30 10:00:00 UTC", "Hi Ana"),
        message("2-b==", "Bo Chen", "bochen", owner_shown, [OLGA], "2026-05-01 10:00:00 UTC", "Are you free?"),
        message("2-c==", owner_shown, OLGA, "Jane Doe, MBA", ["jdoe"], "2026-04-01 10:00:00 UTC", "Hello Jane"),
        message("2-g==", "Ana Silva", "ana-silva", f"{owner_shown},Bo Chen", [OLGA, "bochen"],
                "2026-03-01 10:00:00 UTC", "All of us"),
    ]


def _no_profile(messages: list[list[str]] | None = None, *, invitations: bool = True) -> dict[str, str | bytes]:
    files = default_files(messages=messages if messages is not None else _inbox())
    del files["Profile.csv"]
    if not invitations:
        del files["Invitations.csv"]
    return files


def _kinds(store: Store) -> dict[str, str]:
    with store.connect() as conn:
        return {str(e): str(k) for e, k in conn.execute(text("SELECT external_id, kind FROM conversations"))}


def _import(tmp_path: Path, files: dict[str, str | bytes], owner: str | None = None) -> tuple[Store, object]:
    store = open_store(str(tmp_path / "t.db"))
    return store, import_export(store, write_export(tmp_path / "x", files), owner=owner)


def test_owner_is_the_person_in_every_one_to_one_conversation(tmp_path: Path) -> None:
    store, summary = _import(tmp_path, _no_profile(invitations=False))
    assert summary.owner_name == "Olga Owner"  # type: ignore[attr-defined]
    assert "one-to-one conversations" in summary.owner_found_by  # type: ignore[attr-defined]
    assert _kinds(store) == {"2-a==": "direct", "2-b==": "direct", "2-c==": "direct", "2-g==": "group"}
    with store.connect() as conn:
        assert conn.execute(text("SELECT profile_url FROM owners")).scalar_one() == IN + OLGA
    store.close()


@pytest.mark.parametrize("shown", ["Olga Owner, PhD", "OLGA ÖWNER", "Olga Owner Jr.", "Olga M. Owner"])
def test_a_given_name_matches_the_owner_as_the_messages_spell_it(tmp_path: Path, shown: str) -> None:
    store, summary = _import(tmp_path, _no_profile(_inbox(shown), invitations=False), owner="Olga Owner")
    assert summary.owner_name == "Olga Owner"  # type: ignore[attr-defined]
    assert summary.group_messages == 1  # type: ignore[attr-defined]
    assert _kinds(store)["2-c=="] == "direct"
    store.close()


def test_a_given_name_that_matches_no_participant_is_refused_with_candidates(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    export = write_export(tmp_path / "x", _no_profile(invitations=False))
    result = CliRunner().invoke(cli, ["import", str(export), "--owner", "Zed Nobody", "--db", str(db)])
    assert result.exit_code != 0
    assert "matches no one" in result.output, result.output
    assert "Olga Owner" in result.output
    store = open_store(str(db))
    with store.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM interactions")).scalar_one() == 0
    store.close()


def test_an_owner_nowhere_to_be_told_apart_is_refused(tmp_path: Path) -> None:
    msgs = [message("2-x==", "Ana Silva", "ana-silva", "Bo Chen", ["bochen"], "2026-06-01 10:00:00 UTC", "Hi"),
            message("2-y==", "Cy New", "cy-new", "Di Old", ["di-old"], "2026-06-01 10:00:00 UTC", "Hi")]
    with pytest.raises(InputError, match="cannot tell whose export this is"):
        _import(tmp_path, _no_profile(msgs, invitations=False))


def test_a_single_conversation_the_owner_is_not_among_the_connections(tmp_path: Path) -> None:
    msgs = [message("2-a==", "Ana Silva", "ana-silva", "Olga Owner", [OLGA], "2026-06-01 10:00:00 UTC", "Hi")]
    store, summary = _import(tmp_path, _no_profile(msgs, invitations=False))
    assert summary.owner_name == "Olga Owner"  # type: ignore[attr-defined]
    assert _kinds(store) == {"2-a==": "direct"}
    store.close()


def test_owner_from_invitations_when_there_are_no_messages(tmp_path: Path) -> None:
    files = _no_profile()
    del files["messages.csv"]
    files["Invitations.csv"] = csv_text(INVITATIONS_HEADER, [
        ["Olga Owner", "Ana Silva", "6/1/26, 2:37 PM", "", "OUTGOING", IN + OLGA, IN + "ana-silva"],
        ["Bo Chen", "Olga Owner", "5/1/26, 2:37 PM", "", "INCOMING", IN + "bochen", IN + OLGA],
    ])
    store, summary = _import(tmp_path, files)
    assert summary.owner_name == "Olga Owner"  # type: ignore[attr-defined]
    assert "Invitations.csv" in summary.owner_found_by  # type: ignore[attr-defined]
    store.close()


def test_only_connections_gives_a_placeholder_owner_and_says_so(tmp_path: Path) -> None:
    files = {"Connections.csv": PREAMBLE + csv_text(CONNECTIONS_HEADER, [connection("Ana", "Silva", "ana-silva")])}
    db = tmp_path / "t.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "import", str(write_export(tmp_path / "x", files))])
    assert result.exit_code == 0, result.output
    assert "Owner: You, not named by the export" in result.output
    again = CliRunner().invoke(cli, ["--db", str(db), "import", str(write_export(tmp_path / "y", files))])
    assert again.exit_code == 0, again.output
    store = open_store(str(db))
    with store.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM owners")).scalar_one() == 1
    store.close()


def test_legacy_messages_owner_is_the_sender_of_outgoing_rows(tmp_path: Path) -> None:
    header = ["From", "To", "Date", "Subject", "Content", "Direction", "Folder"]
    rows = [["Olga Owner", "Ana Silva", "9/14/18, 3:05 PM", "", "Hi", "OUTGOING", "SENT"],
            ["Ana Silva", "Olga Owner", "9/15/18, 3:05 PM", "", "Hello", "INCOMING", "INBOX"],
            ["Bo Chen", "Olga Owner", "9/16/18, 3:05 PM", "", "Hey", "INCOMING", "INBOX"]]
    files = _no_profile(invitations=False)
    del files["messages.csv"]
    files["Messages.csv"] = csv_text(header, rows)
    store, summary = _import(tmp_path, files)
    assert summary.owner_name == "Olga Owner"  # type: ignore[attr-defined]
    assert summary.group_messages == 0  # type: ignore[attr-defined]
    store.close()


def test_2021_messages_without_recipient_urls(tmp_path: Path) -> None:
    header = [h for h in MESSAGES_HEADER if h not in ("RECIPIENT PROFILE URLS", "ATTACHMENTS")]
    rows = [[r[i] for i, h in enumerate(MESSAGES_HEADER) if h in header] for r in _inbox()[:4]]
    files = _no_profile(invitations=False)
    files["messages.csv"] = csv_text(header, rows)
    store, summary = _import(tmp_path, files)
    assert summary.owner_name == "Olga Owner"  # type: ignore[attr-defined]
    assert set(_kinds(store).values()) == {"direct"}
    store.close()


@pytest.mark.parametrize(("given", "seen", "same"), [
    ("Olga Owner", "Olga Owner, MBA", True),
    ("olga owner", "Ólga Öwner", True),
    ("Olga Owner", "Olga Owner PhD", True),
    ("Olga Owner", "Olga O.", True),
    ("Olga Owner", "Olga Maria Owner", True),
    ("Olga Owner", "Olga Other", False),
    ("Olga Owner", "Ana Owner", False),
    ("Olga", "Olga Owner", True),
])
def test_names_match(given: str, seen: str, same: bool) -> None:
    assert names_match(given, seen) is same


def test_a_placeholder_owner_takes_the_name_a_later_export_gives(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "t.db"))
    only = {"Connections.csv": PREAMBLE + csv_text(CONNECTIONS_HEADER, [connection("Ana", "Silva", "ana-silva")])}
    assert import_export(store, write_export(tmp_path / "x", only)).owner_name == "You"
    full = write_export(tmp_path / "y", default_files(), name="Basic_LinkedInDataExport_06-08-2026")
    summary = import_export(store, full)
    assert summary.owner_name == "Olga Owner"
    with store.connect() as conn:
        assert conn.execute(text("SELECT name FROM owners")).scalars().all() == ["Olga Owner"]
    store.close()
