"""Finding the one person a name, part of a name, a profile URL or ``#id`` means."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, text

from twoway import identity
from twoway.errors import Ambiguous, InputError, NotFound
from twoway.store.search import ESCAPE, contains


@dataclass(frozen=True)
class PersonRef:
    id: int
    full_name: str
    first_name: str | None
    url: str | None
    company: str | None
    position: str | None
    low_confidence: bool

    def label(self) -> str:
        at = f" ({self.company})" if self.company else ""
        return f"{self.full_name}{at} #{self.id}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_REF_COLUMNS = "p.id, p.full_name, p.first_name, p.url, p.company, p.position, p.low_confidence"

# People the owner has any relation with: a connection, an interaction or an invitation.
_RELATED = """(
    EXISTS (SELECT 1 FROM connections c WHERE c.owner_id = :o AND c.person_id = p.id)
    OR EXISTS (SELECT 1 FROM interactions i WHERE i.owner_id = :o AND i.person_id = p.id)
    OR EXISTS (SELECT 1 FROM invitations v WHERE v.owner_id = :o AND v.person_id = p.id)
)"""


def _ref(row: Sequence[Any]) -> PersonRef:
    return PersonRef(int(row[0]), row[1], row[2], row[3], row[4], row[5], bool(row[6]))


def get(conn: Connection, person_id: int) -> PersonRef:
    row = conn.execute(text(f"SELECT {_REF_COLUMNS} FROM people p WHERE p.id = :id"), {"id": person_id}).first()
    if row is None:
        raise NotFound(f"nobody with id #{person_id}")
    return _ref(row)


def resolve(conn: Connection, owner_id: int, query: str, *, anyone: bool = False) -> PersonRef:
    """The one person QUERY means: `#id`, a profile URL, a full name, or a unique part of a name.

    A name finds only the owner's own people (connections, conversations, invitations): in a team,
    which names other members know is theirs to tell. ``anyone`` (introductions, whose paths run
    through other members' networks) searches everyone after them. An id or a profile URL names one
    person whoever knows them; what the owner then sees of them is the person page's to decide.
    Several matches raise Ambiguous with the candidates listed, so the owner can repeat the command
    with `#id`.
    """
    wanted = query.strip()
    if not wanted:
        raise InputError("say who: a name, a profile URL or #id")
    if wanted.startswith("#") and wanted[1:].isdigit():
        return get(conn, int(wanted[1:]))
    url = identity.normalise_url(wanted) if "linkedin.com" in wanted.lower() else None
    if url:
        row = conn.execute(text(f"SELECT {_REF_COLUMNS} FROM people p WHERE p.url = :u"), {"u": url}).first()
        if row is None:  # slugs ignore letter case; the stored spelling may differ from the one asked for
            row = conn.execute(text(f"SELECT {_REF_COLUMNS} FROM people p WHERE lower(p.url) = lower(:u) "
                                    "ORDER BY p.id"), {"u": url}).first()
        if row is None:
            raise NotFound(f"nobody with the profile {url}")
        return _ref(row)
    key = identity.name_key(wanted)
    if not key:
        raise InputError(f"{query!r} is not a name, a profile URL or #id")
    like = contains(key)
    # With one member there is nobody else's network to keep out: everyone here is theirs to find.
    alone = int(conn.execute(text("SELECT COUNT(*) FROM owners")).scalar_one()) <= 1
    for scope in (_RELATED, "1 = 1") if anyone or alone else (_RELATED,):
        for condition, value in (("p.name_key = :k", key), ("p.name_key LIKE :k" + ESCAPE, like)):
            rows = conn.execute(
                text(f"SELECT {_REF_COLUMNS} FROM people p WHERE {condition} AND {scope} ORDER BY p.id LIMIT 11"),
                {"k": value, "o": owner_id},
            ).all()
            if len(rows) == 1:
                return _ref(rows[0])
            if rows:
                shown = "; ".join(_ref(r).label() for r in rows[:10])
                more = " …" if len(rows) > 10 else ""
                raise Ambiguous(f"{query!r} matches several people: {shown}{more}. Use #id to choose one.")
    raise NotFound(f"nobody called {query!r}")
