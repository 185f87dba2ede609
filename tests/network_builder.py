"""Shared test builders: a tiny network of generated people (no real people), and database files.

``Net`` writes rows straight into the schema for the plan, prune and health tests;
:func:`database_file` gives the CLI tests, which open a database by path, a seeded SQLite file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from itertools import count
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, text

from twoway.reading import read_message
from twoway.store import open_store

T = TypeVar("T")

_seq = count(1)


def ts(day: date, hour: int = 12) -> int:
    return int(datetime.combine(day, time(hour), tzinfo=UTC).timestamp())


DEFAULT_CONTENT = "hello"


class Net:
    """Rows for one owner, written straight into the schema."""

    def __init__(self, conn: Connection, owner_id: int = 1, owner_name: str = "Grace Hopper") -> None:
        self.conn = conn
        self.owner_id = owner_id
        first = owner_name.split()[0]
        conn.execute(text("INSERT INTO owners (id, name, first_name, created_at) VALUES (:i, :n, :f, 'x')"),
                     {"i": owner_id, "n": owner_name, "f": first})

    def person(self, name: str, *, company: str = "", position: str = "", connected_on: date | None = None,
               status: str = "connected", url: str | None = None) -> int:
        pid = next(_seq) + 1000 * self.owner_id
        first = name.split()[0]
        slug = name.lower().replace(" ", "-") + f"-{pid}"
        self.conn.execute(text(
            "INSERT INTO people (id, url, name_key, first_name, full_name, company, position, created_at) "
            "VALUES (:id, :url, :k, :f, :n, :c, :p, 'x')"),
            {"id": pid, "url": url or f"https://www.linkedin.com/in/{slug}", "k": name.lower(), "f": first, "n": name,
             "c": company, "p": position})
        self.conn.execute(text(
            "INSERT INTO connections (owner_id, person_id, connected_on, status) VALUES (:o, :p, :d, :s)"),
            {"o": self.owner_id, "p": pid, "d": connected_on.isoformat() if connected_on else None, "s": status})
        return pid

    def msg(self, pid: int, direction: str, day: date, content: str = DEFAULT_CONTENT, subject: str | None = None,
            kind: str = "message", reading: str | None = None) -> None:
        """A message; a text of its own is read as the import reads it (the default text stays unread: what
        the rules take as a substantive message)."""
        n = next(_seq)
        if reading is None and content != DEFAULT_CONTENT and kind in ("message", "email"):
            reading = read_message(content, subject=subject).kind
        self.conn.execute(text(
            "INSERT INTO interactions (owner_id, person_id, kind, direction, at, subject, content, reading, "
            "fingerprint) VALUES (:o, :p, :k, :d, :at, :s, :c, :r, :f)"),
            {"o": self.owner_id, "p": pid, "k": kind, "d": direction, "at": ts(day) + n % 3600, "s": subject,
             "c": content, "r": reading, "f": f"m{n}"})

    def invitation(self, pid: int, direction: str, day: date, message: str = "") -> None:
        self.conn.execute(text(
            "INSERT INTO invitations (owner_id, person_id, direction, sent_at, message, fingerprint) "
            "VALUES (:o, :p, :d, :at, :m, :f)"),
            {"o": self.owner_id, "p": pid, "d": direction, "at": ts(day), "m": message, "f": f"i{next(_seq)}"})

    def job(self, pid: int, company: str, position: str, first_seen: date) -> None:
        self.conn.execute(text(
            "INSERT INTO jobs (owner_id, person_id, company, position, first_seen, last_seen) "
            "VALUES (:o, :p, :c, :t, :d, :d)"),
            {"o": self.owner_id, "p": pid, "c": company, "t": position, "d": first_seen.isoformat()})

    def tag(self, pid: int, tag: str) -> None:
        self.conn.execute(text(
            "INSERT INTO tags (owner_id, person_id, tag, created_at) VALUES (:o, :p, :t, 'x')"),
            {"o": self.owner_id, "p": pid, "t": tag})

    def note(self, pid: int, body: str) -> None:
        self.conn.execute(text(
            "INSERT INTO notes (owner_id, person_id, body, created_at) VALUES (:o, :p, :b, 'x')"),
            {"o": self.owner_id, "p": pid, "b": body})

    def decision(self, pid: int, subject: str, verdict: str, decided: date, until: date | None = None) -> None:
        self.conn.execute(text(
            "INSERT INTO decisions (owner_id, person_id, subject, verdict, until, decided_at) "
            "VALUES (:o, :p, :s, :v, :u, :t)"),
            {"o": self.owner_id, "p": pid, "s": subject, "v": verdict, "u": until.isoformat() if until else None,
             "t": decided.isoformat() + "T12:00:00"})


def database_file(path: Path, seed: Callable[[Connection], T]) -> T:
    """Create a migrated SQLite database at ``path``, let ``seed`` fill it in one transaction, close it.

    Returns what ``seed`` returns (ids the test refers to, say).
    """
    store = open_store(str(path))
    try:
        with store.begin() as conn:
            return seed(conn)
    finally:
        store.close()
