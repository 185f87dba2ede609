"""Team accounts: members, passwords, sessions, API tokens and the login throttle of a team server.

A database becomes a team server with ``twoway team init``; from then on every face acts for one member,
who is bound to exactly one ``owners`` row (their own network). Single-user databases never touch this
package beyond :func:`is_team`. Secrets are handed out once and stored only as digests (argon2 for
passwords, SHA-256 for random tokens). In a test, a member and a Bearer token take two lines::

    member, code = accounts.add_member(conn, "ada@example.com")
    token = accounts.issue_token(conn, member.id, "tests")
"""

from twoway.accounts.login import authenticate, by_session, by_token, login, quiet_write
from twoway.accounts.members import (
    Member,
    add_member,
    all_members,
    by_email,
    get,
    invite,
    is_team,
    mark_team,
    set_password,
)
from twoway.accounts.removal import member_data, owner_tables, remove_member
from twoway.accounts.sessions import Session
from twoway.accounts.tokens import ApiToken, issue_token

__all__ = [
    "ApiToken",
    "Member",
    "Session",
    "add_member",
    "all_members",
    "authenticate",
    "by_email",
    "by_session",
    "by_token",
    "get",
    "invite",
    "is_team",
    "issue_token",
    "login",
    "mark_team",
    "member_data",
    "owner_tables",
    "quiet_write",
    "remove_member",
    "set_password",
]
