"""The command-line face: the root group, shared options, output and error translation.

Commands live in sibling modules, one per concept, each a thin shell: parse options, call one core
function, render what it returns (a table for people, JSON with ``--json`` for programs).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click
from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.table import Table
from rich.text import Text
from sqlalchemy import Connection

from twoway import paths
from twoway.accounts import Member
from twoway.cli import acting
from twoway.errors import Busy, Forbidden, TwowayError
from twoway.people import owners
from twoway.people.owners import Owner
from twoway.store import Store, is_busy, open_store
from twoway.views import encode
from twoway.views.workspace import Workspace

DEBUG_ENV = "TWOWAY_DEBUG"


# Terminal escape sequences whole (CSI such as colours and clear screen, OSC such as the window title, and
# the two-character ones), then any control character left, DEL, the C1 controls and the bidi overrides.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[ -~]?|\x9b[0-?]*[ -/]*[@-~]?")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe_text(value: str) -> str:
    """``value`` as it may reach a terminal: no escape sequence, no control character (line breaks and tabs
    stay), each removed one marked with U+FFFD so nothing is silently hidden. Every face's text goes through
    it (``table``, ``say``, ``echo``, error messages); JSON escapes such characters itself."""
    if value.isprintable() or not (_CONTROLS.search(value) or "\x1b" in value):
        return value
    return _CONTROLS.sub("\ufffd", _ESCAPES.sub("\ufffd", value))


class CommandError(click.ClickException):
    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(safe_text(message))
        self.exit_code = exit_code


class DayParam(click.ParamType):  # type: ignore[type-arg]
    """A YYYY-MM-DD option handed to the command as a ``date``; a value that is no such day says so in words."""

    name = "date"

    def get_metavar(self, *args: Any, **kwargs: Any) -> str:
        return "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        if isinstance(value, datetime):
            return value.date()
        raw = str(value).strip()
        if not re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", raw):
            self.fail(f"{raw!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01", param, ctx)
        year, month, day = (int(part) for part in raw.split("-"))
        try:
            return date(year, month, day)
        except ValueError:
            self.fail(f"{raw!r} is not a date: {_why_not_a_day(year, month, day)}", param, ctx)


def _why_not_a_day(year: int, month: int, day: int) -> str:
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if year < 1:
        return "the year must be 1 or later"
    return f"{date(year, month, 1):%B %Y} has no day {day}"


DAY = DayParam()


class OutFileParam(click.ParamType):  # type: ignore[type-arg]
    """A file to write (a report, a calendar, a CSV): its folder is created when missing; a folder itself,
    or a folder that cannot be made, is refused in words."""

    name = "file"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        path = Path(value).expanduser()
        if path.is_dir():
            self.fail(f"{value} is a folder; name a file in it", param, ctx)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.fail(f"cannot create the folder {path.parent} for {path.name}: {exc.strerror or exc}", param, ctx)
        return path


OUT_FILE = OutFileParam()


def hoist_global_options(group: click.Group, args: list[str]) -> list[str]:
    """``args`` with the root group's own options moved before the command, wherever they were written.

    ``twoway import DIR --owner NAME`` then means ``twoway --owner NAME import DIR``, for every command
    and subcommand alike. Nothing after ``--`` moves; ``--help`` and ``--version`` stay where they are.
    """
    takes_value: dict[str, bool] = {}
    for param in group.params:
        if isinstance(param, click.Option) and not param.is_eager:
            for flag in (*param.opts, *param.secondary_opts):
                takes_value[flag] = not param.is_flag and not param.count
    command_at = None
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            return args
        if not arg.startswith("-"):
            command_at = i
            break
        i += 2 if takes_value.get(arg) else 1
    if command_at is None:
        return args
    command = group.commands.get(args[command_at])
    own = {flag for p in (command.params if command else ()) for flag in (*p.opts, *p.secondary_opts)}
    moved: list[str] = []
    rest: list[str] = []
    i = command_at + 1
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        flag = arg.split("=", 1)[0]
        if flag in takes_value and flag not in own:
            if takes_value[flag] and "=" not in arg and i + 1 < len(args):
                moved.extend(args[i:i + 2])
                i += 2
                continue
            moved.append(arg)
        else:
            rest.append(arg)
        i += 1
    return [*args[:command_at], *moved, args[command_at], *rest]


class TwowayGroup(click.Group):
    """Translates twoway's errors into a short message and an exit code, once, for every command.

    The root group's options (``--db``, ``--owner``) may also be written after any command.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.parent is None:
            args = hoist_global_options(self, list(args))
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TwowayError as exc:
            if os.environ.get(DEBUG_ENV):
                raise
            hint = f"; {exc.cli_hint}" if exc.cli_hint else ""
            raise CommandError(exc.message + hint, exc.exit_code) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            raise CommandError("interrupted; nothing half-done was kept", 130) from None
        except Exception as exc:
            if os.environ.get(DEBUG_ENV):
                raise
            if is_busy(exc):  # a lock lost outside a write transaction: the same answer as Busy
                raise CommandError(Busy().message, Busy.exit_code) from None
            raise CommandError(
                f"unexpected internal error: {type(exc).__name__}: {exc} (set {DEBUG_ENV}=1 for details)", 70
            ) from None


