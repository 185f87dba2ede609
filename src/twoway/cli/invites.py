"""`twoway invites` (triage) and `twoway invite log|withdraw|draft|check|stats`."""

from __future__ import annotations

import sys
from datetime import date
from typing import Any

import click

from twoway.cli.base import DAY, App, cli, json_option, pass_app
from twoway.cli.output import emit_json, say, table
from twoway.errors import NotFound

_LABELS = {
    "accept": "accept", "accept_follow_up": "accept + follow up", "review": "review", "ignore": "ignore",
    "withdraw": "withdraw", "wait": "wait", "thank_and_follow_up": "thank + follow up", "none": "-",
}


def _reasons(item: dict[str, Any]) -> str:
    return "; ".join(f"{r['effect']} {r['text']}" if r["effect"] else r["text"] for r in item["reasons"])


def _reading_words(reading: dict[str, Any]) -> str:
    """A note's reading in one line: "personal note (en), naming event, talk; proposes a follow-up"."""
    words = f"{reading['kind']} note ({reading['language']})"
    if reading["shared"]:
        words += ", naming " + ", ".join(m.replace("_", " ") for m in reading["shared"])
    if reading["signals"]:
        words += "; signals: " + ", ".join(s.replace("_", " ") for s in reading["signals"])
    return words + ("; proposes a follow-up" if reading["asks"] else "")


