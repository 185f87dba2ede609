"""Degrees, mutual connections, introduction paths and people-you-may-know on the command line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from twoway import states
from twoway.cli.base import App, cli, json_option, pass_app
from twoway.cli.output import emit_json, label, say, table
from twoway.graph.names import NETWORK

_GRAPH_HELP = ("Use a graph loaded with `twoway graph load` (people are then its ids, as in the file) "
               "instead of the members' merged network.")


def graph_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--graph", "graph_name", metavar="NAME", help=_GRAPH_HELP)(fn)


@cli.group()
def graph() -> None:
    """Graphs for degrees and introductions: the members' merged network and loaded edge lists."""


@graph.command("load")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--name", help="Name to query it by (default: the file name). Loading again replaces it.")
@json_option
@pass_app
def graph_load(app: App, file: Path, name: str | None, as_json: bool) -> None:
    """Load an edge list: whitespace-separated pairs of ids, one connection a line.

    Lines starting with # or % are comments; an `n m` first line is recognised; ids are kept as
    given. Query it with --graph NAME, e.g. `twoway degree 1 42 --graph facebook`.

    Example: twoway graph load facebook_combined.txt --name facebook
    """
    from twoway.graph import stored

    with app.store.begin() as conn:
        loaded = stored.load_file(conn, file, name)
    if as_json:
        emit_json(loaded.to_dict())
        return
    say(f"Loaded {loaded.name!r}: {loaded.nodes:,} members, {loaded.edges:,} connections "
        f"(self-loops and repeated pairs dropped).")


@graph.command("info")
@json_option
@pass_app
def graph_info(app: App, as_json: bool) -> None:
    """Sizes of the merged network and of every loaded graph.

    Example: twoway graph info
    """
    from twoway.graph import network

    with app.store.connect() as conn:
        data = network.info(conn)
    if as_json:
        emit_json(data)
        return
    net = data["network"]
    rows = [[NETWORK, "members' imports", f"{net['nodes']:,}", f"{net['edges']:,}", ""]]
    rows += [[g["name"], g["source"] or "", f"{g['nodes']:,}", f"{g['edges']:,}", g["loaded_at"]]
             for g in data["loaded"]]
    table(["graph", "source", "members", "connections", "loaded"], rows,
          caption=f"{net['owners']} member export(s) merged by profile URL")


@graph.command("drop")
@click.argument("name")
@pass_app
def graph_drop(app: App, name: str) -> None:
    """Delete a loaded graph.

    Example: twoway graph drop facebook
    """
    from twoway.graph import stored

    with app.store.begin() as conn:
        stored.delete(conn, name)
    say(f"Deleted the graph {name!r}.")


@graph.command("duplicates")
@json_option
@pass_app
def graph_duplicates(app: App, as_json: bool) -> None:
    """People who may be the same but were not matched by profile URL (same name), for review.

    Example: twoway graph duplicates
    """
    from twoway.graph import sources

    with app.store.connect() as conn:
        groups = sources.candidate_duplicates(conn)
    if as_json:
        emit_json([g.to_dict() for g in groups])
        return
    if not groups:
        say("No candidate duplicates: everyone in the network with the same name was matched by profile URL.")
        return
    rows = []
    for g in groups:
        for p in g.people:
            rows.append([g.people[0].full_name if p is g.people[0] else "", f"#{p.person_id}", p.url or "(none)",
                         p.company or "", ", ".join(str(o) for o in p.owners),
                         g.reason.split(":")[0] if p is g.people[0] else ""])
    table(["name", "id", "profile", "company", "in owners' networks", "why"], rows,
          caption="Not merged automatically; check each group.")


@cli.command()
@click.argument("a")
@click.argument("b")
@graph_option
@json_option
@pass_app
def degree(app: App, a: str, b: str, graph_name: str | None, as_json: bool) -> None:
    """How far B is from A: 1st, 2nd, 3rd degree or out of network, with one path.

    A and B are names, profile URLs, #id or `me`. Example: twoway degree me "Ada Lovelace"
    """
    from twoway.graph import network

    with app.read_graph(graph_name) as (conn, owner):
        data = network.degree(conn, owner, a, b, graph_name)
    if as_json:
        emit_json(data)
        return
    say(f"{data['to']['name'] or data['to']['id']}: {data['badge']}")
    if data["path"]:
        say("path: " + " -> ".join(_label(m) for m in data["path"]))


