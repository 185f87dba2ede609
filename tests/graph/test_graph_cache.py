"""The merged network in memory: current after any process's write, rebuilt only when the network changed."""

from __future__ import annotations

from sqlalchemy import text

from tests.graph.test_graph_network import add_person, build_team
from twoway import paths
from twoway.graph import cache
from twoway.people import tags
from twoway.store import Store, open_store


def test_a_write_elsewhere_that_leaves_the_network_as_it_was_keeps_the_graph(any_store: Store) -> None:
    cache.clear()
    team = build_team(any_store)
    with any_store.connect() as conn:
        first = cache.network(conn)
    other = open_store(any_store.url)  # its own connections, as another process has
    try:
        with other.begin() as conn:
            tags.add_tags(conn, team.owners["Alice Archer"], team.people["Sam Shared"], ["vip"])
        with any_store.connect() as conn:
            assert cache.network(conn) is first
    finally:
        other.close()


def test_a_connection_added_elsewhere_is_in_the_next_answer(any_store: Store) -> None:
    cache.clear()
    team = build_team(any_store)
    with any_store.connect() as conn:
        before = cache.network(conn).graph.edges
    other = open_store(any_store.url)
    try:
        with other.begin() as conn:
            newcomer = add_person(conn, "Nina New")
            conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on, status) "
                              "VALUES (:o, :p, '2026-01-01', 'connected')"),
                         {"o": team.owners["Carol Cole"], "p": newcomer})
        with any_store.connect() as conn:
            after = cache.network(conn)
        assert after.graph.edges == before + 1
        assert after.graph.has(newcomer)
    finally:
        other.close()


def test_a_new_process_reads_the_network_from_its_file(any_store: Store) -> None:
    cache.clear()
    build_team(any_store)
    with any_store.connect() as conn:
        built = cache.network(conn)
    assert list((paths.user_dir() / "cache").glob("network-*.npz"))
    cache.clear()  # what a fresh CLI process or another web worker starts with
    with any_store.connect() as conn:
        assert not cache.held(conn)
        again = cache.network(conn)
        assert cache.held(conn)
    assert again is not built
    assert again.graph.edges == built.graph.edges
    assert (again.graph.labels == built.graph.labels).all()
