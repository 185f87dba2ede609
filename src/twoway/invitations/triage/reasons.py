"""One invitation received, recommended: :func:`recommend` reads its note, lets the rule decide
(:func:`~twoway.invitations.triage.rule.decide`) and writes each reason of the decision in words.

It is the one function the product calls for one invitation: the triage of an owner's invitations
(:func:`twoway.invitations.triage.incoming`) and the labelled evaluations alike. Every reason has a stable
key (for programs and tests), an effect ('+' for accepting, '-' against, '' neither) and a sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from twoway import settings as settings_mod
from twoway.invitations.triage.rule import USUALLY_ACCEPTS, Decision, Evidence, Facts, decide
from twoway.reading.notes import BLANK, DEFAULT, PERSONAL, PITCH

#: What a personal note's mentions name, in words.
NAMES = {"event": "where you met", "talk": "your talk", "employer": "time working together", "school": "your school",
         "alumni": "an alumni tie", "referral": "who sent them", "specific_reason": "a specific reason to connect"}
#: Pitch and spam signals, in words.
SIGNALS = {"call_to_book": "asks to book a call", "sales_offer": "sales offer", "money_scheme": "money scheme",
           "price_per_hour": "prices by the hour", "off_platform": "moves you to another messenger",
           "recruiting": "recruiting", "prospecting": "prospecting", "sales_words": "sales words",
           "job_terms": "job offer", "trigger": "sales trigger", "short_call": "asks for a short call",
           "followup": "chases an earlier message", "urgency": "urgency", "dm_me": "asks for a direct message",
           "link": "link"}
#: The kinds of note the owner's history is counted by, in words.
HISTORY = {BLANK: "blank invitations", DEFAULT: "invitations with LinkedIn's default text",
           PERSONAL: "invitations with a personal note", PITCH: "pitches", "recruiter": "recruiters' invitations"}
LANGUAGES = {"de": "German", "es": "Spanish", "fr": "French", "pt": "Portuguese", "it": "Italian", "nl": "Dutch"}
_FOR = {"known_messages", "known_employer", "known_contact", "note_personal", "asks", "mutuals", "focus_match"}
_AGAINST = {"note_none", "note_default", "pitch", "link", "copy_paste", "mass_sent", "empty_profile",
            "spam_headline", "mutuals_none", "focus_mismatch"}


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
    rule: str | None = None  # the rule that decided (None for advice on sent invitations)

    @property
    def keys(self) -> list[str]:
        return [r.key for r in self.reasons]

    def summary(self) -> str:
        return "; ".join(r.text for r in self.reasons)


def recommend(evidence: Evidence, *, settings: settings_mod.Settings | None = None) -> Recommendation:
    """accept, accept_follow_up, review or ignore for one invitation received, with every reason in words."""
    reading = evidence.reader.read(evidence.note)
    decision = decide(reading, evidence, settings=settings)
    return Recommendation(decision.action, explain(decision), reading.kind, decision.rule)


def explain(decision: Decision) -> list[Reason]:
    """The decision's reasons in words, from its facts (never by deciding again)."""
    f = decision.facts
    return [Reason(key, _effect(key, f), _WORDS[key](f)) for key in decision.reasons]


def _effect(key: str, f: Facts) -> str:
    if key == "owner_history":
        return "+" if (f.rate or 0) >= USUALLY_ACCEPTS else ""
    return "+" if key in _FOR else "-" if key in _AGAINST else ""


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _quoted(f: Facts, key: str) -> str:
    words = f.evidence.reader.quote(f.evidence.note, key)
    return f': "{words}"' if words else ""


def _personal(f: Facts) -> str:
    named = [NAMES[m] for m in f.reading.shared]
    what = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0]
    return f"a personal note naming {what}{_quoted(f, f.reading.shared[0])}"


def _default(f: Facts) -> str:
    language = LANGUAGES.get(f.reading.language)
    return "LinkedIn's default text" + (f" (in {language})" if language else "") + ", not written for you"


def _pitch(f: Facts) -> str:
    signals = [SIGNALS.get(s, s.replace("_", " ")) for s in f.reading.signals]
    return "reads as a pitch" + (": " + ", ".join(dict.fromkeys(signals)) if signals else "")


def _history(f: Facts) -> str:
    kind, rate = f.rate_kind, f.rate or 0.0
    accepted, settled = (f.evidence.accept_counts or {}).get(kind, (0, 0))
    share = f"{accepted} of {settled}" if settled else f"{rate:.0%} of"
    said = "" if f.reading.kind == kind else (
        ", and a default text says no more than no note" if f.reading.kind == DEFAULT
        else ", and a note naming nothing you share says no more than none")
    return f"you accept {share} {HISTORY.get(kind, kind)}{said}"


def _about(f: Facts) -> str:
    """The sender's position and company, as a person would write them."""
    return " at ".join(part for part in (f.evidence.position, f.evidence.company) if part)


def _mutuals(f: Facts) -> str:
    n = f.evidence.mutuals or 0
    return ("at least " if f.evidence.mutuals_partial else "") + _plural(n, "mutual connection")


def _known_messages(f: Facts) -> str:
    k = f.evidence.known
    return (f"you have exchanged {_plural(k.messages, 'message')} ({k.messages_out} from you, "
            f"{k.messages_in} from them)")


_WORDS: dict[str, Callable[[Facts], str]] = {
    "decided": lambda f: f"you decided: {f.evidence.decision}",
    "known_messages": _known_messages,
    "known_employer": lambda f: "you both worked at " + ", ".join(f.evidence.known.shared_employers),
    "known_contact": lambda f: "in your address book",
    "stranger": lambda f: "no shared history: no messages, employer or address-book entry",
    "note_none": lambda f: "no note",
    "note_default": _default,
    "note_personal": _personal,
    "note_generic": lambda f: "a note that names nothing you share (no event, talk, employer, school or referral)",
    "pitch": _pitch,
    "recruiter": lambda f: "a recruiter's note" + (_quoted(f, "recruiter") or ": a role on offer"),
    "asks": lambda f: "it proposes something to follow up" + _quoted(f, "asks"),
    "link": lambda f: f"the note carries a link ({f.evidence.reader.quote(f.evidence.note, 'link')})",
    "copy_paste": lambda f: f"the same note came from {f.evidence.note_senders} different senders",
    "mass_sent": lambda f: f"they sent this same note to {f.evidence.note_recipients} members of your team",
    "empty_profile": lambda f: "their profile shows no position or company",
    "spam_headline": lambda f: f"their headline reads as spam ({', '.join(SIGNALS.get(s, s) for s in f.headline_spam)})"
                               f": {_about(f)}",
    "recruiter_headline": lambda f: f"their headline reads as a recruiter's: {_about(f)}",
    "mutuals": _mutuals,
    "mutuals_none": lambda f: "no mutual connections",
    "mutuals_none_known": lambda f: "no mutual connections through your team's networks",
    "mutuals_unknown": lambda f: "mutual connections unknown (only one network is loaded)",
    "focus_match": lambda f: "relevant to your focus: " + ", ".join(f.focus_matched),
    "focus_mismatch": lambda f: f"{_about(f)} is outside your focus ({', '.join(f.focus)})",
    "owner_history": _history,
}
