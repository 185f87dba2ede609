"""How people in the synthetic world talk, and how the owner (a :class:`~.personas.Persona`) answers.

Each thread is simulated from the day of connecting, one message at a time; every message has a family and
so a kind (:mod:`twoway.generator.content`), and the other side answers it or not by that kind: questions
usually, news sometimes, courtesies rarely, so most threads end on a courtesy. The owner answers with the
persona's chances and delays (some years late); unanswered attempts are retried 7–14 days apart, three at
most, and courtesies never. Most connections never hear a word; some only exchange courtesies; some pitch
or recruit (also by InMail from strangers); a few are real relationships with check-ins, questions and news.
"""

from __future__ import annotations

import random
from array import array
from dataclasses import dataclass
from typing import TYPE_CHECKING

from twoway.generator.content import (
    ACK,
    ANNIVERSARY,
    ANSWER,
    ASK,
    BIRTHDAY,
    CHAT_N,
    CHAT_Q,
    CHECKIN,
    CONGRATS,
    DECLINE,
    EMPTY,
    FAMILY_KIND,
    GREETING,
    INTERESTED,
    LATE,
    NEWS,
    NEWS_FAMILY,
    PITCH,
    PITCH_FOLLOWUP,
    PITCH_LAST,
    QUESTION,
    RECRUITER,
    RECRUITER_FOLLOWUP,
    REPLY,
    RETRY,
    THANKS_BACK,
    THANKS_IN,
    THANKS_JOB,
    THANKS_OUT,
)
from twoway.generator.model import DAY, IN, OUT, SHIFT, birthday_on_or_after, encode

if TYPE_CHECKING:
    from twoway.generator.model import Person
    from twoway.generator.personas import Persona

HOUR = 3_600
#: The family of the owner's unsent drafts.
DRAFT = CHAT_N

#: style -> (chance to answer a question, chance per year of writing first)
_STYLE = {
    "quick": (0.9, 0.25),
    "slow": (0.65, 0.12),
    "never": (0.03, 0.0),
    "silent": (0.0, 0.0),
    "courtesy": (0.5, 0.0),  # weak ties: answer a wish or a thank-you now and then
}
#: How likely they answer each kind, relative to a question (question, news, courtesy, pitch, automated).
_THEIR_FACTOR = (1.0, 0.55, 0.3, 0.0, 0.0)
_WISHES = frozenset({BIRTHDAY, CONGRATS, ANNIVERSARY})
#: Messages that close a thread: few people answer an "ok", a 👍 or a thank-you.
_CLOSERS = frozenset({ACK, EMPTY, THANKS_BACK, THANKS_JOB})
#: Questions about how things are (answered with news) rather than a specific question or request.
_HOW_ARE_YOU = frozenset({CHECKIN, RETRY, LATE})
_PITCHES = frozenset({PITCH, PITCH_FOLLOWUP, PITCH_LAST, RECRUITER, RECRUITER_FOLLOWUP})
_REAL = ("quick", "slow", "never")


@dataclass(slots=True)
class Sim:
    """What every thread's simulation shares: the die, the owner's habits and the world's span."""

    rng: random.Random
    persona: Persona
    base_day: int
    end_day: int
    owner_birthday: tuple[int, int] = (3, 14)  # month, day
    owner_moves: tuple[int, ...] = ()  # days the owner started a new job


def _their_delay(rng: random.Random, style: str) -> int:
    if style == "quick":
        return int(min(rng.expovariate(1 / (5 * HOUR)), 3 * DAY)) + 120
    if style in ("slow", "courtesy"):
        return rng.randint(DAY, 25 * DAY) if rng.random() < 0.85 else rng.randint(25 * DAY, 70 * DAY)
    return rng.randint(10 * DAY, 60 * DAY)


def _owner_answers(sim: Sim, family: int) -> bool:
    p = sim.persona
    if family in (RECRUITER, RECRUITER_FOLLOWUP):
        chance = p.answer_recruiter
    elif family in _WISHES:
        chance = p.answer_wish
    else:
        chance = p.answer[FAMILY_KIND[family]]
    return sim.rng.random() < chance


def _owner_delay(sim: Sim) -> tuple[int, bool]:
    """Seconds until the owner answers, and whether the answer comes months or years late."""
    rng = sim.rng
    if rng.random() < sim.persona.late:
        return rng.randint(60 * DAY, 1100 * DAY), True
    roll = rng.random()
    if roll < 0.6:
        delay = rng.randint(10 * 60, 8 * HOUR)
    elif roll < 0.93:
        delay = rng.randint(8 * HOUR, 3 * DAY)
    elif roll < 0.99:
        delay = rng.randint(3 * DAY, 9 * DAY)
    else:
        delay = rng.randint(9 * DAY, 21 * DAY)
    return int(delay * sim.persona.slowness), False


