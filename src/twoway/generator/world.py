"""The synthetic network: an owner, their connections over the years, and everything they did.

A world is fixed by (seed, size, years, message target, base date) and simulated up to two years
past the base date. An export is a cut of the world on one day, so a later cut of the same world
is the owner's next export: the same people, new connections, removals, job changes and replies.
Days are integers (days since 1970-01-01) and times epoch seconds, so nothing formats dates here.
"""

from __future__ import annotations

import random
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from twoway.generator import names
from twoway.generator.behaviour import add_drafts, simulate, top_up, trim
from twoway.generator.content import DEFAULT_NOTES, INCOMING_PERSONAL, PERSONAL_NOTES, PITCH_NOTES, fill_note

DAY = 86_400
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
#: How far past the base date the world is simulated; later exports must fall inside it.
HORIZON_DAYS = 730


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


@dataclass(slots=True, eq=False)
class Person:
    idx: int
    first: str
    last: str
    slug: str
    email: str
    #: (since day, company, position), oldest first.
    jobs: list[tuple[int, str, str]]
    kind: str  # quick | slow | never | silent | pitch | new | recruiter | pending
    connected: int | None = None  # day the connection was made
    removed: int | None = None  # day the owner removed it
    hidden: bool = False  # closed or hidden profile: a date-only row, "LinkedIn Member" in messages
    invitation: Invitation | None = None
    events: array = field(default_factory=lambda: array("q"))  # type: ignore[type-arg]
    draft: int | None = None  # epoch seconds of an unsent draft
    folder: str = "INBOX"
    conversation: str = ""
    subject: str = ""

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
        return bisect_right(self.events, (ts << 6) | 63)


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
    #: (ts, sender index or -1 for the owner)
    messages: list[tuple[int, int]]


@dataclass(slots=True)
class Sponsored:
    conversation: str
    title: str
    sender: str
    at: int


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


def _conversation_id(rng: random.Random) -> str:
    import base64

    return "2-" + base64.b64encode(rng.getrandbits(320).to_bytes(40, "big")).decode()


def _unique_name(rng: random.Random, taken: set[str]) -> tuple[str, str]:
    while True:
        first = rng.choice(names.FIRST_NAMES)
        last = rng.choice(names.LAST_NAMES)
        roll = rng.random()
        if roll < 0.04:
            last += rng.choice(names.CREDENTIALS)
        elif roll < 0.05:
            last += rng.choice(names.EMOJI)
        if f"{first} {last}" not in taken:
            taken.add(f"{first} {last}")
            return first, last
        if rng.random() < 0.3:  # large networks exhaust the plain pairs: add a middle initial
            first = f"{first} {chr(65 + rng.randrange(26))}."
            if f"{first} {last}" not in taken:
                taken.add(f"{first} {last}")
                return first, last


def _career(rng: random.Random, start: int, end: int) -> list[tuple[int, str, str]]:
    """A job history from ``start`` to ``end``: moves every few years, some promotions in place."""
    if rng.random() < 0.08:
        return [(start, "", "")]  # no company or position shown: a thin (or fake) profile
    company, position = names.company(rng), names.title(rng)
    jobs = [(start, company, position)]
    day = start
    while True:
        day += rng.randint(250, 1600)
        if day > end:
            return jobs
        if rng.random() < 0.35:
            position = names.promoted(position, rng)
        else:
            company, position = names.company(rng), names.promoted(position, rng)
        jobs.append((day, company, position))


_KIND_MIX = (("quick", 0.30), ("slow", 0.24), ("never", 0.14), ("silent", 0.27), ("pitch", 0.05))


def _kind(rng: random.Random) -> str:
    roll = rng.random()
    for kind, share in _KIND_MIX:
        if roll < share:
            return kind
        roll -= share
    return "silent"


