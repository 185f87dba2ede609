"""Opening the database: one schema on SQLite (default) or PostgreSQL, migrated on open."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from twoway import paths
from twoway import settings as settings_mod
from twoway.errors import StorageError
from twoway.store.migrations import MIGRATIONS


class Store:
    """A twoway database. Use ``with store.begin() as conn`` for anything that writes."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """One transaction: everything inside lands together or not at all."""
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def settings(self) -> settings_mod.Settings:
        with self.connect() as conn:
            return settings_mod.load(conn)

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide where transactions begin, so DDL is transactional too.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA temp_store=MEMORY")
        cur.execute("PRAGMA cache_size=-65536")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def open_store(db: str | None = None, *, migrate: bool = True) -> Store:
    """Open (creating and migrating if needed) the database chosen by ``db``, TWOWAY_DB or the default."""
    url = paths.resolve_db_url(db)
    try:
        engine = _sqlite_engine(url) if url.startswith("sqlite") else create_engine(url, pool_pre_ping=True)
        store = Store(engine)
        if migrate:
            with store.begin() as conn:
                apply_migrations(conn)
    except OperationalError as exc:
        raise StorageError(f"cannot open the database {paths.describe_url(url)}: {exc.orig}") from None
    except SQLAlchemyError as exc:
        raise StorageError(f"cannot open the database {paths.describe_url(url)}: {exc}") from None
    return store


def _applied(conn: Connection) -> set[str]:
    conn.execute(
        text("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    )
    return {row[0] for row in conn.execute(text("SELECT name FROM migrations"))}


def apply_migrations(conn: Connection, *, upto: str | None = None) -> list[str]:
    """Apply, in order, every migration this database has not had; return their names."""
    if conn.dialect.name == "postgresql":
        # Two processes opening a fresh database at once must not both create the schema.
        conn.execute(text("SELECT pg_advisory_xact_lock(727379)"))
    done = _applied(conn)
    applied: list[str] = []
    for fn in MIGRATIONS:
        name = fn.__name__
        if name not in done:
            fn(conn)
            conn.execute(
                text("INSERT INTO migrations (name, applied_at) VALUES (:n, :t)"),
                {"n": name, "t": datetime.now(UTC).isoformat(timespec="seconds")},
            )
            applied.append(name)
        if name == upto:
            break
    return applied


def schema_version(conn: Connection) -> list[str]:
    return [row[0] for row in conn.execute(text("SELECT name FROM migrations ORDER BY name"))]