def _response(rng: random.Random, family: int) -> int:
    """The family of an answer to a message of ``family``."""
    if family == CONGRATS:
        return THANKS_JOB
    if family in _WISHES:
        return THANKS_BACK
    if family in _PITCHES:
        return INTERESTED if rng.random() < 0.25 else DECLINE
    if family == DECLINE:
        return ACK
    if family == THANKS_IN:
        return THANKS_OUT if rng.random() < 0.5 else ACK
    if family == THANKS_OUT:
        return ACK if rng.random() < 0.7 else THANKS_IN
    if family == GREETING:
        return GREETING if rng.random() < 0.7 else CHAT_Q
    kind = FAMILY_KIND[family]
    roll = rng.random()
    if kind == QUESTION:
        news = REPLY if family in _HOW_ARE_YOU else ANSWER
        return news if roll < 0.62 else CHAT_N if roll < 0.72 else CHAT_Q if roll < 0.84 else ACK
    if kind == NEWS:
        return ACK if roll < 0.65 else CHAT_Q if roll < 0.85 else CHAT_N
    return ACK if roll < 0.8 else EMPTY if roll < 0.86 else CHAT_N if roll < 0.95 else CHAT_Q


def exchange(ev: list[int], sim: Sim, style: str, t: int, family: int, out: int) -> int:
    """Answers to the message (``t``, ``family``, ``out``) already in ``ev``, turn by turn, until one
    side lets it rest. Returns how many messages were added."""
    rng = sim.rng
    added = 0
    answers = _STYLE[style][0]
    for _ in range(12):
        if out:
            # Declined, a recruiter or a seller mostly says thanks anyway.
            chance = 0.6 if family == DECLINE else answers * _THEIR_FACTOR[FAMILY_KIND[family]]
            if rng.random() >= (chance * 0.35 if family in _CLOSERS else chance):
                return added
            t += _their_delay(rng, style)
            family = _response(rng, family)
            if family == ACK and rng.random() < 0.12:
                family = EMPTY  # a GIF, a sticker or a photo instead of words
        else:
            if not _owner_answers(sim, family) or (family in _CLOSERS and rng.random() >= 0.35):
                return added
            delay, late = _owner_delay(sim)
            t += delay
            family = LATE if late else _response(rng, family)
        out ^= 1
        ev.append(encode(t, family, out))
        added += 1
    return added


def _they_wrote(ev: list[int], sim: Sim, style: str, t: int, family: int) -> int:
    if family in (ASK, NEWS_FAMILY) and sim.rng.random() < 0.3:
        ev.append(encode(t - sim.rng.randint(20, 600), GREETING, IN))  # a bare "Hi" first, then the message
    elif family in _WISHES and sim.rng.random() < 0.2:
        ev.append(encode(t - sim.rng.randint(2, 60), EMPTY, IN))  # a GIF or a sticker with the wish
    ev.append(encode(t, family, IN))
    return exchange(ev, sim, style, t, family, IN)


def _owner_wrote(ev: list[int], sim: Sim, style: str, t: int, family: int) -> bool:
    """The owner opens: a courtesy is sent once; a question is an attempt, retried 7–14 days apart
    until answered or three attempts are spent (each retry with the persona's ``persist`` chance).

    Returns whether all three attempts went unanswered.
    """
    rng = sim.rng
    ev.append(encode(t, family, OUT))
    if FAMILY_KIND[family] != QUESTION:
        exchange(ev, sim, style, t, family, OUT)
        return False
    persist = sim.persona.persist
    attempt = 1
    while True:
        gap = rng.randint(7 * DAY + HOUR, 14 * DAY)
        delay = _their_delay(rng, style) if rng.random() < _STYLE[style][0] else None
        if delay is not None and (delay < gap or attempt == 3 or rng.random() >= persist):
            answer = _response(rng, family)
            ev.append(encode(t + delay, answer, IN))
            exchange(ev, sim, style, t + delay, answer, IN)
            return False
        if attempt == 3 or rng.random() >= persist:
            return attempt == 3
        if any(t < (e >> SHIFT) <= t + gap for e in ev):
            return False  # the conversation moved on in between: no retry needed
        t += gap
        attempt += 1
        ev.append(encode(t, RETRY, OUT))


def at_day(rng: random.Random, day: int) -> int:
    return day * DAY + int(rng.triangular(7, 22, 13) * HOUR) + rng.randrange(HOUR)


def _their_birthday(p: Person, day: int) -> int:
    return birthday_on_or_after(day, 1 + p.idx * 7 % 12, 1 + p.idx * 13 % 28)


