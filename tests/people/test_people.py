from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Connection, text

from twoway import identity, people, views
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
        assert f"#{ids['ada']}" in many.value.message
        assert f"#{ids['adam']}" in many.value.message
        with pytest.raises(NotFound):
            people.resolve(conn, o, "Nobody Here")


def test_search_filters_in_sql(network: tuple[Store, int, dict[str, int]]) -> None:
    store, o, ids = network
    with store.connect() as conn:
        acme = views.search(conn, o, views.PeopleQuery(company="acme"))
        assert {r["id"] for r in acme.rows} == {ids["adam"], ids["grace"]}
        assert acme.total == 2
        recent = views.search(conn, o, views.PeopleQuery(connected_since=date(2023, 1, 1), sort="connected"))
        assert [r["id"] for r in recent.rows] == [ids["grace"], ids["adam"]]
        removed = views.search(conn, o, views.PeopleQuery(status="removed"))
        assert [r["id"] for r in removed.rows] == [ids["gone"]]
        by_state = views.search(conn, o, views.PeopleQuery(state="removed"))  # status left at its default
        assert [r["id"] for r in by_state.rows] == [ids["gone"]]
        everyone = views.search(conn, o, views.PeopleQuery(status="all", per_page=2, page=2))
        assert everyone.total == 4
        assert everyone.pages == 2
        assert len(everyone.rows) == 2


def test_search_wildcards_are_literal(network: tuple[Store, int, dict[str, int]]) -> None:
    # "%" and "_" are LIKE wildcards: typed into a search they must find themselves, not everyone.
    store, o, _ids = network
    with store.begin() as conn:
        growth = _person(conn, o, "Percy Cent", company="50% Growth_Lab")
    with store.connect() as conn:
        assert [r["id"] for r in views.search(conn, o, views.PeopleQuery(text="%")).rows] == [growth]
        assert [r["id"] for r in views.search(conn, o, views.PeopleQuery(text="_")).rows] == [growth]
        assert [r["id"] for r in views.search(conn, o, views.PeopleQuery(company="50%")).rows] == [growth]
        assert views.search(conn, o, views.PeopleQuery(company="5_%")).total == 0
        assert views.search(conn, o, views.PeopleQuery(text="\\")).total == 0
        with pytest.raises(NotFound):
            people.resolve(conn, o, "a_a")  # would match "ada lovelace" as a wildcard


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
    assert missing.exit_code != 0
    assert "nobody called" in missing.output
    assert "Traceback" not in missing.output


def test_search_by_state_strength_and_last_contact(network: tuple[Store, int, dict[str, int]]) -> None:
    from twoway import clock, states, strength

    store, o, ids = network
    today = date(2026, 11, 22)
    day = 86_400
    t = clock.day_start_ts(today)
    events = [(ids["ada"], "out", t - 300 * day), (ids["ada"], "in", t - 299 * day),
              (ids["ada"], "out", t - 298 * day),
              (ids["adam"], "in", t - 5 * day),
              (ids["grace"], "out", t - 30 * day), (ids["grace"], "in", t - 29 * day),
              (ids["grace"], "out", t - 20 * day), (ids["grace"], "in", t - 19 * day),
              (ids["grace"], "out", t - 18 * day)]
    with store.begin() as conn:
        conn.execute(text("INSERT INTO interactions (owner_id, person_id, direction, at, fingerprint) "
                          "VALUES (:o, :p, :d, :a, :f)"),
                     [{"o": o, "p": p, "d": d, "a": a, "f": f"e{i}"} for i, (p, d, a) in enumerate(events)])
    with store.connect() as conn:
        verdicts = states.compute_states(conn, o, today=today)
        scores = strength.compute_strengths(conn, o, today=today)
        owed = views.search(conn, o, views.PeopleQuery(state="owe_reply"), today=today)
        strongest = views.search(conn, o, views.PeopleQuery(sort="strength", descending=True, per_page=2),
                                  today=today)
        recent = views.search(conn, o, views.PeopleQuery(sort="last_contact", descending=True), today=today)
        plain = views.search(conn, o, views.PeopleQuery(text="grace"), today=today)
    assert [r["id"] for r in owed.rows] == [ids["adam"]]
    assert owed.total == 1
    assert owed.rows[0]["reason"] == verdicts[ids["adam"]].reason  # reasons are written for the page
    assert owed.rows[0]["strength"] == scores[ids["adam"]].score
    expected = sorted((ids["ada"], ids["adam"], ids["grace"]), key=lambda p: scores[p].score, reverse=True)[:2]
    assert [r["id"] for r in strongest.rows] == expected
    assert strongest.total == 3
    assert [r["id"] for r in recent.rows] == [ids["adam"], ids["grace"], ids["ada"]]
    assert recent.rows[0]["last_contact"] == "2026-11-17"
    grace = plain.rows[0]
    assert grace["state"] == verdicts[ids["grace"]].state == "two_way"
    assert grace["reason"] == verdicts[ids["grace"]].reason
    assert grace["strength"] == scores[ids["grace"]].score
    assert grace["last_contact"] == "2026-11-04"
