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
Results are cached per database and owner until the owner's interactions change.
"""

from __future__ import annotations

import hashlib
import os
import threading
from bisect import bisect_left
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import chain
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
from sqlalchemy import Connection, text

from twoway import clock, paths

I64 = npt.NDArray[np.int64]
BOOL = npt.NDArray[np.bool_]

DAY_SECONDS = 86_400
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()

#: Channel codes in the arrays, and their names.
CHANNELS = ("linkedin", "email", "meeting", "phone", "other")
_CHANNEL_CODE = {name: code for code, name in enumerate(CHANNELS)}
#: Kinds that mean both sides took part.
MUTUAL_KINDS = ("meeting", "call")

# Side of an event: the owner wrote, they wrote, or both took part (meeting, call).
OUT, IN, BOTH = 0, 1, 2


class Event(NamedTuple):
    """One interaction with one person, as the rules see it."""

    direction: str  # 'in' | 'out'
    at: int  # epoch seconds UTC
    kind: str = "message"  # message | email | meeting | call
    channel: str = "linkedin"

    @property
    def side(self) -> int:
        if self.kind in MUTUAL_KINDS:
            return BOTH
        return IN if self.direction == "in" else OUT


@dataclass(frozen=True)
class History:
    """An owner's direct interactions, sorted by person then time, as parallel arrays.

    ``person_ids[k]``'s events are rows ``starts[k]`` to ``starts[k + 1]`` of ``at``, ``side``
    (OUT, IN or BOTH) and ``channel`` (an index into CHANNELS).
    """

    person_ids: I64
    starts: I64
    at: I64
    side: npt.NDArray[np.int8]
    channel: npt.NDArray[np.int8]

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
        for at, side, ch in zip(self.at[lo:hi].tolist(), self.side[lo:hi].tolist(),
                                self.channel[lo:hi].tolist(), strict=True):
            kind = "meeting" if side == BOTH else ("email" if ch == _CHANNEL_CODE["email"] else "message")
            if side == BOTH and ch == _CHANNEL_CODE["phone"]:
                kind = "call"
            out.append(Event("in" if side == IN else "out", at, kind, CHANNELS[ch]))
        return out

    def segment_ids(self) -> I64:
        """For every event, the index of its person in ``person_ids``."""
        return np.repeat(np.arange(self.person_ids.size, dtype=np.int64), np.diff(self.starts))


def from_events(per_person: dict[int, Sequence[Event]]) -> History:
    """A History built in memory (for tests, the AUC replay and what-if previews)."""
    pids = sorted(p for p, evs in per_person.items() if evs)
    rows: list[tuple[int, int, int, int]] = []
    for p in pids:
        ordered = sorted(per_person[p], key=lambda e: e.at)
        rows.extend((p, e.at, e.side, _CHANNEL_CODE.get(e.channel, _CHANNEL_CODE["other"])) for e in ordered)
    return _arrays(rows)


def _arrays(rows: Sequence[tuple[int, int, int, int]] | npt.NDArray[np.int64]) -> History:
    data = np.asarray(rows, dtype=np.int64).reshape(-1, 4)
    pid = data[:, 0]
    if pid.size and np.any(np.diff(pid) < 0):
        order = np.lexsort((data[:, 1], pid))
        data = data[order]
        pid = data[:, 0]
    at = data[:, 1]
    if pid.size:
        cut = np.flatnonzero(np.diff(pid)) + 1
        firsts = np.concatenate(([0], cut))
        person_ids = pid[firsts]
        starts = np.concatenate((firsts, [pid.size])).astype(np.int64)
    else:
        person_ids = np.zeros(0, dtype=np.int64)
        starts = np.zeros(1, dtype=np.int64)
    return History(
        person_ids=np.ascontiguousarray(person_ids),
        starts=starts,
        at=np.ascontiguousarray(at),
        side=data[:, 2].astype(np.int8),
        channel=data[:, 3].astype(np.int8),
    )


# One query, two integer columns: the person, side and channel packed into one number, and the time.
# It reads only the covering index interactions_history, and no strings cross into Python.
_QUERY = """
SELECT i.person_id * 64
       + CASE WHEN i.kind IN ('meeting', 'call') THEN 2 WHEN i.direction = 'in' THEN 1 ELSE 0 END
       + 8 * CASE i.channel WHEN 'linkedin' THEN 0 WHEN 'email' THEN 1 WHEN 'meeting' THEN 2
                            WHEN 'phone' THEN 3 ELSE 4 END,
       i.at
