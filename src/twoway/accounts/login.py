"""Logging in, as every face does it: the throttle first, then the password, then a new session.

Each step runs in its own transaction on the store, so a failed attempt is counted even though the face then
answers with an error; session and token look-ups write nothing that views depend on, so they go around the
store's revision (which would make every worker forget its remembered views on every request).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress

from sqlalchemy import Connection
from sqlalchemy.exc import OperationalError

from twoway.accounts import members, passwords, sessions, throttle, tokens
from twoway.accounts.members import Member
from twoway.errors import NotFound, TooManyAttempts, Unauthorized
from twoway.store import Store

# Verified against when the e-mail is unknown, so an unknown address takes as long as a wrong password.
_DUMMY = passwords.hash_password("not a password of anyone's")
WRONG = "wrong e-mail address or password"


@contextmanager
def quiet_write(store: Store) -> Iterator[Connection]:
    """A transaction that leaves the store revision alone: logins and sessions are no data any view shows."""
    with store.engine.begin() as conn:
        yield conn


def login(store: Store, email: str, password: str, *, client: str, user_agent: str | None = None) -> tuple[Member, str]:
    """(member, session token) for a good e-mail and password; Unauthorized for a wrong one (counted), and
    TooManyAttempts, with the seconds to wait, once the account or the address has failed too often."""
    member = authenticate(store, email, password, client=client)
    with quiet_write(store) as conn:
        return member, sessions.start(conn, member.id, client=client, user_agent=user_agent)


def authenticate(store: Store, email: str, password: str, *, client: str) -> Member:
    """The member whose e-mail and password these are (throttled and counted as :func:`login`)."""
    email = email.strip().lower()
    with store.connect() as conn:
        wait = throttle.wait_seconds(conn, email, client)
        if wait:
            raise TooManyAttempts(f"too many failed logins; try again in {wait} s", retry_after=wait)
        try:
            member: Member | None = members.by_email(conn, email)
        except NotFound:
            member = None
        stored = members.password_hash(conn, member.id) if member else None
    good, stale = passwords.verify(stored or _DUMMY, password)
    if member is None or stored is None or not good:
        with quiet_write(store) as conn:
            throttle.failed(conn, email, client)
        raise Unauthorized(WRONG)
    with quiet_write(store) as conn:
        throttle.succeeded(conn, email)
        if stale:
            members.store_password(conn, member.id, passwords.hash_password(password))
    return member


def by_session(store: Store, token: str | None) -> tuple[Member, int] | None:
    """(member, session id) for a live session cookie, else None."""
    if not token:
        return None
    with store.connect() as conn:
        found = sessions.resolve(conn, token, touch=False)
        stale = found is not None and sessions.stale(conn, found[1])
    if found is not None and stale:
        with suppress(OperationalError), quiet_write(store) as conn:  # best effort: busy must not refuse a member
            sessions.seen(conn, found[1])
    return found


def by_token(store: Store, token: str | None) -> Member | None:
    """The member an API token belongs to, else None."""
    if not token:
        return None
    with store.connect() as conn:
        found = tokens.resolve(conn, token, touch=False)
    if found is not None:
        with suppress(OperationalError), quiet_write(store) as conn:
            tokens.resolve(conn, token)
    return found
