"""Tags and notes as the faces show them: who was tagged, what a tag means for the rules, a person's notes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, text

from twoway import people
from twoway import settings as settings_mod
from twoway.errors import InputError
from twoway.people.notes import Note, add_note, delete_note, edit_note, notes_for
from twoway.people.tags import add_tags, remove_tags, tags_of
from twoway.settings import Settings
from twoway.states import Rules, protected_tags, tag_cadences


@dataclass(frozen=True)
class TagSummary:
    tag: str
    people: int
    cadence_days: int | None  # the tag's own cadence, when it has one
    protected: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


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
    rules = Rules.from_settings(settings or settings_mod.load(conn, owner_id))
    return TagChange(person.id, person.full_name, changed, remove, now, rules.cadence(now)[0], rules.protected(now))


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


def note_person(conn: Connection, owner_id: int, query: str, body: str | None = None, *, edit: int | None = None,
                delete: int | None = None, history: bool = False) -> PersonNotes:
    """Append a note to the person QUERY means (when ``body`` is given), or replace note ``edit`` with ``body``,
    or delete note ``delete`` (its text is kept in the history); return their notes (with ``history``, all)."""
    person = people.resolve(conn, owner_id, query)
    added: Note | None = None
    if delete is not None:
        added = delete_note(conn, owner_id, person.id, delete)
    elif edit is not None:
        if body is None:
            raise InputError("give the note's new text after --edit ID")
        added = edit_note(conn, owner_id, person.id, edit, body)
    elif body is not None:
        added = add_note(conn, owner_id, person.id, body)
    notes = notes_for(conn, owner_id, person.id, history=history)
    return PersonNotes(person.id, person.full_name, notes, added)
