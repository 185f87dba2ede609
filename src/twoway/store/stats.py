"""The planner's statistics brought up to date after an import, on PostgreSQL.

PostgreSQL plans queries from statistics that autovacuum refreshes in the background, a minute or more
after a table changed. An import adds thousands of rows, and what runs right after it (publishing the
member's bands joins every member's connections) was planned from the counts of an emptier table:
measured on a team of 20, ``connections`` held 117,642 rows, the planner believed 270, and a join of a
tenth of a second ran as a nested loop for 46 s, longer at every import. Sampling a table costs a
fraction of a second whatever its size (ANALYZE reads a fixed sample).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

#: The tables an import grows most, and that the queries after it join.
TABLES = ("connections", "people", "interactions", "import_connections")


def refresh(conn: Connection) -> None:
    """Sample TABLES again (PostgreSQL; nothing to do on SQLite, whose planner does not need it here)."""
    if conn.dialect.name != "postgresql":
        return
    for table in TABLES:
        conn.execute(text(f"ANALYZE {table}"))
