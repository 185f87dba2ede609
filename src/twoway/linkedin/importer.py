"""Importing one LinkedIn export: every file read, merged into the store, in one transaction.

The whole import is one transaction, so it lands completely or not at all (interrupted, killed
or failed, the database is as it was). Files are recognised by header; the owner is identified;
messages are streamed; then connections, invitations and the smaller files are merged against
what earlier imports of the same owner left, newer or older. A newer export that lacks kinds of file the
owner's latest import had, or would mark many connections removed, is refused unless confirmed; the
export's date is never later than today.
"""

from __future__ import annotations

import json
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection

from twoway import clock
from twoway.errors import InputError, NeedsConfirmation, NotFound
from twoway.linkedin import extras, kinds, network, owner, whose
from twoway.linkedin.archive import Archive, Entry, open_archive
from twoway.linkedin.bulk import Bulk
from twoway.linkedin.context import ImportContext
from twoway.linkedin.csvfile import Table
from twoway.linkedin.dates import export_date_from_name, iso_day
from twoway.linkedin.messages import MessageImporter
from twoway.linkedin.registry import PeopleIndex, name_key
from twoway.linkedin.summary import ImportSummary, rows_skipped
from twoway.store import Store

Progress = Callable[[str, int, int], None]
#: How many invitations the owner is looked for in (like the message scan's 50,000 rows).
OWNER_SAMPLE = 50_000
#: Most invitations one export may hold (LinkedIn allows about a hundred a week): beyond, memory, not insight.
MAX_INVITATIONS = 200_000


@dataclass
class _File:
    entry: Entry
    table: Table
    ignored: list[str] = field(default_factory=list)  # connection-like files this one was preferred to

    @property
    def kind(self) -> str:
        return self.table.kind or ""


def import_export(store: Store, path: str | Path, *, owner: str | None = None,
                  progress: Progress | None = None, confirm: bool = False, owner_id: int | None = None
                  ) -> ImportSummary:
    """Import the export at ``path`` (zip, folder or one CSV) into ``store``; return what it did.

    ``owner`` names the owner (id or name) when the export has no Profile.csv or should go to a
    particular owner; ``progress(stage, done, total)`` is called as bytes are read. A newer export that
    would mark many connections removed, or lacks files the previous one had, is refused
    (``NeedsConfirmation``, nothing written) unless ``confirm``. ``owner_id`` binds the import to that
    owner (a team member's own): the export then only names it, and one that is another owner's is refused.
    """
    started = time.perf_counter()
    settings = store.settings()
    try:
        share = float(settings[network.REMOVED_SETTING])
    except NotFound:  # not declared (yet) in settings.py: the default
        share = network.DEFAULT_REMOVED_PERCENT
    with open_archive(path, max_unpacked_mb=int(settings.import_max_unpacked_mb)) as archive:
        files = classify(archive, int(settings.import_max_field_chars))
        with store.begin() as conn:
            job = _Import(conn, archive, files, owner, progress)
            job.bound = owner_id
            job.confirmed, job.max_removed_percent = confirm, share
            summary = job.run()
            summary.seconds = round(time.perf_counter() - started, 2)
            conn.exec_driver_sql(
                "UPDATE imports SET summary = %s WHERE id = %s" if conn.dialect.name != "sqlite"
                else "UPDATE imports SET summary = ? WHERE id = ?",
                (json.dumps(summary.to_dict(), ensure_ascii=False), summary.import_id),
            )
    return summary


