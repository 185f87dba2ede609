"""Around the direct threads: group chats, sponsored messages, endorsements, recommendations,
company follows and the address book.
"""

from __future__ import annotations

import random

from twoway.generator import names
from twoway.generator.content import GROUP_C, GROUP_N, GROUP_Q, group_titles, sponsored_titles
from twoway.generator.model import DAY, Group, Owner, Person, Sponsored, World, at_time, conversation_id


def groups_and_sponsored(
    rng: random.Random, people: list[Person], base_day: int, end_day: int, connections: int, years: int,
    owner_lang: int = 0,
) -> tuple[list[Group], list[Sponsored]]:
    """Group chats among real ties, and LinkedIn's sponsored InMail (mostly in the owner's language)."""
    talkers = [p.idx for p in people if p.kind in ("quick", "slow") and not p.hidden and p.removed is None]
    groups: list[Group] = []
    for n in range(min(5, connections // 250) if len(talkers) >= 6 else 0):
        lang = owner_lang if owner_lang and rng.random() < 0.6 else 0
        titles = group_titles(lang)
        members = rng.sample(talkers, rng.randint(2, 5))
        start = base_day - rng.randint(20, 900)
        msgs: list[tuple[int, int, int]] = []
        at = at_time(rng, start)
        for _ in range(rng.randint(4, 14)):
            roll = rng.random()
            family = GROUP_Q if roll < 0.3 else GROUP_N if roll < 0.6 else GROUP_C
            msgs.append((at, rng.choice([-1, *members]), family))
            at += rng.randint(300, 3 * DAY)
        senders = {m[1] for m in msgs}
        if len(senders) < 3:  # a group chat has three or more voices
            msgs.append((at, next(m for m in [-1, *members] if m not in senders), GROUP_C))
        groups.append(Group(conversation_id(rng), titles[n % len(titles)], members, msgs, lang))

    def language() -> int:
        return owner_lang if owner_lang and rng.random() < 0.5 else 1 + rng.randrange(6) if rng.random() < 0.03 else 0

    sponsored: list[Sponsored] = []
    for _ in range(max(2, round(connections * 0.01) + years * 2)):
        lang = language()
        sponsored.append(Sponsored(
            conversation_id(rng), rng.choice(sponsored_titles(lang)),
            "LinkedIn Member" if rng.random() < 0.4 else f"{rng.choice(names.FIRST_NAMES)} at "
            f"{names.company(rng)}",
            at_time(rng, base_day - int(min(years * 365, 1500) * rng.random() ** 0.7)), lang,
        ))
    for _ in range(max(1, round(connections * 0.004))):
        lang = language()
        sponsored.append(Sponsored(conversation_id(rng), rng.choice(sponsored_titles(lang)), "LinkedIn Member",
                                   at_time(rng, base_day + rng.randint(1, end_day - base_day)), lang))
    return groups, sponsored


def extras(rng: random.Random, world: World, end_day: int) -> None:
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
                world.endorsements.append((p.idx, "received", skill, at_time(rng, rng.randint(p.connected, last))))
        if rng.random() < 0.05:
            for skill in rng.sample(names.SKILLS, rng.randint(1, 2)):
                world.endorsements.append((p.idx, "given", skill, at_time(rng, rng.randint(p.connected, last))))
        if p.kind in ("quick", "slow") and rng.random() < 0.012:
            world.recommendations.append((p.idx, "received", _recommendation(p, owner, True), at_time(
                rng, rng.randint(p.connected, last))))
        if p.kind in ("quick", "slow") and rng.random() < 0.01:
            world.recommendations.append((p.idx, "given", _recommendation(p, owner, False), at_time(
                rng, rng.randint(p.connected, last))))
    # At least one of each, from someone who stays connected, so every era's files have rows to check.
    steady = [p for p in linked if p.removed is None and p.connected is not None and p.connected < base_day - 60]
    for direction in ("received", "given"):
        if steady and not any(r[1] == direction and r[3] < base_day * DAY and world.people[r[0]].removed is None
                              for r in world.recommendations):
            p = rng.choice(steady)
            assert p.connected is not None
            world.recommendations.append((p.idx, direction, _recommendation(p, owner, direction == "received"),
                                          at_time(rng, rng.randint(p.connected + 1, base_day - 1))))
    follows = {names.company(rng) for _ in range(rng.randint(15, 60))}
    world.company_follows = [(c, at_time(rng, base_day - rng.randint(1, 2500))) for c in sorted(follows)]
    for p in rng.sample(linked, min(len(linked), max(5, len(linked) // 12))):
        world.contacts.append((p.first, p.last, p.email, p.jobs[0][1], at_time(rng, base_day - rng.randint(30, 2000))))
    for _ in range(max(3, len(linked) // 40)):
        given, family = rng.choice(names.FIRST_NAMES), rng.choice(names.LAST_NAMES)
        world.contacts.append((given, family, names.email(given, family, rng), "",
                               at_time(rng, base_day - rng.randint(30, 2000))))
    world.recommendations.sort(key=lambda r: r[3])


def _recommendation(p: Person, owner: Owner, received: bool) -> str:
    if received:
        return (f"{owner.first} is one of the most thoughtful colleagues I have worked with. "
                f"They made our team better, and I would gladly work with {owner.first} again.")
    return (f"I had the pleasure of working with {p.first} for two years. {p.first} brings clarity, "
            f"kindness & rigour to every project.")
