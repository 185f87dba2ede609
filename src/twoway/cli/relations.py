"""Relationships on the command line: log, tag, tags, note, state, states, strength."""

from __future__ import annotations

from datetime import date

import click

from twoway import states, strength, views
from twoway.cli.base import App, cli, json_option, pass_app
from twoway.cli.output import SCREENFUL, emit_json, say, table
from twoway.people import interactions, tags
from twoway.words import date_words


def _day(d: date | None) -> str:
    return "" if d is None else date_words(d)


def _state_line(row: views.StateRow) -> str:
    v = row.verdict
    return f"{row.full_name}: {states.LABELS[v.state]}. {v.reason}"


@cli.command("log")
@click.argument("person")
@click.option("--sent", "kind_", flag_value="sent", help="You sent them a message.")
@click.option("--received", "kind_", flag_value="received", help="They sent you a message.")
@click.option("--met", "kind_", flag_value="met", help="You met (counts as contact both ways).")
@click.option("--call", "kind_", flag_value="call", help="You spoke on the phone or a video call (both ways).")
@click.option("--email", "by_email", is_flag=True, help="The message was an e-mail (with --sent/--received).")
@click.option("--on", "on", metavar="DATE", help="When: YYYY-MM-DD, 'yesterday' or 'N days ago' (default today).")
@click.option("--note", metavar="TEXT", help="What it was about.")
@json_option
@pass_app
def log_cmd(app: App, person: str, kind_: str | None, by_email: bool, on: str | None, note: str | None,
            as_json: bool) -> None:
    """Log something that happened outside the export: a message, an e-mail, a meeting or a call.

    Back-dated entries count at their own date: logging their answer closes your open attempts.

    Examples: twoway log "Ada Lovelace" --met --on 2026-03-02 --note "coffee at the conference";
    twoway log '#42' --received --email --on yesterday
    """
    if kind_ is None:
        raise click.UsageError("say what happened: --sent, --received, --met or --call")
    if by_email and kind_ not in ("sent", "received"):
        raise click.UsageError("--email goes with --sent or --received")
    kind = {"sent": "message", "received": "message", "met": "meeting", "call": "call"}[kind_]
    if by_email:
        kind = "email"
    direction = "in" if kind_ == "received" else "out"
    day = interactions.parse_day(on) if on else None
    with app.write() as (conn, owner):
        result = views.record(conn, owner.id, person, kind, direction, day, note)
    if as_json:
        emit_json(result.to_dict())
        return
    what = {"sent": "message to", "received": "message from", "met": "meeting with", "call": "call with"}[kind_]
    if by_email:
        what = what.replace("message", "e-mail")
    say(f"Logged: {what} {result.person.full_name} on {_day(result.logged.on)}.")
    if result.verdict is not None:
        say(f"Now {states.LABELS[result.verdict.state]}: {result.verdict.reason}")


@cli.command("tag")
@click.argument("person")
@click.argument("tag_names", metavar="TAG...", nargs=-1, required=True)
@click.option("--remove", is_flag=True, help="Remove these tags instead of adding them.")
@json_option
@pass_app
def tag_cmd(app: App, person: str, tag_names: tuple[str, ...], remove: bool, as_json: bool) -> None:
    """Tag a connection. Tags set cadences (tag_cadences) and protect from pruning (protected_tags).

    Examples: twoway tag "Ada Lovelace" "inner circle" mentor; twoway tag '#42' investor --remove
    """
    with app.write() as (conn, owner):
        change = views.tag_person(conn, owner.id, person, tag_names, remove=remove)
    if as_json:
        emit_json(change.to_dict())
        return
    verb = "Removed" if remove else "Added"
    changed = ", ".join(change.changed) or "nothing (no change)"
    say(f"{verb} {changed} for {change.full_name}.")
    say(f"Tags now: {', '.join(change.tags) or '(none)'}; check in every {change.cadence_days} days"
        + ("; protected from pruning." if change.protected else "."))


