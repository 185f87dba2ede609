"""The rule for one invitation received: accept, accept and follow up, review or ignore, and why.

:func:`decide` is pure: a note's :class:`~twoway.reading.notes.NoteReading` and the :class:`Evidence` about
the invitation in, a :class:`Decision` out. The rules are one ordered table, :data:`RULES`; the first rule
that applies decides, so the order of precedence is written once:

1. the owner's own decision on this invitation stands;
2. someone the owner knows (past messages, an employer shared, the address book) — accept, or review when
   the note is spam;
3. spam — a sales or money pitch, a note copy-pasted by many senders or sent to many of the team — ignore;
4. a recruiter's note — review;
5. a personal note naming a context shared with the owner — accept; review when it carries a link, the
   profile is bare, or the sender works outside the owner's focus;
6. a note that says nothing of its own (blank, the default text, or naming nothing shared) from a recruiter
   by headline — review; from a spammer by headline or a bare profile — ignore;
7. such a note when the owner historically accepts nearly all of them (:data:`USUALLY_ACCEPTS`) — accept;
8. anything else from a stranger — review.

"Accept" becomes ``accept_follow_up`` when the note proposes something: a call, a question, a meeting.
A decision's reasons are keys: first those of the rule that decided, then every other fact seen. The
words for them are written from the decision (:mod:`twoway.invitations.triage.reasons`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from twoway import settings as settings_mod
from twoway.invitations.records import VERDICTS
from twoway.reading.notes import (
    BLANK,
    DEFAULT,
    PERSONAL,
    PITCH,
    RECRUITER,
    NoteReading,
    Reader,
    is_recruiter_text,
    spam_signals,
)
from twoway.words import mentions

ACCEPT, FOLLOW_UP, REVIEW, IGNORE = "accept", "accept_follow_up", "review", "ignore"
ACTIONS = (ACCEPT, FOLLOW_UP, REVIEW, IGNORE)
#: The owner accepts "nearly all" invitations of a kind from this past acceptance rate on.
USUALLY_ACCEPTS = 0.8


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
    """Everything the triage weighs for one invitation received: its note, and what is known besides."""

    note: str | None = None
    reader: Reader = field(default_factory=Reader)  # the owner, as the note's reader (names, employers, schools)
    sender: str = ""
    known: Known = Known()
    position: str | None = None  # the sender's headline or position
    company: str | None = None
    profile: str = "unknown"  # 'known' | 'empty' (exported with no position or company) | 'unknown'
    mutuals: int | None = None  # None: not known (one network only); a lower bound when mutuals_partial
    mutuals_partial: bool = False
    note_senders: int = 1  # different senders of this same note text in the database
    note_recipients: int = 1  # different owners this sender sent this note to
    decision: str | None = None  # the owner's own verdict on this invitation
    accept_rates: Mapping[str, float | None] | None = None  # note kind → the owner's past acceptance; None: too little
    accept_counts: Mapping[str, tuple[int, int]] | None = None  # note kind → (accepted, settled) behind each rate


@dataclass(frozen=True)
class Facts:
    """The reading and the evidence, digested once for every rule (and for the words of the reasons)."""

    reading: NoteReading
    evidence: Evidence
    tie: tuple[str, ...]  # known_messages, known_employer, known_contact
    spam: tuple[str, ...]  # pitch, copy_paste, mass_sent
    recruiter_headline: bool
    headline_spam: tuple[str, ...]
    focus: tuple[str, ...]  # the owner's focus keywords
    focus_matched: tuple[str, ...]
    rate_kind: str  # the kind of note whose past acceptance speaks for this one ("" if none)

    @property
    def about(self) -> str:
        return f"{self.evidence.position or ''} {self.evidence.company or ''}".strip()

    @property
    def focus_mismatch(self) -> bool:
        return bool(self.focus) and not self.focus_matched and bool(self.about)

    @property
    def said_nothing(self) -> bool:
        """Blank, the default text, or a note that names nothing shared with the owner."""
        return self.reading.kind in (BLANK, DEFAULT) or (self.reading.kind == PERSONAL and not self.reading.shared)

    @property
    def note(self) -> str:
        """The reason key for what the note is."""
        kind = self.reading.kind
        if kind == PERSONAL:
            return "note_personal" if self.reading.shared else "note_generic"
        return {BLANK: "note_none", DEFAULT: "note_default"}.get(kind, kind)

    @property
    def rate(self) -> float | None:
        return (self.evidence.accept_rates or {}).get(self.rate_kind) if self.rate_kind else None

    @property
    def asks(self) -> tuple[str, ...]:
        return ("asks",) if self.reading.asks else ()

    @property
    def doubts(self) -> tuple[str, ...]:
        """What makes a stranger's personal note worth a look before accepting."""
        return (("link",) if "link" in self.reading.signals else ()) + (
            ("empty_profile",) if self.evidence.profile == "empty" else ()) + (
            ("focus_mismatch",) if self.focus_mismatch else ())

    @property
    def bare(self) -> tuple[str, ...]:
        """Spam signals about the sender rather than the note: a spammer's headline, a bare profile."""
        return (("spam_headline",) if self.headline_spam else ()) + (
            ("empty_profile",) if self.evidence.profile == "empty" else ())

    def seen(self) -> tuple[str, ...]:
        """Every fact worth a reason, in the order they are shown after the deciding ones."""
        e = self.evidence
        keys = [*(("decided",) if e.decision in VERDICTS else ()), *(self.tie or ("stranger",)), self.note]
        keys += ["link"] if "link" in self.reading.signals else []
        keys += [k for k in self.spam if k != "pitch"] + list(self.bare)
        keys += ["recruiter_headline"] if self.recruiter_headline else []
        if e.mutuals is None:
            keys.append("mutuals_unknown")
        else:
            keys.append("mutuals" if e.mutuals > 0 else "mutuals_none_known" if e.mutuals_partial else "mutuals_none")
        keys += ["focus_match"] if self.focus_matched else ["focus_mismatch"] if self.focus_mismatch else []
        # The owner's past speaks for a stranger's invitation that is not spam (spam is ignored whatever it was).
        keys += ["owner_history"] if self.rate is not None and not (self.tie or self.spam or e.decision) else []
        return tuple(keys)


