"""Migrations from m011 on, appended to the one ordered list (``migrations.py`` holds m001–m010 and the rules).

The list is still one list: this module imports the first so its migrations always come after them.
"""

from __future__ import annotations

from sqlalchemy import Connection

from twoway.store.ddl import ddl as _ddl
from twoway.store.migrations import MIGRATIONS, RECORDED_AS, Migration, migration

__all__ = ["MIGRATIONS", "RECORDED_AS", "Migration", "migration"]


@migration
def m011_accounts(conn: Connection) -> None:
    """Team accounts: the team flag, members (each bound to one owner), invitations to set a password, server-side
    sessions, API tokens and failed logins. Secrets are never stored: only their SHA-256 (argon2 for passwords)."""
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
