"""The synthetic network: an owner, their connections over the years, and everything they did.

A world is fixed by (seed, size, years, message target, base date, persona, language) and simulated up to two years
past the base date. An export is a cut of the world on one day, so a later cut of the same world
is the owner's next export: the same people, new connections, removals, job changes and replies.
The records live in :mod:`~twoway.generator.model`, how people talk in
:mod:`~twoway.generator.behaviour`, everything around the threads in :mod:`~twoway.generator.extras`.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from datetime import date

from twoway.errors import InputError
from twoway.generator import names
from twoway.generator.behaviour import Sim, simulate
from twoway.generator.content import subjects
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
from twoway.generator.personas import Persona
from twoway.generator.personas import persona as persona_spec
from twoway.generator.social import greetings, invitations, wishes
from twoway.generator.texts import LANGUAGES
from twoway.generator.touches import add_drafts, answered_attempts, open_questions, top_up, trim

__all__ = ["HORIZON_DAYS", "Person", "World", "build", "date_of", "day_of"]


def _unique_name(rng: random.Random, taken: set[str], lang: int = 0) -> tuple[str, str]:
    local = lang != 0 and rng.random() < 0.75
    tries = 0
    while True:
        tries += 1
        if local and tries <= 4:  # a local name, unless the few local pairs are taken
            first, last = rng.choice(names.LOCAL_FIRST[lang]), rng.choice(names.LOCAL_LAST[lang])
        else:
            first, last = rng.choice(names.FIRST_NAMES), rng.choice(names.LAST_NAMES)
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


def _kind(rng: random.Random, persona: Persona) -> str:
    """What a connection becomes: a real relationship (by how they answer), a courtesy-only tie,
    a pitcher, a recruiter, or (most of them) a tie that never hears a word."""
    roll = rng.random()
    if roll < persona.real:
        style = roll / persona.real
        return "quick" if style < 0.44 else "slow" if style < 0.79 else "never"
    roll -= persona.real
    for kind, share in (("courtesy", persona.courtesy), ("pitch", persona.pitcher),
                        ("recruiter", persona.recruiter_ties)):
        if roll < share:
            return kind
        roll -= share
    return "silent"


def _language(rng: random.Random, persona: Persona, owner_lang: int, kind: str) -> int:
    """The language of a thread: the owner's own with some contacts, English with the others, and
    now and then another one (a pitch from abroad, a colleague who prefers their language)."""
    other = 1 + rng.randrange(len(LANGUAGES) - 1)
    if owner_lang == 0:
        foreign = 0.08 if kind in ("recruiter", "inmail", "pitch") else 0.025
        return other if rng.random() < foreign else 0
    own = {"recruiter": 0.5, "inmail": 0.4, "pitch": 0.45}.get(kind, persona.own_language)
    roll = rng.random()
    if roll < own:
        return owner_lang
    return other if roll > 0.95 else 0


def _sessions(rng: random.Random, persona: Persona, first: int, last: int) -> list[int]:
    """The days the owner accepts the invitations waiting for them: every few days or weeks, and
    after a longer absence now and then, so invitations are accepted in batches."""
    low, high = persona.accept_gap
    days = []
    day = first
    while day <= last:
        days.append(day)
        # Invitations expire after about six months, so no wait is longer than that.
        day += rng.randint(low, high) if rng.random() < 0.8 else rng.randint(high, min(high * 3, 180))
    return days


def build(
    *,
    seed: int,
    connections: int,
    years: int,
    base: date,
    owner_name: str | None,
    messages: int | None,
    persona: str = "careful",
    language: str | None = None,
) -> World:
    spec = persona_spec(persona)
    rng = random.Random(seed)
    if language is not None and language not in LANGUAGES:
        raise InputError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    if language is not None:
        owner_lang = LANGUAGES.index(language)
    elif spec.own_language:
        owner_lang = 1 + rng.randrange(len(LANGUAGES) - 1)
    else:
        owner_lang = 0
    base_day = day_of(base)
    end_day = base_day + HORIZON_DAYS
    span = max(30, years * 365)
    taken: set[str] = set()
    slugs: set[str] = set()  # profile URLs are unique, as on LinkedIn
    owner = _owner(rng, owner_name, base_day, span, taken, slugs, owner_lang, spec)
    sessions = _sessions(rng, spec, base_day - span, end_day)

    people: list[Person] = []

    def person(kind: str, start: int) -> Person:
        lang = _language(rng, spec, owner_lang, kind)
        first, last = _unique_name(rng, taken, lang)
        p = Person(
            idx=len(people), first=first, last=last, slug=names.slug(first, last, rng, slugs),
            email=names.email(first, last, rng), jobs=_career(rng, start - rng.randint(0, 3000), end_day),
            kind=kind, conversation=conversation_id(rng), lang=lang,
        )
        people.append(p)
        return p

    def accepted(day: int, floor: int) -> int:
        """An invitation the owner accepted by ``day``: the latest session on or before it (not before ``floor``)."""
        k = bisect_right(sessions, day) - 1
        return sessions[k] if k >= 0 and sessions[k] >= floor else day

    def connect(p: Person, day: int, floor: int) -> None:
        p.direction = "out" if rng.random() < spec.out_share else "in"
        p.connected = accepted(day, floor) if p.direction == "in" else day

    # The network on the base day: mostly spread over the years (denser lately), plus the newly
    # connected (nothing said yet) and strangers accepted from blank invitations.
    # The newly connected arrive at the recent pace: the share connected in the last year (the spread
    # below puts (365 / span) ** (1 / 1.4) of it there), two weeks' worth of it.
    recent_share = min(1.0, (365 / span) ** (1 / 1.4))
    n_new = min(connections, max(3, round(connections * recent_share * 14 / 365)))
    n_strangers = min(connections - n_new, max(2, round(connections * 0.01)))
    for _ in range(connections - n_new - n_strangers):
        day = base_day - 14 - int((span - 14) * rng.random() ** 1.4)
        p = person(_kind(rng, spec), day)
        connect(p, day, base_day - span)
        p.hidden = rng.random() < 0.022
    for _ in range(n_new):
        p = person("new", base_day)
        connect(p, base_day - rng.randint(0, 13), base_day - 13)
    burst = base_day - rng.randint(20, 150)  # a burst of blank invitations accepted: suspicious accounts
    for i in range(n_strangers):
        p = person("silent", base_day)
        p.connected = burst + rng.randint(0, 2) if i < n_strangers * 0.6 else base_day - rng.randint(15, 170)
        p.direction = "in"
        p.invitation = Invitation("in", 0, "", False)
        if rng.random() < 0.5:
            p.jobs = [(p.jobs[0][0], "", "")]
    # Later connections, at the recent pace, for the owner's next exports.
    recent = sum(1 for p in people if p.connected is not None and p.connected > base_day - 365)
    for _ in range(round(recent / 365 * HORIZON_DAYS)):
        p = person(_kind(rng, spec), base_day)
        connect(p, base_day + rng.randint(1, HORIZON_DAYS), base_day + 1)
    # Former connections (removed before the base day) and removals to come.
    for _ in range(max(1, round(connections * 0.03))):
        day = base_day - 60 - int((span - 60) * rng.random())
        p = person(rng.choice(("quick", "slow", "never", "pitch", "courtesy", "silent")), day)
        p.connected = day
        p.direction = rng.choice(("in", "out"))
        p.removed = rng.randint(day + 20, base_day - 1)
        p.hidden = rng.random() < 0.2  # deleted accounts show as "LinkedIn Member"
    current = [p for p in people if p.connected_on(base_day) and not p.hidden and p.kind != "new"]
    # About 1.5% a year disappear (removed, or the account closed); the first few within two months,
    # so the owner's next export shows some.
    for i, p in enumerate(rng.sample(current, max(3, round(len(current) * 0.03)))):
        p.removed = base_day + (rng.randint(1, 55) if i < 3 else rng.randint(1, HORIZON_DAYS))
    # People who are not connections: recruiters' and pitchers' InMail, pending invitations both ways.
    for _ in range(max(2, round(connections * spec.recruiter_inmail))):
        person("recruiter", base_day)
    for _ in range(max(1, round(connections * spec.pitch_inmail))):
        person("inmail", base_day)
    for _ in range(max(3, round(connections * 0.025))):
        pending = person("pending", base_day)
        pending.invitation = Invitation(
            rng.choice(("in", "in", "out")), at_time(rng, base_day + rng.randint(-200, HORIZON_DAYS)), "", False
        )
    for p in people:
        if p.kind == "recruiter":
            p.subject = rng.choice(subjects(p.lang))

    greetings(rng, spec, people)
    wishes(rng, spec, owner, people, end_day)
    invitations(rng, owner, people, base_day, sessions)
    moves = tuple(start for _, _, start, _ in owner.positions[1:] if start > owner.joined)
    sim = Sim(rng, spec, base_day, end_day, owner.birthday, moves)
    for p in people:
        simulate(p, sim)
    answered_attempts(people, sim)
    open_questions(people, sim)
    # LinkedIn's filter catches some pitches: at least one thread of the base day's export is in SPAM.
    shown = [p for p in people if p.kind in ("pitch", "inmail") and p.events_until(base_day * DAY + DAY - 1)]
    if shown and not any(p.folder == "SPAM" for p in shown):
        rng.choice(shown).folder = "SPAM"
    groups, sponsored = groups_and_sponsored(rng, people, base_day, end_day, connections, years, owner_lang)
    if messages is not None:
        cut = base_day * DAY + DAY - 1
        fixed = sum(1 for s in sponsored if s.at <= cut) + sum(1 for g in groups for m in g.messages if m[0] <= cut)
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


def _owner(rng: random.Random, name: str | None, base_day: int, span: int, taken: set[str], slugs: set[str],
           lang: int, persona: Persona) -> Owner:
    if name:
        first, _, last = name.strip().partition(" ")
        taken.add(name.strip())
    else:
        if lang:
            first, last = rng.choice(names.LOCAL_FIRST[lang]), rng.choice(names.LOCAL_LAST[lang])
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
    headline = f"{title} at {company} | Building two-way networks"
    if persona.name == "recruiter_magnet":
        headline = f"{title} at {company} | Python · Spark · Kubernetes"
    return Owner(
        first=first, last=last, slug=names.slug(first, last or "x", rng, slugs), email=names.email(first, last, rng),
        headline=headline, industry=rng.choice(names.INDUSTRIES),
        location=rng.choice(names.LOCAL_CITIES[lang]) if lang else rng.choice(names.CITIES),
        summary="I connect people and ideas.\nAsk me about data teams, hiring and product strategy.",
        positions=positions, skills=rng.sample(names.SKILLS, 12), joined=joined, lang=lang,
        birthday=(rng.randint(1, 12), rng.randint(1, 28)), persona=persona.name,
    )
