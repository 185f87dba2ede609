"""The smaller export files: the owner's profile and jobs, endorsements, recommendations, follows,
the address book, and the header-only AI-coach files of recent archives."""

from __future__ import annotations

from collections.abc import Iterator

from twoway.generator import eras as E
from twoway.generator.files import CsvFile, Cut, Row
from twoway.generator.formats import DAY, MONTHS
from twoway.generator.names import SCHOOLS


def profile(cut: Cut) -> CsvFile:
    o = cut.world.owner
    websites = f"[PORTFOLIO:https://{o.slug.split('-')[0]}.example.com]"
    if cut.era.profile_2018:
        row: Row = (o.first, o.last, "", "", "", "", o.headline, o.summary, o.industry, "", "", o.location,
                    "", websites.strip("[]"), "")
        return CsvFile("Profile.csv", E.PROFILE_2018, [row])
    month, dom = cut.world.owner.birthday
    birth = f"{MONTHS[month - 1]} {dom}" if cut.era.name >= "2023" else ""
    row = (o.first, o.last, "", "", birth, o.headline, o.summary, o.industry, "", o.location, "", websites, "")
    return CsvFile("Profile.csv", E.PROFILE, [row])


def positions(cut: Cut) -> CsvFile:
    o, dates = cut.world.owner, cut.dates
    shown = [p for p in o.positions if p[2] <= cut.day]

    def rows() -> Iterator[Row]:
        for company, title, start, end in reversed(shown):
            cut.stats["positions"] += 1
            finished = dates.month_year(end) if end is not None and end <= cut.day else ""
            started = dates.month_year(start) if start % 5 else str(dates.date(start).year)
            description = f"Led {title.lower()} work.\nGrew the team and its practices." if start % 3 else ""
            yield company, title, description, o.location, started, finished

    return CsvFile("Positions.csv", E.POSITIONS, rows())


def _shown(cut: Cut, idx: int, ts: int) -> bool:
    p = cut.world.people[idx]
    return ts <= cut.end and p.connected_on(cut.day) and not p.hidden


def endorsements_received(cut: Cut) -> CsvFile:
    w, dates, with_url = cut.world, cut.dates, cut.era.endorser_urls
    shown = sorted((e for e in w.endorsements if e[1] == "received" and _shown(cut, e[0], e[3])),
                   key=lambda e: -e[3])

    def rows() -> Iterator[Row]:
        for idx, _, skill, ts in shown:
            p = w.people[idx]
            cut.stats["endorsements_received"] += 1
            if with_url:
                yield dates.slash_utc(ts), skill, p.first, p.last, p.url.removeprefix("https://"), "ACCEPTED"
            else:
                yield dates.slash_utc(ts), skill, p.first, p.last, "ACCEPTED"

    header = E.ENDORSEMENTS_RECEIVED if with_url else E.ENDORSEMENTS_RECEIVED_OLD
    return CsvFile("Endorsement_Received_Info.csv", header, rows())


def endorsements_given(cut: Cut) -> CsvFile:
    w, dates = cut.world, cut.dates
    shown = sorted((e for e in w.endorsements if e[1] == "given" and _shown(cut, e[0], e[3])),
                   key=lambda e: -e[3])

    def rows() -> Iterator[Row]:
        for idx, _, skill, ts in shown:
            p = w.people[idx]
            cut.stats["endorsements_given"] += 1
            yield dates.slash_utc(ts), skill, p.first, p.last, p.url.removeprefix("https://"), "ACCEPTED"

    return CsvFile("Endorsement_Given_Info.csv", E.ENDORSEMENTS_GIVEN, rows())


def recommendations(cut: Cut, direction: str) -> CsvFile:
    w, dates = cut.world, cut.dates
    shown = [r for r in w.recommendations if r[1] == direction and _shown(cut, r[0], r[3])]

    def rows() -> Iterator[Row]:
        for idx, _, body, ts in reversed(shown):
            p = w.people[idx]
            company, title = p.job_on(ts // DAY)
            cut.stats[f"recommendations_{direction}"] += 1
            yield (p.first, p.last, company, title, body, dates.us(ts),
                   "VISIBLE" if direction == "received" else "")

    name = "Recommendations_Received.csv" if direction == "received" else "Recommendations_Given.csv"
    return CsvFile(name, E.RECOMMENDATIONS, rows())


def company_follows(cut: Cut) -> CsvFile:
    shown = [(c, ts) for c, ts in cut.world.company_follows if ts <= cut.end]
    cut.stats["company_follows"] = len(shown)
    return CsvFile("Company Follows.csv", E.COMPANY_FOLLOWS, [(c, cut.dates.java(ts)) for c, ts in shown],
                   trailing_newline=False)


def contacts(cut: Cut) -> CsvFile:
    dates = cut.dates
    shown = [c for c in cut.world.contacts if c[4] <= cut.end]
    cut.stats["contacts"] = len(shown)
    if not cut.era.contacts:
        rows: list[Row] = [
            (first, last, company, "", email, "", dates.us(ts), "", "", "", f"{first} {last}", "", "", "", "")
            for first, last, email, company, ts in shown
        ]
        return CsvFile("Imported Contacts.csv", E.IMPORTED_CONTACTS_2018, rows)
    rows = [
        ("GOOGLE_CONTACTS" if i % 3 else "MOBILE_CONTACTS", first, last, company, "", email, "", dates.us(ts),
         "", "", "", f"{first} {last}", "", "", "", "")
        for i, (first, last, email, company, ts) in enumerate(shown)
    ]
    return CsvFile("Contacts.csv", E.CONTACTS, rows)


def owner_details(cut: Cut) -> list[CsvFile]:
    """E-mail addresses, skills, education and registration: the owner's account."""
    o, dates = cut.world.owner, cut.dates
    joined = o.joined * DAY + 11 * 3600
    files = [
        CsvFile("Email Addresses.csv", E.EMAIL_ADDRESSES, [(o.email, "Yes", "Yes", dates.us(joined))],
                trailing_newline=False),
        CsvFile("Skills.csv", E.SKILLS, [(s,) for s in o.skills]),
        CsvFile("Education.csv", E.EDUCATION, [
            (SCHOOLS[o.joined % len(SCHOOLS)], str(dates.date(o.joined).year - 6),
             str(dates.date(o.joined).year - 2), "", "Master of Science", "Debating society"),
        ]),
    ]
    if cut.era.profile_2018:
        files.append(CsvFile("Registration.csv", E.REGISTRATION_2018, [(dates.us(joined), "192.0.2.10", "", "", "")]))
    else:
        files.append(CsvFile("Registration.csv", E.REGISTRATION, [(dates.us(joined), "192.0.2.10", "")]))
    return files


def coach_files(cut: Cut, message_header: Row) -> list[CsvFile]:
    """Header-only AI coach chats (not relationships) and the one-line LearningCoachMessages.csv."""
    if not cut.era.coach_files:
        return []
    files = [CsvFile(name, message_header, []) for name in E.COACH_FILES]
    files.append(CsvFile("LearningCoachMessages.csv", ("No conversations found",), []))
    return files
