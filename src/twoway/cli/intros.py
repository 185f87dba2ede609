"""Introductions asked and given between team members: `twoway intro ask|requests|show|log` and the steps.

`twoway path` finds the routes; `twoway intro ask` asks the member on one of them. Each command is one
call into `twoway.introductions`.
"""

from __future__ import annotations

from typing import Any

import click

from twoway.cli.base import App, cli, json_option, pass_app
from twoway.cli.output import echo, emit_json, label, say, table

_NOTE_HELP = "A note for the other member (why, or what the person answered)."


@cli.group()
def intro() -> None:
    """Introductions between team members: ask a member who knows someone, and answer what you are asked.

    Find who can introduce you with `twoway path me PERSON`; then `twoway intro ask PERSON --via MEMBER`.
    """


@intro.command("ask")
@click.argument("person")
@click.option("--via", "via", required=True, metavar="MEMBER", help="The member who knows them (name or id).")
@click.option("--message", help="Your request to them (default: the request twoway drafts for this route).")
@click.option("--about", help="What you want to talk about, for the drafts.")
@json_option
@pass_app
def intro_ask(app: App, person: str, via: str, message: str | None, about: str | None, as_json: bool) -> None:
    """Ask the member VIA for an introduction to PERSON (a name, profile URL or #id).

    Example: twoway intro ask "Yuri Young" --via "Bob Baker" --about "your data platform"
    """
    from twoway import introductions

    with app.write() as (conn, owner):
        request = introductions.ask(conn, owner, person, via, message, about)
    if as_json:
        emit_json(request)
        return
    say(f"Asked {request.via.name} to introduce you to {request.person.name} (request #{request.id}).")
    say("Your request:\n")
    echo(request.message)


@intro.command("requests")
@json_option
@pass_app
def intro_requests(app: App, as_json: bool) -> None:
    """Introductions you asked for, and those you were asked for, newest first.

    Example: twoway intro requests
    """
    from twoway import introductions

    with app.read() as (conn, owner):
        listing = introductions.requests(conn, owner.id)
    if as_json:
        emit_json(listing)
        return
    for title, rows, who in (("Asked by me", listing.asked_by_me, "via"), ("Asked of me", listing.asked_of_me,
                                                                         "asker")):
        if not rows:
            say(f"{title}: none.")
            continue
        table(["#", "person", "member" if who == "via" else "asked by", "their tie", "status", "you can"],
              [[r.id, r.person.name, getattr(r, who).name, r.band or "", label(r.status), ", ".join(r.actions)]
               for r in rows], title=title, wide=4)


@intro.command("show")
@click.argument("request_id", metavar="ID", type=click.IntRange(min=1))
@json_option
@pass_app
def intro_show(app: App, request_id: int, as_json: bool) -> None:
    """One request with its texts: the request, the notes, and the note to forward once accepted.

    Example: twoway intro show 3
    """
    from twoway import introductions

    with app.read() as (conn, owner):
        request = introductions.view(conn, owner.id, request_id)
    if as_json:
        emit_json(request)
        return
    _show(request)


def _step(action: str, summary: str) -> None:
    @intro.command(action, help=f"{summary}\n\nExample: twoway intro {action} 3 --note \"…\"")
    @click.argument("request_id", metavar="ID", type=click.IntRange(min=1))
    @click.option("--note", help=_NOTE_HELP)
    @json_option
    @pass_app
    def command(app: App, request_id: int, note: str | None, as_json: bool) -> None:
        from twoway import introductions

        with app.write() as (conn, owner):
            request = introductions.act(conn, owner, request_id, action, note)
        if as_json:
            emit_json(request)
            return
        _show(request)


for _action, _summary in (
    ("accept", "Accept a request made of you: twoway drafts the note to forward to the person."),
    ("decline", "Decline a request made of you (say why with --note, if you like)."),
    ("forwarded", "Mark that you forwarded the note to the person."),
    ("agreed", "Record that the person agreed to be introduced."),
    ("refused", "Record that the person did not want an introduction."),
    ("withdraw", "Withdraw a request you made, while it is open."),
):
    _step(_action, _summary)


@intro.command("log")
@json_option
@pass_app
def intro_log(app: App, as_json: bool) -> None:
    """Who asked whom for which introduction, and every step since, newest first (your requests only).

    Example: twoway intro log
    """
    from twoway import introductions

    with app.read() as (conn, owner):
        entries = introductions.audit_log(conn, owner.id)
    if as_json:
        emit_json(entries)
        return
    if not entries:
        say("No introductions asked or given yet.")
        return
    table(["when (UTC)", "#", "who", "did", "person", "note"],
          [[e.at, e.request_id, e.actor.name, label(e.action), e.person.name, e.note or ""] for e in entries],
          title="Introductions: the log")


def _show(r: Any) -> None:
    say(f"#{r.id}: {r.asker.name} asked {r.via.name} to introduce them to {r.person.name} — {r.status_text}.")
    if r.band:
        say(f"{r.via.name}'s tie to {r.person.name}: {r.band}.")
    if r.note:
        say(f"Note: {r.note}")
    if r.actions:
        say("You can: " + ", ".join(r.actions) + f" (twoway intro ACTION {r.id}).")
    say("\nThe request:\n")
    echo(r.message)
    if r.blurb:
        say(f"\nThe note {'to forward' if r.side == 'asked_of_me' else r.via.name + ' forwards'} "
            f"to {r.person.name} (double opt-in):\n")
        echo(r.blurb)