def build(
    *,
    seed: int,
    connections: int,
    years: int,
    base: date,
    owner_name: str | None,
    messages: int | None,
) -> World:
    rng = random.Random(seed)
    base_day = day_of(base)
    end_day = base_day + HORIZON_DAYS
    span = max(30, years * 365)
    taken: set[str] = set()
    owner = _owner(rng, owner_name, base_day, span, taken)

    people: list[Person] = []

    def person(kind: str, start: int) -> Person:
        first, last = _unique_name(rng, taken)
        p = Person(
            idx=len(people), first=first, last=last, slug=names.slug(first, last, rng),
            email=names.email(first, last, rng), jobs=_career(rng, start - rng.randint(0, 3000), end_day),
            kind=kind, conversation=_conversation_id(rng),
        )
        people.append(p)
        return p

    # The network on the base day: mostly spread over the years (denser lately), plus the newly
    # connected (nothing said yet) and strangers accepted from blank invitations.
    n_new = min(connections, max(3, round(connections * 0.012)))
    n_strangers = min(connections - n_new, max(2, round(connections * 0.01)))
    for _ in range(connections - n_new - n_strangers):
        day = base_day - 14 - int((span - 14) * rng.random() ** 1.4)
        p = person(_kind(rng), day)
        p.connected = day
        p.hidden = rng.random() < 0.022
    for _ in range(n_new):
        p = person("new", base_day)
        p.connected = base_day - rng.randint(0, 13)
    burst = base_day - rng.randint(20, 150)  # a burst of blank invitations accepted: suspicious accounts
    for i in range(n_strangers):
        p = person("silent", base_day)
        p.connected = burst + rng.randint(0, 2) if i < n_strangers * 0.6 else base_day - rng.randint(15, 170)
        p.invitation = Invitation("in", 0, "", False)
        if rng.random() < 0.5:
            p.jobs = [(p.jobs[0][0], "", "")]
    # Later connections, at the recent pace, for the owner's next exports.
    recent = sum(1 for p in people if p.connected is not None and p.connected > base_day - 365)
    for _ in range(round(recent / 365 * HORIZON_DAYS)):
        p = person(_kind(rng), base_day)
        p.connected = base_day + rng.randint(1, HORIZON_DAYS)
    # Former connections (removed before the base day) and removals to come.
    for _ in range(max(1, round(connections * 0.03))):
        day = base_day - 60 - int((span - 60) * rng.random())
        p = person(rng.choice(("quick", "slow", "never", "pitch")), day)
        p.connected = day
        p.removed = rng.randint(day + 20, base_day - 1)
        p.hidden = rng.random() < 0.2  # deleted accounts show as "LinkedIn Member"
    current = [p for p in people if p.connected_on(base_day) and not p.hidden and p.kind != "new"]
    for p in rng.sample(current, max(1, round(len(current) * 0.015))):
        assert p.connected is not None
        p.removed = base_day + rng.randint(1, HORIZON_DAYS)
    # People who are not connections: recruiters' InMail, pending invitations both ways.
    for _ in range(max(2, round(connections * 0.02))):
        p = person("recruiter", base_day)
        p.subject = rng.choice(("Opportunity at a fast-growing company", "Leadership role", "Quick question"))
    for _ in range(max(3, round(connections * 0.025))):
        pending = person("pending", base_day)
        pending.invitation = Invitation(
            rng.choice(("in", "in", "out")), _time(rng, base_day + rng.randint(-200, HORIZON_DAYS)), "", False
        )

    _invitations(rng, owner, people, base_day)
    for p in people:
        simulate(p, rng, base_day, end_day)
    groups, sponsored = _groups_and_sponsored(rng, people, base_day, end_day, connections, years)
    if messages is not None:
        cut = base_day * DAY + DAY - 1
        fixed = sum(1 for s in sponsored if s.at <= cut) + sum(1 for g in groups for at, _ in g.messages if at <= cut)
        direct = sum(p.events_until(cut) for p in people)
        target = max(0, messages - fixed)
        if target > direct:
            top_up(people, rng, base_day, target - direct)
        elif target < direct:
            trim(people, base_day, direct - target)
    add_drafts(people, rng, base_day)
    world = World(
        seed=seed, base_day=base_day, owner=owner, people=people, groups=groups, sponsored=sponsored,
        endorsements=[], recommendations=[], company_follows=[], contacts=[],
    )
    _extras(rng, world, end_day)
    return world


