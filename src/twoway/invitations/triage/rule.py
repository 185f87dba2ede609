"""The triage rule for one incoming invitation: accept, follow up, review or ignore, with its reasons.

:func:`recommend` is a pure function of an invitation's :class:`Evidence`, so its rules can be
checked on written examples without a database (:mod:`twoway.triage_evidence` gathers the evidence).
Every recommendation carries its reasons, each with a stable key (for programs and tests) and a
sentence (for people).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from twoway import identity
from twoway import settings as settings_mod
from twoway.invitations import notes as notes_coach
from twoway.invitations.records import VERDICTS
from twoway.words import mentions

ACCEPT, FOLLOW_UP, REVIEW, IGNORE = "accept", "accept_and_follow_up", "review", "ignore"
WITHDRAW, WAIT, THANK, NONE = "withdraw", "wait", "thank_and_follow_up", "none"
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

    if e.decision in VERDICTS:
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
