"""The synthetic network: an owner, their connections over the years, and everything they did.

A world is fixed by (seed, size, years, message target, base date) and simulated up to two years
past the base date. An export is a cut of the world on one day, so a later cut of the same world
is the owner's next export: the same people, new connections, removals, job changes and replies.
The records live in :mod:`~twoway.generator.model`, how people talk in
:mod:`~twoway.generator.behaviour`, everything around the threads in :mod:`~twoway.generator.extras`.
"""

from __future__ import annotations

import random
from datetime import date

from twoway.generator import names
from twoway.generator.behaviour import add_drafts, simulate, top_up, trim
from twoway.generator.content import DEFAULT_NOTES, INCOMING_PERSONAL, PERSONAL_NOTES, PITCH_NOTES, fill_note
from twoway.generator.extras import extras, groups_and_sponsored
from twoway.generator.model import (
    DAY,
    HORIZON_DAYS,
    Invitation,
    Owner,
    Person,
    World,
    at_time,
    conversation_id,
    date_of,
    day_of,
)

__all__ = ["HORIZON_DAYS", "Person", "World", "build", "date_of", "day_of"]


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
        day += rng.randint(400, 2400)  # about four years in a role on average, as on LinkedIn
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
    slugs: set[str] = set()  # profile URLs are unique, as on LinkedIn
    owner = _owner(rng, owner_name, base_day, span, taken, slugs)

    people: list[Person] = []

    def person(kind: str, start: int) -> Person:
        first, last = _unique_name(rng, taken)
        p = Person(
            idx=len(people), first=first, last=last, slug=names.slug(first, last, rng, slugs),
            email=names.email(first, last, rng), jobs=_career(rng, start - rng.randint(0, 3000), end_day),
            kind=kind, conversation=conversation_id(rng),
        )
        people.append(p)
        return p

    # The network on the base day: mostly spread over the years (denser lately), plus the newly
    # connected (nothing said yet) and strangers accepted from blank invitations.
    # The newly connected arrive at the recent pace: the share connected in the last year (the spread
    # below puts (365 / span) ** (1 / 1.4) of it there), two weeks' worth of it.
    recent_share = min(1.0, (365 / span) ** (1 / 1.4))
    n_new = min(connections, max(3, round(connections * recent_share * 14 / 365)))
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
    # About 1.5% a year disappear (removed, or the account closed); the first few within two months,
    # so the owner's next export shows some.
    for i, p in enumerate(rng.sample(current, max(3, round(len(current) * 0.03)))):
        p.removed = base_day + (rng.randint(1, 55) if i < 3 else rng.randint(1, HORIZON_DAYS))
    # People who are not connections: recruiters' InMail, pending invitations both ways.
    for _ in range(max(2, round(connections * 0.02))):
        p = person("recruiter", base_day)
        p.subject = rng.choice(("Opportunity at a fast-growing company", "Leadership role", "Quick question"))
    for _ in range(max(3, round(connections * 0.025))):
        pending = person("pending", base_day)
        pending.invitation = Invitation(
            rng.choice(("in", "in", "out")), at_time(rng, base_day + rng.randint(-200, HORIZON_DAYS)), "", False
        )

    _invitations(rng, owner, people, base_day)
    for p in people:
        simulate(p, rng, base_day, end_day)
    groups, sponsored = groups_and_sponsored(rng, people, base_day, end_day, connections, years)
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
    extras(rng, world, end_day)
    return world


def _owner(rng: random.Random, name: str | None, base_day: int, span: int, taken: set[str],
           slugs: set[str]) -> Owner:
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
        first=first, last=last, slug=names.slug(first, last or "x", rng, slugs), email=names.email(first, last, rng),
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
        sent = at_time(rng, p.connected - days)
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
