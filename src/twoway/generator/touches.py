"""After the simulation: the touches that make a generated export tell its story — attempts answered between the
demo's two exports, questions still open on export day, unsent drafts — and the size asked for, met exactly."""

from __future__ import annotations

import random
from array import array

from twoway.generator.behaviour import HOUR, Sim, at_day, exchange
from twoway.generator.content import ACK, ASK, CHAT_N, CHAT_Q, CHECKIN, REPLY
from twoway.generator.model import DAY, IN, OUT, SHIFT, Person, encode

__all__ = ["add_drafts", "answered_attempts", "open_questions", "top_up", "trim"]


def answered_attempts(people: list[Person], sim: Sim, days: int = 55) -> None:
    """A few check-ins open on the base day that get their answer within ``days``, so the owner's
    next export shows replies closing open attempts (the story `twoway demo` tells)."""
    rng, base = sim.rng, sim.base_day
    lo, hi = (base - 25) * DAY, (base + days + 10) * DAY
    ties = [p for p in people if p.kind in ("quick", "slow") and not p.hidden and p.connected is not None
            and p.connected < base - 60 and p.connected_on(base + days)
            and not any(lo <= e >> SHIFT <= hi for e in p.events)]
    for p in rng.sample(ties, min(len(ties), max(2, round(len(ties) * 0.02)))):
        sent = at_day(rng, base - rng.randint(1, 10))
        answer = at_day(rng, base + rng.randint(1, days))
        added = [encode(sent, CHECKIN, OUT), encode(answer, REPLY, IN)]
        exchange(added, sim, p.kind, answer, REPLY, IN)
        p.events = array("q", sorted([*p.events, *added]))


def open_questions(people: list[Person], sim: Sim, later: int = 60) -> None:
    """A few questions from ties with history, asked days before the base day (and before the demo's later
    export, ``later`` days on) and still unanswered: what real inboxes hold, and what the plan answers first."""
    rng, base = sim.rng, sim.base_day
    for day in (base, base + later):
        lo, hi = (day - 40) * DAY, (day + 5) * DAY
        ties = [p for p in people if p.kind in ("quick", "slow") and not p.hidden and p.connected is not None
                and p.connected < day - 90 and p.connected_on(day)
                and not any(lo <= e >> SHIFT <= hi for e in p.events)]
        for p in rng.sample(ties, min(len(ties), max(2, round(len(ties) * 0.01)))):
            asked = encode(at_day(rng, day - rng.randint(3, 20)), ASK, IN)
            p.events = array("q", sorted([*p.events, asked]))


def add_drafts(people: list[Person], rng: random.Random, base_day: int) -> None:
    """A few unsent drafts after the latest message of a thread (shown until something newer is sent)."""
    end = base_day * DAY + DAY - 1
    talkers = [p for p in people if p.kind in ("quick", "slow") and p.events_until(end)]
    for p in rng.sample(talkers, min(len(talkers), max(2, round(len(talkers) * 0.012)))):
        last = p.events[p.events_until(end) - 1] >> SHIFT
        p.draft = min(last + rng.randint(HOUR, 10 * DAY), end - 60)


def top_up(people: list[Person], rng: random.Random, base_day: int, missing: int) -> None:
    """Add older back-and-forth chats to talkative threads until the export holds ``missing`` more rows.

    Chats go before each thread's latest answer from them, so what followed it (open attempts, a reply
    owed, the last two-way contact) and so the present state of every relationship stay as they were.
    Chats are mostly short courtesies ("ok", "thanks"), with some news and questions, as real chats are.
    """
    cut = base_day * DAY
    windows: list[tuple[Person, int, int]] = []  # person, first and last second a chat may use
    for p in people:
        if p.kind not in ("quick", "slow") or p.connected is None:
            continue
        answers = [e >> SHIFT for e in p.events[: p.events_until(cut)] if not e & 1]
        if answers and answers[-1] - p.connected * DAY >= 3 * DAY:
            windows.append((p, p.connected * DAY, answers[-1] - DAY))
    if not windows:  # a network too quiet for that: chats before anything else was said
        for p in people:
            if p.connected is not None and p.kind not in ("recruiter", "inmail") and p.connected < base_day - 3:
                said = p.events[0] >> SHIFT if p.events_until(cut) else cut
                if said - p.connected * DAY >= 3 * DAY:
                    windows.append((p, p.connected * DAY, said - DAY))
    if not windows:
        return
    extra: dict[int, list[int]] = {}
    random_ = rng.random
    while missing > 0:
        p, first, last = rng.choice(windows)
        size = min(missing, rng.randint(4, 30))
        t = rng.randint(first, last - DAY)
        out = rng.randint(0, 1)
        chat = extra.setdefault(p.idx, [])
        for _ in range(size):
            roll = random_()
            family = ACK if roll < 0.56 else CHAT_N if roll < 0.78 else CHAT_Q if roll < 0.96 else REPLY
            chat.append(encode(t, family, out))
            t += rng.randint(40, 4 * HOUR)
            out ^= 1
            if t >= last:
                t = last - 1 - rng.randrange(HOUR)
        missing -= size
    for idx, chat in extra.items():
        p = people[idx]
        p.events = array("q", sorted([*p.events, *chat]))


def trim(people: list[Person], base_day: int, surplus: int) -> None:
    """Drop the oldest messages (before the base day) until ``surplus`` rows are gone."""
    cut = base_day * DAY + DAY - 1
    oldest = sorted((e, p.idx) for p in people for e in p.events[: p.events_until(cut)])[:surplus]
    drop: dict[int, set[int]] = {}
    for e, idx in oldest:
        drop.setdefault(idx, set()).add(e)
    for idx, gone in drop.items():
        p = people[idx]
        p.events = array("q", [e for e in p.events if e not in gone])
