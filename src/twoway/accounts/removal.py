"""A member leaves with their data: every row under their owner id, in every table that has an ``owner_id``
column (found in the schema itself, so a table added later cannot be forgotten), the rows that hang off those
(an import's files, a conversation's members), and the people nobody else in the team knows any more."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, inspect, text

from twoway.accounts.members import Member

#: Tables that name a member's owner under other names: a row with the member on either side goes with them.
OTHER_OWNER_COLUMNS = {"intro_requests": ("asker_id", "via_id")}
#: Tables without an owner whose rows belong to an owned row: column -> the table it points into.
CHILDREN = {"import_id": "imports", "conversation_id": "conversations", "request_id": "intro_requests"}
_CHUNK = 500


def owner_tables(conn: Connection) -> list[str]:
    """Every table with an ``owner_id`` column (``owners`` itself is keyed by ``id``)."""
    found = inspect(conn)
    return sorted(t for t in found.get_table_names() if "owner_id" in _columns(conn, t))


def _owned(conn: Connection) -> dict[str, str]:
    """Every table holding rows of a member's, with the condition (on ``:o``, their owner id) that picks them."""
    found = {t: "owner_id = :o" for t in owner_tables(conn)}
    existing = set(inspect(conn).get_table_names())
    for table, columns in OTHER_OWNER_COLUMNS.items():
        if table in existing:
            found[table] = "(" + " OR ".join(f"{c} = :o" for c in columns) + ")"
    return found


def _columns(conn: Connection, table: str) -> set[str]:
    return {c["name"] for c in inspect(conn).get_columns(table)}


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    batch: list[int] = []
    for i in ids:
        batch.append(i)
        if len(batch) == _CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def _in(ids: list[int]) -> tuple[str, dict[str, int]]:
    return ", ".join(f":i{n}" for n in range(len(ids))), {f"i{n}": v for n, v in enumerate(ids)}


def _rows(conn: Connection, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(text(sql), params)]


def member_data(conn: Connection, member: Member) -> dict[str, Any]:
    """Everything that would leave with the member, as JSON-ready rows by table (what ``--export-to`` writes)."""
    o = {"o": member.owner_id}
    out: dict[str, Any] = {"member": {"email": member.email, "owner_id": member.owner_id},
                           "owners": _rows(conn, "SELECT * FROM owners WHERE id = :o", o)}
    tables = _owned(conn)
    for table, mine in tables.items():
        if table != "members":
            out[table] = _rows(conn, f"SELECT * FROM {table} WHERE {mine} ORDER BY 1", o)
    for child, column in _child_tables(conn, tables):
        parent = CHILDREN[column]
        out[child] = _rows(conn, f"SELECT * FROM {child} WHERE {column} IN "
                                 f"(SELECT id FROM {parent} WHERE {tables[parent]})", o)
    people = sorted(_their_people(conn, member.owner_id, tables))
    out["people"] = [row for batch in _chunks(people) for row in
                     _rows(conn, f"SELECT * FROM people WHERE id IN ({_in(batch)[0]})", _in(batch)[1])]
    return out


def _child_tables(conn: Connection, owned: dict[str, str]) -> list[tuple[str, str]]:
    out = []
    for table in inspect(conn).get_table_names():
        if table in owned:
            continue
        cols = _columns(conn, table)
        out += [(table, column) for column in CHILDREN if column in cols and CHILDREN[column] in owned]
    return out


def _their_people(conn: Connection, owner_id: int, tables: dict[str, str]) -> set[int]:
    """People the member's rows name (and the member's own people row)."""
    found: set[int] = set()
    for table, mine in tables.items():
        cols = _columns(conn, table)
        for column in ("person_id", "other_id"):
            if column in cols:
                found |= {int(p) for (p,) in conn.execute(
                    text(f"SELECT DISTINCT {column} FROM {table} WHERE {mine} AND {column} IS NOT NULL"),
                    {"o": owner_id})}
    own = conn.execute(text("SELECT person_id FROM owners WHERE id = :o"), {"o": owner_id}).scalar()
    if own is not None:
        found.add(int(own))
    return found


def remove_member(conn: Connection, member: Member) -> dict[str, int]:
    """Delete the member, their logins and every row of their data, in the caller's transaction; returns the
    rows deleted by table. People someone else still has rows about stay (only the member's rows about them go)."""
    o = {"o": member.owner_id}
    tables = _owned(conn)
    candidates = _their_people(conn, member.owner_id, tables)
    deleted: dict[str, int] = {}
    for table in ("member_sessions", "member_tokens", "member_invites"):
        deleted[table] = conn.execute(text(f"DELETE FROM {table} WHERE member_id = :m"),
                                      {"m": member.id}).rowcount
    for table, column in _child_tables(conn, tables):
        parent = CHILDREN[column]
        deleted[table] = conn.execute(text(f"DELETE FROM {table} WHERE {column} IN "
                                           f"(SELECT id FROM {parent} WHERE {tables[parent]})"), o).rowcount
    for table, mine in tables.items():
        deleted[table] = conn.execute(text(f"DELETE FROM {table} WHERE {mine}"), o).rowcount
    deleted["owners"] = conn.execute(text("DELETE FROM owners WHERE id = :o"), o).rowcount
    deleted["people"] = _forget_people(conn, candidates, tables)
    return {k: v for k, v in deleted.items() if v}


def _forget_people(conn: Connection, candidates: set[int], owned: dict[str, str]) -> int:
    """Delete the candidates no owner-scoped row (nor any owner) names any more, with their person-only rows."""
    keeping = [f"SELECT {c} FROM {t} WHERE {c} IN ({{ids}})" for t in owned for c in ("person_id", "other_id")
               if c in _columns(conn, t)]
    keeping.append("SELECT person_id FROM owners WHERE person_id IN ({ids})")
    hangers = [t for t in inspect(conn).get_table_names()
               if t not in owned and t != "people" and "person_id" in _columns(conn, t)]
    gone = 0
    for batch in _chunks(sorted(candidates)):
        marks, params = _in(batch)
        kept = {int(p) for q in keeping for (p,) in conn.execute(text(q.format(ids=marks)), params)}
        orphans = [p for p in batch if p not in kept]
        if not orphans:
            continue
        marks, params = _in(orphans)
        for table in hangers:
            conn.execute(text(f"DELETE FROM {table} WHERE person_id IN ({marks})"), params)
        gone += conn.execute(text(f"DELETE FROM people WHERE id IN ({marks})"), params).rowcount
    return gone
