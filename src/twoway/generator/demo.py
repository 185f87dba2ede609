"""`twoway demo`: synthetic exports imported into a database of its own, and what to try next.

Two exports of the same owner are imported, an earlier one (``history_days`` before today) and
today's, so the demo shows at once what a re-import finds: new connections, connections that
disappeared (marked removed), job changes to congratulate, and replies that closed open attempts.

The demo database is ``demo.db`` in the data folder, rebuilt from nothing on every run; every command
without --db then uses it until the user's own database holds an import (``paths.choose_database``). A database
chosen with --db or TWOWAY_DB is used only when it is empty or an earlier demo (its imports are
marked ``source = 'demo'``), so a demo can never overwrite someone's real network.
"""

from __future__ import annotations

import shlex
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url

from twoway import clock, paths
from twoway.errors import Conflict, InputError
from twoway.generator.channels import Channels, generate_channels
from twoway.generator.eras import LATEST
from twoway.generator.personas import DEFAULT_PERSONA
from twoway.generator.writer import GeneratedExport, generate_export
from twoway.linkedin import ImportSummary, import_export
from twoway.sources import SourceSummary
from twoway.store import open_store
from twoway.views.imports import sources_and_warm

DEMO_FILENAME = paths.DEMO_FILENAME
#: How long before today the earlier export was taken.
HISTORY_DAYS = 60
Progress = Callable[[str, int, int], None]


def demo_path() -> Path:
    return paths.demo_db_path()


@dataclass(frozen=True)
class DemoChanges:
    """What the second import found, in the importer's own counts, beside the generator's truth."""

    since: date
    until: date
    connections_added: int
    connections_removed: int
    job_changes: int
    messages_added: int
    answered: int  # open attempts on the earlier date that got their answer since

    def lines(self) -> list[str]:
        return [
            f"Changes between the exports of {self.since.isoformat()} and {self.until.isoformat()}:",
            f"  {self.connections_added:,} new connections",
            f"  {self.connections_removed:,} connections no longer there (marked removed)",
            f"  {self.job_changes:,} job changes (congratulations in the weekly plan)",
            f"  {self.answered:,} replies that closed open attempts",
            f"  {self.messages_added:,} new messages",
        ]

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["since"], out["until"] = self.since.isoformat(), self.until.isoformat()
        return out


@dataclass
class DemoResult:
    database: str  # for people: path or URL without password
    db_option: str  # what to pass to --db so the next commands use the demo
    export: GeneratedExport  # today's export
    summary: ImportSummary  # its import
    kept_export: Path | None
    earlier: GeneratedExport | None = None  # the export imported first, if any
    earlier_summary: ImportSummary | None = None
    changes: DemoChanges | None = None
    next_steps: list[tuple[str, str]] = field(default_factory=list)  # (command, what it shows)
    in_use: bool = False  # every command without --db now shows the demo
    channels: Channels | None = None  # the owner's mailbox, calendar and address book, generated
    channel_summaries: list[SourceSummary] = field(default_factory=list)  # their imports

    def channel_lines(self) -> list[str]:
        """What the mailbox, calendar and address book added, in a few words."""
        by = {s.source: s for s in self.channel_summaries}
        if not by:
            return []
        mail, cal, book = by.get("mail"), by.get("calendar"), by.get("contacts")
        suggested = sum(s.suggestions_added for s in self.channel_summaries)
        return [
            "Also imported the owner's other channels: "
            f"{mail.emails_added if mail else 0:,} e-mails ({mail.automated_kept_apart if mail else 0:,} "
            f"newsletters and no-reply mail kept apart), {cal.meetings_added if cal else 0:,} meetings, "
            f"{book.contacts_added if book else 0:,} address-book cards; "
            f"{sum(s.people_added for s in self.channel_summaries):,} people not on LinkedIn.",
            f"Likely the same person, for you to confirm: {suggested:,} (`twoway merge`).",
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "database": self.database,
            "export": self.export.to_dict(),
            "kept_export": str(self.kept_export) if self.kept_export else None,
            "summary": self.summary.to_dict(),
            "earlier_export": self.earlier.to_dict() if self.earlier else None,
            "earlier_summary": self.earlier_summary.to_dict() if self.earlier_summary else None,
            "changes": self.changes.to_dict() if self.changes else None,
            "next_steps": [{"command": c, "shows": s} for c, s in self.next_steps],
            "in_use": self.in_use,
            "channels": [s.to_dict() for s in self.channel_summaries],
        }


