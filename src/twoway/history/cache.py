"""The history cache: an owner's whole history kept in memory and as a private file in the data folder.

Reading a million interactions costs most of a second; the cached arrays cost a few milliseconds.
A cache entry remembers which rows it holds: the interactions counted and the newest interaction id
(plus the newest import, since an import can change what counts without adding a row). When only
new rows arrived since (a `twoway log`, a re-import, a newer export), only those rows are read and
merged into the cached arrays; anything else (a deleted row, an old conversation that turned out to
be a group) rebuilds the whole entry. Interactions are only ever inserted by twoway, and their ids
only grow, so the check is exact for everything twoway itself does.

Every entry covers all time; "today" is applied to the cached arrays (and remembered per day).

The first question is the store's identity (its token and the revision every write transaction raises,
:func:`twoway.store.identity`): an entry read at the same identity is current without counting anything.
Only when a write happened since are the rows counted to see whether the entry can grow.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import numpy as np
from sqlalchemy import Connection, text

from twoway import clock, paths
from twoway.history.arrays import History, cut, from_columns, read_rows, subset, until_ts
from twoway.store import identity

#: Set to 1 to keep the history cache out of the data folder (memory only).
ENV_NO_DISK_CACHE = "TWOWAY_NO_DISK_CACHE"
#: An increment larger than this is not worth merging for a small request (a few people's rows).
SMALL_REQUEST_MAX_ADDED = 50_000

# The version, asked on every call, so it must be cheap. SQLite counts a whole table from its b-tree
# pages without visiting rows (several times faster than counting one owner's rows); PostgreSQL
# counts either way row by row, so it counts only the owner's.
_VERSION = {
    "sqlite": "SELECT (SELECT COUNT(*) FROM interactions), (SELECT MAX(id) FROM interactions), "
              "(SELECT MAX(id) FROM imports)",
    "other": "SELECT (SELECT COUNT(*) FROM interactions WHERE owner_id = :owner), "
             "(SELECT MAX(id) FROM interactions), (SELECT MAX(id) FROM imports)",
}
# Rows added after an id, counted in the same scope as the version ("owner_id + 0" steers both
# engines to the primary key range instead of the owner's million index entries).
_ADDED = {
    "sqlite": "SELECT COUNT(*) FROM interactions WHERE id > :after",
    "other": "SELECT COUNT(*) FROM interactions WHERE id > :after AND owner_id + 0 = :owner",
}
# Group conversations among the owner's conversations up to an id: a direct conversation that
# became a group (an import saw more members) takes its old events out of the history.
_SHARED_UPTO = ("SELECT COUNT(*) FROM conversations WHERE owner_id = :owner AND id <= :upto "
                "AND kind <> 'direct'")
_SHARED = ("SELECT COALESCE(MAX(id), 0), COALESCE(SUM(CASE WHEN kind <> 'direct' THEN 1 ELSE 0 END), 0) "
           "FROM conversations WHERE owner_id = :owner")

_DISK_FORMAT = 3
_MEMORY_MAX = 8


@dataclass(frozen=True)
class Entry:
    """An owner's whole history and the exact rows it was read from."""

    rows: int  # interactions counted (the whole table on SQLite, the owner's elsewhere)
    newest_id: int  # the newest interaction id included
    newest_import: int
    conv_upto: int  # the newest conversation id when read...
    conv_shared: int  # ...and how many of the owner's conversations up to it were not direct
    full: History
    seen_at: tuple[str, int] | None = None  # the store identity it was last found current at

    @property
    def version(self) -> tuple[int, int, int]:
        return (self.rows, self.newest_id, self.newest_import)


_lock = threading.Lock()
_entries: dict[tuple[str, int], Entry] = {}
_cuts: dict[tuple[str, int, tuple[int, int, int], int], History] = {}


def where_of(conn: Connection) -> str:
    return conn.engine.url.render_as_string(hide_password=False)


def version(conn: Connection, owner_id: int) -> tuple[int, int, int]:
    scope = "sqlite" if conn.dialect.name == "sqlite" else "other"
    rows, newest, newest_import = conn.execute(text(_VERSION[scope]), {"owner": owner_id}).one()
    return (int(rows or 0), int(newest or 0), int(newest_import or 0))