def _note(message: str | None, width: int = 60) -> str:
    if not message or not message.strip():
        return "(no note)"
    flat = " ".join(message.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


@cli.command("invites")
@click.option("--all", "show_all", is_flag=True, help="Every invitation, not only those needing a decision.")
@click.option("--decide", nargs=2, metavar="PERSON accept|ignore|clear",
              help="Record your decision on PERSON's invitation (it overrides the recommendation).")
@json_option
@pass_app
def invites_cmd(app: App, show_all: bool, decide: tuple[str, str] | None, as_json: bool) -> None:
    """Triage invitations: what to accept, follow up, review or ignore; which sent ones to withdraw.

    Each recommendation comes with its reasons (+ for, - against). Your decisions are remembered.

    Examples: twoway invites; twoway invites --decide "Ann Lee" ignore; twoway invites --all --json
    """
    from twoway import invitations, people
    from twoway.invitations import triage

    if decide:
        query, verdict = decide
        if verdict not in (*invitations.VERDICTS, "clear"):
            raise click.BadParameter(f"{verdict!r} is not accept, ignore or clear", param_hint="--decide")
        with app.write() as (conn, owner):
            person = people.resolve(conn, owner.id, query)
            inv = invitations.decide(conn, owner.id, person.id, verdict)
        if not as_json:
            say(f"{inv.counterpart}: {verdict if verdict != 'clear' else 'decision cleared'} "
                f"(invitation of {inv.sent_on.isoformat()}, now {inv.status})")
    with app.read() as (conn, owner):
        data = triage.overview(conn, owner.id, include_all=show_all)
    if as_json:
        emit_json(data)
        return
    if data["incoming"]:
        table(["#", "from", "received", "status", "do", "note", "why"],
              [[i["person_id"], i["counterpart"], i["sent_on"], i["status"], _LABELS[i["recommendation"]],
                _note(i["message"]), _reasons(i)] for i in data["incoming"]],
              title="Invitations received", wide=6, drop=(5, 3, 0))
    else:
        say("No invitations received wait for a decision." if not show_all else "No invitations received.")
    if data["outgoing"]:
        table(["#", "to", "sent", "status", "do", "why"],
              [[i["person_id"], i["counterpart"], i["sent_on"], i["status"], _LABELS[i["recommendation"]],
                _reasons(i)] for i in data["outgoing"]],
              title="Invitations sent", wide=5, drop=(3, 0))
    say("Weekly budget: " + data["budget"]["message"])


@cli.group("invite")
def invite_group() -> None:
    """Log, withdraw, draft and check invitations; see what works."""


@invite_group.command("log")
@click.argument("person")
@click.option("--url", metavar="PROFILE_URL",
              help="Their LinkedIn profile, to invite someone not yet in your data (they become a person).")
@click.option("--sent", "direction", flag_value="out", help="You invited them.")
@click.option("--received", "direction", flag_value="in", help="They invited you.")
@click.option("--on", type=DAY, help="The day (YYYY-MM-DD); default today.")
@click.option("--note", help="The note that came with it.")
@json_option
@pass_app
def log_cmd(app: App, person: str, url: str | None, direction: str | None, on: date | None, note: str | None,
            as_json: bool) -> None:
    """Record an invitation the export does not show (yet), also to or from someone new (with --url).

    Examples: twoway invite log "Ann Lee" --sent --note "Hi Ann, we met at PyData"; twoway invite log
    "#42" --received --on 2026-03-01; twoway invite log "Nova Novak" --url linkedin.com/in/nova-novak --sent
    """
    from twoway import invitations
    from twoway.invitations import invitee

    if direction is None:
        raise click.UsageError("say which way: --sent or --received")
    with app.write() as (conn, owner):
        ref = invitee.find_or_add(conn, owner.id, person, url)
        logged = invitations.log_invitation(conn, owner.id, ref.id, direction, on=on, note=note)
    if as_json:
        emit_json(logged.to_dict())
        return
    inv = logged.invitation
    say(f"Logged: invitation {'to' if direction == 'out' else 'from'} {inv.counterpart} on {inv.sent_on.isoformat()}"
        f" (#{inv.id}).")
    for warning in logged.warnings:
        say(f"Warning: {warning}")


@invite_group.command("withdraw")
@click.argument("person")
@click.option("--on", type=DAY, help="The day you withdrew it; default today.")
@json_option
@pass_app
def withdraw_cmd(app: App, person: str, on: date | None, as_json: bool) -> None:
    """Record that you withdrew your pending invitation to PERSON (on LinkedIn).

    LinkedIn then blocks inviting them again for three weeks (setting invite_reinvite_block_days).

    Example: twoway invite withdraw "Ann Lee"
    """
    from twoway import invitations, people

    with app.write() as (conn, owner):
        ref = people.resolve(conn, owner.id, person)
        inv = invitations.withdraw(conn, owner.id, ref.id, on=on)
    if as_json:
        emit_json(inv.to_dict())
        return
    say(f"Withdrawn: the invitation to {inv.counterpart} of {inv.sent_on.isoformat()}.")


@invite_group.command("draft")
@click.argument("person")
@click.option("--url", metavar="PROFILE_URL",
              help="Their LinkedIn profile, to invite someone not yet in your data (they become a person).")
@click.option("--context", help="Where you met or why you want to connect, in your words.")
@json_option
@pass_app
def draft_cmd(app: App, person: str, url: str | None, context: str | None, as_json: bool) -> None:
    """Write a personalised invitation note for PERSON, checked against the note rules. Someone not
    yet in your data is named with --url: they become a person, so the invitation can be logged.

    Examples: twoway invite draft "Ann Lee" --context "we met at the PyData Berlin meetup";
    twoway invite draft "Nova Novak" --url linkedin.com/in/nova-novak --context "we met at PyData"
    """
    from twoway.invitations import coach as notes_coach
    from twoway.invitations import invitee

    with (app.write() if url else app.read()) as (conn, owner):
        ref = invitee.find_or_add(conn, owner.id, person, url)
        result = notes_coach.draft(conn, owner.id, ref.id, context=context)
    if as_json:
        emit_json(result.to_dict())
        return
    say(result.text)
    say(f"({result.check.length}/{result.check.limit} characters)")
    for issue in result.check.issues:
        say(f"{issue.severity}: {issue.message}")
    for warning in result.warnings:
        say(f"Warning: {warning}")


@invite_group.command("check")
@click.argument("note")
@click.option("--to", "to", metavar="PERSON",
              help="Who it is for, to check it greets them by name (someone not in your data: their name).")
@click.option("--limit", type=click.IntRange(1), help="Length limit (default: setting invite_note_limit).")
@click.option("--received", is_flag=True,
              help="Read NOTE as one you received from a stranger: what it reads as and what the triage says.")
@json_option
@pass_app
@click.pass_context
def check_cmd(ctx: click.Context, app: App, note: str, to: str | None, limit: int | None, received: bool,
              as_json: bool) -> None:
    """Lint an invitation note (use - to read it from standard input). Exits 1 when it has errors.

    Checks: length, greets the person by name, says where or why, is not LinkedIn's default text,
    is not a pitch, has no links or placeholders. It also says what the note reads as to its recipient.
    With --received, NOTE is one you received: it says what the note reads as and what the triage
    recommends for it from a stranger, with its reasons (and always exits 0).

    Examples: twoway invite check "Hi Ann, we met at PyData Berlin - would love to stay in touch.";
    twoway invite check --received "Hi, I enjoyed your talk at PyData. Coffee next week?"
    """
    from twoway import people
    from twoway.invitations import coach as notes_coach
    from twoway.invitations import triage

    body = sys.stdin.read() if note == "-" else note
    if received:
        with app.read() as (conn, owner):
            seen = triage.as_received(conn, owner.id, body)
        if as_json:
            emit_json(seen)
            return
        say(f"Reads as: {_reading_words(seen['reading'])}")
        say(f"Recommendation from a stranger: {_LABELS[seen['recommendation']]} ({_reasons(seen)})")
        return
    recipient = company = None
    if to:
        with app.read() as (conn, owner):
            try:
                ref = people.resolve(conn, owner.id, to)
                recipient, company = ref.full_name, ref.company
            except NotFound:  # someone new: the name as written is all there is to check against
                recipient = " ".join(to.split())
    result = notes_coach.check(body, recipient=recipient, recipient_company=company, limit=limit,
                               settings=app.settings() if limit is None else None)
    if as_json:
        emit_json(result.to_dict())
    else:
        say(f"{'OK' if result.ok else 'Needs work'}: {result.kind} note, {result.length}/{result.limit} characters")
        for issue in result.issues:
            say(f"{issue.severity}: {issue.message}")
        if result.reading is not None and result.length:
            say(f"Reads as: {_reading_words(result.reading.to_dict())}")
    if not result.ok:
        ctx.exit(1)


@invite_group.command("stats")
@json_option
@pass_app
def stats_cmd(app: App, as_json: bool) -> None:
    """What works: acceptance of personalised and blank notes, time to accept, per month; accepted, then silent.

    Example: twoway invite stats --json
    """
    from twoway.invitations import stats as invitation_stats

    with app.read() as (conn, owner):
        data = invitation_stats.acceptance_summary(conn, owner.id)
    if as_json:
        emit_json(data)
        return

    def pct(value: float | None) -> str:
        return "-" if value is None else f"{value:.0%}"

    rows = []
    for label, key in (("personalised note", "personalised"), ("blank or default", "blank")):
        g = data["by_note"][key]
        rows.append([label, g["sent"], g["accepted"], pct(g["rate"]), pct(g["settled_rate"]),
                     "-" if g["median_days_to_accept"] is None else g["median_days_to_accept"], g["pending"]])
    o = data["outgoing"]
    rows.append(["all", o["sent"], o["accepted"], pct(o["rate"]), pct(o["settled_rate"]),
                 "-" if o["median_days_to_accept"] is None else o["median_days_to_accept"], o["pending"]])
    table(["sent", "invitations", "accepted", "rate", "rate (settled)", "median days", "pending"], rows,
          title="Acceptance of your invitations")
    if data["by_month"]:
        table(["month", "sent", "accepted", "rate", "personalised", "blank"],
              [[m["month"], m["sent"], m["accepted"], pct(m["rate"]),
                f"{m['personalised']['accepted']}/{m['personalised']['sent']}",
                f"{m['blank']['accepted']}/{m['blank']['sent']}"] for m in data["by_month"][-12:]],
              title="Per month (last 12)")
    inc = data["incoming"]
    say(f"Received: {inc['received']} (accepted {inc['accepted']}, pending {inc['pending']}, ignored "
        f"{inc['ignored']}, expired {inc['expired']}); accepted, then silent: {inc['accepted_then_silent']}.")
    by_note = data["received_by_note"]
    table(["note", "received", "accepted", "ignored or expired", "pending", "you accept"],
          [[kind, r["received"], r["accepted"], r["declined"], r["pending"],
            pct(r["rate"]) if r["rate"] is not None else f"- (under {data['min_history']} decided)"]
           for kind, r in by_note.items()],
          title="Invitations you received, by note (the triage learns from these)")
    if data["accepted_then_silent"]:
        table(["#", "name", "accepted", "days since"],
              [[r["person_id"], r["name"], r["accepted_on"], r["days_since"]]
               for r in data["accepted_then_silent"][:20]],
              title="Accepted, then silent (write to them)")
    say("Weekly budget: " + data["budget"]["message"])
