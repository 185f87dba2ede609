"""The evidence the triage weighs, read for many invitations in a few bulk queries.

What ties the owner to each sender already (messages, a shared employer, the address book), how
often a note was copy-pasted, mutual connections through the team's networks, and whether a
profile is known, bare or unseen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, text

from twoway import identity
from twoway.invitations.triage.rule import Known
from twoway.reading.notes import normalise
from twoway.store.batches import chunks, in_ids

_COMPANY_SUFFIXES = {"inc", "ltd", "llc", "gmbh", "corp", "corporation", "co", "plc", "sa", "ag", "bv", "limited",
                     "srl", "sas", "oy", "ab", "nv", "pty", "llp", "lp", "the"}


def company_key(name: str | None) -> str:
    """A company name without case, punctuation or legal suffix, so "Acme, Inc." meets "ACME"."""
    words = [w for w in identity.name_key(name or "").replace("'", " ").split() if w not in _COMPANY_SUFFIXES]
    return " ".join(words)


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
    for chunk in chunks(ids):
        for pid, direction, n, at in conn.execute(in_ids(
            "SELECT person_id, direction, COUNT(*), MAX(at) FROM interactions WHERE owner_id = :o "
            "AND person_id IN :ids GROUP BY person_id, direction"), {"o": owner_id, "ids": chunk}):
            counts.setdefault(int(pid), {})[direction] = int(n)
            last[int(pid)] = max(last.get(int(pid), 0), int(at))
        # The address is the one this owner's export gave their connection (members' addresses are their own).
        for pid, name_key, email, company in conn.execute(in_ids(
                "SELECT p.id, p.name_key, c.email, p.company FROM people p LEFT JOIN connections c "
                "ON c.person_id = p.id AND c.owner_id = :o WHERE p.id IN :ids"), {"o": owner_id, "ids": chunk}):
            names[int(pid)] = (name_key, email)
            if company_key(company) in owner_companies:
                employers.setdefault(int(pid), set()).add(owner_companies[company_key(company)])
        for pid, company in conn.execute(in_ids(
                "SELECT person_id, company FROM jobs WHERE owner_id = :o AND person_id IN :ids"),
                {"o": owner_id, "ids": chunk}):
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


def note_key(note: str, recipient: str | None) -> str:
    """A note with the recipient's name taken out, so one template sent to several people compares equal."""
    drop = set(normalise(recipient).split())
    return " ".join(w for w in normalise(note).split() if w not in drop)


def note_repeats(conn: Connection) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """(note → different senders, (sender, note) → different owners) across every incoming note stored."""
    senders: dict[str, set[str]] = {}
    owners_of: dict[tuple[str, str], set[int]] = {}
    rows = conn.execute(text(
        "SELECT owner_id, person_id, from_name, to_name, message FROM invitations "
        "WHERE direction = 'in' AND message IS NOT NULL AND message <> ''"))
    for owner_id, pid, from_name, to_name, message in rows:
        key = note_key(message, to_name)
        if not key:
            continue
        sender = f"#{pid}" if pid is not None else identity.name_key(from_name or "")
        senders.setdefault(key, set()).add(sender)
        owners_of.setdefault((sender, key), set()).add(int(owner_id))
    return ({k: len(v) for k, v in senders.items()}, {k: len(v) for k, v in owners_of.items()})


def mutuals(conn: Connection, owner_id: int, person_ids: Sequence[int]) -> dict[int, tuple[int, bool]]:
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


def profiles(conn: Connection, owner_id: int, person_ids: Sequence[int]
             ) -> dict[int, tuple[str | None, str | None, str]]:
    """person id → (position, company, 'known' | 'empty' | 'unknown')."""
    result: dict[int, tuple[str | None, str | None, str]] = {}
    exported: set[int] = set()
    with_jobs: set[int] = set()
    for chunk in chunks(sorted(set(person_ids))):
        exported |= {int(p) for (p,) in conn.execute(in_ids(
            "SELECT DISTINCT person_id FROM connections WHERE person_id IN :ids"), {"ids": chunk})}
        with_jobs |= {int(p) for (p,) in conn.execute(in_ids(
            "SELECT DISTINCT person_id FROM jobs WHERE owner_id = :o AND person_id IN :ids "
            "AND (company <> '' OR position <> '')"), {"o": owner_id, "ids": chunk})}
        for pid, position, company in conn.execute(in_ids(
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
