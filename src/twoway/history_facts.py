"""What the relationship rules need from each person's history: the last word, the last answer,
the last two-way contact and the open attempts, as day numbers (days since 1970-01-01, UTC).

:func:`facts_from_events` is the readable reference for one person; :func:`facts_from_history`
computes the same for everyone at once with numpy (Python runs only for people with open attempts).
twoway.states turns facts into states.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from twoway.history import BOTH, DAY_SECONDS, IN, OUT, Event, History, day_number


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
