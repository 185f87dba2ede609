"""Message drafts filled from what is known, never from what is guessed.

Templates are plain text files with ``{placeholders}``. The defaults ship in the package
(``twoway/templates/drafts``); the owner's edited copies in ``<data folder>/templates`` win.
A line that uses a placeholder with no value for this person (or a placeholder twoway does not
know) is left out whole, so a draft never says "at {company}" or invents a company. Lines
starting with ``##`` are notes to the owner and never appear in a draft; ``{{`` and ``}}``
write literal braces.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from importlib import resources
from pathlib import Path

from sqlalchemy import Connection, text

from twoway import clock, paths
from twoway.errors import NotFound
from twoway.store.batches import rows_for_ids

KINDS: tuple[str, ...] = (
    "check_in", "check_in_owed", "second_attempt", "third_attempt", "thank_you", "follow_up", "congratulate",
    "reconnect", "reintroduce",
)

PLACEHOLDERS: dict[str, str] = {
    "first_name": "their first name",
    "full_name": "their full name",
    "company": "their company, as last imported",
    "position": "their position, as last imported",
    "new_company": "the company of their new role (job changes between exports)",
    "new_position": "the title of their new role",
    "how_met": "from a note of yours starting 'Met …' or 'How we met: …' (e.g. 'at PyCon 2023')",
    "connected_on": "the month you connected, e.g. 'March 2021'",
    "last_contact": "the month of your last exchange, e.g. 'June 2023'",
    "last_subject": "the subject or title of your last conversation, when it had one",
    "last_attempt": "the day of your last unanswered message, e.g. '4 March'",
    "unanswered": "the day of their question or news you never answered, e.g. '4 March'",
    "owner_first_name": "your first name, for the signature",
}

#: Invitation notes (``invite_*``), filled by twoway.notes_coach from what the owner and the invitee share.
INVITATION_PLACEHOLDERS: dict[str, str] = {
    "first_name": "their first name",
    "company": "their company, as last imported",
    "position": "their position, as last imported",
    "shared_employer": "a company you both worked at (from your positions and theirs)",
    "context": "your own words from --context, as one sentence",
    "focus_clause": "', as we both work on …' when their role mentions one of your focus_keywords; else empty",
    "last_talk": "' (we last spoke in June 2023)' when you have exchanged messages; else empty",
    "owner_first_name": "your first name, for the signature",
}

#: Introduction requests and double opt-in notes (``intro_*``), filled by twoway.intros for one route.
INTRODUCTION_PLACEHOLDERS: dict[str, str] = {
    "intermediary_first": "the first name of the person who can introduce you",
    "target_first": "the first name of the person you want to meet",
    "direct_target": "the person you want to meet, with role and company (2-hop route: the intermediary knows them)",
    "direct_first": "their first name (2-hop route)",
    "via_name": "the intermediary's connection who knows the person (3-hop route)",
    "via_first": "that connection's first name (3-hop route)",
    "far_target": "the person you want to meet, with role and company (3-hop route)",
    "far_first": "their first name (3-hop route)",
    "about": "what you want to talk about (--about)",
    "owner_name": "your full name",
    "owner_first_name": "your first name, for the signature",
    "owner_headline": "your headline, as last imported",
    "owner_profile": "your profile URL",
}

#: Known placeholders by template family: a template's kind starts with the family's prefix.
PLACEHOLDER_FAMILIES: dict[str, dict[str, str]] = {
    "invite_": INVITATION_PLACEHOLDERS,
    "intro_": INTRODUCTION_PLACEHOLDERS,
    "": PLACEHOLDERS,  # the message drafts (KINDS): check-ins, attempts, thanks, congratulations
}


def placeholders_for(kind: str) -> dict[str, str]:
    """The placeholders twoway fills in templates of this kind (its family's)."""
    return next(known for prefix, known in PLACEHOLDER_FAMILIES.items() if kind.startswith(prefix))


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_HOW_MET = re.compile(r"^\s*(?:how we met\s*[:\-–]\s*|we met\s+|met\s+)(.+)$", re.IGNORECASE | re.DOTALL)


def month_year(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.year}"


def day_month(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}"


#: Words a draft never quotes back to someone, whatever the conversation was called.
_UNQUOTABLE = re.compile(r"\b(?:fuck\w*|shit\w*|cunts?|bitch\w*|dick|asshole|bastard|wtf|nsfw)\b", re.I)
MAX_TOPIC_CHARS = 80


def quotable_topic(raw: str | None) -> str | None:
    """A subject or conversation title a draft may quote ("We last spoke about ..."): words, not too long,
    nothing coarse; else None, and the draft leaves the line out."""
    topic = " ".join((raw or "").split())
    if not topic or len(topic) > MAX_TOPIC_CHARS or not any(c.isalpha() for c in topic):
        return None
    return None if _UNQUOTABLE.search(topic) else topic


def how_met_from_note(body: str) -> str | None:
    """'Met at PyCon 2023' -> 'at PyCon 2023'; notes that do not say how you met give None."""
    first_line = body.strip().splitlines()[0] if body.strip() else ""
    match = _HOW_MET.match(first_line)
    if not match:
        return None
    return match.group(1).strip().rstrip(".") or None


@dataclass(frozen=True)
class DraftContext:
    """What is known about one person (and the owner) for filling a draft; None means unknown."""

    full_name: str | None = None
    first_name: str | None = None
    company: str | None = None
    position: str | None = None
    new_company: str | None = None
    new_position: str | None = None
    how_met: str | None = None
    connected_on: date | None = None
    last_contact: date | None = None
    last_subject: str | None = None
    last_attempt: date | None = None
    owner_first_name: str | None = None
    unanswered: date | None = None

    def with_verdict(self, last_two_way: date | None, owed_on: date | None) -> DraftContext:
        """This context with what the state knows: the last real exchange (not any message: a lone
        thank-you is no "we last spoke"), and their question or news left unanswered, when there is one."""
        return replace(self, last_contact=last_two_way, unanswered=owed_on)

    def values(self) -> dict[str, str]:
        """Placeholder values as text; unknown ones are absent."""
        out: dict[str, str] = {}
        for f in fields(self):
            raw = getattr(self, f.name)
            if raw is None:
                continue
            if isinstance(raw, date):
                text = day_month(raw) if f.name in ("last_attempt", "unanswered") else month_year(raw)
            else:
                text = " ".join(str(raw).split())  # one line: a newline in a company must not split a draft
            if text:
                out[f.name] = text
        if "first_name" not in out and "full_name" in out:
            out["first_name"] = out["full_name"].split()[0]
        return out


def fill(template: str, values: Mapping[str, str]) -> str:
    """Fill ``template``, dropping every line whose placeholders are not all known.

    A line starting with ``|`` is a fallback for the line above: used only when that line (and
    any fallback before it) was left out.
    """
    kept: list[str] = []
    group_done = False
    for raw in template.splitlines():
        if raw.startswith("##"):
            continue
        if raw.startswith("|"):
            if group_done:
                continue
            line = raw[1:].removeprefix(" ")
        else:
            line = raw
            group_done = False
        filled = _fill_line(line, values)
        if filled is None:
            continue
        group_done = True
        kept.append(filled)
    # Dropped lines can leave runs of blank lines; keep paragraphs, not gaps.
    out: list[str] = []
    for line in kept:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def _fill_line(line: str, values: Mapping[str, str]) -> str | None:
    guarded = line.replace("{{", "\0").replace("}}", "\1")
    names = _FIELD.findall(guarded)
    if any(not values.get(name) for name in names):
        return None
    filled = _FIELD.sub(lambda m: values[m.group(1)], guarded)
    return filled.replace("\0", "{").replace("\1", "}").rstrip()


def user_folder() -> Path:
    """Where the owner's edited templates live (created on demand)."""
    return paths.user_dir() / "templates"


def _default_files() -> dict[str, str]:
    folder = resources.files("twoway") / "templates" / "drafts"
    return {
        entry.name[:-4]: entry.read_text(encoding="utf-8")
        for entry in folder.iterdir()
        if entry.name.endswith(".txt")
    }


def available() -> list[dict[str, str]]:
    """Every template kind with where its text comes from ('edited' copy or 'default'), and the
    placeholders in it that twoway does not know (an edited copy's typos), comma-separated."""
    defaults = _default_files()
    folder = user_folder()
    names = sorted(set(defaults) | {p.stem for p in folder.glob("*.txt")} if folder.exists() else set(defaults))
    texts = load_templates()
    rows = []
    for name in names:
        edited = folder / f"{name}.txt"
        rows.append({
            "kind": name,
            "source": "edited" if edited.exists() else "default",
            "path": str(edited) if edited.exists() else f"(built in) twoway/templates/drafts/{name}.txt",
            "unknown_placeholders": ", ".join(unknown_placeholders(texts.get(name, ""), kind=name)),
        })
    return rows


def load_templates() -> dict[str, str]:
    """Template text by kind: the owner's edited copy when there is one, else the default."""
    texts = _default_files()
    folder = user_folder()
    if folder.exists():
        for path in folder.glob("*.txt"):
            texts[path.stem] = path.read_text(encoding="utf-8")
    return texts


def template_text(kind: str, templates: Mapping[str, str] | None = None) -> str:
    texts = templates if templates is not None else load_templates()
    try:
        return texts[kind]
    except KeyError:
        raise NotFound(f"no draft template called {kind!r}; known: {', '.join(sorted(texts))}") from None


def render(kind: str, context: DraftContext, templates: Mapping[str, str] | None = None) -> str:
    return fill(template_text(kind, templates), context.values())


def copy_defaults(*, overwrite: bool = False) -> tuple[Path, list[Path]]:
    """Copy the default templates into the owner's folder (keeping edited ones); return folder and copies."""
    folder = user_folder()
    folder.mkdir(parents=True, exist_ok=True)
    copied: list[Path] = []
    source = resources.files("twoway") / "templates" / "drafts"
    for entry in source.iterdir():
        if not entry.name.endswith(".txt"):
            continue
        target = folder / entry.name
        if target.exists() and not overwrite:
            continue
        with resources.as_file(entry) as real, open(target, "wb") as out, open(real, "rb") as src:
            shutil.copyfileobj(src, out)
        copied.append(target)
    return folder, sorted(copied)


def unknown_placeholders(template: str, kind: str | None = None) -> list[str]:
    """Placeholders in ``template`` that twoway never fills for templates of ``kind`` (likely typos: their
    lines would always drop). Without a kind, only names no family knows are reported."""
    names = _FIELD.findall(template.replace("{{", "").replace("}}", ""))
    if kind is not None:
        known: set[str] = set(placeholders_for(kind))
    else:
        known = {name for family in PLACEHOLDER_FAMILIES.values() for name in family}
    return sorted({n for n in names if n not in known})


def contexts_for(
    conn: Connection,
    owner_id: int,
    person_ids: Iterable[int],
    *,
    new_jobs: Mapping[int, tuple[str, str]] | None = None,
) -> dict[int, DraftContext]:
    """What is known about each person for their drafts, in a few bulk queries.

    ``new_jobs`` maps person id to (company, position) of a new role, for congratulations.
    """
    ids = sorted(set(person_ids))
    if not ids:
        return {}
    owner_row = conn.execute(
        text("SELECT first_name, name FROM owners WHERE id = :o"), {"o": owner_id}
    ).first()
    owner_first = None
    if owner_row is not None:
        owner_first = owner_row[0] or (owner_row[1].split()[0] if owner_row[1] else None)
    base: dict[int, tuple[str | None, str | None, str | None, str | None, date | None]] = {}
    last: dict[int, tuple[int, str | None]] = {}
    last_out: dict[int, int] = {}
    how_met: dict[int, str] = {}
    params = {"o": owner_id}
    for pid, first, full, company, position, connected in rows_for_ids(
        conn,
        "SELECT p.id, p.first_name, p.full_name, p.company, p.position, c.connected_on "
        "FROM people p LEFT JOIN connections c ON c.person_id = p.id AND c.owner_id = :o WHERE p.id IN :ids",
        ids, params,
    ):
        base[pid] = (full or None, first or None, company or None, position or None, clock.iso_date(connected))
    for pid, at, direction, subject, title, kind in rows_for_ids(
        conn,
        "SELECT i.person_id, i.at, i.direction, i.subject, cv.title, cv.kind FROM interactions i "
        "LEFT JOIN conversations cv ON cv.id = i.conversation_id "
        "WHERE i.owner_id = :o AND i.person_id IN :ids ORDER BY i.person_id, i.at",
        ids, params,
    ):
        # A group chat's title names the group, not what the two of you talked about.
        topic = quotable_topic(subject or (title if kind != "group" else None))
        previous = last.get(pid)
        last[pid] = (at, topic or (previous[1] if previous else None))
        if direction == "out":
            last_out[pid] = at
    for pid, body in rows_for_ids(
        conn, "SELECT person_id, body FROM notes WHERE owner_id = :o AND person_id IN :ids ORDER BY id", ids, params
    ):
        found = how_met_from_note(body or "")
        if found:
            how_met[pid] = found
    out: dict[int, DraftContext] = {}
    for pid in ids:
        full, first, company, position, connected = base.get(pid, (None, None, None, None, None))
        seen = last.get(pid)
        job = (new_jobs or {}).get(pid)
        out[pid] = DraftContext(
            full_name=full,
            first_name=first,
            company=company,
            position=position,
            new_company=(job[0] or None) if job else None,
            new_position=(job[1] or None) if job else None,
            how_met=how_met.get(pid),
            connected_on=connected,
            last_contact=clock.ts_to_date(seen[0]) if seen else None,
            last_subject=seen[1] if seen else None,
            last_attempt=clock.ts_to_date(last_out[pid]) if pid in last_out else None,
            owner_first_name=owner_first,
        )
    return out