@dataclass
class App(Workspace):
    """What every command needs, opened lazily so `--help` never touches the database."""

    db: str | None
    owner_hint: str | None
    for_import: bool = False  # an import or a restore: always into the user's own database
    api_token: str | None = field(default=None, repr=False)  # a team member's (TWOWAY_TOKEN)
    _store: Store | None = field(default=None, repr=False)
    _acting: tuple[Member | None] | None = field(default=None, repr=False)

    @property
    def choice(self) -> paths.Choice:
        """The database this command uses, and why (:func:`twoway.paths.choose_database`)."""
        return paths.choose_database(self.db, for_import=self.for_import)

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = open_store(self.choice.url)
        return self._store

    def open_store(self) -> Store:
        return self.store

    def member(self, conn: Connection | None = None) -> Member | None:
        """On a team server, the member this command acts for (their API token); None on a single-user one."""
        if self._acting is None:
            if conn is None:
                with self.store.connect() as own:
                    self._acting = (acting.member_for(own, self.api_token, self.owner_hint),)
            else:
                self._acting = (acting.member_for(conn, self.api_token, self.owner_hint),)
        return self._acting[0]

    def owner(self, conn: Connection) -> Owner:
        member = self.member(conn)
        return owners.get(conn, member.owner_id) if member is not None else super().owner(conn)

    def private_owner(self) -> int | None:
        member = self.member()
        return member.owner_id if member is not None else None

    def require_admin(self, what: str) -> None:
        """On a team server, ``what`` is for admins only (a single-user database has no one else to keep out)."""
        member = self.member()
        if member is not None and not member.is_admin:
            raise Forbidden(f"{what} needs a team admin's API token on a team server")


pass_app = click.make_pass_decorator(App)

#: Commands that bring the user's own data in: they never write into the demo.
_OWN_DATA_COMMANDS = ("import", "restore")


@click.group(cls=TwowayGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--db", envvar="TWOWAY_DB", metavar="PATH|URL",
              help="Database: a SQLite file or a SQLAlchemy URL (postgresql://…). Default: twoway.db in the "
                   "data folder (`twoway where`).")
@click.option("--owner", "owner_hint", envvar="TWOWAY_OWNER", metavar="ID|NAME",
              help="Whose network, when the database holds several members' exports; on import, whose "
                   "export it is (found in the export itself when not given).")
@click.option("--token", "api_token", envvar="TWOWAY_TOKEN", metavar="TOKEN",
              help="On a team server: your API token (`twoway team token --new LABEL`); commands act for you.")
@click.version_option(package_name="twoway")
@click.pass_context
def cli(ctx: click.Context, db: str | None, owner_hint: str | None, api_token: str | None) -> None:
    """twoway keeps a professional network two-way: whom to reach this week, what to say,
    who answers and who never does. Start with `twoway demo` or `twoway import EXPORT.zip`.

    The options below may also follow the command: `twoway import EXPORT.zip --owner NAME`."""
    ctx.obj = App(db=db, owner_hint=owner_hint, for_import=ctx.invoked_subcommand in _OWN_DATA_COMMANDS,
                  api_token=api_token)
    ctx.call_on_close(lambda: ctx.obj._store.close() if ctx.obj._store else None)


def console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def err_console() -> Console:
    return Console(stderr=True, highlight=False)


def dump_json(data: Any) -> str:
    return encode.dumps(data)


# What JSON leaves raw but a terminal may act on: DEL, the C1 controls (U+009B is CSI) and the bidi overrides.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def emit_json(data: Any) -> None:
    """JSON to stdout; JSON escapes the C0 controls, and the few others a terminal acts on are escaped too."""
    click.echo(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dump_json(data)))


#: A narrow column starts at no more than this; a cell longer than its column wraps between words.
NARROW_MAX = 28
#: A narrow column gives way down to this before any column is left out (two lines of it hold most names).
COMFORTABLE = 16
#: Lines a cell of a narrow column may take before it ends in "…" (the explaining column takes what it needs).
NARROW_LINES = 2
#: Rows a long listing shows before "N more — add --all".
SCREENFUL = 25


def label(value: object) -> str:
    """A value as a person reads it: ``never_contacted`` → ``never contacted``."""
    return "" if value is None else str(value).replace("_", " ")


def _clip(word: str, width: int) -> str:
    """``word`` cut to ``width`` cells, ending in "…" when cut."""
    return word if cell_len(word) <= width else set_cell_size(word, max(width - 1, 0)) + "…"


