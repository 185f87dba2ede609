"""One owner's workspace: whose network a face speaks for, and the transactions it works in.

The command line (``cli.base.App``) and the web app (``web.app.Web``) both subclass
:class:`Workspace`; they differ only in where the store comes from (the CLI opens it lazily,
so ``--help`` never touches the database) and in what a commit means to them (the web forgets
its remembered views). In team mode a database holds several members' networks, so every
write that names a person is checked with :func:`twoway.people.owners.require_related` first.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

from twoway.graph.names import NETWORK
from twoway.people import owners
from twoway.people.owners import Owner
from twoway.store import Store


class Workspace(ABC):
    """Whose network (the owner hint) and how to read or write in it.

    Subclasses say how the store is opened and may override :meth:`committed`.
    """

    owner_hint: str | None

    @abstractmethod
    def open_store(self) -> Store:
        """The store to work in (the CLI opens it lazily; the web app holds one)."""

    def owner(self, conn: Connection) -> Owner:
        """The owner this workspace speaks for: the only one, or the one the hint names."""
        return owners.current(conn, self.owner_hint)

    @contextmanager
    def read(self) -> Iterator[tuple[Connection, Owner]]:
        with self.open_store().connect() as conn:
            yield conn, self.owner(conn)

    @contextmanager
    def write(self) -> Iterator[tuple[Connection, Owner]]:
        with self.transaction() as conn:
            yield conn, self.owner(conn)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One transaction; :meth:`committed` runs only once it has been committed."""
        with self.open_store().begin() as conn:
            yield conn
        self.committed()

    @contextmanager
    def read_graph(self, graph: str | None) -> Iterator[tuple[Connection, Owner | None]]:
        """A loaded graph's ids need no owner; the members' merged network is read for one."""
        if graph and graph != NETWORK:
            with self.open_store().connect() as conn:
                yield conn, None
        else:
            with self.read() as (conn, owner):
                yield conn, owner

    def private_owner(self) -> int | None:
        """The owner id of the member this workspace is bound to on a team server, None otherwise (each face
        binds it: the web to the logged-in member, the CLI to the member whose API token it was given)."""
        return None

    def committed(self) -> None:  # noqa: B027 (a hook: doing nothing is the right default)
        """Called after every committed transaction (nothing to do by default)."""
