"""Fast, portable bulk statements for the importer, inside the caller's transaction.

A million message rows is where SQLAlchemy's per-statement overhead shows, so bulk writes go to
the DBAPI cursor of the same connection (sqlite3 or psycopg), whose ``executemany`` is native
and whose ``rowcount`` is the number of rows actually written (``ON CONFLICT DO NOTHING`` rows
count 0). SQL is written once with ``:name`` parameters and adapted to psycopg's style.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, text

_NAMED = re.compile(r"(?<![:\w]):(\w+)")
IN_CHUNK = 900


class Bulk:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.sqlite = conn.dialect.name == "sqlite"
        self._driver: Any = conn.connection.driver_connection
        self._cache: dict[str, str] = {}

    def _native(self, sql: str) -> str:
        if self.sqlite:
            return sql
        native = self._cache.get(sql)
        if native is None:
            native = self._cache[sql] = _NAMED.sub(r"%(\1)s", sql.replace("%", "%%"))
        return native

    def many(self, sql: str, rows: Sequence[Mapping[str, Any]]) -> int:
        """Run ``sql`` once per row; return how many rows it wrote."""
        if not rows:
            return 0
        cur = self._driver.cursor()
        try:
            cur.executemany(self._native(sql), rows)
            return max(int(cur.rowcount), 0)
        finally:
            cur.close()

    def many_positional(self, sql: str, rows: Sequence[Sequence[Any]]) -> int:
        """Like :meth:`many` with ``?`` placeholders and tuples: the hot path for message rows."""
        if not rows:
            return 0
        native = sql if self.sqlite else sql.replace("?", "%s")
        cur = self._driver.cursor()
        try:
            cur.executemany(native, rows)
            return max(int(cur.rowcount), 0)
        finally:
            cur.close()

    def run(self, sql: str, params: Mapping[str, Any] | None = None) -> int:
        return max(int(self.conn.execute(text(sql), dict(params or {})).rowcount), 0)

    def rows(self, sql: str, params: Mapping[str, Any] | None = None) -> list[tuple[Any, ...]]:
        """All rows of a query, read through the driver's cursor (tens of thousands at a time)."""
        cur = self._driver.cursor()
        try:
            cur.execute(self._native(sql), dict(params or {}))
            return [tuple(r) for r in cur.fetchall()]
        finally:
            cur.close()

    def stream(self, sql: str, params: Mapping[str, Any] | None = None,
               size: int = 10_000) -> Iterator[tuple[Any, ...]]:
        """The rows of a query, fetched ``size`` at a time (a million never sit in memory at once)."""
        # On PostgreSQL a named (server-side) cursor, so the rows are fetched as read, not all at once.
        cur = self._driver.cursor() if self.sqlite else self._driver.cursor(name="twoway_stream")
        try:
            cur.execute(self._native(sql), dict(params or {}))
            while batch := cur.fetchmany(size):
                for r in batch:
                    yield tuple(r)
        finally:
            cur.close()

    def scalar(self, sql: str, params: Mapping[str, Any] | None = None) -> Any:
        return self.conn.execute(text(sql), dict(params or {})).scalar()

    def insert_id(self, sql: str, params: Mapping[str, Any]) -> int:
        """Insert one row and return its new id."""
        if self.sqlite:
            cur = self._driver.cursor()
            try:
                cur.execute(sql, params)
                return int(cur.lastrowid)
            finally:
                cur.close()
        return int(self.conn.execute(text(sql + " RETURNING id"), dict(params)).scalar_one())

    def rows_in(
        self, sql: str, values: Iterable[Any], params: Mapping[str, Any] | None = None
    ) -> list[tuple[Any, ...]]:
        """Run ``sql`` whose ``{in}`` is replaced by a bound list, in chunks; concatenate the rows."""
        items = list(values)
        out: list[tuple[Any, ...]] = []
        for start in range(0, len(items), IN_CHUNK):
            chunk = items[start:start + IN_CHUNK]
            names = [f"v{i}" for i in range(len(chunk))]
            bound = dict(params or {})
            bound.update(zip(names, chunk, strict=True))
            stmt = sql.replace("{in}", ", ".join(":" + n for n in names))
            out.extend(tuple(r) for r in self.conn.execute(text(stmt), bound))
        return out
