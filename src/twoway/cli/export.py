"""`twoway export vcard|csv`: the owner's connections for an address book or a spreadsheet."""

from __future__ import annotations

from pathlib import Path

import click

from twoway.cli.base import OUT_FILE, App, cli, pass_app
from twoway.cli.output import say
from twoway.views.exports import Exported, export_csv, export_vcards


@cli.group("export")
def export_() -> None:
    """Write your connections out for other programs: an address book (vCard) or a spreadsheet (CSV).
    Only your own connections and the addresses your own sources gave (on a team server, the member of your API token).

    Examples: twoway export vcard --out connections.vcf; twoway export csv --out people.csv
    """


_OUT = click.option("--out", type=OUT_FILE, metavar="FILE", help="Write to FILE (default: standard output).")


@export_.command("vcard")
@_OUT
@pass_app
def export_vcard(app: App, out: Path | None) -> None:
    """Connections as vCard 3.0 (name, e-mail addresses, company, title, LinkedIn profile): Apple Contacts,
    Google Contacts, Outlook and Thunderbird import it; `twoway import` reads it back into the same people.

    Example: twoway export vcard --out connections.vcf
    """
    with app.read() as (conn, owner):
        done = export_vcards(conn, owner.id)
    _write(done, out, "utf-8")


@export_.command("csv")
@_OUT
@pass_app
def export_csv_cmd(app: App, out: Path | None) -> None:
    """Connections as CSV: name, company, position, e-mail, state, strength, last contact, connected on and
    profile. Safe to open in a spreadsheet (no cell is read as a formula); UTF-8 with a BOM for Excel in a file.

    Example: twoway export csv --out people.csv
    """
    with app.read() as (conn, owner):
        done = export_csv(conn, owner.id)
    _write(done, out, "utf-8-sig")


def _write(done: Exported, out: Path | None, encoding: str) -> None:
    if out is None:
        click.echo(done.text, nl=False)
        return
    out.write_text(done.text, encoding=encoding, newline="")
    say(f"Wrote {done.people:,} people to {out}")
