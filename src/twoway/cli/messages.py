"""`twoway message check`: how twoway reads one message, as `invite check` does for a note."""

from __future__ import annotations

import sys

import click

from twoway import reading
from twoway.cli.base import cli, json_option
from twoway.cli.output import emit_json, say


@cli.group()
def message() -> None:
    """How twoway reads messages: what each asks of its reader, and its language."""


@message.command("check")
@click.argument("text")
@click.option("--subject", default=None, help="The message's subject line, when it had one.")
@json_option
def check_cmd(text: str, subject: str | None, as_json: bool) -> None:
    """Read one message (use - to read it from standard input): question, news, courtesy, pitch or
    automated, its language, and which rules decided it.

    Example: twoway message check "Danke für die Vernetzung! Hast du nächste Woche Zeit für einen Kaffee?"
    """
    body = sys.stdin.read() if text == "-" else text
    found = reading.read_message(body, subject=subject)
    if as_json:
        emit_json({"kind": found.kind, "language": found.language, "detail": found.detail,
                   "noun": found.noun, "signals": list(found.signals)})
        return
    say(f"{found.kind} ({found.noun}), language {found.language}; rules: {', '.join(found.signals) or 'none'}")
