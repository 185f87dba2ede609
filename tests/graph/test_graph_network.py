"""The merged network of several members' exports: degrees, mutual, suggestions, freshness, duplicates."""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx
import pytest
from sqlalchemy import Connection, text

from twoway import identity
from twoway.errors import NotFound
from twoway.graph import cache, network, sources
from twoway.people import owners
from twoway.store import Store


@dataclass
class Team:
    store: Store
    owners: dict[str, int] = field(default_factory=dict)  # owner name -> owner id
    people: dict[str, int] = field(default_factory=dict)  # full name -> person id
    links: list[tuple[str, str]] = field(default_factory=list)  # (owner name, person name)


def add_person(conn: Connection, name: str, *, url: str | None = "auto", company: str = "",
               position: str = "") -> int:
    slug = name.lower().replace(" ", "-")
    real_url = f"https://www.linkedin.com/in/{slug}" if url == "auto" else url
    first, _, last = name.partition(" ")
    return int(conn.execute(
        text("INSERT INTO people (url, name_key, first_name, last_name, full_name, company, position, created_at) "
             "VALUES (:u, :k, :f, :l, :n, :c, :p, '2026-01-01') RETURNING id"),
        {"u": real_url, "k": identity.name_key(name), "f": first, "l": last, "n": name, "c": company,
         "p": position},
    ).one()[0])


def add_owner(conn: Connection, name: str, person_id: int | None) -> int:
    url = f"https://www.linkedin.com/in/{name.lower().replace(' ', '-')}"
    return int(conn.execute(
        text("INSERT INTO owners (person_id, name, first_name, profile_url, headline, created_at) "
             "VALUES (:p, :n, :f, :u, :h, '2026-01-01') RETURNING id"),
        {"p": person_id, "n": name, "f": name.split()[0], "u": url, "h": f"{name.split()[0]}'s headline"},
    ).one()[0])


def connect(conn: Connection, owner_id: int, person_id: int, status: str = "connected") -> None:
    conn.execute(
        text("INSERT INTO connections (owner_id, person_id, connected_on, status) VALUES (:o, :p, '2024-01-01', :s)"),
        {"o": owner_id, "p": person_id, "s": status},
    )


def build_team(store: Store) -> Team:
    """Alice, Bob and Carol imported their exports. Alice and Bob are connected; Carol is in neither's list."""
    team = Team(store)
    with store.begin() as conn:
        for name, company in [("Alice Archer", "Us"), ("Bob Baker", "Us"), ("Carol Cole", "Us"),
                              ("Sam Shared", "Shared Co"), ("Xena Xu", "Initech"), ("Yuri Young", "Acme Corp"),
                              ("Zoe Zhang", "Acme Corp"), ("Walt White", "Globex"), ("Una Ude", "Acme")]:
            team.people[name] = add_person(conn, name, company=company, position="Data Engineer")
        for name in ("Alice Archer", "Bob Baker", "Carol Cole"):
            team.owners[name] = add_owner(conn, name, team.people[name])
        team.links = [
            ("Alice Archer", "Bob Baker"), ("Alice Archer", "Sam Shared"), ("Alice Archer", "Xena Xu"),
            ("Bob Baker", "Alice Archer"), ("Bob Baker", "Sam Shared"), ("Bob Baker", "Yuri Young"),
            ("Carol Cole", "Zoe Zhang"), ("Carol Cole", "Walt White"), ("Carol Cole", "Yuri Young"),
        ]
        for owner_name, person in team.links:
            connect(conn, team.owners[owner_name], team.people[person])
        connect(conn, team.owners["Carol Cole"], team.people["Una Ude"], status="removed")
    return team


def reference(team: Team) -> nx.Graph:
    g = nx.Graph()
    g.add_edges_from((team.people[o], team.people[p]) for o, p in team.links)
    return g


@pytest.fixture
def team(any_store: Store) -> Team:
    cache.clear()
    return build_team(any_store)


def _alice(conn: Connection, team: Team) -> owners.Owner:
    return owners.get(conn, team.owners["Alice Archer"])


def test_degrees_and_mutual_match_networkx(team: Team) -> None:
    ref = reference(team)
    with team.store.connect() as conn:
        me = _alice(conn, team)
        for name, pid in team.people.items():
            if name == "Una Ude":
                with pytest.raises(NotFound, match="not in the merged network"):
                    network.degree(conn, me, "me", f"#{pid}")
                continue
            got = network.degree(conn, me, "me", f"#{pid}")
            dist = nx.shortest_path_length(ref, team.people["Alice Archer"], pid)
            assert got["degree"] == (dist if dist <= 3 else "out")
            if got["degree"] == "out":
                assert got["path"] == []
                continue
            assert got["path"][0]["id"] == team.people["Alice Archer"]
            assert got["path"][-1]["id"] == pid
        zoe = network.degree(conn, me, "Alice Archer", "Zoe Zhang")
        assert zoe["degree"] == "out"  # Alice - Bob - Yuri - Carol - Zoe is four hops
        carol = network.degree(conn, me, "me", "Carol Cole")
        assert carol["badge"] == "3rd"
        assert [m["name"] for m in carol["path"]] == ["Alice Archer", "Bob Baker", "Yuri Young", "Carol Cole"]
        assert carol["path"][1]["owner_id"] == team.owners["Bob Baker"]

        shared = network.mutual(conn, me, "me", "Bob Baker")
        assert [m["name"] for m in shared["mutual"]] == ["Sam Shared"]
        lengths = nx.single_source_shortest_path_length(ref, team.people["Alice Archer"], cutoff=3)
        assert shared["a_network"] == {k: sum(1 for d in lengths.values() if d == i)
                                       for i, k in ((1, "first"), (2, "second"), (3, "third"))}


