"""The store revision: one bump per committed write transaction, none for reads, and writers in parallel
all get through (on SQLite none fails with "database is locked")."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, inspect, text

from twoway.store import Store, apply_migrations, open_store, revision, schema_version
from twoway.store.migrations import MIGRATIONS, Migration

WRITERS = 8
WRITES_EACH = 50


def _url(store: Store) -> str:
    return store.engine.url.render_as_string(hide_password=False)


def _now(store: Store) -> int:
    with store.connect() as conn:
        return revision(conn)


def _add_owner(conn: Connection, name: str) -> None:
    conn.execute(text("INSERT INTO owners (name, created_at) VALUES (:n, '2020-01-01')"), {"n": name})


def test_a_blank_database_starts_at_one(any_store: Store) -> None:
    assert _now(any_store) == 1


def test_each_write_transaction_bumps_once(any_store: Store) -> None:
    with any_store.begin() as conn:
        _add_owner(conn, "Ada")
        _add_owner(conn, "Grace")
        assert revision(conn) == 2  # bumped first, seen inside the transaction
    assert _now(any_store) == 2
    with any_store.begin() as conn:
        _add_owner(conn, "Edsger")
    with any_store.begin():
        pass  # a write transaction that wrote nothing still counts: begin() is the promise to write
    assert _now(any_store) == 4


def test_reads_do_not_bump(any_store: Store) -> None:
    with any_store.connect() as conn:
        conn.execute(text("SELECT COUNT(*) FROM owners")).scalar_one()
        assert revision(conn) == 1
    assert any_store.settings() is not None
    assert _now(any_store) == 1


def test_a_rolled_back_write_does_not_bump(any_store: Store) -> None:
    def write_then_give_up() -> None:
        with any_store.begin() as conn:
            _add_owner(conn, "Ada")
            raise RuntimeError("abandoned")

    with pytest.raises(RuntimeError, match="abandoned"):
        write_then_give_up()
    assert _now(any_store) == 1


def test_others_see_the_new_revision_only_once_committed(any_store: Store) -> None:
    with any_store.begin() as conn:
        _add_owner(conn, "Ada")
        assert _now(any_store) == 1
    assert _now(any_store) == 2


def test_reopening_an_up_to_date_database_does_not_bump(any_store: Store) -> None:
    for _ in range(3):
        again = open_store(_url(any_store))
        again.close()
    assert _now(any_store) == 1


@pytest.fixture
def pending_migration() -> Iterator[Migration]:
    def probe(conn: Connection) -> None:
        conn.execute(text("CREATE TABLE probe (id INTEGER PRIMARY KEY)"))

    probe.__name__ = f"m{len(MIGRATIONS) + 1:03d}_probe"
    MIGRATIONS.append(probe)
    try:
        yield probe
    finally:
        MIGRATIONS.remove(probe)


def test_opening_bumps_once_when_it_applies_a_migration(any_store: Store, pending_migration: Migration) -> None:
    again = open_store(_url(any_store))
    with again.connect() as conn:
        assert schema_version(conn)[-1] == pending_migration.__name__
        assert revision(conn) == 2
    again.close()


def test_a_database_before_the_revision_is_written_without_one_then_counts(tmp_path: Path) -> None:
    """Opened without migrating, an old database has no store_revision: writes go through; once
    migrated (inside a write transaction), the next writes bump it."""
    old = open_store(str(tmp_path / "old.db"), migrate=False)
    with old.begin() as conn:
        apply_migrations(conn, upto="m006_graph")
    with old.begin() as conn:
        _add_owner(conn, "Ada")
        assert not inspect(conn).has_table("store_revision")
    with old.begin() as conn:
        later = [fn.__name__ for fn in MIGRATIONS]
        assert apply_migrations(conn) == later[later.index("m007_store_revision"):]
        assert revision(conn) == 1  # seeded by the migration, not bumped by the transaction that made it
    with old.begin() as conn:
        _add_owner(conn, "Grace")
    assert _now(old) == 2
    old.close()


def test_a_store_opened_without_migrating_still_bumps(any_store: Store) -> None:
    plain = open_store(_url(any_store), migrate=False)
    with plain.begin() as conn:
        _add_owner(conn, "Ada")
    plain.close()
    assert _now(any_store) == 2


def test_concurrent_writers_all_get_through(any_store: Store) -> None:
    """8 threads, each with its own store (so its own connections), 50 small write transactions each,
    each reading before it writes: none is refused and the revision counts every one."""
    url = _url(any_store)
    stores = [open_store(url) for _ in range(WRITERS)]
    start = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            start.wait()
            for n in range(WRITES_EACH):
                with stores[worker].begin() as conn:
                    conn.execute(text("SELECT COUNT(*) FROM notes")).scalar_one()
                    conn.execute(
                        text("INSERT INTO notes (owner_id, person_id, body, created_at) VALUES (:w, :n, 'hi', 'now')"),
                        {"w": worker, "n": n},
                    )
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    for s in stores:
        s.close()
    assert not any(t.is_alive() for t in threads)
    assert errors == []
    with any_store.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM notes")).scalar_one() == WRITERS * WRITES_EACH
        assert revision(conn) == 1 + WRITERS * WRITES_EACH


def test_concurrent_opens_of_a_blank_database_migrate_it_once(tmp_path: Path, request: pytest.FixtureRequest,
                                                              engine: str) -> None:
    url = str(tmp_path / "blank.db") if engine == "sqlite" else request.getfixturevalue("pg_url")
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def open_once() -> None:
        try:
            start.wait()
            open_store(url).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_once) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    store = open_store(url)
    with store.connect() as conn:
        assert schema_version(conn) == [fn.__name__ for fn in MIGRATIONS]
        assert revision(conn) >= 1
    store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)
