"""Folding one person into another, and taking it back: every merge (the exact ones an import makes and the
suggestions the owner accepts) is written to ``merges_done`` with what it changed, so ``undo_merge`` restores
both people exactly; nothing of either side is lost.

The record keeps the folded person's own row, the ids of the rows that changed person (per table), rows that
could not move because the kept person already had the same (a tag both carry: kept whole in the record), the
reasons of addresses it rewrote, the fields of the kept person it filled, and the other suggestions about the
folded person it removed.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, bindparam, text

from twoway import clock
from twoway.errors import Conflict, NotFound

FROM_CONNECTIONS = "e-mail in LinkedIn connections"
#: Tables whose rows follow a person merged into another: the column that names a row among the person's, and
#: the columns that must stay unique beside ``person_id`` (a row the kept person already has in that sense is set
#: aside whole in the record, not moved).
FOLLOW: dict[str, tuple[str, tuple[str, ...]]] = {
    "interactions": ("id", ()),
    "person_emails": ("id", ()),
    "notes": ("id", ()),
    "decisions": ("id", ()),
    "invitations": ("id", ()),
    "tags": ("id", ("owner_id", "tag")),
    "jobs": ("id", ("company", "position")),
    "endorsements": ("id", ("owner_id", "direction", "skill")),
    "recommendations": ("id", ("owner_id", "direction", "at")),
    "conversation_members": ("conversation_id", ("conversation_id",)),
}
#: The tables above whose rows belong to one member: a fold for one member never moves another member's.
MEMBER_ROWS = ("interactions", "person_emails", "notes", "decisions", "invitations", "tags", "jobs", "endorsements",
               "recommendations")
CHUNK = 5000  # ids per statement: far below SQLite's and PostgreSQL's limits on parameters
#: Fields of the kept person an empty value of which the folded person's fills.
FILLED = ("email", "company", "position")


def _rows(conn: Connection, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(text(sql), params)]


def fold_person(conn: Connection, keep: int, gone: int, reason: str, *, keep_suggestion: int | None = None,
                owner_id: int | None = None) -> int | None:
    """Move everything of ``gone`` (a person known only from mail, calendars or address books) onto ``keep``
    and delete ``gone``, recording it; the record's id, or None, changing nothing, when ``gone`` has a profile URL
    or is someone's connection. ``keep_suggestion``: the one suggestion about them that stays, as the record of
    the owner's decision."""
    person = _rows(conn, "SELECT * FROM people WHERE id = :g", {"g": gone})
    if not person or person[0]["url"] is not None or conn.execute(text(
            "SELECT 1 FROM connections WHERE person_id = :g LIMIT 1"), {"g": gone}).first() is not None:
        return None
    if owner_id is not None and _anothers(conn, gone, owner_id):
        return None
    moved: dict[str, list[int]] = {}
    set_aside: dict[str, list[dict[str, Any]]] = {}
    for table, (key, unique) in FOLLOW.items():
        if unique:
            same = " AND ".join(f"k.{c} = t.{c}" for c in unique)
            clash = _rows(conn, f"SELECT t.* FROM {table} t WHERE t.person_id = :g AND EXISTS "
                                f"(SELECT 1 FROM {table} k WHERE k.person_id = :k AND {same}) ORDER BY t.{key}",
                          {"g": gone, "k": keep})
            if clash:
                set_aside[table] = clash
                _each(conn, f"DELETE FROM {table} WHERE person_id = :p AND {key} IN :ids", gone,
                      [r[key] for r in clash])
        ids = [int(r[0]) for r in conn.execute(text(
            f"SELECT {key} FROM {table} WHERE person_id = :g ORDER BY {key}"), {"g": gone})]
        if ids:
            moved[table] = ids
            conn.execute(text(f"UPDATE {table} SET person_id = :k WHERE person_id = :g"), {"k": keep, "g": gone})
    reasons = [[int(i), str(r)] for i, r in conn.execute(text(
        "SELECT id, reason FROM person_emails WHERE person_id = :k AND reason <> :c AND reason <> :r ORDER BY id"),
        {"k": keep, "c": FROM_CONNECTIONS, "r": reason})]
    conn.execute(text("UPDATE person_emails SET reason = :r WHERE person_id = :k AND reason <> :c"),
                 {"r": reason, "k": keep, "c": FROM_CONNECTIONS})
    kept = _rows(conn, f"SELECT {', '.join(FILLED)} FROM people WHERE id = :k", {"k": keep})[0]
    filled = {f: person[0][f] for f in FILLED if kept[f] is None and person[0][f] is not None}
    for field, value in filled.items():
        conn.execute(text(f"UPDATE people SET {field} = :v WHERE id = :k"), {"v": value, "k": keep})
    dropped = _rows(conn, "SELECT * FROM merge_suggestions WHERE (person_id = :g OR other_id = :g) AND id <> :s "
                          "ORDER BY id", {"g": gone, "s": keep_suggestion or 0})
    conn.execute(text("DELETE FROM merge_suggestions WHERE (person_id = :g OR other_id = :g) AND id <> :s"),
                 {"g": gone, "s": keep_suggestion or 0})
    conn.execute(text("DELETE FROM people WHERE id = :g"), {"g": gone})
    record = {"person": person[0], "moved": moved, "set_aside": set_aside, "reasons": reasons, "filled": filled,
              "suggestions": dropped}
    return int(conn.execute(text(
        "INSERT INTO merges_done (owner_id, suggestion_id, person_id, other_id, other_name, reason, record, "
        "done_at) VALUES (:o, :s, :k, :g, :n, :r, :rec, :t) RETURNING id"), {
            "o": owner_id, "s": keep_suggestion, "k": keep, "g": gone, "n": person[0]["full_name"], "r": reason,
            "rec": json.dumps(record, ensure_ascii=False, default=str),
            "t": clock.now().isoformat(timespec="seconds")}).scalar_one())


