"""Shared fixtures: an isolated data folder for every test, real SQLite and real PostgreSQL stores."""

from __future__ import annotations

import difflib
import json
import os
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.web_support import in_ci, unavailable
from twoway.store import Store, open_store

PG_ENV = "TWOWAY_TEST_PG"
PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TWOWAY_HOME", str(home))
    for name in ("TWOWAY_DB", "TWOWAY_OWNER", "TWOWAY_DEBUG", "TWOWAY_TODAY", "TWOWAY_TOKEN"):
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
        unavailable(_PG_SKIP)
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


# --- snapshots ---
# Large structured outputs (the weekly plan, scores, prune lists...) compared with a stored JSON file,
# so that any change in them shows up as a diff to review. `pytest --snapshot-update` rewrites them.

SNAPSHOT_DIR = Path(__file__).parent / "snapshots"
_SNAPSHOT_DIFF_LINES = 60
_SNAPSHOTS_WRITTEN: dict[Path, str] = {}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--snapshot-update", action="store_true", default=False,
                     help="Write tests/snapshots/*.json from the current outputs instead of comparing.")


def snapshot_text(value: Any) -> str:
    """The stable file form: sorted keys, 2-space indent, real UTF-8, a trailing newline; NaN refused."""
    return json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


@dataclass
class Snapshot:
    """Compares values with <folder>/<name>.json; writes the file when updating or when it is new (not in CI)."""

    folder: Path
    default_name: str
    update: bool = False
    ci: bool = False
    written: list[Path] = field(default_factory=list)
    seen: dict[Path, str] = field(default_factory=dict)  # values given while updating, shared by the fixture

    def path(self, name: str | None = None) -> Path:
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", name or self.default_name).strip("_")
        return self.folder / f"{stem}.json"

    def __call__(self, value: Any, name: str | None = None) -> None:
        target = self.path(name)
        actual = snapshot_text(value)
        if not target.exists() and not self.update:
            if self.ci:
                pytest.fail(f"snapshot {target.name} is missing (CI=true): run pytest --snapshot-update "
                            "locally, review the file and commit it", pytrace=False)
            self._write(target, actual)
            return
        if self.update:
            # Two values for one file in one run (e.g. SQLite and PostgreSQL disagree) must not pass by overwriting.
            if self.seen.setdefault(target, actual) != actual:
                pytest.fail(f"{target.name} was given two different values in this run", pytrace=False)
            if not target.exists() or target.read_text(encoding="utf-8") != actual:
                self._write(target, actual)
            return
        expected = target.read_text(encoding="utf-8")
        if expected != actual:
            diff = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                             f"{target.name} (stored)", f"{target.name} (now)", lineterm="", n=2))
            shown = "\n".join(diff[:_SNAPSHOT_DIFF_LINES])
            more = len(diff) - _SNAPSHOT_DIFF_LINES
            tail = f"\n... {more} more diff lines" if more > 0 else ""
            pytest.fail(f"{target.name} differs from the stored snapshot (if the change is intended, run "
                        f"pytest --snapshot-update and review the diff):\n{shown}{tail}", pytrace=False)

    def _write(self, target: Path, text_: str) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")  # whole file or nothing, even under pytest -n
        tmp.write_text(text_, encoding="utf-8")
        tmp.replace(target)
        self.written.append(target)


@pytest.fixture
def snapshot(request: pytest.FixtureRequest) -> Snapshot:
    """`snapshot(value)` compares value with tests/snapshots/<test name>.json; `snapshot(value, "name")` names it."""
    return Snapshot(SNAPSHOT_DIR, request.node.name, update=bool(request.config.getoption("--snapshot-update")),
                    ci=in_ci(), seen=_SNAPSHOTS_WRITTEN)