def _time(rng: random.Random, day: int) -> int:
    """A time of day on ``day``, weighted to working hours."""
    return day * DAY + int(rng.triangular(6, 22, 14) * 3600) + rng.randrange(3600)


def _owner(rng: random.Random, name: str | None, base_day: int, span: int, taken: set[str]) -> Owner:
    if name:
        first, _, last = name.strip().partition(" ")
        taken.add(name.strip())
    else:
        first, last = rng.choice(names.FIRST_NAMES), rng.choice(names.LAST_NAMES)
        taken.add(f"{first} {last}")
    joined = base_day - span - rng.randint(30, 400)
    positions: list[tuple[str, str, int, int | None]] = []
    day = joined - rng.randint(300, 2000)
    while True:
        nxt = day + rng.randint(500, 1500)
        end: int | None = nxt if nxt < base_day else None
        positions.append((names.company(rng), names.title(rng), day, end))
        if end is None:
            break
        day = nxt + rng.randint(0, 60)
    company, title = positions[-1][0], positions[-1][1]
    return Owner(
        first=first, last=last, slug=names.slug(first, last or "x", rng), email=names.email(first, last, rng),
        headline=f"{title} at {company} | Building two-way networks", industry=rng.choice(names.INDUSTRIES),
        location=rng.choice(names.CITIES),
        summary="I connect people and ideas.\nAsk me about data teams, hiring and product strategy.",
        positions=positions, skills=rng.sample(names.SKILLS, 12), joined=joined,
    )


def _invitations(rng: random.Random, owner: Owner, people: list[Person], base_day: int) -> None:
    """Invitations behind the connections of the last ~18 months (before and after the base day)."""
    for p in people:
        if p.kind == "pending":
            assert p.invitation is not None
            p.invitation.note = _note(rng, p, owner, p.invitation.direction)
            continue
        if p.connected is None or p.connected < base_day - 540 or p.hidden:
            continue
        if p.invitation is None:
            direction = "out" if rng.random() < 0.55 else "in"
            note = _note(rng, p, owner, direction)
        else:
            direction, note = p.invitation.direction, ""  # strangers: blank invitations
        lag = rng.random()
        days = 0 if lag < 0.3 else 1 if lag < 0.65 else rng.randint(2, 25)
        sent = _time(rng, p.connected - days)
        if days == 0:
            sent = min(sent, p.connected * DAY + DAY - 1)
        p.invitation = Invitation(direction, sent, note, rng.random() < 0.05)


def _note(rng: random.Random, p: Person, owner: Owner, direction: str) -> str:
    roll = rng.random()
    company = p.job_on(p.jobs[-1][0])[0]
    if direction == "out":
        if roll < 0.82:
            return ""
        template = rng.choice(PERSONAL_NOTES if roll < 0.94 else DEFAULT_NOTES)
    else:
        if roll < 0.88:
            return ""
        template = rng.choice(INCOMING_PERSONAL if roll < 0.94 else PITCH_NOTES + DEFAULT_NOTES)
    return fill_note(template, p.first, owner.first, company)


