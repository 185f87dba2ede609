"""The triage for one owner: :func:`incoming`, :func:`outgoing` and :func:`overview` gather the evidence
(:mod:`.evidence`, the owner's past in :mod:`twoway.invitations.history`) and recommend each invitation
received through :func:`~twoway.invitations.triage.reasons.recommend`, the one rule (:mod:`.rule`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection

from twoway import clock, identity
from twoway import settings as settings_mod
from twoway.invitations import budget as budgets
from twoway.invitations import history, records
from twoway.invitations.history import KindRate
from twoway.invitations.records import Invitation
from twoway.invitations.triage.evidence import known_facts, mutuals, note_key, note_repeats, profiles
from twoway.invitations.triage.reasons import Reason, Recommendation, recommend
from twoway.invitations.triage.rule import Evidence, Known
from twoway.store.batches import rows_for_ids
from twoway.words import date_words

WITHDRAW, WAIT, THANK, NONE = "withdraw", "wait", "thank_and_follow_up", "none"


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
        data["rule"] = self.recommendation.rule
        return data


def incoming(
    conn: Connection,
    owner_id: int,
    *,
    include_all: bool = False,
    settings: settings_mod.Settings | None = None,
    today: date | None = None,
    past: Mapping[str, KindRate] | None = None,
) -> list[Item]:
    """Pending incoming invitations (every one with ``include_all``), each with a recommendation.

    ``past`` is the owner's history by note kind (:func:`twoway.invitations.history.received_by_kind`),
    when the caller has it already.
    """
    s = settings or settings_mod.load(conn, owner_id)
    statuses = None if include_all else [records.PENDING]
    received = records.list_invitations(conn, owner_id, direction="in", statuses=statuses, settings=s,
                                        today=today)
    if not received:
        return []
    reader = history.reader_of(conn, owner_id)
    if past is None:
        past = history.received_by_kind(conn, owner_id, reader=reader, settings=s, today=today)
    rates, counts = history.accept_rates(past), history.accept_counts(past)
    owner_name = " ".join(part for part in (reader.first, reader.last) if part)
    ids = [inv.person_id for inv in received if inv.person_id is not None]
    known = known_facts(conn, owner_id, ids)
    profile_of = profiles(conn, owner_id, ids)
    mutuals_of = mutuals(conn, owner_id, ids)
    senders, owners_of = note_repeats(conn)
    items = []
    for inv in received:
        pid = inv.person_id
        # An invitation from someone the import could not match to a person has only its name.
        position, company, profile = profile_of.get(pid, (None, None, "unknown")) if pid is not None else (
            None, None, "unknown")
        key = note_key(inv.message or "", owner_name)
        sender = f"#{pid}" if pid is not None else identity.name_key(inv.counterpart)
        mutual = mutuals_of.get(pid) if pid is not None else None
        evidence = Evidence(
            note=inv.message, reader=reader, sender=inv.counterpart,
            known=known.get(pid, Known()) if pid is not None else Known(),
            position=position, company=company, profile=profile,
            mutuals=None if mutual is None else mutual[0], mutuals_partial=bool(mutual and mutual[1]),
            note_senders=senders.get(key, 1) if key else 1, note_recipients=owners_of.get((sender, key), 1),
            decision=inv.decision, accept_rates=rates, accept_counts=counts,
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
    s = settings or settings_mod.load(conn, owner_id)
    day = today or clock.today()
    sent = records.list_invitations(conn, owner_id, direction="out", settings=s, today=day)
    accepted_ids = [i.person_id for i in sent if i.status == records.ACCEPTED and i.person_id is not None]
    spoken_since = {int(pid): int(at) for pid, at in rows_for_ids(
        conn, "SELECT person_id, MAX(at) FROM interactions WHERE owner_id = :o AND direction = 'out' "
        "AND person_id IN :ids GROUP BY person_id", sorted(set(accepted_ids)), {"o": owner_id})}
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
    if inv.status == records.PENDING:
        if inv.age_days > int(s.invite_withdraw_after_days):
            return WITHDRAW, [Reason("stale", "-", f"pending for {inv.age_days} days (over "
                                     f"{s.invite_withdraw_after_days}); withdraw it, since many open invitations "
                                     "can restrict your account")]
        when = {0: "today", 1: "yesterday"}.get(inv.age_days, f"{inv.age_days} days ago")
        return WAIT, [Reason("recent", "", f"sent {when} {note}; give it time")]
    if inv.status == records.ACCEPTED:
        since = inv.connected_on or inv.sent_on
        fresh = (day - since).days <= int(s.new_connection_days)
        wrote = inv.person_id is not None and spoken.get(inv.person_id, 0) >= clock.day_start_ts(since)
        if fresh and not wrote:
            return THANK, [Reason("accepted", "+", f"accepted on {date_words(since)}; thank them and follow up")]
        return NONE, [Reason("accepted", "+", f"accepted on {date_words(since)}")]
    if inv.status == records.WITHDRAWN and inv.person_id is not None:
        until = budgets.reinvite_blocked_until(conn, inv.owner_id, inv.person_id, settings=s, today=day)
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
    """The invitations page: incoming recommendations, outgoing advice, the weekly budget, counts, and the
    owner's past acceptance of each kind of note received (``history``)."""
    s = settings or settings_mod.load(conn, owner_id)
    day = today or clock.today()
    past = history.received_by_kind(conn, owner_id, settings=s, today=day)
    received = incoming(conn, owner_id, include_all=include_all, settings=s, today=day, past=past)
    sent = outgoing(conn, owner_id, include_all=include_all, settings=s, today=day)
    budget = budgets.weekly_budget(conn, owner_id, settings=s, today=day)
    counts: dict[str, int] = {}
    for item in (*received, *sent):
        counts[item.recommendation.action] = counts.get(item.recommendation.action, 0) + 1
    return {
        "as_of": day.isoformat(),
        "incoming": [item.to_dict() for item in received],
        "outgoing": [item.to_dict() for item in sent],
        "budget": budget.to_dict(),
        "counts": counts,
        "history": {kind: rate.to_dict() for kind, rate in past.items()},
    }


def as_received(
    conn: Connection,
    owner_id: int,
    note: str | None,
    *,
    settings: settings_mod.Settings | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """What a note reads as when the owner receives it from a stranger, and what the triage would say."""
    s = settings or settings_mod.load(conn, owner_id)
    reader = history.reader_of(conn, owner_id)
    past = history.received_by_kind(conn, owner_id, reader=reader, settings=s, today=today)
    evidence = Evidence(note=note, reader=reader, accept_rates=history.accept_rates(past),
                        accept_counts=history.accept_counts(past))
    result = recommend(evidence, settings=s)
    return {"note": note, "reading": reader.read(note).to_dict(), "recommendation": result.action,
            "rule": result.rule, "reasons": [r.to_dict() for r in result.reasons]}
