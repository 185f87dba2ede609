"""What leaves twoway for other programs: the owner's connections as vCards (for an address book) and the
people as a spreadsheet-safe CSV (with state, strength, last contact, e-mail and company). One owner's only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from twoway import clock, history
from twoway import states as states_mod
from twoway import strength as strength_mod
from twoway.contacts.writer import OutCard, vcard_text
from twoway.csv_safe import to_csv_text
from twoway.states import LABELS

CSV_HEADER = ("name", "company", "position", "email", "state", "strength", "last contact", "connected on",
              "profile")


@dataclass(frozen=True)
class Exported:
    """A written export: its text and how many people it holds."""

    kind: str  # vcard | csv
    people: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "people": self.people}


def _connections(conn: Connection, owner_id: int) -> list[Any]:
    return list(conn.execute(text(
        "SELECT p.id, p.full_name, p.first_name, p.last_name, p.company, p.position, p.url, c.email, c.connected_on "
        "FROM connections c JOIN people p ON p.id = c.person_id WHERE c.owner_id = :o AND c.status = 'connected' "
        "ORDER BY p.name_key, p.id"), {"o": owner_id}))


def _emails(conn: Connection, owner_id: int, rows: list[Any]) -> dict[int, list[str]]:
    """Each connection's addresses, the owner's own only (another member's are theirs): those the owner's mail,
    calendars and address books tied to them, then the one the owner's Connections.csv gave."""
    out: dict[int, list[str]] = {}
    for pid, email in conn.execute(text(
            "SELECT e.person_id, e.email FROM person_emails e JOIN connections c "
            "ON c.person_id = e.person_id AND c.owner_id = e.owner_id "
            "WHERE e.owner_id = :o AND c.status = 'connected' ORDER BY e.person_id, e.id"), {"o": owner_id}):
        out.setdefault(int(pid), []).append(str(email))
    for r in rows:
        if r[7]:
            have = out.setdefault(int(r[0]), [])
            have += [e.strip() for e in str(r[7]).replace(";", ",").split(",") if e.strip() and e.strip() not in have]
    return out


def export_vcards(conn: Connection, owner_id: int) -> Exported:
    """The owner's connections as vCard 3.0: name, addresses, company, title and LinkedIn profile (so
    importing the file again finds the very same people)."""
    rows = _connections(conn, owner_id)
    emails = _emails(conn, owner_id, rows)
    cards = [OutCard(str(r[1]), str(r[2] or ""), str(r[3] or ""), emails.get(int(r[0]), []), str(r[4] or ""),
                     str(r[5] or ""), str(r[6] or "")) for r in rows]
    return Exported("vcard", len(cards), vcard_text(cards))


def export_csv(conn: Connection, owner_id: int, *, today: date | None = None) -> Exported:
    """The owner's connections as CSV, each with state, strength (0–100), last contact, e-mail and company;
    every text cell neutralised for spreadsheets (``twoway.csv_safe``)."""
    today = today or clock.today()
    rows = _connections(conn, owner_id)
    ids = [int(r[0]) for r in rows]
    verdicts: dict[int, states_mod.Verdict] = {}
    strengths: dict[int, strength_mod.Strength] = {}
    if ids:
        hist = history.load_history(conn, owner_id, today=today, person_ids=ids)
        verdicts = states_mod.compute_states(conn, owner_id, today=today, person_ids=ids, hist=hist, reasons=False)
        strengths = strength_mod.compute_strengths(conn, owner_id, today=today, person_ids=ids, hist=hist)
    emails = _emails(conn, owner_id, rows)
    out = []
    for r in rows:
        pid = int(r[0])
        v, s = verdicts.get(pid), strengths.get(pid)
        last = v.last_contact if v is not None else None
        out.append([r[1], r[4], r[5], "; ".join(emails.get(pid, [])), LABELS.get(v.state, v.state) if v else "",
                    s.score if s is not None else "", last.isoformat() if last else "", r[8] or "", r[6] or ""])
    return Exported("csv", len(out), to_csv_text(CSV_HEADER, out))
