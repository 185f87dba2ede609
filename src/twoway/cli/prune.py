"""`twoway prune`: candidates to prune with their reasons, reviewed one by one or by explicit flags."""

from __future__ import annotations

from pathlib import Path

import click

from twoway import csv_safe, states
from twoway import prune as prune_mod
from twoway.cli.base import OUT_FILE, App, cli, json_option, pass_app, stdin_is_tty
from twoway.cli.output import SCREENFUL, console, emit_json, label, say, table

KEYS = {"k": "keep", "h": "hide", "r": "remove", "s": None}


@cli.command()
@click.option("--review", is_flag=True, help="Go through the candidates one by one: k keep, h hide, r remove, "
                                             "s skip, q quit.")
@click.option("--keep", multiple=True, metavar="PERSON", help="Keep PERSON (no longer suggested).")
@click.option("--hide", multiple=True, metavar="PERSON", help="Hide PERSON: stays connected, leaves the plan.")
@click.option("--remove", multiple=True, metavar="PERSON",
              help="Record that you remove PERSON (you remove them on LinkedIn yourself).")
@click.option("--soured", multiple=True, metavar="PERSON", help="Mark the relationship with PERSON as soured.")
@click.option("--mended", multiple=True, metavar="PERSON", help="Take back a soured mark.")
@click.option("--all-hide", is_flag=True, help="Hide every listed candidate (needs --yes).")
@click.option("--yes", is_flag=True, help="Confirm a bulk change.")
@click.option("--reason", "reasons", multiple=True, type=click.Choice(prune_mod.REASON_CODES),
              help="Only candidates with this reason (repeatable).")
@click.option("--include-kept", is_flag=True, help="Also list people you chose to keep.")
@click.option("--all", "show_all", is_flag=True, help="List every candidate, not the first screenful.")
@click.option("--csv", "csv_path", type=OUT_FILE, metavar="FILE",
              help="Write the candidates with profile URLs to a CSV safe to open in a spreadsheet.")
@json_option
@pass_app
def prune(app: App, review: bool, keep: tuple[str, ...], hide: tuple[str, ...], remove: tuple[str, ...],
          soured: tuple[str, ...], mended: tuple[str, ...], all_hide: bool, yes: bool, reasons: tuple[str, ...],
          include_kept: bool, show_all: bool, csv_path: Path | None, as_json: bool) -> None:
    """Connections to consider pruning, on evidence only, each with its reasons: unresponsive after three
    attempts, only pitches, a re-introduction that went unanswered, outside your focus, soured, or looking
    fake (two signals about them). Never a word alone is no reason: see `twoway dormant`. Protected tags are
    never suggested, nobody in this week's plan is, and nothing changes in bulk without --yes.

    Examples: twoway prune; twoway prune --review; twoway prune --hide "Ada L" --keep '#12';
    twoway prune --reason unresponsive --all-hide --yes; twoway prune --csv prune.csv
    """
    flags = {"keep": keep, "hide": hide, "remove": remove, "soured": soured, "mended": mended}
    if any(flags.values()):
        with app.write() as (conn, owner):
            decided = prune_mod.decide_named(conn, owner.id, flags)
        for verdict, ref in decided:
            say(f"{verdict}: {ref.label()}")
        return
    with app.read() as (conn, owner):
        listing = prune_mod.find_candidates(conn, owner.id, include_kept=include_kept,
                                            reasons=set(reasons) if reasons else None)
    if csv_path is not None:
        count = csv_safe.write_csv(csv_path, prune_mod.CSV_HEADER, prune_mod.csv_rows(listing))
        if not as_json:
            say(f"wrote {count} candidate{'s' if count != 1 else ''} to {csv_path}")
    if all_hide:
        if not yes:
            raise click.UsageError(f"--all-hide would hide {len(listing.candidates)} connections; "
                                   "nothing was changed. Add --yes to confirm.")
        with app.write() as (conn, owner):
            n = prune_mod.decide_many(conn, owner.id, [c.person_id for c in listing.candidates], "hide",
                                      note="bulk hide from twoway prune")
        say(f"hid {n} connection{'s' if n != 1 else ''}; they stay connected and leave the plan")
        return
    if as_json:
        emit_json(listing.to_dict())
        return
    if review:
        if not stdin_is_tty():
            _show(listing, show_all)
            say("no terminal to read keys from: listed only, nothing changed")
            return
        _review(app, listing)
        return
    _show(listing, show_all)


