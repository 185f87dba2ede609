"""What the relationship rules need from each person's history, as day numbers (days since 1970-01-01, UTC).

Each message carries what it asks of its reader (read at import, :mod:`twoway.reading`), and the facts
follow it:

* An *answer* is a message from them (any kind but an automated one), a meeting or a call. Automated
  messages (auto-replies, mass mail) are not from the person and are left out altogether.
* They *ask* when their message is a question, a request or news (a courtesy, a pitch asks nothing);
  a reply is *owed* when their trailing messages hold such an ask.
* *Attempts* are the owner's questions and substantive messages after the last answer; courtesies
  (thanks, congratulations, birthday wishes) are not attempts. They fold greedily: one less than
  ``gap_days`` after the start of the current attempt belongs to it. The owner's first word after their
  answer, within the answer window, is the owner's reply: it and what follows within ``gap_days`` are no
  attempt.
* *Two-way contact* is a day the conversation changes hands within ``window_days`` (their answer to the
  owner's message, or the owner's to theirs), or a meeting or call. Years apart is not an exchange.

:func:`facts_from_events` is the readable reference for one person; :func:`fact_arrays` computes the
same for everyone at once with no Python per person (tests hold the two equal), remembered on the
History, so a cached history pays it once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from twoway.clock import DAY_SECONDS, day_number
from twoway.history.arrays import (
    BOOL,
    BOTH,
    I64,
    IN,
    OUT,
    R_AUTOMATED,
    R_NEWS,
    R_NONE,
    R_PITCH,
    R_QUESTION,
    READS,
    Event,
    History,
)

#: Readings that ask something of the reader, or make an attempt when the owner sends them.
_ASKS = (R_NONE, R_QUESTION, R_NEWS)


@dataclass
class Facts:
    """What the rules need from one person's history, as day numbers (days since 1970-01-01)."""

    last_in: int | None = None  # latest answer from them: a message (not automated), meeting or call
    last_out: int | None = None  # latest word from the owner: any message, meeting or call
    last_two_way: int | None = None
    last_any: int | None = None
    last_side: int | None = None  # OUT, IN or BOTH of the very last event
    attempt_days: list[int] = field(default_factory=list)  # start day of each open attempt
    open_messages: int = 0  # the owner's attempt messages in those attempts
    last_in_met: bool = False  # the latest answer was a meeting or call, not a message
    owed: int | None = None  # day of their latest ask among their trailing messages (a reply is owed)
    owed_read: str = ""  # what that message is: question or news ("" when not read)
    last_in_read: str = ""  # what their latest message is (courtesy, pitch, question...), "" if none or unread
    last_in_msg: int | None = None  # day of their latest message
    pitch_only: bool = False  # nothing from them but pitches, never answered by the owner
    substantive: bool = False  # they once asked or told something, or met: more than courtesies

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


def facts_from_events(events: Sequence[Event], gap_days: int, window_days: int = 60) -> Facts:
    """The facts of one person's events (any order); the reference the vectorised pass must match."""
    ordered = [e for e in sorted(events, key=lambda e: e.at)
               if not (e.side == IN and e.reading == READS[R_AUTOMATED])]
    facts = Facts()
    prev: tuple[int, int] | None = None  # (day, side) of the previous event
    tail: list[tuple[int, bool]] = []  # the owner's messages after the last answer: (day, is an attempt)
    trailing_ask: tuple[int, str] | None = None
    in_kinds: list[str] = []
    out_after_first_in = False
    for e in ordered:
        day, side = day_number(e.at), e.side
        if side != OUT:
            facts.last_in, facts.last_in_met = day, side == BOTH
            tail = []
        if side == BOTH or (side == IN and e.reading in (READS[r] for r in _ASKS)):
            facts.substantive = True
        if side == IN:
            facts.last_in_read, facts.last_in_msg = e.reading, day
            in_kinds.append(e.reading)
            if e.reading in (READS[r] for r in _ASKS):
                trailing_ask = (day, e.reading)
        else:
            facts.last_out = day
            trailing_ask = None
            if in_kinds:
                out_after_first_in = True
        if side == OUT:
            tail.append((day, e.reading in (READS[r] for r in _ASKS)))
        if side == BOTH or (prev is not None and side != prev[1] and day - prev[0] <= window_days):
            facts.last_two_way = day
        prev = (day, side)
        facts.last_any, facts.last_side = day, side
    if trailing_ask is not None:
        facts.owed, facts.owed_read = trailing_ask
    facts.pitch_only = bool(in_kinds) and all(k == READS[R_PITCH] for k in in_kinds) and not out_after_first_in \
        and not any(e.side == BOTH for e in ordered)
    if tail and facts.last_in is not None and tail[0][0] - facts.last_in <= window_days:
        reply_start = tail[0][0]  # the owner's reply to their answer, and what follows it within the gap
        tail = [(d, a) for d, a in tail if d - reply_start >= gap_days]
    attempt_days = [d for d, is_attempt in tail if is_attempt]
    facts.attempt_days = fold_attempts(attempt_days, gap_days)
    facts.open_messages = len(attempt_days) if facts.attempt_days else 0
    return facts