def entry(conn: Connection, owner_id: int, *, build: bool = True, max_added: int | None = None) -> Entry | None:
    """The owner's up-to-date cache entry: remembered, read from disk, grown by the new rows, or
    (``build``) read whole. None when ``build`` is false and no entry can be had cheaply."""
    where = where_of(conn)
    seen_at = identity(conn)
    with _lock:
        found = _entries.get((where, owner_id))
    if found is not None and found.seen_at == seen_at:
        return found  # nothing was written since this entry was last found current
    if found is not None and found.seen_at is not None and found.seen_at[0] != seen_at[0]:
        found = None  # another database at the same place (made again): nothing of the old one holds
    now = version(conn, owner_id)
    if found is None or found.version != now:
        on_disk = _read_disk(where, seen_at[0], owner_id)
        if on_disk is not None and (found is None or on_disk.version == now or on_disk.newest_id > found.newest_id):
            found = on_disk
    if found is not None and found.version != now:
        grown = _grow(conn, owner_id, found, now, max_added)
        if grown is None and not build:
            return None
        found = grown
        if found is not None:
            _write_disk(where, seen_at[0], owner_id, found)
    if found is None:
        if not build:
            return None
        found = _read_whole(conn, owner_id, now)
        _write_disk(where, seen_at[0], owner_id, found)
    found = replace(found, seen_at=seen_at)
    with _lock:
        _entries[(where, owner_id)] = found
    return found


def cut_for(conn: Connection, owner_id: int, found: Entry, until: int) -> History:
    """``found``'s history before ``until``, remembered for the next caller asking about the same day."""
    key = (where_of(conn), owner_id, found.version, until)
    with _lock:
        hit = _cuts.get(key)
    if hit is not None:
        return hit
    result = cut(found.full, until)
    with _lock:
        while len(_cuts) >= _MEMORY_MAX:
            _cuts.pop(next(iter(_cuts)))
        _cuts[key] = result
    return result


def clear(*, disk: bool = False) -> None:
    with _lock:
        _entries.clear()
        _cuts.clear()
    if disk:
        folder = paths.user_dir() / "cache"
        for f in folder.glob("history-*.npz") if folder.exists() else ():
            f.unlink(missing_ok=True)


def _shared(conn: Connection, owner_id: int) -> tuple[int, int]:
    upto, shared = conn.execute(text(_SHARED), {"owner": owner_id}).one()
    return int(upto or 0), int(shared or 0)


def _read_whole(conn: Connection, owner_id: int, now: tuple[int, int, int]) -> Entry:
    conv_upto, conv_shared = _shared(conn, owner_id)  # before the rows: a later change is then seen as one
    full = read_rows(conn, owner_id, upto_id=now[1])
    return Entry(*now, conv_upto, conv_shared, full)


def _grow(conn: Connection, owner_id: int, old: Entry, now: tuple[int, int, int],
          max_added: int | None) -> Entry | None:
    """``old`` with the rows added since merged in, or None when more than rows were added."""
    rows, newest, _ = now
    if newest < old.newest_id or rows < old.rows:
        return None
    conv_upto, conv_shared = _shared(conn, owner_id)
    scope = "sqlite" if conn.dialect.name == "sqlite" else "other"
    added = int(conn.execute(text(_ADDED[scope]), {"after": old.newest_id, "owner": owner_id}).scalar_one())
    if rows != old.rows + added:
        return None  # rows were deleted (or added again under old ids): read everything again
    if max_added is not None and added > max_added:
        return None
    still = int(conn.execute(text(_SHARED_UPTO), {"owner": owner_id, "upto": old.conv_upto}).scalar_one())
    if still != old.conv_shared:
        return None
    new = read_rows(conn, owner_id, after_id=old.newest_id, upto_id=newest)
    return Entry(*now, conv_upto, conv_shared, merge(old.full, new))


