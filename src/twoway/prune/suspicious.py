"""Connections that look fake or bought: flagged for the owner's review, never acted on.

A connection is flagged only when at least two independent signals about *them* agree: an empty profile
(no company, no position); a throwaway-looking profile address (no part of their name in it, a run of
digits instead); a name that is no name (digits, a single letter, a web address); nothing from them but
pitches, never answered. How the owner accepted invitations (many on one day, say) describes the owner,
not the sender, and is no signal; neither is a blank invitation, which most real people send.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, text

from twoway.identity import name_key

_SLUG = re.compile(r"/in/([^/?#]+)")
_DIGITS = re.compile(r"\d")
_WEB = re.compile(r"(?:https?://|www\.|\.com\b|\.io\b|@)", re.I)


@dataclass(frozen=True)
class SuspectFacts:
    person_id: int
    name: str
    url: str | None
    company: str | None
    position: str | None
    pitch_only: bool = False


@dataclass(frozen=True)
class Suspicion:
    person_id: int
    signals: tuple[str, ...]

    @property
    def reason(self) -> str:
        return "looks fake or bought: " + "; ".join(self.signals)


def signals_of(f: SuspectFacts) -> list[str]:
    """Every signal about this person, in words."""
    out: list[str] = []
    if not (f.company or "").strip() and not (f.position or "").strip():
        out.append("no company and no position")
    if _throwaway(f.url, f.name):
        out.append("a throwaway-looking profile address")
    words = name_key(f.name).split()
    if not words or _WEB.search(f.name) or _DIGITS.search(f.name) or all(len(w) == 1 for w in words):
        out.append("a name that is no name")
    if f.pitch_only:
        out.append("nothing from them but pitches, never answered")
    return out


def _throwaway(url: str | None, name: str) -> bool:
    match = _SLUG.search(url or "")
    if not match:
        return False
    slug = match.group(1).lower()
    if slug.startswith("acoa"):
        return False  # LinkedIn's own member-id link (exports use it when the public address is hidden)
    letters = re.sub(r"[^a-z]+", " ", slug).split()
    parts = [w for w in name_key(name).split() if len(w) >= 3]
    named = any(p in slug or any(p.startswith(w) for w in letters if len(w) >= 3) for p in parts)
    return not named and len(_DIGITS.findall(slug)) >= 4


def find_suspicious(facts: Iterable[SuspectFacts]) -> dict[int, Suspicion]:
    """Every connection with at least two signals, with the signals that fired."""
    out: dict[int, Suspicion] = {}
    for f in facts:
        found = signals_of(f)
        if len(found) >= 2:
            out[f.person_id] = Suspicion(f.person_id, tuple(found))
    return out


def load_facts(conn: Connection, owner_id: int, pitch_only: Mapping[int, bool]) -> list[SuspectFacts]:
    """The facts for every current connection of ``owner_id`` (``pitch_only`` from their states)."""
    rows = conn.execute(
        text("SELECT c.person_id, p.full_name, p.url, p.company, p.position FROM connections c "
             "JOIN people p ON p.id = c.person_id WHERE c.owner_id = :o AND c.status = 'connected'"),
        {"o": owner_id},
    )
    return [SuspectFacts(int(pid), name or "", url, company, position, bool(pitch_only.get(int(pid))))
            for pid, name, url, company, position in rows]
