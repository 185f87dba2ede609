from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Connection, text

from twoway import identity, people
from twoway.cli import cli
from twoway.errors import Ambiguous, NotFound
from twoway.store import Store


def _owner(conn: Connection, name: str = "Olive Owner") -> int:
    conn.execute(text("INSERT INTO owners (name, created_at) VALUES (:n, '2026-01-01')"), {"n": name})
    return int(conn.execute(text("SELECT MAX(id) FROM owners")).scalar_one())


def _person(conn: Connection, owner_id: int, name: str, *, company: str = "", url: str | None = None,
            connected_on: str = "2024-05-01", status: str = "connected") -> int:
    first, _, last = name.partition(" ")
    conn.execute(
        text("INSERT INTO people (url, name_key, first_name, last_name, full_name, company, position, created_at)"
             " VALUES (:u, :k, :f, :l, :n, :c, 'Engineer', '2026-01-01')"),
        {"u": url, "k": identity.name_key(name), "f": first, "l": last, "n": name, "c": company},
    )
    pid = int(conn.execute(text("SELECT MAX(id) FROM people")).scalar_one())
    conn.execute(
        text("INSERT INTO connections (owner_id, person_id, connected_on, status) VALUES (:o, :p, :d, :s)"),
        {"o": owner_id, "p": pid, "d": connected_on, "s": status},
    )
    return pid


@pytest.fixture
def network(any_store: Store) -> tuple[Store, int, dict[str, int]]:
    with any_store.begin() as conn:
        o = _owner(conn)
        ids = {
            "ada": _person(conn, o, "Ada Lovelace", company="Analytical Engines",
                           url="https://www.linkedin.com/in/ada-l", connected_on="2019-03-02"),
            "adam": _person(conn, o, "Adam Smith", company="Acme", connected_on="2025-01-10"),
            "grace": _person(conn, o, "Grace Hopper, PhD", company="Acme Navy", connected_on="2023-07-15"),
            "gone": _person(conn, o, "Gone Person", company="Elsewhere", status="removed"),
        }
    return any_store, o, ids


def test_resolve_by_id_url_exact_name_and_unique_part(network: tuple[Store, int, dict[str, int]]) -> None:
    store, o, ids = network
    with store.connect() as conn:
        assert people.resolve(conn, o, f"#{ids['grace']}").id == ids["grace"]
        assert people.resolve(conn, o, "linkedin.com/in/ada-l/").id == ids["ada"]
        assert people.resolve(conn, o, "ada lovelace").id == ids["ada"]
        assert people.resolve(conn, o, "Grace Hopper").id == ids["grace"]  # credentials ignored
        assert people.resolve(conn, o, "hopper").id == ids["grace"]


def test_resolve_ambiguous_lists_candidates_and_unknown_says_so(network: tuple[Store, int, dict[str, int]]) -> None:
    store, o, ids = network
    with store.connect() as conn:
        with pytest.raises(Ambiguous) as many:
            people.resolve(conn, o, "ada")
        assert f"#{ids['ada']}" in many.value.message and f"#{ids['adam']}" in many.value.message
        with pytest.raises(NotFound):
            people.resolve(conn, o, "Nobody Here")


def test_search_filters_in_sql(network: tuple[Store, int, dict[str, int]]) -> None:
    store, o, ids = network
    with store.connect() as conn:
        acme = people.search(conn, o, people.PeopleQuery(company="acme"))
        assert {r["id"] for r in acme.rows} == {ids["adam"], ids["grace"]}
        assert acme.total == 2
        recent = people.search(conn, o, people.PeopleQuery(connected_since=date(2023, 1, 1), sort="connected"))
        assert [r["id"] for r in recent.rows] == [ids["grace"], ids["adam"]]
        removed = people.search(conn, o, people.PeopleQuery(status="removed"))
        assert [r["id"] for r in removed.rows] == [ids["gone"]]
        everyone = people.search(conn, o, people.PeopleQuery(status="all", per_page=2, page=2))
        assert everyone.total == 4 and everyone.pages == 2 and len(everyone.rows) == 2


def test_people_and_person_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    from twoway.store import open_store

    store = open_store(db)
    with store.begin() as conn:
        o = _owner(conn)
        _person(conn, o, "[bold]Mallory[/bold] <script>", company="=cmd|' /C calc'!A0")
    store.close()
    runner = CliRunner()
    listing = runner.invoke(cli, ["--db", db, "people", "--json"])
    assert listing.exit_code == 0, listing.output
    rows = json.loads(listing.output)["rows"]
    assert rows[0]["name"] == "[bold]Mallory[/bold] <script>"
    shown = runner.invoke(cli, ["--db", db, "people"], env={"COLUMNS": "250"})
    assert "[bold]Mallory[/bold]" in shown.output  # printed literally, not as markup
    detail = runner.invoke(cli, ["--db", db, "person", "mallory"])
    assert detail.exit_code == 0, detail.output
    assert "Mallory" in detail.output
    missing = runner.invoke(cli, ["--db", db, "person", "nobody at all"])
    assert missing.exit_code != 0 and "nobody called" in missing.output and "Traceback" not in missing.output
