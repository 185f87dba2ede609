"""Likely matches between people (from address books, mail and calendars) as the faces list them, side by side,
and the merges already made (each can be undone)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, text

_CHANNELS = {"email": ("e-mail", "e-mails"), "meeting": ("meeting", "meetings"),
             "linkedin": ("LinkedIn message", "LinkedIn messages")}


@dataclass(frozen=True)
class MergeSuggestion:
    id: int
    person_id: int
    person_name: str
    other_id: int
    other_name: str
    other_emails: str
    reason: str
    status: str
    person_company: str = ""
    other_company: str = ""
    person_email_list: list[str] = field(default_factory=list)
    other_email_list: list[str] = field(default_factory=list)
    person_sources: list[str] = field(default_factory=list)  # where each side is known from, in words
    other_sources: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class MergeDone:
    id: int
    person_id: int
    person_name: str
    other_id: int
    other_name: str
    reason: str
    suggestion_id: int | None
    rows_moved: int
    done_at: str
    undone_at: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def merge_suggestions(conn: Connection, owner_id: int, *, status: str | None = "open") -> list[MergeSuggestion]:
    """The owner's suggestions (the open ones by default), oldest first: a connection and who may be them, each
    side with their company, addresses and where they are known from."""
    where = " AND s.status = :s" if status else ""
    rows = conn.execute(text(
        "SELECT s.id, s.person_id, p.full_name, s.other_id, COALESCE(q.full_name, p.full_name), s.reason, s.status, "
        "p.company, q.company FROM merge_suggestions s JOIN people p ON p.id = s.person_id "
        "LEFT JOIN people q ON q.id = s.other_id "  # an accepted one's other half is folded into the connection
        f"WHERE s.owner_id = :o{where} ORDER BY s.id"), {"o": owner_id, "s": status}).all()
    ids = sorted({int(r[1]) for r in rows} | {int(r[3]) for r in rows})
    emails = _emails(conn, owner_id, ids)
    known = _sources(conn, owner_id, ids)
    return [MergeSuggestion(int(r[0]), int(r[1]), str(r[2]), int(r[3]), str(r[4]),
                            ", ".join(emails.get(int(r[3]), [])), str(r[5]), str(r[6]), str(r[7] or ""),
                            str(r[8] or ""), emails.get(int(r[1]), []), emails.get(int(r[3]), []),
                            known.get(int(r[1]), []), known.get(int(r[3]), [])) for r in rows]


def merges_done(conn: Connection, owner_id: int) -> list[MergeDone]:
    """The merges made for this owner (by an import's exact match or the owner's acceptance), newest first."""
    rows = conn.execute(text(
        "SELECT m.id, m.person_id, COALESCE(p.full_name, ''), m.other_id, m.other_name, m.reason, m.suggestion_id, "
        "m.record, m.done_at, m.undone_at FROM merges_done m LEFT JOIN people p ON p.id = m.person_id "
        "WHERE m.owner_id = :o OR m.owner_id IS NULL ORDER BY m.id DESC"), {"o": owner_id}).all()
    out = []
    for r in rows:
        record = json.loads(str(r[7]))
        moved = sum(len(v) for v in record.get("moved", {}).values())
        out.append(MergeDone(int(r[0]), int(r[1]), str(r[2]), int(r[3]), str(r[4]), str(r[5]),
                             None if r[6] is None else int(r[6]), moved, str(r[8]),
                             None if r[9] is None else str(r[9])))
    return out


def _in(sql: str) -> Any:
    return text(sql).bindparams(bindparam("ids", expanding=True))


def _emails(conn: Connection, owner_id: int, ids: list[int]) -> dict[int, list[str]]:
    """The owner's own addresses of each person (another member's are theirs alone)."""
    out: dict[int, list[str]] = {}
    if ids:
        for pid, email in conn.execute(_in(
                "SELECT person_id, email FROM person_emails WHERE owner_id = :o AND person_id IN :ids ORDER BY email"),
                {"o": owner_id, "ids": ids}):
            out.setdefault(int(pid), []).append(str(email))
    return out


def _sources(conn: Connection, owner_id: int, ids: list[int]) -> dict[int, list[str]]:
    """Where each person is known from: a LinkedIn connection (since when), an address book, and how many
    messages and meetings of each channel."""
    out: dict[int, list[str]] = {}
    if not ids:
        return out
    for pid, since in conn.execute(_in(
            "SELECT person_id, connected_on FROM connections WHERE owner_id = :o AND person_id IN :ids"),
            {"o": owner_id, "ids": ids}):
        out.setdefault(int(pid), []).append("LinkedIn connection" + (f" since {since}" if since else ""))
    for (pid,) in conn.execute(_in(
            "SELECT p.id FROM people p JOIN import_files f ON f.id = p.source_id JOIN imports i ON i.id = f.import_id "
            "WHERE p.id IN :ids AND f.kind LIKE 'contacts:%' AND i.owner_id = :o"), {"o": owner_id, "ids": ids}):
        out.setdefault(int(pid), []).append("address book")
    for pid, channel, n in conn.execute(_in(
            "SELECT person_id, channel, COUNT(*) FROM interactions WHERE owner_id = :o AND person_id IN :ids "
            "GROUP BY person_id, channel ORDER BY person_id, channel"), {"o": owner_id, "ids": ids}):
        one, many = _CHANNELS.get(str(channel), (str(channel), str(channel)))
        out.setdefault(int(pid), []).append(f"{int(n):,} {one if int(n) == 1 else many}")
    return out
