"""What the relationship rules need from each person's history: the last word, the last answer,
the last two-way contact and the open attempts, as day numbers (days since 1970-01-01, UTC).

:func:`facts_from_events` is the readable reference for one person; :func:`facts_from_history`
computes the same for everyone at once; :func:`fact_arrays` is that pass itself, as arrays in the
history's person order with no Python per person (attempts fold in numpy too), remembered per
History, so a cached history pays it once. twoway.states turns facts into states.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from twoway.clock import DAY_SECONDS, day_number
from twoway.history.arrays import BOOL, BOTH, I64, IN, OUT, Event, History


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
    pitch_day: int | None = None  # their last word, a pitch, was left out of these facts (twoway.owed)

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


@dataclass(frozen=True)
class FactArrays:
    """Every person's facts in one history, as arrays in its person order; -1 where a day is unknown.

    ``attempts`` and ``last_attempt`` are the open attempts' count and the start day of the last one;
    the days of the others (and the messages they hold) are read per person by :func:`facts_at`.
    """

    last_in: I64
    last_out: I64
    last_two_way: I64
    last_any: I64
    last_side: I64
    last_in_met: BOOL
    attempts: I64
    last_attempt: I64
    tail_lo: I64  # first row of the owner's messages after the last answer (the segment's end if none)


def fact_arrays(h: History, gap_days: int) -> FactArrays:
    """The facts of everyone in ``h``, remembered on ``h`` (a cached history pays once)."""
    hit = h.derived.get(("facts", gap_days))
    if isinstance(hit, FactArrays):
        return hit
    found: FactArrays = h.remember(("facts", gap_days), _fact_arrays(h, gap_days))
    return found


def _fact_arrays(h: History, gap_days: int) -> FactArrays:
    n = len(h)
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return FactArrays(empty, empty, empty, empty, empty, np.zeros(0, dtype=bool), empty, empty, empty)
    side = h.side
    firsts, ends = h.starts[:-1], h.starts[1:]
    # Each "last ..." is the last row of the segment where a condition holds: found from the rows where
    # it holds with one binary search per person (boolean passes only over the million events).
    change = np.empty(side.size, dtype=bool)
    change[0] = False
    np.not_equal(side[1:], side[:-1], out=change[1:])
    change[firsts] = False  # the first event of a person has no predecessor
    last_in_idx = _last_where(side != OUT, firsts, ends)
    last_out_idx = _last_where(side != IN, firsts, ends)
    turn_idx = _last_where(change | (side == BOTH), firsts, ends)
    has_in = last_in_idx >= 0
    last_in_met = np.zeros(n, dtype=bool)
    last_in_met[has_in] = side[last_in_idx[has_in]] == BOTH
    tail_lo = np.maximum(last_in_idx + 1, firsts)
    groups, last_start = _fold_tails(h.at, tail_lo, ends, gap_days)
    # After an answer the first group is the owner's reply, not an attempt (see open_attempts).
    replied = has_in & (groups > 0)
    attempts = np.where(replied, groups - 1, groups)
    last_attempt = np.where(attempts > 0, last_start, -1)
    return FactArrays(_day_at(h.at, last_in_idx), _day_at(h.at, last_out_idx), _day_at(h.at, turn_idx),
                      h.at[ends - 1] // DAY_SECONDS, side[ends - 1].astype(np.int64), last_in_met,
                      attempts, last_attempt, tail_lo)


def _last_where(holds: BOOL, firsts: I64, ends: I64) -> I64:
    """Per segment [first, end): the last row where ``holds``, or -1."""
    rows = np.flatnonzero(holds)
    if rows.size == 0:
        return np.full(firsts.size, -1, dtype=np.int64)
    j = np.searchsorted(rows, ends) - 1
    found = rows[np.maximum(j, 0)]
    return np.where((j >= 0) & (found >= firsts), found, -1)


def _day_at(at: I64, rows: I64) -> I64:
    return np.where(rows >= 0, at[np.maximum(rows, 0)] // DAY_SECONDS, -1)


def _fold_tails(at: I64, tail_lo: I64, ends: I64, gap_days: int) -> tuple[I64, I64]:
    """fold_attempts over every person's trailing messages at once: how many groups, and the start
    day of the last one. Greedy folding is sequential, so each round finds every person's next
    group start with one binary search; rounds run as many times as the longest run has groups."""
    n = tail_lo.size
    groups = np.zeros(n, dtype=np.int64)
    last_start = np.full(n, -1, dtype=np.int64)
    ks = np.flatnonzero(ends > tail_lo)
    if ks.size == 0:
        return groups, last_start
    lengths = ends[ks] - tail_lo[ks]
    offsets = np.zeros(ks.size + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    rows = np.arange(int(offsets[-1]), dtype=np.int64) + np.repeat(tail_lo[ks] - offsets[:-1], lengths)
    tday = at[rows] // DAY_SECONDS
    low = int(tday.min())
    # One sorted key over all tails: the person's rank, then the day (a start plus the gap stays in its span).
    span = int(tday.max()) - low + max(gap_days, 0) + 1
    key = np.repeat(np.arange(ks.size, dtype=np.int64) * span, lengths) + (tday - low)
    cur = offsets[:-1].copy()
    seg_end = offsets[1:]
    count = np.ones(ks.size, dtype=np.int64)
    last = tday[cur]
    active = np.arange(ks.size, dtype=np.int64)
    while active.size:
        at = cur[active]
        nxt = np.maximum(np.searchsorted(key, key[at] + gap_days, side="left"), at + 1)
        alive = nxt < seg_end[active]
        active, nxt = active[alive], nxt[alive]
        cur[active] = nxt
        count[active] += 1
        last[active] = tday[nxt]
    groups[ks] = count
    last_start[ks] = last
    return groups, last_start


def facts_at(h: History, fa: FactArrays, k: int, gap_days: int) -> Facts:
    """The Facts of the ``k``-th person of ``h`` (equal to facts_from_events of their events)."""
    li = int(fa.last_in[k])
    facts = Facts(
        last_in=li if li >= 0 else None,
        last_out=int(fa.last_out[k]) if fa.last_out[k] >= 0 else None,
        last_two_way=int(fa.last_two_way[k]) if fa.last_two_way[k] >= 0 else None,
        last_any=int(fa.last_any[k]),
        last_side=int(fa.last_side[k]),
        last_in_met=bool(fa.last_in_met[k]),
    )
    lo, hi = int(fa.tail_lo[k]), int(h.starts[k + 1])
    if hi > lo:
        facts.attempt_days, facts.open_messages = open_attempts((h.at[lo:hi] // DAY_SECONDS).tolist(), gap_days,
                                                                after_answer=li >= 0)
    return facts


def facts_from_history(h: History, gap_days: int) -> dict[int, Facts]:
    """Facts for every person in the history, keyed by person id."""
    fa = fact_arrays(h, gap_days)
    day = h.at // DAY_SECONDS
    out: dict[int, Facts] = {}
    for pid, li, lo_, l2, la, ls, met, t_lo, t_hi, n in zip(
        h.person_ids.tolist(), fa.last_in.tolist(), fa.last_out.tolist(), fa.last_two_way.tolist(),
        fa.last_any.tolist(), fa.last_side.tolist(), fa.last_in_met.tolist(), fa.tail_lo.tolist(),
        h.starts[1:].tolist(), fa.attempts.tolist(), strict=True,
    ):
        f = Facts(last_in=li if li >= 0 else None, last_out=lo_ if lo_ >= 0 else None,
                  last_two_way=l2 if l2 >= 0 else None, last_any=la, last_side=ls, last_in_met=met)
        if n > 0:  # no open attempt leaves the days empty, however many messages trail
            f.attempt_days, f.open_messages = open_attempts(day[t_lo:t_hi].tolist(), gap_days, after_answer=li >= 0)
        out[pid] = f
    return out
