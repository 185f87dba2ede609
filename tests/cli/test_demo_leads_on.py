"""After `twoway demo`, every command and the dashboard show the demo, until an export of one's own is imported."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.linkedin.test_linkedin_support import default_files, write_export
from tests.web_support import WebClient
from twoway import paths
from twoway.cli import cli
from twoway.web import create_app


def _run(args: list[str], code: int = 0) -> str:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == code, result.output
    return result.output


def _where() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_run(["where", "--json"]))
    return data


@pytest.fixture
def after_demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "fresh-home"
    monkeypatch.setenv("TWOWAY_HOME", str(home))
    out = _run(["demo", "--connections", "40", "--years", "2", "--history-days", "0"])
    assert "--db" not in out  # the next commands are plain ones: they use the demo anyway
    assert "  twoway week    #" in out
    return home


def test_week_after_demo_shows_the_demo(after_demo: Path) -> None:
    week = json.loads(_run(["week", "--json"]))
    assert week["items"]
    text = _run(["week"])
    assert "twoway demo" not in text
    assert not (after_demo / paths.DB_FILENAME).exists()  # the empty default database is never created


def test_where_says_the_demo_is_in_use_and_why(after_demo: Path) -> None:
    where = _where()
    assert where["demo"] is True
    assert where["database"].endswith(paths.DEMO_FILENAME)
    assert "twoway demo" in where["why"]
    assert "import" in where["why"]
    assert "why: the demo" in _run(["where"])


def test_the_dashboard_opens_on_the_demo(after_demo: Path) -> None:
    with WebClient(create_app(None)) as client:
        home = client.get("/")
        assert home.status_code == 200, home.text[:500]
        week = client.get("/api/week")
        assert week.status_code == 200
        assert week.json()["items"]


def test_an_own_import_takes_over_and_the_demo_stays_untouched(after_demo: Path, tmp_path: Path) -> None:
    demo_db = after_demo / paths.DEMO_FILENAME
    before = demo_db.stat().st_mtime_ns
    export = write_export(tmp_path / "mine", default_files())
    _run(["import", str(export)])
    where = _where()
    assert where["demo"] is False
    assert where["database"].endswith(paths.DB_FILENAME)
    assert "your own" in where["why"]
    assert demo_db.stat().st_mtime_ns == before
    people = json.loads(_run(["people", "--json"]))
    assert 0 < people["total"] < 10  # the export's own few people, not the demo's 40
    assert _run(["week", "--json"])
    # A new demo leaves the user's own database in use and names itself with --db.
    out = _run(["demo", "--connections", "20", "--years", "1", "--history-days", "0"])
    assert f"--db {demo_db}" in out
    assert _where()["demo"] is False


def test_a_fresh_folder_without_demo_uses_the_own_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_HOME", str(tmp_path / "h"))
    where = _where()
    assert where["demo"] is False
    assert where["database"].endswith(paths.DB_FILENAME)
    assert "empty" in where["why"]


def test_an_empty_own_database_does_not_hide_the_demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_HOME", str(tmp_path / "h"))
    _where()  # creates the empty twoway.db first
    _run(["demo", "--connections", "20", "--years", "1", "--history-days", "0"])
    assert _where()["demo"] is True


def test_db_at_a_folder_or_in_a_missing_folder_is_explained(tmp_path: Path) -> None:
    out = _run(["--db", str(tmp_path), "where"], code=2)
    assert "is a folder" in out or "that is a folder" in out
    out = _run(["--db", str(tmp_path / "nope" / "x.db"), "where"], code=2)
    assert "does not exist" in out
    assert "internal error" not in out