def run_demo(
    db: str | None = None,
    *,
    connections: int = 1500,
    years: int = 10,
    seed: int = 0,
    era: str = LATEST,
    history_days: int = HISTORY_DAYS,
    keep_export: Path | None = None,
    progress: Progress | None = None,
    persona: str = DEFAULT_PERSONA,
) -> DemoResult:
    """Generate an earlier and today's export of one owner, import both into an empty demo database,
    and say what to run next. ``history_days`` = 0 imports today's export alone. ``persona`` is the
    kind of owner (see twoway.generator.personas; the default is the careful networker)."""
    if not 0 <= history_days <= 365:
        raise InputError("history_days must be between 0 and 365")
    chosen = db or str(demo_path())
    url = paths.resolve_db_url(chosen)
    _make_room(url, explicit=db is not None)
    base = clock.today() - timedelta(days=history_days)
    with tempfile.TemporaryDirectory(prefix="twoway-demo-") as tmp:
        where = Path(keep_export) if keep_export else Path(tmp)
        if progress:
            progress("generating the exports", 0, 1)
        shape: dict[str, Any] = {"seed": seed, "connections": connections, "years": years, "era": era, "today": base,
                                 "persona": persona}
        earlier = generate_export(where, **shape) if history_days else None
        export = generate_export(where, **shape, later_days=history_days)
        store = open_store(url)
        try:
            # The history is read warm once, after every source (see sources_and_warm), not after each import.
            earlier_summary = import_export(store, earlier.path, progress=progress) if earlier else None
            summary = import_export(store, export.path, progress=progress)
            if progress:
                progress("generating mail, a calendar and an address book", 0, 1)
            channels = generate_channels(export, where / "channels", seed=seed)
            # The address book first (the way a card ties an address to a profile), then mail, then the calendar.
            side_summaries = sources_and_warm(store, [channels.contacts, channels.mail, channels.calendar])
            ids = [s.import_id for s in (earlier_summary, summary, *side_summaries) if s is not None]
            with store.begin() as conn:
                conn.execute(text("UPDATE imports SET source = 'demo' WHERE id = :id"), [{"id": i} for i in ids])
        finally:
            store.close()
    option = chosen if "://" in chosen else str(Path(chosen).expanduser().resolve())
    changes = None
    if earlier is not None:
        changes = DemoChanges(
            since=earlier.exported_on, until=export.exported_on, connections_added=summary.connections_added,
            connections_removed=summary.connections_removed, job_changes=summary.job_changes,
            messages_added=summary.messages_added, answered=len(export.answered),
        )
    result = DemoResult(
        database=paths.describe_url(url) if "://" in chosen else option,
        db_option=option, export=export, summary=summary, kept_export=export.path if keep_export else None,
        earlier=earlier, earlier_summary=earlier_summary, changes=changes, channels=channels,
        channel_summaries=side_summaries,
    )
    in_use = db is None and paths.choose_database().is_demo
    result.in_use = in_use
    result.next_steps = _next_steps(None if in_use else option, export, two_imports=earlier is not None)
    return result


def _next_steps(option: str | None, export: GeneratedExport, *, two_imports: bool) -> list[tuple[str, str]]:
    """The commands to try; plain ones when the demo is what they use anyway (``option`` None)."""
    base = "twoway" if option is None else f"twoway --db {shlex.quote(option)}"
    someone = export.featured[0] if export.featured else export.owner_name
    steps = [
        (f"{base} week", "whom to reach this week, with a draft for each"),
        (f"{base} people", "every connection with its state and strength"),
        (f"{base} person {shlex.quote(someone)}", "one relationship's whole history"),
        (f"{base} merge", "people who are likely the same across LinkedIn, mail and the address book"),
    ]
    if two_imports:
        steps += [
            (f"{base} imports", "the two imports and what each one found"),
            (f"{base} people --state removed", "connections that disappeared between the exports"),
        ]
    steps += [
        (f"{base} prune", "connections to review, with reasons"),
        (f"{base} invites", "pending invitations to accept or ignore"),
        (f"{base} health", "the network's two-way share, coverage and growth"),
        (f"{base} serve", "the same in a browser"),
    ]
    return steps


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
