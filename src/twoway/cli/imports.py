"""`twoway import PATH` and `twoway imports`: bring a LinkedIn export in, list what came in."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

from twoway.cli.base import App, cli, json_option, pass_app
from twoway.cli.output import emit_json, err_console, say, table
from twoway.linkedin import ImportSummary, past_imports
from twoway.linkedin.importer import Progress as ProgressFn
from twoway.views.imports import forget, import_and_warm


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[ProgressFn | None]:
    """A progress bar on stderr when a person is watching; nothing for pipes and programs."""
    if not enabled:
        yield None
        return
    bar = Progress(TextColumn("{task.description}", markup=False), BarColumn(), DownloadColumn(),
                   TimeRemainingColumn(), console=err_console(), transient=True)
    task = bar.add_task("opening", total=None)

    def report(stage: str, done: int, total: int) -> None:
        bar.update(task, description=stage, completed=done, total=total)

    with bar:
        yield report


@cli.command("import")
@click.argument("path", type=click.Path(path_type=str))
@click.option("--yes", "confirm", is_flag=True,
              help="Import even an export that would mark many connections removed or lacks files the last one had.")
@json_option
@pass_app
def import_(app: App, path: str, confirm: bool, as_json: bool) -> None:
    """Import a LinkedIn data export (the zip LinkedIn sends, or the folder it unpacks to), mail (an mbox file,
    an Apple Mail .mbox bundle, a Maildir), a calendar (.ics) or an address book (.vcf, Google or Outlook CSV).

    Importing a newer export of the same member merges it (new connections, removed ones, job
    changes, new messages); importing the same export again changes nothing. The import lands
    completely or not at all.

    Example: twoway import ~/Downloads/Basic_LinkedInDataExport_06-07-2026.zip
    """
    with _progress_bar(not as_json and sys.stderr.isatty()) as report:
        summary = import_and_warm(app.store, path, owner=app.owner_hint, progress=report, confirm=confirm,
                                  owner_id=app.private_owner())
    if as_json:
        emit_json(summary.to_dict())
        return
    lines = summary.lines()
    if not isinstance(summary, ImportSummary):
        for line in lines:
            say(line)
        return
    say(lines[0])
    for line in lines[1:]:
        if line.startswith(("Owner: ", "Ignored beside ")):
            say(line)
    rows = [
        ["people added", summary.people_added],
        ["connections in this export", summary.connections_total],
        ["connections added", summary.connections_added],
        ["connections removed", summary.connections_removed],
        ["job changes", summary.job_changes],
        ["messages added", summary.messages_added],
        ["  of which in group chats", summary.group_messages],
        ["sponsored/system messages (kept apart)", summary.sponsored_messages],
        ["invitations added", summary.invitations_added],
        ["endorsements added", summary.endorsements_added],
        ["recommendations added", summary.recommendations_added],
        ["address-book contacts added", summary.contacts_added],
    ]
    rows += [[f"skipped: {reason}", count] for reason, count in sorted(summary.skipped.items())]
    rows.append(["time taken", f"{summary.seconds:.1f} s"])
    table(["", "count"], [[k, f"{v:,}" if isinstance(v, int) else v] for k, v in rows])
    if summary.older_than_previous:
        say(lines[1])
    for problem in summary.problems:
        say(f"note: {problem}")


@cli.group("imports", invoke_without_command=True)
@json_option
@pass_app
@click.pass_context
def imports_(ctx: click.Context, app: App, as_json: bool) -> None:
    """List past imports, newest first, with what each one added; `twoway imports forget ID` removes one.

    Example: twoway imports
    """
    if ctx.invoked_subcommand is not None:
        return
    with app.connect() as conn:
        owner_id = app.member_id(conn)  # the member's own imports; none before any import
        found = past_imports(conn, owner_id) if owner_id is not None else []
    if as_json:
        emit_json([p.to_dict() for p in found])
        return
    if not found:
        say("No imports yet.")
        return
    table(
        ["#", "owner", "export", "exported on", "imported at", "connections", "new messages", "removed"],
        [[p.id, p.owner_name, p.archive, p.exported_on, (p.finished_at or "")[:16].replace("T", " "),
          f"{p.summary.get('connections_total', 0):,}", f"{p.summary.get('messages_added', 0):,}",
          f"{p.summary.get('connections_removed', 0):,}"] for p in found],
        title="Imports", wide=2, drop=(4, 1, 3),
    )


@imports_.command("forget")
@click.argument("import_id", type=int)
@json_option
@pass_app
def forget_(app: App, import_id: int, as_json: bool) -> None:
    """Forget one import: what only it brought goes, and every connection's status is recomputed from the
    other imports, all at once.

    Example: twoway imports forget 3
    """
    with app.connect() as conn:
        owner_id = app.owner(conn).id
    done = forget(app.store, import_id, owner_id)
    if as_json:
        emit_json(done.to_dict())
        return
    say(f"Import #{import_id} forgotten: {done.rows_removed:,} rows only it brought removed, "
        f"{done.connections_removed:,} connections only it listed removed, {done.statuses_changed:,} connection "
        f"statuses recomputed, {done.people_removed:,} people removed.")
