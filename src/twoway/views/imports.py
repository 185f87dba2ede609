"""An import as the faces run it: the file recognised by its content (a LinkedIn export, mail, a calendar or an
address book), read all or nothing, then the new history read once, so the first `twoway week` after an import
starts warm."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from twoway import history, strength
from twoway.calendars import import_calendar, looks_like_calendar
from twoway.contacts import import_contacts, looks_like_contacts
from twoway.errors import InputError
from twoway.linkedin import Forgotten, ImportSummary, forget_import, import_export
from twoway.linkedin.importer import Progress
from twoway.mail import import_mail, looks_like_mail
from twoway.sources import SourceSummary
from twoway.store import Store, stats

Importer = Callable[..., SourceSummary]
#: Each source with the test that recognises it, tried in order; what none claims is read as a LinkedIn export.
SOURCES: tuple[tuple[str, Callable[[Path], bool], Importer], ...] = (
    ("calendar", looks_like_calendar, import_calendar),
    ("contacts", looks_like_contacts, import_contacts),
    ("mail", looks_like_mail, import_mail),
)


def source_of(path: str | Path) -> str:
    """What the file or folder at ``path`` holds: ``calendar``, ``contacts``, ``mail`` or ``linkedin``."""
    p = Path(path)
    if p.suffix.lower() == ".zip":
        return "linkedin"
    return next((name for name, looks, _ in SOURCES if looks(p)), "linkedin")


def import_and_warm(store: Store, path: str | Path, *, owner: str | None = None,
                    progress: Progress | None = None, confirm: bool = False, owner_id: int | None = None
                    ) -> ImportSummary | SourceSummary:
    """Import whatever ``path`` holds (see :func:`source_of`) and warm the owner's history. ``confirm``: a LinkedIn
    export that would remove many connections or lacks files the last one had is imported all the same.
    ``owner_id``: the owner it must land in, whoever the file names (a team member's own network)."""
    kind = source_of(path)
    if kind == "linkedin":
        return linkedin_and_warm(store, path, owner=owner, progress=progress, confirm=confirm, owner_id=owner_id)
    importer = next(imp for name, _, imp in SOURCES if name == kind)
    # The other sources pick their owner by id when given one: the member's own owner row.
    summary = importer(store, path, owner=owner if owner_id is None else str(owner_id), progress=progress)
    _warm(store, summary.owner_id)
    return summary


def sources_and_warm(store: Store, paths: list[Path], *, owner: str | None = None) -> list[SourceSummary]:
    """Mail, calendars and address books (each recognised by content, each all or nothing), in this order, then
    the owner's history read once for them all."""
    done = []
    for path in paths:
        kind = source_of(path)
        importer = next((imp for name, _, imp in SOURCES if name == kind), None)
        if importer is None:
            raise InputError("not mail, a calendar or an address book", file=Path(path).name)
        done.append(importer(store, path, owner=owner))
    if done:
        _warm(store, done[-1].owner_id)
    return done


def linkedin_and_warm(store: Store, path: str | Path, *, owner: str | None = None,
                      progress: Progress | None = None, confirm: bool = False, owner_id: int | None = None
                      ) -> ImportSummary:
    """A LinkedIn export, known to be one (the demo's generated exports)."""
    summary = import_export(store, path, owner=owner, progress=progress, confirm=confirm, owner_id=owner_id)
    _warm(store, summary.owner_id)
    return summary


def forget(store: Store, import_id: int, owner_id: int | None = None) -> Forgotten:
    """Forget one import (of ``owner_id``'s, when given), all in one transaction, and read the owner's history
    again."""
    with store.begin() as conn:
        done = forget_import(conn, import_id, owner_id)
    if done.owner_id is not None:
        _warm(store, done.owner_id)
    return done


def _warm(store: Store, owner_id: int) -> None:
    """Publish the owner's bands (all the other members see of their ties), then read their history again."""
    with suppress(SQLAlchemyError), store.connect() as conn:  # first: the bands' query is planned from them
        stats.refresh(conn)
        conn.commit()
    with suppress(SQLAlchemyError), store.begin() as conn:
        strength.publish_bands(conn, owner_id)
    with suppress(SQLAlchemyError), store.connect() as conn:
        history.warm(conn, owner_id)
