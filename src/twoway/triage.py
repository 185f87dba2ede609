"""What to do with each invitation: accept, follow up, review or ignore what arrives; withdraw what went out.

:func:`recommend` is a pure function of one incoming invitation's :class:`Evidence`, so its rules
can be checked on written examples without a database; :func:`incoming` and :func:`outgoing`
gather the evidence for an owner's invitations in a few bulk queries. Every recommendation carries
its reasons, each with a stable key (for programs and tests) and a sentence (for people).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, bindparam, text

from twoway import clock, identity, invitations, notes_coach
from twoway import settings as settings_mod
from twoway.history import date_words
from twoway.invitations import Invitation

ACCEPT, FOLLOW_UP, REVIEW, IGNORE = "accept", "accept_and_follow_up", "review", "ignore"
WITHDRAW, WAIT, THANK, NONE = "withdraw", "wait", "thank_and_follow_up", "none"
_CHUNK = 500
_COMPANY_SUFFIXES = {"inc", "ltd", "llc", "gmbh", "corp", "corporation", "co", "plc", "sa", "ag", "bv", "limited",
                     "srl", "sas", "oy", "ab", "nv", "pty", "llp", "lp", "the"}


@dataclass(frozen=True)
class Known:
    """What ties the owner to someone already: conversations, an employer, the address book."""

    messages_in: int = 0
    messages_out: int = 0
    last_at: int | None = None
    shared_employers: tuple[str, ...] = ()
    in_contacts: bool = False

    @property
    def messages(self) -> int:
        return self.messages_in + self.messages_out

    @property
    def any(self) -> bool:
        return bool(self.messages or self.shared_employers or self.in_contacts)


@dataclass(frozen=True)
class Evidence:
    """Everything the triage weighs for one incoming invitation."""

    sender: str
    note: str | None
    owner_name: str
    known: Known = Known()
    position: str | None = None
    company: str | None = None
    profile: str = "unknown"  # 'known' | 'empty' (exported with no position or company) | 'unknown'
    mutuals: int | None = None  # None: not known (one network only); a lower bound when mutuals_partial
    mutuals_partial: bool = False
    note_senders: int = 1  # different senders of this same note text in the database
    note_recipients: int = 1  # different owners this sender sent this note to
    decision: str | None = None


@dataclass(frozen=True)
class Reason:
    key: str
    effect: str  # '+' for, '-' against, '' neutral
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"key": self.key, "effect": self.effect, "text": self.text}


@dataclass(frozen=True)
class Recommendation:
    action: str
    reasons: list[Reason] = field(default_factory=list)
    note_kind: str | None = None

    @property
    def keys(self) -> list[str]:
        return [r.key for r in self.reasons]

    def summary(self) -> str:
        return "; ".join(r.text for r in self.reasons)


def company_key(name: str | None) -> str:
    """A company name without case, punctuation or legal suffix, so "Acme, Inc." meets "ACME"."""
    words = [w for w in identity.name_key(name or "").replace("'", " ").split() if w not in _COMPANY_SUFFIXES]
    return " ".join(words)


def mentions(haystack: str | None, keyword: str) -> bool:
    if not haystack or not keyword.strip():
        return False
    return re.search(r"(?<!\w)" + re.escape(keyword.strip()) + r"(?!\w)", haystack, re.IGNORECASE) is not None


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def recommend(e: Evidence, *, settings: settings_mod.Settings | None = None) -> Recommendation:
    """accept, accept_and_follow_up, review or ignore for one incoming invitation, with every reason seen."""
    s = settings or settings_mod.Settings()
    reasons: list[Reason] = []

    def add(key: str, effect: str, words: str) -> None:
        reasons.append(Reason(key, effect, words))

    k = e.known
    if k.messages:
        add("known_messages", "+", f"you have exchanged {_plural(k.messages, 'message')} "
                                   f"({k.messages_out} from you, {k.messages_in} from them)")
    if k.shared_employers:
        add("known_employer", "+", "you both worked at " + ", ".join(k.shared_employers))
    if k.in_contacts:
        add("known_contact", "+", "in your address book")
    if not k.any:
        add("stranger", "-", "no shared history: no messages, employer or address-book entry")

    reading = notes_coach.read_note(e.note, recipient=e.owner_name)
    kind = reading.kind
    if kind == notes_coach.BLANK:
        add("note_none", "-", "no note")
    elif kind == notes_coach.DEFAULT:
        add("note_default", "-", "LinkedIn's default text, not written for you")
    elif kind == notes_coach.PITCH:
        add("pitch", "-", "the note is a sales pitch (" + ", ".join(reading.pitch_signals) + ")")
    elif kind == notes_coach.PERSONAL:
        add("note_personal", "+", "a note written for you" + (", by name" if reading.addresses_by_name else "")
            + ", saying where or why")
    else:
        add("note_generic", "", "a short note that does not say where or why")
    written = kind in (notes_coach.PERSONAL, notes_coach.GENERIC, notes_coach.PITCH)
    copy_paste = written and e.note_senders >= int(s.invite_copy_paste_senders)
    if copy_paste:
        add("copy_paste", "-", f"the same note came from {e.note_senders} different senders")
    mass_sent = written and e.note_recipients >= int(s.invite_copy_paste_senders)
    if mass_sent:
        add("mass_sent", "-", f"they sent this same note to {e.note_recipients} members of your team")
    if reading.links:
        add("link", "-", "the note carries a link (" + ", ".join(reading.links[:2]) + ")")
    if e.profile == "empty":
        add("empty_profile", "-", "their profile shows no position or company")

    if e.mutuals is None:
        add("mutuals_unknown", "", "mutual connections unknown (only one network is loaded)")
    elif e.mutuals > 0:
        add("mutuals", "+", ("at least " if e.mutuals_partial else "") + _plural(e.mutuals, "mutual connection"))
    elif e.mutuals_partial:
        add("mutuals_none_known", "", "no mutual connections through your team's networks")
    else:
        add("mutuals_none", "-", "no mutual connections")

    focus = [kw for kw in s.focus_keywords if kw.strip()]
    about = f"{e.position or ''} {e.company or ''}".strip()
    matched = [kw for kw in focus if mentions(about, kw) or mentions(e.note, kw)]
    focus_match = bool(matched)
    focus_mismatch = bool(focus) and not matched and bool(about)
    if focus_match:
        add("focus_match", "+", "relevant to your focus: " + ", ".join(matched))
    elif focus_mismatch:
        add("focus_mismatch", "-", f"{about} is outside your focus ({', '.join(focus)})")

    if e.decision in invitations.VERDICTS:
        add("decided", "", f"you decided: {e.decision}")
        return Recommendation(ACCEPT if e.decision == "accept" else IGNORE, reasons, kind)

    spam = kind == notes_coach.PITCH or copy_paste or mass_sent
    many_mutuals = e.mutuals is not None and e.mutuals >= int(s.invite_review_mutuals)
    if k.any:
        if spam:
            action = REVIEW
        elif kind == notes_coach.PERSONAL:
            action = FOLLOW_UP
        elif k.messages_in and k.messages_out:
            action = ACCEPT
        else:
            action = FOLLOW_UP
    elif spam:
        action = IGNORE
    elif reading.links or e.profile == "empty":
        # A stranger's link or bare profile: worth a look only if the note was clearly written for the owner.
        action = REVIEW if kind == notes_coach.PERSONAL else IGNORE
    elif kind == notes_coach.PERSONAL:
        action = REVIEW if focus_mismatch else FOLLOW_UP
    elif kind == notes_coach.GENERIC:
        action = REVIEW if (focus_match or many_mutuals) else IGNORE
    else:
        action = REVIEW if many_mutuals else IGNORE
    return Recommendation(action, reasons, kind)


# --- gathering the evidence from the database ----------------------------------------------------


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start:start + _CHUNK])


def _in(sql: str) -> Any:
    return text(sql).bindparams(bindparam("ids", expanding=True))


def known_facts(conn: Connection, owner_id: int, person_ids: Iterable[int]) -> dict[int, Known]:
    """person id → what already ties the owner to them (only people with at least one tie are listed)."""
    ids = sorted(set(person_ids))
    counts: dict[int, dict[str, int]] = {}
    last: dict[int, int] = {}
    employers: dict[int, set[str]] = {}
    names: dict[int, tuple[str, str | None]] = {}
    owner_companies = {
        company_key(c): c for (c,) in conn.execute(
            text("SELECT company FROM owner_positions WHERE owner_id = :o"), {"o": owner_id}) if company_key(c)
    }
    contact_names: set[str] = set()
    contact_emails: set[str] = set()
    for name_key, emails in conn.execute(text("SELECT name_key, emails FROM contacts WHERE owner_id = :o"),
                                         {"o": owner_id}):
        contact_names.add(name_key)
        contact_emails.update(e.strip().casefold() for e in re.split(r"[,;\s]+", emails or "") if e.strip())
    for chunk in _chunks(ids):
        for pid, direction, n, at in conn.execute(_in(
            "SELECT person_id, direction, COUNT(*), MAX(at) FROM interactions WHERE owner_id = :o "
            "AND person_id IN :ids GROUP BY person_id, direction"), {"o": owner_id, "ids": chunk}):
            counts.setdefault(int(pid), {})[direction] = int(n)
            last[int(pid)] = max(last.get(int(pid), 0), int(at))
        for pid, name_key, email, company in conn.execute(_in(
                "SELECT id, name_key, email, company FROM people WHERE id IN :ids"), {"ids": chunk}):
            names[int(pid)] = (name_key, email)
            if company_key(company) in owner_companies:
                employers.setdefault(int(pid), set()).add(owner_companies[company_key(company)])
        for pid, company in conn.execute(_in("SELECT person_id, company FROM jobs WHERE person_id IN :ids"),
                                         {"ids": chunk}):
            if company_key(company) in owner_companies:
                employers.setdefault(int(pid), set()).add(owner_companies[company_key(company)])
    result: dict[int, Known] = {}
    for pid in ids:
        name_key, email = names.get(pid, ("", None))
        known = Known(
            messages_in=counts.get(pid, {}).get("in", 0), messages_out=counts.get(pid, {}).get("out", 0),
            last_at=last.get(pid), shared_employers=tuple(sorted(employers.get(pid, ()))),
            in_contacts=bool(name_key and name_key in contact_names)
            or bool(email and email.casefold() in contact_emails),
        )
        if known.any:
            result[pid] = known
    return result


def _note_key(note: str, recipient: str | None) -> str:
    """A note with the recipient's name taken out, so one template sent to several people compares equal."""
    drop = set(identity.name_key(recipient or "").split())
    return " ".join(w for w in notes_coach.normalise(note).split() if w not in drop)


