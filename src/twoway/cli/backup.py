"""`twoway backup` and `twoway restore`: the whole database into one file and back (SQLite)."""

from __future__ import annotations

import click

from twoway.cli.base import App, cli, json_option, pass_app
from twoway.cli.output import emit_json, say
from twoway.store import backup as backup_mod


@cli.command("backup")
@click.argument("file", type=click.Path(dir_okay=False))
@json_option
@pass_app
def backup_cmd(app: App, file: str, as_json: bool) -> None:
    """Copy the whole database into FILE (a new file), safely even while the dashboard writes.

    On PostgreSQL this says how to use pg_dump instead.

    Example: twoway backup ~/twoway-2026-06-07.db
    """
    app.require_admin("a backup (it holds every member's data)")
    path = backup_mod.backup(app.store, file)
    if as_json:
        emit_json({"backup": str(path), "bytes": path.stat().st_size})
        return
    say(f"Backed up to {path} ({path.stat().st_size:,} bytes). Restore it with: twoway restore {path}")


@cli.command("restore")
@click.argument("file", type=click.Path(dir_okay=False))
@json_option
@pass_app
def restore_cmd(app: App, file: str, as_json: bool) -> None:
    """Replace the database with the backup FILE; the current one is kept first as NAME.before-restore.

    FILE must be a twoway database (a `twoway backup`); anything else is refused and nothing changes.

    Example: twoway restore ~/twoway-2026-06-07.db
    """
    app.require_admin("restoring a backup over every member's data")
    kept = backup_mod.restore(app.store, file)
    if as_json:
        emit_json({"restored": file, "previous": str(kept)})
        return
    say(f"Restored {file}. The database as it was is kept as {kept}.")
