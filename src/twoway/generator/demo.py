"""`twoway demo`: a synthetic export imported into a database of its own, and what to try next.

The demo database is ``demo.db`` in the data folder, rebuilt from nothing on every run. A database
chosen with --db or TWOWAY_DB is used only when it is empty or an earlier demo (its imports are
marked ``source = 'demo'``), so a demo can never overwrite someone's real network.
"""

from __future__ import annotations

import shlex
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url

from twoway import paths
from twoway.errors import Conflict
from twoway.generator.eras import LATEST
from twoway.generator.writer import GeneratedExport, generate_export
from twoway.linkedin import ImportSummary, import_export
from twoway.store import open_store

DEMO_FILENAME = "demo.db"
Progress = Callable[[str, int, int], None]


def demo_path() -> Path:
    return paths.user_dir() / DEMO_FILENAME


@dataclass
class DemoResult:
    database: str  # for people: path or URL without password
    db_option: str  # what to pass to --db so the next commands use the demo
    export: GeneratedExport
    summary: ImportSummary
    kept_export: Path | None
    next_steps: list[tuple[str, str]] = field(default_factory=list)  # (command, what it shows)

    def to_dict(self) -> dict[str, Any]:
        return {
            "database": self.database,
            "export": self.export.to_dict(),
            "kept_export": str(self.kept_export) if self.kept_export else None,
            "summary": self.summary.to_dict(),
            "next_steps": [{"command": c, "shows": s} for c, s in self.next_steps],
        }


def run_demo(
    db: str | None = None,
    *,
    connections: int = 1500,
    years: int = 10,
    seed: int = 0,
    era: str = LATEST,
    keep_export: Path | None = None,
    progress: Progress | None = None,
) -> DemoResult:
    """Generate an export, import it into an empty demo database, and say what to run next."""
    chosen = db or str(demo_path())
    url = paths.resolve_db_url(chosen)
    _make_room(url, explicit=db is not None)
    with tempfile.TemporaryDirectory(prefix="twoway-demo-") as tmp:
        where = Path(keep_export) if keep_export else Path(tmp)
        if progress:
            progress("generating the export", 0, 1)
        export = generate_export(where, seed=seed, connections=connections, years=years, era=era)
        store = open_store(url)
        try:
            summary = import_export(store, export.path, progress=progress)
            with store.begin() as conn:
                conn.execute(text("UPDATE imports SET source = 'demo' WHERE id = :id"), {"id": summary.import_id})
        finally:
            store.close()
    option = chosen if "://" in chosen else str(Path(chosen).expanduser().resolve())
    result = DemoResult(
        database=paths.describe_url(url) if "://" in chosen else option,
        db_option=option, export=export, summary=summary, kept_export=export.path if keep_export else None,
    )
    result.next_steps = _next_steps(option, export)
    return result


def _next_steps(option: str, export: GeneratedExport) -> list[tuple[str, str]]:
    base = f"twoway --db {shlex.quote(option)}"
    someone = export.featured[0] if export.featured else export.owner_name
    return [
        (f"{base} week", "whom to reach this week, with a draft for each"),
        (f"{base} people", "every connection with its state and strength"),
        (f"{base} person {shlex.quote(someone)}", "one relationship's whole history"),
        (f"{base} prune", "connections to review, with reasons"),
        (f"{base} invites", "pending invitations to accept or ignore"),
        (f"{base} health", "the network's two-way share, coverage and growth"),
        (f"{base} serve", "the same in a browser"),
    ]


def _make_room(url: str, *, explicit: bool) -> None:
    """Empty the demo database; refuse to touch a database that holds a real network."""
    sqlite_file = _sqlite_file(url)
    if sqlite_file is not None and not sqlite_file.exists():
        return
    if explicit and not _is_empty_or_demo(url):
        raise Conflict(
            f"{paths.describe_url(url)} already holds a network that is not a demo; `twoway demo` only "
            "fills an empty database or its own demo database. Choose a new file with --db, or leave "
            f"--db out to use {demo_path()}."
        )
    if sqlite_file is None:
        if not _is_empty_or_demo(url, require_empty=True):
            raise Conflict(f"{paths.describe_url(url)} holds an earlier demo; start from an empty "
                           "PostgreSQL schema (or drop it) to run the demo again there.")
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        sqlite_file.with_name(sqlite_file.name + suffix).unlink(missing_ok=True)


def _sqlite_file(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    return Path(parsed.database)


def _is_empty_or_demo(url: str, *, require_empty: bool = False) -> bool:
    store = open_store(url)
    try:
        with store.connect() as conn:
            owners = int(conn.execute(text("SELECT COUNT(*) FROM owners")).scalar_one())
            real = int(conn.execute(text("SELECT COUNT(*) FROM imports WHERE source <> 'demo'")).scalar_one())
    finally:
        store.close()
    if require_empty:
        return owners == 0
    return owners == 0 or real == 0
