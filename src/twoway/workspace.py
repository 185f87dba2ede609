"""One owner's workspace: whose network a face speaks for, and the transactions it works in.

The command line (``cli.base.App``) and the web app (``web.app.Web``) both subclass
:class:`Workspace`; they differ only in where the store comes from (the CLI opens it lazily,
so ``--help`` never touches the database) and in what a commit means to them (the web forgets
its remembered views). In team mode a database holds several members' networks, so every
write that names a person is checked with :func:`require_related` first.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text

from twoway import owners
from twoway.errors import NotFound
from twoway.owners import Owner
from twoway.store import Store

# Any relation between the owner and the person: a connection (current or removed), an
# interaction, or an invitation either way. People only other members know are not theirs.
_RELATED = text(
    "SELECT 1 FROM people p WHERE p.id = :p AND ("
    " EXISTS (SELECT 1 FROM connections c WHERE c.owner_id = :o AND c.person_id = p.id)"
    " OR EXISTS (SELECT 1 FROM interactions i WHERE i.owner_id = :o AND i.person_id = p.id)"
    " OR EXISTS (SELECT 1 FROM invitations v WHERE v.owner_id = :o AND v.person_id = p.id))"
)


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
        from twoway.graph.stored import NETWORK  # numpy: only for graph questions, not every CLI start

        if graph and graph != NETWORK:
            with self.open_store().connect() as conn:
                yield conn, None
        else:
            with self.read() as (conn, owner):
                yield conn, owner

    def committed(self) -> None:  # noqa: B027 (a hook: doing nothing is the right default)
        """Called after every committed transaction (nothing to do by default)."""


def is_related(conn: Connection, owner_id: int, person_id: int) -> bool:
    """Whether the person is in the owner's network at all (connection, interaction or invitation)."""
    return conn.execute(_RELATED, {"o": owner_id, "p": person_id}).first() is not None


def require_related(conn: Connection, owner_id: int, person_id: int) -> None:
    """NotFound unless the person is the owner's: in a team, other members' people are not theirs to change."""
    if is_related(conn, owner_id, person_id):
        return
    exists = conn.execute(text("SELECT 1 FROM people WHERE id = :p"), {"p": person_id}).first() is not None
    if not exists:
        raise NotFound(f"nobody with id #{person_id}")
    raise NotFound(f"#{person_id} is not in your network: no connection, conversation or invitation with them")