def note_repeats(conn: Connection) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """(note → different senders, (sender, note) → different owners) across every incoming note stored."""
    senders: dict[str, set[str]] = {}
    owners_of: dict[tuple[str, str], set[int]] = {}
    rows = conn.execute(text(
        "SELECT owner_id, person_id, from_name, to_name, message FROM invitations "
        "WHERE direction = 'in' AND message IS NOT NULL AND message <> ''"))
    for owner_id, pid, from_name, to_name, message in rows:
        key = _note_key(message, to_name)
        if not key:
            continue
        sender = f"#{pid}" if pid is not None else identity.name_key(from_name or "")
        senders.setdefault(key, set()).add(sender)
        owners_of.setdefault((sender, key), set()).add(int(owner_id))
    return ({k: len(v) for k, v in senders.items()}, {k: len(v) for k, v in owners_of.items()})


def _mutuals(conn: Connection, owner_id: int, person_ids: Sequence[int]) -> dict[int, tuple[int, bool]]:
    """person id → (mutual connections, partial?) where other owners' networks make them known."""
    others = {int(pid): int(oid) for oid, pid in conn.execute(
        text("SELECT id, person_id FROM owners WHERE person_id IS NOT NULL AND id <> :o"), {"o": owner_id})}
    if not others:
        return {}
    mine = {int(p) for (p,) in conn.execute(
        text("SELECT person_id FROM connections WHERE owner_id = :o AND status = 'connected'"), {"o": owner_id})}
    networks: dict[int, set[int]] = {}
    for oid, pid in conn.execute(text(
            "SELECT owner_id, person_id FROM connections WHERE owner_id <> :o AND status = 'connected'"),
            {"o": owner_id}):
        networks.setdefault(int(oid), set()).add(int(pid))
    # Team members among my connections are mutuals of whoever is in their network.
    bridges = [networks.get(oid, set()) for pid, oid in others.items() if pid in mine]
    result: dict[int, tuple[int, bool]] = {}
    for pid in person_ids:
        if pid in others:
            result[pid] = (len(mine & networks.get(others[pid], set())), False)
            continue
        # With a team loaded, "none seen through the members you share" is known, if only partly.
        result[pid] = (sum(1 for net in bridges if pid in net), True)
    return result