@dataclass(frozen=True)
class FactArrays:
    """Every person's facts in one history, as arrays in its person order; -1 where a day is unknown.

    ``attempts`` and ``last_attempt`` are the open attempts' count and the start day of the last one;
    the days of the others are read per person by :func:`facts_at`. Reading codes index ``READS``.
    """

    last_in: I64
    last_out: I64
    last_two_way: I64
    last_any: I64
    last_side: I64
    last_in_met: BOOL
    attempts: I64
    last_attempt: I64
    owed: I64
    owed_read: I64
    last_in_read: I64
    last_in_msg: I64
    pitch_only: BOOL
    substantive: BOOL


def fact_arrays(h: History, gap_days: int, window_days: int = 60) -> FactArrays:
    """The facts of everyone in ``h``, remembered on ``h`` (a cached history pays once)."""
    key = ("facts", gap_days, window_days)
    hit = h.derived.get(key)
    if isinstance(hit, FactArrays):
        return hit
    found: FactArrays = h.remember(key, _fact_arrays(h, gap_days, window_days))
    return found


def _fact_arrays(h: History, gap_days: int, window_days: int) -> FactArrays:
    n = len(h)
    seg_all = h.segment_ids()
    keep = ~((h.side == IN) & (h.read == R_AUTOMATED))
    seg = seg_all[keep]
    at, side, read = h.at[keep], h.side[keep].astype(np.int64), h.read[keep].astype(np.int64)
    counts = np.bincount(seg, minlength=n)
    bounds = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=bounds[1:])
    firsts, ends = bounds[:-1], bounds[1:]
    day = at // DAY_SECONDS
    none = np.full(n, -1, dtype=np.int64)
    if at.size == 0:
        no = np.zeros(n, dtype=bool)
        zero = np.zeros(n, dtype=np.int64)
        return FactArrays(none, none, none, none, none, no, zero, none, none, zero, zero, none, no, no)
    is_in, is_out = side == IN, side == OUT
    asks = np.isin(read, _ASKS)
    # Each "last ..." is the last row of the segment where a condition holds (one binary search per person).
    last_in_idx = _last_where(~is_out, firsts, ends)
    last_out_idx = _last_where(~is_in, firsts, ends)
    last_msg_idx = _last_where(is_in, firsts, ends)
    last_ask_idx = _last_where(is_in & asks, firsts, ends)
    first_row = np.zeros(at.size, dtype=bool)
    first_row[firsts[counts > 0]] = True
    prev_day = np.empty_like(day)
    prev_day[0] = 0
    prev_day[1:] = day[:-1]
    change = np.zeros(at.size, dtype=bool)
    change[1:] = side[1:] != side[:-1]
    change &= ~first_row & (day - prev_day <= window_days)
    turn_idx = _last_where(change | (side == BOTH), firsts, ends)
    has_in = last_in_idx >= 0
    last_in_met = np.zeros(n, dtype=bool)
    last_in_met[has_in] = side[last_in_idx[has_in]] == BOTH
    owed_idx = np.where(last_ask_idx > last_out_idx, last_ask_idx, -1)
    # Attempts: the owner's asking messages after the last answer, less the owner's reply to it.
    row_seg = seg
    after_answer = np.arange(at.size, dtype=np.int64) > last_in_idx[row_seg]
    tail_start = np.where(has_in, last_in_idx + 1, firsts)
    has_tail = tail_start < ends
    first_tail_day = np.where(has_tail, day[np.minimum(tail_start, at.size - 1)], -1)
    reply = has_in & has_tail & (first_tail_day - _day_at(day, last_in_idx) <= window_days)
    in_reply = reply[row_seg] & (day - first_tail_day[row_seg] < gap_days)
    attempt_rows = after_answer & is_out & asks & ~in_reply
    groups, last_start = _fold_rows(day, row_seg, attempt_rows, n, gap_days)
    first_in_idx = _first_where(is_in, firsts, ends)
    in_not_pitch = np.bincount(row_seg[is_in & (read != R_PITCH)], minlength=n)
    in_count = np.bincount(row_seg[is_in], minlength=n)
    met = np.bincount(row_seg[side == BOTH], minlength=n)
    pitch_only = (in_count > 0) & (in_not_pitch == 0) & (met == 0) & (last_out_idx < first_in_idx)
    substantive = (met > 0) | (np.bincount(row_seg[is_in & asks], minlength=n) > 0)
    last_any = np.where(counts > 0, _day_at(day, ends - 1), -1)
    last_side = np.where(counts > 0, side[np.maximum(ends - 1, 0)], -1)
    return FactArrays(
        _day_at(day, last_in_idx), _day_at(day, last_out_idx), _day_at(day, turn_idx), last_any, last_side,
        last_in_met, groups, np.where(groups > 0, last_start, -1), _day_at(day, owed_idx),
        np.where(owed_idx >= 0, read[np.maximum(owed_idx, 0)], 0), np.where(last_msg_idx >= 0,
                                                                            read[np.maximum(last_msg_idx, 0)], 0),
        _day_at(day, last_msg_idx), pitch_only, substantive,
    )


