"""The synthetic world's records: the owner, each person with their packed events, groups, sponsors.

Days are integers (days since 1970-01-01) and times epoch seconds, so nothing formats dates here.
Events are packed as ``ts << SHIFT | family << 1 | out`` (:func:`encode`): the time, the message
family (see :mod:`twoway.generator.content`) and whether the owner sent it.
"""

from __future__ import annotations

import base64
import random
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

DAY = 86_400
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
#: How far past the base date the world is simulated; later exports must fall inside it.
HORIZON_DAYS = 730
#: Bits below an event's time: 6 for the message family, 1 for the direction.
SHIFT = 7
LOW = (1 << SHIFT) - 1
OUT = 1
IN = 0


def encode(ts: int, family: int, out: int) -> int:
    return (ts << SHIFT) | (family << 1) | out


def day_of(d: date) -> int:
    return d.toordinal() - EPOCH_ORDINAL


def date_of(day: int) -> date:
    return date.fromordinal(day + EPOCH_ORDINAL)


@dataclass(slots=True, eq=False)
class Invitation:
    direction: str  # 'in' (they invited the owner) or 'out'
    sent: int  # epoch seconds
    note: str
    keep_old: bool  # Invitations.csv holds ~6 months; a few older rows stay longer
    note_kind: str = ""  # personal | default | pitch | recruiter ('' for a blank invitation)
    lang: int = 0  # the note's language (index into texts.LANGUAGES)


@dataclass(slots=True, eq=False)
class Person:
    idx: int
    first: str
    last: str
    slug: str
    email: str
    #: (since day, company, position), oldest first.
    jobs: list[tuple[int, str, str]]
    #: quick | slow | never (real ties, by how they answer) | courtesy | silent | pitch | new |
    #: recruiter | inmail (a pitch from a non-connection) | pending
    kind: str
    connected: int | None = None  # day the connection was made
    removed: int | None = None  # day the owner removed it
    hidden: bool = False  # closed or hidden profile: a date-only row, "LinkedIn Member" in messages
    invitation: Invitation | None = None
    events: array = field(default_factory=lambda: array("q"))  # type: ignore[type-arg]
    draft: int | None = None  # epoch seconds of an unsent draft
    folder: str = "INBOX"
    conversation: str = ""
    subject: str = ""
    lang: int = 0  # the language of the thread (index into texts.LANGUAGES)
    direction: str = ""  # who invited whom: 'in' (they invited the owner), 'out', '' (unknown or older)
    #: How the connection began: 1 they thanked after the owner accepted (a batch's flood), 2 the owner thanked.
    greeted: int = 0
    #: (day, family) of wishes they send the owner: birthdays, a new job, work anniversaries.
    wishes: list[tuple[int, int]] | None = None

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def url(self) -> str:
        return f"https://www.linkedin.com/in/{self.slug}"

    def job_on(self, day: int) -> tuple[str, str]:
        company, position = "", ""
        for since, c, p in self.jobs:
            if since > day:
                break
            company, position = c, p
        return company, position

    def connected_on(self, day: int) -> bool:
        """Is this a 1st-degree connection on ``day``?"""
        return (
            self.connected is not None
            and self.connected <= day
            and (self.removed is None or self.removed > day)
        )

    def draft_shown(self, end: int) -> bool:
        """A draft shows until the export day, unless a newer message replaced it."""
        return self.draft is not None and self.draft <= end and self.events_until(end) == self.events_until(
            self.draft)

    def events_until(self, ts: int) -> int:
        """How many events happened at or before ``ts`` (events are sorted by time)."""
        return bisect_right(self.events, (ts << SHIFT) | LOW)


@dataclass(slots=True)
class Owner:
    first: str
    last: str
    slug: str
    email: str
    headline: str
    industry: str
    location: str
    summary: str
    positions: list[tuple[str, str, int, int | None]]  # company, title, start day, end day
    skills: list[str]
    joined: int
    lang: int = 0  # the owner's own language (index into texts.LANGUAGES)
    birthday: tuple[int, int] = (3, 14)  # month, day
    persona: str = "careful"

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def url(self) -> str:
        return f"https://www.linkedin.com/in/{self.slug}"


@dataclass(slots=True)
class Group:
    conversation: str
    title: str
    members: list[int]  # person indexes; the owner is implicit
    #: (ts, sender index or -1 for the owner, message family)
    messages: list[tuple[int, int, int]]
    lang: int = 0


@dataclass(slots=True)
class Sponsored:
    conversation: str
    title: str
    sender: str
    at: int
    lang: int = 0


@dataclass
class World:
    seed: int
    base_day: int
    owner: Owner
    people: list[Person]
    groups: list[Group]
    sponsored: list[Sponsored]
    endorsements: list[tuple[int, str, str, int]]  # person, 'received'|'given', skill, ts
    recommendations: list[tuple[int, str, str, int]]  # person, direction, text, ts
    company_follows: list[tuple[str, int]]
    contacts: list[tuple[str, str, str, str, int]]  # first, last, email, company, ts

    def connections_on(self, day: int) -> list[Person]:
        return [p for p in self.people if p.connected_on(day)]


def at_time(rng: random.Random, day: int) -> int:
    """A time of day on ``day``, weighted to working hours."""
    return day * DAY + int(rng.triangular(6, 22, 14) * 3600) + rng.randrange(3600)


def conversation_id(rng: random.Random) -> str:
    return "2-" + base64.b64encode(rng.getrandbits(320).to_bytes(40, "big")).decode()


def birthday_on_or_after(day: int, month: int, dom: int) -> int:
    """The first day on or after ``day`` that falls on ``month``/``dom`` (29 February: 1 March)."""
    d = date.fromordinal(day + EPOCH_ORDINAL)
    for year in (d.year, d.year + 1):
        try:
            b = date(year, month, dom)
        except ValueError:
            b = date(year, 3, 1)
        if b >= d:
            return b.toordinal() - EPOCH_ORDINAL
    raise AssertionError("unreachable")
