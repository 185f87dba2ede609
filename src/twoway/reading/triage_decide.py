"""The decision for one invitation received: accept, accept and follow up, review or ignore, with its reasons.

:func:`decide` is pure: a note's :class:`~twoway.reading.notes.NoteReading` and the :class:`Evidence`
about its sender in, a :class:`Decision` out. The rules are one ordered table, :data:`RULES`; the
first rule that applies decides, and the reasons are the keys of the path it took, so the order of
precedence is written once:

1. someone the owner knows (past messages, same employer) — accept, unless the note is a pitch (review);
2. a pitch or spam — ignore;
3. a recruiter's note — review;
4. a personal note naming a context shared with the owner — accept (review when it carries a link);
5. a recruiter or spam by headline, when the note says nothing of its own — review or ignore;
6. a blank, default or generic note the owner historically accepts nearly always — accept;
7. anything else from a stranger — review.

"Accept" becomes ``accept_follow_up`` when the note proposes something: a call, a question, a meeting.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from twoway.reading.notes import (
    BLANK,
    DEFAULT,
    PERSONAL,
    PITCH,
    RECRUITER,
    NoteReading,
    is_recruiter_text,
    spam_signals,
)

ACCEPT, FOLLOW_UP, REVIEW, IGNORE = "accept", "accept_follow_up", "review", "ignore"
ACTIONS = (ACCEPT, FOLLOW_UP, REVIEW, IGNORE)
#: The owner accepts "nearly all" invitations of a kind from this past acceptance rate on.
USUALLY_ACCEPTS = 0.8


@dataclass(frozen=True, slots=True)
class Evidence:
    """What is known about the sender and the owner's habits, besides the note."""

    known: bool = False  # past messages with the owner
    same_employer: bool = False
    mutuals: int | None = None  # None: not known
    sender_headline: str = ""
    sender_company: str = ""
    accept_rates: Mapping[str, float] | None = None  # owner's past acceptance per note kind; None: no history


@dataclass(frozen=True, slots=True)
class Decision:
    action: str  # accept | accept_follow_up | review | ignore
    reasons: tuple[str, ...]  # reason keys, from the rule that decided


@dataclass(frozen=True, slots=True)
class _Facts:
    """The reading and the evidence, digested once for every rule."""

    reading: NoteReading
    evidence: Evidence
    tie: tuple[str, ...]  # "known", "same_employer"
    recruiter_headline: bool
    headline_spam: tuple[str, ...]
    accept_rate: float | None
    rate_kind: str

    @property
    def personal(self) -> tuple[str, ...]:
        return tuple(f"personal_note:{m}" for m in self.reading.shared)

    @property
    def pitch(self) -> tuple[str, ...]:
        return tuple(f"pitch:{s}" for s in self.reading.signals) or ("pitch",)

    @property
    def asks(self) -> tuple[str, ...]:
        return ("asks",) if self.reading.asks else ()

    @property
    def mutuals(self) -> tuple[str, ...]:
        n = self.evidence.mutuals
        return () if n is None else (f"mutuals:{n}",)

    @property
    def said_nothing(self) -> bool:
        """Blank, the default text, or a note that names nothing shared with the owner."""
        return self.reading.kind in (BLANK, DEFAULT) or (self.reading.kind == PERSONAL and not self.reading.shared)


def _facts(reading: NoteReading, evidence: Evidence) -> _Facts:
    tie = (("known",) if evidence.known else ()) + (("same_employer",) if evidence.same_employer else ())
    about = f"{evidence.sender_headline} {evidence.sender_company}".strip()
    rate_kind, rate = _history(reading, evidence.accept_rates or {})
    return _Facts(reading, evidence, tie, is_recruiter_text(about), spam_signals(about), rate, rate_kind)


def _history(reading: NoteReading, rates: Mapping[str, float]) -> tuple[str, float | None]:
    """The owner's past acceptance that speaks for this note: of default texts if known, else of blank
    invitations — a default text or a note naming nothing shared says no more than no note at all."""
    if reading.kind == DEFAULT and DEFAULT in rates:
        return DEFAULT, rates[DEFAULT]
    if reading.kind in (BLANK, DEFAULT) or (reading.kind == PERSONAL and not reading.shared):
        return BLANK, rates.get(BLANK)
    return "", None


def _accept(f: _Facts) -> str:
    return FOLLOW_UP if f.reading.asks else ACCEPT


def _stranger_note(f: _Facts) -> str:
    return {BLANK: "blank_from_stranger", DEFAULT: "default_from_stranger"}.get(f.reading.kind,
                                                                                "generic_note_from_stranger")


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    applies: Callable[[_Facts], bool]
    action: Callable[[_Facts], str]
    reasons: Callable[[_Facts], tuple[str, ...]]


#: The order of precedence: the first rule that applies decides.
RULES: tuple[Rule, ...] = (
    Rule("known_but_pitch", lambda f: bool(f.tie) and f.reading.kind == PITCH,
         lambda f: REVIEW, lambda f: f.tie + f.pitch),
    Rule("known", lambda f: bool(f.tie),
         _accept, lambda f: f.tie + f.personal + f.asks),
    Rule("pitch", lambda f: f.reading.kind == PITCH,
         lambda f: IGNORE, lambda f: f.pitch),
    Rule("recruiter", lambda f: f.reading.kind == RECRUITER,
         lambda f: REVIEW, lambda f: ("recruiter",)),
    Rule("personal_with_link", lambda f: bool(f.reading.shared) and "link" in f.reading.signals,
         lambda f: REVIEW, lambda f: (*f.personal, "link_from_stranger")),
    Rule("personal", lambda f: bool(f.reading.shared),
         _accept, lambda f: f.personal + f.asks),
    Rule("recruiter_by_headline", lambda f: f.said_nothing and f.recruiter_headline,
         lambda f: REVIEW, lambda f: ("recruiter", "recruiter_headline")),
    Rule("spam_by_headline", lambda f: f.said_nothing and bool(f.headline_spam),
         lambda f: IGNORE, lambda f: tuple(f"spam_headline:{s}" for s in f.headline_spam)),
    Rule("owner_accepts_usually", lambda f: f.said_nothing and f.accept_rate is not None
         and f.accept_rate >= USUALLY_ACCEPTS,
         lambda f: ACCEPT, lambda f: (_stranger_note(f), f"owner_accepts_{f.rate_kind}_usually")),
    Rule("stranger", lambda f: True,
         lambda f: REVIEW, lambda f: (_stranger_note(f), *f.mutuals)),
)


def decide(reading: NoteReading, evidence: Evidence) -> Decision:
    """The action for one invitation received and the reason keys of the rule that decided it."""
    facts = _facts(reading, evidence)
    rule = next(r for r in RULES if r.applies(facts))
    return Decision(rule.action(facts), rule.reasons(facts))
