"""Shared fixtures: an isolated data folder for every test, real SQLite and real PostgreSQL stores."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from twoway.store import Store, open_store

PG_ENV = "TWOWAY_TEST_PG"
PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TWOWAY_HOME", str(home))
    for name in ("TWOWAY_DB", "TWOWAY_OWNER", "TWOWAY_DEBUG", "TWOWAY_TODAY"):
        monkeypatch.delenv(name, raising=False)


def _pg_reason() -> str | None:
    """None when a PostgreSQL server answers, else why the PostgreSQL tests skip."""
    url = os.environ.get(PG_ENV, PG_DEFAULT)
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (pip install -e '.[dev]')"
    try:
        with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), connect_timeout=3):
            return None
    except Exception as exc:
        return f"no PostgreSQL reachable at {url} ({type(exc).__name__}); set {PG_ENV} to test it"


_PG_SKIP = _pg_reason()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    if _PG_SKIP:
        pytest.skip(_PG_SKIP)
    import psycopg

    base = os.environ.get(PG_ENV, PG_DEFAULT)
    schema = "t_" + uuid.uuid4().hex[:12]
    plain = base.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store(tmp_path: os.PathLike[str]) -> Iterator[Store]:
    """A fresh SQLite store in a temporary file."""
    s = open_store(str(tmp_path) + "/twoway.db")
    yield s
    s.close()


@pytest.fixture(params=["sqlite", "postgres"])
def any_store(request: pytest.FixtureRequest, tmp_path: os.PathLike[str]) -> Iterator[Store]:
    """The same test on SQLite and on a real PostgreSQL (skipped, saying why, when none answers)."""
    if request.param == "sqlite":
        s = open_store(str(tmp_path) + "/twoway.db")
    else:
        s = open_store(request.getfixturevalue("pg_url"))
    yield s
    s.close()
