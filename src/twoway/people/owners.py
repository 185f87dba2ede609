"""The owners: members whose exports are in this database (one for a person, several for a team)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from twoway.errors import Ambiguous, NotFound


@dataclass(frozen=True)
class Owner:
    id: int
    name: str
    profile_url: str | None
    person_id: int | None
    headline: str | None
    industry: str | None


_COLUMNS = "id, name, profile_url, person_id, headline, industry"


def all_owners(conn: Connection) -> list[Owner]:
    rows = conn.execute(text(f"SELECT {_COLUMNS} FROM owners ORDER BY id"))
    return [Owner(*row) for row in rows]


def get(conn: Connection, owner_id: int) -> Owner:
    row = conn.execute(text(f"SELECT {_COLUMNS} FROM owners WHERE id = :id"), {"id": owner_id}).first()
    if row is None:
        raise NotFound(f"no owner with id {owner_id}")
    return Owner(*row)


def current(conn: Connection, hint: str | int | None = None) -> Owner:
    """The owner a command speaks for: the only one, or the one named by ``hint`` (id, name or URL)."""
    owners = all_owners(conn)
    if not owners:
        raise NotFound("this database holds no export yet: import a LinkedIn export, or load the demo",
                       cli_hint="run `twoway import PATH` or `twoway demo`")
    if hint is None or hint == "":
        if len(owners) == 1:
            return owners[0]
        names = ", ".join(f"{o.id}: {o.name}" for o in owners)
        raise Ambiguous(f"this database holds several members' networks ({names}); say whose",
                        cli_hint="choose one with --owner")
    wanted = str(hint).strip()
    for o in owners:
        if wanted == str(o.id) or wanted.casefold() == o.name.casefold() or wanted == o.profile_url:
            return o
    raise NotFound(f"no owner called {wanted!r}")


# Any relation between the owner and the person: a connection (current or removed), an
# interaction, or an invitation either way. People only other members know are not theirs.
_RELATED = text(
    "SELECT 1 FROM people p WHERE p.id = :p AND ("
    " EXISTS (SELECT 1 FROM connections c WHERE c.owner_id = :o AND c.person_id = p.id)"
    " OR EXISTS (SELECT 1 FROM interactions i WHERE i.owner_id = :o AND i.person_id = p.id)"
    " OR EXISTS (SELECT 1 FROM invitations v WHERE v.owner_id = :o AND v.person_id = p.id))"
)


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
