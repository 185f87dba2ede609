"""Connections.csv: the owner's connections, their removal between exports, and job history.

A newer export merges into what is known: new connections are added, connections it no longer
lists are marked removed on its export date (the first export that missed them), and a changed
company or title becomes a new row of the person's job history (a job change). An older export
imported after a newer one only fills gaps: it marks nothing removed, never overwrites newer
details, and a connection only it lists is recorded as removed on the next newer export's date.
Date-only rows (members who hid their profile) are counted, not imported; rows dated after today and
repeated rows are counted and skipped as they are read. A newer export that would mark more than
``import_max_removed_percent`` of the connections removed is refused (nothing written) unless confirmed.
Each import records which connections it listed (``import_connections``), for ``forget.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from twoway import clock
from twoway.errors import NeedsConfirmation
from twoway.identity import full_name
from twoway.linkedin.cells import odd_url, scrub, url_left_out
from twoway.linkedin.context import ImportContext
from twoway.linkedin.csvfile import Table, blank
from twoway.linkedin.dates import FUTURE, parse_day
from twoway.linkedin.registry import name_key, profile_url
from twoway.linkedin.summary import KEPT_NO_DATE

REMOVED_SETTING = "import_max_removed_percent"
DEFAULT_REMOVED_PERCENT = 20.0
#: Fewer removals than this never need confirming, whatever their share (a network of three losing one).
MIN_REMOVED_TO_ASK = 10


@dataclass(slots=True)
class ConnectionRow:
    line: int
    first: str
    last: str
    full: str
    url: str | None
    email: str
    company: str
    position: str
    connected_on: str | None


def read_connections(table: Table) -> tuple[list[ConnectionRow], int]:
    """The rows worth importing, and how many date-only rows there were."""
    col = table.col
    i_first, i_last, i_url = col("firstname"), col("lastname"), col("url", "profileurl")
    i_name = col("name", "fullname") if i_first is None else None
    i_email, i_company = col("emailaddress", "email"), col("company")
    i_position, i_date = col("position", "title"), col("connectedon")

    def get(row: list[str], i: int | None) -> str:
        value = row[i].strip() if i is not None else ""
        return "" if blank(value) else value

    rows: list[ConnectionRow] = []
    date_only = 0
    today = clock.today().isoformat()
    seen: set[object] = set()  # each profile (or identical nameless row) once: a repeated row costs nothing
    for line, row in table.rows():
        scrub(table, line, row)
        first, last, raw_url = get(row, i_first), get(row, i_last), get(row, i_url)
        if i_name is not None:
            # One Name column (a hand-edited file): the first word is the first name, the rest the last.
            first, _, last = get(row, i_name).partition(" ")
            last = last.strip()
        url = profile_url(raw_url)
        if url is None and odd_url(raw_url):
            if not first and not last:
                table.problem(line, f"unreadable profile URL {raw_url[:60]!r} and no name", "unreadable profile URL")
                continue
            url_left_out(table, line, raw_url)
        if not first and not last and not url:
            if any(get(row, i) for i in (i_email, i_company, i_position)) or not get(row, i_date):
                table.problem(line, "a connection without name or profile URL", "no name")
            else:
                date_only += 1
            continue
        raw_date = get(row, i_date)
        connected_on = parse_day(raw_date) if raw_date else None
        if raw_date and connected_on is None:
            table.skipped[KEPT_NO_DATE] += 1
            table.note(line, f"unreadable Connected On {raw_date[:40]!r}; kept without a date")
        elif connected_on is not None and connected_on > today:
            table.problem(line, f"Connected On {raw_date[:40]!r} is after today; skipped", FUTURE)
            continue
        key: object = url or (first, last, connected_on, get(row, i_email), get(row, i_company),
                              get(row, i_position))
        if key in seen:
            what = f"the profile {url}" if url else f"the name {full_name(first, last) or first or last!r}"
            table.problem(line, f"{what} is listed twice; the first row was kept", "duplicate connection")
            continue
        seen.add(key)
        rows.append(ConnectionRow(line, first, last, full_name(first, last) or first or last,
                                  url, get(row, i_email), get(row, i_company), get(row, i_position), connected_on))
    return rows, date_only


def write_connections(ctx: ImportContext, rows: list[ConnectionRow], exported_on: str,
                      later_exports: list[str], file_name: str = "Connections.csv") -> None:
    """Merge this export's connections into the owner's; ``later_exports`` are newer imports' dates."""
    bulk, people, s = ctx.bulk, ctx.people, ctx.summary
    newest = not later_exports
    existing = {
        pid: (cid, status, connected_on, last_seen, removed_on)
        for cid, pid, status, connected_on, last_seen, removed_on in bulk.rows(
            "SELECT id, person_id, status, connected_on, last_seen_on, removed_on FROM connections "
            "WHERE owner_id = :o", {"o": ctx.owner_id})
    }
    jobs: dict[int, dict[tuple[str, str], tuple[str, str]]] = {}
    for pid, company, position, first_seen, last_seen in bulk.rows(
        "SELECT j.person_id, j.company, j.position, j.first_seen, j.last_seen FROM jobs j WHERE j.owner_id = :o",
        {"o": ctx.owner_id}
    ):
        jobs.setdefault(pid, {})[(company, position)] = (first_seen, last_seen)

    used: set[int] = set()
    inserts, updates, person_updates, job_inserts, job_updates = [], [], [], [], []
    emails: list[dict[str, object]] = []  # the address this member's newest export gives a connection
    for r in rows:
        if r.url:
            pid = people.with_url(r.url, r.full, r.first, r.last, company=r.company,
                                  position=r.position)
        else:
            pid = people.with_name(r.full, r.first, r.last, exclude=used, company=r.company,
                                   position=r.position)
        if pid in used:
            what = f"the profile {r.url}" if r.url else f"the name {r.full!r}"
            ctx.summary.problem(f"{file_name}, line {r.line}: {what} is listed twice; the first row was kept")
            s.skip("duplicate connection")
            continue
        used.add(pid)
        known_jobs = jobs.get(pid, {})
        latest_job = max((last for _, last in known_jobs.values()), default="")
        if exported_on >= latest_job:
            person_updates.append({"id": pid, "first": r.first or None, "last": r.last or None, "full": r.full,
                                   "key": name_key(r.full),
                                   "company": r.company or None, "position": r.position or None})
        if r.company or r.position:
            job = known_jobs.get((r.company, r.position))
            if job is None:
                job_inserts.append({"o": ctx.owner_id, "p": pid, "c": r.company, "t": r.position, "d": exported_on,
                                    "s": ctx.source_id})
                if known_jobs and exported_on > latest_job:
                    s.job_changes += 1
            elif exported_on < job[0] or exported_on > job[1]:
                job_updates.append({"o": ctx.owner_id, "p": pid, "c": r.company, "t": r.position,
                                    "f": min(job[0], exported_on), "l": max(job[1], exported_on)})
        old = existing.get(pid)
        if old is None:
            status, removed_on = ("connected", None) if newest else ("removed", later_exports[0])
            inserts.append({"o": ctx.owner_id, "p": pid, "c": r.connected_on, "st": status, "r": removed_on,
                            "l": exported_on, "s": ctx.source_id, "e": r.email or None})
            continue
        cid, status, connected_on, last_seen, removed_on = old
        if r.email and newest:
            emails.append({"id": cid, "e": r.email})
        new_last = max(last_seen or "", exported_on)
        if newest and status != "connected":
            status, removed_on = "connected", None  # reconnected since it was last missing
        elif not newest and status == "removed" and removed_on and removed_on <= exported_on:
            # Present in this older export: the removal happened after it, not before.
            removed_on = later_exports[0]
        change = (status, removed_on, connected_on or r.connected_on, new_last)
        if change != (old[1], old[4], connected_on, last_seen):
            updates.append({"id": cid, "st": change[0], "r": change[1], "c": change[2], "l": change[3]})

    bulk.many("UPDATE people SET first_name = :first, last_name = :last, full_name = :full, name_key = :key, "
              "company = :company, position = :position WHERE id = :id",
              person_updates)
    s.connections_added += bulk.many(
        "INSERT INTO connections (owner_id, person_id, connected_on, status, removed_on, last_seen_on, source_id, "
        "email) VALUES (:o, :p, :c, :st, :r, :l, :s, :e) ON CONFLICT DO NOTHING", inserts)
    bulk.many("UPDATE connections SET status = :st, removed_on = :r, connected_on = :c, last_seen_on = :l "
              "WHERE id = :id", updates)
    bulk.many("UPDATE connections SET email = :e WHERE id = :id", emails)
    bulk.many("INSERT INTO jobs (owner_id, person_id, company, position, first_seen, last_seen, source_id) "
              "VALUES (:o, :p, :c, :t, :d, :d, :s) ON CONFLICT DO NOTHING", job_inserts)
    bulk.many("UPDATE jobs SET first_seen = :f, last_seen = :l WHERE owner_id = :o AND person_id = :p "
              "AND company = :c AND position = :t", job_updates)
    bulk.many("INSERT INTO import_connections (import_id, person_id) VALUES (:i, :p) ON CONFLICT DO NOTHING",
              [{"i": ctx.import_id, "p": pid} for pid in used])
    s.connections_total = len(used)
    if newest and used:
        gone = [pid for pid, (_, status, *_rest) in existing.items() if status == "connected" and pid not in used]
        connected = sum(1 for _, status, *_rest in existing.values() if status == "connected")
        many = len(gone) >= MIN_REMOVED_TO_ASK and len(gone) > connected * ctx.max_removed_percent / 100
        if many and not ctx.confirmed:
            raise NeedsConfirmation(
                f"{file_name}: this export would mark {len(gone):,} of {connected:,} connections removed, more "
                f"than {ctx.max_removed_percent:g}% (the setting {REMOVED_SETTING}); is it a whole export? "
                "Nothing was imported; if it is right, import it again with --yes")
        s.connections_removed = bulk.many(
            "UPDATE connections SET status = 'removed', removed_on = :d WHERE owner_id = :o AND person_id = :p",
            [{"d": exported_on, "o": ctx.owner_id, "p": pid} for pid in gone])


def newest_day(rows: list[ConnectionRow]) -> str | None:
    return max((r.connected_on for r in rows if r.connected_on), default=None)
