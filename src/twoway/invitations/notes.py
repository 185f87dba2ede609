"""What an invitation note says: blank, LinkedIn's default text, a pitch, generic, or personal, and why.

One reading of a note serves both directions: the triage asks of an incoming note whether it was written
for the owner, and the coach asks the same of the owner's own notes before they go out.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from twoway import identity, pitch

BLANK, DEFAULT, PITCH, GENERIC, PERSONAL = "blank", "default", "pitch", "generic", "personal"

# LinkedIn's stock invitation texts over the years (normalised); a note that is one of these plus a
# greeting, a name and a sign-off was not written for anyone.
DEFAULT_TEXTS = (
    "i'd like to add you to my professional network on linkedin",
    "i would like to add you to my professional network on linkedin",
    "i'd like to add you to my professional network",
    "i would like to add you to my professional network",
    "i want to add you to my professional network on linkedin",
    "i'd like to join your linkedin network",
    "i would like to join your linkedin network",
    "i'd like to join your network on linkedin",
    "i'd like to connect with you on linkedin",
    "i would like to connect with you on linkedin",
    "please add me to your linkedin network",
)
_DEFAULT_EXTRA_WORDS = 6  # greeting, two names and a sign-off around the stock text

_WHERE_OR_WHY = re.compile(
    "|".join(f"(?:{p})" for p in (
        r"\bwe (?:met|both|worked|studied|spoke|talked|chatted|shared|sat)\b",
        r"\bmet (?:you|at|during|in)\b", r"\b(?:nice|great|good|lovely) (?:meeting|to meet|chatting|talking)\b",
        r"\byour (?:talk|post|article|paper|work|research|book|podcast|presentation|keynote|panel|comment|thread|"
        r"blog|newsletter|project|team|startup|course|session|workshop|question|answer|repo|library|thesis|"
        r"experience|role|move|launch|write-?up|lecture|video)s?\b",
        r"\b(?:conference|meetup|summit|webinar|workshop|hackathon|panel|offsite|alumni|cohort|bootcamp|"
        r"reading group|class of|university|school)\b",
        r"\b(?:mutual friend|introduced (?:me|us)|suggested (?:i|that i|we)|recommended (?:i|that i|we|you)|"
        r"referred|pointed me to)\b",
        r"\b(?:former |ex-?)?colleagues?\b", r"\bworked together\b", r"\bsame (?:team|company|field|school|lab)\b",
        r"\bi (?:read|saw|watched|heard|enjoyed|loved|liked|noticed|came across|follow|attended|used)\b",
        r"\bi'?m (?:working on|building|researching|writing|hiring|organi[sz]ing|moving|starting)\b",
        r"\b(?:would|i'?d) (?:love|like) to (?:learn|hear|ask|discuss|chat about|swap|compare|get your|invite)\b",
        r"\bbecause\b", r"\bthanks? (?:for|to you)\b",
    )),
    re.IGNORECASE,
)
# A greeting directly followed by a capitalised word ("Hi Ada", not "Hello, looking forward").
_GREETING = re.compile(
    r"^\s*(?i:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)[ \t]+((?:[^\W\d_][\w'.-]*[ \t]+)?"
    r"[^\W\d_][\w'-]*)"
)
_OPENING_NAME = re.compile(r"^\s*([^\W\d_][\w'-]*)\s*[,!—-]")
_TITLES = {"dr", "mr", "mrs", "ms", "mx", "prof", "professor", "sir", "madam"}
_PLACEHOLDER = re.compile(r"\{[^}]*\}|\[[^\]]*\]|<[^>]*>|\bX{3,}\b|\bTODO\b")
_LINK = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|io|co|net|org|ly|me|ai|app)(?:/\S*)?\b", re.I)
_NOT_A_NAME = {"there", "all", "everyone", "team", "friend", "again", "folks", "hi", "hello", "hey", "dear",
               "greetings", "thanks", "congrats", "congratulations"}


def normalise(note: str) -> str:
    """Lower-case words only, so spelling of quotes, punctuation and spacing do not matter."""
    cleaned = note.casefold().replace("’", "'").replace("‘", "'")
    cleaned = re.sub(r"[^\w\s']", " ", cleaned)
    return re.sub(r"\s+", " ", cleaned).strip()


def is_default_text(note: str | None) -> bool:
    """LinkedIn's stock text, give or take a greeting, the names and a sign-off."""
    if not note or not note.strip():
        return False
    words = normalise(note)
    for stock in DEFAULT_TEXTS:
        if stock in words:
            extra = len(words.replace(stock, " ").split())
            if extra <= _DEFAULT_EXTRA_WORDS:
                return True
    return False


def _first_name(name: str | None) -> str | None:
    if not name:
        return None
    parts = identity.name_key(name).split()
    return parts[0] if parts else None


def greeting_name(note: str) -> str | None:
    """The name the note opens with ("Hi Ada," or "Ada," → "Ada"), if it opens with one."""
    match = _GREETING.match(note) or _OPENING_NAME.match(note)
    if not match:
        return None
    words = [w for w in match.group(1).split() if w.rstrip(".").casefold() not in _TITLES]
    if not words or not words[0][0].isupper() or words[0].casefold() in _NOT_A_NAME:
        return None
    return words[0]


@dataclass(frozen=True)
class NoteReading:
    """What a note is: blank, LinkedIn's default, a pitch, generic, or personal, and why."""

    kind: str
    length: int
    addresses_by_name: bool
    says_where_or_why: bool
    is_default: bool
    pitch_signals: tuple[str, ...]
    links: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def read_note(note: str | None, *, recipient: str | None = None, recipient_company: str | None = None) -> NoteReading:
    body = (note or "").strip()
    if not body:
        return NoteReading(BLANK, 0, False, False, False, (), ())
    first = _first_name(recipient)
    words = set(identity.name_key(body).split())
    by_name = bool(first and first in words) or (not recipient and greeting_name(body) is not None)
    why = bool(_WHERE_OR_WHY.search(body))
    if recipient_company and not why:
        company = identity.name_key(recipient_company)
        why = bool(company) and company in identity.name_key(body)
    default = is_default_text(body)
    signals = tuple(pitch.is_pitch(body))
    found_links = tuple(m.group(0) for m in _LINK.finditer(body))
    if default:
        kind = DEFAULT
    elif signals:
        kind = PITCH
    elif why:
        kind = PERSONAL
    else:
        kind = GENERIC
    return NoteReading(kind, len(body), by_name, why, default, signals, found_links)
