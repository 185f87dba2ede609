"""How people in the synthetic world talk: who answers fast, slowly or never; how the owner checks in.

Each direct conversation is simulated from the day of connecting to the end of the world: a thank-you
or an introduction, yearly check-ins with retries 7–14 days apart (at most three attempts), replies
with each person's own delay, short exchanges that sometimes end on their message, congratulations on
new jobs, pitches nobody answers. Events are packed as ``ts << 6 | kind << 1 | out``.
"""

from __future__ import annotations

import random
from array import array
from typing import TYPE_CHECKING

from twoway.generator.content import (
    ASK,
    CHAT_IN,
    CHAT_OUT,
    CHECKIN,
    CONGRATS,
    EMPTY,
    INTRO,
    PITCH,
    RECRUITER,
    REPLY_IN,
    REPLY_OUT,
    RETRY,
    THANKS,
    THANKS_BACK,
)

if TYPE_CHECKING:
    from twoway.generator.model import Person

DAY = 86_400
HOUR = 3_600
OUT = 1
IN = 0

#: style -> (chance to answer, chance per year of writing first, chance to keep chatting)
_STYLE = {
    "quick": (0.9, 0.25, 0.55),
    "slow": (0.65, 0.12, 0.35),
    "never": (0.03, 0.0, 0.1),
    "silent": (0.0, 0.0, 0.0),
}


def encode(ts: int, kind: int, out: int) -> int:
    return (ts << 6) | (kind << 1) | out


def _answer_delay(rng: random.Random, style: str) -> int | None:
    """Seconds until they answer, or None when they don't."""
    answers = _STYLE[style][0]
    if rng.random() >= answers:
        return None
    if style == "quick":
        return int(min(rng.expovariate(1 / (5 * HOUR)), 3 * DAY)) + 120
    if style == "slow":
        return rng.randint(DAY, 25 * DAY) if rng.random() < 0.85 else rng.randint(25 * DAY, 70 * DAY)
    return rng.randint(10 * DAY, 60 * DAY)


def _owner_delay(rng: random.Random) -> int | None:
    """Seconds until the owner answers. A careful networker answers nearly everything within days;
    a thread rarely ends on their message, so only a handful of replies are owed at any time."""
    roll = rng.random()
    if roll < 0.6:
        return rng.randint(10 * 60, 8 * HOUR)
    if roll < 0.93:
        return rng.randint(8 * HOUR, 3 * DAY)
    if roll < 0.99:
        return rng.randint(3 * DAY, 9 * DAY)
    if roll < 0.997:
        return rng.randint(9 * DAY, 21 * DAY)
    return None


def _exchange(ev: list[int], rng: random.Random, style: str, t: int, their_turn: bool) -> None:
    """A back-and-forth after an answer; ``their_turn`` says who speaks next.

    The owner answers almost always (a thread ends on their message only when the owner drops the
    ball); the other side decides when the conversation is over.
    """
    keep_going = _STYLE[style][2]
    while True:
        if their_turn:
            delay = _answer_delay(rng, style) if rng.random() < keep_going else None
            if delay is None:
                return
            t += delay
            ev.append(encode(t, CHAT_IN if rng.random() > 0.03 else EMPTY, IN))
        else:
            owner = _owner_delay(rng)
            if owner is None:
                return
            t += owner
            ev.append(encode(t, CHAT_OUT, OUT))
        their_turn = not their_turn


def _they_wrote(ev: list[int], rng: random.Random, style: str, t: int, kind: int) -> None:
    ev.append(encode(t, kind, IN))
    owner = _owner_delay(rng)
    if owner is not None:
        ev.append(encode(t + owner, REPLY_OUT, OUT))
        _exchange(ev, rng, style, t + owner, True)


def _owner_wrote(ev: list[int], rng: random.Random, style: str, t: int, kind: int, persist: float) -> bool:
    """An opening message, retried 7–14 days apart until answered or three attempts are spent
    (``persist`` is the chance the owner does retry; a careful networker almost always does).

    Returns whether all three attempts went unanswered.
    """
    attempt = 0
    while True:
        ev.append(encode(t, kind if attempt == 0 else RETRY, OUT))
        attempt += 1
        delay = _answer_delay(rng, style)
        gap = rng.randint(7 * DAY + HOUR, 14 * DAY)
        if delay is not None and (delay < gap or attempt == 3 or rng.random() >= persist):
            ev.append(encode(t + delay, REPLY_IN if kind != CONGRATS else THANKS_BACK, IN))
            _exchange(ev, rng, style, t + delay, False)
            return False
        if attempt == 3 or rng.random() >= persist:
            return attempt == 3
        if any(t < (e >> 6) <= t + gap for e in ev):
            return False  # the conversation moved on in between: no retry needed
        t += gap


def _at(rng: random.Random, day: int) -> int:
    return day * DAY + int(rng.triangular(7, 22, 13) * HOUR) + rng.randrange(HOUR)