def wrap_words(value: str, width: int, max_lines: int | None = None) -> list[str]:
    """``value`` in lines of at most ``width`` cells, broken only between words (a word longer than a line
    ends in "…"); past ``max_lines`` the last line kept ends in "…". A line's leading indent is kept."""
    lines: list[str] = []
    for paragraph in value.split("\n"):
        indent = paragraph[:len(paragraph) - len(paragraph.lstrip(" "))][:max(width // 4, 0)]
        line = indent
        for word in paragraph.split():
            word = _clip(word, width - cell_len(indent) if line == indent else width)
            joined = f"{line} {word}" if line.strip() else line + word
            if cell_len(joined) <= width:
                line = joined
            else:
                lines.append(line)
                line = _clip(word, width)
        lines.append(line)
    if max_lines is not None and len(lines) > max_lines:
        lines, last = lines[:max_lines], lines[max_lines - 1]
        lines[-1] = (last if cell_len(last) < width else set_cell_size(last, width - 1).rstrip()) + "…"
    return lines


def _widths(columns: Sequence[str], cells: list[list[str]], wide_at: int, drop: Sequence[int],
            budget: int) -> tuple[list[int], dict[int, int]]:
    """Which columns show and how wide: the explaining column ``wide_at`` gets the room; the columns in
    ``drop`` go (least useful first) when it would get too little with every narrow column at
    ``COMFORTABLE``; narrow columns then give way (never below a date's 10 cells nor their heading's longest
    word), and last whole columns from the right. Room left goes back, to the explaining column first."""
    count = len(columns)
    natural = [max([cell_len(columns[i]), *(cell_len(line) for r in cells for line in r[i].split("\n"))])
               for i in range(count)]
    heading = [max((cell_len(w) for w in columns[i].split()), default=0) for i in range(count)]
    floor = [max(heading[i], min(natural[i], 10)) for i in range(count)]
    keep = list(range(count))
    width = {i: min(natural[i], max(NARROW_MAX, heading[i])) for i in keep if i != wide_at}
    width[wide_at] = min(natural[wide_at], max(24, budget * 2 // 5))

    def over() -> int:
        # rich's default box: a border on each side and " │ " between columns (padding 1 each side)
        return 3 * len(keep) + 1 + sum(width[i] for i in keep) - budget

    def shrink(least: list[int]) -> None:
        while over() > 0:
            narrow = [i for i in keep if i != wide_at and width[i] > least[i]]
            if not narrow:
                break
            width[max(narrow, key=lambda i: width[i])] -= 1

    shrink([max(f, min(n, COMFORTABLE)) for f, n in zip(floor, natural, strict=True)])
    for i in drop:
        if over() <= 0:
            break
        if i in keep and i != wide_at:
            keep.remove(i)
    shrink(floor)
    while over() > 0 and width[wide_at] > max(16, floor[wide_at]):
        width[wide_at] -= 1
    while over() > 0 and len(keep) > 2:
        keep.remove([i for i in keep if i != wide_at][-1])
    # Room left: the explaining column first, then the narrow columns that were cut, left to right.
    for i in [wide_at, *(i for i in keep if i != wide_at)]:
        spare = -over()
        if spare > 0 and i in keep:
            width[i] = min(natural[i], width[i] + spare)
    return keep, width


def table(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    title: str | None = None,
    caption: str | None = None,
    wide: int | None = None,
    drop: Sequence[int] = (),
    limit: int | None = None,
    more: str = "add --all",
) -> None:
    """Print rows as a table that reads well at the terminal's width (``COLUMNS`` in a pipe, 80 by default).

    Cells are printed literally (no markup, :func:`safe_text`), so untrusted text stays text, and wrapped here
    between words, never inside one. ``wide`` is the column that explains (default: the last): it gets the
    room and takes as many lines as it needs; the others take at most two lines, then end in "…". When the
    table would not fit, the columns in ``drop`` (the least useful first) are left out. With ``limit``, only
    the first ``limit`` rows show, followed by "N more — ``more``".
    """
    if not rows:  # no empty frame: say so in words
        say(" ".join(part for part in (f"{title}: none." if title else "Nothing to list.", caption) if part))
        return
    out_console = console()
    hidden = len(rows) - limit if limit is not None and len(rows) > limit else 0
    shown = rows[:limit] if hidden else rows
    cells = [["" if cell is None else safe_text(str(cell)) for cell in row] for row in shown]
    wide_at = (len(columns) - 1) if wide is None else wide
    keep, width = _widths(columns, cells, wide_at, drop, out_console.width)
    out = Table(title=safe_text(title) if title else title, caption=safe_text(caption) if caption else caption,
                show_lines=False, header_style="bold")
    for i in keep:
        heading = Text("\n".join(wrap_words(columns[i], width[i])))
        out.add_column(heading, no_wrap=True, overflow="ellipsis", min_width=width[i], max_width=width[i])
    for row in cells:
        # Text, not str: a cell is never parsed as markup, so a name like "[bold]x" stays literal.
        out.add_row(*(Text("\n".join(wrap_words(row[i], width[i], None if i == wide_at else NARROW_LINES)))
                      for i in keep))
    out_console.print(out)
    if hidden:
        say(f"{hidden:,} more — {more}")


def say(message: str) -> None:
    """Plain text to stdout, never interpreted as markup nor by the terminal (:func:`safe_text`)."""
    console().print(safe_text(message), markup=False)


def echo(message: str) -> None:
    """Text to stdout exactly as it is (no wrapping, to copy out), but safe for the terminal."""
    click.echo(safe_text(message))


def json_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for programs.")(fn)


def stdin_is_tty() -> bool:
    return sys.stdin.isatty()
