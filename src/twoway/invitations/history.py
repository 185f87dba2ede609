"""The owner's own past with invitations received: how often they accepted each kind of note.

An invitation received counts as *accepted* when its sender became a connection (or the owner recorded
"accept"), as *declined* when the owner ignored it or it expired; a pending one says nothing yet. Each note
is read as the triage reads a new one (:class:`twoway.reading.notes.Reader`, by :func:`reader_of` the owner),
so blank, default, personal, pitch and recruiter mean here what they mean in a recommendation. A kind with
fewer than :data:`MIN_HISTORY` settled invitations has no rate: too little history to learn from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from twoway import settings as settings_mod
from twoway.errors import NotFound
from twoway.invitations import records
from twoway.reading.notes import KINDS, Reader

MIN_HISTORY = 5


@dataclass(frozen=True)
class KindRate:
    """The owner's past decisions on invitations received with one kind of note."""

    kind: str
    accepted: int = 0
    declined: int = 0  # ignored or expired
    pending: int = 0

    @property
    def settled(self) -> int:
        return self.accepted + self.declined

    @property
    def rate(self) -> float | None:
        """Accepted among settled, or None with fewer than :data:`MIN_HISTORY` settled."""
        return round(self.accepted / self.settled, 4) if self.settled >= MIN_HISTORY else None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "received": self.settled + self.pending, "accepted": self.accepted,
                "declined": self.declined, "pending": self.pending, "settled": self.settled, "rate": self.rate}


def reader_of(conn: Connection, owner_id: int) -> Reader:
    """The owner as the reader of a note: their names and the employers a note may name as shared.

    Schools are not in the export the importer reads, so a note names a school only by alumni words.
    """
    row = conn.execute(text("SELECT name, first_name, last_name FROM owners WHERE id = :id"), {"id": owner_id}).first()
    if row is None:
        raise NotFound(f"no owner with id {owner_id}")
    first, _, last = (row.name or "").strip().partition(" ")
    employers = sorted({str(c).strip() for (c,) in conn.execute(
        text("SELECT company FROM owner_positions WHERE owner_id = :o"), {"o": owner_id}) if c and str(c).strip()})
    return Reader((row.first_name or first).strip(), (row.last_name or last).strip(), tuple(employers))


def received_by_kind(
    conn: Connection,
    owner_id: int,
    *,
    reader: Reader | None = None,
    settings: settings_mod.Settings | None = None,
    today: date | None = None,
) -> dict[str, KindRate]:
    """note kind → what the owner did with the invitations received with such a note (every kind listed)."""
    received = records.list_invitations(conn, owner_id, direction="in", settings=settings, today=today)
    who = reader or reader_of(conn, owner_id)
    tally = {kind: [0, 0, 0] for kind in KINDS}
    kind_of: dict[str, str] = {}  # one reading per distinct note: copy-pasted notes come many times
    for inv in received:
        note = (inv.message or "").strip()
        if note not in kind_of:
            kind_of[note] = who.read(note).kind
        column = {records.ACCEPTED: 0, records.IGNORED: 1, records.EXPIRED: 1}.get(inv.status, 2)
        tally[kind_of[note]][column] += 1
    return {kind: KindRate(kind, *counts) for kind, counts in tally.items()}


def accept_rates(rates: Mapping[str, KindRate]) -> dict[str, float | None]:
    """note kind → the owner's past acceptance rate, None where there is too little history."""
    return {kind: rate.rate for kind, rate in rates.items()}


def accept_counts(rates: Mapping[str, KindRate]) -> dict[str, tuple[int, int]]:
    """note kind → (accepted, settled): the counts behind each rate, for the words of a reason."""
    return {kind: (rate.accepted, rate.settled) for kind, rate in rates.items()}
