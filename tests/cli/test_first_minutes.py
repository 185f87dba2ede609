"""Notes edited and deleted without losing a word, invitations to someone new, errors in words, tables at 80 and
120 columns in a pipe."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from twoway.cli import cli


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "d.db")
    out = CliRunner().invoke(cli, ["--db", path, "demo", "--connections", "40", "--years", "2", "--history-days", "0"])
    assert out.exit_code == 0, out.output
    return path


def run(db: str, *args: str, code: int = 0, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(cli, ["--db", db, *args], env=env)
    assert result.exit_code == code, result.output
    return result.output


def _someone(db: str) -> str:
    return f"#{json.loads(run(db, 'people', '--json'))['rows'][0]['id']}"


def test_notes_are_edited_and_deleted_and_nothing_is_lost(db: str) -> None:
    who = _someone(db)
    first = json.loads(run(db, "note", who, "met at PyCon", "--json"))["added"]["id"]
    run(db, "note", who, "likes sailing")
    edited = json.loads(run(db, "note", who, "--edit", str(first), "met at PyCon 2025", "--json"))["added"]
    assert edited["body"] == "met at PyCon 2025"
    run(db, "note", who, "--delete", str(edited["id"]))
    current = json.loads(run(db, "note", who, "--json"))["notes"]
    assert [n["body"] for n in current] == ["likes sailing"]
    history = {n["body"]: n["status"] for n in json.loads(run(db, "note", who, "--history", "--json"))["notes"]}
    assert history == {"met at PyCon": "superseded", "likes sailing": "current", "met at PyCon 2025": "deleted"}
    assert "already superseded" in run(db, "note", who, "--edit", str(first), "again", code=1)
    assert "no note 9999" in run(db, "note", who, "--delete", "9999", code=3)
    person = run(db, "person", who)  # once crashed for anyone with a note
    assert "likes sailing" in person
    assert "met at PyCon 2025" not in person


def test_an_invitation_to_someone_new(db: str) -> None:
    out = run(db, "invite", "draft", "Nova Newperson", code=3)
    assert "--url" in out
    draft = json.loads(run(db, "invite", "draft", "Nova Newperson", "--url", "linkedin.com/in/nova-new",
                           "--context", "we met at PyData Berlin", "--json"))
    assert "Nova" in draft["text"]
    check = run(db, "invite", "check", draft["text"], "--to", "Nova Newperson", code=None or 0)
    assert "Needs work" not in check or "greet" not in check
    logged = json.loads(run(db, "invite", "log", "Nova Newperson", "--url", "https://www.linkedin.com/in/nova-new/",
                            "--sent", "--json"))
    assert logged["invitation"]["counterpart"] == "Nova Newperson"
    person = json.loads(run(db, "person", "https://www.linkedin.com/in/nova-new", "--json"))
    assert person["person"]["full_name"] == "Nova Newperson"
    assert person["invitations"]
    assert "not a LinkedIn profile" in run(db, "invite", "log", "Otto", "--url", "https://example.com/otto", "--sent",
                                           code=2)


@pytest.mark.parametrize(("option", "value", "words"), [
    ("--until", "2026-02-30", "February 2026 has no day 30"),
    ("--until", "2026-13-01", "no month 13"),
    ("--until", "soon", "is not a date"),
])
def test_dates_that_are_not_dates(db: str, option: str, value: str, words: str) -> None:
    out = run(db, "snooze", _someone(db), option, value, code=2)
    assert words in out
    assert "%Y" not in out


def test_output_files_into_a_missing_folder(db: str, tmp_path: Path) -> None:
    for args, name in ((["week", "--ics"], "w.ics"), (["prune", "--csv"], "p.csv"), (["health", "--html"], "h.html")):
        target = tmp_path / "new" / "deeper" / name
        run(db, *args, str(target))
        assert target.is_file()
    assert "is a folder" in run(db, "week", "--ics", str(tmp_path), code=2)


def test_state_spellings_and_paging(db: str) -> None:
    a = json.loads(run(db, "people", "--state", "two-way", "--json"))
    b = json.loads(run(db, "people", "--state", "two_way", "--json"))
    assert a == b
    assert "never contacted" in run(db, "people", "--state", "Never contacted")
    assert "not a state" in run(db, "people", "--state", "friendly", code=2)
    assert "only 1 page" in run(db, "people", "--page", "5", code=2)
    assert "0 is not in the range" in run(db, "people", "--page", "0", code=2)


_SPLIT_WORD = re.compile(r"[a-z]_\s*│|never_co|\d{4}-\d{2}-\s*│")


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("command", [["states"], ["people"], ["prune"], ["week"], ["invites"]])
def test_tables_read_well_in_a_pipe(db: str, width: int, command: list[str]) -> None:
    out = run(db, *command, env={"COLUMNS": str(width)})
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= width, out
    assert not _SPLIT_WORD.search(out), out
    assert "never_contacted" not in out
    if command == ["states"]:
        assert "more — add --all" in out
        assert "why" in out
        assert "more — add --all" not in run(db, "states", "--all", env={"COLUMNS": str(width)})