def _last_where(holds: BOOL, firsts: I64, ends: I64) -> I64:
    """Per segment [first, end): the last row where ``holds``, or -1."""
    rows = np.flatnonzero(holds)
    if rows.size == 0:
        return np.full(firsts.size, -1, dtype=np.int64)
    j = np.searchsorted(rows, ends) - 1
    found = rows[np.maximum(j, 0)]
    return np.where((j >= 0) & (found >= firsts), found, -1)


def _first_where(holds: BOOL, firsts: I64, ends: I64) -> I64:
    """Per segment [first, end): the first row where ``holds``, or the segment's end (none)."""
    rows = np.flatnonzero(holds)
    if rows.size == 0:
        return ends.copy()
    j = np.searchsorted(rows, firsts)
    found = rows[np.minimum(j, rows.size - 1)]
    return np.where((j < rows.size) & (found < ends), found, ends)


def _day_at(day: I64, rows: I64) -> I64:
    return np.where(rows >= 0, day[np.maximum(rows, 0)], -1)


def _fold_rows(day: I64, row_seg: I64, chosen: BOOL, n: int, gap_days: int) -> tuple[I64, I64]:
    """fold_attempts over every person's chosen rows at once: how many groups, and the start day of the
    last one. Greedy folding is sequential, so each round finds every person's next group start with one
    binary search; rounds run as many times as the longest run has groups."""
    groups = np.zeros(n, dtype=np.int64)
    last_start = np.full(n, -1, dtype=np.int64)
    rows = np.flatnonzero(chosen)
    if rows.size == 0:
        return groups, last_start
    tday, tseg = day[rows], row_seg[rows]
    ks, lengths = np.unique(tseg, return_counts=True)
    offsets = np.zeros(ks.size + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    low = int(tday.min())
    # One sorted key over all runs: the person's rank, then the day (a start plus the gap stays in its span).
    span = int(tday.max()) - low + max(gap_days, 0) + 1
    key = np.repeat(np.arange(ks.size, dtype=np.int64) * span, lengths) + (tday - low)
    cur = offsets[:-1].copy()
    seg_end = offsets[1:]
    count = np.ones(ks.size, dtype=np.int64)
    last = tday[cur]
    active = np.arange(ks.size, dtype=np.int64)
    while active.size:
        here = cur[active]
        nxt = np.maximum(np.searchsorted(key, key[here] + gap_days, side="left"), here + 1)
        alive = nxt < seg_end[active]
        active, nxt = active[alive], nxt[alive]
        cur[active] = nxt
        count[active] += 1
        last[active] = tday[nxt]
    groups[ks] = count
    last_start[ks] = last
    return groups, last_start


def facts_at(h: History, k: int, gap_days: int, window_days: int = 60) -> Facts:
    """The Facts of the ``k``-th person of ``h``, by the reference (for the words of one verdict)."""
    return facts_from_events(h.events_for(int(h.person_ids[k])), gap_days, window_days)


def facts_from_history(h: History, gap_days: int, window_days: int = 60) -> dict[int, Facts]:
    """Facts for every person in the history, keyed by person id, from the arrays (tests compare with the
    reference; the attempt days beyond the last are read per person)."""
    fa = fact_arrays(h, gap_days, window_days)
    out: dict[int, Facts] = {}
    for k, pid in enumerate(h.person_ids.tolist()):
        out[pid] = facts_at(h, k, gap_days, window_days) if fa.attempts[k] > 0 else _from_arrays(fa, k)
    return out


def _from_arrays(fa: FactArrays, k: int) -> Facts:
    def day(a: I64) -> int | None:
        v = int(a[k])
        return v if v >= 0 else None

    return Facts(
        last_in=day(fa.last_in), last_out=day(fa.last_out), last_two_way=day(fa.last_two_way),
        last_any=day(fa.last_any), last_side=day(fa.last_side), last_in_met=bool(fa.last_in_met[k]),
        owed=day(fa.owed), owed_read=READS[int(fa.owed_read[k])] if fa.owed[k] >= 0 else "",
        last_in_read=READS[int(fa.last_in_read[k])] if fa.last_in_msg[k] >= 0 else "",
        last_in_msg=day(fa.last_in_msg), pitch_only=bool(fa.pitch_only[k]), substantive=bool(fa.substantive[k]),
    )