def reply_style(p: Person) -> str:
    return p.kind if p.kind in _REAL else "courtesy"


def simulate(p: Person, sim: Sim) -> None:
    rng = sim.rng
    ev: list[int] = []
    if p.connected is not None and p.greeted == 1:
        _they_wrote(ev, sim, reply_style(p), at_day(rng, p.connected + rng.choice((0, 0, 1, 1, 2))), THANKS_IN)
    elif p.connected is not None and p.greeted == 2:
        _owner_wrote(ev, sim, reply_style(p), at_day(rng, p.connected + rng.choice((0, 0, 1))), THANKS_OUT)
    if p.kind == "recruiter":
        _recruiter(p, ev, sim)
    elif p.kind == "inmail":
        day = sim.base_day - int(rng.random() ** 0.8 * 1200) + (rng.randint(1, 700) if rng.random() < 0.15 else 0)
        _pitches(ev, sim, day, sim.end_day)
    elif p.kind != "pending" and p.connected is not None:
        _connection(p, ev, sim)
    style = reply_style(p)
    for day, family in p.wishes or ():
        _they_wrote(ev, sim, style, at_day(rng, day), family)
    end = sim.end_day
    stop = (min(p.removed or end, end) + 1) * DAY
    ev.sort()
    p.events = array("q", (e for e in ev if e >> SHIFT < stop))
    if p.kind in ("pitch", "inmail") and rng.random() < 0.35:
        p.folder = "SPAM"
    elif rng.random() < 0.08:
        p.folder = "ARCHIVE"


def _recruiter(p: Person, ev: list[int], sim: Sim) -> None:
    """A recruiter's InMail (or message, once connected), a follow-up when unanswered, and now and
    then another role years later."""
    rng = sim.rng
    if p.connected is not None:
        t = at_day(rng, p.connected + rng.randint(0, 400))
    else:
        day = sim.base_day - int(rng.random() ** 0.8 * 1500)
        if rng.random() < 0.15:
            day = sim.base_day + rng.randint(1, sim.end_day - sim.base_day)
        t = at_day(rng, day)
    for _ in range(1 + (rng.random() < 0.25) + (rng.random() < 0.08)):
        ev.append(encode(t, RECRUITER, IN))
        if not exchange(ev, sim, "quick", t, RECRUITER, IN) and rng.random() < 0.35:
            t2 = t + rng.randint(4 * DAY, 14 * DAY)
            ev.append(encode(t2, RECRUITER_FOLLOWUP, IN))
            exchange(ev, sim, "quick", t2, RECRUITER_FOLLOWUP, IN)
        t += rng.randint(200 * DAY, 900 * DAY)


def _pitches(ev: list[int], sim: Sim, start: int, stop: int) -> None:
    """A pitch (often right after connecting, sometimes after a bare "Hi"), polite follow-ups while
    nobody answers, and another campaign months later."""
    rng = sim.rng
    right_after = rng.random() < 0.5
    t = at_day(rng, start + (rng.randint(0, 2) if right_after else rng.randint(3, 200)))
    if rng.random() < 0.35:  # "Thanks for connecting!" or a bare "Hi" first, the pitch a day or two later
        _they_wrote(ev, sim, "courtesy", t, THANKS_IN if right_after else GREETING)
        t += rng.randint(DAY, 3 * DAY)
    for _ in range(1 + (rng.random() < 0.2) + (rng.random() < 0.05)):
        if t >= stop * DAY:
            return
        if _they_wrote(ev, sim, "quick", t, PITCH):
            return  # the owner answered: declined, or asked; nobody follows up on that
        follow_ups = rng.choice((0, 0, 1, 1, 2, 3))
        for k in range(follow_ups):
            t += rng.randint(3 * DAY, 14 * DAY)
            family = PITCH_LAST if k == follow_ups - 1 and k and rng.random() < 0.6 else PITCH_FOLLOWUP
            if _they_wrote(ev, sim, "quick", t, family):
                return
        t += rng.randint(60 * DAY, 400 * DAY)


