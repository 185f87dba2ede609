"""Whose export this is, from the files themselves, when Profile.csv is missing or does not say it plainly.

Most exports people keep have no Profile.csv. The owner is then the participant common to every
one-to-one conversation of messages.csv, the one end common to every row of Invitations.csv, or the
sender of the rows marked as the owner's own (``SENT``, ``OUTGOING``). A name the member gives, or
Profile.csv's, is matched to the participants forgivingly (credentials after a comma, suffixes,
accents, case, a shortened first or last name). The result names every spelling and URL the owner
has in the messages, so that none of the owner's conversations is taken for a group chat. When the
owner cannot be told apart in a messages file, the import is refused with the likely names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from twoway.errors import InputError
from twoway.linkedin.cells import clean
from twoway.linkedin.csvfile import Table
from twoway.linkedin.extras import Invitation
from twoway.linkedin.registry import name_key, profile_url

MESSAGE_SCAN_ROWS = 50_000  # the owner shows long before; a million-row inbox is not read twice
PLACEHOLDER = "You"
HIDDEN_MEMBER = "linkedin member"
CLEAR_SHARE = 0.8  # the owner is in at least this share of the one-to-one conversations (or invitations)
_SUFFIXES = frozenset({
    "jr", "sr", "ii", "iii", "iv", "phd", "ph", "d", "mba", "md", "cpa", "pmp", "msc", "ms", "ma", "ba", "bsc",
    "esq", "dr", "mr", "mrs", "prof", "cfa", "pe", "rn", "mcp", "ceng", "peng", "dds", "jd", "llm",
})


def name_tokens(name: str) -> list[str]:
    """The words of a name that identify a person: no credentials, suffixes, accents, case or hyphens."""
    words = name_key(name).replace("-", " ").replace("'", "").split()
    kept = [w for w in words if w not in _SUFFIXES]
    return kept or words


def names_match(given: str, seen: str) -> bool:
    """Whether ``given`` names the person shown as ``seen``: the same words, or one a shortened form of
    the other (``Jane D`` for ``Jane Doe``, ``Jon Smith`` for ``Jonathan Smith``, ``Jane Doe`` for
    ``Jane A. Doe``)."""
    a, b = name_tokens(given), name_tokens(seen)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not (long[0].startswith(short[0]) or short[0].startswith(long[0])):
        return False
    at, exact = 0, False
    for word in short:
        while at < len(long) and not (long[at].startswith(word) or word.startswith(long[at])):
            at += 1
        if at == len(long):
            return False
        exact = exact or (word == long[at] and len(word) > 1)
        at += 1
    return exact


@dataclass
class Participant:
    ident: str  # the profile URL, else "name:" and the name key
    names: Counter[str] = field(default_factory=Counter)
    one_to_one: int = 0  # one-to-one conversations they are in
    own_rows: int = 0  # rows marked as the owner's own (SENT / OUTGOING, or received on INCOMING)

    @property
    def name(self) -> str:
        return self.names.most_common(1)[0][0] if self.names else ""

    @property
    def url(self) -> str | None:
        return None if self.ident.startswith("name:") else self.ident


@dataclass
class MessageScan:
    """Who takes part in which conversation of one messages file (its first rows)."""

    file: str
    participants: dict[str, Participant]
    conversations: int  # one-to-one conversations seen

    def ranked(self) -> list[Participant]:
        return sorted(self.participants.values(), key=lambda p: (-p.one_to_one, -p.own_rows, p.name))

    def candidates(self, limit: int = 5) -> str:
        shown = [f"{p.name} ({p.one_to_one} of {self.conversations} one-to-one conversations)"
                 for p in self.ranked()[:limit] if p.name]
        return "; ".join(shown) or "nobody identifiable"

    def matching(self, name: str) -> list[Participant]:
        return [p for p in self.ranked() if any(names_match(name, seen) for seen in p.names)]


def scan_messages(table: Table) -> MessageScan:
    """Participants of the conversations in ``table``: one pass over its first rows, nothing recorded."""
    pad = len(table.header)  # absent columns read an empty cell appended to each row
    i_conv, i_sender, i_url, i_to, i_rcpt, i_direction, i_folder = (
        pad if i is None else i for i in (table.col("conversationid"), table.col("from"),
                                          table.col("senderprofileurl"), table.col("to"),
                                          table.col("recipientprofileurls"), table.col("direction"),
                                          table.col("folder")))
    has_direction = table.col("direction") is not None
    url_of_name: dict[str, Counter[str]] = {}
    shown: dict[tuple[str, str | None], Counter[str]] = {}
    members: dict[str, set[tuple[str, str | None]]] = {}
    several: set[str] = set()
    own: Counter[tuple[str, str | None]] = Counter()
    parsed: dict[str, list[str]] = {}
    seen: dict[tuple[str, str], tuple[str, str | None] | None] = {}

    def person(name: str, raw_url: str) -> tuple[str, str | None] | None:
        found = seen.get((name, raw_url), ())
        if found != ():
            return found  # type: ignore[return-value]
        url = profile_url(raw_url) if raw_url else None
        raw_name, name = name, clean(name).strip()  # a name found here may become the owner's, shown as is
        key = name_key(name)
        who: tuple[str, str | None] | None = None
        if (key and key != HIDDEN_MEMBER) or url:
            who = (key, url)
            if url and key:
                url_of_name.setdefault(key, Counter())[url] += 1
            if name:
                shown.setdefault(who, Counter())[name] += 1
            else:
                shown.setdefault(who, Counter())
        seen[(raw_name, raw_url)] = who
        return who

    for n, (_line, row) in enumerate(table.rows(record=False)):
        if n >= MESSAGE_SCAN_ROWS:
            break
        row.append("")
        raw_rcpt = row[i_rcpt].strip()
        rcpts = parsed.get(raw_rcpt)
        if rcpts is None:
            rcpts = parsed[raw_rcpt] = [part.strip() for part in raw_rcpt.split(",") if part.strip()]
        sender = person(row[i_sender].strip(), row[i_url].strip())
        to = person(row[i_to].strip(), rcpts[0] if len(rcpts) == 1 else "")
        conv = row[i_conv].strip() or "legacy:" + "|".join(sorted(w[0] for w in (sender, to) if w))
        if len(rcpts) > 1:
            several.add(conv)
        found = members.get(conv)
        if found is None:
            found = members[conv] = set()
        if sender:
            found.add(sender)
        if to:
            found.add(to)
        mark = (row[i_direction].strip() or row[i_folder].strip()).upper()
        if mark.startswith("OUT") or mark == "SENT":
            if sender:
                own[sender] += 1
        elif has_direction and mark.startswith("IN") and to:
            own[to] += 1

    def ident(who: tuple[str, str | None]) -> str:
        key, url = who
        if url:
            return url
        urls = url_of_name.get(key)
        return urls.most_common(1)[0][0] if urls else "name:" + key

    participants: dict[str, Participant] = {}

    def of(who: tuple[str, str | None]) -> Participant:
        i = ident(who)
        p = participants.get(i)
        if p is None:
            p = participants[i] = Participant(i)
        return p

    for who, names in shown.items():
        of(who).names.update(names)
    for who, count in own.items():
        of(who).own_rows += count
    conversations = 0
    for conv, people in members.items():
        idents = {ident(w) for w in people}
        if len(idents) == 2 and conv not in several:
            conversations += 1
            for i in idents:
                participants[i].one_to_one += 1
    return MessageScan(table.name, participants, conversations)


@dataclass
class Owner:
    name: str
    url: str | None
    how: str
    keys: frozenset[str] = frozenset()  # name keys the owner appears under in the messages
    urls: frozenset[str] = frozenset()


def from_invitations(invitations: list[Invitation]) -> tuple[str, str | None] | None:
    """(name, URL) of the end common to the invitations, when one is."""
    names: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = {}
    urls: Counter[str] = Counter()
    for inv in invitations:
        name, url = (inv.from_name, inv.inviter_url) if inv.direction == "out" else (inv.to_name, inv.invitee_url)
        key = name_key(name)
        if key:
            names[key] += 1
            shown.setdefault(key, Counter())[name] += 1
        if url:
            urls[url] += 1
    if not names:
        return None
    key, count = names.most_common(1)[0]
    if count < CLEAR_SHARE * len(invitations):
        return None
    return shown[key].most_common(1)[0][0], urls.most_common(1)[0][0] if urls else None


def _common(scan: MessageScan, not_owner: Iterable[str], prefer: str | None) -> Participant | None:
    """The participant in (nearly) every one-to-one conversation, or the clear author of the owner's rows."""
    excluded = set(not_owner)
    ranked = scan.ranked()
    if scan.conversations:
        top = ranked[0].one_to_one
        tied = [p for p in ranked if p.one_to_one == top and top >= CLEAR_SHARE * scan.conversations]
        if len(tied) > 1:
            # A tie (a single conversation): the owner is not among their own connections, and is
            # the one the invitations or the owner's own rows name.
            tied = [p for p in tied if p.ident not in excluded and not (set(map(name_key, p.names)) & excluded)] \
                or tied
            if len(tied) > 1 and prefer:
                tied = [p for p in tied if any(names_match(prefer, n) for n in p.names)] or tied
            if len(tied) > 1:
                tied = [p for p in tied if p.own_rows == max(q.own_rows for q in tied) and p.own_rows] or tied
        if len(tied) == 1:
            return tied[0]
    marked = sorted((p for p in ranked if p.own_rows), key=lambda p: -p.own_rows)
    total = sum(p.own_rows for p in marked)
    if marked and marked[0].own_rows >= CLEAR_SHARE * total:
        return marked[0]
    return None