def _profiles(conn: Connection, person_ids: Sequence[int]) -> dict[int, tuple[str | None, str | None, str]]:
    """person id → (position, company, 'known' | 'empty' | 'unknown')."""
    result: dict[int, tuple[str | None, str | None, str]] = {}
    exported: set[int] = set()
    with_jobs: set[int] = set()
    for chunk in _chunks(sorted(set(person_ids))):
        exported |= {int(p) for (p,) in conn.execute(_in(
            "SELECT DISTINCT person_id FROM connections WHERE person_id IN :ids"), {"ids": chunk})}
        with_jobs |= {int(p) for (p,) in conn.execute(_in(
            "SELECT DISTINCT person_id FROM jobs WHERE person_id IN :ids AND (company <> '' OR position <> '')"),
            {"ids": chunk})}
        for pid, position, company in conn.execute(_in(
                "SELECT id, position, company FROM people WHERE id IN :ids"), {"ids": chunk}):
            result[int(pid)] = (position or None, company or None, "unknown")
    for pid, (position, company, _) in result.items():
        if position or company or pid in with_jobs:
            state = "known"
        elif pid in exported:
            state = "empty"  # a Connections.csv row with blank position and company: the profile is bare
        else:
            state = "unknown"  # an invitation alone tells nothing about the profile
        result[pid] = (position, company, state)
    return result


