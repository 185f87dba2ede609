"""The People listing: the owner's connections filtered, sorted and paged, each with state, strength and tags."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from twoway import clock, history, identity
from twoway import states as states_mod
from twoway import strength as strength_mod
from twoway.errors import InputError
from twoway.people.tags import tags_by_person
from twoway.store.search import ESCAPE, contains

SORTS = ("name", "connected", "company", "last_contact", "strength")


@dataclass
class PeopleQuery:
    """Filters for a listing; every field optional."""

    text: str | None = None
    company: str | None = None
    tag: str | None = None
    state: str | None = None
    connected_since: date | None = None
    connected_before: date | None = None
    min_strength: int | None = None
    status: str = "connected"  # connected | removed | all
    sort: str = "name"
    descending: bool = False
    page: int = 1
    per_page: int = 50

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class PeoplePage:
    rows: list[dict[str, Any]]
    total: int
    page: int
    per_page: int
    query: PeopleQuery = field(default_factory=PeopleQuery)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "total": self.total,
            "page": self.page,
            "pages": self.pages,
            "per_page": self.per_page,
            "query": self.query.to_dict(),
        }


def _filters(owner_id: int, q: PeopleQuery) -> tuple[str, dict[str, Any]]:
    where = ["c.owner_id = :o"]
    params: dict[str, Any] = {"o": owner_id}
    if q.status not in ("connected", "removed", "all"):
        raise InputError(f"status {q.status!r}: expected connected, removed or all")
    # Asking for the removed state means the removed connections, whatever the default status filter says
    # (a connection can also be removed by the owner's own decision while its row still says connected).
    if q.status != "all" and q.state != "removed":
        where.append("c.status = :status")
        params["status"] = q.status
    if q.text and q.text.strip():
        # Punctuation alone has no name key: it may still be in a company or title, never "any name".
        key = identity.name_key(q.text)
        params["t"] = contains(key) if key else None  # LIKE NULL matches nothing
        params["tl"] = contains(q.text.strip().lower())
        where.append(
            f"(p.name_key LIKE :t{ESCAPE} OR LOWER(COALESCE(p.company, '')) LIKE :tl{ESCAPE}"
            f" OR LOWER(COALESCE(p.position, '')) LIKE :tl{ESCAPE})"
        )
    if q.company and q.company.strip():
        params["co"] = contains(q.company.strip().lower())
        where.append(f"LOWER(COALESCE(p.company, '')) LIKE :co{ESCAPE}")
    if q.tag and q.tag.strip():
        params["tag"] = q.tag.strip()
        where.append("EXISTS (SELECT 1 FROM tags t WHERE t.owner_id = :o AND t.person_id = p.id AND t.tag = :tag)")
    if q.connected_since:
        params["since"] = q.connected_since.isoformat()
        where.append("c.connected_on >= :since")
    if q.connected_before:
        params["before"] = q.connected_before.isoformat()
        where.append("c.connected_on < :before")
    return " AND ".join(where), params


#: Far beyond any network (30,000 connections is LinkedIn's cap), well inside a 64-bit OFFSET.
MAX_PAGE = 1_000_000
MAX_PER_PAGE = 500

_SQL_ORDER = {
    "name": "p.name_key {d}, p.id",
    "connected": "c.connected_on {d}, p.id",
    "company": "LOWER(COALESCE(p.company, '')) {d}, p.name_key",
}


def search(
    conn: Connection,
    owner_id: int,
    q: PeopleQuery | None = None,
    *,
    today: date | None = None,
) -> PeoplePage:
    """One page of the owner's connections matching ``q``, each with state, strength and tags.

    Plain filters and sorts run in SQL with LIMIT/OFFSET, and only the page's people get a state
    and a strength. Filtering or sorting by state, strength or last contact needs those for every
    match first: the state rules then run over every match (without writing reasons they do not
    need), strengths only when strength filters or sorts, and the rest only for the page. Every
    history comes from the one cached read (:func:`twoway.history.load_history`).
    """
    q = q or PeopleQuery()
    if q.sort not in SORTS:
        raise InputError(f"sort {q.sort!r}: expected one of {', '.join(SORTS)}")
    if not 1 <= q.page <= MAX_PAGE:
        raise InputError(f"page {q.page}: expected 1 to {MAX_PAGE:,}")
    if not 1 <= q.per_page <= MAX_PER_PAGE:
        raise InputError(f"per_page {q.per_page}: expected 1 to {MAX_PER_PAGE}")
    today = today or clock.today()
    page = max(1, q.page)
    per_page = min(max(1, q.per_page), 500)
    where, params = _filters(owner_id, q)
    base = f"FROM connections c JOIN people p ON p.id = c.person_id WHERE {where}"
    columns = "p.id, p.full_name, p.url, p.company, p.position, c.connected_on, c.status"
    by_strength = q.min_strength is not None or q.sort == "strength"
    in_python = bool(q.state) or by_strength or q.sort == "last_contact"

    if in_python:
        rows = _driver_rows(conn, f"SELECT {columns} {base}", params)
    else:
        order = _SQL_ORDER[q.sort].format(d="DESC" if q.descending else "ASC")
        rows = _driver_rows(conn, f"SELECT {columns} {base} ORDER BY {order} LIMIT :lim OFFSET :off",
                            {**params, "lim": per_page, "off": (page - 1) * per_page})
    ids = [int(r[0]) for r in rows]
    hist = history.load_history(conn, owner_id, today=today, person_ids=ids) if ids else None
    verdicts: dict[int, states_mod.Verdict] = {}
    strengths: dict[int, strength_mod.Strength] = {}
    if ids and hist is not None:
        verdicts = states_mod.compute_states(conn, owner_id, today=today, person_ids=ids, hist=hist,
                                             reasons=not in_python)
        if q.state:
            # Keep only the matches before scoring or building a row for each: a state is often a small
            # share of 30,000.
            rows = [r for r in rows if (v := verdicts.get(int(r[0]))) is not None and v.state == q.state]
            ids = [int(r[0]) for r in rows]
        if by_strength and ids:
            strengths = strength_mod.compute_strengths(conn, owner_id, today=today, person_ids=ids, hist=hist)
    items = [_item(r, verdicts.get(int(r[0])), strengths.get(int(r[0]))) for r in rows]
    if in_python:
        if q.min_strength is not None:
            items = [i for i in items if (i["strength"] or 0) >= q.min_strength]
        items.sort(key=_sort_key(q.sort), reverse=q.descending)
        total = len(items)
        items = items[(page - 1) * per_page : page * per_page]
        page_ids = [i["id"] for i in items]
        if page_ids and hist is not None:
            # Reasons (and strengths, when not already known) only for the people shown.
            shown = history.subset(hist, page_ids)
            full = states_mod.compute_states(conn, owner_id, today=today, person_ids=page_ids, hist=shown)
            if not by_strength:
                strengths = strength_mod.compute_strengths(conn, owner_id, today=today, person_ids=page_ids,
                                                           hist=shown)
            for item in items:
                v = full.get(item["id"])
                item["reason"] = v.reason if v else None
                s = strengths.get(item["id"])
                item["strength"] = s.score if s else None
    else:
        total = int(conn.execute(text(f"SELECT COUNT(*) {base}"), params).scalar_one())
        if ids and hist is not None:
            strengths = strength_mod.compute_strengths(conn, owner_id, today=today, person_ids=ids, hist=hist)
            for item in items:
                s = strengths.get(item["id"])
                item["strength"] = s.score if s else None
    tags = tags_by_person(conn, owner_id)
    for item in items:
        item["tags"] = list(tags.get(item["id"], ()))
    return PeoplePage(rows=items, total=total, page=page, per_page=per_page, query=q)


def _driver_rows(conn: Connection, sql: str, params: dict[str, Any]) -> list[Sequence[Any]]:
    """The driver's own tuples (30,000 SQLAlchemy Row objects cost more than the query)."""
    result = conn.execute(text(sql), params)
    try:
        return list(result.cursor.fetchall() if result.cursor is not None else result.fetchall())
    finally:
        result.close()


def _item(r: Sequence[Any], v: Any, s: Any) -> dict[str, Any]:
    last = v.last_contact if v is not None else None
    return {
        "id": int(r[0]),
        "name": r[1],
        "url": r[2],
        "company": r[3],
        "position": r[4],
        "connected_on": r[5],
        "status": r[6],
        "state": v.state if v is not None else None,
        "reason": v.reason if v is not None else None,
        "strength": s.score if s is not None else None,
        # The latest direct interaction (the one the state rules read), as an ISO date.
        "last_contact": last.isoformat() if last is not None else None,
    }


def _sort_key(sort: str) -> Any:
    if sort == "strength":
        return lambda i: (i["strength"] or 0, i["name"].casefold())
    if sort == "last_contact":
        return lambda i: (i["last_contact"] or "", i["name"].casefold())
    if sort == "connected":
        return lambda i: (i["connected_on"] or "", i["name"].casefold())
    if sort == "company":
        return lambda i: ((i["company"] or "").casefold(), i["name"].casefold())
    return lambda i: identity.name_key(i["name"])
