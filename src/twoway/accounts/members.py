"""Members of a team server: who they are, the one owner row each is bound to, invitations to set a password."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from twoway import clock
from twoway import settings as settings_mod
from twoway.accounts import passwords, secret
from twoway.errors import Conflict, InputError, NotFound, Unauthorized

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
INVITE_PREFIX = "twi_"


@dataclass(frozen=True)
class Member:
    id: int
    email: str
    owner_id: int
    is_admin: bool
    has_password: bool
    created_at: int

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "email": self.email, "owner_id": self.owner_id, "is_admin": self.is_admin,
                "has_password": self.has_password, "created_at": self.created_at}


_COLUMNS = "id, email, owner_id, is_admin, password_hash IS NOT NULL, created_at"


def _member(row: Sequence[Any]) -> Member:
    return Member(int(row[0]), str(row[1]), int(row[2]), bool(row[3]), bool(row[4]), int(row[5]))


def normalise_email(raw: str) -> str:
    email = raw.strip().lower()
    if not _EMAIL.match(email):
        raise InputError(f"{raw.strip()!r} is not an e-mail address")
    return email


def is_team(conn: Connection) -> bool:
    """Whether this database is a team server (``twoway team init``): then every face needs a member."""
    return conn.execute(text("SELECT 1 FROM team WHERE id = 1")).first() is not None


def mark_team(conn: Connection) -> None:
    if not is_team(conn):
        conn.execute(text("INSERT INTO team (id, created_at) VALUES (1, :t)"), {"t": secret.now()})


def all_members(conn: Connection) -> list[Member]:
    return [_member(r) for r in conn.execute(text(f"SELECT {_COLUMNS} FROM members ORDER BY id"))]


def get(conn: Connection, member_id: int) -> Member:
    row = conn.execute(text(f"SELECT {_COLUMNS} FROM members WHERE id = :i"), {"i": member_id}).first()
    if row is None:
        raise NotFound(f"no member with id {member_id}")
    return _member(row)


def by_email(conn: Connection, email: str) -> Member:
    row = conn.execute(text(f"SELECT {_COLUMNS} FROM members WHERE email = :e"),
                       {"e": email.strip().lower()}).first()
    if row is None:
        raise NotFound(f"no member with the e-mail address {email.strip()!r}",
                       cli_hint="`twoway team list` shows them")
    return _member(row)


def add_member(conn: Connection, email: str, *, admin: bool = False, owner_id: int | None = None
               ) -> tuple[Member, str]:
    """A new member bound to a new owner row (named by the e-mail until their first import names it), or to
    ``owner_id`` (``team init`` gives the single user's own network to its first admin). Returns the member and
    their one-time invitation code to set a password."""
    email = normalise_email(email)
    if conn.execute(text("SELECT 1 FROM members WHERE email = :e"), {"e": email}).first():
        raise Conflict(f"{email} is a member already")
    if owner_id is None:
        owner_id = int(conn.execute(
            text("INSERT INTO owners (name, created_at) VALUES (:n, :t) RETURNING id"),
            {"n": email, "t": clock.now().isoformat(timespec="seconds")}).scalar_one())
    elif conn.execute(text("SELECT 1 FROM members WHERE owner_id = :o"), {"o": owner_id}).first():
        raise Conflict(f"owner #{owner_id}'s network belongs to another member already")
    mid = int(conn.execute(
        text("INSERT INTO members (email, owner_id, is_admin, created_at) VALUES (:e, :o, :a, :t) RETURNING id"),
        {"e": email, "o": owner_id, "a": int(admin), "t": secret.now()}).scalar_one())
    return get(conn, mid), invite(conn, mid)


def invite(conn: Connection, member_id: int, *, now: int | None = None) -> str:
    """A new one-time code for the member to set (or reset) their password; earlier unused codes stop working."""
    at = secret.now() if now is None else now
    days = int(settings_mod.load(conn).team_invite_days)
    conn.execute(text("UPDATE member_invites SET used_at = :t WHERE member_id = :m AND used_at IS NULL"),
                 {"t": at, "m": member_id})
    code = secret.new_token(INVITE_PREFIX)
    conn.execute(text("INSERT INTO member_invites (member_id, code_hash, created_at, expires_at) "
                      "VALUES (:m, :h, :t, :x)"),
                 {"m": member_id, "h": secret.digest(code), "t": at, "x": at + days * 86400})
    return code


def set_password(conn: Connection, code: str, password: str, *, now: int | None = None) -> Member:
    """Set the password of the member the invitation ``code`` was made for; the code works once, before it
    expires. Every session the member had ends (a reset is often the answer to a stolen one)."""
    at = secret.now() if now is None else now
    passwords.check_strength(password)
    row = conn.execute(text("SELECT id, member_id, expires_at, used_at FROM member_invites WHERE code_hash = :h"),
                       {"h": secret.digest(code)}).first()
    if row is None or row[3] is not None:
        raise Unauthorized("this invitation code is not valid (or was used already): ask a team admin for a new one",
                           cli_hint="an admin sends one with `twoway team add EMAIL` or `twoway team invite EMAIL`")
    if int(row[2]) <= at:
        raise Unauthorized("this invitation code has expired: ask a team admin for a new one")
    conn.execute(text("UPDATE member_invites SET used_at = :t WHERE id = :i"), {"t": at, "i": row[0]})
    member_id = int(row[1])
    store_password(conn, member_id, passwords.hash_password(password))
    conn.execute(text("UPDATE member_sessions SET revoked_at = :t WHERE member_id = :m AND revoked_at IS NULL"),
                 {"t": at, "m": member_id})
    return get(conn, member_id)


def store_password(conn: Connection, member_id: int, password_hash: str) -> None:
    conn.execute(text("UPDATE members SET password_hash = :h WHERE id = :m"), {"h": password_hash, "m": member_id})


def password_hash(conn: Connection, member_id: int) -> str | None:
    value = conn.execute(text("SELECT password_hash FROM members WHERE id = :m"), {"m": member_id}).scalar()
    return None if value is None else str(value)