def classify(archive: Archive, max_field_chars: int) -> list[_File]:
    """The export's files this importer reads, each with its kind; refuses an export it cannot use."""
    found: list[_File] = []
    notes: list[str] = []
    for entry in archive.entries:
        table = Table(entry.name, entry.open, max_field_chars=max_field_chars)
        if table.kind is None:
            expected = kinds.EXPECTED_BY_NAME.get(kinds.stem(entry.name))
            if expected and expected[0] != kinds.CONNECTIONS and not table.first_line_text:
                # An empty optional file (no header, nothing in it): nothing to read, nothing refused.
                notes.append(f"{entry.name} is empty; skipped")
                continue
            if expected and expected[0] in kinds.REQUIRED_KINDS:
                raise InputError(
                    f"unknown header {table.first_line_text!r}; expected a header with {expected[1]} "
                    f"within the first {10} lines", file=entry.name, line=table.first_line)
            continue
        if table.kind != kinds.COACH_MESSAGES:
            found.append(_File(entry, table))
    connections = [f for f in found if f.kind == kinds.CONNECTIONS]
    if not connections:
        what = f"{len(archive.entries)} CSV files" if archive.entries else "no CSV files at all"
        raise InputError(f"no Connections.csv in this export ({what}); expected a LinkedIn data export "
                         "with a file whose header has First Name, Last Name and Connected On",
                         file=archive.name)
    if len(connections) > 1:
        # LinkedIn's own file wins over the member's copies and edits beside it.
        own = [f for f in connections if kinds.stem(f.entry.name) == "connections"]
        if len(own) != 1:
            names = ", ".join(f.entry.name for f in connections)
            raise InputError(f"several connection files ({names}) and not exactly one called Connections.csv; "
                             "import one export at a time", file=archive.name)
        found = [f for f in found if f.kind != kinds.CONNECTIONS or f is own[0]]
        ignored = [f.entry.name for f in connections if f is not own[0]]
        own[0].table.problems.insert(0, f"{own[0].entry.name} was read; other connection files beside it were "
                                        f"ignored: {', '.join(ignored)}")
        own[0].ignored = ignored
    conn_table = next(f.table for f in found if f.kind == kinds.CONNECTIONS)
    conn_table.problems[:0] = notes
    return found


def content_id(entry: Entry) -> str:
    """Size and CRC-32 of a file's bytes: from the zip's directory, or computed for a folder's file."""
    crc = entry.crc
    if crc is None:
        crc = 0
        with entry.open() as f:
            while chunk := f.read(1 << 20):
                crc = zlib.crc32(chunk, crc)
    return f"{entry.size}:{crc:08x}"


