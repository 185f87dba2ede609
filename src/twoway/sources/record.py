"""The record of one import (``imports`` and ``import_files``), inside the caller's transaction."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

from sqlalchemy import Connection, text

from twoway import clock
from twoway.sources.summary import SourceSummary


def content_id(path: Path) -> str:
    """Size and CRC-32 of a file's bytes, read in chunks: the same file imported again is known by it."""
    crc = 0
    size = 0
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
            size += len(chunk)
    return f"{size}:{crc:08x}"


def imported_before(conn: Connection, cid: str, kind: str, *, owner_id: int | None = None) -> bool:
    """Whether a finished import (of ``owner_id``, or of anyone) already read a file with these very bytes."""
    mine = " AND i.owner_id = :o" if owner_id is not None else ""
    return conn.execute(text(
        "SELECT 1 FROM import_files f JOIN imports i ON i.id = f.import_id WHERE f.content_id = :c AND f.kind = :k "
        f"AND i.finished_at IS NOT NULL{mine} LIMIT 1"), {"c": cid, "k": kind, "o": owner_id}).first() is not None


def _insert_id(conn: Connection, sql: str, params: dict[str, object]) -> int:
    return int(conn.execute(text(sql + " RETURNING id"), params).scalar_one())


class SourceImport:
    """One import of one source for one owner: its files registered, its summary written when it finishes."""

    def __init__(self, conn: Connection, source: str, name: str, owner_id: int, summary: SourceSummary) -> None:
        self.conn = conn
        self.source = source
        self.owner_id = owner_id
        self.summary = summary
        self.created_at = clock.now().isoformat(timespec="seconds")
        self.id = _insert_id(conn, "INSERT INTO imports (owner_id, source, archive_name, started_at) "
                                   "VALUES (:o, :s, :a, :t)",
                             {"o": owner_id, "s": source, "a": name, "t": self.created_at})
        summary.import_id = self.id

    def unchanged(self, cid: str, kind: str) -> bool:
        """Whether this owner already imported a file with these very bytes."""
        return imported_before(self.conn, cid, kind, owner_id=self.owner_id)

    def register(self, name: str, kind: str, cid: str, size: int, encoding: str | None = None) -> int:
        return _insert_id(self.conn, "INSERT INTO import_files (import_id, name, kind, rows_read, content_id, bytes, "
                                     "encoding) VALUES (:i, :n, :k, 0, :c, :b, :e)",
                          {"i": self.id, "n": name, "k": kind, "c": cid, "b": size, "e": encoding})

    def file_done(self, file_id: int, read: int, skipped: int) -> None:
        self.conn.execute(text("UPDATE import_files SET rows_read = :r, rows_skipped = :k WHERE id = :id"),
                          {"r": read, "k": skipped, "id": file_id})

    def finish(self, exported_on: str | None = None) -> None:
        self.conn.execute(text("UPDATE imports SET exported_on = :d, finished_at = :t, summary = :s WHERE id = :i"), {
            "d": exported_on or clock.today().isoformat(), "t": clock.now().isoformat(timespec="seconds"),
            "s": json.dumps(self.summary.to_dict(), ensure_ascii=False), "i": self.id})
