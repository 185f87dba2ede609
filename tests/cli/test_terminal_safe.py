"""Untrusted text (names, notes, drafts) never reaches the terminal raw: no colours, no window title, no clear
screen, no carriage-return overwrite; JSON carries it escaped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.web_support import add_owner, add_person
from twoway.cli import cli
from twoway.cli.output import safe_text
from twoway.store import open_store

HOSTILE = "Eve\x1b]0;pwned\x07 \x1b[31mRed\x1b[0m\x1b[2J\x1b[H\rX\x00\x08\x9b1m\u202eevil"
RAW = ("\x1b", "\x07", "\x00", "\x08", "\x9b", "\r", "\u202e")


def assert_safe(output: str) -> None:
    for ch in RAW:
        assert ch not in output, repr(output)


@pytest.mark.parametrize("value", [HOSTILE, "a\x1b", "\x1b]2;t", "ok\ttab\nline", "plain", "Zoë 日本"])
def test_safe_text(value: str) -> None:
    out = safe_text(value)
    assert_safe(out)
    assert "pwned" not in out or "\ufffd" in out
    if value.isprintable() or value == "ok\ttab\nline":
        assert out == value  # ordinary text, tabs and line breaks untouched


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TWOWAY_TODAY", "2026-06-08")
    path = tmp_path / "t.db"
    store = open_store(str(path))
    with store.begin() as conn:
        owner = add_owner(conn)
        add_person(conn, owner, HOSTILE, company="\x1b[5mBlink Co", connected_on="2026-06-05",
                   url="https://www.linkedin.com/in/eve")
    store.close()
    return path


def run(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_tables_and_messages_are_safe(db: Path) -> None:
    for args in (["people"], ["person", "#1"], ["note", "#1", "met at \x1b[2Jthe fair"], ["note", "#1"]):
        out = run(db, *args)
        assert_safe(out)
    assert "Red" in run(db, "people")


def test_drafts_printed_with_the_week_are_safe(db: Path) -> None:
    out = run(db, "week", "--drafts")
    assert "── " in out  # a draft was printed, naming Eve
    assert "Eve" in out.split("── ", 1)[1]
    assert_safe(out)


def test_errors_are_safe(db: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db), "person", "nobody\x1b[2J\x07"])
    assert result.exit_code != 0
    assert_safe(result.output)


def test_json_escapes_instead(db: Path) -> None:
    out = run(db, "people", "--json")
    assert_safe(out)
    assert json.loads(out)["rows"][0]["name"] == HOSTILE