@cli.command("tags")
@click.argument("tag", required=False)
@json_option
@pass_app
def tags_cmd(app: App, tag: str | None, as_json: bool) -> None:
    """List the tags in use with their cadence and protection, or the people carrying TAG.

    Examples: twoway tags; twoway tags "inner circle" --json
    """
    with app.read() as (conn, owner):
        if tag:
            carriers = tags.people_with_tag(conn, owner.id, tag)
        else:
            summary = views.all_tags(conn, owner.id, app.settings())
    if tag:
        if as_json:
            emit_json([{"person_id": i, "full_name": n, "company": c} for i, n, c in carriers])
            return
        table(["#", "name", "company"], [[i, n, c] for i, n, c in carriers],
              caption=f"{len(carriers)} people tagged {tags.normalise_tag(tag)!r}")
        return
    if as_json:
        emit_json([s.to_dict() for s in summary])
        return
    table(["tag", "people", "cadence (days)", "protected"],
          [[s.tag, s.people, s.cadence_days or "default", "yes" if s.protected else ""] for s in summary],
          caption="cadences: twoway settings tag_cadences; protection: twoway settings protected_tags")


@cli.command("note")
@click.argument("person")
@click.argument("text_", metavar="TEXT", required=False)
@click.option("--edit", "edit_id", type=click.IntRange(1), metavar="ID", help="Replace note ID's text with TEXT.")
@click.option("--delete", "delete_id", type=click.IntRange(1), metavar="ID", help="Take note ID out of the notes.")
@click.option("--history", is_flag=True, help="List every note ever written, edited and deleted ones too.")
@json_option
@pass_app
def note_cmd(app: App, person: str, text_: str | None, edit_id: int | None, delete_id: int | None, history: bool,
             as_json: bool) -> None:
    """Add a note about a connection (how you met, interests, goals), list their notes, or edit or
    delete one by its id.

    Nothing you write is lost: an edit keeps the old text (marked superseded) beside the new one, and a
    deleted note stays in --history.

    Examples: twoway note "Ada Lovelace" "met at PyCon; wants intros to climate funds"; twoway note '#42';
    twoway note '#42' --edit 7 "met at PyCon 2025"; twoway note '#42' --delete 7
    """
    if edit_id is not None and delete_id is not None:
        raise click.UsageError("--edit and --delete go one at a time")
    if delete_id is not None and text_ is not None:
        raise click.UsageError("--delete takes no TEXT")
    if edit_id is not None and text_ is None:
        raise click.UsageError("--edit ID needs the note's new TEXT")
    if text_ is not None and not text_.strip():
        raise click.UsageError("the note is empty")
    writes = text_ is not None or delete_id is not None
    with (app.write() if writes else app.read()) as (conn, owner):
        result = views.note_person(conn, owner.id, person, text_, edit=edit_id, delete=delete_id, history=history)
    if as_json:
        emit_json(result.to_dict())
        return
    if result.added is not None:
        if delete_id is not None:
            say(f"Deleted note {delete_id} about {result.full_name} (kept in `twoway note {person} --history`).")
        elif edit_id is not None:
            say(f"Edited: note {edit_id} about {result.full_name} is now note {result.added.id}; the old text is kept.")
        else:
            say(f"Noted for {result.full_name} (note {result.added.id}).")
        return
    if not result.notes:
        say(f"No notes about {result.full_name} yet.")
        return
    columns = ["id", "when", "note"] + (["status"] if history else [])
    table(columns, [[n.id, n.created_at[:10], n.body] + ([n.status] if history else []) for n in result.notes],
          title=f"Notes about {result.full_name}", wide=2)


@cli.command("state")
@click.argument("person")
@json_option
@pass_app
def state_cmd(app: App, person: str, as_json: bool) -> None:
    """The relationship state of one connection, with its reason.

    Example: twoway state "Ada Lovelace"
    """
    with app.read() as (conn, owner):
        row = views.state_for(conn, owner.id, person)
    if as_json:
        emit_json(row.to_dict())
        return
    v = row.verdict
    say(_state_line(row))
    facts = [
        ("connected", _day(v.connected_on)), ("last from them", _day(v.last_in)),
        ("last from you", _day(v.last_out)), ("last two-way", _day(v.last_two_way)),
        ("open attempts", str(v.attempts) if v.attempts else ""), ("next try from", _day(v.next_try_on)),
        ("next check-in", _day(v.due_on)), ("cadence", f"{v.cadence_days} days"),
        ("tags", ", ".join(v.tags)), ("protected", "yes" if v.protected else ""),
    ]
    for label, value in facts:
        if value:
            say(f"  {label}: {value}")


