"""The social layer of a generated network: greetings after connecting, birthday and work-anniversary wishes,
and the invitations behind each connection (notes in the sender's language, LinkedIn's default text or none)."""

from __future__ import annotations

import random
from bisect import bisect_right
from datetime import date

from twoway.generator.content import ANNIVERSARY, BIRTHDAY, CONGRATS, fill_note, note_templates
from twoway.generator.model import DAY, Invitation, Owner, Person, at_time, birthday_on_or_after, date_of, day_of
from twoway.generator.personas import Persona

__all__ = ["greetings", "invitations", "wishes"]


def greetings(rng: random.Random, persona: Persona, people: list[Person]) -> None:
    """Thank-you floods: after some batches of accepted invitations, many of those accepted write
    "thanks for connecting"; now and then the owner thanks a whole (not too big) batch; and some of
    those who accepted the owner's invitations get a thank-you."""
    batches: dict[int, list[Person]] = {}
    for p in people:
        if p.connected is None or p.kind in ("pending", "inmail") or p.invitation is not None:
            continue  # the strangers' burst (blank invitations, set before) writes nothing
        if p.direction == "in":
            batches.setdefault(p.connected, []).append(p)
        elif p.direction == "out" and rng.random() < persona.thank_accepted:
            p.greeted = 2
    for batch in batches.values():
        if len(batch) < 8:
            continue
        if rng.random() < persona.flood:
            for p in batch:
                if rng.random() < persona.flood_rate:
                    p.greeted = 1
        if len(batch) <= 40 and rng.random() < persona.thank_batch:  # nobody thanks 200 people one by one
            for p in batch:
                if not p.greeted and rng.random() < 0.9:
                    p.greeted = 2


def wishes(rng: random.Random, persona: Persona, owner: Owner, people: list[Person], end_day: int) -> None:
    """Courtesies to the owner from across the network: birthday wishes every year, congratulations
    on each new job and on work anniversaries, each from members connected on that day."""
    month, dom = owner.birthday
    moments: list[tuple[int, int, float]] = []  # day, family, share of the network that writes
    day = birthday_on_or_after(owner.joined, month, dom)
    while day <= end_day:
        moments.append((day, BIRTHDAY, persona.birthday_wishes))
        day = birthday_on_or_after(day + 1, month, dom)
    for _, _, start, _ in owner.positions[1:]:
        if start > owner.joined:
            moments.append((start, CONGRATS, persona.job_wishes))
    _, _, start, _ = owner.positions[-1]
    first = date_of(start)
    for year in range(first.year + 1, date_of(end_day).year + 1):
        moments.append((birthday_on_or_after(day_of(date(year, 1, 1)), first.month, min(first.day, 28)),
                        ANNIVERSARY, persona.anniversary_wishes))
    linked = sorted((p for p in people if p.connected is not None and p.kind not in ("pitch", "recruiter")),
                    key=lambda p: (p.connected or 0, p.idx))
    starts = [p.connected or 0 for p in linked]
    for day, family, share in moments:
        if day > end_day:
            continue
        n = bisect_right(starts, day - 1)
        want = int(n * share + rng.random())
        for _ in range(want * 2):  # a few draws land on members removed by then: skip those
            if want <= 0 or n == 0:
                break
            p = linked[rng.randrange(n)]
            if not p.connected_on(day):
                continue
            when = day + (rng.randint(0, 12) if family == CONGRATS else rng.choice((0, 0, 0, 1)))
            if p.wishes is None:
                p.wishes = []
            p.wishes.append((when, family))
            want -= 1


def invitations(rng: random.Random, owner: Owner, people: list[Person], base_day: int, sessions: list[int]) -> None:
    """Invitations behind the connections of the last ~18 months (before and after the base day).

    An invitation the owner accepted was sent while it waited for the owner's next session (days to
    months before); one the owner sent was accepted within days.
    """
    for p in people:
        if p.kind == "pending":
            assert p.invitation is not None
            p.invitation.note_kind, p.invitation.lang, p.invitation.note = _note(rng, p, owner, p.invitation.direction)
            continue
        if p.connected is None or p.connected < base_day - 540 or p.hidden:
            continue
        if p.invitation is None:
            direction = p.direction or ("out" if rng.random() < 0.55 else "in")
            kind, lang, note = _note(rng, p, owner, direction)
        else:
            direction, kind, lang, note = p.invitation.direction, "", p.lang, ""  # strangers: blank invitations
        if direction == "in":
            k = bisect_right(sessions, p.connected - 1) - 1
            waited = p.connected - sessions[k] - 1 if k >= 0 else 30
            days = rng.randint(0, max(0, min(waited, 170)))
        else:
            lag = rng.random()
            days = 0 if lag < 0.3 else 1 if lag < 0.65 else rng.randint(2, 25)
        sent = at_time(rng, p.connected - days)
        if days == 0:
            sent = min(sent, p.connected * DAY + DAY - 1)
        p.invitation = Invitation(direction, sent, note, rng.random() < 0.05, kind, lang)


def _note(rng: random.Random, p: Person, owner: Owner, direction: str) -> tuple[str, int, str]:
    """(note kind, language, text) of an invitation: mostly blank, some personal (in the language the
    two write in), some LinkedIn's default text (in the sender's own language: LinkedIn writes it in
    the sender's interface language), and pitches and recruiters introducing themselves."""
    roll = rng.random()
    company = p.job_on(p.jobs[-1][0])[0]
    if direction == "out":
        if roll < 0.82:
            return "", p.lang, ""
        kind, key = ("personal", "personal_out") if roll < 0.94 else ("default", "default")
    elif p.kind in ("pitch", "inmail") and roll < 0.3:
        kind, key = "pitch", "pitch"
    elif p.kind == "recruiter" and roll < 0.3:
        kind, key = "recruiter", "recruiter"
    elif roll < 0.88:
        return "", p.lang, ""
    elif roll < 0.94:
        kind, key = "personal", "personal_in"
    elif roll < 0.97:
        kind, key = "default", "default"
    else:
        kind, key = "pitch", "pitch"
    lang = owner.lang if direction == "out" and kind == "default" else p.lang
    templates = [t for t in note_templates(lang, key) if company or "{company}" not in t]
    return kind, lang, fill_note(rng.choice(templates), p.first, owner.first, company)
