"""Migrations: contiguous names in applied order, and every database a release left behind reaches the
schema of a blank one, keeping its rows, on SQLite and on PostgreSQL."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, create_engine, inspect, text
from sqlalchemy import types as sqltypes

from twoway.store import apply_migrations, open_store, schema_version
from twoway.store.migrations import MIGRATIONS, RECORDED_AS, Migration

NewUrl = Callable[[], str]
CURRENT = [fn.__name__ for fn in MIGRATIONS]
BY_NAME = {fn.__name__: fn for fn in MIGRATIONS}
#: The names the released versions recorded, in the order they applied them to a blank database.
OLD_NAMES = list(RECORDED_AS)
#: When a migration recorded under an old name says it was applied (so we can tell it was not applied again).
OLD_TIME = "2001-02-03T04:05:06+00:00"
#: Tables that say where the database is, not what it holds.
BOOKKEEPING = {"migrations", "store_revision"}

# Every state a database can have been left in by a released version: after the first k migrations
# under the names recorded then; the release that had m008_graph before m004_import_file_identity
# existed (m004 was then applied after it); and the prefixes of today's list that hold a renamed one.
POINTS: dict[str, list[str]] = {f"old-{k}": OLD_NAMES[:k] for k in range(len(OLD_NAMES) + 1)}
POINTS["old-without-m004"] = [n for n in OLD_NAMES if n != "m004_import_file_identity"]
POINTS.update({f"new-{k}": CURRENT[:k] for k in range(len(OLD_NAMES), len(CURRENT))})


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def new_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[NewUrl]:
    """Makes empty databases: SQLite files, or PostgreSQL schemas beside the one ``pg_url`` gives (skipped,
    saying why, when no server answers)."""
    counter = itertools.count()
    if request.param == "sqlite":
        yield lambda: str(tmp_path / f"db{next(counter)}.db")
        return
    base: str = request.getfixturevalue("pg_url")
    prefix, schema = base.rsplit("%3D", 1)
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    made: list[str] = []

    def make() -> str:
        name = f"{schema}_{next(counter)}"
        with admin.connect() as conn:
            conn.execute(text(f"CREATE SCHEMA {name}"))
        made.append(name)
        return f"{prefix}%3D{name}"

    try:
        yield make
    finally:
        with admin.connect() as conn:
            for name in made:
                conn.execute(text(f"DROP SCHEMA {name} CASCADE"))
        admin.dispose()


def build_old(url: str, recorded: Sequence[str]) -> None:
    """A database as a released version left it: these migrations applied in this order, each recorded
    under the name given (the function is today's: a shipped migration never changes what it does)."""
    store = open_store(url, migrate=False)
    with store.begin() as conn:
        conn.execute(text("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"))
        for name in recorded:
            BY_NAME[RECORDED_AS.get(name, name)](conn)
            conn.execute(text("INSERT INTO migrations (name, applied_at) VALUES (:n, :t)"), {"n": name, "t": OLD_TIME})
    store.close()


def recorded_rows(conn: Connection) -> dict[str, str]:
    return {row[0]: row[1] for row in conn.execute(text("SELECT name, applied_at FROM migrations"))}


def schema(conn: Connection) -> dict[str, Any]:
    """Everything ``inspect()`` says about every table."""
    insp = inspect(conn)
    out: dict[str, Any] = {}
    for table in sorted(insp.get_table_names()):
        out[table] = {
            "columns": [
                (c["name"], str(c["type"]), c["nullable"], c.get("default"), c.get("autoincrement"),
                 sorted(dict(c.get("identity") or {}).items()))
                for c in insp.get_columns(table)
            ],
            "primary_key": insp.get_pk_constraint(table)["constrained_columns"],
            "indexes": sorted((i["name"], tuple(i["column_names"]), bool(i["unique"]))
                              for i in insp.get_indexes(table)),
            "unique": sorted((u["name"], tuple(u["column_names"])) for u in insp.get_unique_constraints(table)),
            "checks": sorted((c["name"], c["sqltext"]) for c in insp.get_check_constraints(table)),
            "foreign_keys": sorted(repr(fk) for fk in insp.get_foreign_keys(table)),
        }
    return out


def _value(kind: sqltypes.TypeEngine[Any], table: str, column: str, row: int) -> object:
    if isinstance(kind, sqltypes.Integer):
        return row * 1000 + len(column)
    if isinstance(kind, sqltypes.LargeBinary):
        return bytes([row, 0, 255, len(table)])
    assert isinstance(kind, sqltypes.String), f"{table}.{column}: no sample value for {kind}"
    return f"{table}.{column}#{row} ‘ü’"


def seed(conn: Connection) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Two rows in every table: one with every column given, one leaving what it can to the database.
    Returns, per table, the columns it had and its rows."""
    insp = inspect(conn)
    kept: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
    for table in sorted(set(insp.get_table_names()) - BOOKKEEPING):
        columns = insp.get_columns(table)
        generated = {"id"} if insp.get_pk_constraint(table)["constrained_columns"] == ["id"] else set()
        for row in (1, 2):
            values = {
                c["name"]: _value(c["type"], table, c["name"], row)
                for c in columns
                if c["name"] not in generated and (row == 1 or not (c["nullable"] or c.get("default") is not None))
            }
            names = ", ".join(values)
            conn.execute(text(f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + n for n in values)})"), values)
        kept[table] = ([c["name"] for c in columns], rows_of(conn, table, [c["name"] for c in columns]))
    return kept


def rows_of(conn: Connection, table: str, columns: list[str]) -> list[tuple[Any, ...]]:
    listed = ", ".join(columns)
    return [tuple(r) for r in conn.execute(text(f"SELECT {listed} FROM {table} ORDER BY {listed}"))]


#: Values a migration moves elsewhere on purpose: m012 keeps a person's address with the member whose export
#: carried it (``connections.email``), not on the person every member sees.
MOVED = {("people", "email")}


def blank_schema(new_url: NewUrl) -> dict[str, Any]:
    blank = open_store(new_url())
    with blank.connect() as conn:
        assert schema_version(conn) == CURRENT
        found = schema(conn)
    blank.close()
    return found


def test_identifiers_are_contiguous_and_in_applied_order() -> None:
    numbers = []
    for name in CURRENT:
        match = re.fullmatch(r"m(\d{3})_[a-z0-9_]+", name)
        assert match, f"{name} is not mNNN_words"
        numbers.append(int(match.group(1)))
    assert numbers == list(range(1, len(CURRENT) + 1))
    assert sorted(CURRENT) == CURRENT  # ORDER BY name is the applied order


def test_every_recorded_name_maps_to_the_same_migration_today() -> None:
    assert set(RECORDED_AS.values()) <= set(CURRENT)
    assert len(set(RECORDED_AS.values())) == len(RECORDED_AS)  # no two old names become one
    for old, new in RECORDED_AS.items():
        # An old name that is also a current name must still mean that migration.
        assert old not in BY_NAME or old == new, old
    # The released order is today's order: renaming moved nothing.
    assert [RECORDED_AS[n] for n in OLD_NAMES] == CURRENT[: len(OLD_NAMES)]
    assert RECORDED_AS["m008_graph"] == "m006_graph"


@pytest.mark.parametrize("point", list(POINTS))
def test_every_earlier_point_reaches_the_blank_schema_and_keeps_its_rows(new_url: NewUrl, point: str) -> None:
    expected = blank_schema(new_url)
    url = new_url()
    build_old(url, POINTS[point])
    old = open_store(url, migrate=False)
    with old.begin() as conn:
        before = seed(conn)
    old.close()

    store = open_store(url)
    with store.connect() as conn:
        assert schema(conn) == expected
        assert schema_version(conn) == CURRENT
        for table, (columns, rows) in before.items():
            kept = [i for i, c in enumerate(columns) if (table, c) not in MOVED]
            # SQLite let a NULL into the old settings key (its primary key); such a row named no setting.
            rows = [r for r in rows if table != "settings" or r[columns.index("key")] is not None]
            assert rows_of(conn, table, [columns[i] for i in kept]) == [tuple(r[i] for i in kept) for r in rows], table
        if "m004_import_file_identity" not in POINTS[point]:
            added = conn.execute(text("SELECT content_id, bytes, encoding, rows_skipped FROM import_files"))
            assert [tuple(r) for r in added] == [(None, None, None, 0)] * len(before.get("import_files", ([], []))[1])
    store.close()


@pytest.mark.parametrize("point", list(POINTS))
def test_an_old_database_gets_its_names_translated_and_only_what_it_lacked(new_url: NewUrl, point: str) -> None:
    recorded = POINTS[point]
    url = new_url()
    build_old(url, recorded)
    had = [RECORDED_AS.get(n, n) for n in recorded]

    store = open_store(url, migrate=False)
    with store.begin() as conn:
        assert apply_migrations(conn) == [n for n in CURRENT if n not in had]
        rows = recorded_rows(conn)
    store.close()
    assert sorted(rows) == CURRENT
    assert {n for n, at in rows.items() if at == OLD_TIME} == set(had)  # kept, not applied again
    recent = datetime.now(UTC) - timedelta(minutes=5)
    assert all(datetime.fromisoformat(rows[n]) > recent for n in CURRENT if n not in had)

    again = open_store(url)
    with again.begin() as conn:
        assert apply_migrations(conn) == []
        assert recorded_rows(conn) == rows
    again.close()


def test_a_migration_recorded_under_both_names_is_kept_once(new_url: NewUrl) -> None:
    url = new_url()
    build_old(url, OLD_NAMES)
    store = open_store(url, migrate=False)
    with store.begin() as conn:
        conn.execute(text("INSERT INTO migrations (name, applied_at) VALUES ('m006_graph', :t)"), {"t": OLD_TIME})
    with store.begin() as conn:
        assert apply_migrations(conn) == CURRENT[CURRENT.index("m007_store_revision"):]
        assert sorted(recorded_rows(conn)) == CURRENT
    store.close()


@pytest.fixture
def failing_migration() -> Iterator[Migration]:
    def fails(conn: Connection) -> None:
        conn.execute(text("CREATE TABLE half_done (id INTEGER)"))
        raise RuntimeError("migration failed half-way")

    fails.__name__ = f"m{len(MIGRATIONS) + 1:03d}_fails"
    MIGRATIONS.append(fails)
    try:
        yield fails
    finally:
        if fails in MIGRATIONS:
            MIGRATIONS.remove(fails)


def test_a_failed_migration_leaves_the_old_names_and_schema(new_url: NewUrl, failing_migration: Migration) -> None:
    url = new_url()
    build_old(url, OLD_NAMES)
    with pytest.raises(RuntimeError, match="half-way"):
        open_store(url)
    check = open_store(url, migrate=False)
    with check.connect() as conn:
        assert recorded_rows(conn) == dict.fromkeys(OLD_NAMES, OLD_TIME)
        assert not {"store_revision", "half_done"} & set(inspect(conn).get_table_names())
    check.close()
    MIGRATIONS.remove(failing_migration)  # fixed: the next open translates and migrates as if nothing happened
    store = open_store(url)
    with store.connect() as conn:
        assert schema_version(conn) == CURRENT
    store.close()


def test_migrating_from_the_first_version_keeps_data(tmp_path: Path) -> None:
    url = str(tmp_path / "old.db")
    old = open_store(url, migrate=False)
    with old.begin() as conn:
        apply_migrations(conn, upto=MIGRATIONS[0].__name__)
        conn.execute(text("INSERT INTO owners (name, created_at) VALUES ('Ada', '2020-01-01')"))
        assert schema_version(conn) == [MIGRATIONS[0].__name__]
    old.close()
    new = open_store(url)
    with new.connect() as conn:
        assert schema_version(conn) == CURRENT
        assert conn.execute(text("SELECT name FROM owners")).scalar_one() == "Ada"
    new.close()


def test_messages_imported_before_reading_existed_are_read_by_the_migration(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "old.db"), migrate=False)
    with store.begin() as conn:
        apply_migrations(conn, upto="m007_store_revision")
        conn.execute(text("INSERT INTO owners (name, created_at) VALUES ('Olive', '2026-01-01')"))
        conn.execute(text("INSERT INTO interactions (owner_id, kind, direction, at, content, fingerprint) VALUES "
                          "(1, 'message', 'in', 1, 'Thanks so much!', 'a'), "
                          "(1, 'message', 'in', 2, 'Could you send me the slides from Tuesday?', 'b'), "
                          "(1, 'meeting', 'out', 3, NULL, 'c')"))
    with store.begin() as conn:
        assert apply_migrations(conn) == CURRENT[CURRENT.index("m008_message_reading"):]
        got = conn.execute(text("SELECT fingerprint, reading, language FROM interactions ORDER BY id")).all()
    store.close()
    assert [tuple(r) for r in got] == [("a", "courtesy", "en"), ("b", "question", "en"), ("c", None, None)]
