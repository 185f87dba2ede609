"""Tags and notes: normal form, cadences, protection, append-only notes, and their commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Connection, text

from tests.network_builder import database_file
from twoway import views
from twoway.cli import cli
from twoway.errors import InputError
from twoway.people import notes, tags
from twoway.settings import Settings
from twoway.states import Rules
from twoway.store import Store

CFG = Settings()


def _seed(conn: Connection) -> None:
    conn.execute(text("INSERT INTO owners (name, created_at) VALUES ('Olive Owner', '2026-01-01')"))
    for i, name in ((1, "Ada Lovelace"), (2, "Alan Turing"), (3, "Grace Hopper")):
        conn.execute(text("INSERT INTO people (id, name_key, full_name, company, created_at) "
                          "VALUES (:i, :k, :n, 'Acme', 'x')"), {"i": i, "k": name.lower(), "n": name})
        conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on) VALUES (1, :i, '2025-01-01')"),
                     {"i": i})


@pytest.fixture
def seeded(any_store: Store) -> Store:
    with any_store.begin() as conn:
        _seed(conn)
    return any_store


def test_normal_form() -> None:
    assert tags.normalise_tag("  Inner   Circle ") == "inner circle"
    for bad in ("", "   ", "a\x00b", "x" * 61):
        with pytest.raises(InputError):
            tags.normalise_tag(bad)


def test_cadence_for_takes_the_shortest_tag_cadence() -> None:
    rules = Rules.from_settings(CFG.with_values(tag_cadences="Inner Circle=90, investor=30", cadence_days=365))
    assert rules.cadence(()) == (365, None)
    assert rules.cadence(("colleague",)) == (365, None)
    assert rules.cadence(("inner circle",)) == (90, "inner circle")
    assert rules.cadence(("inner circle", "investor")) == (30, "investor")


def test_is_protected_follows_the_setting() -> None:
    rules = Rules.from_settings(CFG)
    assert rules.protected(("family",))
    assert rules.protected(("colleague", "mentor"))
    assert not rules.protected(("colleague",))
    rules = Rules.from_settings(CFG.with_values(protected_tags="Board Member"))
    assert rules.protected(("board member",))
    assert not rules.protected(("family",))


def test_add_and_remove_tags(seeded: Store) -> None:
    with seeded.begin() as conn:
        assert tags.add_tags(conn, 1, 1, ["Mentor", "inner circle", "mentor"]) == ("mentor", "inner circle")
        assert tags.add_tags(conn, 1, 1, ["mentor"]) == ()  # adding twice is harmless
        tags.add_tags(conn, 1, 2, ["inner circle"])
    with seeded.connect() as conn:
        assert tags.tags_by_person(conn, 1) == {1: ("inner circle", "mentor"), 2: ("inner circle",)}
        summary = {t.tag: t for t in views.all_tags(conn, 1, CFG)}
    assert summary["inner circle"].people == 2
    assert summary["inner circle"].cadence_days == 90
    assert summary["mentor"].protected
    assert summary["family"].people == 0  # a protected tag shows even when unused
    with seeded.begin() as conn:
        assert tags.remove_tags(conn, 1, 1, ["MENTOR", "nope"]) == ("mentor",)
    with seeded.connect() as conn:
        assert tags.tags_of(conn, 1, 1) == ("inner circle",)
        assert [n for _, n, _ in tags.people_with_tag(conn, 1, "Inner Circle")] == ["Ada Lovelace", "Alan Turing"]


def test_notes_are_append_only_and_keep_every_word(seeded: Store) -> None:
    body = "Met at PyCon <script>alert(1)</script>; wants intros to climate funds"
    with seeded.begin() as conn:
        first = notes.add_note(conn, 1, 3, body)
        notes.add_note(conn, 1, 3, "  second note  ")
    with seeded.connect() as conn:
        kept = notes.notes_for(conn, 1, 3)
    assert [n.body for n in kept] == [body, "second note"]
    assert kept[0].id == first.id
    with seeded.begin() as conn, pytest.raises(InputError):
        notes.add_note(conn, 1, 3, "   ")


def test_tag_person_resolves_names_and_reports_cadence(seeded: Store) -> None:
    with seeded.begin() as conn:
        change = views.tag_person(conn, 1, "grace", ["family", "inner circle"])
    assert change.full_name == "Grace Hopper"
    assert change.cadence_days == 90
    assert change.protected
    with seeded.begin() as conn, pytest.raises(InputError):
        views.tag_person(conn, 1, "grace", [])


# --- the CLI ------------------------------------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path) -> Path:
    database_file(tmp_path / "cli.db", _seed)
    return tmp_path / "cli.db"


def test_cli_tag_tags_and_remove(db: Path) -> None:
    runner = CliRunner()
    added = runner.invoke(cli, ["--db", str(db), "tag", "Ada", "inner circle", "Mentor"])
    assert added.exit_code == 0, added.output
    assert "every 90 days" in added.output
    assert "protected" in added.output
    listed = runner.invoke(cli, ["--db", str(db), "tags", "--json"])
    data = {t["tag"]: t for t in json.loads(listed.output)}
    assert data["inner circle"]["people"] == 1
    assert data["mentor"]["protected"] is True
    people = runner.invoke(cli, ["--db", str(db), "tags", "mentor", "--json"])
    assert [p["full_name"] for p in json.loads(people.output)] == ["Ada Lovelace"]
    removed = runner.invoke(cli, ["--db", str(db), "tag", "Ada", "mentor", "--remove", "--json"])
    assert json.loads(removed.output)["tags"] == ["inner circle"]
    assert runner.invoke(cli, ["--db", str(db), "tag", "Ada"]).exit_code == 2


def test_cli_note_adds_and_lists(db: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "note", "Alan", "[bold]how we met[/bold]"]).exit_code == 0
    shown = runner.invoke(cli, ["--db", str(db), "note", "Alan"])
    assert shown.exit_code == 0
    assert "[bold]how we met[/bold]" in shown.output  # printed literally, never as markup
    data = json.loads(runner.invoke(cli, ["--db", str(db), "note", "Alan", "--json"]).output)
    assert [n["body"] for n in data["notes"]] == ["[bold]how we met[/bold]"]
    assert runner.invoke(cli, ["--db", str(db), "note", "Alan", "  "]).exit_code == 2
