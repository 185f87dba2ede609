"""Every connection's history in one pass: an owner's interactions as sorted numpy arrays.

States, strength and the weekly plan all need, per person, the ordered list of what was said
and when. Reading that with one query per person is far too slow for 30,000 connections and a
million messages, so :func:`load_history` fetches only four small columns for the whole owner,
ordered by person and time, and keeps them as parallel arrays cut into one segment per person.

What counts: direct conversations only (a message or e-mail whose conversation is missing or of
kind ``direct``), manual logs, meetings and calls. Group and sponsored conversations never
create attempts or answers, so they are left out here. Meetings and calls are *mutual*: both
sides took part, so they count as contact in both directions.

Events after the end of "today" are ignored, so ``TWOWAY_TODAY`` replays the past faithfully.
The whole history is cached per database and owner (see :mod:`twoway.history.cache`).
"""

from __future__ import annotations

import gc
import hashlib
import threading
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import chain
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
from sqlalchemy import Connection, text

from twoway import clock

I64 = npt.NDArray[np.int64]
BOOL = npt.NDArray[np.bool_]


#: Channel codes in the arrays, and their names.
CHANNELS = ("linkedin", "email", "meeting", "phone", "other")
_CHANNEL_CODE = {name: code for code, name in enumerate(CHANNELS)}
#: Kinds that mean both sides took part.
MUTUAL_KINDS = ("meeting", "call")

# Side of an event: the owner wrote, they wrote, or both took part (meeting, call).
OUT, IN, BOTH = 0, 1, 2

#: What a message asks of its reader, as read at import (twoway.reading), by code; 0 is no reading
#: (a meeting, a call, a logged interaction, a message from before reading existed): taken as substantive.
READS = ("", "question", "news", "courtesy", "pitch", "automated")
R_NONE, R_QUESTION, R_NEWS, R_COURTESY, R_PITCH, R_AUTOMATED = range(6)
_READ_CODE = {name: code for code, name in enumerate(READS)}


class Event(NamedTuple):
    """One interaction with one person, as the rules see it."""

    direction: str  # 'in' | 'out'
    at: int  # epoch seconds UTC
    kind: str = "message"  # message | email | meeting | call
    channel: str = "linkedin"
    reading: str = ""  # question | news | courtesy | pitch | automated, or "" when not read (substantive)

    @property
    def side(self) -> int:
        if self.kind in MUTUAL_KINDS:
            return BOTH
        return IN if self.direction == "in" else OUT


@dataclass(frozen=True, eq=False)
class History:
    """An owner's direct interactions, sorted by person then time, as parallel arrays.

    ``person_ids[k]``'s events are rows ``starts[k]`` to ``starts[k + 1]`` of ``at``, ``side``
    (OUT, IN or BOTH), ``channel`` (an index into CHANNELS) and ``read`` (an index into READS).

    A History never changes once made, so what is derived from it (its facts, subsets, the reading of
    its last messages) is remembered on the object itself: the cache that holds the history holds
    them too, and they go when it goes.
    """

    person_ids: I64
    starts: I64
    at: I64
    side: npt.NDArray[np.int8]
    channel: npt.NDArray[np.int8]
    read: npt.NDArray[np.int8]
    derived: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def remember(self, key: Any, value: Any) -> Any:
        """Keep ``value`` as what ``key`` derives from this history (the first one kept wins)."""
        with self._lock:
            return self.derived.setdefault(key, value)

    def __len__(self) -> int:
        return int(self.person_ids.size)

    @property
    def event_count(self) -> int:
        return int(self.at.size)

    def index_of(self, person_id: int) -> int | None:
        k = int(np.searchsorted(self.person_ids, person_id))
        if k < self.person_ids.size and int(self.person_ids[k]) == person_id:
            return k
        return None

    def events_for(self, person_id: int) -> list[Event]:
        k = self.index_of(person_id)
        if k is None:
            return []
        lo, hi = int(self.starts[k]), int(self.starts[k + 1])
        out: list[Event] = []
        for at, side, ch, rd in zip(self.at[lo:hi].tolist(), self.side[lo:hi].tolist(),
                                    self.channel[lo:hi].tolist(), self.read[lo:hi].tolist(), strict=True):
            kind = "meeting" if side == BOTH else ("email" if ch == _CHANNEL_CODE["email"] else "message")
            if side == BOTH and ch == _CHANNEL_CODE["phone"]:
                kind = "call"
            out.append(Event("in" if side == IN else "out", at, kind, CHANNELS[ch], READS[rd]))
        return out

    def segment_ids(self) -> I64:
        """For every event, the index of its person in ``person_ids``."""
        return np.repeat(np.arange(self.person_ids.size, dtype=np.int64), np.diff(self.starts))


