"""Relationship strength: a score from 0 to 100 with its parts shown, computed from history.

The parts and their arithmetic are in :mod:`twoway.strength.score` (pure, vectorised); this module
loads what they need from the database (the cached history, endorsements, recommendations, mutual
connections), turns each scored tie into a :class:`Strength` with its reasons in words. A Strength says
which parts had evidence (``used``) and the weights they took (``weights``, renormalised over them); its
reasons speak only of those parts, and of the pitches and automated messages that were not counted.
``structural`` (mutual connections, where known) is kept apart from the score on purpose: how embedded
a tie is and how much you talk are different things.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from types import MappingProxyType
from typing import Any

import numpy as np
from sqlalchemy import Connection, text

from twoway import clock, history, words
from twoway import settings as settings_mod
from twoway.errors import NotFound
from twoway.history import CHANNELS, Event, History, gc_paused
from twoway.settings import Settings
from twoway.strength.score import (
    ANSWER_DAYS,
    COURTESY_ONLY_MAX,
    F64,
    I64,
    PARTS,
    Batch,
    Extras,
    score_batch,
    weights_of,
)

_DAY = clock.DAY_SECONDS
_BITS = np.int64(1) << np.arange(len(PARTS), dtype=np.int64)
# Kinds of import file (twoway.linkedin.kinds) that make endorsements and recommendations known.
_ENDORSEMENT_FILES = ("endorsements received", "endorsements given", "recommendations received",
                      "recommendations given")


@dataclass(frozen=True, slots=True)
class Strength:
    """One tie's score (0-100), its parts (0-1) and which of them had evidence; points per part are
    ``100 * weights[p] * parts[p]`` and add up to the score (unless the courtesy cap held it)."""

    person_id: int
    score: int
    parts: dict[str, float]
    structural: float | None
    mutual_connections: int | None = None
    # The parts with evidence for this tie, and the weights they took (summing to 1 over them; 0 for the
    # others, whose value in ``parts`` is 0 and counts for nothing).
    used: tuple[str, ...] = PARTS
    weights: Mapping[str, float] = field(default_factory=dict, compare=False)
    # Reasons are written only when read: 30,000 people's sentences cost more than their scores.
    explain: Callable[[], list[str]] = field(default=list, repr=False, compare=False)

    @property
    def reasons(self) -> list[str]:
        return self.explain()

    def to_dict(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "score": self.score,
            "parts": {k: round(v, 4) for k, v in self.parts.items()},
            "structural": None if self.structural is None else round(self.structural, 4),
            "mutual_connections": self.mutual_connections,
            "used": list(self.used),
            "weights": {k: round(v, 4) for k, v in self.weights.items()},
            "reasons": list(self.reasons),
        }


def score_from_events(
    events: Sequence[Event],
    *,
    now_ts: int,
    settings: Settings,
    endorsed_by_them: int = 0,
    endorsed_by_you: int = 0,
    recommended_by_them: int = 0,
    recommended_by_you: int = 0,
    person_id: int = 0,
    endorsements_known: bool | None = None,
) -> Strength:
    """The strength of one tie from its events (any order; those at or after ``now_ts`` are ignored).
    Endorsements are known when ``endorsements_known`` says so, or (None) when any count is given."""
    kept = sorted((e for e in events if e.at < now_ts), key=lambda e: e.at)
    h = history.from_events({person_id: kept}) if kept else None
    at = h.at if h else np.zeros(0, dtype=np.int64)
    side = h.side if h else np.zeros(0, dtype=np.int8)
    channel = h.channel if h else np.zeros(0, dtype=np.int8)
    read = h.read if h else np.zeros(0, dtype=np.int8)
    e_them, e_you, r_them, r_you = (np.array([v], dtype=np.int64) for v in
                                    (endorsed_by_them, endorsed_by_you, recommended_by_them, recommended_by_you))
    known = None if endorsements_known is None else np.array([endorsements_known], dtype=bool)
    extras = Extras(e_them, e_you, r_them, r_you, known=known)
    batch = score_batch(at, side, channel, np.array([0, at.size], dtype=np.int64),
                        np.array([now_ts], dtype=np.int64), settings=settings, extras=extras, read=read)
    shared = _Shared(weights_of(settings))
    used, weights = shared.of(int(batch.used[0] @ _BITS))
    return Strength(person_id, int(batch.scores[0]), dict(zip(PARTS, batch.parts[0].tolist(), strict=True)),
                    None, None, used, weights, partial(_reasons, batch, 0, now_ts, extras, None))


def _fmt_delay(seconds: float) -> str:
    if seconds < 3600:
        return f"{max(1, round(seconds / 60))} minutes"
    if seconds < 2 * _DAY:
        return f"{round(seconds / 3600)} hours"
    return f"{round(seconds / _DAY)} days"


class _Shared:
    """The used parts and their renormalised weights, one tuple and one read-only mapping per combination
    of parts, shared by every Strength with that combination (there are few)."""

    def __init__(self, weights: F64) -> None:
        self.base = weights
        self.seen: dict[int, tuple[tuple[str, ...], Mapping[str, float]]] = {}

    def of(self, mask: int) -> tuple[tuple[str, ...], Mapping[str, float]]:
        hit = self.seen.get(mask)
        if hit is None:
            on = [bool(mask >> i & 1) for i in range(len(PARTS))]
            total = float(sum(w for w, o in zip(self.base.tolist(), on, strict=True) if o))
            weights = {p: (w / total if o and total > 0 else 0.0)
                       for p, w, o in zip(PARTS, self.base.tolist(), on, strict=True)}
            hit = self.seen[mask] = (tuple(p for p, o in zip(PARTS, on, strict=True) if o),
                                     MappingProxyType(weights))
        return hit


def _reasons(batch: Batch, k: int, now_ts: int, extras: Extras, mutual: int | None) -> list[str]:
    """The reasons, each written only for a part the score used (recency and frequency always are)."""
    used = dict(zip(PARTS, batch.used[k].tolist(), strict=True))
    reasons: list[str] = []
    last = int(batch.last_at[k])
    if last < 0:
        nothing = "No conversation yet" if batch.ignored_in[k] or batch.ignored_out[k] else "No interaction yet"
        reasons.append(f"{nothing}: recency and frequency are 0")
    else:
        heard = int(batch.last_from_them[k])
        if heard >= 0:
            reasons.append(f"Last heard from them {words.ts_date_words(heard)} "
                           f"({words.ago_words((now_ts - heard) // _DAY)})")
        else:
            reasons.append(f"Never heard from them; last interaction {words.ts_date_words(last)} "
                           f"({words.ago_words((now_ts - last) // _DAY)})")
        total = int(batch.starts[k + 1] - batch.starts[k])
        both = int(batch.n_in[k]) + int(batch.n_out[k]) - total  # meetings and calls count on each side
        noun = "interaction" if total == 1 else "interactions"
        line = f"{total} {noun}: {int(batch.n_in[k]) - both} from them, {int(batch.n_out[k]) - both} from you"
        reasons.append(line + (f", {both} meetings or calls" if both else ""))
    ignored_in, ignored_out = int(batch.ignored_in[k]), int(batch.ignored_out[k])
    if ignored_in or ignored_out:
        sides = [f"{n} from {who}" for n, who in ((ignored_in, "them"), (ignored_out, "you")) if n]
        noun = "message" if ignored_in + ignored_out == 1 else "messages"
        reasons.append(f"Pitches and automated {noun} not counted: {', '.join(sides)}")
    if used["responsiveness"]:
        asks, ans = int(batch.asks[k]), int(batch.answered[k])
        line = (f"They answered your message within {ANSWER_DAYS} days" if asks == 1 and ans == 1 else
                f"They did not answer your message within {ANSWER_DAYS} days" if asks == 1 else
                f"They answered {ans} of {asks} of your messages within {ANSWER_DAYS} days")
        delays = batch.answer_delay[int(batch.starts[k]):int(batch.starts[k + 1])]
        delays = delays[delays >= 0]
        if delays.size:
            line += f" (median {_fmt_delay(float(np.median(delays)))})"
        reasons.append(line)
    if bool(batch.courtesy_only[k]):
        reasons.append("Only courtesies so far (thanks, congratulations, greetings)"
                       + (f": held at {COURTESY_ONLY_MAX}" if bool(batch.capped[k]) else ""))
    if used["duration"]:
        reasons.append(f"Known since {words.ts_date_words(int(batch.first_from_them[k]))} (their first word)")
    if used["channels"]:
        channels = [name for bit, name in enumerate(CHANNELS) if int(batch.channels_used[k]) >> bit & 1]
        reasons.append("Channels: " + ", ".join(channels))
    e_them, e_you = int(extras.endorsed_by_them[k]), int(extras.endorsed_by_you[k])
    r_them, r_you = int(extras.recommended_by_them[k]), int(extras.recommended_by_you[k])
    if used["endorsements"] and (e_them or e_you or r_them or r_you):
        reasons.append(f"Endorsements: {e_them} from them, {e_you} from you; recommendations: "
                       f"{r_them} from them, {r_you} from you")
    if mutual is not None:
        reasons.append(f"{mutual} mutual connections")
    return reasons


def _extras(conn: Connection, owner_id: int, person_ids: I64, until: int) -> Extras:
    """Endorsements and recommendations each way, known for everyone when the owner's data carries any
    (or an export of theirs had the files, even empty); otherwise only where a tie has some."""
    pos = {int(p): i for i, p in enumerate(person_ids.tolist())}
    arrays = [np.zeros(person_ids.size, dtype=np.int64) for _ in range(4)]
    queries = (
        ("SELECT person_id, direction, COUNT(*) FROM endorsements WHERE owner_id = :o "
         "AND (at IS NULL OR at < :u) GROUP BY person_id, direction", 0),
        ("SELECT person_id, direction, COUNT(*) FROM recommendations WHERE owner_id = :o "
         "AND (at IS NULL OR at < :u) GROUP BY person_id, direction", 2),
    )
    for sql, offset in queries:
        for person_id, direction, count in conn.execute(text(sql), {"o": owner_id, "u": until}):
            i = pos.get(int(person_id))
            if i is not None:
                arrays[offset + (0 if direction == "in" else 1)][i] = int(count)
    known = np.ones(person_ids.size, dtype=bool) if _endorsements_known(conn, owner_id) else None
    return Extras(arrays[0], arrays[1], arrays[2], arrays[3], known=known)


def _endorsements_known(conn: Connection, owner_id: int) -> bool:
    checks: tuple[tuple[str, dict[str, str]], ...] = (
        ("SELECT 1 FROM endorsements WHERE owner_id = :o LIMIT 1", {}),
        ("SELECT 1 FROM recommendations WHERE owner_id = :o LIMIT 1", {}),
        ("SELECT 1 FROM import_files f JOIN imports i ON i.id = f.import_id WHERE i.owner_id = :o "
         "AND f.kind IN (:k0, :k1, :k2, :k3) LIMIT 1", {f"k{i}": k for i, k in enumerate(_ENDORSEMENT_FILES)}),
    )
    return any(conn.execute(text(sql), {"o": owner_id, **extra}).first() is not None for sql, extra in checks)


def mutual_counts(conn: Connection, owner_id: int) -> dict[int, tuple[int, int, int]]:
    """For connections who are themselves owners here (team mode): (mutual, their size, your size)."""
    rows = conn.execute(text("""
        SELECT o.person_id, COUNT(c1.person_id)
        FROM owners o
        JOIN connections c2 ON c2.owner_id = o.id AND c2.status = 'connected'
        LEFT JOIN connections c1 ON c1.owner_id = :me AND c1.person_id = c2.person_id AND c1.status = 'connected'
        WHERE o.person_id IS NOT NULL AND o.id <> :me
        GROUP BY o.person_id
    """), {"me": owner_id}).all()
    if not rows:
        return {}
    sizes: dict[Any, Any] = dict(conn.execute(text(
        "SELECT o.person_id, COUNT(*) FROM owners o JOIN connections c ON c.owner_id = o.id "
        "AND c.status = 'connected' WHERE o.person_id IS NOT NULL GROUP BY o.person_id")).all())
    mine = conn.execute(text("SELECT COUNT(*) FROM connections WHERE owner_id = :me AND status = 'connected'"),
                        {"me": owner_id}).scalar_one()
    return {int(p): (int(m), int(sizes.get(p, 0)), int(mine)) for p, m in rows}


def structural_share(mutual: int, theirs: int, yours: int) -> float:
    """Mutual connections as a share of the smaller of the two networks."""
    smaller = min(theirs, yours)
    return 0.0 if smaller <= 0 else min(1.0, mutual / smaller)


def compute_strengths(
    conn: Connection,
    owner_id: int,
    *,
    settings: Settings | None = None,
    today: date | None = None,
    person_ids: Collection[int] | None = None,
    hist: History | None = None,
    mutual: Mapping[int, int] | None = None,
) -> dict[int, Strength]:
    """Strength of every connection of the owner (connected or removed), keyed by person id.

    ``mutual`` may give mutual-connection counts from graph data (structural is then log-scaled so
    that 50 mutual connections reach 1); for connections who are owners here (team mode) structural is
    the mutual connections' share of the smaller network.
    """
    settings = settings or settings_mod.load(conn, owner_id)
    today = today or clock.today()
    now_ts = history.until_ts(today)
    if hist is None:
        hist = history.load_history(conn, owner_id, today=today, person_ids=person_ids)
    people = _connection_ids(conn, owner_id, person_ids)
    if people.size == 0:
        return {}
    # Lay the history out over every connection (people without events get empty segments).
    k = np.searchsorted(hist.person_ids, people)
    k_clipped = np.minimum(k, max(len(hist) - 1, 0))
    present = (k < len(hist)) & (hist.person_ids[k_clipped] == people) if len(hist) else np.zeros(
        people.size, dtype=bool)
    lengths = np.zeros(people.size, dtype=np.int64)
    lengths[present] = hist.starts[k[present] + 1] - hist.starts[k[present]]
    starts = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
    if int(np.count_nonzero(present)) == len(hist):
        # Everyone with a history is scored (the rest get empty segments): the rows stay as they are.
        at, side, channel, read = hist.at, hist.side, hist.channel, hist.read
    else:
        # Row numbers of the kept people's events, without a Python loop over people.
        first = np.zeros(people.size, dtype=np.int64)
        first[present] = hist.starts[k[present]]
        rows = np.repeat(first - starts[:-1], lengths) + np.arange(int(starts[-1]), dtype=np.int64)
        at, side, channel, read = hist.at[rows], hist.side[rows], hist.channel[rows], hist.read[rows]
    extras = _extras(conn, owner_id, people, now_ts)
    batch = score_batch(at, side, channel, starts, np.full(people.size, now_ts, dtype=np.int64),
                        settings=settings, extras=extras, read=read)
    shared = _Shared(weights_of(settings))
    masks = (batch.used @ _BITS).tolist()
    team = mutual_counts(conn, owner_id)
    known = mutual or {}
    out: dict[int, Strength] = {}
    # 30,000 objects: plain lists, positional arguments and no cycle collection while they are made
    # (they hold no cycles) keep this loop a small share of the work.
    with gc_paused():
        for i, (pid, row, score, mask) in enumerate(zip(people.tolist(), batch.parts.tolist(),
                                                        batch.scores.tolist(), masks, strict=True)):
            m: int | None = None
            structural: float | None = None
            if pid in known:
                m = int(known[pid])
                structural = min(1.0, math.log1p(m) / math.log1p(50))
            elif pid in team:
                m, theirs, yours = team[pid]
                structural = structural_share(m, theirs, yours)
            used, weights = shared.of(mask)
            out[pid] = Strength(pid, score, dict(zip(PARTS, row, strict=False)), structural, m, used, weights,
                                partial(_reasons, batch, i, now_ts, extras, m))
    return out


def _connection_ids(conn: Connection, owner_id: int, person_ids: Collection[int] | None) -> I64:
    sql = ("SELECT person_id FROM connections WHERE owner_id = :o "
           "AND status IN ('connected', 'removed') {only} ORDER BY person_id")
    params: dict[str, object] = {"o": owner_id}
    wanted = sorted({int(p) for p in person_ids}) if person_ids is not None else None
    if wanted is not None and len(wanted) <= 500:
        # A page of people: ask for those only instead of reading every connection to keep fifty.
        if not wanted:
            return np.zeros(0, dtype=np.int64)
        names = [f"p{i}" for i in range(len(wanted))]
        sql = sql.format(only="AND person_id IN (" + ", ".join(":" + n for n in names) + ")")
        params.update(zip(names, wanted, strict=True))
        wanted = None
    else:
        sql = sql.format(only="")
    result = conn.execute(text(sql), params)
    try:
        # The driver's own tuples: a SQLAlchemy Row per connection costs more than the query.
        rows = result.cursor.fetchall() if result.cursor is not None else result.fetchall()
    finally:
        result.close()
    ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    if wanted is not None:
        ids = ids[np.isin(ids, np.array(wanted, dtype=np.int64))]
    return ids


def strength_of(conn: Connection, owner_id: int, person_id: int, *, settings: Settings | None = None,
                today: date | None = None) -> Strength:
    found = compute_strengths(conn, owner_id, settings=settings, today=today, person_ids=[person_id])
    if person_id not in found:
        raise NotFound("that person is not one of your connections")
    return found[person_id]
