"""The dormant review: connections never spoken with, made years ago, grouped by the year they were made.

Apart from the prune list on purpose: "never a word" is no evidence against anyone, but a network full of
ties nobody remembers hides the ones that matter. The owner looks a year over and may hide it in bulk
(still connected, out of the rotation); nothing is hidden without that look.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from twoway import clock
from twoway import settings as settings_mod
from twoway.prune.decisions import decide_many
from twoway.settings import Settings
from twoway.states import compute_states

SAMPLE = 5


@dataclass
class DormantYear:
    year: int
    person_ids: list[int]
    sample: list[str] = field(default_factory=list)  # a few names, to recognise the year by

    def to_dict(self) -> dict[str, Any]:
        return {"year": self.year, "count": len(self.person_ids), "sample": self.sample,
                "person_ids": self.person_ids}


@dataclass
class DormantReview:
    older_than_years: int
    years: list[DormantYear]

    @property
    def total(self) -> int:
        return sum(len(y.person_ids) for y in self.years)

    def to_dict(self) -> dict[str, Any]:
        return {"older_than_years": self.older_than_years, "total": self.total,
                "years": [y.to_dict() for y in self.years]}


def dormant(conn: Connection, owner_id: int, *, settings: Settings | None = None,
            today: date | None = None) -> DormantReview:
    """Never-contacted connections (no word either way, no attempt) made more than ``dormant_years`` ago."""
    settings = settings or settings_mod.load(conn, owner_id)
    today = today or clock.today()
    years = int(settings.dormant_years)
    horizon = date(today.year - years, today.month, min(today.day, 28))
    verdicts = compute_states(conn, owner_id, settings=settings, today=today, reasons=False)
    picked = [v for v in verdicts.values() if v.state == "never_contacted" and not v.pitch_only and not v.protected
              and v.last_contact is None and v.connected_on is not None and v.connected_on < horizon]
    names = {int(pid): name for pid, name in conn.execute(
        text("SELECT p.id, p.full_name FROM connections c JOIN people p ON p.id = c.person_id "
             "WHERE c.owner_id = :o"), {"o": owner_id})}
    by_year: dict[int, list[int]] = {}
    for v in sorted(picked, key=lambda v: (v.connected_on or date.min, v.person_id)):
        by_year.setdefault((v.connected_on or date.min).year, []).append(v.person_id)
    return DormantReview(years, [DormantYear(y, ids, [names.get(p, f"#{p}") for p in ids[:SAMPLE]])
                                 for y, ids in sorted(by_year.items())])


def hide_dormant(conn: Connection, owner_id: int, years: Collection[int], *, settings: Settings | None = None,
                 today: date | None = None) -> int:
    """Hide every dormant connection made in ``years`` (after the owner looked at them); how many."""
    review = dormant(conn, owner_id, settings=settings, today=today)
    ids = [pid for y in review.years if y.year in set(years) for pid in y.person_ids]
    return decide_many(conn, owner_id, ids, "hide", note="dormant review")