def from_events(per_person: Mapping[int, Sequence[Event]]) -> History:
    """A History built in memory (for tests, the AUC replay and what-if previews)."""
    rows = [(p, e.at, e.side, _CHANNEL_CODE.get(e.channel, _CHANNEL_CODE["other"]), _READ_CODE.get(e.reading, 0))
            for p, events in per_person.items() for e in events]
    return _arrays(rows)


def _arrays(rows: Sequence[tuple[int, int, int, int, int]] | npt.NDArray[np.int64]) -> History:
    data = np.asarray(rows, dtype=np.int64).reshape(-1, 5)
    return from_columns(data[:, 0], data[:, 1], data[:, 2], data[:, 3], data[:, 4])


def from_columns(pid: npt.ArrayLike, at: npt.ArrayLike, side: npt.ArrayLike, channel: npt.ArrayLike,
                 read: npt.ArrayLike | None = None) -> History:
    """A History from one row per event, put in the canonical order: person, time, then side, channel and
    reading for events at the same second (so every engine, and a merged cache, agree)."""
    p, a = np.asarray(pid, dtype=np.int64), np.asarray(at, dtype=np.int64)
    s, c = np.asarray(side, dtype=np.int64), np.asarray(channel, dtype=np.int64)
    r = np.zeros(p.size, dtype=np.int64) if read is None else np.asarray(read, dtype=np.int64)
    if p.size > 1:
        same_p = p[1:] == p[:-1]
        same_pa = same_p & (a[1:] == a[:-1])
        code = s + 8 * c + 64 * r
        if np.any(p[1:] < p[:-1]) or np.any(same_p & (a[1:] < a[:-1])):
            order = np.lexsort((code, a, p))
            p, a, s, c, r = p[order], a[order], s[order], c[order], r[order]
        elif np.any(same_pa & (code[1:] < code[:-1])):
            # Sorted by person and time already (the query's order): sort only the rows sharing a second.
            tied = np.zeros(p.size, dtype=bool)
            tied[1:] |= same_pa
            tied[:-1] |= same_pa
            idx = np.flatnonzero(tied)
            order = idx[np.lexsort((code[idx], a[idx], p[idx]))]
            p, a, s, c, r = p.copy(), a.copy(), s.copy(), c.copy(), r.copy()
            p[idx], a[idx], s[idx], c[idx], r[idx] = p[order], a[order], s[order], c[order], r[order]
    if p.size:
        firsts = np.concatenate(([0], np.flatnonzero(np.diff(p)) + 1))
        person_ids = p[firsts]
        starts = np.concatenate((firsts, [p.size])).astype(np.int64)
    else:
        person_ids = np.zeros(0, dtype=np.int64)
        starts = np.zeros(1, dtype=np.int64)
    return History(
        person_ids=np.ascontiguousarray(person_ids),
        starts=starts,
        at=np.ascontiguousarray(a),
        side=s.astype(np.int8),
        channel=c.astype(np.int8),
        read=r.astype(np.int8),
    )


# One query, two integer columns: the person, side, channel and reading packed into one number, and the
# time. It reads only the covering index interactions_history, and no strings cross into Python.
_QUERY = """
SELECT i.person_id * 512
       + CASE WHEN i.kind IN ('meeting', 'call') THEN 2 WHEN i.direction = 'in' THEN 1 ELSE 0 END
       + 8 * CASE i.channel WHEN 'linkedin' THEN 0 WHEN 'email' THEN 1 WHEN 'meeting' THEN 2
                            WHEN 'phone' THEN 3 ELSE 4 END
       + 64 * CASE i.reading WHEN 'question' THEN 1 WHEN 'news' THEN 2 WHEN 'courtesy' THEN 3
                             WHEN 'pitch' THEN 4 WHEN 'automated' THEN 5 ELSE 0 END,
       i.at
FROM interactions i
LEFT JOIN conversations c ON c.id = i.conversation_id
WHERE {owner} AND i.person_id IS NOT NULL
  AND (i.conversation_id IS NULL OR c.kind IS NULL OR c.kind = 'direct')
  {extra}
{order}
"""