def _groups_and_sponsored(
    rng: random.Random, people: list[Person], base_day: int, end_day: int, connections: int, years: int
) -> tuple[list[Group], list[Sponsored]]:
    from twoway.generator.content import GROUP_TITLES, SPONSORED_TITLES

    talkers = [p.idx for p in people if p.kind in ("quick", "slow") and not p.hidden and p.removed is None]
    groups: list[Group] = []
    for title in GROUP_TITLES[: min(5, connections // 250) if len(talkers) >= 6 else 0]:
        members = rng.sample(talkers, rng.randint(2, 5))
        start = base_day - rng.randint(20, 900)
        msgs: list[tuple[int, int]] = []
        at = _time(rng, start)
        for _ in range(rng.randint(4, 14)):
            msgs.append((at, rng.choice([-1, *members])))
            at += rng.randint(300, 3 * DAY)
        senders = {s for _, s in msgs}
        if len(senders) < 3:  # a group chat has three or more voices
            msgs.append((at, next(m for m in [-1, *members] if m not in senders)))
        groups.append(Group(_conversation_id(rng), title, members, msgs))
    sponsored = [
        Sponsored(
            _conversation_id(rng), rng.choice(SPONSORED_TITLES),
            "LinkedIn Member" if rng.random() < 0.4 else f"{rng.choice(names.FIRST_NAMES)} at "
            f"{names.company(rng)}",
            _time(rng, base_day - int(min(years * 365, 1500) * rng.random() ** 0.7)),
        )
        for _ in range(max(2, round(connections * 0.01) + years * 2))
    ]
    sponsored += [
        Sponsored(_conversation_id(rng), rng.choice(SPONSORED_TITLES), "LinkedIn Member",
                  _time(rng, base_day + rng.randint(1, end_day - base_day)))
        for _ in range(max(1, round(connections * 0.004)))
    ]
    return groups, sponsored


def _extras(rng: random.Random, world: World, end_day: int) -> None:
    """Endorsements, recommendations, company follows and the address book."""
    base_day = world.base_day
    owner = world.owner
    linked = [p for p in world.people if p.connected is not None and not p.hidden and p.kind != "recruiter"]
    for p in linked:
        assert p.connected is not None
        last = min(p.removed or end_day, end_day)
        if last <= p.connected + 2:
            continue
        if rng.random() < 0.09:
            for skill in rng.sample(owner.skills, rng.randint(1, 3)):
                world.endorsements.append((p.idx, "received", skill, _time(rng, rng.randint(p.connected, last))))
        if rng.random() < 0.05:
            for skill in rng.sample(names.SKILLS, rng.randint(1, 2)):
                world.endorsements.append((p.idx, "given", skill, _time(rng, rng.randint(p.connected, last))))
        if p.kind in ("quick", "slow") and rng.random() < 0.012:
            world.recommendations.append((p.idx, "received", _recommendation(p, owner, True), _time(
                rng, rng.randint(p.connected, last))))
        if p.kind in ("quick", "slow") and rng.random() < 0.01:
            world.recommendations.append((p.idx, "given", _recommendation(p, owner, False), _time(
                rng, rng.randint(p.connected, last))))
    # At least one of each, from someone who stays connected, so every era's files have rows to check.
    steady = [p for p in linked if p.removed is None and p.connected is not None and p.connected < base_day - 60]
    for direction in ("received", "given"):
        if steady and not any(r[1] == direction and r[3] < base_day * DAY and world.people[r[0]].removed is None
                              for r in world.recommendations):
            p = rng.choice(steady)
            assert p.connected is not None
            world.recommendations.append((p.idx, direction, _recommendation(p, owner, direction == "received"),
                                          _time(rng, rng.randint(p.connected + 1, base_day - 1))))
    follows = {names.company(rng) for _ in range(rng.randint(15, 60))}
    world.company_follows = [(c, _time(rng, base_day - rng.randint(1, 2500))) for c in sorted(follows)]
    for p in rng.sample(linked, min(len(linked), max(5, len(linked) // 12))):
        world.contacts.append((p.first, p.last, p.email, p.jobs[0][1], _time(rng, base_day - rng.randint(30, 2000))))
    for _ in range(max(3, len(linked) // 40)):
        given, family = rng.choice(names.FIRST_NAMES), rng.choice(names.LAST_NAMES)
        world.contacts.append((given, family, names.email(given, family, rng), "",
                               _time(rng, base_day - rng.randint(30, 2000))))
    world.recommendations.sort(key=lambda r: r[3])


def _recommendation(p: Person, owner: Owner, received: bool) -> str:
    if received:
        return (f"{owner.first} is one of the most thoughtful colleagues I have worked with. "
                f"They made our team better, and I would gladly work with {owner.first} again.")
    return (f"I had the pleasure of working with {p.first} for two years. {p.first} brings clarity, "
            f"kindness & rigour to every project.")
