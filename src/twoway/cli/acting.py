"""Whom a command acts for on a team server: the member whose API token it was given (``--token`` or
``TWOWAY_TOKEN``). A single-user database needs none of this and behaves as it always did."""

from __future__ import annotations

from sqlalchemy import Connection

from twoway import accounts
from twoway.accounts import Member, tokens
from twoway.errors import InputError, Unauthorized

HOW_TO_ACT = ("set TWOWAY_TOKEN to your API token (make one with `twoway team token --new LABEL`, which asks "
               "for your e-mail and password)")


def member_for(conn: Connection, api_token: str | None, owner_hint: str | None) -> Member | None:
    """The member the token names on a team server, None on a single-user database. On a team server the
    self-declared ``--owner`` is refused: who you are comes from your token."""
    if not accounts.is_team(conn):
        return None
    if owner_hint:
        raise InputError(f"this database is a team server: --owner (or TWOWAY_OWNER) does not choose whose "
                         f"network a command shows; {HOW_TO_ACT}, and commands act for you")
    if not api_token:
        raise Unauthorized(f"this database is a team server: {HOW_TO_ACT}")
    member = tokens.resolve(conn, api_token, touch=False)
    if member is None:
        raise Unauthorized(f"that API token is not valid (revoked, or not of this server): {HOW_TO_ACT}")
    return member
