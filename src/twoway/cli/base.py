"""The command-line face: the root group, shared options, output and error translation.

Commands live in sibling modules, one per concept, each a thin shell: parse options, call one core
function, render what it returns (a table for people, JSON with ``--json`` for programs).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click
from sqlalchemy import Connection

from twoway import paths
from twoway.accounts import Member
from twoway.cli import acting
from twoway.cli.output import safe_text
from twoway.errors import Busy, Forbidden, TwowayError
from twoway.people import owners
from twoway.people.owners import Owner
from twoway.store import Store, is_busy, open_store
from twoway.views.workspace import Workspace

DEBUG_ENV = "TWOWAY_DEBUG"


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


def json_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for programs.")(fn)


def stdin_is_tty() -> bool:
    return sys.stdin.isatty()
