"""One owner's workspace: whose network a face speaks for, and the transactions it works in.

The command line (``cli.base.App``) and the web app (``web.app.Web``) both subclass
:class:`Workspace`; they differ only in where the store comes from (the CLI opens it lazily,
so ``--help`` never touches the database) and in what a commit means to them (the web forgets
its remembered views). In team mode a database holds several members' networks, so every
write that names a person is checked with :func:`twoway.people.owners.require_related` first.

On PostgreSQL a second wall stands behind the queries: row-level security (migration m013) shows a transaction
bound to a member (:meth:`Workspace.private_owner`) only that member's private rows, whatever the SQL asks.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

from twoway import settings as settings_mod
from twoway.errors import NotFound
from twoway.graph.names import NETWORK
from twoway.people import owners
from twoway.people.owners import Owner
from twoway.settings import Settings
from twoway.store import Store
from twoway.store.privacy import bind_member


class Workspace(ABC):
    """Whose network (the owner hint) and how to read or write in it.

    Subclasses say how the store is opened and may override :meth:`committed`.
    """

    owner_hint: str | None

    @abstractmethod
    def open_store(self) -> Store:
        """The store to work in (the CLI opens it lazily; the web app holds one)."""

    def private_owner(self) -> int | None:
        return None

    def owner(self, conn: Connection) -> Owner:
        """The owner this workspace speaks for: the only one, or the one the hint names."""
        return owners.current(conn, self.owner_hint)

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """For reading, bound to the member when :meth:`private_owner` names one (PostgreSQL's row security)."""
        with self.open_store().connect() as conn:
            bind_member(conn, self.private_owner())
            yield conn

    @contextmanager
    def read(self) -> Iterator[tuple[Connection, Owner]]:
        with self.connect() as conn:
            yield conn, self.owner(conn)

    @contextmanager
    def write(self) -> Iterator[tuple[Connection, Owner]]:
        with self.transaction() as conn:
            yield conn, self.owner(conn)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One transaction; :meth:`committed` runs only once it has been committed."""
        with self.open_store().begin() as conn:
            bind_member(conn, self.private_owner())
            yield conn
        self.committed()

    @contextmanager
    def read_graph(self, graph: str | None) -> Iterator[tuple[Connection, Owner | None]]:
        """A loaded graph's ids need no owner; the members' merged network is read for one."""
        if graph and graph != NETWORK:
            with self.connect() as conn:
                yield conn, None
        else:
            with self.read() as (conn, owner):
                yield conn, owner

    def member_id(self, conn: Connection) -> int | None:
        """The member this workspace speaks for, or None before any import (settings are then the database's)."""
        try:
            return self.owner(conn).id
        except NotFound:
            return None

    def settings(self) -> Settings:
        with self.connect() as conn:
            return settings_mod.load(conn, self.member_id(conn))

    def change_setting(self, name: str, value: object, *, reset: bool = False) -> None:
        """Set (or, with ``reset``, forget) one of this member's settings."""
        with self.transaction() as conn:
            member = self.member_id(conn)
            if reset:
                settings_mod.reset(conn, name, member)
            else:
                settings_mod.set_value(conn, name, value, member)

    def committed(self) -> None:  # noqa: B027 (a hook: doing nothing is the right default)
        """Called after every committed transaction (nothing to do by default)."""
