from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from twoway import settings
from twoway.cli import cli
from twoway.errors import InvalidSetting, NotFound
from twoway.store import Store


def test_every_setting_is_declared_once_with_help_and_a_valid_default() -> None:
    names = [s.name for s in settings.SETTINGS]
    assert len(names) == len(set(names))
    for s in settings.SETTINGS:
        assert s.help.strip().endswith("."), s.name
        assert s.kind in settings.KINDS, s.name
        assert s.parse(s.default) == s.default, s.name


def test_values_are_parsed_validated_and_stored(any_store: Store) -> None:
    with any_store.begin() as conn:
        settings.set_value(conn, "cadence_days", "180")
        settings.set_value(conn, "tag_cadences", "inner circle=30, family=120")
        settings.set_value(conn, "protected_tags", "family, mentor, investor")
        with pytest.raises(InvalidSetting):
            settings.set_value(conn, "cadence_days", "3")  # below the minimum
        with pytest.raises(InvalidSetting):
            settings.set_value(conn, "career_stage", "astronaut")
        with pytest.raises(NotFound):
            settings.set_value(conn, "no_such_thing", "1")
    current = any_store.settings()
    assert current.cadence_days == 180
    assert current.tag_cadences == {"inner circle": 30.0, "family": 120.0}
    assert current.protected_tags == ["family", "mentor", "investor"]
    assert current.is_changed("cadence_days")
    assert not current.is_changed("attempt_gap_days")
    with any_store.begin() as conn:
        settings.reset(conn, "cadence_days")
    assert any_store.settings().cadence_days == 365


def test_settings_command_lists_changes_and_documents_every_setting(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    help_text = runner.invoke(cli, ["settings", "--help"]).output
    for s in settings.SETTINGS:
        assert s.name in help_text
    changed = runner.invoke(cli, ["--db", db, "settings", "attempt_gap_days", "10", "--json"])
    assert changed.exit_code == 0, changed.output
    assert json.loads(changed.output)[0]["value"] == 10
    bad = runner.invoke(cli, ["--db", db, "settings", "attempt_gap_days", "ten"])
    assert bad.exit_code != 0
    assert "not a valid whole number" in bad.output
    listed = json.loads(runner.invoke(cli, ["--db", db, "settings", "--json"]).output)
    assert {r["name"] for r in listed} == {s.name for s in settings.SETTINGS}


def test_commands_have_help_with_an_example() -> None:
    runner = CliRunner()
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        if hasattr(command, "commands"):
            continue  # groups: their subcommands carry the examples
        assert "Example" in result.output or "example" in result.output, f"`twoway {name}` has no example"