def _anothers(conn: Connection, gone: int, owner_id: int) -> bool:
    """Whether ``gone`` is also another member's: their own import made the person, or they hold rows on them.
    The import is read first, since behind PostgreSQL's wall another member's rows are not visible at all."""
    made_by = conn.execute(text(
        "SELECT i.owner_id FROM people p JOIN import_files f ON f.id = p.source_id "
        "JOIN imports i ON i.id = f.import_id WHERE p.id = :g"), {"g": gone}).scalar()
    if made_by is not None and int(made_by) != owner_id:
        return True
    return any(conn.execute(text(f"SELECT 1 FROM {table} WHERE person_id = :g AND owner_id <> :o LIMIT 1"),
                            {"g": gone, "o": owner_id}).first() is not None for table in MEMBER_ROWS)


def undo_merge(conn: Connection, owner_id: int, merge_id: int) -> str:
    """Put the folded person back with every row they brought, the kept person as they were; the outcome in
    words. Rows added to the kept person since stay with them; rows removed since (``imports forget``) stay
    removed. Refused, saying why, when the kept person is gone since (forgotten, or folded in turn)."""
    row = conn.execute(text(
        "SELECT person_id, other_id, other_name, reason, record, undone_at, suggestion_id FROM merges_done "
        "WHERE id = :i AND (owner_id = :o OR owner_id IS NULL)"), {"i": merge_id, "o": owner_id}).first()
    if row is None:
        raise NotFound(f"no merge #{merge_id}", cli_hint="`twoway merge --done` lists them")
    keep, gone, name, reason = int(row[0]), int(row[1]), str(row[2]), str(row[3])
    if row[5] is not None:
        raise Conflict(f"merge #{merge_id} was already undone on {str(row[5])[:10]}")
    if conn.execute(text("SELECT 1 FROM people WHERE id = :k"), {"k": keep}).first() is None:
        later = conn.execute(text("SELECT id FROM merges_done WHERE other_id = :k AND undone_at IS NULL "
                                  "ORDER BY id DESC"), {"k": keep}).scalar()
        raise Conflict(f"person #{keep} of merge #{merge_id} is no longer here: "
                       + (f"undo merge #{later} first" if later else "an import that brought them was forgotten"))
    if conn.execute(text("SELECT 1 FROM people WHERE id = :g"), {"g": gone}).first() is not None:
        raise Conflict(f"person #{gone} exists again: merge #{merge_id} cannot be undone over them")
    rec = json.loads(str(row[4]))
    person: dict[str, Any] = rec["person"]
    cols = list(person)
    conn.execute(text(f"INSERT INTO people ({', '.join(cols)}) VALUES ({', '.join(':' + c for c in cols)})"),
                 person)
    back = 0
    for table, ids in rec["moved"].items():
        back += _each(conn, f"UPDATE {table} SET person_id = {gone} WHERE person_id = :p AND {FOLLOW[table][0]} "
                            "IN :ids", keep, ids)
    for table, rows in rec["set_aside"].items():
        _insert(conn, table, rows)
    for email_id, old in rec["reasons"]:
        conn.execute(text("UPDATE person_emails SET reason = :o WHERE id = :i AND reason = :r"),
                     {"o": old, "i": email_id, "r": reason})
    for field, value in rec["filled"].items():
        conn.execute(text(f"UPDATE people SET {field} = NULL WHERE id = :k AND {field} = :v"), {"k": keep, "v": value})
    _insert(conn, "merge_suggestions", [s for s in rec["suggestions"] if _both_here(conn, s)])
    if row[6] is not None:
        conn.execute(text("UPDATE merge_suggestions SET status = 'open' WHERE id = :s"), {"s": int(row[6])})
    conn.execute(text("UPDATE merges_done SET undone_at = :t WHERE id = :i"),
                 {"t": clock.now().isoformat(timespec="seconds"), "i": merge_id})
    return f"{name} (#{gone}) is apart from #{keep} again; {back:,} rows (messages, addresses, notes) went back."


def _both_here(conn: Connection, suggestion: dict[str, Any]) -> bool:
    """Whether a suggestion's two people both still exist (a removed suggestion comes back only then)."""
    return int(conn.execute(text("SELECT COUNT(*) FROM people WHERE id IN (:p, :q)"),
                            {"p": suggestion["person_id"], "q": suggestion["other_id"]}).scalar_one()) == 2


def _each(conn: Connection, sql: str, person: int, ids: list[int]) -> int:
    """Run ``sql`` (with ``:p`` and ``:ids``) over ``ids`` a chunk at a time; the rows it changed."""
    statement = text(sql).bindparams(bindparam("ids", expanding=True))
    return sum(int(conn.execute(statement, {"p": person, "ids": ids[i:i + CHUNK]}).rowcount)
               for i in range(0, len(ids), CHUNK))


def _insert(conn: Connection, table: str, rows: list[dict[str, Any]]) -> None:
    if rows:
        cols = list(rows[0])
        conn.execute(text(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join(':' + c for c in cols)}) "
                          "ON CONFLICT DO NOTHING"), rows)
