"""`twoway merge`: the people who are likely the same person across sources, for the owner to confirm."""

from __future__ import annotations

import click

from twoway import views
from twoway.cli.base import App, cli, emit_json, json_option, pass_app, say, table
from twoway.views import actions


@cli.command("merge")
@click.option("--all", "show_all", is_flag=True, help="Also the suggestions already accepted or rejected.")
@click.option("--accept", "accept_id", type=click.IntRange(1), metavar="ID",
              help="They are the same person: fold the other into the connection (history, addresses, notes).")
@click.option("--reject", "reject_id", type=click.IntRange(1), metavar="ID",
              help="They are different people: keep them apart and stop suggesting it.")
@json_option
@pass_app
def merge_cmd(app: App, show_all: bool, accept_id: int | None, reject_id: int | None, as_json: bool) -> None:
    """List likely matches between a connection and someone met in an address book, mail or a calendar
    (same name, same name and company), and accept or reject them by their #. Exact matches (profile URL,
    e-mail address) were merged on import.

    Examples: twoway merge; twoway merge --accept 3; twoway merge --reject 4; twoway merge --json
    """
    if accept_id and reject_id:
        raise click.UsageError("give --accept or --reject, not both")
    if accept_id or reject_id:
        with app.write() as (conn, owner):
            done = actions.merge_decide(conn, owner.id, accept_id or reject_id or 0,
                                              "accept" if accept_id else "reject")
        if as_json:
            emit_json(done)
        else:
            say(done["message"])
        return
    with app.read() as (conn, owner):
        found = views.merge_suggestions(conn, owner.id, status=None if show_all else "open")
    if as_json:
        emit_json([s.to_dict() for s in found])
        return
    if not found:
        say("No likely matches to confirm.")
        return
    table(["#", "connection", "may also be", "e-mail", "why", "status"],
          [[s.id, s.person_name, s.other_name, s.other_emails, s.reason, s.status] for s in found],
          caption=f"{len(found)} likely matches")
