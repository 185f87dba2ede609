"""An import as the faces run it: the export read (all or nothing), then the new history read once,
so the first `twoway week` after an import starts warm."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from twoway import history
from twoway.linkedin import Forgotten, ImportSummary, forget_import, import_export
from twoway.linkedin.importer import Progress
from twoway.store import Store


def import_and_warm(store: Store, path: str | Path, *, owner: str | None = None,
                    progress: Progress | None = None, confirm: bool = False) -> ImportSummary:
    summary = import_export(store, path, owner=owner, progress=progress, confirm=confirm)
    with suppress(SQLAlchemyError), store.connect() as conn:
        history.warm(conn, summary.owner_id)
    return summary


def forget(store: Store, import_id: int) -> Forgotten:
    """Forget one import, all in one transaction, and read the owner's history again."""
    with store.begin() as conn:
        done = forget_import(conn, import_id)
    if done.owner_id is not None:
        with suppress(SQLAlchemyError), store.connect() as conn:
            history.warm(conn, done.owner_id)
    return done