def simulate(p: Person, rng: random.Random, base_day: int, end_day: int) -> None:
    ev: list[int] = []
    if p.kind == "recruiter":
        t = _at(rng, base_day - int(rng.random() ** 0.8 * 1500))
        ev.append(encode(t, RECRUITER, IN))
        if rng.random() < 0.3:
            _they_wrote(ev, rng, "slow", t + rng.randint(3, 12) * DAY, RECRUITER)
    elif p.kind != "pending" and p.connected is not None:
        _connection(p, ev, rng, base_day, end_day)
    stop = (min(p.removed or end_day, end_day) + 1) * DAY
    ev.sort()
    p.events = array("q", (e for e in ev if e >> 6 < stop))
    if p.kind == "pitch" and rng.random() < 0.35:
        p.folder = "SPAM"
    elif rng.random() < 0.08:
        p.folder = "ARCHIVE"


def _connection(p: Person, ev: list[int], rng: random.Random, base_day: int, end_day: int) -> None:
    assert p.connected is not None
    stop = min(p.removed or end_day, end_day)
    style = p.kind
    start = p.connected
    if p.kind == "new":
        # Connected in the last two weeks with nothing said yet; the owner follows up later.
        style = rng.choice(("quick", "slow", "never", "silent"))
        start = base_day + rng.randint(2, 25)
        if rng.random() < 0.75:
            _owner_wrote(ev, rng, style, _at(rng, start), THANKS, 0.98)
    if style == "silent":
        return
    if style == "pitch":
        t = _at(rng, start + rng.randint(1, 15))
        for _ in range(rng.randint(1, 5)):
            ev.append(encode(t, PITCH, IN))
            t += rng.randint(30, 200) * DAY
        return
    if p.kind != "new":
        opening = rng.random()
        if opening < 0.45:
            _owner_wrote(ev, rng, style, _at(rng, start + rng.randint(0, 3)), THANKS, 0.98)
        elif opening < 0.6:
            _they_wrote(ev, rng, style, _at(rng, start + rng.randint(0, 5)), INTRO)
    care = 0.55 if style == "quick" else 0.45
    writes_first = _STYLE[style][1]
    day = start + rng.randint(200, 420)
    unresponsive = False
    while day < stop:
        # Three unanswered attempts make them unresponsive (a prune candidate): no more check-ins.
        # A lapse (fewer attempts) is picked up at the next year's check-in.
        if not unresponsive and rng.random() < care:
            unresponsive = _owner_wrote(ev, rng, style, _at(rng, day), CHECKIN, 0.99)
        if rng.random() < writes_first:
            _they_wrote(ev, rng, style, _at(rng, day + rng.randint(30, 300)), ASK)
        day += rng.randint(330, 400)
    for since, company, _ in p.jobs[1:]:
        if start < since < stop and company and rng.random() < 0.3:
            at = _at(rng, since + rng.randint(1, 20))
            # Not in the middle of another exchange: congratulations open a conversation of their own.
            if all(not -20 * DAY < (e >> 6) - at < 100 * DAY for e in ev):
                _owner_wrote(ev, rng, style, at, CONGRATS, 0.98)


def add_drafts(people: list[Person], rng: random.Random, base_day: int) -> None:
    """A few unsent drafts after the latest message of a thread (shown until something newer is sent)."""
    end = base_day * DAY + DAY - 1
    talkers = [p for p in people if p.kind in ("quick", "slow") and p.events_until(end)]
    for p in rng.sample(talkers, min(len(talkers), max(2, round(len(talkers) * 0.012)))):
        last = p.events[p.events_until(end) - 1] >> 6
        p.draft = min(last + rng.randint(HOUR, 10 * DAY), end - 60)


def top_up(people: list[Person], rng: random.Random, base_day: int, missing: int) -> None:
    """Add older back-and-forth chats to talkative threads until the export holds ``missing`` more rows.

    Chats go before each thread's latest answer from them, so what followed it (open attempts, a reply
    owed, the last two-way contact) and so the present state of every relationship stay as they were.
    """
    cut = base_day * DAY
    windows: list[tuple[Person, int, int]] = []  # person, first and last second a chat may use
    for p in people:
        if p.kind not in ("quick", "slow") or p.connected is None:
            continue
        answers = [e >> 6 for e in p.events[: p.events_until(cut)] if not e & 1]
        if answers and answers[-1] - p.connected * DAY >= 3 * DAY:
            windows.append((p, p.connected * DAY, answers[-1] - DAY))
    if not windows:  # a network too quiet for that: chats before anything else was said
        for p in people:
            if p.connected is not None and p.kind != "recruiter" and p.connected < base_day - 3:
                said = p.events[0] >> 6 if p.events_until(cut) else cut
                if said - p.connected * DAY >= 3 * DAY:
                    windows.append((p, p.connected * DAY, said - DAY))
    if not windows:
        return
    extra: dict[int, list[int]] = {}
    while missing > 0:
        p, first, last = rng.choice(windows)
        size = min(missing, rng.randint(4, 30))
        t = rng.randint(first, last - DAY)
        out = rng.randint(0, 1)
        chat = extra.setdefault(p.idx, [])
        for _ in range(size):
            chat.append(encode(t, CHAT_OUT if out else CHAT_IN, out))
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
