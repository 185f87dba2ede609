"""One function per export file: the rows a world shows on the export day, in that era's layout.

Each function returns a :class:`CsvFile` whose rows are generated lazily and counted into
``Cut.stats`` as they are written, so the ground truth is what the files hold, by construction.
What each message row means (its family, language, direction, whether it is a draft) is recorded
row by row in ``Cut.message_codes`` (see :func:`truth_code`), and each invitation row's note kind
and language in ``Cut.invitation_codes``.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from twoway.generator import eras as E
from twoway.generator.behaviour import DRAFT
from twoway.generator.content import EMPTY, RECRUITER, SPONSORED, pick, pools, text
from twoway.generator.eras import Era
from twoway.generator.formats import DAY, Dates
from twoway.generator.model import LOW, SHIFT, Person, World

Row = tuple[str, ...]
MEMBER = "LinkedIn Member"
INVITATION_WINDOW = 183 * DAY


@dataclass
class CsvFile:
    name: str
    header: Row
    rows: Iterable[Row]
    trailing_newline: bool = True
    quote_all: bool = False
    preamble: str = ""


@dataclass
class Cut:
    """The world as its owner's export shows it on ``day``."""

    world: World
    era: Era
    day: int
    excel: bool = False
    dates: Dates = field(default_factory=Dates)
    stats: Counter[str] = field(default_factory=Counter)
    #: One code per messages.csv row, in file order (see :func:`truth_code`).
    message_codes: array = field(default_factory=lambda: array("H"))  # type: ignore[type-arg]
    #: (note kind, language) per Invitations.csv row, in file order.
    invitation_codes: list[tuple[str, int]] = field(default_factory=list)

    @property
    def end(self) -> int:
        return self.day * DAY + DAY - 1


#: A message row's truth code: family | language << 6 | outgoing << 9 | draft << 10.
LANG_SHIFT, OUT_BIT, DRAFT_BIT = 6, 1 << 9, 1 << 10


def truth_code(family: int, lang: int, out: bool, draft: bool = False) -> int:
    return family | lang << LANG_SHIFT | (OUT_BIT if out else 0) | (DRAFT_BIT if draft else 0)


def connections(cut: Cut) -> CsvFile:
    era, dates, day = cut.era, cut.dates, cut.day
    people = sorted(cut.world.connections_on(day), key=lambda p: (-(p.connected or 0), p.idx))

    def rows() -> Iterator[Row]:
        for p in people:
            assert p.connected is not None
            when = (dates.excel(p.connected) if cut.excel
                    else dates.us(p.connected * DAY + 9 * 3600 + p.idx % 36000) if era.us_connected_dates
                    else dates.dmy(p.connected))
            if p.hidden:
                cut.stats["date_only"] += 1
                yield ("", "", "", "", "", "", when) if era.connection_url != "none" else ("",) * 5 + (when,)
                continue
            cut.stats["connections"] += 1
            company, position = p.job_on(day)
            email = p.email if era.every_email or p.idx % 37 == 0 else ""
            if era.connection_url == "none":
                yield p.first, p.last, email, company, position, when
            else:
                yield p.first, p.last, p.url if era.connection_url == "filled" else "", email, company, position, when

    header = E.CONNECTIONS_OLD if era.connection_url == "none" else E.CONNECTIONS_URL
    preamble = f"Notes:\n{E.NOTES_SENTENCE}\n\n" if era.preamble and not cut.excel else ""
    return CsvFile("Connections.csv", header, rows(), trailing_newline=cut.excel, preamble=preamble)