@cli.command()
@click.argument("a")
@click.argument("b")
@click.option("--limit", default=100, show_default=True, help="Most shared connections listed.")
@graph_option
@json_option
@pass_app
def mutual(app: App, a: str, b: str, limit: int, graph_name: str | None, as_json: bool) -> None:
    """Connections A and B share, and the sizes of A's 2nd- and 3rd-degree networks.

    Example: twoway mutual me "Ada Lovelace"
    """
    from twoway.graph import network

    with app.read_graph(graph_name) as (conn, owner):
        data = network.mutual(conn, owner, a, b, graph_name, limit=limit)
    if as_json:
        emit_json(data)
        return
    sizes = data["a_network"]
    table(["shared connection", "company", "position"],
          [[_label(m), m["company"], m["position"]] for m in data["mutual"]],
          title=f"{data['count']:,} mutual connection(s) of {_label(data['a'])} and {_label(data['b'])}",
          caption=f"{_label(data['a'])}: {sizes['first']:,} 1st, {sizes['second']:,} 2nd, "
                  f"{sizes['third']:,} 3rd degree")


@cli.command()
@click.argument("source", metavar="FROM")
@click.argument("target", metavar="TO", required=False)
@click.option("--company", help="Reach anyone whose current company matches NAME.", metavar="NAME")
@click.option("--about", help="What you want to talk about, for the drafted request.")
@click.option("--limit", type=int, help="Most routes listed (default: the intro_max_paths setting).")
@click.option("--drafts/--no-drafts", default=True, help="Print the drafted request and blurb of the best route.")
@graph_option
@json_option
@pass_app
def path(app: App, source: str, target: str | None, company: str | None, about: str | None,
         limit: int | None, drafts: bool, graph_name: str | None, as_json: bool) -> None:
    """Who can introduce FROM to TO, or to someone at --company, best route first.

    Routes are ranked by their weaker link's strength; each shows both links, the intermediary's
    state, and (for the best) a request to the intermediary and a note they can forward.

    Examples: twoway path me "Grace Hopper"; twoway path me --company Acme --about "your data team"
    """
    from twoway.graph import intros

    with app.read_graph(graph_name) as (conn, owner):
        data = intros.introductions(conn, owner, source, target, company=company, graph=graph_name,
                                    about=about, limit=limit)
    if as_json:
        emit_json(data)
        return
    if data["already_connected"]:
        say("Already connected: " + ", ".join(_label(m) for m in data["already_connected"]))
    if not data["routes"]:
        say("No introduction route within 3 hops.")
        return
    rows = []
    for i, r in enumerate(data["routes"], 1):
        links = "; ".join(f"{_strength(x['strength'], x['band'])} ({label(x['basis'])})" for x in r["links"])
        rows.append([i, " -> ".join(_label(m) for m in r["path"][1:]),
                     _strength(r["weakest_link"], r["weakest_band"]), links,
                     states.LABELS.get(r["intermediary_state"], label(r["intermediary_state"])) or "unknown"])
    table(["#", "through -> to", "weaker link", "links (strength, basis)", "intermediary's state"], rows,
          title=f"Introductions for {_label(data['from'])}",
          caption=f"{data['routes_found']} route(s) found; ranked by {label(data['ranking'])}", wide=1, drop=(0, 3))
    if drafts:
        best = data["routes"][0]
        say("\nRequest to " + _label(best["intermediary"]) + ":\n\n" + best["request"])
        say("\nNote they can forward (double opt-in):\n\n" + best["blurb"])


@cli.command()
@click.argument("a")
@click.option("--limit", default=20, show_default=True, help="Most suggestions and introductions listed.")
@graph_option
@json_option
@pass_app
def suggest(app: App, a: str, limit: int, graph_name: str | None, as_json: bool) -> None:
    """People A may know, ranked by shared connections (Adamic–Adar), and introductions A could make.

    Example: twoway suggest me
    """
    from twoway.graph import network

    with app.read_graph(graph_name) as (conn, owner):
        data = network.suggest(conn, owner, a, graph_name, limit=limit)
    if as_json:
        emit_json(data)
        return
    table(["person", "score", "shared", "shared with"],
          [[_label(x["person"]), f"{x['score']:.2f}", x["shared"], ", ".join(x["shared_with"])]
           for x in data["people_you_may_know"]],
          title=f"People {_label(data['for'])} may know", caption=data["method"], wide=0, drop=(1,))
    table(["introduce", "to", "score", "common ground"],
          [[_label(i["a"]), _label(i["b"]), f"{i['score']:.2f}", "; ".join(i["common_ground"])]
           for i in data["introductions"]],
          title="Introductions you could make", wide=3, drop=(2,))


def _strength(value: float | None, band: str) -> str:
    """A tie as the viewer may know it: the score of their own, the band of another member's."""
    return band if value is None else f"{value:g}"


def _label(member: dict[str, Any]) -> str:
    if not member.get("name"):
        return str(member["id"])
    return f"{member['name']} ({member['company']})" if member.get("company") else str(member["name"])