class _Import:
    def __init__(self, conn: Connection, archive: Archive, files: list[_File], owner_hint: str | None,
                 progress: Progress | None) -> None:
        self.bulk = Bulk(conn)
        self.archive = archive
        self.files = files
        self.owner_hint = owner_hint
        self.progress = progress
        self.created_at = clock.now().isoformat(timespec="seconds")
        self.summary = ImportSummary(archive=archive.name)
        self.file_ids: dict[str, int] = {}
        self.unread_sources: list[int] = []
        self.total_bytes = sum(f.entry.size for f in files) or 1
        self.done_bytes = 0
        self.confirmed = False
        self.max_removed_percent = network.DEFAULT_REMOVED_PERCENT
        self.bound: int | None = None  # the owner this import must land in (a team member's), whoever it names

    def of(self, kind: str) -> list[_File]:
        return [f for f in self.files if f.kind == kind]

    def _register(self, f: _File, import_id: int) -> int:
        fid = self.bulk.insert_id(
            "INSERT INTO import_files (import_id, name, kind, rows_read, content_id, bytes, encoding) "
            "VALUES (:i, :n, :k, 0, :c, :b, :e)",
            {"i": import_id, "n": f.entry.name, "k": f.kind, "c": content_id(f.entry), "b": f.entry.size,
             "e": f.table.encoding})
        self.file_ids[f.entry.name] = fid
        base = self.done_bytes
        if self.progress is not None:
            report, name, total = self.progress, f.entry.name, self.total_bytes
            f.table.progress = lambda n: report(f"reading {name}", min(base + n, total), total)
        self.done_bytes += f.entry.size
        return fid

    def run(self) -> ImportSummary:
        bulk, s = self.bulk, self.summary
        import_id = bulk.insert_id(
            "INSERT INTO imports (owner_id, source, archive_name, started_at) VALUES (NULL, 'linkedin', :a, :t)",
            {"a": self.archive.name, "t": self.created_at})
        s.import_id = import_id
        source = {f.entry.name: self._register(f, import_id) for f in self.files}

        profile = next((p for f in self.of(kinds.PROFILE) if (p := owner.read_profile(f.table))), None)
        # The owner is found from a sample of the invitations; all of them are read again as they are written.
        invitations: list[extras.Invitation] = []
        newest_invitation = 0
        for f in self.of(kinds.INVITATIONS):
            look = Table(f.entry.name, f.entry.open, max_field_chars=f.table.max_field_chars)
            for count, inv in enumerate(extras.read_invitations(look), start=1):
                if len(invitations) < OWNER_SAMPLE:
                    invitations.append(inv)
                newest_invitation = max(newest_invitation, inv.sent_at)
                if count > MAX_INVITATIONS:
                    # Each would be a person to index; no member has sent or received this many.
                    raise InputError(f"more than {MAX_INVITATIONS:,} invitations; is this really a LinkedIn "
                                     "export?", file=f.entry.name, line=inv.line)
        message_files = self.of(kinds.MESSAGES)
        conn_file = self.of(kinds.CONNECTIONS)[0]
        s.ignored_files = list(conn_file.ignored)
        rows, s.date_only_rows = network.read_connections(conn_file.table)
        found = self._whose(profile, invitations, message_files, rows)
        s.owner_found_by = found.how
        if self.bound is not None:
            rec = owner.bind_owner(bulk, self.bound, profile, found.url, found.name)
        else:
            rec = owner.resolve_owner(bulk, profile, found.url, self.owner_hint, self.created_at, found.name,
                                      placeholder=found.name == whose.PLACEHOLDER and found.url is None)
        bulk.run("UPDATE imports SET owner_id = :o WHERE id = :i", {"o": rec.id, "i": import_id})
        people = PeopleIndex(bulk, rec.id, None, self.created_at)
        ctx = ImportContext(bulk, people, s, import_id, rec.id, rec.name, rec.profile_url or found.url,
                            rec.person_id, self.created_at, owner_keys=found.keys, owner_urls=found.urls,
                            confirmed=self.confirmed, max_removed_percent=self.max_removed_percent)
        s.owner_id, s.owner_name = rec.id, rec.name
        self._owner_person(ctx, rec, source)

        newest_seen = newest_invitation
        for f in message_files:
            ctx.source_id = people.source_id = source[f.entry.name]
            newest_seen = max(newest_seen, self._messages(ctx, f))

        s.skip("date-only row", s.date_only_rows)
        exported_on = self._export_date(rows, newest_seen)
        s.exported_on = exported_on
        later = sorted(d for (d,) in bulk.rows(
            "SELECT exported_on FROM imports WHERE owner_id = :o AND id <> :i AND exported_on > :d "
            "AND finished_at IS NOT NULL", {"o": rec.id, "i": import_id, "d": exported_on}))
        s.older_than_previous = bool(later)
        if not later and not self.confirmed:
            self._check_files_kept(rec.id, import_id)
        ctx.source_id = people.source_id = source[conn_file.entry.name]
        network.write_connections(ctx, rows, exported_on, later, conn_file.entry.name)

        invitation_files = self.of(kinds.INVITATIONS)
        if invitation_files:
            ctx.source_id = people.source_id = source[invitation_files[0].entry.name]
            extras.write_invitations(ctx, [f.table for f in invitation_files])
        handlers = {
            kinds.ENDORSEMENTS_RECEIVED: extras.import_endorsements,
            kinds.ENDORSEMENTS_GIVEN: extras.import_endorsements,
            kinds.RECOMMENDATIONS_RECEIVED: extras.import_recommendations,
            kinds.RECOMMENDATIONS_GIVEN: extras.import_recommendations,
            kinds.CONTACTS: extras.import_contacts,
        }
        for f in self.files:
            ctx.source_id = people.source_id = source[f.entry.name]
            if f.kind in handlers:
                handlers[f.kind](ctx, f.table)
            elif f.kind == kinds.POSITIONS:
                extras.import_positions(ctx, f.table, newest=not later)
        if profile and not later and not rec.created:
            owner.refresh_profile(bulk, rec.id, profile)
        if not later and ctx.owner_person_id is not None:
            owner.describe_owner_person(bulk, rec.id, ctx.owner_person_id)

        s.people_added = people.created
        for f in self.files:
            t = f.table
            for reason, count in t.skipped.items():
                s.skip(reason, count)
            for problem in t.problems:
                s.problem(problem)
            s.files.append({"name": f.entry.name, "kind": f.kind, "rows": t.rows_read,
                            "skipped": rows_skipped(t.skipped), "encoding": t.encoding})
        bulk.many("UPDATE import_files SET rows_read = :r, rows_skipped = :k WHERE id = :id",
                  [{"r": f.table.rows_read, "k": rows_skipped(f.table.skipped), "id": source[f.entry.name]}
                   for f in self.files])
        bulk.run("UPDATE imports SET exported_on = :d, finished_at = :t WHERE id = :i",
                 {"d": exported_on, "t": clock.now().isoformat(timespec="seconds"), "i": import_id})
        if self.progress is not None:
            self.progress("done", self.total_bytes, self.total_bytes)
        return s

    def _check_files_kept(self, owner_id: int, import_id: int) -> None:
        """Refuse a newer export that lacks kinds of file the owner's latest export had (a partial export
        would otherwise read as everything in them gone)."""
        latest = self.bulk.scalar(
            "SELECT MAX(id) FROM imports WHERE owner_id = :o AND id <> :i AND finished_at IS NOT NULL",
            {"o": owner_id, "i": import_id})
        if latest is None:
            return
        had = {k for (k,) in self.bulk.rows("SELECT DISTINCT kind FROM import_files WHERE import_id = :i",
                                            {"i": latest}) if k}
        present = {f.kind for f in self.files}
        present |= {expected[0] for e in self.archive.entries
                    if (expected := kinds.EXPECTED_BY_NAME.get(kinds.stem(e.name)))}
        missing = sorted(had - present - {kinds.COACH_MESSAGES})
        if missing:
            raise NeedsConfirmation(
                f"{self.archive.name}: this export has no {', '.join(missing)} file, which the previous export "
                f"(import #{latest}) had; is it a whole export? Nothing was imported; if it is right, import it "
                "again and confirm")

    def _whose(self, profile: owner.Profile | None, invitations: list[extras.Invitation],
               message_files: list[_File], rows: list[network.ConnectionRow]) -> whose.Owner:
        """Who the owner is, by Profile.csv, the name given, or the export's own messages and invitations."""
        given, given_by, strict = None, "", False
        if profile is not None and profile.name:
            given, given_by = profile.name, "named in Profile.csv"
        elif self.owner_hint:
            known = owner.hinted_owner(self.bulk, self.owner_hint)
            given = known[0] if known else self.owner_hint.strip()
            given_by, strict = "named for this import", known is None or known[1]
        not_owner = {r.url for r in rows if r.url} | {name_key(r.full) for r in rows}
        scan = whose.scan_messages(message_files[0].table) if message_files else None
        found = whose.find_owner(given=given, given_by=given_by, strict=strict, scan=scan, invitations=invitations,
                                 connections=not_owner)
        url = owner.inviter_url(invitations) or found.url
        return whose.Owner(found.name, url, found.how, found.keys, found.urls | ({url} if url else set()))

    def _owner_person(self, ctx: ImportContext, rec: owner.OwnerRecord, source: dict[str, int]) -> None:
        """Give the owner a people row (by URL when known) so team graphs can pass through them."""
        profile_files = self.of(kinds.PROFILE)
        ctx.people.source_id = source[profile_files[0].entry.name] if profile_files else None
        url = ctx.owner_url
        pid = rec.person_id
        if pid is None:
            pid = ctx.people.with_url(url, rec.name) if url else ctx.people.create_named(rec.name)
        elif url:
            holder = ctx.people.by_url.get(url)
            if holder is None:
                self.bulk.run("UPDATE people SET url = :u, low_confidence = 0 WHERE id = :id AND url IS NULL",
                              {"u": url, "id": pid})
                ctx.people.by_url[url] = pid
            elif holder != pid:
                pid = holder
        if pid != rec.person_id:
            self.bulk.run("UPDATE owners SET person_id = :p WHERE id = :o", {"p": pid, "o": rec.id})
        ctx.owner_person_id = pid

    def _messages(self, ctx: ImportContext, f: _File) -> int:
        """Import one messages file unless this owner already imported the very same file."""
        cid = content_id(f.entry)
        previous = self.bulk.rows(
            "SELECT f.id FROM import_files f JOIN imports i ON i.id = f.import_id WHERE i.owner_id = :o "
            "AND f.content_id = :c AND f.kind = :k AND f.import_id <> :me AND i.finished_at IS NOT NULL "
            "ORDER BY f.id LIMIT 1", {"o": ctx.owner_id, "c": cid, "k": f.kind, "me": ctx.import_id})
        if previous:
            ctx.summary.problem(f"{f.entry.name}: unchanged since an earlier import, not read again")
            self.unread_sources.append(int(previous[0][0]))
            return 0
        return MessageImporter(ctx, f.table).run()

    def _export_date(self, rows: list[network.ConnectionRow], newest_seen: int) -> str:
        """The export's date: from the zip or folder name, else the newest date its files mention; never
        later than today (a name or a row from the future would stop every later import seeing changes)."""
        today = clock.today().isoformat()
        for part in (self.archive.name, *reversed(self.archive.path.parts)):
            found = export_date_from_name(part)
            if found:
                if found > today:
                    self.summary.problem(f"{part}: its name dates the export {found}, after today; "
                                         f"dated today ({today}) instead")
                return min(found, today)
        for source_id in self.unread_sources:
            # The messages of an unchanged file were not read: their newest date is in the store.
            newest = self.bulk.scalar("SELECT MAX(at) FROM interactions WHERE source_id = :s", {"s": source_id})
            newest_seen = max(newest_seen, int(newest or 0))
        candidates = [d for d in (network.newest_day(rows), iso_day(newest_seen) if newest_seen else None) if d]
        return min(max(candidates), today) if candidates else today
