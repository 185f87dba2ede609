"""Introduction routes and drafts, loaded edge lists, and the graph commands on the command line."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pytest
from click.testing import CliRunner, Result
from sqlalchemy import text

from tests.graph.test_graph_network import Team, add_owner, add_person, build_team, connect
from twoway import strength
from twoway.cli import cli
from twoway.errors import InputError, NotFound
from twoway.graph import cache, intros, stored
from twoway.graph.edgelist import read_edge_list
from twoway.people import owners
from twoway.store import Store, open_store


@pytest.fixture
def team_db(tmp_path: Path) -> tuple[Path, Team]:
    cache.clear()
    path = tmp_path / "team.db"
    store = open_store(str(path))
    team = build_team(store)
    store.close()
    return path, team


def run(db: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["--db", str(db), "--owner", "Alice Archer", *args])
    return result


def test_company_routes_rank_by_the_weaker_link_and_offer_teammates(
    team_db: tuple[Path, Team], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, team = team_db
    store = open_store(str(db))
    with store.begin() as conn:
        # A second way to Acme: Alice -> Xena -> Zed (Acme). Xena is not an owner: that link is unknown.
        zed = add_person(conn, "Zed Zulu", company="ACME corp")
        xena_owner = add_owner(conn, "Xena Xu", team.people["Xena Xu"])
        connect(conn, xena_owner, zed)
        # Other members' ties as they published them (at their imports): Bob-Yuri weak, Xena-Zed medium.
        for holder, pid, name in ((team.owners["Bob Baker"], team.people["Yuri Young"], "weak"),
                                  (xena_owner, zed, "medium")):
            conn.execute(text("INSERT INTO member_ties (owner_id, person_id, band, as_of) "
                              "VALUES (:o, :p, :b, '2026-06-01')"), {"o": holder, "p": pid, "b": name})
    # Alice's own ties as her history would give them: Alice-Bob strong, Alice-Xena medium.
    table = {(team.owners["Alice Archer"], team.people["Bob Baker"]): 90,
             (team.owners["Alice Archer"], team.people["Xena Xu"]): 60}
    monkeypatch.setattr(intros, "_strengths", lambda conn, oid, ids, cfg: {
        pid: float(table[(oid, pid)]) for pid in ids if (oid, pid) in table})
    with store.connect() as conn:
        me = owners.get(conn, team.owners["Alice Archer"])
        data = intros.introductions(conn, me, "me", company="acme", about="your data platform")
    store.close()
    tops = [([m["name"] for m in r["path"]], r["weakest_link"], r["weakest_band"]) for r in data["routes"]]
    # Xena's route (weaker link medium) beats Bob's (weaker link weak) though Bob's first link is stronger.
    # Both weaker links are other members' ties: Alice sees their bands, never their scores.
    assert tops[0] == (["Alice Archer", "Xena Xu", "Zed Zulu"], None, "medium")
    assert tops[-1] == (["Alice Archer", "Bob Baker", "Yuri Young"], None, "weak")
    ranks = [_rank(r) for r in data["routes"]]
    assert ranks == sorted(ranks, reverse=True)
    xena_link = data["routes"][0]["links"][1]
    assert xena_link == {"from": "Xena Xu (Initech)", "to": "Zed Zulu (ACME corp)", "strength": None,
                         "band": "medium", "basis": "Xena Xu's tie (band only)"}
    # Carol is a colleague who knows Yuri and Zoe, though Alice is not connected to her: teammate routes.
    teammate = [r for r in data["routes"] if r["links"][0]["basis"] == "teammate"]
    assert {r["path"][-1]["name"] for r in teammate} == {"Yuri Young", "Zoe Zhang"}
    assert all(r["links"][0]["strength"] == 50 for r in teammate)  # the neutral value, marked unknown
    # Una Ude works at "Acme" but her only link was removed: she is not in the network.
    assert "Una Ude" not in {r["path"][-1]["name"] for r in data["routes"]}
    best = data["routes"][0]
    assert best["links"][0]["basis"] == "history of Alice Archer"
    assert "Hi Xena," in best["request"]
    assert "Zed Zulu at ACME corp" in best["request"]
    assert "about your data platform" in best["request"]
    assert best["request"].rstrip().endswith("Alice")
    assert best["blurb"].startswith("Hi Zed,")
    assert "Alice Archer (Alice's headline) asked whether I would introduce you." in best["blurb"]
    assert "{" not in best["request"] + best["blurb"]


def test_three_hop_route_asks_the_first_link_to_ask_the_second(team_db: tuple[Path, Team]) -> None:
    db, team = team_db
    store = open_store(str(db))
    with store.connect() as conn:
        me = owners.get(conn, team.owners["Alice Archer"])
        data = intros.introductions(conn, me, "me", "Carol Cole")
        with pytest.raises(InputError):
            intros.introductions(conn, me, "me")
        with pytest.raises(NotFound):
            intros.introductions(conn, me, "me", company="Nowhere Ltd")
    store.close()
    ref_paths = [
        ["Alice Archer", "Bob Baker", "Yuri Young", "Carol Cole"],
    ]
    assert [[m["name"] for m in r["path"]] for r in data["routes"]] == ref_paths
    route = data["routes"][0]
    assert route["hops"] == 3
    assert "I noticed you know Yuri Young, who is connected with Carol Cole (Data Engineer at Us)." in route["request"]
    assert "asking Yuri whether they would introduce me to Carol?" in route["request"]
    assert "I would really like to talk with Carol." in route["request"]  # no --about: nothing invented


def test_edge_list_reading_rules(tmp_path: Path) -> None:
    f = tmp_path / "g.txt"
    f.write_text("% konect style comment\n# another\n4 3\n1 2\n2 3\n\n3 4 1 1082040961\n")
    a, b = read_edge_list(f)
    assert a.tolist() == [1, 2, 3]
    assert b.tolist() == [2, 3, 4]
    f.write_text("007 7\nann bob\n")
    a, b = read_edge_list(f)
    assert a.tolist() == ["007", "ann"]
    assert b.tolist() == ["7", "bob"]
    f.write_text("1 2\n3\n")
    with pytest.raises(InputError, match="line 2"):
        read_edge_list(f)
    f.write_text("# nothing\n")
    with pytest.raises(InputError, match="no connections"):
        read_edge_list(f)


def test_loaded_graph_round_trips_through_the_database(
    any_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stored, "CHUNK_BYTES", 1000)  # many chunks, reassembled in order
    rng = np.random.default_rng(3)
    edges = rng.integers(0, 500, (3000, 2))
    f = tmp_path / "random.txt"
    f.write_text("".join(f"n{a} n{b}\n" for a, b in edges))
    with any_store.begin() as conn:
        meta = stored.load_file(conn, f, "rand")
    ref = nx.Graph((f"n{a}", f"n{b}") for a, b in edges if a != b)
    assert meta.edges == ref.number_of_edges()
    assert meta.label_kind == "str"
    with any_store.connect() as conn:
        got = stored.read(conn, stored.info(conn, "rand"))
        assert [g.name for g in stored.all_graphs(conn)] == ["rand"]
    assert got.edges == ref.number_of_edges()
    for label in ("n1", "n250", "n499"):
        if label in ref:
            assert sorted(got.labels_of(got.csr.neighbors(got.node(label)))) == sorted(ref[label])


def test_graph_commands_end_to_end(team_db: tuple[Path, Team], tmp_path: Path) -> None:
    db, _ = team_db
    f = tmp_path / "tiny.txt"
    f.write_text("# a path and a triangle\n1 2\n2 3\n3 4\n4 5\n5 6\n10 11\n11 12\n12 10\n")
    loaded = run(db, "graph", "load", str(f), "--name", "tiny", "--json")
    assert loaded.exit_code == 0, loaded.output
    assert json.loads(loaded.output)["edges"] == 8
    cases = {("1", "2"): 1, ("1", "3"): 2, ("1", "4"): 3, ("1", "5"): "out", ("1", "10"): "out"}
    for (a, b), expected in cases.items():
        res = run(db, "degree", a, b, "--graph", "tiny", "--json")
        assert res.exit_code == 0, res.output
        assert json.loads(res.output)["degree"] == expected
    res = run(db, "degree", "1", "99", "--graph", "tiny")
    assert res.exit_code == 3
    assert "not in the graph" in res.output
    res = run(db, "mutual", "10", "11", "--graph", "tiny", "--json")
    assert json.loads(res.output)["count"] == 1
    assert json.loads(res.output)["a_network"] == {"first": 2, "second": 0, "third": 0}
    res = run(db, "suggest", "1", "--graph", "tiny", "--json")
    assert [x["person"]["id"] for x in json.loads(res.output)["people_you_may_know"]] == [3]
    res = run(db, "path", "1", "4", "--graph", "tiny", "--json")
    assert [[m["id"] for m in r["path"]] for r in json.loads(res.output)["routes"]] == [[1, 2, 3, 4]]

    res = run(db, "degree", "me", "Carol Cole")
    assert res.exit_code == 0, res.output
    assert "Carol Cole: 3rd" in res.output
    flat = " ".join(res.output.split())  # the console wraps long lines
    assert "Alice Archer (Us) -> Bob Baker (Us) -> Yuri Young (Acme Corp) -> Carol Cole (Us)" in flat
    res = run(db, "path", "me", "--company", "Acme", "--about", "hiring")
    assert res.exit_code == 0, res.output
    assert "Request to" in res.output
    assert "double opt-in" in res.output
    res = run(db, "suggest", "me")
    assert res.exit_code == 0, res.output
    assert "Yuri Young" in res.output
    res = run(db, "mutual", "me", "Bob Baker")
    assert "Sam Shared" in res.output
    info = run(db, "graph", "info", "--json")
    data = json.loads(info.output)
    assert data["network"]["owners"] == 3
    assert [g["name"] for g in data["loaded"]] == ["tiny"]
    assert run(db, "graph", "duplicates").exit_code == 0
    assert run(db, "graph", "drop", "tiny").exit_code == 0
    assert "no loaded graph" in run(db, "degree", "1", "2", "--graph", "tiny").output


def test_routes_use_real_strengths_and_states(team_db: tuple[Path, Team], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", "2026-06-01")
    db, team = team_db
    store = open_store(str(db))
    alice, bob = team.owners["Alice Archer"], team.people["Bob Baker"]
    with store.begin() as conn:
        for i, (direction, day) in enumerate([("out", "2026-05-01"), ("in", "2026-05-02"), ("out", "2026-05-20"),
                                              ("in", "2026-05-21")]):
            conn.exec_driver_sql(
                "INSERT INTO interactions (owner_id, person_id, kind, channel, direction, at, fingerprint) "
                f"VALUES ({alice}, {bob}, 'message', 'linkedin', '{direction}', "
                f"{int(datetime.fromisoformat(day + 'T12:00:00+00:00').timestamp())}, 'f{i}')"
            )
        for oid in team.owners.values():  # what each member's import publishes of their ties
            strength.publish_bands(conn, oid, today=date(2026, 6, 1))
    with store.connect() as conn:
        me = owners.get(conn, alice)
        data = intros.introductions(conn, me, "me", "Yuri Young")
    store.close()
    [via_bob] = [r for r in data["routes"] if r["intermediary"]["name"] == "Bob Baker"]
    first, second = via_bob["links"]
    assert first["basis"] == "history of Alice Archer"
    assert second["basis"] == "Bob Baker's tie (band only)"
    assert first["strength"] > 0
    assert second["strength"] is None  # Bob's tie: Alice sees its band only
    assert second["band"] == "weak"  # Bob never wrote to Yuri
    assert via_bob["weakest_link"] is None
    assert via_bob["weakest_band"] == "weak"
    assert via_bob["intermediary_state"] == "owe_reply"  # Bob's message is the last word, 11 days old
    store = open_store(str(db))
    with store.connect() as conn:  # Bob looking: his own tie has its number, Alice's a band
        as_bob = intros.introductions(conn, owners.get(conn, team.owners["Bob Baker"]), "me", "Xena Xu")
        as_bob_for_alice = intros.introductions(conn, owners.get(conn, team.owners["Bob Baker"]),
                                                "Alice Archer", "Yuri Young")
    store.close()
    [bob_alice, alice_xena] = as_bob["routes"][0]["links"]
    assert bob_alice["basis"] == "history of Bob Baker"
    assert bob_alice["strength"] is not None
    assert alice_xena["strength"] is None
    assert alice_xena["basis"] == "Alice Archer's tie (band only)"
    # FROM another member: their states are read from their messages, so none is shown
    assert all(r["intermediary_state"] is None for r in as_bob_for_alice["routes"])


def _rank(route: dict[str, Any]) -> float:
    """The weaker link as the ranking may use it: a shown score, or the middle of a band."""
    middle = {"weak": 17.5, "medium": 50.0, "strong": 82.5}
    return min(x["strength"] if x["strength"] is not None else middle[x["band"]] for x in route["links"])
