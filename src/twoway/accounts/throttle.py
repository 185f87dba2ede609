"""Failed logins counted in the database, per account and per client address, so every web worker (and the
command line) over one database counts together; a window slides, nothing needs cleaning by hand."""

from __future__ import annotations

from sqlalchemy import Connection, text

from twoway.accounts import secret

WINDOW_S = 15 * 60
#: Failures within the window after which that account, or that address, must wait until the oldest leaves it.
PER_ACCOUNT = 5
PER_CLIENT = 20


def keys(email: str, client: str) -> tuple[str, str]:
    return f"account:{email.strip().lower()}", f"client:{client}"


def wait_seconds(conn: Connection, email: str, client: str, *, now: int | None = None) -> int:
    """Seconds before another login may be tried for ``email`` from ``client`` (0: now)."""
    at = secret.now() if now is None else now
    wait = 0
    for key, limit in zip(keys(email, client), (PER_ACCOUNT, PER_CLIENT), strict=True):
        rows = conn.execute(text("SELECT at FROM login_failures WHERE key = :k AND at > :since ORDER BY at DESC"),
                            {"k": key, "since": at - WINDOW_S}).all()
        if len(rows) >= limit:
            oldest_counted = int(rows[limit - 1][0])
            wait = max(wait, oldest_counted + WINDOW_S - at)
    return wait


def failed(conn: Connection, email: str, client: str, *, now: int | None = None) -> None:
    at = secret.now() if now is None else now
    conn.execute(text("INSERT INTO login_failures (key, at) VALUES (:k, :t)"),
                 [{"k": key, "t": at} for key in keys(email, client)])
    conn.execute(text("DELETE FROM login_failures WHERE at <= :old"), {"old": at - WINDOW_S})


def succeeded(conn: Connection, email: str) -> None:
    """A good password clears the account's count (never the address's: one good account must not let an
    address go on guessing others)."""
    conn.execute(text("DELETE FROM login_failures WHERE key = :k"), {"k": keys(email, "")[0]})