def facts(reading: NoteReading, evidence: Evidence, settings: settings_mod.Settings | None = None) -> Facts:
    s = settings or settings_mod.Settings()
    k = evidence.known
    tie = tuple(key for key, on in (("known_messages", k.messages), ("known_employer", k.shared_employers),
                                    ("known_contact", k.in_contacts)) if on)
    written = reading.kind in (PERSONAL, PITCH, RECRUITER)
    copies = int(s.invite_copy_paste_senders)
    spam = tuple(key for key, on in (("pitch", reading.kind == PITCH),
                                     ("copy_paste", written and evidence.note_senders >= copies),
                                     ("mass_sent", written and evidence.note_recipients >= copies)) if on)
    about = f"{evidence.position or ''} {evidence.company or ''}".strip()
    focus = tuple(kw for kw in s.focus_keywords if kw.strip())
    matched = tuple(kw for kw in focus if mentions(about, kw) or mentions(evidence.note, kw))
    return Facts(reading, evidence, tie, spam, is_recruiter_text(about), spam_signals(about), focus, matched,
                 _rate_kind(reading, evidence.accept_rates or {}))


def _rate_kind(reading: NoteReading, rates: Mapping[str, float | None]) -> str:
    """The kind of note whose past acceptance speaks for this one: a default text's own if known, else that of
    blank invitations — a default text, or a note naming nothing shared, says no more than no note at all."""
    kind = reading.kind
    if kind == DEFAULT and rates.get(DEFAULT) is not None:
        return DEFAULT
    if kind in (BLANK, DEFAULT) or (kind == PERSONAL and not reading.shared):
        return BLANK if rates.get(BLANK) is not None else ""
    return kind if rates.get(kind) is not None else ""


@dataclass(frozen=True)
class Decision:
    action: str  # accept | accept_follow_up | review | ignore
    rule: str  # the name of the rule that decided
    reasons: tuple[str, ...]  # reason keys: the deciding rule's first, then every other fact seen
    facts: Facts


def _accept(f: Facts) -> str:
    return FOLLOW_UP if f.reading.asks else ACCEPT


def _ignore_or_accept(f: Facts) -> str:
    return ACCEPT if f.evidence.decision == "accept" else IGNORE


@dataclass(frozen=True)
class Rule:
    name: str
    applies: Callable[[Facts], bool]
    action: Callable[[Facts], str]
    why: Callable[[Facts], tuple[str, ...]]


#: The order of precedence: the first rule that applies decides.
RULES: tuple[Rule, ...] = (
    Rule("decided", lambda f: f.evidence.decision in VERDICTS, _ignore_or_accept, lambda f: ("decided",)),
    Rule("known_but_spam", lambda f: bool(f.tie and f.spam), lambda f: REVIEW, lambda f: f.tie + f.spam),
    Rule("known", lambda f: bool(f.tie), _accept, lambda f: f.tie + f.asks),
    Rule("spam", lambda f: bool(f.spam), lambda f: IGNORE, lambda f: f.spam),
    Rule("recruiter", lambda f: f.reading.kind == RECRUITER, lambda f: REVIEW, lambda f: ("recruiter",)),
    Rule("personal_with_doubt", lambda f: bool(f.reading.shared and f.doubts),
         lambda f: REVIEW, lambda f: ("note_personal", *f.doubts)),
    Rule("personal", lambda f: bool(f.reading.shared), _accept, lambda f: ("note_personal", *f.asks)),
    Rule("recruiter_by_headline", lambda f: f.said_nothing and f.recruiter_headline,
         lambda f: REVIEW, lambda f: ("recruiter_headline", f.note)),
    Rule("spam_by_profile", lambda f: f.said_nothing and bool(f.bare), lambda f: IGNORE, lambda f: (*f.bare, f.note)),
    Rule("owner_accepts_usually", lambda f: f.said_nothing and not f.focus_mismatch and f.rate is not None
         and f.rate >= USUALLY_ACCEPTS, lambda f: ACCEPT, lambda f: ("owner_history", f.note, "stranger")),
    Rule("stranger", lambda f: True, lambda f: REVIEW, lambda f: (f.note, "stranger")),
)


def decide(reading: NoteReading, evidence: Evidence, *, settings: settings_mod.Settings | None = None) -> Decision:
    """The action for one invitation received, the rule that decided it and the keys of every reason."""
    f = facts(reading, evidence, settings)
    rule = next(r for r in RULES if r.applies(f))
    why = rule.why(f)
    return Decision(rule.action(f), rule.name, why + tuple(k for k in f.seen() if k not in why), f)
