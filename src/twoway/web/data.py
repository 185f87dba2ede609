"""Thin compositions of core calls that a page and its API twin share (no queries, no rules here)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from twoway import clock, views
from twoway import settings as settings_mod
from twoway.errors import InputError
from twoway.graph.names import NETWORK
from twoway.people import notes, owners
from twoway.people import tags as tags_mod
from twoway.people.owners import Owner
from twoway.states import STATES
from twoway.views.people import PeopleQuery

if TYPE_CHECKING:
    from twoway.web.app import Web


def change_setting(web: Web, name: str, value: Any, *, reset: bool = False) -> dict[str, Any]:
    """Set (or reset) one setting and return its description as the Settings page shows it."""
    with web.transaction() as conn:
        if reset:
            settings_mod.reset(conn, name)
        else:
            settings_mod.set_value(conn, name, value)
    return next(row for row in settings_mod.describe(web.store.settings()) if row["name"] == name)


def invitations_view(conn: Connection, owner_id: int, include_all: bool = False) -> dict[str, Any]:
    """The Invitations page: incoming triage, outgoing advice, the weekly budget and acceptance rates."""
    from twoway import invitations
    from twoway.invitations import stats as invitation_stats
    from twoway.invitations import triage

    s = settings_mod.load(conn)
    return {
        "incoming": triage.incoming(conn, owner_id, include_all=include_all, settings=s),
        "outgoing": triage.outgoing(conn, owner_id, include_all=include_all, settings=s),
        "budget": invitations.weekly_budget(conn, owner_id, settings=s),
        "acceptance": invitation_stats.acceptance_summary(conn, owner_id, settings=s),
        "all": include_all,
    }



# -- People -----------------------------------------------------------------------------------------
def _day(raw: str | None, name: str) -> date | None:
    if raw is None or not raw.strip():
        return None
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise InputError(f"{name}: {raw!r} is not a date (YYYY-MM-DD)") from None


def _int(raw: str | None, name: str) -> int | None:
    if raw is None or not raw.strip():
        return None
    try:
        return int(raw.strip())
    except ValueError:
        raise InputError(f"{name}: {raw!r} is not a whole number") from None


def parse_day(raw: str | None) -> date | None:
    """A date from a form field; empty means none."""
    return _day(raw, "date")


def snooze_options() -> list[tuple[str, str]]:
    """(until, label) choices offered next to a Snooze button."""
    today = clock.today()
    return [((today + timedelta(days=days)).isoformat(), label)
            for days, label in ((7, "1 week"), (30, "1 month"), (91, "3 months"), (182, "6 months"))]


def people_query(
    text: str | None = None, company: str | None = None, tag: str | None = None, state: str | None = None,
    min_strength: str | None = None, connected_since: str | None = None, connected_before: str | None = None,
    status: str | None = None, sort: str | None = None, desc: str | None = None, page: str | None = None,
    per_page: str | None = None,
) -> PeopleQuery:
    """A listing query from form or URL fields, where an empty field means "any" (HTML forms send them)."""
    if state and state.strip() and state.strip() not in STATES:
        raise InputError(f"state {state!r}: expected one of {', '.join(STATES)}")
    return PeopleQuery(
        text=(text or "").strip() or None, company=(company or "").strip() or None,
        tag=(tag or "").strip() or None, state=(state or "").strip() or None,
        min_strength=_int(min_strength, "min_strength"),
        connected_since=_day(connected_since, "connected_since"),
        connected_before=_day(connected_before, "connected_before"),
        status=(status or "").strip() or "connected", sort=(sort or "").strip() or "name",
        descending=(desc or "").strip().lower() in ("1", "true", "yes", "on"),
        page=_int(page, "page") or 1, per_page=min(_int(per_page, "per_page") or 50, 500),
    )


def person(conn: Connection, owner_id: int, person_id: int) -> dict[str, Any]:
    """Everything known about one person (the Person page), and whether they are the owner's at all."""
    detail = views.person_detail(conn, owner_id, person_id)
    return {**detail, "related": owners.is_related(conn, owner_id, person_id)}


def _known(conn: Connection, owner_id: int, person_id: int) -> None:
    # NotFound for an id that names nobody, and for another member's person in a team
    owners.require_related(conn, owner_id, person_id)


