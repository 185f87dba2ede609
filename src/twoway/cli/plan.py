"""`twoway week`, `twoway snooze` and `twoway drafts`: whom to reach this week and what to say."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from twoway import clock, people
from twoway import plan as plan_mod
from twoway.cli.base import DAY, OUT_FILE, App, cli, json_option, pass_app
from twoway.cli.output import echo, emit_json, say, table
from twoway.plan import calendar as calendar_ics
from twoway.plan import drafts

TABLE_ROWS = 100


def _kinds_line(plan: plan_mod.WeekPlan) -> str:
    words = {  # one, many
        "reply": ("reply owed", "replies owed"), "welcome": ("batch of new connections", "batches of new connections"),
        "thank": ("thank-you", "thank-yous"), "follow_up": ("follow-up", "follow-ups"), "retry": ("retry", "retries"),
        "congratulate": ("congratulation", "congratulations"), "check_in": ("check-in", "check-ins"),
        "reconnect": ("reconnect", "reconnects"), "reintroduce": ("re-introduction", "re-introductions"),
    }
    parts = [f"{n} {words[k][0 if n == 1 else 1]}" for k, n in plan.counts.items()]
    return ", ".join(parts) or "nothing to do"


@cli.command()
@click.option("--week-of", type=DAY, metavar="DATE", help="Plan the week holding this day (YYYY-MM-DD).")
@click.option("--ics", "ics_path", type=OUT_FILE, metavar="FILE",
              help="Also write the week as an iCalendar file for your calendar program.")
@click.option("--ics-per", type=click.Choice(["item", "day"]), default="item", show_default=True,
              help="One all-day event per person, or one per day listing everyone.")
@click.option("--drafts", "show_drafts", is_flag=True, help="Print each draft under the table.")
@click.option("--limit", type=click.IntRange(1), default=TABLE_ROWS, show_default=True,
              help="Rows shown in the table, in plan order (--json and --ics always hold the whole week).")
@click.option("--all", "show_all", is_flag=True,
              help="Every item, past the weekly budget too (weekly_items): what waits, in the order it comes.")
@json_option
@pass_app
def week(app: App, week_of: date | None, ics_path: Path | None, ics_per: str, show_drafts: bool,
         limit: int, show_all: bool, as_json: bool) -> None:
    """The week's plan, a budget of items (weekly_items, 25) filled by value: replies owed, new connections
    to thank, retries, check-ins from the yearly rotation, congratulations; each with its reason and a draft.

    Examples: twoway week; twoway week --drafts; twoway week --week-of 2025-01-06 --ics week.ics
    """
    with app.read() as (conn, owner):
        plan = plan_mod.build_week(conn, owner.id, week_of=week_of, all_items=show_all)
    if ics_path is not None:
        count = calendar_ics.write_calendar(
            ics_path, calendar_ics.week_events(plan, per=ics_per),
            name=f"twoway: week of {plan.week_start.isoformat()}", stamp=clock.now(),
        )
        if not as_json:
            say(f"wrote {count} event{'s' if count != 1 else ''} to {ics_path}")
    if as_json:
        emit_json(plan.to_dict())
        return
    title = f"Week of {plan.week_start.isoformat()} to {plan.week_end.isoformat()}: {_kinds_line(plan)}"
    caption = plan_mod.coverage_words(plan)
    # A large network's week runs to hundreds of items; laying them all out costs seconds and helps nobody.
    shown = plan.items if show_all else plan.items[:limit]
    if len(shown) < len(plan.items):
        caption += f"; showing the first {len(shown)} of {len(plan.items)} (--all for every one)"
    table(
        ["day", "to do", "company", "why", "strength"],
        [
            [item.day.strftime("%a %d %b"), item.action, item.company or "",
             item.reason + (f"; {item.why_now}" if item.why_now else ""),
             "" if item.strength is None else f"{item.strength:.0f}"]
            for item in shown
        ],
        title=title,
        caption=caption, wide=3, drop=(2, 4),
    )
    if show_drafts:
        for item in shown:
            if item.draft:
                # Plain echo, not the console: a draft must copy out exactly, without wrapping.
                echo(f"\n── {item.action} ({item.url or 'no profile link'})")
                echo(item.draft)


@cli.command()
@click.argument("person")
@click.option("--until", type=DAY, metavar="DATE", help="Leave them out of the plan until this day.")
@click.option("--wake", is_flag=True, help="End a snooze now.")
@click.option("--note", help="Why, for your own records.")
@pass_app
def snooze(app: App, person: str, until: date | None, wake: bool, note: str | None) -> None:
    """Keep PERSON out of the weekly plan until a date (name, part of a name, profile URL or #id).

    Examples: twoway snooze "Ada Lovelace" --until 2025-09-01; twoway snooze '#42' --wake
    """
    if bool(until) == wake:
        raise click.UsageError("give either --until DATE or --wake")
    with app.write() as (conn, owner):
        ref = people.resolve(conn, owner.id, person)
        plan_mod.snooze(conn, owner.id, ref.id, until, note=note)
    say(f"{ref.label()}: back in the plan now" if wake else f"{ref.label()}: snoozed until {until}")


@cli.group("drafts", invoke_without_command=True)
@click.option("--edit-folder", is_flag=True,
              help="Copy the default templates into your data folder (keeping any you edited) and print it.")
@json_option
@click.pass_context
def drafts_group(ctx: click.Context, edit_folder: bool, as_json: bool) -> None:
    """The message templates behind every draft, and drafts for one person.

    Templates are text files with {placeholders}; a line whose placeholder is unknown for a person
    is left out, and a line starting with | is used only when the line above was left out. Your
    edited copies (in the folder `--edit-folder` prints) win over the defaults.

    Examples: twoway drafts; twoway drafts --edit-folder; twoway drafts write check_in "Ada"
    """
    if ctx.invoked_subcommand is not None:
        return
    if edit_folder:
        folder, copied = drafts.copy_defaults()
        if as_json:
            emit_json({"folder": str(folder), "copied": [str(p) for p in copied]})
            return
        say(f"{len(copied)} default template{'s' if len(copied) != 1 else ''} copied; edit them in:")
        say(str(folder))
        return
    rows = drafts.available()
    if as_json:
        emit_json({"folder": str(drafts.user_folder()), "templates": rows, "placeholders": drafts.PLACEHOLDERS})
        return
    table(["template", "source", "file", "unknown placeholders"],
          [[r["kind"], r["source"], r["path"], r["unknown_placeholders"]] for r in rows],
          caption="placeholders: " + ", ".join("{" + p + "}" for p in drafts.PLACEHOLDERS))


@drafts_group.command("write")
@click.argument("kind")
@click.argument("person")
@json_option
@pass_app
def drafts_write(app: App, kind: str, person: str, as_json: bool) -> None:
    """Write the KIND draft (check_in, reconnect, congratulate…) for PERSON from what is known.

    Example: twoway drafts write congratulate "Ada Lovelace"
    """
    with app.read() as (conn, owner):
        ref = people.resolve(conn, owner.id, person)
        text_ = plan_mod.draft_for(conn, owner.id, ref.id, kind)
    if as_json:
        emit_json({"person": ref.to_dict(), "kind": kind, "draft": text_})
        return
    echo(text_)
