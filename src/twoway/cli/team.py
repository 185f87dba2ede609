"""`twoway team …`: a team server's members, passwords, API tokens and sessions.

`team init` makes the database a team server (PostgreSQL is meant; SQLite works for trying it). From then on
every command acts for the member whose API token it is given (`--token` or TWOWAY_TOKEN); admins add and
remove members. Passwords are read from a prompt (never echoed) or from stdin, never from the command line.
"""

from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path

import click

from twoway import accounts
from twoway.accounts import Member, sessions, tokens
from twoway.cli.base import App, cli, json_option, pass_app, stdin_is_tty
from twoway.cli.output import echo, emit_json, err_console, say, table
from twoway.clock import ts_to_iso
from twoway.errors import Conflict, InputError
from twoway.views.encode import jsonable


@cli.group()
def team() -> None:
    """A team server: members who each log in and see their own network (`twoway team init` to begin)."""


def _me(app: App) -> Member:
    member = app.member()
    if member is None:
        raise Conflict("this database is not a team server: `twoway team init --admin EMAIL` makes it one")
    return member


def _admin(app: App) -> Member:
    member = _me(app)
    app.require_admin("that")
    return member


def _print_invitation(code: str, url: str | None) -> None:
    """The code and the link, each on a line of its own so they copy whole."""
    echo(f"Invitation code: {code}")
    echo(f"Set the password at: {url.rstrip('/') if url else ''}/setup?code={code}")
    echo(f"           or with: twoway team password {code}")


@team.command("init")
@click.option("--admin", "email", required=True, metavar="EMAIL", help="The first admin's e-mail address.")
@click.option("--url", metavar="URL", help="The dashboard's address, to print the invitation as a link.")
@json_option
@pass_app
def init(app: App, email: str, url: str | None, as_json: bool) -> None:
    """Make this database a team server with its first admin, and print their invitation to set a password.

    A database holding one network gives it to the admin; from then on every command needs a member's API
    token. Example: twoway --db postgresql://host/team team init --admin ada@example.com
    """
    with app.store.begin() as conn:
        if accounts.is_team(conn):
            raise Conflict("this database is a team server already; admins add members with `twoway team add`")
        ids = [int(i) for (i,) in conn.exec_driver_sql("SELECT id FROM owners ORDER BY id")]
        accounts.mark_team(conn)
        member, code = accounts.add_member(conn, email, admin=True, owner_id=ids[0] if len(ids) == 1 else None)
    if as_json:
        emit_json({"member": member.to_dict(), "invite_code": code})
        return
    if app.store.dialect == "sqlite":
        err_console().print("Note: a team server is meant for PostgreSQL; SQLite is fine for trying it.",
                            markup=False)
    say(f"This database is now a team server; {member.email} is its admin (owner #{member.owner_id}).")
    _print_invitation(code, url)
    say("Then `twoway team token --new LABEL` makes an API token for the command line (TWOWAY_TOKEN).")


@team.command("add")
@click.argument("email")
@click.option("--admin", is_flag=True, help="Make the member an admin too.")
@click.option("--url", metavar="URL", help="The dashboard's address, to print the invitation as a link.")
@json_option
@pass_app
def add(app: App, email: str, admin: bool, url: str | None, as_json: bool) -> None:
    """Add a member (admins only) and print their one-time invitation to set a password."""
    _admin(app)
    with app.store.begin() as conn:
        member, code = accounts.add_member(conn, email, admin=admin)
    if as_json:
        emit_json({"member": member.to_dict(), "invite_code": code})
        return
    say(f"Added {member.email}{' (admin)' if admin else ''}; their network is owner #{member.owner_id}.")
    _print_invitation(code, url)
    say("Send it to them privately; it works once.")


@team.command("invite")
@click.argument("email")
@click.option("--url", metavar="URL", help="The dashboard's address, to print the invitation as a link.")
@json_option
@pass_app
def reinvite(app: App, email: str, url: str | None, as_json: bool) -> None:
    """A new invitation for a member to set (or reset) their password (admins only)."""
    _admin(app)
    with app.store.begin() as conn:
        member = accounts.by_email(conn, email)
        code = accounts.invite(conn, member.id)
    if as_json:
        emit_json({"member": member.to_dict(), "invite_code": code})
        return
    _print_invitation(code, url)
    say("Earlier codes for them no longer work.")


@team.command("remove")
@click.argument("email")
@click.option("--export-to", "export_to", type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
              help="First write everything that leaves with them to DIR/<email>.json.")