def _connection(p: Person, ev: list[int], sim: Sim) -> None:
    assert p.connected is not None
    rng, persona = sim.rng, sim.persona
    stop = min(p.removed or sim.end_day, sim.end_day)
    style = p.kind
    start = p.connected
    if p.kind == "new":
        # Connected in the last two weeks with nothing said yet; the owner may follow up later.
        style = rng.choice(("quick", "slow", "never", "silent", "silent"))
        start = sim.base_day + rng.randint(2, 25)
        if rng.random() < persona.follow_up_new:
            _owner_wrote(ev, sim, style if style != "silent" else "courtesy", at_day(rng, start), THANKS_OUT)
            if style != "silent" and rng.random() < 0.5:
                _owner_wrote(ev, sim, style, at_day(rng, start + rng.randint(3, 10)), CHECKIN)
    if style == "silent":
        return
    if style == "courtesy":
        _courtesies(p, ev, sim, start, stop)
        return
    if style == "pitch":
        _pitches(ev, sim, start, stop)
        return
    if p.kind != "new" and not p.greeted:
        opening = rng.random()
        if opening < 0.3:
            _owner_wrote(ev, sim, style, at_day(rng, start + rng.randint(0, 3)), THANKS_OUT)
        elif opening < 0.45:
            _they_wrote(ev, sim, style, at_day(rng, start + rng.randint(0, 5)), THANKS_IN)
        elif opening < 0.55:
            _they_wrote(ev, sim, style, at_day(rng, start + rng.randint(0, 10)), ASK)
    writes_first = _STYLE[style][1]
    # Close ties wish the owner a happy birthday most years and congratulate them on a new job.
    wish = 0.35 if style == "quick" else 0.2 if style == "slow" else 0.03
    month, dom = sim.owner_birthday
    bday = birthday_on_or_after(start + 1, month, dom)
    while bday < stop:
        if rng.random() < wish:
            _they_wrote(ev, sim, style, at_day(rng, bday + rng.choice((0, 0, 0, 1))), BIRTHDAY)
        bday = birthday_on_or_after(bday + 1, month, dom)
    for moved in sim.owner_moves:
        if start < moved < stop and rng.random() < wish:
            _they_wrote(ev, sim, style, at_day(rng, moved + rng.randint(0, 12)), CONGRATS)
    day = start + rng.randint(200, 420)
    unresponsive = False
    while day < stop:
        # Three unanswered attempts make them unresponsive (a prune candidate): no more check-ins.
        # A lapse (fewer attempts) is picked up at the next year's check-in.
        if not unresponsive and rng.random() < persona.checkin:
            unresponsive = _owner_wrote(ev, sim, style, at_day(rng, day), CHECKIN)
        if rng.random() < writes_first:
            _they_wrote(ev, sim, style, at_day(rng, day + rng.randint(30, 300)),
                        ASK if rng.random() < 0.6 else NEWS_FAMILY)
        if rng.random() < persona.wishes_out:
            _owner_wrote(ev, sim, style, at_day(rng, _their_birthday(p, day)), BIRTHDAY)
        day += rng.randint(330, 400)
    for since, company, _ in p.jobs[1:]:
        if start < since < stop and company and rng.random() < persona.congrats_out:
            at = at_day(rng, since + rng.randint(1, 20))
            # Not in the middle of another exchange: congratulations open a conversation of their own.
            if all(not -20 * DAY < (e >> SHIFT) - at < 100 * DAY for e in ev):
                _owner_wrote(ev, sim, style, at, CONGRATS)


def _courtesies(p: Person, ev: list[int], sim: Sim, start: int, stop: int) -> None:
    """A weak tie: one or two courtesies over the years, and whatever short answer they get."""
    rng = sim.rng
    if stop <= start:
        return
    for _ in range(1 if rng.random() < 0.7 else 2):
        roll = rng.random()
        day = rng.randint(start, stop)
        if roll < 0.3 and not p.greeted:
            _they_wrote(ev, sim, "courtesy", at_day(rng, start + rng.randint(0, 3)), THANKS_IN)
        elif roll < 0.45 and not p.greeted:
            _owner_wrote(ev, sim, "courtesy", at_day(rng, start + rng.randint(0, 2)), THANKS_OUT)
        elif roll < 0.62:
            _they_wrote(ev, sim, "courtesy", at_day(rng, day), GREETING)
        elif roll < 0.77:
            moves = [since for since, company, _ in p.jobs[1:] if start < since < stop and company]
            if moves:
                _owner_wrote(ev, sim, "courtesy", at_day(rng, rng.choice(moves) + rng.randint(1, 20)), CONGRATS)
            else:
                _owner_wrote(ev, sim, "courtesy", at_day(rng, day), ANNIVERSARY)
        elif roll < 0.84:
            _owner_wrote(ev, sim, "courtesy", at_day(rng, _their_birthday(p, day)), BIRTHDAY)
        elif roll < 0.92:
            month, dom = sim.owner_birthday
            _they_wrote(ev, sim, "courtesy", at_day(rng, birthday_on_or_after(day, month, dom)), BIRTHDAY)
        else:
            _they_wrote(ev, sim, "courtesy", at_day(rng, day), NEWS_FAMILY)


__all__ = [
    "DRAFT",
    "OUT",
    "Sim",
    "simulate",
]
