"""Migrations from m011 on, appended to the one ordered list (``migrations.py`` holds m001–m010 and the rules).

The list is still one list: this module imports the first so its migrations always come after them.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from twoway.store.ddl import ddl as _ddl
from twoway.store.migrations import MIGRATIONS, RECORDED_AS, Migration, migration
from twoway.store.privacy import policies

__all__ = ["MIGRATIONS", "RECORDED_AS", "Migration", "migration"]


# The member whose import wrote a row (its ``source_id`` is an import file), else the only member there is.
_SOURCE_OWNER = ("COALESCE((SELECT i.owner_id FROM import_files f JOIN imports i ON i.id = f.import_id "
                 "WHERE f.id = {t}.source_id), (SELECT MIN(id) FROM owners HAVING COUNT(*) = 1))")


@migration
def m011_member_private(conn: Connection) -> None:
    """Each member's private facts kept with that member: a connection's e-mail address (``connections.email``,
    no longer ``people.email``, which every member's page showed), the addresses and job history each member's
    imports recorded (``owner_id`` on ``person_emails`` and ``jobs``), and settings per member (owner 0: the
    database's own, read by every member unless they set their own)."""
    _ddl(conn, """
    ALTER TABLE connections ADD COLUMN email TEXT;
    ALTER TABLE person_emails ADD COLUMN owner_id BIGINT;
    ALTER TABLE jobs ADD COLUMN owner_id BIGINT
    """)
    # A person's address came with the last export that named them: kept with the member whose import wrote the
    # person row, or with the only member connected to them.
    conn.execute(text(
        "UPDATE connections SET email = (SELECT p.email FROM people p WHERE p.id = connections.person_id) "
        "WHERE (SELECT COUNT(*) FROM connections c2 WHERE c2.person_id = connections.person_id) = 1 "
        "OR connections.owner_id = (SELECT i.owner_id FROM people p JOIN import_files f ON f.id = p.source_id "
        "JOIN imports i ON i.id = f.import_id WHERE p.id = connections.person_id)"))
    conn.execute(text(f"UPDATE person_emails SET owner_id = {_SOURCE_OWNER.format(t='person_emails')}"))
    conn.execute(text(f"UPDATE jobs SET owner_id = {_SOURCE_OWNER.format(t='jobs')}"))
    _ddl(conn, """
    UPDATE people SET email = NULL;
    DROP INDEX person_emails_email;
    CREATE UNIQUE INDEX person_emails_owner_email ON person_emails (owner_id, email);
    CREATE INDEX person_emails_owner_person ON person_emails (owner_id, person_id);
    DROP INDEX jobs_person_company_position;
    CREATE UNIQUE INDEX jobs_owner_person_company_position ON jobs (owner_id, person_id, company, position);
    ALTER TABLE settings RENAME TO settings_m011;
    CREATE TABLE settings (owner_id BIGINT NOT NULL DEFAULT 0, key TEXT NOT NULL, value TEXT NOT NULL,
        updated_at TEXT NOT NULL);
    CREATE UNIQUE INDEX settings_owner_key ON settings (owner_id, key);
    INSERT INTO settings (owner_id, key, value, updated_at)
        SELECT COALESCE((SELECT MIN(id) FROM owners HAVING COUNT(*) = 1), 0), key, value, updated_at
        FROM settings_m011 WHERE key IS NOT NULL;
    DROP TABLE settings_m011;
    CREATE TABLE member_ties (owner_id BIGINT NOT NULL, person_id BIGINT NOT NULL, band TEXT NOT NULL,
        as_of TEXT NOT NULL);
    CREATE UNIQUE INDEX member_ties_key ON member_ties (owner_id, person_id);
    CREATE INDEX member_ties_person ON member_ties (person_id)
    """)


@migration
def m012_intro_requests(conn: Connection) -> None:
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
def m013_merge_undo(conn: Connection) -> None:
    """Every merge of two people remembered (``merges_done``): which rows moved from the folded person, which
    fields of the kept one it filled, and the folded person's own row, so that ``twoway merge --undo`` puts
    both back exactly as they were."""
    _ddl(conn, """
    CREATE TABLE merges_done (id {pk}, owner_id BIGINT, suggestion_id BIGINT, person_id BIGINT NOT NULL,
        other_id BIGINT NOT NULL, other_name TEXT NOT NULL, reason TEXT NOT NULL, record TEXT NOT NULL,
        done_at TEXT NOT NULL, undone_at TEXT);
    CREATE INDEX merges_done_owner ON merges_done (owner_id, id)
    """)


#: The private tables as this migration found them (frozen: a table added later gets its wall in its own migration).
_PRIVATE_AT_M014 = ("notes", "tags", "interactions", "invitations", "decisions", "merge_suggestions",
                    "owner_emails", "person_emails", "jobs", "conversations", "endorsements", "recommendations",
                    "contacts", "owner_positions", "settings", "merges_done")


@migration
def m014_member_row_security(conn: Connection) -> None:
    """PostgreSQL: row-level security, enabled and forced, on the wholly private tables (``store.privacy``): a
    transaction bound to a member sees only that member's rows. SQLite has none; nothing changes there."""
    if conn.dialect.name != "postgresql":
        return
    for table in _PRIVATE_AT_M014:
        conn.execute(text(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"))
        conn.execute(text(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY"))
        for statement in policies(table):
            conn.execute(text(statement))


@migration
def m015_accounts(conn: Connection) -> None:
    """Team accounts: the team flag, members (each bound to one owner), invitations to set a password, server-side
    sessions, API tokens and failed logins. Secrets are never stored: only their SHA-256 (argon2 for passwords).
    None of these tables is under row-level security: a login is looked up before anyone is bound."""
    _ddl(conn, """
    CREATE TABLE team (id BIGINT PRIMARY KEY, created_at BIGINT NOT NULL);
    CREATE TABLE members (id {pk}, email TEXT NOT NULL, owner_id BIGINT NOT NULL, is_admin INTEGER NOT NULL DEFAULT 0,
        password_hash TEXT, created_at BIGINT NOT NULL);
    CREATE UNIQUE INDEX members_email ON members (email);
    CREATE UNIQUE INDEX members_owner ON members (owner_id);
    CREATE TABLE member_invites (id {pk}, member_id BIGINT NOT NULL, code_hash TEXT NOT NULL,
        created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, used_at BIGINT);
    CREATE UNIQUE INDEX member_invites_code ON member_invites (code_hash);
    CREATE TABLE member_sessions (id {pk}, member_id BIGINT NOT NULL, token_hash TEXT NOT NULL,
        created_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, revoked_at BIGINT,
        client TEXT, user_agent TEXT);
    CREATE UNIQUE INDEX member_sessions_token ON member_sessions (token_hash);
    CREATE INDEX member_sessions_member ON member_sessions (member_id);
    CREATE TABLE member_tokens (id {pk}, member_id BIGINT NOT NULL, token_hash TEXT NOT NULL, label TEXT NOT NULL,
        created_at BIGINT NOT NULL, last_used_at BIGINT, revoked_at BIGINT);
    CREATE UNIQUE INDEX member_tokens_token ON member_tokens (token_hash);
    CREATE TABLE login_failures (id {pk}, key TEXT NOT NULL, at BIGINT NOT NULL);
    CREATE INDEX login_failures_key_at ON login_failures (key, at)
    """)
