"""`twoway demo`: see the product at once on a realistic synthetic network."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.progress import BarColumn, Progress, TextColumn

from twoway.cli.base import App, cli, json_option, pass_app
from twoway.cli.output import emit_json, err_console, say
from twoway.generator import ERAS, LATEST
from twoway.generator.demo import HISTORY_DAYS, run_demo
from twoway.generator.demo import Progress as ProgressFn


@contextmanager
def _progress(enabled: bool) -> Iterator[ProgressFn | None]:
    """A bar on stderr while a person watches; silent for pipes, tests and --json."""
    if not enabled:
        yield None
        return
    bar = Progress(TextColumn("{task.description}", markup=False), BarColumn(), console=err_console(),
                   transient=True)
    task = bar.add_task("starting", total=None)

    def report(stage: str, done: int, total: int) -> None:
        bar.update(task, description=stage, completed=done, total=total)

    with bar:
        yield report


@cli.command()
@click.option("--connections", type=click.IntRange(10, 30_000), default=1500, show_default=True,
              help="How many connections the synthetic owner has.")
@click.option("--years", type=click.IntRange(1, 25), default=10, show_default=True,
              help="Over how many years the network grew.")
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same network.")
@click.option("--era", type=click.Choice(ERAS), default=LATEST, show_default=True,
              help="Which year's export format to write.")
@click.option("--history-days", type=click.IntRange(0, 365), default=HISTORY_DAYS, show_default=True,
              help="Import an earlier export taken this many days ago first, so the changes between "
                   "exports show (new, removed, job changes, replies); 0 imports today's alone.")
@click.option("--keep-export", type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
              help="Also keep the generated export (a zip) in DIR.")
@json_option
@pass_app
def demo(app: App, connections: int, years: int, seed: int, era: str, history_days: int,
         keep_export: Path | None, as_json: bool) -> None:
    """Generate realistic synthetic LinkedIn exports of one owner (an earlier one and today's),
    import both into a demo database, and show what changed and what to try next. Nothing real is
    used and nothing leaves this machine.

    The demo database is demo.db in the data folder (rebuilt on every run) unless --db or
    TWOWAY_DB names another; a database holding a real network is never touched. Every command
    then shows the demo until you import an export of your own (`twoway where` says which).

    Example: twoway demo --connections 500
    """
    with _progress(not as_json and sys.stderr.isatty()) as report:
        result = run_demo(app.db, connections=connections, years=years, seed=seed, era=era,
                          history_days=history_days, keep_export=keep_export, progress=report)
    if as_json:
        emit_json(result.to_dict())
        return
    export, summary = result.export, result.summary
    say(f"Demo network of {export.owner_name}: {export.connections:,} connections over {years} years, "
        f"{export.messages:,} messages, exported {export.exported_on} ({export.era} format).")
    if app.db:
        note = ""
    elif result.in_use:
        note = (" (rebuilt on each run). Every command now shows the demo until you import an export of "
                "your own; your own database is untouched")
    else:
        note = " (your own database holds your imports, so the commands below name the demo with --db)"
    say(f"Database: {result.database}{note}")
    if result.kept_export:
        kept = [result.earlier.path] if result.earlier is not None else []
        say(f"Exports kept at: {', '.join(str(p) for p in [*kept, result.kept_export])}")
    if result.earlier is not None:
        say(f"Imported two exports: {result.earlier.exported_on} first, then today's ({export.exported_on}).")
    if result.changes is not None:
        for line in result.changes.lines():
            say(line)
    else:
        for line in summary.lines()[1:]:
            say(line)
    for line in result.channel_lines():
        say(line)
    # Commands go out verbatim, never wrapped, so they work when pasted.
    click.echo("\nWhat to try next:")
    for command, shows in result.next_steps:
        click.echo(f"  {command}    # {shows}")
