"""What each screen shows, composed from core calls: the page, its /api twin and the CLI's --json share these."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection

from twoway import health, invitations, plan, prune
from twoway import settings as settings_mod
from twoway.graph import network, sources, stored
from twoway.graph.names import NETWORK
from twoway.health import render as report
from twoway.invitations import history as invitation_history
from twoway.invitations import stats as invitation_stats
from twoway.invitations import triage
from twoway.people import owners
from twoway.people.owners import Owner
from twoway.views.person import person_detail


def invitations_view(conn: Connection, owner_id: int, include_all: bool = False) -> dict[str, Any]:
    """The Invitations page: incoming triage, outgoing advice, the weekly budget and acceptance rates, among them
    the owner's own acceptance of each kind of note received (``acceptance["received_by_note"]``)."""
    s = settings_mod.load(conn, owner_id)
    past = invitation_history.received_by_kind(conn, owner_id, settings=s)  # the triage learns from it; shown too
    return {
        "incoming": triage.incoming(conn, owner_id, include_all=include_all, settings=s, past=past),
        "outgoing": triage.outgoing(conn, owner_id, include_all=include_all, settings=s),
        "budget": invitations.weekly_budget(conn, owner_id, settings=s),
        "acceptance": invitation_stats.acceptance_summary(conn, owner_id, settings=s, past=past),
        "all": include_all,
    }


def person(conn: Connection, owner_id: int, person_id: int) -> dict[str, Any]:
    """What the owner may see of one person (the Person page), and whether they are the owner's at all."""
    return person_detail(conn, owner_id, person_id)


def week(conn: Connection, owner_id: int, week_of: date | None = None, all_items: bool = False) -> Any:
    """The week's plan within its budget (``all_items``: with everything that waits past it)."""
    return plan.build_week(conn, owner_id, week_of=week_of, all_items=all_items)


def dormant(conn: Connection, owner_id: int) -> Any:
    """The dormant review: never spoken with, connected years ago, grouped by year."""
    return prune.dormant(conn, owner_id)


def prune_candidates(conn: Connection, owner_id: int) -> Any:
    return prune.find_candidates(conn, owner_id)


def overview(conn: Connection, owner_id: int) -> dict[str, Any]:
    """The Overview page: network health (including invitation acceptance) and the report's plots of it."""
    h = health.compute_health(conn, owner_id)
    return {"health": h, "figures": report.figures(h)}


NETWORK_NEEDS = ("Degrees, mutual connections and introductions need more than one network: several members' "
                 "exports imported into this database (a team), or a graph loaded with `twoway graph load FILE`.")


def network_status(conn: Connection, owner_id: int | None = None) -> dict[str, Any]:
    """Which graphs can answer questions here, without building any: the merged network counts only
    when it holds several members' exports (one owner's network alone has no second or third degree)."""
    members = [o.name for o in owners.all_owners(conn)]
    loaded = [g.to_dict() for g in stored.all_graphs(conn)]
    graphs = ([NETWORK] if len(members) > 1 else []) + [str(g["name"]) for g in loaded]
    return {"members": members, "loaded": loaded, "graphs": graphs, "ready": bool(graphs),
            "needs": None if graphs else NETWORK_NEEDS}


def network_info(conn: Connection) -> dict[str, Any]:
    """The graphs' sizes (``twoway graph info``) and whether they can answer anything yet."""
    return {**network.info(conn), **network_status(conn)}


def between(conn: Connection, owner: Owner | None, a: str, b: str, graph: str | None = None,
            limit: int = 100) -> dict[str, Any]:
    """How far B is from A, with one path, and the connections they share (the Network page's first question)."""
    return {"degree": network.degree(conn, owner, a, b, graph),
            "mutual": network.mutual(conn, owner, a, b, graph, limit=limit)}


def duplicates(conn: Connection) -> list[dict[str, Any]]:
    """People who may be the same but were not merged by profile URL, for review."""
    return [g.to_dict() for g in sources.candidate_duplicates(conn)]
