"""`twoway people` and `twoway person`: looking at what was imported."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import click

from twoway import people, states, views
from twoway.cli.base import DAY, App, cli, json_option, pass_app
from twoway.cli.output import emit_json, label, say, table


@cli.command("people")
@click.option("--search", "-s", "text_", metavar="TEXT", help="Part of a name, company or position.")
@click.option("--company", help="Part of the current company's name.")
@click.option("--tag", help="Only people with this tag.")
@click.option("--state", callback=lambda _c, p, v: state_name(v, p),
              help="Only people in this state (new, owe reply, awaiting reply, unresponsive, two-way, due, never "
                   "contacted, hidden, removed; written with spaces, hyphens or underscores).")
@click.option("--since", type=DAY, help="Connected on or after YYYY-MM-DD.")
@click.option("--before", type=DAY, help="Connected before YYYY-MM-DD.")
@click.option("--min-strength", type=click.IntRange(0, 100), help="Only relationships at least this strong.")
@click.option("--status", type=click.Choice(["connected", "removed", "all"]), default="connected", show_default=True)
@click.option("--sort", type=click.Choice(views.SORTS), default="name", show_default=True)
@click.option("--desc", is_flag=True, help="Sort descending.")
@click.option("--page", type=click.IntRange(1), default=1, show_default=True)
@click.option("--per-page", type=click.IntRange(1, 500), default=50, show_default=True)
@click.option("--all", "show_all", is_flag=True, help="Every match, not one page.")
@json_option
@pass_app
def people_cmd(app: App, text_: str | None, company: str | None, tag: str | None, state: str | None,
               since: date | None, before: date | None, min_strength: int | None, status: str, sort: str, desc: bool,
               page: int, per_page: int, show_all: bool, as_json: bool) -> None:
    """List your connections, with filters.

    Examples: twoway people --company acme; twoway people --state due --sort strength --desc;
    twoway people --since 2026-01-01 --json
    """
    query = views.PeopleQuery(
        text=text_, company=company, tag=tag, state=state,
        connected_since=since, connected_before=before, min_strength=min_strength,
        status=status, sort=sort, descending=desc, page=page, per_page=per_page,
    )
    with app.read() as (conn, owner):
        result = views.search(conn, owner.id, query)
        if page > max(result.pages, 1):
            raise click.BadParameter(f"there {'is' if result.pages <= 1 else 'are'} only {max(result.pages, 1)} "
                                     f"page{'' if result.pages <= 1 else 's'} of {per_page}", param_hint="'--page'")
        rows = list(result.rows)
        if show_all:
            for more in range(page + 1, result.pages + 1):
                rows += views.search(conn, owner.id, replace(query, page=more)).rows
    if as_json:
        emit_json(result.to_dict() if not show_all else {**result.to_dict(), "rows": rows})
        return
    nxt = "" if show_all or result.page >= result.pages else f" · next: --page {result.page + 1}, or --all"
    table(
        ["#", "name", "company", "position", "connected", "state", "strength", "tags"],
        [[r["id"], r["name"], r["company"], r["position"], r["connected_on"],
          states.LABELS.get(r["state"], label(r["state"])), r["strength"], ", ".join(r["tags"])] for r in rows],
        caption=(f"{result.total} people" + ("" if show_all else f" · page {result.page} of {result.pages}") + nxt),
        wide=1, drop=(3, 7, 2, 6),
    )


def state_name(value: str | None, param: click.Parameter | None = None) -> str | None:
    """A state as a person may write it ("two-way", "Owe reply") as the rules name it (``two_way``)."""
    if value is None:
        return None
    words = " ".join(value.strip().lower().replace("-", " ").replace("_", " ").split())
    by_label = {" ".join(text.replace("-", " ").split()): state for state, text in states.LABELS.items()}
    name = by_label.get(words, words.replace(" ", "_"))
    if name not in states.STATES:
        choices = ", ".join(states.LABELS.get(s, label(s)) for s in states.STATES)
        raise click.BadParameter(f"{value!r} is not a state; one of: {choices}", param=param)
    return name


@cli.command("person")
@click.argument("query")
@click.option("--all", "show_all", is_flag=True, help="Show the whole timeline, not only the latest 20 entries.")
@json_option
@pass_app
def person_cmd(app: App, query: str, show_all: bool, as_json: bool) -> None:
    """Everything known about one person: QUERY is a name, a profile URL or #id.

    Examples: twoway person "Ada Lovelace"; twoway person https://www.linkedin.com/in/ada; twoway person '#42'
    """
    with app.read() as (conn, owner):
        ref = people.resolve(conn, owner.id, query)
        detail = views.person_detail(conn, owner.id, ref.id)
    if as_json:
        emit_json(detail)
        return
    _render_person(detail, show_all)


def _render_person(d: dict[str, Any], show_all: bool) -> None:
    p = d["person"]
    say(f"{p['full_name']}  #{p['id']}" + ("  (matched by name only)" if p["low_confidence"] else ""))
    for heading, value in (("Works", " at ".join(x for x in (p["position"], p["company"]) if x)),
                         ("Profile", p["url"]), ("Email", p["email"])):
        if value:
            say(f"  {heading}: {value}")
    c = d["connection"]
    if c:
        say(f"  Connected: {c['connected_on'] or 'date unknown'} ({c['status']}"
            + (f" since {c['removed_on']}" if c["removed_on"] else "") + ")")
    if d["state"]:
        say(f"  State: {states.LABELS.get(d['state']['state'], label(d['state']['state']))} — {d['state']['reason']}")
    if d["strength"]:
        s = d["strength"]
        parts = ", ".join(f"{k} {v:.2f}" for k, v in s["parts"].items())
        say(f"  Strength: {s['score']}/100 ({parts})")
    for k in d["known_by"]:
        say(f"  Known by {k['name']}: a {k['band']} tie")
    if not d["related"]:
        say("  Not in your network: known here through another member's.")
    if d["tags"]:
        say("  Tags: " + ", ".join(d["tags"]))
    for n in d["notes"]:
        say(f"  Note {n['id']}: {n['body']}")
    if len(d["jobs"]) > 1:
        table(["company", "position", "first seen", "last seen"],
              [[j["company"], j["position"], j["first_seen"], j["last_seen"]] for j in d["jobs"]], title="Job history")
    events = d["timeline"] if show_all else d["timeline"][:20]
    if events:
        arrow = {"in": "←", "out": "→", None: ""}
        table(["date", "", "what", "text"],
              [[e["date"], arrow.get(e["direction"], ""), e["kind"], _short(e["text"])] for e in events],
              title="Timeline" + ("" if show_all or len(d["timeline"]) <= 20 else
                                  f" (latest 20 of {len(d['timeline'])}; --all for everything)"))


def _short(value: str, limit: int = 160) -> str:
    flat = " ".join(value.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