def _conversation_order(cut: Cut) -> list[tuple[int, int, int]]:
    """(last activity, kind, index) for every conversation with something to show, newest first."""
    w, end, drafts = cut.world, cut.end, cut.era.has_drafts
    order: list[tuple[int, int, int]] = []
    for p in w.people:
        n = p.events_until(end)
        last = (p.events[n - 1] >> SHIFT) if n else -1
        if drafts and p.draft_shown(end):
            assert p.draft is not None
            last = max(last, p.draft)
        if last >= 0:
            order.append((last, 0, p.idx))
    for i, g in enumerate(w.groups):
        shown = [m[0] for m in g.messages if m[0] <= end]
        if shown:
            order.append((max(shown), 1, i))
    for i, s in enumerate(w.sponsored):
        if s.at <= end:
            order.append((s.at, 2, i))
    order.sort(reverse=True)
    return order


def messages(cut: Cut) -> CsvFile:
    era, w, dates, stats, end = cut.era, cut.world, cut.dates, cut.stats, cut.end
    owner = w.owner
    texts = pools(era.quote_all)
    layout = era.messages
    extras = era.message_extras
    no_flags = tuple("No" if c.startswith("IS ") else "" for c in extras)
    codes = cut.message_codes.append

    def attach(ts: int) -> Row:
        return tuple(f"https://www.linkedin.com/dms/prv/{ts:x}{ts % 9973:04x}" if c == "ATTACHMENTS" else "No"
                     for c in extras)

    def row(conv: str, title: str, sender: str, sender_url: str, to: str, to_urls: str, ts: int,
            subject: str, content: str, folder: str, tail: Row, out: bool) -> Row:
        if layout == "conversations":
            if era.recipient_urls:
                return (conv, title, sender, sender_url, to, to_urls, dates.message(ts), subject, content,
                        folder, *tail)
            return (conv, title, sender, sender_url, to, dates.message(ts), subject, content, folder, *tail)
        old_folder = "SENT" if out else ("ARCHIVED" if folder == "ARCHIVE" else folder or "INBOX")
        when = dates.us(ts) if layout == "2018" else dates.iso_t(ts)
        return (sender, to, when, subject, content, "OUTGOING" if out else "INCOMING", old_folder)

    def direct(p: Person) -> Iterator[Row]:
        name, url = (MEMBER, "") if p.hidden else (p.name, p.url)
        n = p.events_until(end)
        lang = p.lang
        pool = texts[lang]
        base_code = lang << LANG_SHIFT
        if era.has_drafts and p.draft_shown(end):
            assert p.draft is not None
            tail = tuple("Yes" if c == "IS MESSAGE DRAFT" else "" if c == "ATTACHMENTS" else "No" for c in extras)
            stats["drafts"] += 1
            codes(truth_code(DRAFT, lang, True, True))
            yield row(p.conversation, "", owner.name, owner.url, name, url, p.draft, "",
                      text(pick(pool[DRAFT], p.draft), p.first), "", tail, True)
        stats["messages"] += n
        stats["conversations"] += 1
        if p.folder == "SPAM":
            stats["spam"] += n
        if p.hidden:
            stats["linkedin_member"] += n
            stats["hidden_member"] += n
        events = p.events
        for i in range(n - 1, -1, -1):
            e = events[i]
            ts, family, out = e >> SHIFT, (e & LOW) >> 1, e & 1
            split = pick(pool[family], ts)
            codes(base_code | family | (OUT_BIT if out else 0))
            tail = no_flags
            if family == EMPTY:
                tail = attach(ts) if era.has_attachments else no_flags
            subject = p.subject if family == RECRUITER else ""
            if out:
                stats["owner_sent"] += 1
                yield row(p.conversation, "", owner.name, owner.url, name, url, ts, subject,
                          text(split, p.first), p.folder, tail, True)
            else:
                yield row(p.conversation, "", name, url, owner.name, owner.url, ts, subject,
                          text(split, owner.first), p.folder, tail, False)

    def group(i: int) -> Iterator[Row]:
        g = w.groups[i]
        voices = [(owner.name, owner.url)] + [(w.people[m].name, w.people[m].url) for m in g.members]
        index = {-1: 0, **{m: k + 1 for k, m in enumerate(g.members)}}
        shown = sorted((m for m in g.messages if m[0] <= end), reverse=True)
        stats["messages"] += len(shown)
        stats["group_messages"] += len(shown)
        stats["group_conversations"] += 1
        stats["conversations"] += 1
        pool = texts[g.lang]
        for ts, sender, family in shown:
            who = index[sender]
            others = [v for k, v in enumerate(voices) if k != who]
            if sender == -1:
                stats["owner_sent"] += 1
            codes(truth_code(family, g.lang, sender == -1))
            yield row(g.conversation, g.title, voices[who][0], voices[who][1], ",".join(o[0] for o in others),
                      ",".join(o[1] for o in others), ts, "", text(pick(pool[family], ts), ""), "INBOX", no_flags,
                      sender == -1)

    def sponsored(i: int) -> Iterator[Row]:
        s = w.sponsored[i]
        stats["messages"] += 1
        stats["sponsored"] += 1
        stats["conversations"] += 1
        if s.sender == MEMBER:
            stats["linkedin_member"] += 1
        codes(truth_code(SPONSORED, s.lang, False))
        yield row(s.conversation, s.title, s.sender, "", owner.name, owner.url, s.at, "",
                  text(pick(texts[s.lang][SPONSORED], s.at), owner.first), "INBOX", no_flags, False)

    def rows() -> Iterator[Row]:
        for _, kind, i in _conversation_order(cut):
            if kind == 0:
                yield from direct(w.people[i])
            elif kind == 1:
                yield from group(i)
            else:
                yield from sponsored(i)

    if layout == "2018":
        header: Row = E.MESSAGES_2018
    elif layout == "2020":
        header = E.MESSAGES_2020
    else:
        header = (E.MESSAGES_10 if era.recipient_urls else E.MESSAGES_9) + extras
    return CsvFile(era.messages_file, header, rows(), quote_all=era.quote_all)


