from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from twoway.store import Store, apply_migrations, open_store, schema_version
from twoway.store.migrations import MIGRATIONS


def test_blank_database_gets_every_migration(any_store: Store) -> None:
    with any_store.connect() as conn:
        assert schema_version(conn) == sorted(fn.__name__ for fn in MIGRATIONS)
        tables = set(inspect(conn).get_table_names())
    assert {"people", "connections", "interactions", "invitations", "tags", "settings"} <= tables


def test_migrating_from_the_first_version_keeps_data(tmp_path) -> None:
    url = str(tmp_path / "old.db")
    old = open_store(url, migrate=False)
    with old.begin() as conn:
        apply_migrations(conn, upto=MIGRATIONS[0].__name__)
        conn.execute(text("INSERT INTO owners (name, created_at) VALUES ('Ada', '2020-01-01')"))
        assert schema_version(conn) == [MIGRATIONS[0].__name__]
    old.close()
    new = open_store(url)
    with new.connect() as conn:
        assert len(schema_version(conn)) == len(MIGRATIONS)
        assert conn.execute(text("SELECT name FROM owners")).scalar_one() == "Ada"
    new.close()


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
