"""Every CLI command, walked from click's own command tree, runs over one database holding every kind of
record (an imported network with invitations, notes, tags, logs, snoozes, decisions, a loaded graph) and
never ends in an internal error (exit 70)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from tests.linkedin.test_linkedin_support import default_files, write_export
from twoway.cli import cli

#: Commands not run here, and why.
NOT_RUN = {"serve": "starts a server; tests/cli/test_demo_leads_on.py opens the same app over the demo"}


def leaf_commands(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            if command.invoke_without_command:
                yield (*path, name)
            yield from leaf_commands(command, (*path, name))
        else:
            yield (*path, name)


def _run(db: Path, *args: str, home: Path | None = None) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=True)


@pytest.fixture
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("every")
    db = root / "all.db"
    out = _run(db, "demo", "--connections", "60", "--years", "3", "--history-days", "30", "--json")
    assert out.exit_code == 0, out.output
    people = json.loads(_run(db, "people", "--json", "--per-page", "10").output)["rows"]
    a, b = (f"#{p['id']}" for p in people[:2])
    graph = root / "tiny.txt"
    graph.write_text("1 2\n2 3\n3 4\n10 11\n")
    setup = [
        ("note", a, "met at the conference; likes sailing"),
        ("tag", a, "friend", "investor"),
        ("log", a, "--met", "--note", "coffee"),
        ("snooze", b, "--until", "2099-01-01"),
        ("prune", "--keep", b),
        ("invite", "log", "Nova Newperson", "--url", "https://www.linkedin.com/in/nova-new", "--sent"),
        ("graph", "load", str(graph), "--name", "tiny"),
        ("backup", str(root / "backup.db")),
    ]
    for args in setup:
        result = _run(db, *args)
        assert result.exit_code == 0, (args, result.output)
    export = write_export(root / "export", default_files())
    return {"db": db, "a": a, "b": b, "root": root, "export": export}


def _arguments(w: dict[str, Any]) -> dict[tuple[str, ...], list[list[str]]]:
    a, b, root = w["a"], w["b"], w["root"]
    return {
        ("backup",): [[str(root / "again.db")]],
        ("degree",): [[a, b], ["1", "4", "--graph", "tiny"]],
        ("demo",): [["--db", str(root / "demo2.db"), "--connections", "20", "--years", "1", "--history-days", "0"]],
        ("dormant",): [[], ["--all"]],
        ("merge",): [[], ["--all"], ["--done"], ["--undo", "999999"]],
        ("export", "vcard"): [[], ["--out", str(root / "export-folder" / "connections.vcf")]],
        ("export", "csv"): [[], ["--out", str(root / "export-folder" / "people.csv")]],
        ("drafts",): [[]],
        ("drafts", "write"): [["congrats", a], ["check_in", b]],
        ("graph", "drop"): [["nothing-by-that-name"]],
        ("graph", "duplicates"): [[]],
        ("graph", "info"): [[]],
        ("graph", "load"): [[str(root / "tiny.txt"), "--name", "tiny2"]],
        ("health",): [[], ["--html", str(root / "new-folder" / "health.html")]],
        ("import",): [[str(w["export"])]],
        ("imports",): [[]],
        ("imports", "forget"): [["999999"]],
        ("intro", "ask"): [[a, "--via", "Nobody"]],
        ("intro", "requests"): [[]],
        ("intro", "log"): [[]],
        ("intro", "show"): [["1"]],
        **{("intro", step): [["1", "--note", "ok"]] for step in ("accept", "decline", "forwarded", "agreed",
                                                                 "refused", "withdraw")},
        ("invite", "check"): [["Hi Ada, we met at PyCon. Happy to connect!"], ["", "--to", a]],
        ("invite", "draft"): [[a], ["Nova Newperson"], ["Otto Other", "--url", "https://www.linkedin.com/in/otto-o"]],
        ("invite", "log"): [[b, "--sent"]],
        ("invite", "stats"): [[]],
        ("invite", "withdraw"): [["Nova Newperson"]],
        ("invites",): [[], ["--all"]],
        ("log",): [[b, "--sent", "--on", "2026-01-05"]],
        ("message", "check"): [["Could you send me the slides?"]],
        ("mutual",): [[a, b], ["1", "3", "--graph", "tiny"]],
        ("note",): [[a], [a, "another note"], [a, "--history"]],
        ("path",): [[a, b], ["1", "4", "--graph", "tiny"]],
        ("people",): [[], ["--state", "two-way"], ["--search", "a", "--page", "2", "--per-page", "5"]],
        ("person",): [[a], [b], ["Nova Newperson"]],
        ("prune",): [[], ["--csv", str(root / "missing-folder" / "prune.csv")]],
        ("restore",): [[str(root / "backup.db")]],
        ("settings",): [[], ["cadence_days"], ["cadence_days", "200"]],
        ("snooze",): [[a, "--until", "2099-02-01"], [a, "--wake"]],
        ("state",): [[a]],
        ("states",): [[], ["--all"]],
        ("strength",): [[], [a]],
        ("suggest",): [[a], ["1", "--graph", "tiny"]],
        ("tag",): [[b, "colleague"]],
        ("tags",): [[], ["friend"]],
        # A single-user database: each says it is no team server (tests/cli/test_team.py runs them on one).
        ("team", "add"): [["cy@example.com"]],
        ("team", "init"): [["--admin", "ada@example.com", "--db", str(root / "team.db")]],
        ("team", "invite"): [["cy@example.com"]],
        ("team", "list"): [[]],
        ("team", "password"): [["twi_not-a-code"]],
        ("team", "remove"): [["cy@example.com"]],
        ("team", "sessions"): [[]],
        ("team", "token"): [[], ["--new", "laptop"]],
        ("week",): [[], ["--all"], ["--ics", str(root / "ics-folder" / "week.ics")]],
        ("where",): [[]],
    }


def test_every_command_is_exercised(world: dict[str, Any]) -> None:
    """A new command fails here until it is given arguments below (or a reason in NOT_RUN)."""
    known = set(_arguments(world)) | {(name,) for name in NOT_RUN}
    assert set(leaf_commands(cli)) - known == set()


def test_no_command_ends_in_an_internal_error(world: dict[str, Any]) -> None:
    failures = []
    arguments = _arguments(world)
    # restore last: it swaps the database under the rest
    for command in sorted(arguments, key=lambda c: c == ("restore",)):
        for extra in arguments[command]:
            for json_flag in ([], ["--json"]):
                args = [*command, *extra, *json_flag]
                result = _run(world["db"], *args)
                if json_flag and result.exit_code == 2 and "No such option: --json" in result.output:
                    continue
                if result.exit_code == 70 or "internal error" in result.output or (
                        result.exception is not None and not isinstance(result.exception, SystemExit)):
                    failures.append(f"twoway {' '.join(args)} -> {result.exit_code}: {result.output[-400:]}"
                                    f" {result.exception!r}")
    assert not failures, "\n\n".join(failures)
