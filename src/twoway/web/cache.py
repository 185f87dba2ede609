"""Remembered read results, so a page over 30,000 people answers in milliseconds, not seconds.

The core recomputes states, strengths and plans from the whole history on every call (about a
second or more at LinkedIn's cap). Pages ask for the same few views again and again, so each
result is kept under its arguments, the owner, "today", and a data version that every write made
through the app bumps (as does every finished import): after your own change you always see fresh
data. Writes made elsewhere (the CLI on the same database, another web worker) are noticed by a
``probe`` (:meth:`ResultCache.for_store` picks it): for SQLite, the size and modification time of the
database and its write-ahead log, looked at no more than once a second (any commit by any process
changes them); for PostgreSQL, the store's identity (one row that every committed write raises, see
``twoway.store.revision``), read on every lookup: one indexed row, so a view is never served after
another process's write has committed. Without a probe, entries older than ``ttl`` seconds are served
once more while a background thread recomputes them (stale while revalidate). Computations of one key
run once at a time: twenty clients asking for a cold page wait for one computation, not twenty.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from twoway import clock
from twoway.store import Store, identity


@dataclass
class _Entry:
    version: int
    made: float
    value: Any


Probe = Callable[[], Hashable]


def file_probe(path: Path) -> Probe:
    """Changes whenever any process commits to the SQLite database at ``path``."""
    files = (path, path.with_name(path.name + "-wal"))

    def probe() -> Hashable:
        out: list[tuple[int, int] | None] = []
        for f in files:
            try:
                st = f.stat()
            except OSError:
                out.append(None)
                continue
            out.append((st.st_mtime_ns, st.st_size))
        return tuple(out)

    return probe


def revision_probe(store: Store) -> Probe:
    """Changes whenever any process commits a write to ``store`` (its token and revision)."""

    def probe() -> Hashable:
        with store.connect() as conn:
            return identity(conn)

    return probe


class ResultCache:
    @classmethod
    def for_store(cls, store: Store) -> ResultCache:
        """A cache that notices every write to ``store``, whichever process made it."""
        database = store.engine.url.database
        if store.dialect == "sqlite":
            return cls(probe=file_probe(Path(database)) if database else None)
        return cls(probe=revision_probe(store), probe_every=0.0)

    def __init__(self, *, ttl: float = 60.0, max_entries: int = 512, probe: Probe | None = None,
                 probe_every: float = 1.0) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self.probe = probe
        self.probe_every = probe_every
        self._probed_at = 0.0
        self._probed: Hashable = probe() if probe else None
        self._version = 0
        self._entries: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._lock = threading.Lock()
        self._key_locks: dict[Hashable, threading.Lock] = {}
        self._refreshing: set[Hashable] = set()

    @property
    def version(self) -> int:
        return self._version

    def bump(self) -> None:
        """The data changed: every remembered result is out of date."""
        with self._lock:
            self._version += 1
            self._entries.clear()

    def _check_outside_writes(self) -> None:
        if self.probe is None:
            return
        now = time.monotonic()
        if now - self._probed_at < self.probe_every:
            return
        self._probed_at = now
        seen = self.probe()
        if seen != self._probed:
            self._probed = seen
            self.bump()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        self._check_outside_writes()
        full = (key, clock.today().isoformat())
        entry = self._fresh_or_stale(full)
        if entry is not None:
            if self.probe is None and time.monotonic() - entry.made > self.ttl:
                self._refresh_in_background(full, compute)
            return entry.value
        with self._key_lock(full):
            entry = self._fresh_or_stale(full)  # someone else may have just computed it
            if entry is not None:
                return entry.value
            return self._compute(full, compute)

    def _fresh_or_stale(self, key: Hashable) -> _Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry.version != self._version:
                return None
            self._entries.move_to_end(key)
            return entry

    def _key_lock(self, key: Hashable) -> threading.Lock:
        with self._lock:
            return self._key_locks.setdefault(key, threading.Lock())

    def _compute(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        version = self._version
        value = compute()
        with self._lock:
            if version == self._version:  # a write during the computation makes it stale already
                self._entries[key] = _Entry(version, time.monotonic(), value)
                self._entries.move_to_end(key)
                while len(self._entries) > self.max_entries:
                    old, _ = self._entries.popitem(last=False)
                    self._key_locks.pop(old, None)
        return value

    def _refresh_in_background(self, key: Hashable, compute: Callable[[], Any]) -> None:
        with self._lock:
            if key in self._refreshing:
                return
            self._refreshing.add(key)

        def run() -> None:
            try:
                with self._key_lock(key):
                    self._compute(key, compute)
            except Exception:  # the next request computes it in the open and reports the error
                with self._lock:
                    self._entries.pop(key, None)
            finally:
                with self._lock:
                    self._refreshing.discard(key)

        threading.Thread(target=run, daemon=True, name="twoway-cache-refresh").start()
