"""Whom an invitation is for: someone already in the data, or someone new, named with their profile URL.

Inviting someone the export does not know yet (met at a conference yesterday) starts with their name and
profile URL; they become a person, so the invitation, its draft and what follows are kept against them.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from twoway import clock, identity, people
from twoway.errors import InputError, NotFound
from twoway.people import PersonRef


def find(conn: Connection, owner_id: int, person: str, url: str | None = None) -> PersonRef | None:
    """The person meant, or None when they are new (``url`` given and nobody has it); raises as resolve does."""
    if url is None:
        try:
            return people.resolve(conn, owner_id, person)
        except NotFound as exc:
            raise NotFound(f"{exc.message}. To invite someone new, give their profile URL too",
                           cli_hint="--url https://www.linkedin.com/in/…") from None
    canonical = _canonical(url)
    try:
        return people.resolve(conn, owner_id, canonical)
    except NotFound:
        return None


def find_or_add(conn: Connection, owner_id: int, person: str, url: str | None = None) -> PersonRef:
    """The person meant; with ``url`` and nobody known by it, a new person named ``person``."""
    found = find(conn, owner_id, person, url)
    if found is not None:
        return found
    assert url is not None  # find returns None only for a new profile URL
    return add(conn, person, url)


def add(conn: Connection, name: str, url: str) -> PersonRef:
    """A new person: their name as written and their canonical profile URL."""
    full = " ".join(name.split())
    if not full or "linkedin.com" in full.lower() or not identity.name_key(full):
        raise InputError("give the new person's name and their profile URL",
                         cli_hint="NAME --url https://www.linkedin.com/in/…")
    canonical = _canonical(url)
    first, _, last = full.partition(" ")
    conn.execute(
        text("INSERT INTO people (url, name_key, first_name, last_name, full_name, low_confidence, created_at) "
             "VALUES (:u, :k, :f, :l, :n, 0, :c)"),
        {"u": canonical, "k": identity.name_key(full), "f": first, "l": last or None, "n": full,
         "c": clock.now().isoformat(timespec="seconds")},
    )
    row = conn.execute(text("SELECT id FROM people WHERE url = :u"), {"u": canonical}).scalar_one()
    return people.get(conn, int(row))


def _canonical(url: str) -> str:
    canonical = identity.normalise_url(url)
    if canonical is None or "/in/" not in canonical:
        raise InputError(f"{url!r} is not a LinkedIn profile URL (https://www.linkedin.com/in/…)")
    return canonical