def _show(listing: prune_mod.PruneList, show_all: bool = True) -> None:
    caption = (f"{len(listing.candidates)} of {listing.considered} connections; "
               f"{listing.protected_skipped} protected by tags and {listing.kept_skipped} kept are not shown. "
               "Decide with --review, or --keep/--hide/--remove PERSON")
    table(
        ["#", "name", "company", "state", "last contact", "reasons"],
        [
            [c.person_id, c.name + (" ⚑" if c.suspicious else ""), c.company or "",
             states.LABELS.get(c.state, label(c.state)),
             c.last_contact.isoformat() if c.last_contact else "never", c.reason_text]
            for c in listing.candidates
        ],
        title="Prune candidates",
        caption=caption, wide=5, drop=(2, 0, 4), limit=None if show_all else SCREENFUL,
    )


def _review(app: App, listing: prune_mod.PruneList) -> None:
    out = console()
    decided: dict[str, int] = {"keep": 0, "hide": 0, "remove": 0}
    total = len(listing.candidates)
    for n, c in enumerate(listing.candidates, 1):
        out.rule(f"{n}/{total}")
        say(f"{c.name}" + (f", {c.position}" if c.position else "") + (f" at {c.company}" if c.company else ""))
        say(c.url or "(no profile link)")
        for r in c.reasons:
            say(f"  • {r.text}")
        say("[k]eep  [h]ide  [r]emove  [s]kip  [q]uit ? ")
        key = ""
        while key not in ("k", "h", "r", "s", "q"):
            key = click.getchar().lower()
        if key == "q":
            break
        verdict = KEYS[key]
        if verdict is None:
            continue
        with app.write() as (conn, owner):
            prune_mod.decide(conn, owner.id, c.person_id, verdict)
        decided[verdict] += 1
        say(f"→ {verdict}")
    say(f"kept {decided['keep']}, hid {decided['hide']}, marked {decided['remove']} to remove "
        "(remove those on LinkedIn yourself)")


@cli.command()
@click.option("--hide", "hide_years", multiple=True, type=int, metavar="YEAR",
              help="Hide every dormant connection made in YEAR (repeatable; needs --yes).")
@click.option("--yes", is_flag=True, help="Confirm the bulk hide.")
@json_option
@pass_app
def dormant(app: App, hide_years: tuple[int, ...], yes: bool, as_json: bool) -> None:
    """Connections never spoken with, made more than dormant_years (3) ago, grouped by the year they were made:
    look a year over, then hide it in bulk if nobody there matters (they stay connected, out of the rotation).

    Examples: twoway dormant; twoway dormant --hide 2016 --hide 2017 --yes
    """
    if hide_years:
        if not yes:
            raise click.UsageError("--hide hides every dormant connection of those years; nothing was changed. "
                                   "Look with `twoway dormant` first, then add --yes.")
        with app.write() as (conn, owner):
            n = prune_mod.hide_dormant(conn, owner.id, hide_years)
        say(f"hid {n} dormant connection{'s' if n != 1 else ''}; they stay connected and leave the rotation")
        return
    with app.read() as (conn, owner):
        review = prune_mod.dormant(conn, owner.id)
    if as_json:
        emit_json(review.to_dict())
        return
    table(["year", "connections", "for example"],
          [[y.year, len(y.person_ids), ", ".join(y.sample)] for y in review.years],
          title=f"Dormant: never a word, connected over {review.older_than_years} years ago",
          caption=f"{review.total} connections; hide a year with --hide YEAR --yes")
