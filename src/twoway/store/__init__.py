"""Opening the database: one schema on SQLite (default) or PostgreSQL, migrated on open."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, make_url, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from twoway import paths
from twoway import settings as settings_mod
from twoway.errors import Busy, StorageError
from twoway.store.migrations_next import MIGRATIONS, RECORDED_AS

# The execution option that marks a write transaction (``Store.begin``): SQLite starts it with BEGIN IMMEDIATE.
_WRITE = "twoway_write"
_BUMP = text("UPDATE store_revision SET revision = revision + 1 WHERE id = 1")


class Store:
    """A twoway database. Use ``with store.begin() as conn`` for anything that writes."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = engine.execution_options(**{_WRITE: True})
        # Whether the database has store_revision (m007); until seen, every write looks again.
        self._revisioned = False

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """One write transaction: everything inside lands together or not at all.

        Its first statement raises the store revision, which on SQLite (BEGIN IMMEDIATE) holds the write
        lock from the start, so a busy database is waited for (busy timeout) instead of failing half-way.
        A database not yet migrated to ``store_revision`` (while migrating, or opened with
        ``migrate=False``) is written without a revision.
        """
        try:
            with self._writer.begin() as conn:
                if self._revisioned or self._has_revision(conn):
                    conn.execute(_BUMP)
                yield conn
        except OperationalError as exc:
            if is_busy(exc):
                raise Busy() from exc
            raise

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """For reading: no lock is taken up front and the revision stays as it is."""
        with self.engine.connect() as conn:
            yield conn

    def settings(self, owner_id: int | None = None) -> settings_mod.Settings:
        """One member's settings (None: the only member's, or the database's own)."""
        with self.connect() as conn:
            return settings_mod.load(conn, owner_id)

    def close(self) -> None:
        self.engine.dispose()

    def _has_revision(self, conn: Connection) -> bool:
        self._revisioned = inspect(conn).has_table("store_revision")
        return self._revisioned


#: PostgreSQL's SQLSTATEs for a write that lost to another: serialization failure, deadlock, lock not available.
_PG_BUSY = frozenset({"40001", "40P01", "55P03"})


def is_busy(exc: BaseException) -> bool:
    """Whether ``exc`` is a write that lost to another writer even after the busy timeout (try again later)."""
    if not isinstance(exc, OperationalError):
        return False
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in _PG_BUSY or getattr(orig, "pgcode", None) in _PG_BUSY:
        return True
    message = str(orig).lower()
    return "database is locked" in message or "database table is locked" in message


def revision(conn: Connection) -> int:
    """The store revision: raised by every committed write transaction (``Store.begin``), never by reads.

    Read it before the data it labels, in the same transaction: the data is then at least that new
    (on SQLite exactly that, a read transaction sees one snapshot; on PostgreSQL each statement sees
    the latest commit, so possibly newer, never older).
    """
    return int(conn.execute(text("SELECT revision FROM store_revision WHERE id = 1")).scalar_one())


def identity(conn: Connection) -> tuple[str, int]:
    """This database's token and its revision: equal identities hold equal data (read as :func:`revision`)."""
    token, rev = conn.execute(text("SELECT token, revision FROM store_revision WHERE id = 1")).one()
    return str(token), int(rev)


#: How long a write waits for another writer before it gives up as Busy (seconds); a database URL may say
#: otherwise (SQLite ``?timeout=2``, PostgreSQL ``?options=-c lock_timeout=2000``).
BUSY_TIMEOUT = 30


def _wal(cur: Any) -> None:
    """Switch a fresh database to WAL. The switch needs the database to itself and SQLite answers "locked" at
    once (no busy wait) while another connection is opening it too: try again for a few seconds."""
    for attempt in range(100):
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == 99:
                raise
            time.sleep(0.05)


def _sqlite_engine(url: str) -> Engine:
    args: dict[str, Any] = {"check_same_thread": False}
    if "timeout" not in make_url(url).query:
        args["timeout"] = BUSY_TIMEOUT
    engine = create_engine(url, connect_args=args)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide where transactions begin, so DDL is transactional too.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        _wal(cur)
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA temp_store=MEMORY")
        cur.execute("PRAGMA cache_size=-65536")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A write takes the write lock now, waiting up to the busy timeout (connect's ``timeout``); a deferred
        # transaction that read first could not upgrade later and would fail at once with "database is locked".
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")

    return engine


def _server_engine(url: str) -> Engine:
    args: dict[str, Any] = {}
    if make_url(url).get_backend_name() == "postgresql" and "options" not in make_url(url).query:
        args["options"] = f"-c lock_timeout={BUSY_TIMEOUT * 1000}"
    return create_engine(url, pool_pre_ping=True, connect_args=args)


def open_store(db: str | None = None, *, migrate: bool = True) -> Store:
    """Open (creating and migrating if needed) the database chosen by ``db``, TWOWAY_DB or the default."""
    url = paths.resolve_db_url(db)
    try:
        engine = _sqlite_engine(url) if url.startswith("sqlite") else _server_engine(url)
        store = Store(engine)
        if migrate:
            # Only a database that needs something takes the write lock: opening never waits for a writer.
            with store.connect() as conn:
                pending = _needs_migrating(conn)
            if pending:
                with store.begin() as conn:
                    apply_migrations(conn)
            store._revisioned = True
    except ImportError as exc:
        driver = exc.name or "its driver"
        hint = " (pip install 'psycopg[binary]')" if "psycopg" in driver or url.startswith("postgres") else ""
        raise StorageError(f"cannot open the database {paths.describe_url(url)}: the database driver {driver} "
                           f"is not installed{hint}") from None
    except OperationalError as exc:
        raise StorageError(f"cannot open the database {paths.describe_url(url)}: {exc.orig}") from None
    except SQLAlchemyError as exc:
        raise StorageError(f"cannot open the database {paths.describe_url(url)}: {exc}") from None
    return store


def _recorded(conn: Connection) -> set[str]:
    return {row[0] for row in conn.execute(text("SELECT name FROM migrations"))}


def _needs_migrating(conn: Connection) -> bool:
    """Whether a migration is missing or recorded under an old name (read only, no lock)."""
    if not inspect(conn).has_table("migrations"):
        return True
    done = _recorded(conn)
    return any(old in done and new != old for old, new in RECORDED_AS.items()) or any(
        fn.__name__ not in done for fn in MIGRATIONS
    )


def _translate(conn: Connection, done: set[str]) -> set[str]:
    """Rename rows recorded under a migration's old name; return the names recorded now."""
    for old, new in RECORDED_AS.items():
        if old == new or old not in done:
            continue
        if new in done:
            conn.execute(text("DELETE FROM migrations WHERE name = :old"), {"old": old})
        else:
            conn.execute(text("UPDATE migrations SET name = :new WHERE name = :old"), {"new": new, "old": old})
        done = (done - {old}) | {new}
    return done


def apply_migrations(conn: Connection, *, upto: str | None = None) -> list[str]:
    """Apply, in order, every migration this database has not had; return their names.

    Call it inside ``Store.begin()``. Rows recorded under an old name are renamed first (same
    transaction), so an old database neither applies a migration again nor skips one.
    """
    if conn.dialect.name == "postgresql":
        # Two processes opening a fresh database at once must not both create the schema.
        conn.execute(text("SELECT pg_advisory_xact_lock(727379)"))
    conn.execute(
        text("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    )
    done = _translate(conn, _recorded(conn))
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
