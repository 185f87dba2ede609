"""Reading rows for many ids at once: ``IN :ids`` lists cut into slices every engine accepts."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Row, TextClause, bindparam, text

# An expanding bind becomes one parameter per id; 500 keeps a query well under SQLite's limit
# (999 on older builds) and keeps PostgreSQL's plans simple.
IN_CHUNK = 500


def chunks(ids: Sequence[int], size: int = IN_CHUNK) -> Iterator[list[int]]:
    """``ids`` in consecutive slices of at most ``size``."""
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def in_ids(sql: str) -> TextClause:
    """``sql`` with ``:ids`` bound as an expanding list, for ``... IN :ids``."""
    return text(sql).bindparams(bindparam("ids", expanding=True))


def rows_for_ids(conn: Connection, sql: str, ids: Sequence[int], params: dict[str, Any] | None = None
                 ) -> Iterator[Row[*tuple[Any, ...]]]:
    """Every row of ``sql`` (which says ``IN :ids``) over all of ``ids``, one slice of ids per query."""
    query = in_ids(sql)
    for chunk in chunks(ids):
        yield from conn.execute(query, {**(params or {}), "ids": chunk})