def _urn(idx: int) -> str:
    return f"urn:li:member:{(idx * 2_654_435_761) % 900_000_000 + 100_000_000}"


def invitations(cut: Cut) -> CsvFile:
    era, w, dates, end = cut.era, cut.world, cut.dates, cut.end
    owner = w.owner
    shown = []
    for p in w.people:
        inv = p.invitation
        if inv is None or inv.sent > end or inv.sent == 0:
            continue
        age = end - inv.sent
        if age <= INVITATION_WINDOW or (inv.keep_old and age <= 420 * DAY):
            shown.append((inv.sent, p))
    shown.sort(key=lambda t: (-t[0], t[1].idx))

    def ids(p: Person) -> tuple[str, str]:
        if era.invitation_urls == "urn":
            return _urn(-1), _urn(p.idx)
        if era.invitation_urls == "placeholder":
            return "https://www.linkedin.com/in", "https://www.linkedin.com/in"
        return owner.url, p.url

    def rows() -> Iterator[Row]:
        for sent, p in shown:
            inv = p.invitation
            assert inv is not None
            mine, theirs = ids(p)
            if inv.direction == "out":
                cut.stats["invitations_out"] += 1
                base: Row = (owner.name, p.name, dates.us(sent), inv.note, "OUTGOING")
                tail: Row = (mine, theirs)
            else:
                cut.stats["invitations_in"] += 1
                base = (p.name, owner.name, dates.us(sent), inv.note, "INCOMING")
                tail = (theirs, mine)
            if inv.note:
                cut.stats["invitation_notes"] += 1
            cut.invitation_codes.append((inv.note_kind if inv.note else "", inv.lang))
            yield base + tail if era.invitation_urls != "none" else base

    header: Row = E.INVITATIONS
    if era.invitation_urls == "urn":
        header += E.INVITATION_URNS
    elif era.invitation_urls != "none":
        header += E.INVITATION_URLS
    return CsvFile("Invitations.csv", header, rows())