@dataclass(frozen=True)
class Item:
    """One invitation with what to do about it."""

    invitation: Invitation
    recommendation: Recommendation

    def to_dict(self) -> dict[str, Any]:
        data = self.invitation.to_dict()
        data["recommendation"] = self.recommendation.action
        data["reasons"] = [r.to_dict() for r in self.recommendation.reasons]
        data["note_kind"] = self.recommendation.note_kind
        return data


def incoming(
    conn: Connection,
    owner_id: int,
    *,
    include_all: bool = False,
    settings: settings_mod.Settings | None = None,
    today: date | None = None,
) -> list[Item]:
    """Pending incoming invitations (every one with ``include_all``), each with a recommendation."""
    s = settings or settings_mod.load(conn)
    statuses = None if include_all else [invitations.PENDING]
    received = invitations.list_invitations(conn, owner_id, direction="in", statuses=statuses, settings=s,
                                            today=today)
    if not received:
        return []
    owner_name = str(conn.execute(text("SELECT name FROM owners WHERE id = :o"), {"o": owner_id}).scalar_one())
    ids = [inv.person_id for inv in received if inv.person_id is not None]
    known = known_facts(conn, owner_id, ids)
    profiles = _profiles(conn, ids)
    mutuals = _mutuals(conn, owner_id, ids)
    senders, owners_of = note_repeats(conn)
    items = []
    for inv in received:
        pid = inv.person_id
        position, company, profile = profiles.get(pid, (None, None, "unknown")) if pid is not None else (
            None, None, "unknown")
        key = _note_key(inv.message or "", owner_name)
        sender = f"#{pid}" if pid is not None else identity.name_key(inv.counterpart)
        mutual = mutuals.get(pid) if pid is not None else None
        evidence = Evidence(
            sender=inv.counterpart, note=inv.message, owner_name=owner_name,
            known=known.get(pid, Known()) if pid is not None else Known(),
            position=position, company=company, profile=profile,
            mutuals=None if mutual is None else mutual[0], mutuals_partial=bool(mutual and mutual[1]),
            note_senders=senders.get(key, 1) if key else 1, note_recipients=owners_of.get((sender, key), 1),
            decision=inv.decision,
        )
        items.append(Item(inv, recommend(evidence, settings=s)))
    return items


