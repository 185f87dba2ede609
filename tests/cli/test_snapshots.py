"""Snapshots of the large JSON outputs, through the command line, on one fixed generated network.

A seeded export (about 300 connections) is imported twice, as its owner would: the export of
5 Jan 2026, then the same world's export of 18 Mar 2026 (new connections, removals, job changes,
new replies). The seed is one whose plan of that week holds every kind of item (a reply owed, thanks,
a follow-up, retries, congratulations, check-ins, a reconnection). Every listing below is then read
at TWOWAY_TODAY=2026-03-18 and compared with
tests/snapshots/<name>.json, on SQLite and on PostgreSQL against the SAME file: the two engines
must give the same answer, byte for byte. After an intended change, `pytest --snapshot-update`
rewrites the files; review their diff before committing.

Only the import's own duration (`seconds`) is normalised: it is measured, not computed.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from tests.conftest import _PG_SKIP, PG_DEFAULT, PG_ENV, SNAPSHOT_DIR, Snapshot, snapshot_text
from tests.web_support import unavailable
from twoway.cli import cli
from twoway.generator import generate_export
from twoway.graph import cache
from twoway.store import open_store

FIRST_EXPORT = date(2026, 1, 5)
TODAY = date(2026, 3, 18)
SEED = 8
CONNECTIONS = 300
TEAMMATE_SEED = 9
TEAMMATE_CONNECTIONS = 120


@dataclass(frozen=True)
class Network:
    db: str
    owner: str
    featured: tuple[str, ...]
    import_json: dict[str, Any]
    teammate: str
    teammate_featured: tuple[str, ...]


@contextmanager
def _database(engine: str, folder: Path) -> Iterator[str]:
    """An empty SQLite file, or a fresh PostgreSQL schema dropped afterwards."""
    if engine == "sqlite":
        yield str(folder / "twoway.db")
        return
    if _PG_SKIP:
        unavailable(_PG_SKIP)
    import psycopg

    base = os.environ.get(PG_ENV, PG_DEFAULT)
    plain = base.replace("postgresql+psycopg://", "postgresql://")
    schema = "snap_" + uuid.uuid4().hex[:12]
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def _invoke(db: str, args: list[str], *, today: date = TODAY, owner: str | None = None) -> Any:
    runner = CliRunner()
    head = ["--db", db] + (["--owner", owner] if owner else [])
    result = runner.invoke(cli, [*head, *args], env={"TWOWAY_TODAY": today.isoformat()})
    assert result.exit_code == 0, f"twoway {' '.join(args)} failed: {result.output}{result.exception!r}"
    return json.loads(result.output)


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def network(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Network]:
    """Keisha's network imported twice, plus a teammate's (Fiona, one of her connections) in the same database."""
    folder = tmp_path_factory.mktemp(f"snap-{request.param}")
    with _database(request.param, folder) as db, pytest.MonkeyPatch.context() as mp:
        mp.setenv("TWOWAY_HOME", str(folder / "home"))
        cache.clear()
        first = generate_export(folder / "first", seed=SEED, connections=CONNECTIONS, years=6, today=FIRST_EXPORT)
        later = generate_export(folder / "later", seed=SEED, connections=CONNECTIONS, years=6, today=FIRST_EXPORT,
                                later_days=(TODAY - FIRST_EXPORT).days)
        _invoke(db, ["import", str(first.path), "--json"], today=FIRST_EXPORT)
        changes = _invoke(db, ["import", str(later.path), "--json"])
        # The teammate is the strongest of the owner's connections, so the team has a real bridge.
        teammate = _invoke(db, ["strength", "--json", "--top", "1"])[0]["full_name"]
        mate = generate_export(folder / "mate", seed=TEAMMATE_SEED, connections=TEAMMATE_CONNECTIONS, years=4,
                               today=TODAY, owner_name=teammate)
        _invoke(db, ["import", str(mate.path), "--json"])
        _link_teammate(db, teammate)
        yield Network(db, first.owner_name, first.featured, changes, teammate, mate.featured)
        cache.clear()


def _link_teammate(db: str, name: str) -> None:
    """Make the teammate's owner row the same person as the connection of that name.

    On LinkedIn both would carry one profile URL; the generator draws the teammate's URL afresh, so the
    importer (rightly) keeps two people of the same name. This is the merge a team admin would make.
    """
    store = open_store(db)
    try:
        with store.begin() as conn:
            ids = conn.execute(text("SELECT id FROM people WHERE full_name = :n ORDER BY id"), {"n": name}).scalars()
            person, *_ = list(ids)
            conn.execute(text("UPDATE owners SET person_id = :p WHERE name = :n"), {"p": person, "n": name})
    finally:
        store.close()


def _owner_view(network: Network, args: list[str]) -> Any:
    return _invoke(network.db, args, owner=network.owner)


LISTINGS: dict[str, list[str]] = {
    "week": ["week", "--json"],
    "states": ["states", "--json"],
    "strength_top20": ["strength", "--json", "--top", "20"],
    "prune": ["prune", "--json"],
    "invites": ["invites", "--json"],
    "invite_stats": ["invite", "stats", "--json"],
    "health": ["health", "--json"],
    "people_by_strength": ["people", "--json", "--sort", "strength", "--desc"],
}


@pytest.mark.parametrize("name", list(LISTINGS))
def test_listing(network: Network, snapshot: Snapshot, name: str) -> None:
    snapshot(_owner_view(network, LISTINGS[name]), name)


def test_person_detail(network: Network, snapshot: Snapshot) -> None:
    data = _owner_view(network, ["person", network.featured[0], "--json"])
    assert data["person"]["full_name"] == network.featured[0]
    snapshot(data, "person")


def test_reimport_summary(network: Network, snapshot: Snapshot) -> None:
    summary = dict(network.import_json)
    assert isinstance(summary["seconds"], int | float)
    assert summary["seconds"] >= 0
    summary["seconds"] = "<measured>"
    snapshot(summary, "reimport")


def test_team_suggestions(network: Network, snapshot: Snapshot) -> None:
    snapshot(_owner_view(network, ["suggest", "me", "--json"]), "team_suggest")


def test_team_introduction_path(network: Network, snapshot: Snapshot) -> None:
    data = _owner_view(network, ["path", "me", network.teammate_featured[0], "--json"])
    assert data["routes"], "the teammate's connection should be reachable through the teammate"
    snapshot(data, "team_path")


# The fixture itself: each of its promises can fail.


def test_snapshot_written_when_new_then_compared(tmp_path: Path) -> None:
    snap = Snapshot(tmp_path, "plan")
    value = {"b": [1, 2.5, None], "a": "Zoë"}
    snap(value)
    stored = (tmp_path / "plan.json").read_text(encoding="utf-8")
    assert stored == '{\n  "a": "Zoë",\n  "b": [\n    1,\n    2.5,\n    null\n  ]\n}\n'
    snap({"a": "Zoë", "b": [1, 2.5, None]})  # same value, other key order: equal
    with pytest.raises(pytest.fail.Exception, match=r'(?s)differs.*-    2\.5,.*\+    3,'):
        snap({"a": "Zoë", "b": [1, 3, None]})
    assert (tmp_path / "plan.json").read_text(encoding="utf-8") == stored  # a mismatch never rewrites


def test_snapshot_missing_fails_in_ci(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception, match="missing"):
        Snapshot(tmp_path, "new", ci=True)({"a": 1})
    assert not (tmp_path / "new.json").exists()


def test_snapshot_update_rewrites(tmp_path: Path) -> None:
    Snapshot(tmp_path, "x")({"a": 1})
    updater = Snapshot(tmp_path, "x", update=True, ci=True)
    updater({"a": 2})
    updater({"a": 2})  # the same value again (the other engine agreeing): fine
    assert json.loads((tmp_path / "x.json").read_text(encoding="utf-8")) == {"a": 2}
    updater({"a": 2}, "y")  # update mode also creates, even in CI
    assert updater.written == [tmp_path / "x.json", tmp_path / "y.json"]
    with pytest.raises(pytest.fail.Exception, match="two different values"):
        updater({"a": 3})  # e.g. the second engine disagreeing with the first in one update run


def test_snapshot_refuses_nan_and_names_safely(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not JSON compliant"):
        snapshot_text({"rate": float("nan")})
    assert Snapshot(tmp_path, "test_listing[sqlite-week]").path().name == "test_listing_sqlite-week.json"


def test_every_stored_snapshot_is_in_the_stable_form() -> None:
    files = sorted(SNAPSHOT_DIR.glob("*.json"))
    assert files, "tests/snapshots/ holds the snapshot files"
    for path in files:
        raw = path.read_text(encoding="utf-8")
        assert raw == snapshot_text(json.loads(raw)), f"{path.name} is not sorted, 2-space, newline-ended JSON"
