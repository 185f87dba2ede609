"""`twoway intro`: asking a member for an introduction and each step after it, on the command line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.introductions.acting import as_member_cli
from tests.introductions.support import PRIVATE_EMAIL, PRIVATE_MESSAGE, PRIVATE_NOTE, build_members
from twoway.cli import cli
from twoway.graph import cache
from twoway.store import open_store

ALICE, BOB, CAROL = "Alice Archer", "Bob Baker", "Carol Cole"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "team.db"
    store = open_store(str(path))
    build_members(store)
    store.close()
    yield path
    cache.clear()


def test_ask_answer_and_follow_on_the_command_line(db: Path) -> None:
    asked = as_member_cli(db, ALICE, "intro", "ask", "Yuri Young", "--via", BOB, "--about", "data", "--json")
    assert asked.exit_code == 0, asked.output
    request = json.loads(asked.output)
    rid = str(request["id"])
    assert request["status"] == "asked"
    assert "about data" in request["message"]
    listing = json.loads(as_member_cli(db, BOB, "intro", "requests", "--json").output)
    assert [r["id"] for r in listing["asked_of_me"]] == [request["id"]]
    assert listing["asked_by_me"] == []
    shown = as_member_cli(db, BOB, "intro", "requests")
    assert "Asked of me" in shown.output
    assert "accept, decline" in shown.output
    accepted = as_member_cli(db, BOB, "intro", "accept", rid, "--note", "Glad to")
    assert accepted.exit_code == 0, accepted.output
    assert "The note to forward to Yuri Young (double opt-in):" in accepted.output
    assert "Hi Yuri," in accepted.output
    assert as_member_cli(db, BOB, "intro", "forwarded", rid).exit_code == 0
    mine = json.loads(as_member_cli(db, ALICE, "intro", "requests", "--json").output)["asked_by_me"]
    assert [(r["status"], r["note"]) for r in mine] == [("forwarded", "Glad to")]
    again = as_member_cli(db, BOB, "intro", "accept", rid)
    assert again.exit_code == 1
    assert "it cannot be accepted now" in again.output
    assert "Traceback" not in again.output
    assert as_member_cli(db, BOB, "intro", "agreed", rid, "--note", "Yuri says yes").exit_code == 0
    log = json.loads(as_member_cli(db, ALICE, "intro", "log", "--json").output)
    assert [e["action"] for e in log] == ["agreed", "forwarded", "accept", "ask"]
    text = as_member_cli(db, ALICE, "intro", "log").output
    assert "Bob Baker" in text
    assert "agreed" in text
    everything = "".join(as_member_cli(db, ALICE, *args).output for args in (
        ("intro", "requests", "--json"), ("intro", "log", "--json"), ("intro", "show", rid, "--json")))
    for private in (PRIVATE_MESSAGE, PRIVATE_NOTE, PRIVATE_EMAIL, '"strength"', '"score"'):
        assert private not in everything


def test_refusals_are_short_and_clear(db: Path) -> None:
    rid = str(json.loads(as_member_cli(db, ALICE, "intro", "ask", "Yuri Young", "--via", BOB,
                                       "--message", "Could you?", "--json").output)["id"])
    duplicate = as_member_cli(db, ALICE, "intro", "ask", "Yuri Young", "--via", BOB)
    assert duplicate.exit_code == 1
    assert f"already asked Bob Baker to introduce you to Yuri Young (request #{rid}" in duplicate.output
    carol = as_member_cli(db, CAROL, "intro", "show", rid)
    assert carol.exit_code == 3
    assert f"no introduction request #{rid}" in carol.output
    assert json.loads(as_member_cli(db, CAROL, "intro", "requests", "--json").output) == {
        "asked_by_me": [], "asked_of_me": []}
    assert json.loads(as_member_cli(db, CAROL, "intro", "log", "--json").output) == []
    wrong_side = as_member_cli(db, ALICE, "intro", "accept", rid)
    assert wrong_side.exit_code == 1
    assert "only the member asked can accept" in wrong_side.output
    assert as_member_cli(db, ALICE, "intro", "withdraw", rid).exit_code == 0
    assert "cannot be withdrawn now" in as_member_cli(db, ALICE, "intro", "withdraw", rid).output
    stranger = as_member_cli(db, ALICE, "intro", "ask", "Zoe Zhang", "--via", BOB)
    assert stranger.exit_code == 3
    assert "Bob Baker is not connected with Zoe Zhang" in stranger.output


def test_members_act_by_their_token_not_the_owner_hint(db: Path) -> None:
    assert as_member_cli(db, ALICE, "intro", "requests").exit_code == 0
    hinted = CliRunner().invoke(cli, ["--db", str(db), "--owner", ALICE, "intro", "requests"])
    assert hinted.exit_code != 0  # a team server: who you are comes from your token
    assert "team server" in hinted.output