def until_ts(today: date) -> int:
    """The first second after ``today`` ends: events at or after it are in the future."""
    return clock.day_start_ts(today + timedelta(days=1))


def cut(h: History, until: int) -> History:
    """Only the events before ``until`` (the people left without any are dropped)."""
    if h.at.size == 0 or int(h.at.max()) < until:
        return h
    keep = h.at < until
    seg = h.segment_ids()[keep]
    counts = np.bincount(seg, minlength=len(h))
    alive = counts > 0
    return History(
        person_ids=h.person_ids[alive],
        starts=np.concatenate(([0], np.cumsum(counts[alive]))).astype(np.int64),
        at=h.at[keep],
        side=h.side[keep],
        channel=h.channel[keep],
        read=h.read[keep],
    )


def read_rows(
    conn: Connection,
    owner_id: int,
    *,
    until: int | None = None,
    wanted: list[int] | None = None,
    after_id: int | None = None,
    upto_id: int | None = None,
) -> History:
    """The owner's direct interactions from the database: before ``until``, of ``wanted`` people,
    with ids in (``after_id``, ``upto_id``]; each bound optional."""
    params: dict[str, object] = {"owner": owner_id}
    extra: list[str] = []
    if until is not None:
        extra.append("AND i.at < :until")
        params["until"] = until
    if wanted is not None:
        if not wanted:
            return _arrays([])
        names = [f"p{i}" for i in range(len(wanted))]
        extra.append("AND i.person_id IN (" + ", ".join(":" + n for n in names) + ")")
        params.update(zip(names, wanted, strict=True))
    if after_id is not None:
        # A few new rows: walk the primary key from after_id ("+ 0" keeps the owner's index out of it).
        owner, order = "i.owner_id + 0 = :owner AND i.id > :after", ""
        params["after"] = after_id
    else:
        owner, order = "i.owner_id = :owner", "ORDER BY i.person_id, i.at"
    if upto_id is not None:
        extra.append("AND i.id + 0 <= :upto" if after_id is None else "AND i.id <= :upto")
        params["upto"] = upto_id
    sql = _QUERY.format(owner=owner, extra="\n  ".join(extra), order=order)
    result = conn.execute(text(sql), params)
    try:
        # The driver's own tuples: building a SQLAlchemy Row for each of a million events costs more
        # than the query itself.
        rows = result.cursor.fetchall() if result.cursor is not None else result.fetchall()
    finally:
        result.close()
    if not rows:
        return _arrays([])
    flat = np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=2 * len(rows)).reshape(-1, 2)
    packed = flat[:, 0]
    return from_columns(packed >> 9, flat[:, 1], packed & 7, (packed >> 3) & 7, (packed >> 6) & 7)


def subset(history: History, person_ids: Collection[int]) -> History:
    """Only the segments of ``person_ids`` (those without events are simply absent).

    A large subset of the same history is remembered: asked again (a search over the same
    connections), it is the same object, so what is remembered per history (facts, pitches) serves it.
    """
    wanted = np.fromiter(person_ids, dtype=np.int64, count=len(person_ids))
    keep = np.isin(history.person_ids, wanted)
    if keep.all():
        return history
    key = ("subset", hashlib.blake2b(keep.tobytes(), digest_size=16).digest())
    hit = history.derived.get(key)
    if isinstance(hit, History):
        return hit
    ks = np.flatnonzero(keep)
    lengths = np.diff(history.starts)[ks]
    starts = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
    # Row indexes of the kept segments, without a Python loop: each segment's offset repeated.
    idx = np.arange(int(starts[-1]), dtype=np.int64) + np.repeat(history.starts[ks] - starts[:-1], lengths)
    found = History(
        person_ids=history.person_ids[ks],
        starts=starts,
        at=history.at[idx],
        side=history.side[idx],
        channel=history.channel[idx],
        read=history.read[idx],
    )
    if ks.size >= _SUBSET_MEMO_MIN:
        history.remember(key, found)
    return found


# Subsets this large are remembered on their source history (a People search asks again).
_SUBSET_MEMO_MIN = 1_000


@contextmanager
def gc_paused() -> Iterator[None]:
    """No garbage collection while 30,000 verdicts are made. Each allocation of a tracked object counts
    towards a collection, and the collections it triggers walk every live object again and again
    (3 to 10 times the cost of making the verdicts); verdicts hold no cycles, so nothing is lost by waiting."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
