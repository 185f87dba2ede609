"""Who a request acts for on a team server: the member resolved once by the security middleware.

The middleware puts the member in :data:`MEMBER` (a context variable: Starlette copies the request's context
into the thread pool that runs handlers, so ``Web.owner`` sees it without any handler passing it along) and in
``scope["state"]``. A database without the team flag never sets it: the single-user dashboard is unchanged.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from starlette.concurrency import run_in_threadpool

from twoway import accounts
from twoway.accounts import Member
from twoway.store import Store

MEMBER: ContextVar[Member | None] = ContextVar("twoway_member", default=None)
SESSION_COOKIE = "twoway_session"
#: Reachable without logging in on a team server: the login and password pages, their assets, the CSRF token.
PUBLIC_PATHS = frozenset({"/login", "/setup", "/api/csrf", "/favicon.ico"})
PUBLIC_PREFIXES = ("/static/",)
#: A single-user database looks again this often whether `twoway team init` made it a team server.
RECHECK_S = 5.0


def current_member() -> Member | None:
    return MEMBER.get()


@dataclass
class Admitted:
    member: Member | None
    session_id: int | None = None
    by_bearer: bool = False


@dataclass
class TeamGate:
    """Whether the database is a team server, and which member a request's cookie or Bearer token names."""

    store_of: Callable[[], Store]  # the store the dashboard shows now (it moves from the demo to your own)
    secure_cookies: bool = False
    _team: bool = False
    _checked: float = 0.0

    def team_now(self) -> bool:
        """The team flag; once set it stays (a team server never goes back to single-user)."""
        if not self._team and time.monotonic() - self._checked > RECHECK_S:
            with self.store_of().connect() as conn:
                self._team = accounts.is_team(conn)
            self._checked = time.monotonic()
        return self._team

    async def active(self) -> bool:
        if self._team:
            return True
        if time.monotonic() - self._checked <= RECHECK_S:
            return False
        return await run_in_threadpool(self.team_now)

    async def admit(self, bearer: str | None, cookies: dict[str, str]) -> Admitted:
        if bearer:
            return Admitted(await run_in_threadpool(accounts.by_token, self.store_of(), bearer), by_bearer=True)
        found = await run_in_threadpool(accounts.by_session, self.store_of(), cookies.get(SESSION_COOKIE))
        return Admitted(*found) if found else Admitted(None)

    @staticmethod
    def is_public(path: str) -> bool:
        return path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)

    def cookie_secure(self, scope: dict[str, Any] | Any) -> bool:
        return self.secure_cookies or scope.get("scheme") == "https"