@cli.command("states")
@click.option("--state", "only", multiple=True, type=click.Choice(states.STATES),
              help="Only connections in this state (repeatable).")
@click.option("--tag", help="Only connections with this tag.")
@click.option("--limit", type=click.IntRange(0), default=None,
              help="Show at most this many rows (0: all; default: a screenful, and --json all).")
@click.option("--all", "show_all", is_flag=True, help="Every connection, not the first screenful.")
@json_option
@pass_app
def states_cmd(app: App, only: tuple[str, ...], tag: str | None, limit: int | None, show_all: bool,
               as_json: bool) -> None:
    """List connections with their relationship state and the reason, and the count per state.

    Examples: twoway states --state owe_reply --state awaiting_reply; twoway states --tag "inner circle" --json
    """
    with app.read() as (conn, owner):
        rows, counts = views.list_states(conn, owner.id, only=only, tag=tag)
    if as_json:
        shown = rows[:limit] if limit else rows
        emit_json({"counts": counts, "total": len(rows), "connections": [r.to_dict() for r in shown]})
        return
    table(
        ["#", "name", "state", "why", "attempts", "next try", "check-in due"],
        [[r.verdict.person_id, r.full_name, states.LABELS[r.verdict.state], r.verdict.reason,
          r.verdict.attempts or "", _day(r.verdict.next_try_on), _day(r.verdict.due_on)] for r in rows],
        caption=" · ".join(f"{states.LABELS[s]} {n}" for s, n in counts.items() if n),
        wide=3, drop=(4, 6, 5, 0), limit=limit or (None if show_all or limit == 0 else SCREENFUL),
    )


_PARTS_GIVE_WAY = ("endorsements", "channels", "duration", "reciprocity", "responsiveness", "frequency", "recency")


@cli.command("strength")
@click.argument("person", required=False)
@click.option("--top", type=click.IntRange(1), default=20, show_default=True,
              help="Without PERSON: how many of the strongest ties to list.")
@click.option("--weakest", is_flag=True, help="Without PERSON: list the weakest ties instead.")
@json_option
@pass_app
def strength_cmd(app: App, person: str | None, top: int, weakest: bool, as_json: bool) -> None:
    """Relationship strength (0-100) of one connection part by part, or the strongest ties.

    Weights are the setting strength_weights; mutual connections (structural) are shown apart.

    Examples: twoway strength "Ada Lovelace"; twoway strength --top 50 --json
    """
    with app.read() as (conn, owner):
        if person:
            report = views.strength_for(conn, owner.id, person)
        else:
            ranked = views.ranking(conn, owner.id, limit=top, weakest=weakest)
    if not person:
        if as_json:
            emit_json([r.to_dict() for r in ranked])
            return
        table(["#", "name", "company", "strength", *strength.PARTS],
              [[r.strength.person_id, r.full_name, r.company, r.strength.score,
                *(f"{r.strength.parts[p]:.2f}" if p in r.strength.used else "—" for p in strength.PARTS)]
               for r in ranked],
              caption="parts are 0-1 before weighting, — where there is no evidence; twoway strength PERSON "
                      "explains one",
              # the name gets the room; the parts that say least about a tie give way first, then the company
              wide=1, drop=(*tuple(4 + strength.PARTS.index(p) for p in _PARTS_GIVE_WAY), 2))
        return
    if as_json:
        emit_json(report.to_dict())
        return
    s = report.strength
    say(f"{report.full_name}: strength {s.score}/100")
    contributions = report.contributions()
    table(["part", "value (0-1)", "weight", "points"],
          [[p, f"{s.parts[p]:.2f}", f"{report.weights[p] * 100:.0f}%", f"{contributions[p]:.1f}"]
           if p in s.used else [p, "—", "no evidence", ""] for p in strength.PARTS])
    if s.structural is not None:
        say(f"Structural (apart from the score): {s.structural:.2f}"
            + (f", {s.mutual_connections} mutual connections" if s.mutual_connections is not None else ""))
    for reason in s.reasons:
        say(f"  {reason}")
