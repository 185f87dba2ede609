"""What a week's plan is made of: its items (one person, or a group of new connections), and the plan itself."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Protocol

from twoway.words import date_words

#: Item kinds in the order the budget is filled (most valuable first).
KIND_ORDER = ("reply", "welcome", "thank", "follow_up", "retry", "check_in", "reconnect", "reintroduce",
              "congratulate")
TEMPLATE_FOR = {
    "thank": "thank_you", "follow_up": "follow_up", "welcome": "thank_you", "congratulate": "congratulate",
    "check_in": "check_in", "reconnect": "reconnect", "reintroduce": "reintroduce",
}
ACTION = {
    "reply": "Reply to", "welcome": "Welcome", "thank": "Thank", "follow_up": "Follow up with",
    "retry": "Try again:", "congratulate": "Congratulate", "check_in": "Check in with",
    "reconnect": "Reconnect with", "reintroduce": "Re-introduce yourself to",
}


class VerdictLike(Protocol):
    """What the plan reads from a relationship state (twoway.states.Verdict), read-only."""

    @property
    def person_id(self) -> int: ...
    @property
    def state(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def attempts(self) -> int: ...
    @property
    def next_try_on(self) -> date | None: ...
    @property
    def last_in(self) -> date | None: ...
    @property
    def last_out(self) -> date | None: ...
    @property
    def last_two_way(self) -> date | None: ...
    @property
    def due_on(self) -> date | None: ...
    @property
    def connected_on(self) -> date | None: ...
    @property
    def cadence_days(self) -> int: ...
    @property
    def owed_on(self) -> date | None: ...
    @property
    def reading(self) -> str: ...
    @property
    def pitch_only(self) -> bool: ...
    @property
    def substantive(self) -> bool: ...


@dataclass(frozen=True)
class PlanPerson:
    id: int
    full_name: str
    first_name: str | None = None
    company: str | None = None
    position: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class JobChange:
    """A new job row seen in a later export than the one before it."""

    person_id: int
    company: str
    position: str
    seen_on: date
    previous_company: str = ""
    previous_position: str = ""

    def describe(self) -> str:
        new = " at ".join(p for p in (self.position, self.company) if p) or "a new role"
        return f"new role {new}, first seen {date_words(self.seen_on)}"


@dataclass
class PlanItem:
    person_id: int
    kind: str
    day: date
    state: str
    reason: str
    why_now: str
    strength: float | None
    template: str
    name: str = ""
    company: str | None = None
    url: str | None = None
    draft: str = ""
    # A grouped item (a batch of new connections): everyone in it, strongest first; person_id is the first.
    members: list[int] = field(default_factory=list)
    member_names: list[str] = field(default_factory=list)

    @property
    def action(self) -> str:
        if self.kind == "welcome":
            named = ", ".join(self.member_names)
            more = len(self.members) - len(self.member_names)
            tail = f" ({named}{f' and {more} more' if more > 0 else ''})" if named else ""
            return f"{ACTION[self.kind]} {len(self.members)} new connections{tail}"
        return f"{ACTION[self.kind]} {self.name or f'#{self.person_id}'}"

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["day"] = self.day.isoformat()
        out["action"] = self.action
        out["person"] = {"id": self.person_id, "name": self.name, "company": self.company, "url": self.url}
        return out


@dataclass
class WeekPlan:
    week_start: date
    week_end: date
    items: list[PlanItem]
    eligible: int
    checkin_quota: int
    checkins_waiting: int
    budget: int = 0
    waiting: list[PlanItem] = field(default_factory=list)  # past the budget, in the order they would come
    counts: dict[str, int] = field(default_factory=dict)
    coverage: dict[str, Any] = field(default_factory=dict)

    @property
    def waiting_counts(self) -> dict[str, int]:
        return {k: n for k in KIND_ORDER if (n := sum(1 for i in self.waiting if i.kind == k))}

    def to_dict(self) -> dict[str, Any]:
        return {
            "week_start": self.week_start.isoformat(),
            "week_end": self.week_end.isoformat(),
            "budget": self.budget,
            "eligible": self.eligible,
            "checkin_quota": self.checkin_quota,
            "checkins_waiting": self.checkins_waiting,
            "counts": self.counts,
            "items": [item.to_dict() for item in self.items],
            "waiting": len(self.waiting),
            "waiting_counts": self.waiting_counts,
            "coverage": self.coverage,
        }
