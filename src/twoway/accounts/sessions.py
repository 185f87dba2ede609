"""Server-side sessions: a random token in the browser's cookie, its SHA-256 here, with an idle and an absolute
expiry (settings ``session_idle_minutes`` and ``session_max_days``); revocable one by one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from twoway import settings as settings_mod
from twoway.accounts import secret
from twoway.accounts.members import Member, get
from twoway.errors import NotFound

#: How stale ``last_seen_at`` may get before a request writes it again (a write per request would be waste).
SEEN_EVERY_S = 60


@dataclass(frozen=True)
class Session:
    id: int
    member_id: int
    created_at: int
    last_seen_at: int
    expires_at: int
    client: str | None
    user_agent: str | None
    current: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "created_at": self.created_at, "last_seen_at": self.last_seen_at,
                "expires_at": self.expires_at, "client": self.client, "user_agent": self.user_agent,
                "current": self.current}


def start(conn: Connection, member_id: int, *, client: str | None = None, user_agent: str | None = None,
          now: int | None = None) -> str:
    """A new session for the member; returns its token (for the cookie), stored only as its digest."""
    at = secret.now() if now is None else now
    days = int(settings_mod.load(conn).session_max_days)
    token = secret.new_token()
    conn.execute(text(
        "INSERT INTO member_sessions (member_id, token_hash, created_at, last_seen_at, expires_at, client, user_agent) "
        "VALUES (:m, :h, :t, :t, :x, :c, :u)"),
        {"m": member_id, "h": secret.digest(token), "t": at, "x": at + days * 86400, "c": client,
         "u": (user_agent or "")[:200] or None})
    return token


def resolve(conn: Connection, token: str | None, *, now: int | None = None, touch: bool = True
            ) -> tuple[Member, int] | None:
    """(member, session id) for a live session token, else None; ``touch`` marks it seen (at most once a
    minute, so a busy member does not write on every request)."""
    if not token:
        return None
    at = secret.now() if now is None else now
    row = conn.execute(text("SELECT id, member_id, last_seen_at, expires_at FROM member_sessions "
                            "WHERE token_hash = :h AND revoked_at IS NULL"), {"h": secret.digest(token)}).first()
    if row is None:
        return None
    sid, member_id, seen, expires = (int(v) for v in row)
    idle = int(settings_mod.load(conn).session_idle_minutes) * 60
    if at >= expires or at - seen >= idle:
        return None
    if touch and at - seen >= SEEN_EVERY_S:
        conn.execute(text("UPDATE member_sessions SET last_seen_at = :t WHERE id = :i"), {"t": at, "i": sid})
    return get(conn, member_id), sid


def stale(conn: Connection, session_id: int, *, now: int | None = None) -> bool:
    """Whether the session's last seen is old enough to write again."""
    at = secret.now() if now is None else now
    seen = conn.execute(text("SELECT last_seen_at FROM member_sessions WHERE id = :i"), {"i": session_id}).scalar()
    return seen is not None and at - int(seen) >= SEEN_EVERY_S


def seen(conn: Connection, session_id: int) -> None:
    conn.execute(text("UPDATE member_sessions SET last_seen_at = :t WHERE id = :i"),
                 {"t": secret.now(), "i": session_id})


def of_member(conn: Connection, member_id: int, *, current: int | None = None, now: int | None = None
              ) -> list[Session]:
    """The member's live sessions, newest first (``current``: the one asking)."""
    at = secret.now() if now is None else now
    idle = int(settings_mod.load(conn).session_idle_minutes) * 60
    rows = conn.execute(text(
        "SELECT id, member_id, created_at, last_seen_at, expires_at, client, user_agent FROM member_sessions "
        "WHERE member_id = :m AND revoked_at IS NULL AND expires_at > :t AND last_seen_at > :idle "
        "ORDER BY created_at DESC, id DESC"), {"m": member_id, "t": at, "idle": at - idle})
    return [Session(int(r.id), int(r.member_id), int(r.created_at), int(r.last_seen_at), int(r.expires_at), r.client,
                    r.user_agent, current=r.id == current) for r in rows]


def revoke(conn: Connection, member_id: int, session_id: int) -> None:
    """End one of the member's own sessions (another member's is NotFound, as if it did not exist)."""
    done = conn.execute(text("UPDATE member_sessions SET revoked_at = :t WHERE id = :i AND member_id = :m "
                             "AND revoked_at IS NULL"), {"t": secret.now(), "i": session_id, "m": member_id})
    if not done.rowcount:
        raise NotFound(f"you have no live session #{session_id}")


def end(conn: Connection, token: str | None) -> None:
    """Log out: the session of this token is over."""
    if token:
        conn.execute(text("UPDATE member_sessions SET revoked_at = :t WHERE token_hash = :h AND revoked_at IS NULL"),
                     {"t": secret.now(), "h": secret.digest(token)})
