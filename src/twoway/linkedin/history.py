"""The imports a database has seen, newest first, with the summary each one recorded."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text


@dataclass(frozen=True)
class PastImport:
    id: int
    owner_id: int | None
    owner_name: str | None
    archive: str | None
    exported_on: str | None
    started_at: str
    finished_at: str | None
    files: int
    summary: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "owner_id": self.owner_id, "owner_name": self.owner_name, "archive": self.archive,
            "exported_on": self.exported_on, "started_at": self.started_at, "finished_at": self.finished_at,
            "files": self.files, "summary": self.summary,
        }


def past_imports(conn: Connection, owner_id: int | None = None) -> list[PastImport]:
    """Every finished import (of one owner, when given), newest first."""
    where = "WHERE i.finished_at IS NOT NULL" + (" AND i.owner_id = :o" if owner_id is not None else "")
    rows = conn.execute(text(
        "SELECT i.id, i.owner_id, o.name, i.archive_name, i.exported_on, i.started_at, i.finished_at, "
        "(SELECT COUNT(*) FROM import_files f WHERE f.import_id = i.id), i.summary "
        f"FROM imports i LEFT JOIN owners o ON o.id = i.owner_id {where} ORDER BY i.id DESC"
    ), {"o": owner_id})
    out = []
    for row in rows:
        try:
            summary = json.loads(row[8]) if row[8] else {}
        except ValueError:
            summary = {}
        out.append(PastImport(row[0], row[1], row[2], row[3], row[4], row[5], row[6], int(row[7]), summary))
    return out