def _with_aliases(owner: Owner, p: Participant, scan: MessageScan) -> Owner:
    keys = {name_key(n) for n in p.names} | ({name_key(owner.name)} if owner.name else set())
    urls = {p.url} if p.url else set()
    if owner.url:
        urls.add(owner.url)
    return Owner(owner.name, owner.url or p.url, owner.how, frozenset(k for k in keys if k), frozenset(urls))


def find_owner(*, given: str | None, given_by: str, strict: bool, scan: MessageScan | None,
               invitations: list[Invitation], connections: Iterable[str]) -> Owner:
    """The owner of an export. ``given`` is the name Profile.csv or the member gave (``given_by`` says which;
    ``strict`` when a name that matches no participant must be refused); ``connections`` are the name keys
    and URLs of the owner's connections, none of which is the owner."""
    inv = from_invitations(invitations)
    inv_url = inv[1] if inv else None
    if scan is not None and scan.participants:
        common = _common(scan, connections, given or (inv[0] if inv else None))
        if given:
            matches = scan.matching(given)
            if common is not None and (common in matches or (not matches and not strict)):
                return _with_aliases(Owner(given, inv_url, given_by), common, scan)
            if matches:
                return _with_aliases(Owner(given, inv_url, given_by), matches[0], scan)
            raise InputError(
                f"the name {given!r} ({given_by}) matches no one in the conversations of {scan.file}; "
                f"the people in the most conversations are: {scan.candidates()}. Name the owner as "
                "written there", file=scan.file, cli_hint="with --owner NAME")
        if common is not None:
            how = (f"found in {scan.file}: the one person in {common.one_to_one} of its {scan.conversations} "
                   "one-to-one conversations" if common.one_to_one else
                   f"found in {scan.file}: the sender of the owner's own messages")
            return _with_aliases(Owner(common.name, inv_url, how), common, scan)
        if inv is not None:
            matches = scan.matching(inv[0])
            if matches:
                how = "found in Invitations.csv: the one end of every invitation"
                return _with_aliases(Owner(inv[0], inv_url, how), matches[0], scan)
        raise InputError(
            f"cannot tell whose export this is: no Profile.csv, and no one person takes part in every "
            f"one-to-one conversation of {scan.file}; the likeliest are: {scan.candidates()}. Name the owner",
            file=scan.file, cli_hint="with --owner NAME")
    if given:
        return Owner(given, inv_url, given_by, frozenset({name_key(given)}), frozenset({inv_url} if inv_url else ()))
    if inv is not None:
        return Owner(inv[0], inv_url, "found in Invitations.csv: the one end of every invitation",
                     frozenset({name_key(inv[0])}), frozenset({inv_url} if inv_url else ()))
    return Owner(PLACEHOLDER, None, "not named by the export (no Profile.csv, messages or invitations); "
                 f"called {PLACEHOLDER!r}", frozenset(), frozenset())
