"""The owner's other channels for the demo: a mailbox, a calendar and an address book that overlap the LinkedIn
export the way real ones do.

Most connections are only on LinkedIn. Some of those LinkedIn shows as silent are in fact colleagues the owner
e-mails both ways; some were met in person (the calendar); some people are not on LinkedIn at all (mail, a
weekly stand-up, address-book cards); newsletters and no-reply mail fill the inbox; and a few address-book
cards hold a connection under a name variant and a private address, so there is a likely match to review.
Addresses reach connections the ways they really do: Connections.csv when the connection shares theirs, an
address-book card holding the profile URL and the address otherwise.

The cast is drawn from the export's own Connections.csv and messages.csv (read back like
``GeneratedExport.message_truth``), so it fits any era and size; the seed fixes it. No real person's data:
names come from the generator's lists, addresses are at example.com, example.org and example.net.
"""

from __future__ import annotations

import csv
import io
import random
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from twoway.contacts.writer import OutCard, vcard_text
from twoway.generator import names
from twoway.generator.mailfiles import Mail, write_calendar, write_mbox
from twoway.generator.writer import GeneratedExport

#: Shares of the connections LinkedIn shows as silent, and bounds, for each kind of relationship elsewhere.
EMAIL_SHARE, EMAIL_BOUNDS = 0.06, (6, 60)
MET_SHARE, MET_BOUNDS = 0.03, (4, 30)
OUTSIDE_BOUNDS = (6, 40)  # people not on LinkedIn at all
VARIANTS = 2  # connections who are also in the address book under another name and a private address

ASKS = ("Could you send me the latest figures before Thursday?", "Do you have 30 minutes next week to go "
        "over the proposal?", "Would you be up for reviewing the draft before we send it out?",
        "Can we move our call to Friday morning?", "Any chance you could introduce me to your data team?")
ANSWERS = ("Here they are: the numbers look better than we expected.", "Tuesday at 10 works for me, I booked a "
           "room.", "Happy to, I left my comments in the document.", "Friday works, same link as last time.",
           "Done: I copied Sam from the data team, he is expecting you.")
SUBJECTS = ("Figures for Thursday", "The proposal", "Draft for review", "Our call", "An introduction")
THANKS = ("Thanks, that helps a lot!", "Great, thank you!", "Perfect, thanks again.")
MEETINGS = ("Coffee", "Lunch", "Intro call", "Quarterly review", "Workshop follow-up")
NEWSLETTERS = (("The Weekly Brief", "news@brief.example.com", "brief.example.com"),
               ("Product Updates", "updates@tools.example.net", "updates.tools.example.net"))
NO_REPLY = (("Travel Desk", "no-reply@travel.example.org", "Your booking is confirmed"),
            ("Expense System", "noreply@expenses.example.com", "Your report was approved"))


@dataclass(frozen=True)
class Person:
    name: str
    first: str
    last: str
    email: str
    url: str = ""
    company: str = ""
    title: str = ""
    shared_email: bool = False  # Connections.csv holds this address


@dataclass
class Channels:
    """Where the generated files are, and the truth they hold (for tests)."""

    mail: Path
    calendar: Path
    contacts: Path
    owner_email: str
    by_email: list[str] = field(default_factory=list)  # connections LinkedIn shows silent, two-way by e-mail
    met: list[str] = field(default_factory=list)  # connections met in person (calendar)
    outside: list[str] = field(default_factory=list)  # people not on LinkedIn
    variants: list[tuple[str, str]] = field(default_factory=list)  # (connection, the name on their other card)
    messages: int = 0
    newsletters: int = 0
    events: int = 0
    cards: int = 0


