"""Forgetting one import: what only it brought goes, and every connection's status is recomputed from the rest.

All in the caller's transaction. Connections are exact: each import records which connections it listed
(``import_connections``), so a connection no remaining import lists goes, and one still listed is connected
when the newest remaining export lists it, else removed on the first remaining export after it was last seen.
Rows of the other files (messages, invitations, endorsements, jobs…) carry the file that first brought them;
LinkedIn's exports are cumulative, so such a row passes to the next import of the same owner that read a file
of the same kind, and goes when there is none. People only this import brought, and nobody refers to, go too.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from twoway.errors import NotFound

# Tables whose rows carry the import file that brought them.
_SOURCED = ("interactions", "invitations", "endorsements", "recommendations", "contacts", "jobs", "owner_positions")
# Where a person may be referred to; a person referred to nowhere, brought only by the forgotten import, goes.
_REFERS = ("connections", "interactions", "conversation_members", "invitations", "endorsements", "recommendations",
           "tags", "notes", "decisions", "jobs", "import_connections")


@dataclass
class Forgotten:
    import_id: int
    owner_id: int | None
    rows_removed: int = 0
    rows_kept: int = 0  # rows passed on to a later import of the same kind of file
    connections_removed: int = 0
    statuses_changed: int = 0
    people_removed: int = 0

    def to_dict(self) -> dict[str, int | None]:
        return dict(self.__dict__)


def forget_import(conn: Connection, import_id: int, owner_id: int | None = None) -> Forgotten:
    """Remove import ``import_id`` and recompute what depended on it from the owner's other imports.

    ``owner_id``: the member asking; another member's import is not theirs to see or take back."""
    found = conn.execute(text("SELECT owner_id, exported_on FROM imports WHERE id = :i"), {"i": import_id}).first()
    if found is None or (owner_id is not None and found[0] is not None and int(found[0]) != owner_id):
        raise NotFound(f"no import #{import_id}; `twoway imports` lists them")
    owner_id = found[0]
    done = Forgotten(import_id, owner_id)
    files = conn.execute(text("SELECT id, kind FROM import_files WHERE import_id = :i"), {"i": import_id}).all()
    for file_id, kind in files:
        heir = conn.execute(text(
            "SELECT f.id FROM import_files f JOIN imports i ON i.id = f.import_id WHERE i.owner_id = :o "
            "AND f.kind = :k AND i.id > :me AND i.finished_at IS NOT NULL ORDER BY i.id LIMIT 1"),
            {"o": owner_id, "k": kind, "me": import_id}).scalar()
        for table in _SOURCED:
            if heir is not None:
                done.rows_kept += conn.execute(text(f"UPDATE {table} SET source_id = :h WHERE source_id = :f"),
                                               {"h": heir, "f": file_id}).rowcount
            else:
                done.rows_removed += conn.execute(text(f"DELETE FROM {table} WHERE source_id = :f"),
                                                  {"f": file_id}).rowcount
    conn.execute(text("DELETE FROM import_connections WHERE import_id = :i"), {"i": import_id})
    file_ids = [f for f, _ in files]
    if owner_id is not None:
        _recompute_connections(conn, owner_id, import_id, done)
        conn.execute(text("DELETE FROM conversation_members WHERE conversation_id IN (SELECT c.id FROM conversations "
                          "c WHERE c.owner_id = :o AND NOT EXISTS (SELECT 1 FROM interactions x WHERE "
                          "x.conversation_id = c.id))"), {"o": owner_id})
        conn.execute(text("DELETE FROM conversations WHERE owner_id = :o AND NOT EXISTS (SELECT 1 FROM interactions "
                          "x WHERE x.conversation_id = conversations.id)"), {"o": owner_id})
    if file_ids:
        _forget_people(conn, file_ids, done)
    conn.execute(text("DELETE FROM import_files WHERE import_id = :i"), {"i": import_id})
    conn.execute(text("DELETE FROM imports WHERE id = :i"), {"i": import_id})
    return done


def _recompute_connections(conn: Connection, owner_id: int, import_id: int, done: Forgotten) -> None:
    imports = conn.execute(text(
        "SELECT id, exported_on FROM imports WHERE owner_id = :o AND id <> :i AND finished_at IS NOT NULL "
        "ORDER BY exported_on, id"), {"o": owner_id, "i": import_id}).all()
    dates = {int(i): str(d or "") for i, d in imports}
    seen: dict[int, list[str]] = {}
    for iid, pid in conn.execute(text(
            "SELECT m.import_id, m.person_id FROM import_connections m JOIN imports i ON i.id = m.import_id "
            "WHERE i.owner_id = :o AND i.id <> :i"), {"o": owner_id, "i": import_id}):
        if int(iid) in dates:
            seen.setdefault(int(pid), []).append(dates[int(iid)])
    newest = int(imports[-1][0]) if imports else None
    in_newest = {int(p) for (p,) in conn.execute(
        text("SELECT person_id FROM import_connections WHERE import_id = :i"), {"i": newest})} if newest else set()
    ordered = sorted(set(dates.values()))
    deletes, updates = [], []
    for cid, pid, status, removed_on, last_seen in conn.execute(text(
            "SELECT id, person_id, status, removed_on, last_seen_on FROM connections WHERE owner_id = :o"),
            {"o": owner_id}).all():
        days = seen.get(int(pid))
        if not days:
            deletes.append({"id": cid})
            continue
        last = max(days)
        new: tuple[str, str | None, str]
        if int(pid) in in_newest:
            new = ("connected", None, last)
        else:
            after = [d for d in ordered if d > last]
            new = ("removed", after[0] if after else last, last)
        if new != (status, removed_on, last_seen):
            updates.append({"id": cid, "s": new[0], "r": new[1], "l": new[2]})
    if deletes:
        done.connections_removed = conn.execute(text("DELETE FROM connections WHERE id = :id"), deletes).rowcount
    if updates:
        conn.execute(text("UPDATE connections SET status = :s, removed_on = :r, last_seen_on = :l WHERE id = :id"),
                     updates)
        done.statuses_changed = len(updates)


def _forget_people(conn: Connection, file_ids: list[int], done: Forgotten) -> None:
    unused = " AND ".join(f"NOT EXISTS (SELECT 1 FROM {t} r WHERE r.person_id = people.id)" for t in _REFERS)
    for file_id in file_ids:
        done.people_removed += conn.execute(text(
            f"DELETE FROM people WHERE source_id = :f AND {unused} "
            "AND NOT EXISTS (SELECT 1 FROM owners o WHERE o.person_id = people.id)"), {"f": file_id}).rowcount
        for table in ("people", "connections"):
            conn.execute(text(f"UPDATE {table} SET source_id = NULL WHERE source_id = :f"), {"f": file_id})