def tag(conn: Connection, owner_id: int, person_id: int, raw: str | list[str], *, remove: bool = False
        ) -> dict[str, Any]:
    _known(conn, owner_id, person_id)
    names = [t for t in (raw.split(",") if isinstance(raw, str) else raw) if t.strip()]
    if not names:
        raise InputError("name at least one tag")
    change = tags_mod.remove_tags if remove else tags_mod.add_tags
    return {"person_id": person_id, "tags": list(change(conn, owner_id, person_id, names))}


def note(conn: Connection, owner_id: int, person_id: int, body: str) -> notes.Note:
    _known(conn, owner_id, person_id)
    return notes.add_note(conn, owner_id, person_id, body)


def log(conn: Connection, owner_id: int, person_id: int, kind: str, direction: str, on: date | None,
        note_text: str | None) -> Any:
    """Record something that happened elsewhere (a message sent, a reply, a meeting, a call)."""
    from twoway.people.interactions import log_interaction

    _known(conn, owner_id, person_id)
    return log_interaction(conn, owner_id, person_id, kind, direction, on, note_text)


def snooze(conn: Connection, owner_id: int, person_id: int, until: date | None) -> dict[str, Any]:
    from twoway import plan

    _known(conn, owner_id, person_id)
    plan.snooze(conn, owner_id, person_id, until)
    return {"person_id": person_id, "snoozed_until": until.isoformat() if until else None}


def prune_decide(conn: Connection, owner_id: int, person_id: int, verdict: str, note_text: str | None = None
                 ) -> dict[str, Any]:
    """Keep, hide or remove (or mark soured / mended) one connection, as the prune review does."""
    from twoway import prune

    _known(conn, owner_id, person_id)
    prune.decide(conn, owner_id, person_id, verdict, note=note_text)
    return {"person_id": person_id, "verdict": verdict}


# -- The week and pruning -------------------------------------------------------------------------
def week(conn: Connection, owner_id: int, week_of: date | None = None) -> Any:
    from twoway import plan

    return plan.build_week(conn, owner_id, week_of=week_of)


def prune_candidates(conn: Connection, owner_id: int) -> Any:
    from twoway import prune

    return prune.find_candidates(conn, owner_id)


def overview(conn: Connection, owner_id: int) -> dict[str, Any]:
    """The Overview page: network health (including invitation acceptance) and the report's plots of it."""
    from twoway import health
    from twoway.health import render as report

    h = health.compute_health(conn, owner_id)
    return {"health": h, "figures": report.figures(h)}


def health_only(view: dict[str, Any]) -> Any:
    """The API's /overview answer: the health figures without the drawn plots."""
    return view["health"]


health_only.key = "health"  # type: ignore[attr-defined]


# -- The network: degrees, mutual connections, introductions, suggestions ---------------------------
NETWORK_NEEDS = ("Degrees, mutual connections and introductions need more than one network: several members' "
                 "exports imported into this database (a team), or a graph loaded with `twoway graph load FILE`.")


def network_status(conn: Connection, owner_id: int | None = None) -> dict[str, Any]:
    """Which graphs can answer questions here, without building any: the merged network counts only
    when it holds several members' exports (one owner's network alone has no second or third degree)."""
    from twoway.graph import stored

    members = [o.name for o in owners.all_owners(conn)]
    loaded = [g.to_dict() for g in stored.all_graphs(conn)]
    graphs = ([NETWORK] if len(members) > 1 else []) + [str(g["name"]) for g in loaded]
    return {"members": members, "loaded": loaded, "graphs": graphs, "ready": bool(graphs),
            "needs": None if graphs else NETWORK_NEEDS}


def network_info(conn: Connection) -> dict[str, Any]:
    """The graphs' sizes (``twoway graph info``) and whether they can answer anything yet."""
    from twoway.graph import network

    return {**network.info(conn), **network_status(conn)}


def between(conn: Connection, owner: Owner | None, a: str, b: str, graph: str | None = None,
            limit: int = 100) -> dict[str, Any]:
    """How far B is from A, with one path, and the connections they share (the Network page's first question)."""
    from twoway.graph import network

    return {"degree": network.degree(conn, owner, a, b, graph),
            "mutual": network.mutual(conn, owner, a, b, graph, limit=limit)}


def duplicates(conn: Connection) -> list[dict[str, Any]]:
    """People who may be the same but were not merged by profile URL, for review."""
    from twoway.graph import sources

    return [g.to_dict() for g in sources.candidate_duplicates(conn)]