def generate_channels(export: GeneratedExport, dest: Path, *, seed: int = 0) -> Channels:
    """Write ``Mail/`` (Inbox and Sent mbox files), ``calendar.ics`` and ``contacts.vcf`` into ``dest`` for the
    owner of ``export``, up to its export day."""
    rng = random.Random(f"channels-{seed}")
    today = export.exported_on
    connections = _connections(export)
    talked = _names_in_messages(export)
    silent = [p for p in connections if p.name not in talked]
    rng.shuffle(silent)
    n_email = _share(len(connections), EMAIL_SHARE, EMAIL_BOUNDS, len(silent) // 2)
    n_met = _share(len(connections), MET_SHARE, MET_BOUNDS, (len(silent) - n_email) // 2)
    by_email, met = silent[:n_email], silent[n_email:n_email + n_met]
    accented = sorted((p for p in silent[n_email + n_met:] if _plain(p.name) != p.name), key=lambda p: p.name)
    rest = [p for p in silent[n_email + n_met:] if p not in accented]
    variants = (accented + rest)[:VARIANTS]
    colleague = [p for p in rest if p not in variants][-1:]  # in the stand-up: silent on LinkedIn too
    outside = [_invented(rng) for _ in range(_share(len(connections), EMAIL_SHARE / 2, OUTSIDE_BOUNDS, 10**6))]
    first, _, last = export.owner_name.partition(" ")
    owner = Person(export.owner_name, first, last, _address(first, last or "me", "example.com"))
    mails: list[Mail] = []
    for p in by_email + outside[: len(outside) * 2 // 3]:
        mails += _threads(rng, owner, p, today, rng.randint(2, 6))
    for p in met[::2]:
        mails += _threads(rng, owner, p, today, 1)
    twins = [_twin(rng, p) for p in variants]
    for twin in twins:
        mails += _threads(rng, owner, twin, today, 1)
    bulk = _bulk(rng, owner, today)
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "Mail").mkdir(exist_ok=True)
    write_mbox(dest / "Mail" / "Sent.mbox", [m for m in mails if m.sender == owner.email])
    write_mbox(dest / "Mail" / "Inbox.mbox", sorted([m for m in mails if m.sender != owner.email] + bulk,
                                                    key=lambda m: m.at))
    events = _events(rng, owner, met, outside, colleague, today)
    write_calendar(dest / "calendar.ics", events, owner)
    cards = [_card(p, with_url=not p.shared_email) for p in by_email + met]
    cards += [_card(p, with_url=False) for p in outside]
    cards += [_card(t, with_url=False) for t in twins]
    rng.shuffle(cards)
    (dest / "contacts.vcf").write_text(vcard_text(cards), encoding="utf-8", newline="")
    return Channels(dest / "Mail", dest / "calendar.ics", dest / "contacts.vcf", owner.email,
                    [p.name for p in by_email], [p.name for p in met], [p.name for p in outside],
                    [(p.name, t.name) for p, t in zip(variants, twins, strict=True)], len(mails), len(bulk),
                    len(events), len(cards))


def _share(total: int, share: float, bounds: tuple[int, int], most: int) -> int:
    return max(0, min(most, max(bounds[0], min(bounds[1], round(total * share)))))


def _plain(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _address(first: str, last: str, domain: str) -> str:
    """first.last@domain in plain letters (credentials after a comma, emoji and accents left out)."""
    words = [re.sub(r"[^a-z0-9]", "", _plain(w).lower()) for w in (first, last.split(",")[0])]
    return f"{'.'.join(w for w in words if w) or 'someone'}@{domain}"


def _connections(export: GeneratedExport) -> list[Person]:
    """The export's Connections.csv as people (its preamble skipped), whatever the era's columns."""
    name = next(f for f in export.files if f.lower() == "connections.csv")
    if export.path.suffix == ".zip":
        with zipfile.ZipFile(export.path) as zf:
            data = zf.read(name)
    else:
        data = (export.path / name).read_bytes()
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    start = next(i for i, r in enumerate(rows) if r[:1] == ["First Name"])
    col = {h: i for i, h in enumerate(rows[start])}
    out = []
    for r in rows[start + 1:]:
        def get(h: str, r: list[str] = r) -> str:
            return r[col[h]].strip() if h in col and col[h] < len(r) else ""

        first, last = get("First Name"), get("Last Name")
        if not first or not last:
            continue  # a hidden member: nobody mails "LinkedIn Member"
        shared = get("Email Address")
        email = shared or _address(first, last, "example.org")
        out.append(Person(f"{first} {last}", first, last, email, get("URL"), get("Company"), get("Position"),
                          bool(shared)))
    return out


def _names_in_messages(export: GeneratedExport) -> set[str]:
    seen: set[str] = set()
    for m in export.message_truth():
        for key in ("FROM", "From", "TO", "To"):
            seen.update(n.strip() for n in m.row.get(key, "").split(",") if n.strip())
    return seen


def _invented(rng: random.Random) -> Person:
    first, last = rng.choice(names.FIRST_NAMES), rng.choice(names.LAST_NAMES)
    domain = rng.choice(("example.com", "example.net"))
    return Person(f"{first} {last}", first, last, _address(first, last, domain), company=names.company(rng))


def _twin(rng: random.Random, p: Person) -> Person:
    """The same connection as a private address book has them: accents dropped or a credential added, a
    private address, no profile."""
    name = _plain(p.name) if _plain(p.name) != p.name else p.name + rng.choice(names.CREDENTIALS)
    first, _, last = _plain(p.name).partition(" ")
    return Person(name, first, last, _address(first, last + str(rng.randint(1, 99)), "example.net"),
                  company=p.company)


def _card(p: Person, *, with_url: bool) -> OutCard:
    return OutCard(p.name, p.first, p.last, [p.email], p.company, p.title, p.url if with_url else "")


def _moment(rng: random.Random, today: date, days_back: int) -> int:
    day = today - timedelta(days=days_back)
    at = datetime.combine(day, time(rng.randint(8, 17), rng.choice((0, 15, 30, 45))), tzinfo=UTC)
    return int(at.timestamp())


def _threads(rng: random.Random, owner: Person, p: Person, today: date, count: int) -> list[Mail]:
    """``count`` exchanges with ``p``, the latest within the last weeks: an ask, their answer, and sometimes
    the owner's thanks; now and then they ask first."""
    out: list[Mail] = []
    for k in range(count):
        back = rng.randint(3, 40) if k == 0 else rng.randint(40, 540)
        at = _moment(rng, today, back)
        ask = rng.randrange(len(ASKS))
        theirs = rng.random() < 0.3
        a, b = (p, owner) if theirs else (owner, p)
        subject = SUBJECTS[ask]
        first = Mail(a.email, a.name, b.email, b.name, at, subject, ASKS[ask], rng.getrandbits(48))
        reply = Mail(b.email, b.name, a.email, a.name, at + rng.randint(1800, 2 * 86400), f"Re: {subject}",
                     ANSWERS[ask], rng.getrandbits(48), first.message_id)
        out += [first, reply]
        if not theirs and rng.random() < 0.4:
            out.append(Mail(a.email, a.name, b.email, b.name, reply.at + 3600, f"Re: {subject}",
                            rng.choice(THANKS), rng.getrandbits(48), reply.message_id))
    return out


def _bulk(rng: random.Random, owner: Person, today: date) -> list[Mail]:
    """Newsletters every week and a few no-reply notices: mail that is kept apart, never a relationship."""
    out = []
    for title, sender, list_id in NEWSLETTERS:
        for week in range(26):
            out.append(Mail(sender, title, owner.email, owner.name, _moment(rng, today, 7 * week + 1),
                            f"{title}: this week's highlights", "Read the top stories of the week.",
                            rng.getrandbits(48), list_id=list_id))
    for title, sender, subject in NO_REPLY:
        for _ in range(6):
            out.append(Mail(sender, title, owner.email, owner.name, _moment(rng, today, rng.randint(1, 300)),
                            subject, "This message was sent automatically. Please do not reply.",
                            rng.getrandbits(48), automated=True))
    return out


def _events(rng: random.Random, owner: Person, met: list[Person], outside: list[Person],
            colleague: list[Person], today: date) -> list[dict[str, object]]:
    """One-off meetings with the connections met in person and some outside contacts, one declined and one
    cancelled (neither is a meeting), and the weekly stand-up with two colleagues and a connection."""
    events: list[dict[str, object]] = []
    for p in met + outside[::3]:
        for k in range(rng.randint(1, 3)):
            events.append({"uid": f"m{rng.getrandbits(48):x}@demo.example", "summary": rng.choice(MEETINGS),
                           "at": _moment(rng, today, rng.randint(2, 30) if k == 0 else rng.randint(31, 400)),
                           "attendees": [(p, "ACCEPTED")]})
    if met:
        events.append({"uid": "declined@demo.example", "summary": "Conference dinner", "declined": True,
                       "at": _moment(rng, today, 20), "attendees": [(met[0], "ACCEPTED")]})
        events.append({"uid": "cancelled@demo.example", "summary": "Lunch", "cancelled": True,
                       "at": _moment(rng, today, 12), "attendees": [(met[-1], "ACCEPTED")]})
    team = outside[-2:] + colleague
    events.append({"uid": "standup@demo.example", "summary": "Weekly stand-up", "weekly": True,
                   "at": _moment(rng, today, 180), "attendees": [(p, "ACCEPTED") for p in team]})
    return events
