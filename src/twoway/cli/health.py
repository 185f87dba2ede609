"""`twoway health`: the network's size for your career stage, then its quality, as figures or a report."""

from __future__ import annotations

from pathlib import Path

import click

from twoway.cli.base import OUT_FILE, App, cli, json_option, pass_app
from twoway.cli.output import emit_json, say, table
from twoway.states import LABELS


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


@cli.command()
@click.option("--html", "html_path", type=OUT_FILE, metavar="FILE",
              help="Also write a self-contained HTML report with plots (opens offline).")
@json_option
@pass_app
def health(app: App, html_path: Path | None, as_json: bool) -> None:
    """Network health: size against your career stage (setting career_stage), the share two-way,
    unresponsive and never contacted, replies owed, check-in coverage this year, reply rates both
    ways and growth.

    Examples: twoway health; twoway health --html health.html; twoway health --json
    """
    from twoway import health as health_mod
    from twoway.health import render as report

    with app.read() as (conn, owner):
        figures = health_mod.compute_health(conn, owner.id)
    if html_path is not None:
        report.write_report(html_path, figures, owner=owner.name)
        if not as_json:
            say(f"wrote the report to {html_path}")
    if as_json:
        emit_json(figures.to_dict())
        return
    h = figures
    rows = [
        ["size", h.size_text],
        ["two-way (answered within the cadence)", _pct(h.shares["two_way"])],
        ["unresponsive", _pct(h.shares["unresponsive"])],
        ["never contacted", _pct(h.shares["never_contacted"])],
        ["replies you owe", str(h.replies_owed)],
        [f"reached in {h.coverage['year']}", f"{_pct(h.coverage['share'])} ({h.coverage['reached']} of "
                                              f"{h.coverage['of']})"],
        ["of their messages you answered", f"{_pct(h.you_answer.rate)} ({h.you_answer.answered} of {h.you_answer.of})"],
        ["of your messages they answered",
         f"{_pct(h.they_answer.rate)} ({h.they_answer.answered} of {h.they_answer.of})"],
    ]
    recent = list(h.per_year.items())[-5:]
    if recent:
        rows.append(["new connections per year", ", ".join(f"{y}: {n}" for y, n in recent)])
    table(["figure", "value"], rows, title=f"Network health as of {h.as_of.isoformat()}")
    table(["state", "connections"], [[LABELS.get(s, s), n] for s, n in h.states.items() if n])
    for section in h.extra_sections:
        say(str(section.get("title", "")))
        for line in section.get("lines", []):
            say(f"  {line}")