FROM interactions i
LEFT JOIN conversations c ON c.id = i.conversation_id
WHERE i.owner_id = :owner AND i.person_id IS NOT NULL AND i.at < :until
  AND (i.conversation_id IS NULL OR c.kind IS NULL OR c.kind = 'direct')
  {extra}
ORDER BY i.person_id, i.at
"""

# Cheap enough to ask on every call: the owner's row count and the newest row anywhere. Imports and
# logs insert (never rewrite) interactions, so any change moves one of the two.
_VERSION = "SELECT (SELECT COUNT(*) FROM interactions WHERE owner_id = :owner), (SELECT MAX(id) FROM interactions)"

_cache_lock = threading.Lock()
_cache: dict[tuple[object, ...], History] = {}
_CACHE_MAX = 8
_FOREVER = 2**62
#: Set to 1 to keep the history cache out of the data folder (memory only).
ENV_NO_DISK_CACHE = "TWOWAY_NO_DISK_CACHE"


def until_ts(today: date) -> int:
    """The first second after ``today`` ends: events at or after it are in the future."""
    return clock.day_start_ts(today + timedelta(days=1))


def load_history(
    conn: Connection,
    owner_id: int,
    *,
    today: date | None = None,
    person_ids: Collection[int] | None = None,
    use_cache: bool = True,
) -> History:
    """The owner's direct interactions up to the end of ``today``, one segment per person.

    The whole history is cached (in memory, and as a small binary file in the data folder) until
    the owner's interactions change; "today" is then applied to the cached arrays, so the cache
    serves every date.
    """
    until = until_ts(today or clock.today())
    if person_ids is not None:
        wanted = sorted({int(p) for p in person_ids})
        if len(wanted) <= 500:
            return _fetch(conn, owner_id, until, wanted)
        full = load_history(conn, owner_id, today=today, use_cache=use_cache)
        return subset(full, wanted)
    if not use_cache:
        return _fetch(conn, owner_id, until, None)
    count, max_id = conn.execute(text(_VERSION), {"owner": owner_id}).one()
    where = conn.engine.url.render_as_string(hide_password=False)
    key = (where, owner_id, int(count or 0), int(max_id or 0))
    with _cache_lock:
        seen = _cache.get((*key, until))
        hit = _cache.get(key)
    if seen is not None:
        return seen
    if hit is None:
        hit = _read_disk(where, key)
        if hit is None:
            hit = _fetch(conn, owner_id, _FOREVER, None)
            _write_disk(where, key, hit)
    result = cut(hit, until)
    with _cache_lock:
        while len(_cache) >= _CACHE_MAX - 1:
            _cache.pop(next(iter(_cache)))
        _cache[key] = hit
        _cache[(*key, until)] = result
    return result


def clear_cache(*, disk: bool = False) -> None:
    """Forget cached histories (``disk=True``: the files in the data folder too)."""
    with _cache_lock:
        _cache.clear()
    if disk:
        folder = paths.user_dir() / "cache"
        for f in folder.glob("history-*.npz") if folder.exists() else ():
            f.unlink(missing_ok=True)


def _disk_file(where: str, owner_id: object) -> Path | None:
    if os.environ.get(ENV_NO_DISK_CACHE):
        return None
    name = hashlib.sha256(f"{where}|{owner_id}".encode()).hexdigest()[:32]
    return paths.user_dir() / "cache" / f"history-{name}.npz"


def _read_disk(where: str, key: tuple[Any, ...]) -> History | None:
    path = _disk_file(where, key[1])
    if path is None or not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            if data["version"].tolist() != [int(key[2]), int(key[3]), _DISK_FORMAT]:
                return None
            return History(person_ids=data["person_ids"], starts=data["starts"], at=data["at"],
                           side=data["side"], channel=data["channel"])
    except (OSError, ValueError, KeyError):
        return None  # a damaged or foreign cache file is simply rebuilt


def _write_disk(where: str, key: tuple[Any, ...], h: History) -> None:
    path = _disk_file(where, key[1])
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as fh:
            np.savez(fh, version=np.array([int(key[2]), int(key[3]), _DISK_FORMAT], dtype=np.int64),
                     person_ids=h.person_ids, starts=h.starts, at=h.at, side=h.side, channel=h.channel)
        os.replace(tmp, path)
    except OSError:
        pass  # the cache is an optimisation; a read-only data folder must not break a command


_DISK_FORMAT = 1


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
    )


def _fetch(conn: Connection, owner_id: int, until: int, wanted: list[int] | None) -> History:
    params: dict[str, object] = {"owner": owner_id, "until": until}
    extra = ""
    if wanted is not None:
        if not wanted:
            return _arrays([])
        names = [f"p{i}" for i in range(len(wanted))]
        extra = "AND i.person_id IN (" + ", ".join(":" + n for n in names) + ")"
        params.update(zip(names, wanted, strict=True))
    result = conn.execute(text(_QUERY.format(extra=extra)), params)
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
    unpacked = np.empty((flat.shape[0], 4), dtype=np.int64)
    unpacked[:, 0] = packed >> 6
    unpacked[:, 1] = flat[:, 1]
    unpacked[:, 2] = packed & 7
    unpacked[:, 3] = (packed >> 3) & 7
    return _arrays(unpacked)


def subset(history: History, person_ids: Collection[int]) -> History:
    """Only the segments of ``person_ids`` (those without events are simply absent)."""
    wanted = np.array(sorted({int(p) for p in person_ids}), dtype=np.int64)
    keep = np.isin(history.person_ids, wanted)
    if keep.all():
        return history
    ks = np.flatnonzero(keep)
    lengths = np.diff(history.starts)[ks]
    idx = np.concatenate([np.arange(history.starts[k], history.starts[k + 1]) for k in ks]) if ks.size else (
        np.zeros(0, dtype=np.int64))
    return History(
        person_ids=history.person_ids[ks],
        starts=np.concatenate(([0], np.cumsum(lengths))).astype(np.int64),
        at=history.at[idx],
        side=history.side[idx],
        channel=history.channel[idx],
    )


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_words(d: date) -> str:
    """A date as reasons write it: 1 Sep 2026."""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def ts_date_words(ts: int) -> str:
    return date_words(day_to_date(ts // DAY_SECONDS))


def day_number(ts: int) -> int:
    """Days since 1970-01-01 (UTC) of an epoch-seconds instant."""
    return ts // DAY_SECONDS


def day_to_date(day: int) -> date:
    return date.fromordinal(_EPOCH_ORDINAL + day)


def date_to_day(d: date) -> int:
    return d.toordinal() - _EPOCH_ORDINAL


# --- what the relationship rules need from each person's history ----------------------------------
# (twoway.states reads these; they live here because they are pure summaries of the events)


@dataclass
class Facts:
    """What the rules need from one person's history, as day numbers (days since 1970-01-01)."""

    last_in: int | None = None  # latest answer from them: incoming message, meeting or call
    last_out: int | None = None  # latest word from the owner: outgoing message, meeting or call
    last_two_way: int | None = None
    last_any: int | None = None
    last_side: int | None = None  # OUT, IN or BOTH of the very last event
    attempt_days: list[int] = field(default_factory=list)  # start day of each open attempt
    open_messages: int = 0  # outgoing messages in those attempts
    last_in_met: bool = False  # the latest answer was a meeting or call, not a message

    @property
    def attempts(self) -> int:
        return len(self.attempt_days)



