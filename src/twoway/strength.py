"""Relationship strength: a score from 0 to 100 with its parts shown, computed from history.

Each part is a number from 0 to 1, computed from the person's direct interactions before "now"
(see :mod:`twoway.history` for what counts), and the score is their weighted mean
(``strength_weights``) times 100. A tie with no interaction scores 0 on every interaction part.

Two horizons (``strength_short_half_life_days``, default 30, and ``strength_half_life_days``, default
180) say how fast the past fades; an event a long half-life old counts half wherever events are counted.

* recency: how recently you heard from them (their last message, meeting or call), the mean of
  ``0.5 ** (days / short)`` and ``0.5 ** (days / long)``: the short horizon tells this week from
  this season, the long one keeps last year above never. Your own unanswered messages do not make a
  tie recent.
* frequency: how often they engage: their messages, meetings and calls counted with the long decay,
  log-scaled so that about FREQUENCY_FULL recent ones reach 1. (On the UC Irvine replay, counting
  only their side predicts answers far better than counting both: AUC 0.76 against 0.65.)
* reciprocity: ``min(theirs, yours) / max(theirs, yours)`` over the same decayed counts, so the
  balance of the recent past matters most; meetings and calls count for both.
* responsiveness: how often and how fast they answer: of your messages that could have been
  answered by now (recent ones weighing more), the share answered within ANSWER_DAYS (7) days,
  averaged with the share answered within a day, each smoothed by a Beta prior (PRIOR_*): one
  answered message reads as 2/3, and a tie with no settled message yet sits at the prior's mean.
* duration: time since the first interaction, log-scaled so that DURATION_FULL_DAYS (5 years)
  reach 1.
* endorsements: endorsements and recommendations, each way: up to 3 endorsements received and 3
  given count one sixth each way, a recommendation received or given two sixths each.
* channels: how many of LinkedIn, e-mail, meetings, phone and other channels you used, out of 3.

``structural`` (mutual connections, where known) is kept apart from the score on purpose: how
embedded a tie is and how much you talk are different things (Rajkumar et al., Science 2022).

The vectorised core :func:`score_batch` scores many people (or many moments) at once; the AUC
replay in ``benchmarks/bench_strength_auc.py`` uses it through :func:`score_from_events`-style
batches, so the benchmark measures exactly the code the product runs.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import Connection, text

from twoway import clock, history, people
from twoway import settings as settings_mod
from twoway.errors import NotFound
from twoway.history import BOTH, CHANNELS, IN, OUT, Event, History
from twoway.settings import Settings

PARTS = ("recency", "frequency", "reciprocity", "responsiveness", "duration", "endorsements", "channels")
ANSWER_DAYS = 7
FREQUENCY_FULL = 60
DURATION_FULL_DAYS = 5 * 365
# Responsiveness prior, Beta(1, 1) in messages: one answered message reads as 2/3, not a perfect record;
# a tie with no settled message yet sits at the prior's mean ("we do not know yet").
PRIOR_MESSAGES = 2.0
PRIOR_ANSWERED = 1.0
PRIOR_ANSWERED_FAST = 0.5  # answers within a day: prior mean 1/4
_DAY = history.DAY_SECONDS
F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Strength:
    person_id: int
    score: int
    parts: dict[str, float]
    structural: float | None
    mutual_connections: int | None = None
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
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True)
class Extras:
    """Per-person counts that are not interactions in the history: endorsements and recommendations."""

    endorsed_by_them: I64
    endorsed_by_you: I64
    recommended_by_them: I64
    recommended_by_you: I64

    @classmethod
    def zeros(cls, n: int) -> Extras:
        z = np.zeros(n, dtype=np.int64)
        return cls(z, z, z, z)


@dataclass(frozen=True)
class Batch:
    """Parts and scores for S segments, plus the counts the reasons are written from."""

    parts: F64  # S x len(PARTS)
    scores: I64
    raw: F64  # the weighted mean before rounding, 0..1
    n_in: F64
    n_out: F64
    last_at: I64  # -1 when there is no interaction
    last_from_them: I64  # -1 when they never wrote, met or called
    first_at: I64
    asks: F64
    answered: F64
    answered_fast: F64
    answer_delay: I64  # per event: seconds until their answer within ANSWER_DAYS, else -1
    starts: I64
    channels_used: I64  # bit mask over CHANNELS


def weights_of(settings: Settings) -> F64:
    raw: Mapping[str, float] = settings.strength_weights
    w = np.array([max(0.0, float(raw.get(p, 0.0))) for p in PARTS], dtype=np.float64)
    if w.sum() <= 0:
        raise ValueError("strength_weights are all zero")
    normalised: F64 = w / w.sum()
    return normalised


def score_batch(
    at: I64,
    side: npt.NDArray[np.int8],
    channel: npt.NDArray[np.int8],
    starts: I64,
    now_ts: I64,
    *,
    settings: Settings,
    extras: Extras | None = None,
) -> Batch:
    """Score S segments at once; segment k is rows ``starts[k]:starts[k+1]`` (sorted by time) seen at
    ``now_ts[k]``. Segments may be empty. Events at or after their segment's ``now_ts`` must be
    left out by the caller."""
    n_seg = int(starts.size - 1)
    lengths = np.diff(starts)
    seg = np.repeat(np.arange(n_seg, dtype=np.int64), lengths)
    has = lengths > 0
    now = now_ts.astype(np.int64)
    long_hl = float(settings.strength_half_life_days) * _DAY
    short_hl = float(settings.strength_short_half_life_days) * _DAY
    theirs = side != OUT

    last_at = np.full(n_seg, -1, dtype=np.int64)
    first_at = np.full(n_seg, -1, dtype=np.int64)
    last_at[has] = at[starts[1:][has] - 1]
    first_at[has] = at[starts[:-1][has]]

    # Events are in time order within a segment, so their last word is the last of their rows.
    last_from_them = np.full(n_seg, -1, dtype=np.int64)
    their_rows = np.flatnonzero(theirs)
    their_seg = seg[their_rows]
    if their_rows.size:
        ends = np.flatnonzero(np.append(their_seg[1:] != their_seg[:-1], True))
        last_from_them[their_seg[ends]] = at[their_rows[ends]]
    heard = last_from_them >= 0
    silent = (now - last_from_them).astype(np.float64)
    recency = np.where(heard, 0.5 * (np.exp2(-silent / short_hl) + np.exp2(-silent / long_hl)), 0.0)

    # One decay per event (the long horizon) weighs frequency, reciprocity and responsiveness alike.
    decay = np.exp2((at - now[seg]) * (1.0 / long_hl))
    # Counts by (segment, side) in one pass; a meeting or call (BOTH) counts for each side.
    by_side = seg * 3 + side
    plain = np.bincount(by_side, minlength=3 * n_seg).reshape(n_seg, 3).astype(np.float64)
    faded = np.bincount(by_side, weights=decay, minlength=3 * n_seg).reshape(n_seg, 3)
    n_in, n_out = plain[:, IN] + plain[:, BOTH], plain[:, OUT] + plain[:, BOTH]
    recent_in, recent_out = faded[:, IN] + faded[:, BOTH], faded[:, OUT] + faded[:, BOTH]
    frequency = np.minimum(1.0, np.log1p(recent_in) / math.log1p(FREQUENCY_FULL))

    hi = np.maximum(recent_in, recent_out)
    reciprocity = np.divide(np.minimum(recent_in, recent_out), hi, out=np.zeros(n_seg), where=hi > 0)

    asks, answered, fast, answer_delay, recent = _answers(at, side, seg, now, n_seg, decay)
    r_asks, r_answered, r_fast = recent
    # Beta-smoothed shares: with no settled message yet the part is the prior's mean, not 0 or 1.
    share = (r_answered + PRIOR_ANSWERED) / (r_asks + PRIOR_MESSAGES)
    share_fast = (r_fast + PRIOR_ANSWERED_FAST) / (r_asks + PRIOR_MESSAGES)
    responsiveness = np.where(has, 0.5 * (share + share_fast), 0.0)

    days_known = np.where(has, (now - first_at) / _DAY, 0.0)
    duration = np.minimum(1.0, np.log1p(np.maximum(days_known, 0.0)) / math.log1p(DURATION_FULL_DAYS))

    width = len(CHANNELS)
    used_flat = np.zeros(n_seg * width, dtype=bool)
    used_flat[seg * width + channel] = True
    used_by_seg = used_flat.reshape(n_seg, width)
    mask = used_by_seg @ (np.int64(1) << np.arange(width, dtype=np.int64))
    channels = np.minimum(1.0, used_by_seg.sum(axis=1) / 3.0)

    ex = extras or Extras.zeros(n_seg)
    endorsements = (
        np.minimum(ex.endorsed_by_them, 3) / 3.0 + np.minimum(ex.endorsed_by_you, 3) / 3.0
        + 2.0 * (ex.recommended_by_them > 0) + 2.0 * (ex.recommended_by_you > 0)
    ) / 6.0

    parts = np.column_stack([recency, frequency, reciprocity, responsiveness, duration, endorsements, channels])
    parts = np.clip(parts, 0.0, 1.0)
    raw = parts @ weights_of(settings)
    scores = np.rint(raw * 100).astype(np.int64)
    return Batch(parts=parts, scores=scores, raw=raw, n_in=n_in, n_out=n_out, last_at=last_at,
                 last_from_them=last_from_them,
                 first_at=first_at, asks=asks, answered=answered, answered_fast=fast,
                 answer_delay=answer_delay, starts=starts, channels_used=mask.astype(np.int64))


def _answers(at: I64, side: npt.NDArray[np.int8], seg: I64, now: I64, n_seg: int, decay: F64
             ) -> tuple[F64, F64, F64, I64, tuple[F64, F64, F64]]:
    """Per segment: your messages that could have been answered by now, those answered within
    ANSWER_DAYS and within a day; per event, the delay of the answer (-1 when none in time); and the
    same three counts weighted by ``decay`` (recent messages count more)."""
    size = at.size
    delays = np.full(size, -1, dtype=np.int64)
    mine = np.flatnonzero(side == OUT)
    if mine.size == 0:
        z = np.zeros(n_seg)
        return z, z, z, delays, (z, z, z)
    # The next event of theirs (or a meeting) after each of your messages, if in the same segment.
    is_answer = side != OUT
    answers = np.flatnonzero(is_answer)
    # Answers before each of your messages = the index of the next answer in ``answers``.
    j = (np.cumsum(is_answer) - is_answer)[mine]
    found = j < answers.size
    nxt = answers[np.minimum(j, max(answers.size - 1, 0))] if answers.size else mine
    mine_seg = seg[mine]
    ok = found & (seg[nxt] == mine_seg)
    delay = at[nxt] - at[mine]
    within = ok & (delay <= ANSWER_DAYS * _DAY)
    within_day = ok & (delay <= _DAY)
    settled = within | (now[mine_seg] - at[mine] >= ANSWER_DAYS * _DAY)
    delays[mine[within]] = delay[within]
    # Nested outcomes (within a day ⊂ within ANSWER_DAYS ⊂ settled) as one level per message, counted
    # in one pass; each count is then the sum of its level and the levels above it.
    by_level = mine_seg * 4 + (settled.astype(np.int64) + within + within_day)
    plain = np.bincount(by_level, minlength=4 * n_seg).reshape(n_seg, 4)[:, :0:-1].cumsum(axis=1)
    faded = np.bincount(by_level, weights=decay[mine], minlength=4 * n_seg).reshape(n_seg, 4)[:, :0:-1].cumsum(axis=1)
    counts = plain.astype(np.float64)
    return (counts[:, 2], counts[:, 1], counts[:, 0], delays,
            (faded[:, 2].copy(), faded[:, 1].copy(), faded[:, 0].copy()))


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
) -> Strength:
    """The strength of one tie from its events (any order; those at or after ``now_ts`` are ignored)."""
    kept = sorted((e for e in events if e.at < now_ts), key=lambda e: e.at)
    h = history.from_events({person_id: kept}) if kept else None
    at = h.at if h else np.zeros(0, dtype=np.int64)
    side = h.side if h else np.zeros(0, dtype=np.int8)
    channel = h.channel if h else np.zeros(0, dtype=np.int8)
    extras = Extras(*(np.array([v], dtype=np.int64) for v in
                      (endorsed_by_them, endorsed_by_you, recommended_by_them, recommended_by_you)))
    batch = score_batch(at, side, channel, np.array([0, at.size], dtype=np.int64),
                        np.array([now_ts], dtype=np.int64), settings=settings, extras=extras)
    return _strength(batch, 0, person_id, now_ts, extras, None, None)


def _fmt_delay(seconds: float) -> str:
    if seconds < 3600:
        return f"{max(1, round(seconds / 60))} minutes"
    if seconds < 2 * _DAY:
        return f"{round(seconds / 3600)} hours"
    return f"{round(seconds / _DAY)} days"


def _strength(batch: Batch, k: int, person_id: int, now_ts: int, extras: Extras,
              structural: float | None, mutual: int | None, parts_row: list[float] | None = None) -> Strength:
    row = parts_row if parts_row is not None else batch.parts[k].tolist()
    return Strength(person_id=person_id, score=int(batch.scores[k]), parts=dict(zip(PARTS, row, strict=True)),
                    structural=structural, mutual_connections=mutual,
                    explain=partial(_reasons, batch, k, now_ts, extras, mutual))


def _reasons(batch: Batch, k: int, now_ts: int, extras: Extras, mutual: int | None) -> list[str]:
    reasons: list[str] = []
    last = int(batch.last_at[k])
    if last < 0:
        reasons.append("No interaction yet: every interaction part is 0")
    else:
        heard = int(batch.last_from_them[k])
        if heard >= 0:
            reasons.append(f"Last heard from them {history.ts_date_words(heard)} ({(now_ts - heard) // _DAY} days ago)")
        else:
            reasons.append(f"Never heard from them; last interaction {history.ts_date_words(last)} "
                           f"({(now_ts - last) // _DAY} days ago)")
        total = int(batch.starts[k + 1] - batch.starts[k])
        both = int(batch.n_in[k]) + int(batch.n_out[k]) - total  # meetings and calls count on each side
        line = f"{total} interactions: {int(batch.n_in[k]) - both} from them, {int(batch.n_out[k]) - both} from you"
        reasons.append(line + (f", {both} meetings or calls" if both else ""))
        asks, ans = int(batch.asks[k]), int(batch.answered[k])
        if asks:
            line = f"They answered {ans} of {asks} of your messages within {ANSWER_DAYS} days"
            delays = batch.answer_delay[int(batch.starts[k]):int(batch.starts[k + 1])]
            delays = delays[delays >= 0]
            if delays.size:
                med = float(np.median(delays))
                line += f" (median {_fmt_delay(med)})"
            reasons.append(line)
        reasons.append(f"Known since {history.ts_date_words(int(batch.first_at[k]))}")
        used = [name for bit, name in enumerate(CHANNELS) if int(batch.channels_used[k]) >> bit & 1]
        reasons.append("Channels: " + ", ".join(used))
    e_them, e_you = int(extras.endorsed_by_them[k]), int(extras.endorsed_by_you[k])
    r_them, r_you = int(extras.recommended_by_them[k]), int(extras.recommended_by_you[k])
    if e_them or e_you or r_them or r_you:
        reasons.append(f"Endorsements: {e_them} from them, {e_you} from you; recommendations: "
                       f"{r_them} from them, {r_you} from you")
    if mutual is not None:
        reasons.append(f"{mutual} mutual connections")
    return reasons


def _extras(conn: Connection, owner_id: int, person_ids: I64, until: int) -> Extras:
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
    return Extras(*arrays)


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
    settings = settings or settings_mod.load(conn)
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
        at, side, channel = hist.at, hist.side, hist.channel
    else:
        # Row numbers of the kept people's events, without a Python loop over people.
        first = np.zeros(people.size, dtype=np.int64)
        first[present] = hist.starts[k[present]]
        rows = np.repeat(first - starts[:-1], lengths) + np.arange(int(starts[-1]), dtype=np.int64)
        at, side, channel = hist.at[rows], hist.side[rows], hist.channel[rows]
    extras = _extras(conn, owner_id, people, now_ts)
    batch = score_batch(at, side, channel, starts, np.full(people.size, now_ts, dtype=np.int64),
                        settings=settings, extras=extras)
    team = mutual_counts(conn, owner_id)
    known = mutual or {}
    out: dict[int, Strength] = {}
    # 30,000 objects: plain lists, positional arguments and no cycle collection while they are made
    # (they hold no cycles) keep this loop a small share of the work.
    with _gc_paused():
        for i, (pid, row, score) in enumerate(zip(people.tolist(), batch.parts.tolist(), batch.scores.tolist(),
                                                  strict=True)):
            m: int | None = None
            structural: float | None = None
            if pid in known:
                m = int(known[pid])
                structural = min(1.0, math.log1p(m) / math.log1p(50))
            elif pid in team:
                m, theirs, yours = team[pid]
                structural = structural_share(m, theirs, yours)
            out[pid] = Strength(pid, score, dict(zip(PARTS, row, strict=False)), structural, m,
                                partial(_reasons, batch, i, now_ts, extras, m))
    return out


@contextmanager
def _gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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


# --- listings for the faces ----------------------------------------------------------------------


@dataclass(frozen=True)
class StrengthReport:
    """One person's strength with the weights, so each part's contribution can be shown."""

    strength: Strength
    full_name: str
    company: str | None
    weights: dict[str, float]  # normalised to sum to 1

    def contributions(self) -> dict[str, float]:
        """Points each part adds to the score (they sum to the unrounded score)."""
        return {p: 100.0 * self.weights[p] * self.strength.parts[p] for p in PARTS}

    def to_dict(self) -> dict[str, Any]:
        return {
            "full_name": self.full_name,
            "company": self.company,
            **self.strength.to_dict(),
            "weights": {k: round(v, 4) for k, v in self.weights.items()},
            "contributions": {k: round(v, 2) for k, v in self.contributions().items()},
        }


def _weights_dict(settings: Settings) -> dict[str, float]:
    return dict(zip(PARTS, weights_of(settings).tolist(), strict=True))


def strength_for(conn: Connection, owner_id: int, query: str, *, settings: Settings | None = None,
                 today: date | None = None) -> StrengthReport:
    """The strength of the tie with the connection QUERY means, part by part."""
    settings = settings or settings_mod.load(conn)
    person = people.resolve(conn, owner_id, query)
    try:
        found = strength_of(conn, owner_id, person.id, settings=settings, today=today)
    except NotFound:
        raise NotFound(f"{person.full_name} is not one of your connections") from None
    return StrengthReport(found, person.full_name, person.company, _weights_dict(settings))


def ranking(conn: Connection, owner_id: int, *, limit: int = 20, weakest: bool = False,
            settings: Settings | None = None, today: date | None = None) -> list[StrengthReport]:
    """The strongest (or weakest) ties among the owner's current connections."""
    settings = settings or settings_mod.load(conn)
    found = compute_strengths(conn, owner_id, settings=settings, today=today)
    rows = conn.execute(
        text("SELECT p.id, p.full_name, p.company FROM connections c JOIN people p ON p.id = c.person_id "
             "WHERE c.owner_id = :o AND c.status = 'connected'"),
        {"o": owner_id},
    ).all()
    names = {int(i): (n, c) for i, n, c in rows}
    chosen = [s for pid, s in found.items() if pid in names]
    chosen.sort(key=lambda s: (s.score if weakest else -s.score, names[s.person_id][0].casefold()))
    weights = _weights_dict(settings)
    return [StrengthReport(s, *names[s.person_id], weights) for s in chosen[:max(0, limit)]]
