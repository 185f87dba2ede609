"""The README is the front door: every command must be mentioned there, and its two commands must be real."""

from __future__ import annotations

from pathlib import Path

import click

from twoway.cli import cli

README = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme() -> None:
    missing = [name for name in cli.commands if f"twoway {name}" not in README]
    assert missing == []


def test_every_subcommand_is_in_the_readme() -> None:
    for name, command in cli.commands.items():
        if isinstance(command, click.Group):
            for sub in command.commands:
                assert sub in README.split(f"twoway {name}", 1)[1], f"twoway {name} {sub}"


def test_readme_holds_the_install_and_test_commands_ci_runs() -> None:
    assert "python3 -m pip install -e . && twoway demo" in README
    assert "bash scripts/test" in README
    ci = (Path(__file__).parents[2] / ".ci" / "run").read_text(encoding="utf-8")
    assert "exec bash scripts/test" in ci
