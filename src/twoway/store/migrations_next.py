"""Migrations from m011 on, appended to the one ordered list (``migrations.py`` holds m001–m010 and the rules).

The list is still one list: this module imports the first so its migrations always come after them.
"""

from __future__ import annotations

from sqlalchemy import Connection

from twoway.store.ddl import ddl as _ddl
from twoway.store.migrations import MIGRATIONS, RECORDED_AS, Migration, migration

__all__ = ["MIGRATIONS", "RECORDED_AS", "Migration", "migration"]


@migration
def m013_intro_requests(conn: Connection) -> None:
    """Introductions asked and given between members: the requests, and an audit log of every step.

    At most one open request per (asker, member asked, person): the partial unique index is the second
    wall behind the check in ``twoway.introductions`` (two clicks at once)."""
    _ddl(conn, """
    CREATE TABLE intro_requests (
        id {pk},
        asker_id BIGINT NOT NULL,
        via_id BIGINT NOT NULL,
        person_id BIGINT NOT NULL,
        status TEXT NOT NULL,
        is_open INTEGER NOT NULL DEFAULT 1,
        message TEXT NOT NULL,
        about TEXT,
        note TEXT,
        blurb TEXT,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
    );
    CREATE INDEX intro_requests_asker ON intro_requests (asker_id, id);
    CREATE INDEX intro_requests_via ON intro_requests (via_id, id);
    CREATE UNIQUE INDEX intro_requests_one_open ON intro_requests (asker_id, via_id, person_id) WHERE is_open = 1;
    CREATE TABLE intro_log (
        id {pk},
        request_id BIGINT NOT NULL,
        actor_id BIGINT NOT NULL,
        action TEXT NOT NULL,
        status TEXT NOT NULL,
        note TEXT,
        at BIGINT NOT NULL
    );
    CREATE INDEX intro_log_request ON intro_log (request_id, id)
    """)


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
