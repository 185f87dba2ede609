"""Strength as the faces show it: one tie part by part, and the strongest or weakest ties."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from twoway import people
from twoway import settings as settings_mod
from twoway.errors import NotFound
from twoway.settings import Settings
from twoway.strength import PARTS, Strength, compute_strengths, strength_of


@dataclass(frozen=True)
class StrengthReport:
    """One person's strength with the weights its parts took, so each part's contribution can be shown."""

    strength: Strength
    full_name: str
    company: str | None

    @property
    def weights(self) -> dict[str, float]:
        """The weights this tie's score used: renormalised over the parts with evidence (0 for the others)."""
        return {p: float(self.strength.weights.get(p, 0.0)) for p in PARTS}

    def contributions(self) -> dict[str, float]:
        """Points each part adds to the score (they sum to the unrounded score, unless a cap held it)."""
        return {p: 100.0 * self.weights[p] * self.strength.parts[p] for p in PARTS}

    def to_dict(self) -> dict[str, Any]:
        return {
            "full_name": self.full_name,
            "company": self.company,
            **self.strength.to_dict(),
            "contributions": {k: round(v, 2) for k, v in self.contributions().items()},
        }


def strength_for(conn: Connection, owner_id: int, query: str, *, settings: Settings | None = None,
                 today: date | None = None) -> StrengthReport:
    """The strength of the tie with the connection QUERY means, part by part."""
    settings = settings or settings_mod.load(conn, owner_id)
    person = people.resolve(conn, owner_id, query)
    try:
        found = strength_of(conn, owner_id, person.id, settings=settings, today=today)
    except NotFound:
        raise NotFound(f"{person.full_name} is not one of your connections") from None
    return StrengthReport(found, person.full_name, person.company)


def ranking(conn: Connection, owner_id: int, *, limit: int = 20, weakest: bool = False,
            settings: Settings | None = None, today: date | None = None) -> list[StrengthReport]:
    """The strongest (or weakest) ties among the owner's current connections."""
    settings = settings or settings_mod.load(conn, owner_id)
    found = compute_strengths(conn, owner_id, settings=settings, today=today)
    rows = conn.execute(
        text("SELECT p.id, p.full_name, p.company FROM connections c JOIN people p ON p.id = c.person_id "
             "WHERE c.owner_id = :o AND c.status = 'connected'"),
        {"o": owner_id},
    ).all()
    names = {int(i): (n, c) for i, n, c in rows}
    chosen = [s for pid, s in found.items() if pid in names]
    chosen.sort(key=lambda s: (s.score if weakest else -s.score, names[s.person_id][0].casefold()))
    return [StrengthReport(s, *names[s.person_id]) for s in chosen[:max(0, limit)]]
