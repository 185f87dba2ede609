"""Opening a database: migrated on open, writes all-or-nothing, and on SQLite a write holds the lock from BEGIN."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from twoway.store import Store, apply_migrations, open_store, revision, schema_version
from twoway.store.migrations import MIGRATIONS


def _url(store: Store) -> str:
    return store.engine.url.render_as_string(hide_password=False)


def test_blank_database_gets_every_migration(any_store: Store) -> None:
    with any_store.connect() as conn:
        assert schema_version(conn) == [fn.__name__ for fn in MIGRATIONS]
        tables = set(inspect(conn).get_table_names())
        assert revision(conn) == 1
    assert {"people", "connections", "interactions", "invitations", "tags", "settings", "graphs",
            "store_revision"} <= tables


def test_opening_twice_applies_nothing_more(any_store: Store) -> None:
    with any_store.begin() as conn:
        assert apply_migrations(conn) == []


def test_a_failed_transaction_leaves_nothing(any_store: Store) -> None:
    def insert_then_die() -> None:
        with any_store.begin() as conn:
            conn.execute(text("INSERT INTO owners (name, created_at) VALUES ('Ada', '2020-01-01')"))
            raise RuntimeError("killed half-way")

    with pytest.raises(RuntimeError, match="killed half-way"):
        insert_then_die()
    with any_store.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM owners")).scalar_one() == 0
        assert revision(conn) == 1


def test_opening_an_up_to_date_database_does_not_wait_for_a_writer(any_store: Store) -> None:
    """Opening only reads when nothing is pending: a long write elsewhere (an import) does not block it."""
    opened: list[int] = []

    def open_and_read() -> None:
        other = open_store(_url(any_store))
        with other.connect() as conn:
            opened.append(revision(conn))
        other.close()

    with any_store.begin() as conn:
        conn.execute(text("INSERT INTO owners (name, created_at) VALUES ('Ada', '2020-01-01')"))
        worker = threading.Thread(target=open_and_read)
        worker.start()
        worker.join(timeout=10)
        assert not worker.is_alive(), "opening waited for the writer"
    assert opened == [1]  # the writer had not committed yet


def test_sqlite_waits_up_to_its_busy_timeout(store: Store) -> None:
    with store.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one() == 30_000
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"


def _try_to_write(path: str) -> str:
    """What a second SQLite connection that will not wait gets when it asks for the write lock."""
    raw = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("ROLLBACK")
        return "got the write lock"
    except sqlite3.OperationalError as exc:
        return str(exc)
    finally:
        raw.close()


def test_sqlite_write_transaction_holds_the_write_lock_from_begin(store: Store, tmp_path: Path) -> None:
    path = str(tmp_path / "twoway.db")
    with store.begin():
        assert _try_to_write(path) == "database is locked"
    assert _try_to_write(path) == "got the write lock"


def test_sqlite_read_transaction_takes_no_write_lock(store: Store, tmp_path: Path) -> None:
    path = str(tmp_path / "twoway.db")
    with store.connect() as conn:
        conn.execute(text("SELECT COUNT(*) FROM owners")).scalar_one()
        assert conn.in_transaction()
        assert _try_to_write(path) == "got the write lock"
