"""Commands about the database itself: where it lives, and the settings."""

from __future__ import annotations

import click

from twoway import paths
from twoway import settings as settings_mod
from twoway.cli.base import App, cli, json_option, pass_app
from twoway.cli.output import emit_json, say, table
from twoway.store import schema_version


@cli.command()
@json_option
@pass_app
def where(app: App, as_json: bool) -> None:
    """Print where twoway keeps its data: the folder, the database in use and why.

    Without --db, commands use your own database (twoway.db in the data folder) once it holds an
    import, the demo (after `twoway demo`) until then.

    Example: twoway where
    """
    choice = app.choice
    store = app.store
    with store.connect() as conn:
        version = schema_version(conn)
    info = {
        "data_folder": str(paths.user_dir()),
        "database": paths.describe_url(store.url),
        "why": choice.reason,
        "demo": choice.is_demo,
        "engine": store.dialect,
        "schema": version[-1] if version else None,
    }
    if as_json:
        emit_json(info)
        return
    for key, value in info.items():
        if key != "demo":
            say(f"{key.replace('_', ' ')}: {value}")


def _settings_help() -> str:
    lines = ["List every setting with its default, value and help, or change one.", "", "\b"]
    for s in settings_mod.SETTINGS:
        lines.append(f"  {s.name} ({s.kind_label()}, default {s.default!r})")
    lines += ["", "Examples: twoway settings; twoway settings cadence_days 180; twoway settings cadence_days --reset"]
    return "\n".join(lines)


@cli.command(help=_settings_help())
@click.argument("name", required=False)
@click.argument("value", required=False)
@click.option("--reset", is_flag=True, help="Return NAME to its default.")
@json_option
@pass_app
def settings(app: App, name: str | None, value: str | None, reset: bool, as_json: bool) -> None:
    if name and (value is not None or reset):
        app.change_setting(name, value, reset=reset)
    rows = settings_mod.describe(app.settings())
    if name:
        settings_mod.declaration(name)
        rows = [r for r in rows if r["name"] == name]
    if as_json:
        emit_json(rows)
        return
    table(
        ["setting", "value", "default", "type", "help"],
        [
            [r["name"] + (" *" if r["changed"] else ""), _show(r["value"]), _show(r["default"]), r["type"], r["help"]]
            for r in rows
        ],
        caption="* changed from the default",
    )


def _show(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "(none)"
    if isinstance(value, dict):
        return ", ".join(f"{k}={v:g}" for k, v in value.items()) or "(none)"
    return str(value)
