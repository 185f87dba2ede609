"""What an invitation note says, whether it is a good one, and a personalised draft.

One reading of a note serves both directions: the triage asks of an incoming note whether it
was written for the owner (not LinkedIn's default text, not a pitch, says where or why), and the
coach asks the same of the owner's own notes before they go out, plus the length limit and a
greeting by the right name.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from twoway import clock, drafts, identity, invitations, pitch
from twoway import settings as settings_mod

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


@dataclass(frozen=True)
class Issue:
    code: str
    severity: str  # 'error' must be fixed; 'warning' is advice
    message: str


@dataclass(frozen=True)
class NoteCheck:
    text: str
    length: int
    limit: int
    kind: str
    issues: list[Issue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(i.severity == "error" for i in self.issues)

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "length": self.length, "limit": self.limit, "kind": self.kind,
                "issues": [asdict(i) for i in self.issues], "text": self.text}


def check(
    note: str,
    *,
    recipient: str | None = None,
    recipient_company: str | None = None,
    limit: int | None = None,
    settings: settings_mod.Settings | None = None,
) -> NoteCheck:
    """Lint an outgoing note: length, a greeting by the right name, where or why, not default, not a pitch."""
    max_len = limit if limit is not None else int((settings or settings_mod.Settings()).invite_note_limit)
    body = note.strip()
    reading = read_note(body, recipient=recipient, recipient_company=recipient_company)
    issues: list[Issue] = []
    if not body:
        issues.append(Issue("empty", "error", "the note is empty; a personal note is accepted far more often"))
        return NoteCheck(body, 0, max_len, reading.kind, issues)
    if len(body) > max_len:
        issues.append(Issue("too_long", "error", f"{len(body)} characters; LinkedIn takes at most {max_len} "
                                                 f"(cut {len(body) - max_len})"))
    if _PLACEHOLDER.search(body):
        issues.append(Issue("placeholder", "error", "a placeholder is left in the text; fill it in"))
    if reading.is_default:
        issues.append(Issue("default_text", "error", "this is LinkedIn's default text; say who you are and why"))
    if reading.pitch_signals:
        issues.append(Issue("pitch", "error", "reads as a sales pitch (" + ", ".join(reading.pitch_signals)
                            + "); invitations that sell are ignored or reported"))
    greeted = greeting_name(body)
    wanted = _first_name(recipient)
    their_names = set(identity.name_key(recipient or "").split())
    if wanted and greeted and identity.name_key(greeted) not in their_names:
        issues.append(Issue("wrong_name", "error", f"it greets {greeted!r} but goes to {recipient}"))
    elif not reading.addresses_by_name:
        who = f" ({wanted.title()})" if wanted else ""
        issues.append(Issue("no_name", "warning", f"address the person by name{who}"))
    if not reading.says_where_or_why and not reading.is_default:
        issues.append(Issue("no_where_or_why", "warning", "say where you met or why you want to connect"))
    if reading.links and not reading.pitch_signals:
        issues.append(Issue("link", "warning", "links in an invitation look like spam; share them after connecting"))
    return NoteCheck(body, len(body), max_len, reading.kind, issues)


# --- drafting --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    person_id: int
    person: str
    text: str
    template: str
    check: NoteCheck
    warnings: list[str] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"person_id": self.person_id, "person": self.person, "text": self.text, "template": self.template,
                "check": self.check.to_dict(), "warnings": list(self.warnings), "facts": self.facts}


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def template(name: str) -> str:
    """The one-line text of the ``invite_*`` template ``name``: the owner's edited copy if any, else the default.

    Templates live with the other drafts (``twoway templates`` lists them); ``##`` lines are notes.
    """
    raw = drafts.template_text(name)
    return " ".join(line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("##"))


def _sentence(context: str) -> str:
    """The owner's context as the middle of a sentence: no capital after the greeting, a full stop at the end."""
    body = " ".join(context.split())
    if len(body) > 1 and body[0].isupper() and body[1].islower() and not body.startswith("I "):
        body = body[0].lower() + body[1:]
    if body and body[-1] not in ".!?":
        body += "."
    return body


def draft(
    conn: Connection,
    owner_id: int,
    person_id: int,
    *,
    context: str | None = None,
    settings: settings_mod.Settings | None = None,
    today: date | None = None,
) -> Draft:
    """A personalised invitation note for this person from what is known, checked, with sending warnings."""
    from twoway import triage  # the shared-history facts live with the triage, which imports this module

    s = settings or settings_mod.load(conn)
    day = today or clock.today()
    person = conn.execute(
        text("SELECT full_name, first_name, company, position FROM people WHERE id = :id"), {"id": person_id}
    ).one()
    owner = conn.execute(text("SELECT name, first_name FROM owners WHERE id = :id"), {"id": owner_id}).one()
    known = triage.known_facts(conn, owner_id, [person_id]).get(person_id, triage.Known())
    first = (person.first_name or person.full_name.split()[0]).strip()
    me = (owner.first_name or owner.name.split()[0]).strip()
    focus = [k for k in s.focus_keywords if k and triage.mentions(f"{person.position or ''} {person.company or ''}", k)]
    values = _Blank(
        first_name=first, owner_first_name=me, company=person.company or "", position=person.position or "",
        shared_employer=known.shared_employers[0] if known.shared_employers else "",
        context=_sentence(context) if context and context.strip() else "",
        focus_clause=f", as we both work on {focus[0]}" if focus else "",
        last_talk=f" (we last spoke in {clock.ts_to_date(known.last_at).strftime('%B %Y')})" if known.last_at else "",
    )
    if values["context"]:
        name = "invite_context"
    elif values["shared_employer"]:
        name = "invite_shared_employer"
    elif known.messages:
        name = "invite_reconnect"
    elif values["company"] and values["position"]:
        name = "invite_company"
    else:
        name = "invite_blank"
    body = template(name).format_map(values)
    limit = int(s.invite_note_limit)
    warnings: list[str] = []
    if len(body) > limit and values["focus_clause"]:
        values["focus_clause"] = ""
        body = template(name).format_map(values)
    if len(body) > limit and name == "invite_context":
        room = len(values["context"]) - (len(body) - limit) - 1
        cut = values["context"][:max(room, 0)].rsplit(" ", 1)[0].rstrip(",;:—- ")
        values["context"] = cut + "."
        body = template(name).format_map(values)
        warnings.append(f"the context was shortened to fit {limit} characters; check it still reads well")
    if name in ("invite_company", "invite_blank"):
        warnings.append("nothing says where you met or why: add it with --context for a stronger note")
    warnings += invitations.sending_warnings(conn, owner_id, person_id, settings=s, today=day)
    result = check(body, recipient=person.full_name, recipient_company=person.company, limit=limit)
    facts = {"company": person.company, "position": person.position, "shared_employers": known.shared_employers,
             "messages": known.messages, "in_contacts": known.in_contacts, "focus": focus}
    return Draft(person_id, person.full_name, body, name, result, warnings, facts)
