"""Backing up and restoring a SQLite database whole, safely while the dashboard writes.

A backup is SQLite's online backup API copying every page in one step under one read transaction: a
consistent snapshot of the last commit (what sits in the WAL included), never a half-written one, and
writers are not stopped for longer than the copy. A restore first keeps the current database as
``NAME.before-restore`` (the same way), then copies the backup in through SQLite's locking, so a
running dashboard sees either the old database or the restored one. The restored database gets a new
token: caches keyed on (token, revision) never take it for what they saw before.

PostgreSQL has its own tools; twoway says which instead of copying a server's database itself.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from contextlib import closing
from pathlib import Path

from twoway.errors import Busy, Conflict, InputError
from twoway.store import BUSY_TIMEOUT, Store

BEFORE_RESTORE = ".before-restore"
_REQUIRED_TABLES = frozenset({"migrations", "people", "owners"})
PG_DUMP_GUIDANCE = (
    "this database is on PostgreSQL, which twoway does not copy itself; back it up with "
    "`pg_dump --format=custom --file=twoway.dump 'postgresql://…'` and restore it with "
    "`pg_restore --clean --if-exists --dbname='postgresql://…' twoway.dump`"
)


def database_file(store: Store) -> Path:
    """The SQLite file behind ``store``; PostgreSQL is told where to look instead."""
    if store.dialect != "sqlite":
        raise Conflict(PG_DUMP_GUIDANCE)
    name = store.engine.url.database
    if not name or name == ":memory:":
        raise Conflict("an in-memory database cannot be backed up or restored")
    return Path(name)


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """Every page of ``source`` into a new file at ``target``, written aside then renamed into place."""
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(part)) as out:
            source.backup(out)  # pages=-1: one step, one read transaction, one snapshot
            out.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file, no -wal beside it
        os.replace(part, target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def backup(store: Store, target: str | os.PathLike[str]) -> Path:
    """Copy the database into ``target`` (a new file), consistent even while others write; return its path."""
    source = database_file(store)
    dest = Path(target).expanduser()
    if dest.exists():
        raise InputError(f"{dest} already exists; choose another name or remove it first")
    if not dest.parent.is_dir():
        raise InputError(f"there is no folder {dest.parent}")
    if dest.resolve() == source.resolve():
        raise InputError("the backup cannot be the database itself")
    try:
        with closing(sqlite3.connect(source, timeout=BUSY_TIMEOUT)) as conn:
            _copy(conn, dest)
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise Busy() from exc
        raise InputError(f"cannot write the backup {dest}: {exc}") from None
    return dest


def check_backup(path: Path) -> None:
    """Refuse anything that is not a readable twoway database."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    with path.open("rb") as f:
        if f.read(16) != b"SQLite format 3\x00":
            raise InputError(f"{path} is not a twoway database (not a SQLite file)")
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            ok = conn.execute("PRAGMA quick_check").fetchone()
    except sqlite3.Error as exc:
        raise InputError(f"{path} cannot be read as a database: {exc}") from None
    missing = _REQUIRED_TABLES - tables
    if missing:
        raise InputError(f"{path} is not a twoway database (no {', '.join(sorted(missing))} table)")
    if not ok or ok[0] != "ok":
        raise InputError(f"{path} is damaged ({ok[0] if ok else 'unreadable'}); it was not restored")


def restore(store: Store, source: str | os.PathLike[str]) -> Path:
    """Replace the database with the backup at ``source``; return where the previous one was kept."""
    current = database_file(store)
    src = Path(source).expanduser()
    check_backup(src)
    if src.resolve() == current.resolve():
        raise InputError("that file is the database itself")
    kept = current.with_name(current.name + BEFORE_RESTORE)
    store.close()  # no pooled connection of ours holds the file while it is replaced
    try:
        with closing(sqlite3.connect(current, timeout=BUSY_TIMEOUT, isolation_level=None)) as live:
            kept.unlink(missing_ok=True)
            _copy(live, kept)
            with closing(sqlite3.connect(f"{src.resolve().as_uri()}?mode=ro", uri=True)) as backup_conn:
                backup_conn.backup(live)
            if live.execute("SELECT 1 FROM sqlite_master WHERE name = 'store_revision'").fetchone():
                live.execute("UPDATE store_revision SET token = ?, revision = revision + 1 WHERE id = 1",
                             (uuid.uuid4().hex,))
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise Busy() from exc
        raise InputError(f"cannot restore {src}: {exc}") from None
    return kept