@json_option
@pass_app
def remove(app: App, email: str, export_to: Path | None, as_json: bool) -> None:
    """Remove a member with all their data, in one transaction (admins only).

    Every row under their owner id goes, in every table that has one; people nobody else knows go too.
    """
    me = _admin(app)
    with app.store.begin() as conn:
        member = accounts.by_email(conn, email)
        if member.id == me.id:
            raise Conflict("you cannot remove yourself; another admin can")
        written = None
        if export_to is not None:
            export_to.mkdir(parents=True, exist_ok=True)
            written = export_to / f"{member.email}.json"
            data = jsonable(accounts.member_data(conn, member))
            written.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
        deleted = accounts.remove_member(conn, member)
    if as_json:
        emit_json({"removed": member.email, "deleted": deleted, "exported_to": str(written) if written else None})
        return
    say(f"Removed {member.email}: {sum(deleted.values()):,} rows deleted"
        + (f"; their data was written to {written} first." if written else "."))


@team.command("list")
@json_option
@pass_app
def list_(app: App, as_json: bool) -> None:
    """The team's members."""
    _me(app)
    with app.store.connect() as conn:
        found = accounts.all_members(conn)
    if as_json:
        emit_json([m.to_dict() for m in found])
        return
    table(["id", "e-mail", "admin", "password set", "owner"],
          [[m.id, m.email, "yes" if m.is_admin else "", "yes" if m.has_password else "not yet", m.owner_id]
           for m in found], wide=1)


def _read_secret(prompt: str, confirm: bool) -> str:
    """A password from the terminal (not echoed, asked twice to set one) or the first line of stdin."""
    if not stdin_is_tty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(f"{prompt}: ")
    if confirm and getpass.getpass(f"{prompt} again: ") != first:
        raise InputError("the two passwords differ; nothing was changed")
    return first


@team.command("password")
@click.argument("code")
@pass_app
def password(app: App, code: str) -> None:
    """Set your password from an invitation code (asked for, never shown; or the first line of stdin)."""
    secret = _read_secret("New password", confirm=True)
    with accounts.quiet_write(app.store) as conn:
        member = accounts.set_password(conn, code, secret)
    say(f"Password set for {member.email}. Log in on the dashboard, or `twoway team token --new LABEL`.")


@team.command("token")
@click.option("--new", "label", metavar="LABEL", help="Make a new API token labelled LABEL (e.g. laptop).")
@click.option("--revoke", "revoke_id", type=click.IntRange(1), metavar="ID", help="Revoke your token ID.")
@json_option
@pass_app
def token(app: App, label: str | None, revoke_id: int | None, as_json: bool) -> None:
    """Your API tokens: list them, make one (`--new LABEL`; without a token yet, asks your e-mail and password),
    or revoke one."""
    if label is not None and not app.api_token:
        email = input("E-mail: ") if stdin_is_tty() else sys.stdin.readline().strip()
        member = accounts.authenticate(app.store, email, _read_secret("Password", confirm=False),
                                       client=f"cli:{getpass.getuser()}")
    else:
        member = _me(app)
    with accounts.quiet_write(app.store) as conn:
        if label is not None:
            made = tokens.issue_token(conn, member.id, label)
        elif revoke_id is not None:
            tokens.revoke(conn, member.id, revoke_id)
        found = tokens.of_member(conn, member.id)
    if label is not None:
        if as_json:
            emit_json({"token": made, "label": label})
            return
        echo(made)
        say("Keep it secret; it is shown only now. Use it with: export TWOWAY_TOKEN=<token>")
        return
    if as_json:
        emit_json([t.to_dict() for t in found])
        return
    if revoke_id is not None:
        say(f"Token #{revoke_id} revoked.")
    table(["id", "label", "made", "last used"],
          [[t.id, t.label, ts_to_iso(t.created_at), ts_to_iso(t.last_used_at) if t.last_used_at else "never"]
           for t in found], wide=1)


@team.command("sessions")
@click.option("--revoke", "revoke_id", type=click.IntRange(1), metavar="ID", help="Log out your session ID.")
@json_option
@pass_app
def sessions_cmd(app: App, revoke_id: int | None, as_json: bool) -> None:
    """Your live dashboard sessions (logins); `--revoke ID` logs one out."""
    member = _me(app)
    with accounts.quiet_write(app.store) as conn:
        if revoke_id is not None:
            sessions.revoke(conn, member.id, revoke_id)
        found = sessions.of_member(conn, member.id)
    if as_json:
        emit_json([s.to_dict() for s in found])
        return
    if revoke_id is not None:
        say(f"Session #{revoke_id} logged out.")
    table(["id", "began", "last seen", "from", "browser"],
          [[s.id, ts_to_iso(s.created_at), ts_to_iso(s.last_seen_at), s.client or "", s.user_agent or ""]
           for s in found])


