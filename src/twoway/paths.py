"""Where twoway keeps its data: one folder, overridable by TWOWAY_HOME."""

from __future__ import annotations

import os
from pathlib import Path

import click

ENV_HOME = "TWOWAY_HOME"
ENV_DB = "TWOWAY_DB"
DB_FILENAME = "twoway.db"


def user_dir() -> Path:
    """The user's data folder (created on first use)."""
    override = os.environ.get(ENV_HOME)
    path = Path(override) if override else Path(click.get_app_dir("twoway"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_url() -> str:
    return f"sqlite:///{user_dir() / DB_FILENAME}"


def resolve_db_url(db: str | None = None) -> str:
    """A SQLAlchemy URL from --db, TWOWAY_DB, or the default file in the user folder.

    A plain path means a SQLite file; anything with ``://`` is taken as a SQLAlchemy URL
    (``postgresql://…`` selects PostgreSQL).
    """
    chosen = db or os.environ.get(ENV_DB) or ""
    if not chosen:
        return default_db_url()
    if "://" in chosen:
        if chosen.startswith("postgresql://") or chosen.startswith("postgres://"):
            return "postgresql+psycopg://" + chosen.split("://", 1)[1]
        return chosen
    return f"sqlite:///{Path(chosen).expanduser().resolve()}"


def describe_url(url: str) -> str:
    """The URL without its password, for printing."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}@{host}"
    return url
