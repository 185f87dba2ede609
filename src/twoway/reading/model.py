"""What a reading is: the five kinds, the :class:`Reading` record, and the words for each detail."""

from __future__ import annotations

from dataclasses import dataclass

#: The kinds, in code order: a kind's code (``read_many``'s uint8 array) is its index here.
KINDS: tuple[str, ...] = ("question", "news", "courtesy", "pitch", "automated")
QUESTION, NEWS, COURTESY, PITCH, AUTOMATED = KINDS
CODE: dict[str, int] = {k: i for i, k in enumerate(KINDS)}

#: Languages the lexicon reads; anything else is ``unknown``.
LANGUAGES: tuple[str, ...] = ("en", "de", "es", "fr", "pt", "it", "nl")
UNKNOWN = "unknown"

# English noun phrase per detail, for reasons written in words ("their last message was a thank-you").
NOUNS: dict[str, str] = {
    "question": "a question",
    "request": "a request",
    "news": "news",
    "offer": "an offer of help",
    "thanks": "a thank-you",
    "connect_thanks": "thanks for connecting",
    "welcome": "a you're-welcome",
    "congrats": "congratulations",
    "birthday": "birthday wishes",
    "anniversary": "work-anniversary wishes",
    "wishes": "good wishes",
    "pleasantry": "a pleasantry",
    "ack": "an ok",
    "greeting": "a greeting",
    "emoji": "an emoji",
    "short": "a short reply",
    "empty": "an empty message",
    "sales": "a pitch",
    "recruiting": "a recruiter's message",
    "money_scheme": "a get-rich-quick pitch",
    "followup_pitch": "a sales follow-up",
    "sponsored": "a sponsored message",
    "template": "an automated message",
    "mass": "a mass mailing",
    "auto_reply": "an auto-reply",
}


@dataclass(frozen=True, slots=True)
class Reading:
    """One message, read: its kind, language and the finer detail, with the rules that decided it."""

    kind: str  # one of KINDS
    language: str  # "en", "de", ... or "unknown"
    detail: str  # finer key, see NOUNS
    signals: tuple[str, ...]  # which rules fired, short keys (for reasons and tests)
    noun: str  # English noun phrase for reasons, from ``detail``


def reading(kind: str, language: str, detail: str, signals: tuple[str, ...] = ()) -> Reading:
    """A :class:`Reading` with its noun filled in from ``detail``."""
    return Reading(kind, language, detail, signals, NOUNS.get(detail, "a message"))
