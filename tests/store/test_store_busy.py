"""Busy is never a crash: a write that still finds another writer after the busy timeout is Busy, which the
CLI answers with exit 75 and the web with 503 in the one error shape."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from sqlalchemy import text

from tests.web_support import WebClient
from twoway.cli import cli
from twoway.errors import Busy
from twoway.store import open_store
from twoway.web import create_app


@contextmanager
def sqlite_writer(path: Path) -> Iterator[None]:
    """Another program holding SQLite's write lock."""
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE store_revision SET revision = revision WHERE id = 1")
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Path:
    path = tmp_path / "t.db"
    open_store(str(path)).close()
    return path


def short(path: Path) -> str:
    return f"sqlite:///{path}?timeout=0.2"


def test_a_locked_sqlite_write_is_busy(sqlite_db: Path) -> None:
    store = open_store(short(sqlite_db))
    try:
        with sqlite_writer(sqlite_db), pytest.raises(Busy), store.begin() as conn:
            conn.execute(text("SELECT 1"))
        with store.begin() as conn:  # and once the other writer is gone, writing works again
            conn.execute(text("SELECT 1"))
    finally:
        store.close()


def test_a_locked_postgresql_write_is_busy(pg_url: str) -> None:
    open_store(pg_url).close()
    store = open_store(pg_url + "%20-clock_timeout%3D200")
    plain = pg_url.replace("postgresql+psycopg://", "postgresql://")
    try:
        with psycopg.connect(plain) as other:
            other.execute("SELECT revision FROM store_revision WHERE id = 1 FOR UPDATE")
            with pytest.raises(Busy), store.begin() as conn:
                conn.execute(text("SELECT 1"))
            other.rollback()
    finally:
        store.close()


def test_the_cli_exits_75_when_busy(sqlite_db: Path) -> None:
    with sqlite_writer(sqlite_db):
        result = CliRunner().invoke(cli, ["--db", short(sqlite_db), "settings", "cadence_days", "40"])
    assert result.exit_code == 75, result.output
    assert "busy, try again" in result.output
    assert "Traceback" not in result.output


def test_the_web_answers_503_when_busy(sqlite_db: Path) -> None:
    with WebClient(create_app(short(sqlite_db)), raise_server_exceptions=False) as client:
        assert client.csrf
        with sqlite_writer(sqlite_db):
            response = client.api("PUT", "/api/settings/cadence_days", json={"value": 40})
    assert response.status_code == 503
    assert response.json() == {"error": {"code": "busy", "message": Busy().message, "status": 503}}
    assert response.headers["retry-after"] == "1"
