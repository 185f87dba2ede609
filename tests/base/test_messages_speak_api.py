"""Errors speak to whoever reads them: the core's messages name no CLI command nor flag (an API client has
neither); what to type on the command line is the error's ``cli_hint``, which only the CLI shows."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.web_support import WebClient, seed_network
from twoway import errors
from twoway.cli import cli
from twoway.store import open_store
from twoway.web import create_app

SRC = Path(__file__).resolve().parents[2] / "src" / "twoway"
COMMANDS = "|".join(sorted(cli.commands))
CLI_WORDS = re.compile(rf"`twoway |\btwoway (?:{COMMANDS})\b|(?<![\w-])--[a-z]")
TOKEN = "messages-test-token"  # noqa: S105 - a throw-away token for an in-process app
ERRORS = {name for name, value in vars(errors).items()
          if isinstance(value, type) and issubclass(value, errors.TwowayError)}
# Files other work is rewriting (team mode, introductions, sources); their messages follow when it lands.
ELSEWHERE: set[str] = set()


def _texts(node: ast.expr) -> list[str]:
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def cli_words_in_raises(source: str) -> list[tuple[int, str]]:
    """(line, text) of each message raised as a twoway error whose text names a CLI command or flag."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args):
            continue
        func = node.exc.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name in ERRORS:
            found += [(node.lineno, t) for t in _texts(node.exc.args[0]) if CLI_WORDS.search(t)]
    return found


def test_core_messages_name_no_cli_command_or_flag() -> None:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith(("cli/", "generator/")) or rel in ELSEWHERE:
            continue
        offenders += [f"{rel}:{line}: {t!r}" for line, t in cli_words_in_raises(path.read_text("utf-8"))]
    assert not offenders, "messages an API client would get; move the CLI part to cli_hint=:\n" + "\n".join(offenders)


def test_the_scan_can_fail() -> None:
    source = ('raise InputError(f"--until must be after {x}")\n'
              'raise NotFound("no import; `twoway imports` lists them")\n'
              'raise NotFound("no import", cli_hint="`twoway imports` lists them")\n'
              'raise ValueError("--fine, not ours")\n')
    assert [line for line, _ in cli_words_in_raises(source)] == [1, 2]


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> WebClient:
    monkeypatch.setenv("TWOWAY_TODAY", "2026-11-20")
    db = str(tmp_path / "t.db")
    store = open_store(db)
    ids = seed_network(store)
    store.close()
    c = WebClient(create_app(db, token=TOKEN, allowed_hosts=["testserver"]))
    c.ids = ids  # type: ignore[attr-defined]
    return c


def test_api_errors_name_no_cli_command_or_flag(client: WebClient) -> None:
    ids = client.ids  # type: ignore[attr-defined]
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with client:
        answers = [
            client.post(f"/api/people/{ids['ada']}/snooze", json={"until": "2020-01-01"}, headers=auth),
            client.put("/api/settings/no_such_setting", json={"value": 1}, headers=auth),
            client.get("/api/network/degree", params={"a": "me", "b": "1", "graph": "nope"}, headers=auth),
            client.get("/api/network/degree", params={"a": "me", "b": "Ada"}, headers=auth),
        ]
        log = {"kind": "call", "direction": "out", "on": "2026-11-01", "note": "same"}
        first = client.post(f"/api/people/{ids['ada']}/log", json=log, headers=auth)
        assert first.status_code == 201, first.text
        answers.append(client.post(f"/api/people/{ids['ada']}/log", json=log, headers=auth))
    for answer in answers:
        assert answer.status_code >= 400, answer.text
        message = answer.json()["error"]["message"]
        assert not CLI_WORDS.search(message), f"{answer.request.url}: {message}"
    assert "after today" in answers[0].json()["error"]["message"]


def test_the_cli_still_says_what_to_type(tmp_path: Path) -> None:
    db = str(tmp_path / "empty.db")
    out = CliRunner().invoke(cli, ["--db", db, "week"]).output
    assert "no export yet" in out
    assert "`twoway import PATH` or `twoway demo`" in out
    out = CliRunner().invoke(cli, ["--db", db, "settings", "no_such_setting"]).output
    assert "`twoway settings` lists them" in out