def merge(old: History, new: History) -> History:
    """Both histories' events in one, in the canonical order (person, time, side and channel)."""
    if new.event_count == 0:
        return old
    if old.event_count == 0:
        return new
    old_pid = np.repeat(old.person_ids, np.diff(old.starts))
    new_pid = np.repeat(new.person_ids, np.diff(new.starts))
    # Complex numbers sort by real then imaginary part: one searchsorted finds every insertion point
    # (exact: ids, and times times 512, stay far below 2**53).
    old_key = old_pid + 1j * (old.at * 512.0 + old.side + 8.0 * old.channel + 64.0 * old.read)
    new_key = new_pid + 1j * (new.at * 512.0 + new.side + 8.0 * new.channel + 64.0 * new.read)
    at = np.searchsorted(old_key, new_key, side="right")
    return from_columns(np.insert(old_pid, at, new_pid), np.insert(old.at, at, new.at),
                        np.insert(old.side, at, new.side), np.insert(old.channel, at, new.channel),
                        np.insert(old.read, at, new.read))


def _disk_file(where: str, token: str, owner_id: int) -> Path | None:
    if os.environ.get(ENV_NO_DISK_CACHE):
        return None
    # The database token in the name: a database made again at the same path never reads the old file.
    name = hashlib.sha256(f"{where}|{token}|{owner_id}".encode()).hexdigest()[:32]
    return paths.user_dir() / "cache" / f"history-{name}.npz"


def _read_disk(where: str, token: str, owner_id: int) -> Entry | None:
    path = _disk_file(where, token, owner_id)
    if path is None or not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = data["version"].tolist()
            if len(meta) != 6 or meta[5] != _DISK_FORMAT:
                return None
            full = History(person_ids=data["person_ids"], starts=data["starts"], at=data["at"],
                           side=data["side"], channel=data["channel"], read=data["read"])
            rows, newest, newest_import, conv_upto, conv_shared = (int(m) for m in meta[:5])
            return Entry(rows, newest, newest_import, conv_upto, conv_shared, full)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a damaged or foreign cache file is simply rebuilt


def _write_disk(where: str, token: str, owner_id: int, e: Entry) -> None:
    path = _disk_file(where, token, owner_id)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        h = e.full
        with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as fh:
            meta = [e.rows, e.newest_id, e.newest_import, e.conv_upto, e.conv_shared, _DISK_FORMAT]
            np.savez(fh, version=np.array(meta, dtype=np.int64), person_ids=h.person_ids, starts=h.starts,
                     at=h.at, side=h.side, channel=h.channel, read=h.read)
        os.replace(tmp, path)
    except OSError:
        pass  # the cache is an optimisation; a read-only data folder must not break a command


def load_history(
    conn: Connection,
    owner_id: int,
    *,
    today: date | None = None,
    person_ids: Collection[int] | None = None,
    use_cache: bool = True,
) -> History:
    """The owner's direct interactions up to the end of ``today``, one segment per person.

    The whole history is cached (in memory, and as a small binary file in the data folder) and kept
    up to date by reading only the rows added since; "today" is then applied to the cached arrays,
    so the cache serves every date. A few people (``person_ids``) come from the cache when it can
    be had cheaply, else from one small query.
    """
    until = until_ts(today or clock.today())
    if not use_cache:
        return read_rows(conn, owner_id, until=until,
                         wanted=None if person_ids is None else sorted({int(p) for p in person_ids}))
    if person_ids is not None:
        wanted = sorted({int(p) for p in person_ids})
        small = len(wanted) <= 500
        found = entry(conn, owner_id, build=not small, max_added=SMALL_REQUEST_MAX_ADDED if small else None)
        if found is None:
            return read_rows(conn, owner_id, until=until, wanted=wanted)
        return subset(cut_for(conn, owner_id, found, until), wanted)
    found = entry(conn, owner_id)
    assert found is not None  # built when missing
    return cut_for(conn, owner_id, found, until)


def warm(conn: Connection, owner_id: int) -> None:
    """Bring the owner's cache up to date now (after an import), so the next command starts warm."""
    entry(conn, owner_id)


def clear_cache(*, disk: bool = False) -> None:
    """Forget cached histories (``disk=True``: the files in the data folder too)."""
    clear(disk=disk)