def fold_attempts(out_days: Sequence[int], gap_days: int) -> list[int]:
    """Start days of the attempts that these outgoing messages (sorted days, no answer between) make."""
    starts: list[int] = []
    for d in out_days:
        if not starts or d - starts[-1] >= gap_days:
            starts.append(d)
    return starts


def open_attempts(tail_days: Sequence[int], gap_days: int, *, after_answer: bool) -> tuple[list[int], int]:
    """The open attempts in the owner's messages after the last answer, and how many messages they hold.

    When those messages follow an answer from them (``after_answer``), the first group is your reply
    to it, not an attempt to reach them: it closes the exchange (a two-way contact) and only the
    messages from ``gap_days`` after it on count as attempts.
    """
    starts = fold_attempts(tail_days, gap_days)
    if not after_answer or not starts:
        return starts, len(tail_days)
    if len(starts) == 1:
        return [], 0
    return starts[1:], len(tail_days) - bisect_left(tail_days, starts[1])


def facts_from_events(events: Sequence[Event], gap_days: int) -> Facts:
    """The facts of one person's events (any order); the reference the vectorised pass must match."""
    ordered = sorted(events, key=lambda e: e.at)
    facts = Facts()
    prev_side: int | None = None
    tail: list[int] = []
    for e in ordered:
        day, side = day_number(e.at), e.side
        if side != OUT:
            facts.last_in, facts.last_in_met = day, side == BOTH
            tail = []
        if side != IN:
            facts.last_out = day
        if side == OUT:
            tail.append(day)
        if side == BOTH or (prev_side is not None and side != prev_side):
            facts.last_two_way = day
        prev_side = side
        facts.last_any, facts.last_side = day, side
    facts.attempt_days, facts.open_messages = open_attempts(tail, gap_days, after_answer=facts.last_in is not None)
    return facts



