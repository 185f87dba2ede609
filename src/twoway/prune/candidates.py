"""Which connections to prune, and why, in words and with dates; and the owner's decisions.

Reasons (a candidate carries every one that applies): unresponsive after three attempts; no
interaction for over ``prune_silence_days``; they only send pitches the owner never answered; a
blank invitation accepted and never a word since; their field matches none of the owner's
``focus_keywords``; the owner marked the relationship as soured; and, as a flag for review, a
connection that looks fake or bought (see :mod:`twoway.prune.suspicious`).

Never suggested: protected tags, hidden or removed connections, and those the owner chose to keep.
Nothing here changes anything by itself: :mod:`twoway.prune.decisions` records what the owner decided.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from twoway import clock, pitch
from twoway import settings as settings_mod
from twoway.prune import suspicious
from twoway.settings import Settings
from twoway.states import Verdict, compute_states, prune_decisions
from twoway.store.batches import rows_for_ids
from twoway.words import date_words, mentions

REASON_CODES = ("unresponsive", "silent", "pitches", "blank_invitation", "off_focus", "soured", "suspicious")


@dataclass(frozen=True)
class PruneReason:
    code: str
    text: str


@dataclass(frozen=True)
class PruneFacts:
    """What the reasons need beyond the relationship state."""

    company: str | None = None
    position: str | None = None
    messages_in: int = 0
    messages_out: int = 0
    pitches_in: int = 0
    pitch_signals: tuple[str, ...] = ()
    blank_invitation_on: date | None = None
    soured_on: date | None = None
    soured_note: str | None = None
    suspicion: suspicious.Suspicion | None = None


@dataclass
class PruneCandidate:
    person_id: int
    name: str
    company: str | None
    position: str | None
    url: str | None
    state: str
    last_contact: date | None
    connected_on: date | None
    reasons: list[PruneReason] = field(default_factory=list)

    @property
    def suspicious(self) -> bool:
        return any(r.code == "suspicious" for r in self.reasons)

    @property
    def reason_text(self) -> str:
        return "; ".join(r.text for r in self.reasons)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["last_contact"] = self.last_contact.isoformat() if self.last_contact else None
        out["connected_on"] = self.connected_on.isoformat() if self.connected_on else None
        out["suspicious"] = self.suspicious
        return out


@dataclass
class PruneList:
    candidates: list[PruneCandidate]
    considered: int
    protected_skipped: int
    kept_skipped: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "considered": self.considered,
            "protected_skipped": self.protected_skipped,
            "kept_skipped": self.kept_skipped,
            "candidates": [c.to_dict() for c in self.candidates],
        }


def _years(days: int) -> str:
    if days < 730:
        return f"{round(days / 30.44)} months"
    return f"{days / 365.25:.1f} years".replace(".0 years", " years")


def reasons_for(v: Verdict, facts: PruneFacts, settings: Settings, today: date) -> list[PruneReason]:
    """Every prune reason that applies to one connection (pure)."""
    out: list[PruneReason] = []
    if v.state == "unresponsive":
        out.append(PruneReason("unresponsive", f"unresponsive: {v.reason}"))
    silence = int(settings.prune_silence_days)
    if v.last_contact is not None:
        quiet = (today - v.last_contact).days
        if quiet > silence:
            out.append(PruneReason("silent", f"no interaction since {date_words(v.last_contact)} "
                                             f"({_years(quiet)})"))
    elif v.connected_on is not None:
        quiet = (today - v.connected_on).days
        if quiet > silence:
            out.append(PruneReason("silent", f"never any interaction in the {_years(quiet)} since connecting "
                                             f"on {date_words(v.connected_on)}"))
    elif facts.messages_in + facts.messages_out == 0:
        out.append(PruneReason("silent", "never any interaction (connection date unknown)"))
    if facts.messages_out == 0 and facts.pitches_in and 2 * facts.pitches_in >= facts.messages_in:
        signals = ", ".join(s.replace("_", " ") for s in facts.pitch_signals)
        said = ("their one message reads" if facts.messages_in == 1
                else f"{facts.pitches_in} of their {facts.messages_in} messages read")
        out.append(PruneReason("pitches", f"only pitches: {said} like sales ({signals}), never answered"))
    if facts.blank_invitation_on is not None and facts.messages_in + facts.messages_out == 0:
        out.append(PruneReason("blank_invitation", f"you accepted their blank invitation "
                                                   f"({date_words(facts.blank_invitation_on)}) and neither "
                                                   "of you has written since"))
    focus = [k for k in settings.focus_keywords if k.strip()]
    known = [p for p in (facts.position, facts.company) if p and p.strip()]
    if focus and known and not any(mentions(" ".join(known), k) for k in focus):
        out.append(PruneReason("off_focus", f"their field ({' at '.join(known)}) matches none of your focus "
                                            f"({', '.join(focus)})"))
    if facts.soured_on is not None:
        note = f": {facts.soured_note}" if facts.soured_note else ""
        out.append(PruneReason("soured", f"you marked the relationship as soured on "
                                         f"{date_words(facts.soured_on)}{note}"))
    if facts.suspicion is not None:
        out.append(PruneReason("suspicious", facts.suspicion.reason))
    return out


def find_candidates(
    conn: Connection,
    owner_id: int,
    *,
    settings: Settings | None = None,
    today: date | None = None,
    include_kept: bool = False,
    reasons: Collection[str] | None = None,
) -> PruneList:
    """Every prune candidate of the owner, most reasons first, then the longest silent."""
    settings = settings or settings_mod.load(conn)
    today = today or clock.today()
    verdicts = compute_states(conn, owner_id, settings=settings, today=today)
    decisions = prune_decisions(conn, owner_id)
    facts = load_facts(conn, owner_id, settings=settings, verdicts=verdicts)
    names = _names(conn, owner_id)
    candidates: list[PruneCandidate] = []
    protected = kept = 0
    for pid, v in verdicts.items():
        if v.state in ("hidden", "removed"):
            continue
        found = reasons_for(v, facts.get(pid, PruneFacts()), settings, today)
        if reasons is not None:
            found = [r for r in found if r.code in reasons]
        if not found:
            continue
        if v.protected:
            protected += 1
            continue
        if not include_kept and decisions.get(pid, ("",))[0] == "keep":
            kept += 1
            continue
        name, company, position, url = names.get(pid, (f"#{pid}", None, None, None))
        candidates.append(PruneCandidate(pid, name, company, position, url, v.state, v.last_contact,
                                         v.connected_on, found))
    candidates.sort(key=lambda c: (-len(c.reasons), c.last_contact or c.connected_on or date.min, c.person_id))
    considered = sum(1 for v in verdicts.values() if v.state not in ("hidden", "removed"))
    return PruneList(candidates, considered, protected, kept)


def load_facts(
    conn: Connection, owner_id: int, *, settings: Settings, verdicts: Mapping[int, Verdict]
) -> dict[int, PruneFacts]:
    """PruneFacts for every connection, in a handful of bulk queries."""
    counts: dict[int, tuple[int, int]] = {}
    for pid, n_in, n_out in conn.execute(
        text("SELECT person_id, SUM(CASE WHEN direction = 'in' THEN 1 ELSE 0 END), "
             "SUM(CASE WHEN direction = 'out' THEN 1 ELSE 0 END) FROM interactions "
             "WHERE owner_id = :o AND person_id IS NOT NULL GROUP BY person_id"),
        {"o": owner_id},
    ):
        counts[int(pid)] = (int(n_in or 0), int(n_out or 0))
    only_in = [pid for pid, (n_in, n_out) in counts.items() if n_in and not n_out and pid in verdicts]
    pitches = _pitches(conn, owner_id, only_in)
    soured = _soured(conn, owner_id)
    suspect_facts = suspicious.load_facts(conn, owner_id)
    flags = suspicious.find_suspicious(suspect_facts)
    profile = {f.person_id: f for f in suspect_facts}
    out: dict[int, PruneFacts] = {}
    for pid in verdicts:
        sf = profile.get(pid)
        n_in, n_out = counts.get(pid, (0, 0))
        n_pitch, signals = pitches.get(pid, (0, ()))
        soured_on, note = soured.get(pid, (None, None))
        out[pid] = PruneFacts(
            company=sf.company if sf else None, position=sf.position if sf else None,
            messages_in=n_in, messages_out=n_out, pitches_in=n_pitch, pitch_signals=signals,
            blank_invitation_on=sf.blank_invitation_on if sf else None,
            soured_on=soured_on, soured_note=note, suspicion=flags.get(pid),
        )
    return out


def _pitches(conn: Connection, owner_id: int, ids: list[int]) -> dict[int, tuple[int, tuple[str, ...]]]:
    found: dict[int, tuple[int, dict[str, None]]] = {}
    for pid, subject, content in rows_for_ids(
        conn, "SELECT person_id, subject, content FROM interactions WHERE owner_id = :o AND direction = 'in' "
        "AND person_id IN :ids", ids, {"o": owner_id},
    ):
        signals = pitch.is_pitch(" ".join(p for p in (subject, content) if p))
        if signals:
            n, seen = found.get(int(pid), (0, {}))
            seen.update(dict.fromkeys(signals))
            found[int(pid)] = (n + 1, seen)
    return {pid: (n, tuple(seen)) for pid, (n, seen) in found.items()}


def _soured(conn: Connection, owner_id: int) -> dict[int, tuple[date | None, str | None]]:
    latest: dict[int, tuple[str, date | None, str | None]] = {}
    for pid, verdict, decided_at, note in conn.execute(
        text("SELECT person_id, verdict, decided_at, note FROM decisions WHERE owner_id = :o "
             "AND subject = 'relationship' AND person_id IS NOT NULL ORDER BY decided_at, id"),
        {"o": owner_id},
    ):
        latest[int(pid)] = (verdict, clock.iso_date(decided_at), note)
    return {pid: (on, note) for pid, (verdict, on, note) in latest.items() if verdict == "soured"}


def _names(conn: Connection, owner_id: int) -> dict[int, tuple[str, str | None, str | None, str | None]]:
    return {
        int(pid): (full, company or None, position or None, url)
        for pid, full, company, position, url in conn.execute(
            text("SELECT p.id, p.full_name, p.company, p.position, p.url FROM connections c "
                 "JOIN people p ON p.id = c.person_id WHERE c.owner_id = :o"),
            {"o": owner_id},
        )
    }


CSV_HEADER = ("name", "company", "position", "profile_url", "state", "last_contact", "connected_on",
              "suspicious", "reasons")


def csv_rows(listing: PruneList) -> list[list[Any]]:
    """The candidates as spreadsheet rows (write them with twoway.csv_safe)."""
    return [
        [c.name, c.company, c.position, c.url, c.state,
         c.last_contact.isoformat() if c.last_contact else "", c.connected_on.isoformat() if c.connected_on else "",
         c.suspicious, c.reason_text]
        for c in listing.candidates
    ]
