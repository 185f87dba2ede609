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
        raise NotFound("this database holds no export yet: run `twoway import PATH` or `twoway demo`")
    if hint is None or hint == "":
        if len(owners) == 1:
            return owners[0]
        names = ", ".join(f"{o.id}: {o.name}" for o in owners)
        raise Ambiguous(f"this database holds several members' networks ({names}); choose one with --owner")
    wanted = str(hint).strip()
    for o in owners:
        if wanted == str(o.id) or wanted.casefold() == o.name.casefold() or wanted == o.profile_url:
            return o
    raise NotFound(f"no owner called {wanted!r}")
