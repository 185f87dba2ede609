"""Where twoway keeps its data: one folder, overridable by TWOWAY_HOME, and which database is in use.

The database is chosen in one place, :func:`choose_database`, for every face:

1. ``--db`` (or ``TWOWAY_DB``) when given;
2. otherwise ``twoway.db`` in the data folder when it holds a network of the user's own;
3. otherwise the demo (``demo.db``, written by ``twoway demo``) when there is one, so every command after
   ``twoway demo`` shows the demo;
4. otherwise ``twoway.db`` (empty until the first import).

An import (``for_import``) always goes into ``twoway.db``: once the user imports an export of their own,
the demo steps aside by itself.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import click

from twoway.errors import InputError

ENV_HOME = "TWOWAY_HOME"
ENV_DB = "TWOWAY_DB"
DB_FILENAME = "twoway.db"
DEMO_FILENAME = "demo.db"


def user_dir() -> Path:
    """The user's data folder (created on first use)."""
    override = os.environ.get(ENV_HOME)
    path = Path(override) if override else Path(click.get_app_dir("twoway"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def own_db_path() -> Path:
    """The user's own database: where imports go when no --db is given."""
    return user_dir() / DB_FILENAME


def demo_db_path() -> Path:
    """The demo's database, rebuilt by every `twoway demo`."""
    return user_dir() / DEMO_FILENAME


def default_db_url() -> str:
    return f"sqlite:///{own_db_path()}"


@dataclass(frozen=True)
class Choice:
    """The database in use and why."""

    url: str
    reason: str
    is_demo: bool = False


def choose_database(db: str | None = None, *, for_import: bool = False) -> Choice:
    """Which database a command uses (see the module's docstring), with the reason in words."""
    if db:
        from_env = os.environ.get(ENV_DB) == db
        return Choice(_explicit_url(db), "chosen by TWOWAY_DB" if from_env else "chosen with --db")
    own, demo = own_db_path(), demo_db_path()
    if for_import:
        return Choice(_sqlite_url(own), "your own database (imports always go there)")
    if holds_network(own):
        return Choice(_sqlite_url(own), "your own database (it holds your imports)")
    if demo.is_file():
        return Choice(_sqlite_url(demo), "the demo from `twoway demo`; it steps aside once you import your own "
                                         "export (`twoway import EXPORT.zip`)", is_demo=True)
    return Choice(_sqlite_url(own), "your own database (empty until `twoway import EXPORT.zip` or `twoway demo`)")


def resolve_db_url(db: str | None = None, *, for_import: bool = False) -> str:
    """A SQLAlchemy URL from --db, TWOWAY_DB, or the data folder (:func:`choose_database`).

    A plain path means a SQLite file; anything with ``://`` is taken as a SQLAlchemy URL
    (``postgresql://…`` selects PostgreSQL).
    """
    return choose_database(db, for_import=for_import).url


def holds_network(path: Path) -> bool:
    """Whether the SQLite file at ``path`` holds at least one member's network (read only, never created).

    A file that is not a readable twoway database counts as holding one: it is never hidden by the demo.
    """
    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return True
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "owners" not in tables:
            return bool(tables)
        return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM owners)").fetchone()[0])
    except sqlite3.Error:
        return True
    finally:
        conn.close()


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _explicit_url(chosen: str) -> str:
    if "://" in chosen:
        if chosen.startswith("postgresql://") or chosen.startswith("postgres://"):
            return "postgresql+psycopg://" + chosen.split("://", 1)[1]
        return chosen
    path = Path(chosen).expanduser().resolve()
    if path.is_dir():
        raise InputError(f"the database {chosen} is a folder; give a database file in it, such as "
                         f"{path / DB_FILENAME}")
    if not path.parent.is_dir():
        raise InputError(f"the database {chosen}: the folder {path.parent} does not exist; create it first, or "
                         "choose a file in an existing folder")
    return _sqlite_url(path)


def describe_url(url: str) -> str:
    """The URL without its password, for printing."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}@{host}"
    return url
