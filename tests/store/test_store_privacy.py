"""The second wall on PostgreSQL: a transaction bound to a member sees only that member's private rows, whatever
its SQL asks; an unbound one (single-user mode, imports, the admin) sees them all. SQLite has no such wall and
the binding is a no-op there.

Superusers pass through row-level security, so the wall is tested as an ordinary role, as a team server's
workers must connect.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import psycopg
import pytest
from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from twoway import settings as settings_mod
from twoway.people.notes import add_note
from twoway.store import Store, open_store
from twoway.store.privacy import PRIVATE_TABLES, bind_member
from twoway.views.person import members_who_know
from twoway.views.workspace import Workspace


def _owner(conn: Connection, name: str) -> int:
    return int(conn.execute(text("INSERT INTO owners (name, created_at) VALUES (:n, 'x') RETURNING id"),
                            {"n": name}).scalar_one())


def _seed(store: Store) -> tuple[int, int, int]:
    with store.begin() as conn:
        a, b = _owner(conn, "Ada"), _owner(conn, "Ben")
        pid = int(conn.execute(text("INSERT INTO people (name_key, full_name, created_at) "
                                    "VALUES ('pat', 'Pat', 'x') RETURNING id")).scalar_one())
        for owner in (a, b):
            conn.execute(text("INSERT INTO connections (owner_id, person_id) VALUES (:o, :p)"), {"o": owner, "p": pid})
        add_note(conn, a, pid, "Ada's note")
        add_note(conn, b, pid, "Ben's note")
        settings_mod.set_value(conn, "cadence_days", 100, 0)
        settings_mod.set_value(conn, "cadence_days", 200, a)
    return a, b, pid


@contextmanager
def _member_role(pg_url: str) -> Iterator[str]:
    """A URL for the same schema as an ordinary (non-superuser) role, dropped afterwards."""
    role = "twoway_member_" + uuid.uuid4().hex[:8]
    url = make_url(pg_url)
    schema = str(url.query["options"]).rsplit("=", 1)[-1]
    plain = url.set(drivername="postgresql", query={}).render_as_string(hide_password=False)
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN")
        conn.execute(f"GRANT USAGE ON SCHEMA {schema} TO {role}")
        conn.execute(f"GRANT ALL ON ALL TABLES IN SCHEMA {schema} TO {role}")
        conn.execute(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA {schema} TO {role}")
    try:
        yield url.set(username=role).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f"DROP OWNED BY {role}")
            conn.execute(f"DROP ROLE {role}")


@dataclass
class Bound(Workspace):
    """A workspace speaking for one member (what the accounts' logged-in member does)."""

    store: Store
    member: int | None
    owner_hint: str | None = None

    def open_store(self) -> Store:
        return self.store

    def private_owner(self) -> int | None:
        return self.member


def test_a_bound_transaction_sees_only_its_members_rows(pg_url: str) -> None:
    admin = open_store(pg_url)
    a, b, pid = _seed(admin)
    with _member_role(pg_url) as member_url:
        store = open_store(member_url)
        try:
            with store.begin() as conn:
                bind_member(conn, a)
                assert [r.body for r in conn.execute(text("SELECT * FROM notes"))] == ["Ada's note"]
                # The database's own settings (owner 0) are read by every member, the other member's never.
                assert sorted(conn.execute(text("SELECT owner_id, value FROM settings")).all()) == [
                    (0, "100"), (a, "200")]
            with store.begin() as conn:
                bind_member(conn, b)
                assert [r.body for r in conn.execute(text("SELECT * FROM notes"))] == ["Ben's note"]
                assert conn.execute(text("UPDATE notes SET body = 'x' WHERE owner_id = :a"), {"a": a}).rowcount == 0
                assert conn.execute(text("DELETE FROM settings WHERE owner_id = 0")).rowcount == 0
            planted = text("INSERT INTO tags (owner_id, person_id, tag, created_at) VALUES (:a, 1, 'planted', 'x')")
            with store.connect() as conn:
                bind_member(conn, b)
                with pytest.raises(ProgrammingError, match="row-level security"):
                    conn.execute(planted, {"a": a})
                conn.rollback()
            with store.connect() as conn:  # unbound: single-user mode, imports, the admin
                assert conn.execute(text("SELECT COUNT(*) FROM notes")).scalar_one() == 2
            # The workspace binds every transaction it opens; the merged network's edges stay readable.
            with Bound(store, b, "Ben").read() as (conn, _owner_row):
                assert [r.body for r in conn.execute(text("SELECT * FROM notes"))] == ["Ben's note"]
                assert conn.execute(text("SELECT COUNT(*) FROM connections")).scalar_one() == 2
            with Bound(store, b, "Ben").write() as (conn, owner):
                assert owner.id == b
                assert conn.execute(text("SELECT COUNT(*) FROM notes")).scalar_one() == 1
            with Bound(store, None, "Ben").read() as (conn, _owner_row):
                assert conn.execute(text("SELECT COUNT(*) FROM notes")).scalar_one() == 2
            # Behind the wall Ben cannot work out Ada's band of Pat; he reads the one she published.
            with admin.begin() as conn:
                conn.execute(text("INSERT INTO member_ties (owner_id, person_id, band, as_of) "
                                  "VALUES (:a, :p, 'strong', '2026-06-01')"), {"a": a, "p": pid})
            with Bound(store, b, "Ben").read() as (conn, _owner_row):
                assert members_who_know(conn, pid, besides=b) == [{"owner_id": a, "name": "Ada", "band": "strong"}]
        finally:
            store.close()
    admin.close()


def test_every_private_table_is_walled(pg_url: str) -> None:
    store = open_store(pg_url)
    with store.connect() as conn:
        walled = {r[0] for r in conn.execute(text(
            "SELECT relname FROM pg_class WHERE relrowsecurity AND relforcerowsecurity "
            "AND relnamespace = current_schema()::regnamespace"))}
    store.close()
    assert walled == set(PRIVATE_TABLES)


def test_binding_is_nothing_on_sqlite(store: Store) -> None:
    a, _b, _pid = _seed(store)
    with Bound(store, a, "Ada").read() as (conn, _owner_row):
        assert conn.execute(text("SELECT COUNT(*) FROM notes")).scalar_one() == 2  # SQLite: the queries are the wall
