"""Tags: what the owner says about a connection, never overwritten by an import.

Tags drive the rules (a tag may carry its own cadence or protect from pruning: :mod:`twoway.states.rules`
decides that). Tags are compared case-insensitively, with spaces collapsed, and kept in that normal form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import Connection, text

from twoway import clock
from twoway.errors import InputError

MAX_TAG_CHARS = 60
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def normalise_tag(raw: str) -> str:
    """The stored form of a tag: trimmed, lower-case, single spaces; refuses empty or odd ones."""
    tag = _SPACES.sub(" ", raw).strip().casefold()
    if not tag:
        raise InputError("a tag cannot be empty")
    if _CONTROL.search(tag):
        raise InputError(f"the tag {raw!r} contains control characters")
    if len(tag) > MAX_TAG_CHARS:
        raise InputError(f"a tag is at most {MAX_TAG_CHARS} characters; {raw[:20]!r}… is {len(tag)}")
    return tag


def _normalised_set(tags: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for raw in tags:
        seen[normalise_tag(raw)] = None
    return list(seen)


def tags_by_person(conn: Connection, owner_id: int) -> dict[int, tuple[str, ...]]:
    """Every tagged person of the owner and their tags, sorted."""
    out: dict[int, list[str]] = {}
    rows = conn.execute(
        text("SELECT person_id, tag FROM tags WHERE owner_id = :o ORDER BY person_id, tag"), {"o": owner_id}
    )
    for person_id, tag in rows:
        out.setdefault(int(person_id), []).append(tag)
    return {p: tuple(ts) for p, ts in out.items()}


def tags_of(conn: Connection, owner_id: int, person_id: int) -> tuple[str, ...]:
    rows = conn.execute(
        text("SELECT tag FROM tags WHERE owner_id = :o AND person_id = :p ORDER BY tag"),
        {"o": owner_id, "p": person_id},
    )
    return tuple(r[0] for r in rows)


def add_tags(conn: Connection, owner_id: int, person_id: int, tags: Iterable[str]) -> tuple[str, ...]:
    """Add tags to a person; returns the ones that were new. Adding a tag twice is harmless."""
    wanted = _normalised_set(tags)
    have = set(tags_of(conn, owner_id, person_id))
    new = [t for t in wanted if t not in have]
    if new:
        stamp = clock.now().isoformat(timespec="seconds")
        conn.execute(
            text("INSERT INTO tags (owner_id, person_id, tag, created_at) VALUES (:o, :p, :t, :c)"),
            [{"o": owner_id, "p": person_id, "t": t, "c": stamp} for t in new],
        )
    return tuple(new)


def remove_tags(conn: Connection, owner_id: int, person_id: int, tags: Iterable[str]) -> tuple[str, ...]:
    """Remove tags from a person; returns the ones that were there."""
    wanted = _normalised_set(tags)
    have = set(tags_of(conn, owner_id, person_id))
    gone = [t for t in wanted if t in have]
    if gone:
        conn.execute(
            text("DELETE FROM tags WHERE owner_id = :o AND person_id = :p AND tag = :t"),
            [{"o": owner_id, "p": person_id, "t": t} for t in gone],
        )
    return tuple(gone)


def people_with_tag(conn: Connection, owner_id: int, tag: str) -> list[tuple[int, str, str | None]]:
    """(person id, full name, company) of everyone carrying ``tag``, by name."""
    rows = conn.execute(
        text("SELECT p.id, p.full_name, p.company FROM tags t JOIN people p ON p.id = t.person_id "
             "WHERE t.owner_id = :o AND t.tag = :t ORDER BY p.full_name, p.id"),
        {"o": owner_id, "t": normalise_tag(tag)},
    )
    return [(int(i), n, c) for i, n, c in rows]
