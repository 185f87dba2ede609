"""Acting as one member, in one place: today by the owner hint (``--owner``, ``create_app(owner=…)``), one
app per member over the same database. When members log in, only these helpers change (a session per
member instead of a hint)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from tests.web_support import LiveServer, WebClient
from twoway.cli import cli
from twoway.web import create_app


def as_member_cli(db: str | Path, member: str, *args: str) -> Result:
    """`twoway ARGS` run as MEMBER."""
    return CliRunner().invoke(cli, ["--db", str(db), "--owner", member, *args])


@contextmanager
def member_client(db: str, member: str) -> Iterator[WebClient]:
    """An API and pages client speaking for MEMBER."""
    with WebClient(create_app(db, owner=member)) as client:
        yield client


@contextmanager
def member_server(db: str, member: str) -> Iterator[LiveServer]:
    """A live server (for the browser) speaking for MEMBER."""
    with LiveServer(db, owner=member) as server:
        yield server


def member_page(browser: Any, server: LiveServer, *, width: int = 1280, height: int = 900) -> Any:
    """A browser page signed in as the member SERVER speaks for, at SERVER's root."""
    context = browser.new_context(viewport={"width": width, "height": height}, base_url=server.url)
    return context.new_page()
