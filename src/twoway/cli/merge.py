"""`twoway merge`: the people who are likely the same person across sources, for the owner to confirm."""

from __future__ import annotations

import click

from twoway import views
from twoway.cli.base import App, cli, emit_json, json_option, pass_app, say, table


@cli.command("merge")
@click.option("--all", "show_all", is_flag=True, help="Also the suggestions already accepted or rejected.")
@json_option
@pass_app
def merge_cmd(app: App, show_all: bool, as_json: bool) -> None:
    """List likely matches between a connection and someone met in an address book, mail or a calendar
    (same name, same name and company). Exact matches (profile URL, e-mail address) were merged on import.

    Example: twoway merge --json
    """
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
