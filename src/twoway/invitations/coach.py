"""The coach for the owner's own invitation notes: is it a good one, and a personalised draft.

It reads a note as the triage reads an incoming one — one reading of a note serves both directions
(:class:`twoway.reading.notes.Reader`, with the recipient as the reader) — and adds what only an outgoing
note needs: the length limit, a greeting by the right name, and no placeholders left.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from twoway import clock, identity
from twoway import settings as settings_mod
from twoway.invitations.actions import sending_warnings
from twoway.invitations.triage.evidence import known_facts
from twoway.invitations.triage.rule import Known
from twoway.plan import drafts
from twoway.reading.notes import BLANK, DEFAULT, PITCH, NoteReading, Reader
from twoway.words import mentions

_PLACEHOLDER = re.compile(r"\{[^}]*\}|\[[^\]]*\]|<[^>]*>|\bX{3,}\b|\bTODO\b")
# A greeting directly followed by a capitalised word ("Hi Ada", not "Hello, looking forward").
_GREETING = re.compile(
    r"^\s*(?i:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)[ \t]+((?:[^\W\d_][\w'.-]*[ \t]+)?"
    r"[^\W\d_][\w'-]*)"
)
_OPENING_NAME = re.compile(r"^\s*([^\W\d_][\w'-]*)\s*[,!—-]")
_TITLES = {"dr", "mr", "mrs", "ms", "mx", "prof", "professor", "sir", "madam"}
_NOT_A_NAME = {"there", "all", "everyone", "team", "friend", "again", "folks", "hi", "hello", "hey", "dear",
               "greetings", "thanks", "congrats", "congratulations"}


def _first_name(name: str | None) -> str | None:
    parts = identity.name_key(name or "").split()
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


def reader_for(recipient: str | None, recipient_company: str | None = None) -> Reader:
    """The recipient of an outgoing note as its reader: their names and employer."""
    first, _, last = (recipient or "").strip().partition(" ")
    return Reader(first, last, (recipient_company,) if recipient_company else ())


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
    reading: NoteReading | None = None  # what the note reads as to its recipient's triage

    @property
    def ok(self) -> bool:
        return not any(i.severity == "error" for i in self.issues)

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "length": self.length, "limit": self.limit, "kind": self.kind,
                "issues": [asdict(i) for i in self.issues], "text": self.text,
                "reading": self.reading.to_dict() if self.reading else None}


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
    reading = reader_for(recipient, recipient_company).read(body)
    issues: list[Issue] = []
    if not body:
        issues.append(Issue("empty", "error", "the note is empty; a personal note is accepted far more often"))
        return NoteCheck(body, 0, max_len, reading.kind, issues, reading)
    if len(body) > max_len:
        issues.append(Issue("too_long", "error", f"{len(body)} characters; LinkedIn takes at most {max_len} "
                                                 f"(cut {len(body) - max_len})"))
    if _PLACEHOLDER.search(body):
        issues.append(Issue("placeholder", "error", "a placeholder is left in the text; fill it in"))
    if reading.kind == DEFAULT:
        issues.append(Issue("default_text", "error", "this is LinkedIn's default text; say who you are and why"))
    if reading.kind == PITCH:
        issues.append(Issue("pitch", "error", "reads as a sales pitch (" + ", ".join(reading.signals)
                            + "); invitations that sell are ignored or reported"))
    greeted = greeting_name(body)
    wanted = _first_name(recipient)
    their_names = set(identity.name_key(recipient or "").split())
    by_name = "owner_name" in reading.mentions if recipient else greeted is not None
    if wanted and greeted and identity.name_key(greeted) not in their_names:
        issues.append(Issue("wrong_name", "error", f"it greets {greeted!r} but goes to {recipient}"))
    elif not by_name:
        who = f" ({wanted.title()})" if wanted else ""
        issues.append(Issue("no_name", "warning", f"address the person by name{who}"))
    if not (reading.shared or (reading.asks and reading.kind != PITCH)) and reading.kind not in (BLANK, DEFAULT):
        issues.append(Issue("no_where_or_why", "warning", "say where you met or why you want to connect"))
    if "link" in reading.signals and reading.kind != PITCH:
        issues.append(Issue("link", "warning", "links in an invitation look like spam; share them after connecting"))
    return NoteCheck(body, len(body), max_len, reading.kind, issues, reading)


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
    s = settings or settings_mod.load(conn, owner_id)
    day = today or clock.today()
    person = conn.execute(
        text("SELECT full_name, first_name, company, position FROM people WHERE id = :id"), {"id": person_id}
    ).one()
    owner = conn.execute(text("SELECT name, first_name FROM owners WHERE id = :id"), {"id": owner_id}).one()
    known = known_facts(conn, owner_id, [person_id]).get(person_id, Known())
    first = (person.first_name or person.full_name.split()[0]).strip()
    me = (owner.first_name or owner.name.split()[0]).strip()
    focus = [k for k in s.focus_keywords if k and mentions(f"{person.position or ''} {person.company or ''}", k)]
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
    warnings += sending_warnings(conn, owner_id, person_id, settings=s, today=day)
    result = check(body, recipient=person.full_name, recipient_company=person.company, limit=limit)
    facts = {"company": person.company, "position": person.position, "shared_employers": known.shared_employers,
             "messages": known.messages, "in_contacts": known.in_contacts, "focus": focus}
    return Draft(person_id, person.full_name, body, name, result, warnings, facts)
