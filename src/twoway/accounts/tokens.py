"""Per-member API tokens for programs and the command line: labelled, revocable, only their digest stored."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from twoway.accounts import secret
from twoway.accounts.members import Member, get
from twoway.errors import InputError, NotFound

PREFIX = "twt_"


@dataclass(frozen=True)
class ApiToken:
    id: int
    label: str
    created_at: int
    last_used_at: int | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "created_at": self.created_at, "last_used_at": self.last_used_at}


def issue_token(conn: Connection, member_id: int, label: str) -> str:
    """A new API token for the member; shown once (only its digest is kept)."""
    label = label.strip()
    if not label or len(label) > 100:
        raise InputError("give the token a label of 1 to 100 characters (where it is used, e.g. 'laptop')")
    get(conn, member_id)
    token = secret.new_token(PREFIX)
    conn.execute(text("INSERT INTO member_tokens (member_id, token_hash, label, created_at) VALUES (:m, :h, :l, :t)"),
                 {"m": member_id, "h": secret.digest(token), "l": label, "t": secret.now()})
    return token


def resolve(conn: Connection, token: str | None, *, touch: bool = True) -> Member | None:
    """The member a live API token belongs to, else None."""
    if not token:
        return None
    row = conn.execute(text("SELECT id, member_id, last_used_at FROM member_tokens "
                            "WHERE token_hash = :h AND revoked_at IS NULL"), {"h": secret.digest(token)}).first()
    if row is None:
        return None
    at = secret.now()
    if touch and (row[2] is None or at - int(row[2]) >= 60):
        conn.execute(text("UPDATE member_tokens SET last_used_at = :t WHERE id = :i"), {"t": at, "i": row[0]})
    return get(conn, int(row[1]))


def of_member(conn: Connection, member_id: int) -> list[ApiToken]:
    rows = conn.execute(text("SELECT id, label, created_at, last_used_at FROM member_tokens "
                             "WHERE member_id = :m AND revoked_at IS NULL ORDER BY id"), {"m": member_id})
    return [ApiToken(int(r[0]), str(r[1]), int(r[2]), None if r[3] is None else int(r[3])) for r in rows]


def revoke(conn: Connection, member_id: int, token_id: int) -> None:
    done = conn.execute(text("UPDATE member_tokens SET revoked_at = :t WHERE id = :i AND member_id = :m "
                             "AND revoked_at IS NULL"), {"t": secret.now(), "i": token_id, "m": member_id})
    if not done.rowcount:
        raise NotFound(f"you have no live API token #{token_id}")
