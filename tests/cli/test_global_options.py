"""The root group's options (--db, --owner) work before or after any command, by one mechanism."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tests.linkedin.test_linkedin_support import default_files, write_export
from twoway.cli import cli
from twoway.cli.base import hoist_global_options


@pytest.mark.parametrize(("args", "expected"), [
    (["import", "DIR", "--owner", "Ann"], ["--owner", "Ann", "import", "DIR"]),
    (["import", "DIR", "--owner=Ann", "--json"], ["--owner=Ann", "import", "DIR", "--json"]),
    (["--db", "a.db", "week", "--db", "b.db"], ["--db", "a.db", "--db", "b.db", "week"]),
    (["invite", "log", "x", "--db", "b.db"], ["--db", "b.db", "invite", "log", "x"]),
    (["note", "x", "--", "--db", "y"], ["note", "x", "--", "--db", "y"]),
    (["week", "--help"], ["week", "--help"]),
    (["--version"], ["--version"]),
])
def test_hoisting(args: list[str], expected: list[str]) -> None:
    assert hoist_global_options(cli, args) == expected


def test_import_with_db_and_owner_after_the_command(tmp_path: Path) -> None:
    files = default_files()
    del files["Profile.csv"]
    export = write_export(tmp_path / "x", files)
    db = tmp_path / "after.db"
    result = CliRunner().invoke(cli, ["import", str(export), "--owner", "Olga Owner", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    assert db.exists()
    assert '"owner_name": "Olga Owner"' in result.output


def test_week_and_states_take_db_after_the_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", "2026-06-15")
    export = write_export(tmp_path / "x", default_files())
    db = str(tmp_path / "w.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["import", str(export), "--db", db]).exit_code == 0
    for command in (["week", "--db", db, "--json"], ["states", "--json", "--db", db]):
        result = runner.invoke(cli, command)
        assert result.exit_code == 0, result.output
        assert result.output.lstrip().startswith(("{", "["))


def test_subcommand_help_is_untouched() -> None:
    result = CliRunner().invoke(cli, ["import", "--help"])
    assert result.exit_code == 0
    assert isinstance(cli, click.Group)
