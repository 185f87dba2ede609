"""`twoway merge`: the people who are likely the same person across sources, for the owner to confirm."""

from __future__ import annotations

import click

from twoway import views
from twoway.cli.base import App, cli, json_option, pass_app
from twoway.cli.output import emit_json, say, table
from twoway.views import actions


@cli.command("merge")
@click.option("--all", "show_all", is_flag=True, help="Also the suggestions already accepted or rejected.")
@click.option("--accept", "accept_id", type=click.IntRange(1), metavar="ID",
              help="They are the same person: fold the other into the connection (history, addresses, notes).")
@click.option("--reject", "reject_id", type=click.IntRange(1), metavar="ID",
              help="They are different people: keep them apart and stop suggesting it.")
@click.option("--done", "show_done", is_flag=True,
              help="List the merges made (on import by an exact match, or accepted by you), newest first.")
@click.option("--undo", "undo_id", type=click.IntRange(1), metavar="ID",
              help="Take back merge ID (from --done): both people as they were, with their own rows.")
@json_option
@pass_app
def merge_cmd(app: App, show_all: bool, accept_id: int | None, reject_id: int | None, show_done: bool,
              undo_id: int | None, as_json: bool) -> None:
    """List likely matches between a connection and someone met in an address book, mail or a calendar
    (same name, same name and company), and accept or reject them by their #. Exact matches (profile URL,
    e-mail address) were merged on import.

    Every merge can be undone: `twoway merge --done` lists them, `twoway merge --undo ID` takes one back.

    Examples: twoway merge; twoway merge --accept 3; twoway merge --reject 4; twoway merge --undo 2; twoway merge --json
    """
    if sum(bool(x) for x in (accept_id, reject_id, undo_id, show_done)) > 1:
        raise click.UsageError("give one of --accept, --reject, --undo and --done")
    if undo_id:
        with app.write() as (conn, owner):
            undone = actions.merge_undo(conn, owner.id, undo_id)
        if as_json:
            emit_json(undone)
        else:
            say(undone["message"])
        return
    if show_done:
        _list_done(app, as_json)
        return
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


def _list_done(app: App, as_json: bool) -> None:
    with app.read() as (conn, owner):
        done = views.merges_done(conn, owner.id)
    if as_json:
        emit_json([m.to_dict() for m in done])
        return
    if not done:
        say("No merges made yet.")
        return
    table(["#", "kept", "folded in", "why", "on", "undone"],
          [[m.id, f"{m.person_name} #{m.person_id}", f"{m.other_name} #{m.other_id}", m.reason, m.done_at[:10],
            (m.undone_at or "")[:10]] for m in done],
          caption=f"{len(done)} merge{'' if len(done) == 1 else 's'}; `twoway merge --undo ID` takes one back",
          wide=3, drop=(5, 4))
