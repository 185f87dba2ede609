"""Every listing command reads well at 80 and 120 columns, as in a pipe: no line wider than the screen, no
word broken in the middle (every word shown is a word the same command shows whole at 1,000 columns, or
ends in "…"), human labels (no snake_case), and long listings end in "N more — add --all".

One generated network (an owner imported twice, and a teammate) on SQLite; names are synthetic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from twoway.cli import cli
from twoway.cli.output import NARROW_LINES, table, wrap_words
from twoway.generator import generate_export
from twoway.graph import cache
from twoway.store import open_store

FIRST = date(2026, 1, 5)
TODAY = date(2026, 3, 18)
_BOX = re.compile(r"[│┃┏┓┗┛┡┩└┘┌┐━─┳┻╇┴┬╋┼┠┨]")
_SNAKE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")


@dataclass(frozen=True)
class World:
    db: str
    owner: str
    mate: str
    mate_friend: str


def run(world: World, args: list[str], columns: int) -> str:
    result = CliRunner().invoke(cli, ["--db", world.db, "--owner", world.owner, *args],
                                env={"TWOWAY_TODAY": TODAY.isoformat(), "COLUMNS": str(columns)})
    assert result.exit_code == 0, f"twoway {' '.join(args)}: {result.output}"
    return result.output


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    folder = tmp_path_factory.mktemp("tables")
    db = str(folder / "twoway.db")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TWOWAY_HOME", str(folder / "home"))
        cache.clear()
        first = generate_export(folder / "first", seed=8, connections=300, years=6, today=FIRST)
        later = generate_export(folder / "later", seed=8, connections=300, years=6, today=FIRST,
                                later_days=(TODAY - FIRST).days)
        runner = CliRunner()
        env = {"TWOWAY_TODAY": FIRST.isoformat()}
        assert runner.invoke(cli, ["--db", db, "import", str(first.path)], env=env).exit_code == 0
        env = {"TWOWAY_TODAY": TODAY.isoformat()}
        assert runner.invoke(cli, ["--db", db, "import", str(later.path)], env=env).exit_code == 0
        top = runner.invoke(cli, ["--db", db, "strength", "--top", "1", "--json"], env=env)
        mate_name = re.search(r'"full_name": "([^"]+)"', top.output)
        assert mate_name is not None
        mate = generate_export(folder / "mate", seed=9, connections=120, years=4, today=TODAY,
                               owner_name=mate_name.group(1))
        assert runner.invoke(cli, ["--db", db, "import", str(mate.path)], env=env).exit_code == 0
        # An address book with three of the owner's connections: likely matches for `twoway merge` to list.
        names = re.findall(r'"name": "([^"]+)"', runner.invoke(
            cli, ["--db", db, "--owner", first.owner_name, "people", "--json"], env=env).output)[:3]
        book = folder / "book.vcf"
        book.write_text("".join(f"BEGIN:VCARD\nVERSION:3.0\nFN:{name}\nEMAIL:card{n}@example.org\nEND:VCARD\n"
                                for n, name in enumerate(names)), encoding="utf-8")
        assert runner.invoke(cli, ["--db", db, "--owner", first.owner_name, "import", str(book)],
                             env=env).exit_code == 0
        store = open_store(db)
        with store.begin() as conn:  # the teammate is that connection (a team admin's merge)
            person = conn.execute(text("SELECT MIN(id) FROM people WHERE full_name = :n"),
                                  {"n": mate_name.group(1)}).scalar_one()
            conn.execute(text("UPDATE owners SET person_id = :p WHERE name = :n"),
                         {"p": person, "n": mate_name.group(1)})
        store.close()
        yield World(db, first.owner_name, mate_name.group(1), mate.featured[0])
        cache.clear()


COMMANDS: dict[str, list[str]] = {
    "week": ["week"],
    "week --all": ["week", "--all"],
    "invites": ["invites", "--all"],
    "invite stats": ["invite", "stats"],
    "strength": ["strength", "--top", "30"],
    "health": ["health"],
    "people": ["people"],
    "people --all": ["people", "--all", "--sort", "strength", "--desc"],
    "states": ["states"],
    "prune": ["prune"],
    "dormant": ["dormant"],
    "imports": ["imports"],
    "merge": ["merge", "--all"],
    "graph info": ["graph", "info"],
    "graph duplicates": ["graph", "duplicates"],
    "suggest": ["suggest", "me"],
    "degree": ["degree", "me", "{mate_friend}"],
    "mutual": ["mutual", "me", "{mate}"],
    "path": ["path", "me", "{mate_friend}"],
}


def words(output: str) -> set[str]:
    return {w.strip(".,;:()\"'") for w in _BOX.sub(" ", output).split()}


@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_listing_reads_well(world: World, name: str, columns: int) -> None:
    args = [a.format(mate=world.mate, mate_friend=world.mate_friend) for a in COMMANDS[name]]
    out = run(world, args, columns)
    whole = words(run(world, args, 1000))
    too_wide = [line for line in out.splitlines() if len(line) > columns]
    assert not too_wide, f"{name} at {columns}: {too_wide[:3]}"
    broken = sorted(w for w in words(out) - whole if w and not w.endswith("…"))
    assert not broken, f"{name} at {columns}: words broken in the middle: {broken[:10]}\n{out}"
    assert not _SNAKE.findall(out), f"{name} at {columns} shows identifiers: {_SNAKE.findall(out)}"


@pytest.mark.parametrize("args", [["states"], ["states", "--state", "never_contacted"]])
def test_long_listings_show_a_screenful(world: World, args: list[str]) -> None:
    out = run(world, args, 80)
    assert re.search(r"\d[\d,]* more — add --all", out), out[-300:]
    assert "more — add --all" not in run(world, [*args, "--all"], 80)


def test_week_gives_the_room_to_why(world: World) -> None:
    out = run(world, ["week"], 80)
    header = next(line for line in out.splitlines() if "why" in line)
    cells = [c.strip() for c in re.split(r"[┃│]", header) if c.strip()]
    assert cells[:3] == ["day", "to do", "why"]  # the company gives way at 80
    assert "company" not in cells
    assert "company" in run(world, ["week"], 120)


def test_wrap_words_never_splits_a_word() -> None:
    assert wrap_words("never contacted since 2025-06-22", 12) == ["never", "contacted", "since", "2025-06-22"]
    assert wrap_words("Basic_LinkedInDataExport", 10) == ["Basic_Lin…"]
    lines = wrap_words("one two three four five six", 9, NARROW_LINES)
    assert lines == ["one two", "three…"]
    assert wrap_words("  indented text", 20) == ["  indented text"]


def test_table_in_a_pipe_is_80_columns(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    reason = "Last two-way contact 30 May 2024 (about 2 years ago), over your 365-day cadence"
    table(["#", "name", "company", "why"], [[i, f"Person Number{i}", "Quartzfield Analytics GmbH", reason]
                                             for i in range(40)], drop=(2,), limit=25)
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "15 more — add --all" in out
    assert out.count("cadence") == 25  # each reason whole, on its lines
    monkeypatch.setenv("COLUMNS", "60")
    table(["#", "name", "company", "why"], [[1, "Ann Lee", "Quartzfield Analytics GmbH", reason * 2]], drop=(2,))
    out = capsys.readouterr().out
    assert "Quartzfield" not in out  # the low-value column gave way to a long reason
