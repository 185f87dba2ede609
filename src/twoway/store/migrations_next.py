"""Migrations from m011 on, appended to the one ordered list (``migrations.py`` holds m001–m010 and the rules).

The list is still one list: this module imports the first so its migrations always come after them.
"""

from __future__ import annotations

from sqlalchemy import Connection

from twoway.store.ddl import ddl as _ddl
from twoway.store.migrations import MIGRATIONS, RECORDED_AS, Migration, migration

__all__ = ["MIGRATIONS", "RECORDED_AS", "Migration", "migration"]


@migration
def m014_merge_undo(conn: Connection) -> None:
    """Every merge of two people remembered (``merges_done``): which rows moved from the folded person, which
    fields of the kept one it filled, and the folded person's own row, so that ``twoway merge --undo`` puts
    both back exactly as they were."""
    _ddl(conn, """
    CREATE TABLE merges_done (id {pk}, owner_id BIGINT, suggestion_id BIGINT, person_id BIGINT NOT NULL,
        other_id BIGINT NOT NULL, other_name TEXT NOT NULL, reason TEXT NOT NULL, record TEXT NOT NULL,
        done_at TEXT NOT NULL, undone_at TEXT);
    CREATE INDEX merges_done_owner ON merges_done (owner_id, id)
    """)