def facts_from_history(h: History, gap_days: int) -> dict[int, Facts]:
    """Facts for every person in the history, computed with numpy over all events at once."""
    if len(h) == 0:
        return {}
    side = h.side.astype(np.int64)
    day = h.at // DAY_SECONDS
    firsts, ends = h.starts[:-1], h.starts[1:]
    idx = np.arange(day.size, dtype=np.int64)
    is_in, is_out = side != OUT, side != IN
    last_in = np.maximum.reduceat(np.where(is_in, day, -1), firsts)
    last_out = np.maximum.reduceat(np.where(is_out, day, -1), firsts)
    last_in_idx = np.maximum.reduceat(np.where(is_in, idx, -1), firsts)
    prev_side = np.concatenate(([-1], side[:-1]))
    prev_side[firsts] = -1  # the first event of a person has no predecessor
    turn = (side == BOTH) | ((prev_side >= 0) & (side != prev_side))
    last_two_way = np.maximum.reduceat(np.where(turn, day, -1), firsts)
    last_day = day[ends - 1]
    last_side = side[ends - 1]
    last_in_met = np.zeros(firsts.size, dtype=bool)
    has_in = last_in_idx >= 0
    last_in_met[has_in] = side[last_in_idx[has_in]] == BOTH
    tail_lo = np.maximum(last_in_idx + 1, firsts)
    out: dict[int, Facts] = {}
    day_list = day  # sliced per person only when an attempt is open
    for pid, li, lo_, l2, la, ls, met, t_lo, t_hi in zip(
        h.person_ids.tolist(), last_in.tolist(), last_out.tolist(), last_two_way.tolist(),
        last_day.tolist(), last_side.tolist(), last_in_met.tolist(), tail_lo.tolist(), ends.tolist(),
        strict=True,
    ):
        f = Facts(
            last_in=li if li >= 0 else None,
            last_out=lo_ if lo_ >= 0 else None,
            last_two_way=l2 if l2 >= 0 else None,
            last_any=la,
            last_side=ls,
            last_in_met=met,
        )
        if t_hi > t_lo:
            f.attempt_days, f.open_messages = open_attempts(day_list[t_lo:t_hi].tolist(), gap_days,
                                                            after_answer=li >= 0)
        out[pid] = f
    return out