def test_suggestions_and_introductions_name_the_shared_people(team: Team) -> None:
    with team.store.connect() as conn:
        me = _alice(conn, team)
        data = network.suggest(conn, me, "me")
        names = [x["person"]["name"] for x in data["people_you_may_know"]]
        assert names == ["Yuri Young"]  # the only 2nd-degree member
        assert data["people_you_may_know"][0]["shared_with"] == ["Bob Baker (Us)"]
        bob = network.suggest(conn, me, "Bob Baker")
        # Carol comes through Yuri (2 connections: 1/log 2), Xena through Alice (3 connections: 1/log 3).
        assert [x["person"]["name"] for x in bob["people_you_may_know"]] == ["Carol Cole", "Xena Xu"]
        assert bob["people_you_may_know"][0]["score"] > bob["people_you_may_know"][1]["score"]
        assert bob["introductions"] == []  # Bob's connections share nobody but Bob
    with team.store.begin() as conn:
        connect(conn, team.owners["Bob Baker"], team.people["Walt White"])
    with team.store.connect() as conn:
        yuri = network.suggest(conn, _alice(conn, team), "Yuri Young")
    [intro] = yuri["introductions"]
    assert {intro["a"]["name"], intro["b"]["name"]} == {"Bob Baker", "Carol Cole"}
    assert intro["shared"] == 1
    assert intro["common_ground"][0] == "both know Walt White (Globex)"
    assert "both at Us" in intro["common_ground"]
    assert "both data/engineer by title" in intro["common_ground"]


def test_graph_is_rebuilt_after_an_import_changes_the_network(team: Team) -> None:
    with team.store.connect() as conn:
        me = _alice(conn, team)
        assert network.degree(conn, me, "me", "Zoe Zhang")["degree"] == "out"
        before = cache.network(conn)
    with team.store.begin() as conn:
        conn.execute(text("INSERT INTO imports (owner_id, source, started_at) VALUES (:o, 'test', '2026-01-02')"),
                     {"o": team.owners["Alice Archer"]})
        connect(conn, team.owners["Alice Archer"], team.people["Walt White"])
    with team.store.connect() as conn:
        me = _alice(conn, team)
        got = network.degree(conn, me, "me", "Zoe Zhang")
        assert got["degree"] == 3
        assert cache.network(conn) is not before
        assert cache.network(conn) is cache.network(conn)  # unchanged database: the same graph object
    with team.store.begin() as conn:
        conn.execute(text("UPDATE connections SET status = 'removed' WHERE owner_id = :o AND person_id = :p"),
                     {"o": team.owners["Alice Archer"], "p": team.people["Walt White"]})
    with team.store.connect() as conn:
        assert network.degree(conn, _alice(conn, team), "me", "Zoe Zhang")["degree"] == "out"


def test_the_disk_cache_survives_a_new_process(team: Team) -> None:
    with team.store.connect() as conn:
        first = cache.network(conn)
        cache.clear()
        again = cache.network(conn)
    assert again is not first
    assert again.graph.labels is not None
    assert first.graph.labels is not None
    assert again.graph.labels.tolist() == first.graph.labels.tolist()
    assert again.graph.csr.indices.tolist() == first.graph.csr.indices.tolist()


def test_owner_without_a_person_row_is_still_a_member(any_store: Store) -> None:
    cache.clear()
    with any_store.begin() as conn:
        oid = add_owner(conn, "Nora Nobody", None)
        friend = add_person(conn, "Fay Friend")
        connect(conn, oid, friend)
    with any_store.connect() as conn:
        me = owners.get(conn, oid)
        assert network.degree(conn, me, "me", "Fay Friend")["degree"] == 1
        assert network.degree(conn, me, "me", "Fay Friend")["from"]["name"] == "Nora Nobody"


def test_candidate_duplicates_are_listed_not_merged(team: Team) -> None:
    with team.store.begin() as conn:
        first = add_person(conn, "Dana Smith", company="Acme")
        second = add_person(conn, "Dana  SMITH", url=None, company="acme ")
        third = add_person(conn, "Eve Solo")
        connect(conn, team.owners["Alice Archer"], first)
        connect(conn, team.owners["Bob Baker"], second)
        connect(conn, team.owners["Bob Baker"], third)
    with team.store.connect() as conn:
        groups = sources.candidate_duplicates(conn)
        net = cache.network(conn)
    assert [g.name_key for g in groups] == ["dana smith"]
    assert groups[0].reason.startswith("same company")
    assert {p.person_id for p in groups[0].people} == {first, second}
    assert {p.owners for p in groups[0].people} == {(team.owners["Alice Archer"],), (team.owners["Bob Baker"],)}
    assert net.graph.find(first) != net.graph.find(second)  # two nodes until someone merges them