def outgoing(
    conn: Connection,
    owner_id: int,
    *,
    include_all: bool = False,
    settings: settings_mod.Settings | None = None,
    today: date | None = None,
) -> list[Item]:
    """Sent invitations that need something: stale ones to withdraw, accepted ones to thank.

    With ``include_all``, every sent invitation, each with its advice (``none`` when nothing is to be done).
    """
    s = settings or settings_mod.load(conn)
    day = today or clock.today()
    sent = invitations.list_invitations(conn, owner_id, direction="out", settings=s, today=day)
    accepted_ids = [i.person_id for i in sent if i.status == invitations.ACCEPTED and i.person_id is not None]
    spoken_since: dict[int, int] = {}
    for chunk in _chunks(sorted(set(accepted_ids))):
        for pid, at in conn.execute(_in(
                "SELECT person_id, MAX(at) FROM interactions WHERE owner_id = :o AND direction = 'out' "
                "AND person_id IN :ids GROUP BY person_id"), {"o": owner_id, "ids": chunk}):
            spoken_since[int(pid)] = int(at)
    items = []
    for inv in sent:
        action, reasons = _outgoing_advice(conn, inv, s, day, spoken_since)
        if include_all or action in (WITHDRAW, WAIT, THANK):
            items.append(Item(inv, Recommendation(action, reasons, None)))
    return items


def _outgoing_advice(
    conn: Connection, inv: Invitation, s: settings_mod.Settings, day: date, spoken: dict[int, int]
) -> tuple[str, list[Reason]]:
    note = "with a note" if inv.has_note else "without a note"
    if inv.status == invitations.PENDING:
        if inv.age_days > int(s.invite_withdraw_after_days):
            return WITHDRAW, [Reason("stale", "-", f"pending for {inv.age_days} days (over "
                                     f"{s.invite_withdraw_after_days}); withdraw it, since many open invitations "
                                     "can restrict your account")]
        when = {0: "today", 1: "yesterday"}.get(inv.age_days, f"{inv.age_days} days ago")
        return WAIT, [Reason("recent", "", f"sent {when} {note}; give it time")]
    if inv.status == invitations.ACCEPTED:
        since = inv.connected_on or inv.sent_on
        fresh = (day - since).days <= int(s.new_connection_days)
        wrote = inv.person_id is not None and spoken.get(inv.person_id, 0) >= clock.day_start_ts(since)
        if fresh and not wrote:
            return THANK, [Reason("accepted", "+", f"accepted on {date_words(since)}; thank them and follow up")]
        return NONE, [Reason("accepted", "+", f"accepted on {date_words(since)}")]
    if inv.status == invitations.WITHDRAWN and inv.person_id is not None:
        until = invitations.reinvite_blocked_until(conn, inv.owner_id, inv.person_id, settings=s, today=day)
        if until is not None:
            return NONE, [Reason("reinvite_blocked", "", f"withdrawn; you can invite again from {date_words(until)}")]
        return NONE, [Reason("withdrawn", "", "withdrawn; you can invite again")]
    return NONE, [Reason("expired", "", f"no answer after {inv.age_days} days; it has probably expired")]


def overview(
    conn: Connection,
    owner_id: int,
    *,
    include_all: bool = False,
    settings: settings_mod.Settings | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """The invitations page: incoming recommendations, outgoing advice, the weekly budget, and counts."""
    s = settings or settings_mod.load(conn)
    day = today or clock.today()
    received = incoming(conn, owner_id, include_all=include_all, settings=s, today=day)
    sent = outgoing(conn, owner_id, include_all=include_all, settings=s, today=day)
    budget = invitations.weekly_budget(conn, owner_id, settings=s, today=day)
    counts: dict[str, int] = {}
    for item in (*received, *sent):
        counts[item.recommendation.action] = counts.get(item.recommendation.action, 0) + 1
    return {
        "as_of": day.isoformat(),
        "incoming": [item.to_dict() for item in received],
        "outgoing": [item.to_dict() for item in sent],
        "budget": budget.to_dict(),
        "counts": counts,
    }
