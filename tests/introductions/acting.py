"""Acting as one member, in one place: as a logged-in member of a team server (the owner hint is refused on one).
The first time a member is asked for, the database is made a team server and the owner of that name a member
with a password and an API token; the CLI gives the token (``--token``), the API and pages client logs in with
the password (a session cookie), and the browser logs in on the login page."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result
from sqlalchemy import text

from tests.web_support import LiveServer, WebClient
from twoway import accounts
from twoway.cli import cli
from twoway.store import open_store
from twoway.web import create_app

PASSWORD = "an introduction test password"  # noqa: S105 - the test members' own


@dataclass(frozen=True)
class Login:
    email: str
    token: str


#: (database, member) -> their login: the database is a fresh one per test, so this is never stale.
_LOGINS: dict[tuple[str, str], Login] = {}


def login_of(db: str | Path, member: str) -> Login:
    """MEMBER (an owner's name) as a member of the team server DB, made one the first time."""
    key = (str(db), member)
    if key not in _LOGINS:
        store = open_store(str(db))
        try:
            with store.begin() as conn:
                accounts.mark_team(conn)
                owner_id = int(conn.execute(text("SELECT id FROM owners WHERE name = :n"),
                                            {"n": member}).scalar_one())
                email = member.lower().replace(" ", ".") + "@example.org"
                added, code = accounts.add_member(conn, email, owner_id=owner_id)
                accounts.set_password(conn, code, PASSWORD)
                _LOGINS[key] = Login(email, accounts.issue_token(conn, added.id, "introductions tests"))
        finally:
            store.close()
    return _LOGINS[key]


def as_member_cli(db: str | Path, member: str, *args: str) -> Result:
    """`twoway ARGS` run as MEMBER (their API token)."""
    return CliRunner().invoke(cli, ["--db", str(db), "--token", login_of(db, member).token, *args])


@contextmanager
def member_client(db: str, member: str) -> Iterator[WebClient]:
    """An API and pages client logged in as MEMBER."""
    login = login_of(db, member)
    with WebClient(create_app(db)) as client:
        done = client.form("/login", {"email": login.email, "password": PASSWORD})
        assert done.status_code == 303, done.text
        yield client


class MemberServer(LiveServer):
    """A live server and the member its browser pages log in as."""

    def __init__(self, db: str, member: str) -> None:
        self.login = login_of(db, member)
        super().__init__(db)


@contextmanager
def member_server(db: str, member: str) -> Iterator[MemberServer]:
    """A live server (for the browser) whose pages log in as MEMBER."""
    with MemberServer(db, member) as server:
        yield server


def member_page(browser: Any, server: MemberServer, *, width: int = 1280, height: int = 900) -> Any:
    """A browser page logged in (on the login page) as the member SERVER's pages speak for."""
    context = browser.new_context(viewport={"width": width, "height": height}, base_url=server.url)
    page = context.new_page()
    page.goto("/login")
    page.fill("#email", server.login.email)
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/login" not in url)
    return page
