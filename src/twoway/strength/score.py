"""The arithmetic of relationship strength: every part of every tie at once, with numpy, no database.

Each part is a number from 0 to 1, computed from the person's direct interactions before "now"
(see :mod:`twoway.history` for what counts), and the score is the weighted mean (``strength_weights``)
times 100 of the parts **that have evidence** for this tie: a part without evidence is left out and the
weights of the others are renormalised, never filled in with an invented value.

What counts as contact: every direct message, meeting and call, except pitches and automated messages
(as read at import, :mod:`twoway.reading`), which count for nothing here, either way: not contact, not
frequency, not reciprocity, not an answer, not a message asking for one. Courtesies (thanks,
congratulations, greetings) count as contact and as answers, but they ask for no answer, and a tie made
of nothing but courtesies is held at COURTESY_ONLY_MAX points at most: pleasantries keep a tie warm, they
do not make it deep.

Two horizons (``strength_short_half_life_days``, default 30, and ``strength_half_life_days``, default
180) say how fast the past fades; an event a long half-life old counts half wherever events are counted.

* recency: how recently you heard from them (their last message, meeting or call), the mean of
  ``0.5 ** (days / short)`` and ``0.5 ** (days / long)``: the short horizon tells this week from
  this season, the long one keeps last year above never. Your own unanswered messages do not make a
  tie recent. Always has evidence: the export holds every message, so "never heard from them" is 0.
* frequency: how often they engage: their messages, meetings and calls counted with the long decay,
  log-scaled so that about FREQUENCY_FULL recent ones reach 1. (On the UC Irvine replay, counting
  only their side predicts answers far better than counting both: AUC 0.76 against 0.65.) Always has
  evidence, like recency.
* reciprocity: ``min(theirs, yours) / max(theirs, yours)`` over the same decayed counts, so the
  balance of the recent past matters most; meetings and calls count for both. Evidence: any contact.
* responsiveness: how often and how fast they answer: of your messages that ask for an answer (not
  courtesies) and could have been answered by now (recent ones weighing more), the share answered
  within ANSWER_DAYS (7) days, averaged with the share answered within a day, each counted against
  PRIOR_MESSAGES (1) more message that was not answered: a record is earned, so one answered message
  reads as 1/2 and ten of ten as 10/11, and no answer is ever assumed. Evidence: at least one such
  message of yours; when you never asked, the part is left out.
* duration: time since their first word (message, meeting or call), log-scaled so that
  DURATION_FULL_DAYS (5 years) reach 1: your own unanswered messages do not make you known. Evidence:
  they wrote, met or called.
* endorsements: endorsements and recommendations, each way: up to 3 endorsements received and 3
  given count one sixth each way, a recommendation received or given two sixths each. Evidence: the
  owner's data carries endorsements or recommendations (``Extras.known``).
* channels: on how many of LinkedIn, e-mail, meetings, phone and other channels they engaged with you
  (wrote, met or called), out of 3. Evidence: they wrote, met or called.

``structural`` (mutual connections, where known) is kept apart from the score on purpose: how
embedded a tie is and how much you talk are different things (Rajkumar et al., Science 2022).

The vectorised core :func:`score_batch` scores many people (or many moments) at once; the AUC
replay in ``benchmarks/bench_strength_auc.py`` uses it (and :func:`combine`), so the benchmark measures
exactly the code the product runs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from twoway import clock
from twoway.history import BOTH, CHANNELS, IN, OUT, R_AUTOMATED, R_COURTESY, R_PITCH
from twoway.settings import Settings

PARTS = ("recency", "frequency", "reciprocity", "responsiveness", "duration", "endorsements", "channels")
ANSWER_DAYS = 7
FREQUENCY_FULL = 60
DURATION_FULL_DAYS = 5 * 365
# Responsiveness counts your messages against this many more that went unanswered (Beta(0, 1)): one
# answered message reads as 1/2, not a perfect record, and no answer is ever assumed.
PRIOR_MESSAGES = 1.0
# A tie with nothing but courtesies (thanks, congratulations, greetings) scores this much at most.
COURTESY_ONLY_MAX = 25
_DAY = clock.DAY_SECONDS
#: What another team member may know of a tie: its band, never the score or what it is made of.
#: A score below 35 is weak (a courtesy or two, or long silent), 65 and above strong (recent, two-way, lasting).
BANDS = ((35.0, "weak"), (65.0, "medium"), (float("inf"), "strong"))


def band(score: float) -> str:
    """``weak``, ``medium`` or ``strong``: the only strength a member shows another."""
    return next(name for bound, name in BANDS if score < bound)


F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]
BOOL = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Extras:
    """Per-person counts that are not interactions in the history: endorsements and recommendations.

    ``known`` says where they are known at all (the owner's export carried them); None means "where
    any count is not zero"."""

    endorsed_by_them: I64
    endorsed_by_you: I64
    recommended_by_them: I64
    recommended_by_you: I64
    known: BOOL | None = None

    @classmethod
    def zeros(cls, n: int) -> Extras:
        z = np.zeros(n, dtype=np.int64)
        return cls(z, z, z, z, np.zeros(n, dtype=bool))

    def known_mask(self) -> BOOL:
        if self.known is not None:
            return self.known
        any_count: BOOL = ((self.endorsed_by_them > 0) | (self.endorsed_by_you > 0)
                           | (self.recommended_by_them > 0) | (self.recommended_by_you > 0))
        return any_count


@dataclass(frozen=True)
class Batch:
    """Parts and scores for S segments, plus the counts the reasons are written from.

    The event arrays the counts refer to (``starts``, ``answer_delay``) are those that count: pitches and
    automated messages are left out."""

    parts: F64  # S x len(PARTS); 0 where the part is not used
    used: BOOL  # S x len(PARTS): the part has evidence for this tie and takes its share of the weight
    scores: I64
    raw: F64  # the weighted mean of the used parts before rounding (and after the courtesy cap), 0..1
    n_in: F64
    n_out: F64
    last_at: I64  # -1 when there is no interaction
    last_from_them: I64  # -1 when they never wrote, met or called
    first_at: I64
    first_from_them: I64  # -1 when they never wrote, met or called
    asks: F64  # your messages asking for an answer that could have been answered by now
    answered: F64
    answered_fast: F64
    answer_delay: I64  # per counted event: seconds until their answer within ANSWER_DAYS, else -1
    starts: I64  # segment starts over the counted events
    channels_used: I64  # bit mask over CHANNELS: those they engaged on
    ignored_in: I64  # their pitches and automated messages, not counted
    ignored_out: I64  # yours
    courtesy_only: BOOL  # every counted event is a courtesy
    capped: BOOL  # the courtesy cap lowered the score


def weights_of(settings: Settings) -> F64:
    raw: Mapping[str, float] = settings.strength_weights
    w = np.array([max(0.0, float(raw.get(p, 0.0))) for p in PARTS], dtype=np.float64)
    if w.sum() <= 0:
        raise ValueError("strength_weights are all zero")
    normalised: F64 = w / w.sum()
    return normalised


def combine(parts: F64, used: BOOL, weights: F64) -> F64:
    """The weighted mean of the used parts, 0..1, row by row: the weights of the parts without evidence
    are shared out among the others; a row with no weighted evidence at all is 0."""
    w = used * weights
    total = w.sum(axis=1)
    mean: F64 = np.divide((parts * w).sum(axis=1), total, out=np.zeros(total.size), where=total > 0)
    return mean


def score_batch(
    at: I64,
    side: npt.NDArray[np.int8],
    channel: npt.NDArray[np.int8],
    starts: I64,
    now_ts: I64,
    *,
    settings: Settings,
    extras: Extras | None = None,
    read: npt.NDArray[np.int8] | None = None,
) -> Batch:
    """Score S segments at once; segment k is rows ``starts[k]:starts[k+1]`` (sorted by time) seen at
    ``now_ts[k]``. Segments may be empty. Events at or after their segment's ``now_ts`` must be
    left out by the caller. ``read`` is each event's reading code (``history.READS``); without it every
    event is taken as substantive."""
    n_seg = int(starts.size - 1)
    seg = np.repeat(np.arange(n_seg, dtype=np.int64), np.diff(starts))
    ignored_in = ignored_out = np.zeros(n_seg, dtype=np.int64)
    courtesy_only = np.zeros(n_seg, dtype=bool)
    substantive: BOOL | None = None  # not a courtesy: asks for an answer when you send it
    if read is not None and read.size:
        drop = (read == R_PITCH) | (read == R_AUTOMATED)
        if drop.any():
            theirs_dropped = drop & (side != OUT)
            ignored_in = np.bincount(seg[theirs_dropped], minlength=n_seg)
            ignored_out = np.bincount(seg[drop & ~theirs_dropped], minlength=n_seg)
            keep = ~drop
            at, side, channel, read, seg = at[keep], side[keep], channel[keep], read[keep], seg[keep]
            starts = np.concatenate(([0], np.cumsum(np.bincount(seg, minlength=n_seg)))).astype(np.int64)
        courtesy = read == R_COURTESY
        if courtesy.any():
            substantive = ~courtesy
            courtesy_only = (np.diff(starts) > 0) & (np.bincount(seg[substantive], minlength=n_seg) == 0)
    lengths = np.diff(starts)
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
    first_from_them = np.full(n_seg, -1, dtype=np.int64)
    their_rows = np.flatnonzero(theirs)
    their_seg = seg[their_rows]
    if their_rows.size:
        change = their_seg[1:] != their_seg[:-1]
        ends = np.flatnonzero(np.append(change, True))
        begins = np.flatnonzero(np.concatenate(([True], change)))
        last_from_them[their_seg[ends]] = at[their_rows[ends]]
        first_from_them[their_seg[begins]] = at[their_rows[begins]]
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

    asks, answered, fast, answer_delay, recent = _answers(at, side, seg, now, n_seg, decay, substantive)
    r_asks, r_answered, r_fast = recent
    asked = asks > 0
    # Shares once there is a settled message to judge by (without one, no part at all).
    responsiveness = np.where(asked, 0.5 * (r_answered + r_fast) / (r_asks + PRIOR_MESSAGES), 0.0)

    days_known = np.where(heard, (now - first_from_them) / _DAY, 0.0)
    duration = np.minimum(1.0, np.log1p(np.maximum(days_known, 0.0)) / math.log1p(DURATION_FULL_DAYS))

    width = len(CHANNELS)
    used_flat = np.zeros(n_seg * width, dtype=bool)
    used_flat[their_seg * width + channel[their_rows]] = True
    used_by_seg = used_flat.reshape(n_seg, width)
    mask = used_by_seg @ (np.int64(1) << np.arange(width, dtype=np.int64))
    channels = np.minimum(1.0, used_by_seg.sum(axis=1) / 3.0)

    ex = extras or Extras.zeros(n_seg)
    known = ex.known_mask()
    endorsements = np.where(known, (
        np.minimum(ex.endorsed_by_them, 3) / 3.0 + np.minimum(ex.endorsed_by_you, 3) / 3.0
        + 2.0 * (ex.recommended_by_them > 0) + 2.0 * (ex.recommended_by_you > 0)
    ) / 6.0, 0.0)

    parts = np.column_stack([recency, frequency, reciprocity, responsiveness, duration, endorsements, channels])
    always = np.ones(n_seg, dtype=bool)
    used = np.column_stack([always, always, has, asked, heard, known, heard])
    parts = np.where(used, np.clip(parts, 0.0, 1.0), 0.0)
    raw = combine(parts, used, weights_of(settings))
    cap = COURTESY_ONLY_MAX / 100.0
    capped = courtesy_only & (np.rint(raw * 100) > COURTESY_ONLY_MAX)
    raw = np.where(capped, cap, raw)
    scores = np.rint(raw * 100).astype(np.int64)
    return Batch(parts=parts, used=used, scores=scores, raw=raw, n_in=n_in, n_out=n_out, last_at=last_at,
                 last_from_them=last_from_them, first_at=first_at, first_from_them=first_from_them,
                 asks=asks, answered=answered, answered_fast=fast, answer_delay=answer_delay, starts=starts,
                 channels_used=mask.astype(np.int64), ignored_in=ignored_in, ignored_out=ignored_out,
                 courtesy_only=courtesy_only, capped=capped)


def _answers(at: I64, side: npt.NDArray[np.int8], seg: I64, now: I64, n_seg: int, decay: F64,
             asking: BOOL | None) -> tuple[F64, F64, F64, I64, tuple[F64, F64, F64]]:
    """Per segment: your messages asking for an answer (``asking``; all of yours when None) that could
    have been answered by now, those answered within ANSWER_DAYS and within a day; per event, the delay
    of the answer (-1 when none in time); and the same three counts weighted by ``decay`` (recent
    messages count more). Any event of theirs (a courtesy too) or a meeting answers."""
    size = at.size
    delays = np.full(size, -1, dtype=np.int64)
    ours = side == OUT
    mine = np.flatnonzero(ours if asking is None else ours & asking)
    if mine.size == 0:
        z = np.zeros(n_seg)
        return z, z, z, delays, (z, z, z)
    # The next event of theirs (or a meeting) after each of your messages, if in the same segment.
    is_answer = ~ours
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


