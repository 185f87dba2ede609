"""Which connections to prune, and why, on evidence only; and the dormant review.

Reasons (a candidate carries every one that applies): unresponsive after three attempts; they only send
pitches the owner never answers; a re-introduction to someone never spoken with went unanswered (the owner
does not know them); their field matches none of the owner's ``focus_keywords``; the owner marked the
relationship as soured; and, for review, strong signs of a fake account (:mod:`twoway.prune.suspicious`).
"Never a word" alone is no reason: such ties get one re-introduction in the weekly plan first, and the
long-dormant ones are grouped apart (:func:`dormant`) for the owner to look over and hide in bulk.

Never suggested: protected tags, hidden or removed connections, those the owner chose to keep, and anyone
in this week's plan. Nothing here changes anything by itself: :mod:`twoway.prune.decisions` records what
the owner decided.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from twoway import clock
from twoway import settings as settings_mod
from twoway.plan import build_week
from twoway.prune import suspicious
from twoway.settings import Settings
from twoway.states import Verdict, compute_states, prune_decisions
from twoway.words import date_words, mentions

REASON_CODES = ("unresponsive", "pitches", "reintro_unanswered", "off_focus", "soured", "suspicious")


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
    pitches_in: int = 0
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


def reasons_for(v: Verdict, facts: PruneFacts, settings: Settings, today: date) -> list[PruneReason]:
    """Every prune reason that applies to one connection (pure)."""
    out: list[PruneReason] = []
    if v.state == "unresponsive":
        out.append(PruneReason("unresponsive", f"unresponsive: {v.reason}"))
    if v.pitch_only:
        said = ("their one message was a pitch" if facts.messages_in <= 1
                else f"all {facts.messages_in} of their messages were pitches")
        out.append(PruneReason("pitches", f"only pitches: {said}, never answered"))
    if v.state != "unresponsive" and v.attempts and v.last_in is None and v.state != "awaiting_reply":
        blank = (f"you accepted their blank invitation ({date_words(facts.blank_invitation_on)}), "
                 if facts.blank_invitation_on else "")
        out.append(PruneReason("reintro_unanswered", f"{blank}you wrote on {date_words(v.last_attempt_on)} "
                               f"(attempt {v.attempts}) and they have never written back" if v.last_attempt_on
                               else f"{blank}they have never answered you"))
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
    settings = settings or settings_mod.load(conn, owner_id)
    today = today or clock.today()
    verdicts = compute_states(conn, owner_id, settings=settings, today=today)
    decisions = prune_decisions(conn, owner_id)
    # Whoever this week's plan reaches out to is not also proposed for pruning.
    planned = {i.person_id for i in build_week(conn, owner_id, settings=settings, today=today, with_drafts=False,
                                               all_items=True).items}
    facts = load_facts(conn, owner_id, settings=settings, verdicts=verdicts)
    names = _names(conn, owner_id)
    candidates: list[PruneCandidate] = []
    protected = kept = 0
    for pid, v in verdicts.items():
        if v.state in ("hidden", "removed") or pid in planned:
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
    for pid, n_in, n_pitch in conn.execute(
        text("SELECT person_id, SUM(CASE WHEN direction = 'in' THEN 1 ELSE 0 END), "
             "SUM(CASE WHEN direction = 'in' AND reading = 'pitch' THEN 1 ELSE 0 END) FROM interactions "
             "WHERE owner_id = :o AND person_id IS NOT NULL GROUP BY person_id"),
        {"o": owner_id},
    ):
        counts[int(pid)] = (int(n_in or 0), int(n_pitch or 0))
    blank = _blank_invitations(conn, owner_id)
    soured = _soured(conn, owner_id)
    suspect_facts = suspicious.load_facts(conn, owner_id, {pid: v.pitch_only for pid, v in verdicts.items()})
    flags = suspicious.find_suspicious(suspect_facts)
    profile = {f.person_id: f for f in suspect_facts}
    out: dict[int, PruneFacts] = {}
    for pid, v in verdicts.items():
        sf = profile.get(pid)
        n_in, n_pitch = counts.get(pid, (0, 0))
        soured_on, note = soured.get(pid, (None, None))
        out[pid] = PruneFacts(
            company=sf.company if sf else None, position=sf.position if sf else None,
            messages_in=n_in, pitches_in=n_pitch,
            blank_invitation_on=v.connected_on if pid in blank else None,
            soured_on=soured_on, soured_note=note, suspicion=flags.get(pid),
        )
    return out


def _blank_invitations(conn: Connection, owner_id: int) -> set[int]:
    """People whose invitation to the owner had no note."""
    return {int(pid) for pid, message in conn.execute(
        text("SELECT person_id, message FROM invitations WHERE owner_id = :o AND direction = 'in' "
             "AND person_id IS NOT NULL"), {"o": owner_id}) if not (message or "").strip()}


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
