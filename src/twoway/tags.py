"""Tags and notes: what the owner says about a connection, never overwritten by an import.

Tags drive the rules: a tag may carry its own check-in cadence (``tag_cadences``, the shortest
applies when several do) and some tags protect a connection from ever being suggested for
pruning (``protected_tags``). Tags are compared case-insensitively, with spaces collapsed, and
kept in that normal form. Notes are append-only: nothing the owner wrote is ever lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, text

from twoway import clock, people
from twoway import settings as settings_mod
from twoway.errors import InputError
from twoway.settings import Settings

MAX_TAG_CHARS = 60
MAX_NOTE_CHARS = 20_000
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Note:
    id: int
    person_id: int
    body: str
    created_at: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class TagSummary:
    tag: str
    people: int
    cadence_days: int | None  # the tag's own cadence, when it has one
    protected: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


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


def cadence_for(tags: Iterable[str], settings: Settings) -> int:
    """Days between check-ins for a connection with these tags: the shortest tag cadence, else the default."""
    overrides = tag_cadences(settings)
    days = [overrides[t] for t in tags if t in overrides]
    return min(days) if days else int(settings.cadence_days)


def cadence_tag(tags: Iterable[str], settings: Settings) -> str | None:
    """The tag whose cadence applies, if any (for reasons: "your 90-day cadence for 'inner circle'")."""
    overrides = tag_cadences(settings)
    best: tuple[int, str] | None = None
    for t in tags:
        if t in overrides and (best is None or overrides[t] < best[0]):
            best = (overrides[t], t)
    return best[1] if best else None


def is_protected(tags: Iterable[str], settings: Settings) -> bool:
    protected = protected_tags(settings)
    return any(t in protected for t in tags)


def tag_cadences(settings: Settings) -> dict[str, int]:
    """The ``tag_cadences`` setting with its tags in normal form: tag -> days."""
    raw: Mapping[str, float] = settings.tag_cadences
    return {_safe_norm(k): max(1, round(v)) for k, v in raw.items() if _safe_norm(k)}


def protected_tags(settings: Settings) -> frozenset[str]:
    """The ``protected_tags`` setting in normal form."""
    return frozenset(_safe_norm(t) for t in settings.protected_tags if _safe_norm(t))


def _safe_norm(raw: str) -> str:
    return _SPACES.sub(" ", str(raw)).strip().casefold()


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


def all_tags(conn: Connection, owner_id: int, settings: Settings) -> list[TagSummary]:
    """Every tag in use, with how many people carry it, plus tags that have a cadence or protect."""
    counts = {
        tag: int(n)
        for tag, n in conn.execute(
            text("SELECT tag, COUNT(*) FROM tags WHERE owner_id = :o GROUP BY tag"), {"o": owner_id}
        )
    }
    cadences = tag_cadences(settings)
    protected = protected_tags(settings)
    names = sorted(set(counts) | set(cadences) | protected)
    return [
        TagSummary(tag=t, people=counts.get(t, 0), cadence_days=cadences.get(t), protected=t in protected)
        for t in names
    ]


def add_note(conn: Connection, owner_id: int, person_id: int, body: str) -> Note:
    """Append a note (how you met, interests, goals). Notes are never edited or dropped."""
    cleaned = body.strip()
    if not cleaned:
        raise InputError("a note cannot be empty")
    if len(cleaned) > MAX_NOTE_CHARS:
        raise InputError(f"a note is at most {MAX_NOTE_CHARS} characters; this one has {len(cleaned)}")
    stamp = clock.now().isoformat(timespec="seconds")
    params = {"o": owner_id, "p": person_id, "b": cleaned, "c": stamp}
    insert = "INSERT INTO notes (owner_id, person_id, body, created_at) VALUES (:o, :p, :b, :c)"
    if conn.dialect.name == "postgresql":
        new_id = conn.execute(text(insert + " RETURNING id"), params).scalar_one()
    else:
        new_id = conn.execute(text(insert), params).lastrowid
    return Note(id=int(new_id), person_id=person_id, body=cleaned, created_at=stamp)


def notes_for(conn: Connection, owner_id: int, person_id: int) -> list[Note]:
    """A person's notes, oldest first."""
    rows = conn.execute(
        text("SELECT id, person_id, body, created_at FROM notes WHERE owner_id = :o AND person_id = :p "
             "ORDER BY created_at, id"),
        {"o": owner_id, "p": person_id},
    )
    return [Note(int(i), int(p), b, c) for i, p, b, c in rows]


@dataclass(frozen=True)
class TagChange:
    """What `twoway tag` reports: who, what changed, and the tags they carry now."""

    person_id: int
    full_name: str
    changed: tuple[str, ...]
    removed: bool
    tags: tuple[str, ...]
    cadence_days: int
    protected: bool

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["changed"], out["tags"] = list(self.changed), list(self.tags)
        return out


def tag_person(conn: Connection, owner_id: int, query: str, tags: Iterable[str], *, remove: bool = False,
               settings: Settings | None = None) -> TagChange:
    """Add (or remove) tags on the person QUERY means."""
    person = people.resolve(conn, owner_id, query)
    wanted = list(tags)
    if not wanted:
        raise InputError("name at least one tag")
    change = remove_tags if remove else add_tags
    changed = change(conn, owner_id, person.id, wanted)
    now = tags_of(conn, owner_id, person.id)
    cfg = settings or settings_mod.load(conn)
    return TagChange(person.id, person.full_name, changed, remove, now, cadence_for(now, cfg), is_protected(now, cfg))


@dataclass(frozen=True)
class PersonNotes:
    person_id: int
    full_name: str
    notes: list[Note]
    added: Note | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"person_id": self.person_id, "full_name": self.full_name,
                "notes": [n.to_dict() for n in self.notes],
                "added": self.added.to_dict() if self.added else None}


def note_person(conn: Connection, owner_id: int, query: str, body: str | None = None) -> PersonNotes:
    """Append a note to the person QUERY means (when ``body`` is given) and return all their notes."""
    person = people.resolve(conn, owner_id, query)
    added = add_note(conn, owner_id, person.id, body) if body is not None else None
    return PersonNotes(person.id, person.full_name, notes_for(conn, owner_id, person.id), added)


def people_with_tag(conn: Connection, owner_id: int, tag: str) -> list[tuple[int, str, str | None]]:
    """(person id, full name, company) of everyone carrying ``tag``, by name."""
    rows = conn.execute(
        text("SELECT p.id, p.full_name, p.company FROM tags t JOIN people p ON p.id = t.person_id "
             "WHERE t.owner_id = :o AND t.tag = :t ORDER BY p.full_name, p.id"),
        {"o": owner_id, "t": normalise_tag(tag)},
    )
    return [(int(i), n, c) for i, n, c in rows]
