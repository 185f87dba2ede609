"""Likely matches between people (from address books, mail and calendars) as the faces list them."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, text


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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def merge_suggestions(conn: Connection, owner_id: int, *, status: str | None = "open") -> list[MergeSuggestion]:
    """The owner's suggestions (the open ones by default), oldest first: a connection and who may be them."""
    where = " AND s.status = :s" if status else ""
    rows = conn.execute(text(
        "SELECT s.id, s.person_id, p.full_name, s.other_id, COALESCE(q.full_name, p.full_name), s.reason, s.status "
        "FROM merge_suggestions s JOIN people p ON p.id = s.person_id "
        "LEFT JOIN people q ON q.id = s.other_id "  # an accepted one's other half is folded into the connection
        f"WHERE s.owner_id = :o{where} ORDER BY s.id"), {"o": owner_id, "s": status}).all()
    emails: dict[int, list[str]] = {}
    if rows:
        for pid, email in conn.execute(text(
                "SELECT e.person_id, e.email FROM person_emails e JOIN merge_suggestions s ON s.other_id = e.person_id "
                "WHERE s.owner_id = :o AND e.owner_id = :o ORDER BY e.email"), {"o": owner_id}):
            emails.setdefault(int(pid), []).append(str(email))
    return [MergeSuggestion(int(r[0]), int(r[1]), str(r[2]), int(r[3]), str(r[4]),
                            ", ".join(dict.fromkeys(emails.get(int(r[3]), []))), str(r[5]), str(r[6])) for r in rows]
