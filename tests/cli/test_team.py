"""`twoway team …` and a team database on the command line: the member comes from their API token, the
self-declared --owner is refused, admin commands need an admin; a single-user database is as it was."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import text

from tests.accounts.team_support import PASSWORD, TODAY
from twoway.cli import cli
from twoway.cli.base import hoist_global_options
from twoway.generator import generate_export
from twoway.store import Store, open_store


def run(db: str, *args: str, token: str | None = None, input: str | None = None) -> Result:
    env = {"TWOWAY_DB": db, **({"TWOWAY_TOKEN": token} if token else {})}
    return CliRunner().invoke(cli, list(args), env=env, input=input)


def _code(output: str) -> str:
    match = re.search(r"twi_[A-Za-z0-9_-]+", output)
    assert match, output
    return match.group(0)


def _member(db: str, email: str, *, admin_token: str | None = None, init: bool = False) -> str:
    """A member with a password and an API token, made through the commands themselves."""
    made = run(db, "team", "init", "--admin", email) if init else run(db, "team", "add", email, token=admin_token)
    assert made.exit_code == 0, made.output
    assert run(db, "team", "password", _code(made.output), input=PASSWORD + "\n").exit_code == 0
    issued = run(db, "team", "token", "--new", "tests", "--json", input=f"{email}\n{PASSWORD}\n")
    assert issued.exit_code == 0, issued.output
    return str(json.loads(issued.output)["token"])


@pytest.fixture
def db(any_store: Store) -> str:
    return any_store.url if any_store.dialect != "sqlite" else str(any_store.engine.url.database)


def test_a_team_is_made_and_listed_through_the_commands(db: str) -> None:
    admin = _member(db, "ada@example.com", init=True)
    bob = _member(db, "bob@example.com", admin_token=admin)
    listed = run(db, "team", "list", "--json", token=bob)
    assert [(m["email"], m["is_admin"]) for m in json.loads(listed.output)] == [
        ("ada@example.com", True), ("bob@example.com", False)]
    again = run(db, "team", "init", "--admin", "x@example.com", token=admin)
    assert again.exit_code == 1
    assert "team server already" in again.output


def test_commands_refuse_without_a_token_or_with_owner(db: str) -> None:
    admin = _member(db, "ada@example.com", init=True)
    anonymous = run(db, "week")
    assert anonymous.exit_code == 77
    assert "TWOWAY_TOKEN" in anonymous.output
    declared = run(db, "--owner", "1", "week", token=admin)
    assert declared.exit_code == 2
    assert "--owner" in declared.output
    assert "TWOWAY_TOKEN" in declared.output
    bogus = run(db, "week", token="twt_nonsense")  # noqa: S106 - a token that is no one's
    assert bogus.exit_code == 77
    assert "not valid" in bogus.output
    assert "Traceback" not in anonymous.output + declared.output + bogus.output


def test_admin_commands_need_an_admins_token(db: str) -> None:
    admin = _member(db, "ada@example.com", init=True)
    bob = _member(db, "bob@example.com", admin_token=admin)
    for args in (("team", "add", "cy@example.com"), ("team", "remove", "ada@example.com"),
                 ("team", "invite", "ada@example.com")):
        refused = run(db, *args, token=bob)
        assert refused.exit_code == 77, args
        assert "admin" in refused.output


def test_a_password_is_read_from_stdin_never_the_command_line_and_a_code_works_once(db: str) -> None:
    made = run(db, "team", "init", "--admin", "ada@example.com")
    code = _code(made.output)
    short = run(db, "team", "password", code, input="short\n")
    assert short.exit_code == 2
    done = run(db, "team", "password", code, input=PASSWORD + "\n")
    assert done.exit_code == 0
    assert PASSWORD not in done.output
    assert run(db, "team", "password", code, input=PASSWORD + "\n").exit_code == 77
    wrong = run(db, "team", "token", "--new", "x", input="ada@example.com\nnot the password\n")
    assert wrong.exit_code == 77


def test_tokens_and_sessions_are_the_members_own(db: str) -> None:
    admin = _member(db, "ada@example.com", init=True)
    listed = json.loads(run(db, "team", "token", "--json", token=admin).output)
    assert [t["label"] for t in listed] == ["tests"]
    assert json.loads(run(db, "team", "sessions", "--json", token=admin).output) == []
    second = json.loads(run(db, "team", "token", "--new", "laptop", "--json", token=admin).output)["token"]
    ids = [t["id"] for t in json.loads(run(db, "team", "token", "--json", token=second).output)]
    assert run(db, "team", "token", "--revoke", str(ids[0]), token=second).exit_code == 0
    assert run(db, "week", token=admin).exit_code == 77  # that one was revoked
    assert run(db, "team", "token", "--revoke", "999", token=second).exit_code == 3


def test_each_member_imports_into_their_own_network(db: str, tmp_path: Path) -> None:
    admin = _member(db, "ada@example.com", init=True)
    bob = _member(db, "bob@example.com", admin_token=admin)
    ada_export = generate_export(tmp_path / "a", seed=51, connections=25, owner_name="Ada Lovelace", today=TODAY)
    bob_export = generate_export(tmp_path / "b", seed=52, connections=25, owner_name="Bob Builder", today=TODAY)
    first = run(db, "import", str(ada_export.path), "--json", token=admin)
    assert first.exit_code == 0, first.output
    assert json.loads(first.output)["owner_name"] == "Ada Lovelace"
    assert run(db, "import", str(bob_export.path), token=bob).exit_code == 0
    theirs = run(db, "import", str(ada_export.path), token=bob)
    assert theirs.exit_code == 1
    assert "another member" in theirs.output
    ada_week = run(db, "week", "--json", token=admin)
    bob_week = run(db, "week", "--json", token=bob)
    assert ada_week.exit_code == 0
    assert ada_week.output != bob_week.output
    ada_imports = json.loads(run(db, "imports", "--json", token=admin).output)
    bob_imports = json.loads(run(db, "imports", "--json", token=bob).output)
    assert [i["owner_name"] for i in ada_imports] == ["Ada Lovelace"]
    assert [i["owner_name"] for i in bob_imports] == ["Bob Builder"]
    refused = run(db, "imports", "forget", str(ada_imports[0]["id"]), token=bob)
    assert refused.exit_code == 3
    assert "no import" in refused.output
    assert json.loads(run(db, "imports", "--json", token=admin).output) == ada_imports


def test_remove_takes_the_members_data_and_can_write_it_out_first(db: str, tmp_path: Path) -> None:
    admin = _member(db, "ada@example.com", init=True)
    bob = _member(db, "bob@example.com", admin_token=admin)
    export = generate_export(tmp_path / "b", seed=53, connections=25, owner_name="Bob Builder", today=TODAY)
    assert run(db, "import", str(export.path), token=bob).exit_code == 0
    assert run(db, "team", "remove", "ada@example.com", token=admin).exit_code == 1  # not yourself
    out = tmp_path / "leaving"
    removed = run(db, "team", "remove", "bob@example.com", "--export-to", str(out), "--json", token=admin)
    assert removed.exit_code == 0, removed.output
    written = json.loads((out / "bob@example.com.json").read_text(encoding="utf-8"))
    assert written["owners"][0]["name"] == "Bob Builder"
    assert len(written["connections"]) == json.loads(removed.output)["deleted"]["connections"]
    store = open_store(db)
    with store.connect() as conn:
        left = conn.execute(text("SELECT COUNT(*) FROM connections WHERE owner_id NOT IN (SELECT id FROM owners)"))
        assert left.scalar_one() == 0
    store.close()
    assert run(db, "week", token=bob).exit_code == 77


def test_a_single_user_database_is_as_it_was(tmp_path: Path) -> None:
    db = str(tmp_path / "solo.db")
    export = generate_export(tmp_path / "x", seed=54, connections=20, owner_name="Solo Sam", today=TODAY)
    assert run(db, "import", str(export.path)).exit_code == 0
    assert run(db, "week").exit_code == 0
    assert run(db, "--owner", "Solo Sam", "week").exit_code == 0
    not_team = run(db, "team", "list")
    assert not_team.exit_code == 1
    assert "not a team server" in not_team.output


def test_a_commands_own_token_option_is_not_taken_for_the_global_one() -> None:
    assert hoist_global_options(cli, ["serve", "--token", "abc"]) == ["serve", "--token", "abc"]
    assert hoist_global_options(cli, ["week", "--token", "abc"]) == ["--token", "abc", "week"]


def test_each_members_settings_are_their_own(db: str) -> None:
    admin = _member(db, "ada@example.com", init=True)
    bob = _member(db, "bob@example.com", admin_token=admin)
    assert run(db, "settings", "cadence_days", "200", token=bob).exit_code == 0
    mine = json.loads(run(db, "settings", "cadence_days", "--json", token=bob).output)
    theirs = json.loads(run(db, "settings", "cadence_days", "--json", token=admin).output)
    assert mine[0]["value"] == 200
    assert theirs[0]["value"] == 365


def test_init_gives_a_single_users_network_to_the_first_admin(tmp_path: Path) -> None:
    db = str(tmp_path / "mine.db")
    export = generate_export(tmp_path / "x", seed=55, connections=20, owner_name="Solo Sam", today=TODAY)
    assert run(db, "import", str(export.path)).exit_code == 0
    before = run(db, "week", "--json")
    assert before.exit_code == 0
    assert json.loads(before.output)["items"]
    admin = _member(db, "sam@example.com", init=True)
    after = run(db, "week", "--json", token=admin)
    assert after.exit_code == 0
    assert after.output == before.output
