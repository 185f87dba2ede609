"""The weekly plan's pure core: whom to reach this week, of which kind, on which day, and why.

Order, as the rules say: replies owed, new connections to thank or follow up, retries whose next
attempt is due, congratulations on new roles, then check-ins from the yearly rotation. The
rotation is spread evenly: each eligible connection contributes 7/cadence of a check-in per week
(about N/52 for N connections on a yearly cadence), longest silent first, then strongest. Hidden,
removed, unresponsive and snoozed people never appear.

Verdicts in, plan out: no database and no clock, so it can be tested, and simulated week after
week. Each item's ``reason`` says why this person (the state's reason, or for new connections one
that names the item's own action) and ``why_now`` adds only what the reason does not say already;
the faces show them together. :mod:`twoway.plan` loads the inputs for one owner.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any, Protocol

from twoway.plan.drafts import DraftContext, load_templates, render
from twoway.settings import Settings
from twoway.words import ago_words, date_words

KIND_ORDER = ("reply", "thank", "follow_up", "retry", "congratulate", "check_in", "reconnect")
TEMPLATE_FOR = {
    "thank": "thank_you", "follow_up": "follow_up", "congratulate": "congratulate",
    "check_in": "check_in", "reconnect": "reconnect",
}
ACTION = {
    "reply": "Reply to", "thank": "Thank", "follow_up": "Follow up with", "retry": "Try again:",
    "congratulate": "Congratulate", "check_in": "Check in with", "reconnect": "Reconnect with",
}
NEVER_PLANNED = frozenset({"hidden", "removed", "unresponsive"})
CHECK_IN_STATES = frozenset({"due", "never_contacted"})


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

    @property
    def action(self) -> str:
        return f"{ACTION[self.kind]} {self.name or f'#{self.person_id}'}"

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["day"] = self.day.isoformat()
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
    cut_by_limit: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "week_start": self.week_start.isoformat(),
            "week_end": self.week_end.isoformat(),
            "eligible": self.eligible,
            "checkin_quota": self.checkin_quota,
            "checkins_waiting": self.checkins_waiting,
            "cut_by_limit": self.cut_by_limit,
            "counts": self.counts,
            "items": [item.to_dict() for item in self.items],
        }


def week_start_of(day: date) -> date:
    """The Monday of the ISO week holding ``day``."""
    return day - timedelta(days=day.weekday())


def _score(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    score = getattr(value, "score", None)
    return float(score) if score is not None else None


def checkin_quota(verdicts: Collection[VerdictLike], settings: Settings) -> int:
    """Check-ins per week: the setting, or 7/cadence per eligible connection, rounded up."""
    if settings.weekly_checkins:
        return int(settings.weekly_checkins)
    share = sum(7.0 / max(1, v.cadence_days or settings.cadence_days) for v in verdicts)
    return math.ceil(share - 1e-9)


def _silence_anchor(v: VerdictLike) -> date:
    """When they were last in touch (or connected): the older, the sooner they are planned."""
    seen = [d for d in (v.last_in, v.last_out, v.last_two_way, getattr(v, "last_contact", None)) if d is not None]
    if seen:
        return max(seen)
    return v.connected_on or date.min


def _new_reason(v: VerdictLike, today: date, how: str, action: str) -> str:
    """A new connection's reason in the words of the item's own action (thank, or follow up)."""
    if v.connected_on is None:
        return f"New connection, nothing said yet: {action}"
    ago = ago_words((today - v.connected_on).days)
    they_wrote = v.last_in is not None and v.last_in >= v.connected_on
    what = "their message awaits your answer" if they_wrote else "nothing said yet"
    return f"{how[0].upper()}{how[1:]} on {date_words(v.connected_on)} ({ago}), {what}: {action}"


def _spread(days: list[date], count: int) -> list[date]:
    """``count`` consecutive slots spread over ``days`` in equal blocks, earliest first."""
    if count == 0:
        return []
    per_day = math.ceil(count / len(days))
    return [days[i // per_day] for i in range(count)]


def _strength_needed(
    eligible: list[VerdictLike], quota: int, in_pool: Callable[[VerdictLike], bool],
    job_changes: Mapping[int, JobChange],
) -> set[int]:
    """Whose strength can change the plan: everyone outside the rotation who may be planned, and
    every rotation candidate at least as silent as the last one the quota can take."""
    needed = {v.person_id for v in eligible if v.state in ("owe_reply", "new", "awaiting_reply")}
    needed |= set(job_changes)
    pool = sorted((_silence_anchor(v), v.person_id) for v in eligible if in_pool(v))
    k = min(len(pool), quota + len(job_changes))  # congratulations may take some of the pool first
    if k:
        boundary = pool[k - 1][0]
        needed |= {pid for anchor, pid in pool if anchor <= boundary}
    return needed


def plan_week(
    verdicts: Mapping[int, VerdictLike],
    strengths: Mapping[int, Any] | Callable[[Collection[int]], Mapping[int, Any]],
    people: Mapping[int, PlanPerson],
    settings: Settings,
    week_start: date,
    *,
    today: date | None = None,
    job_changes: Mapping[int, JobChange] | None = None,
    snoozed: Mapping[int, date] | None = None,
    invited_by_owner: Collection[int] = frozenset(),
    contexts: Mapping[int, DraftContext] | None = None,
    templates: Mapping[str, str] | None = None,
    with_drafts: bool = True,
) -> WeekPlan:
    """One week's plan from every connection's state and strength (pure: no database, no clock)."""
    plan = select_week(
        verdicts, strengths, settings, week_start, today=today, job_changes=job_changes,
        snoozed=snoozed, invited_by_owner=invited_by_owner,
    )
    finish(plan, people, contexts=contexts, templates=templates, with_drafts=with_drafts,
           job_changes=job_changes)
    return plan


def select_week(
    verdicts: Mapping[int, VerdictLike],
    strengths: Mapping[int, Any] | Callable[[Collection[int]], Mapping[int, Any]],
    settings: Settings,
    week_start: date,
    *,
    today: date | None = None,
    job_changes: Mapping[int, JobChange] | None = None,
    snoozed: Mapping[int, date] | None = None,
    invited_by_owner: Collection[int] = frozenset(),
) -> WeekPlan:
    """Who is in the week's plan, of which kind, on which day, and why (names and drafts come later).

    ``strengths`` may be a function of person ids: it is then asked only for the people whose
    strength can matter (everyone planned, and those tied for the last check-in places), which
    spares scoring the whole network every week.
    """
    week_start = week_start_of(week_start)
    week_end = week_start + timedelta(days=6)
    first_day = max(week_start, today) if today and week_start <= today <= week_end else week_start
    workdays = [week_start + timedelta(days=i) for i in range(int(settings.plan_workdays))]
    workdays = [d for d in workdays if d >= first_day] or [first_day]
    snoozed = snoozed or {}
    job_changes = job_changes or {}

    def is_snoozed(pid: int) -> bool:
        until = snoozed.get(pid)
        return until is not None and until > week_end

    def day_for(pid: int, earliest: date) -> date:
        until = snoozed.get(pid)
        day = max(earliest, first_day, until or first_day)
        return min(day, week_end)

    eligible = [v for v in verdicts.values() if v.state not in NEVER_PLANNED and not is_snoozed(v.person_id)]
    quota = checkin_quota(eligible, settings)

    def stale(v: VerdictLike) -> bool:
        # An attempt older than the cadence is a thread that ended, not one to chase: check in afresh.
        return v.state == "awaiting_reply" and v.last_out is not None and (
            (week_start - v.last_out).days >= (v.cadence_days or int(settings.cadence_days)))

    def in_pool(v: VerdictLike) -> bool:
        return v.state in CHECK_IN_STATES or stale(v) or (
            v.state == "two_way" and v.due_on is not None and v.due_on <= week_end)

    if callable(strengths):
        strengths = strengths(_strength_needed(eligible, quota, in_pool, job_changes))
    strength = {pid: _score(s) for pid, s in strengths.items()}
    items: list[PlanItem] = []
    taken: set[int] = set()

    def add(v: VerdictLike, kind: str, why_now: str, day: date, template: str, reason: str | None = None) -> None:
        items.append(PlanItem(
            person_id=v.person_id, kind=kind, day=day_for(v.person_id, day), state=v.state,
            reason=v.reason if reason is None else reason, why_now=why_now, strength=strength.get(v.person_id),
            template=template,
        ))
        taken.add(v.person_id)

    by_pid = {v.person_id: v for v in eligible}

    def urgency(v: VerdictLike) -> tuple[date, float]:
        return (_silence_anchor(v), -(strength.get(v.person_id) or 0.0))

    for v in sorted((v for v in eligible if v.state == "owe_reply"), key=lambda v: v.last_in or date.min):
        add(v, "reply", "", first_day, "")  # the state's reason names their message, its date and its age
    for v in sorted((v for v in eligible if v.state == "new"), key=urgency):
        if v.person_id in invited_by_owner:
            add(v, "thank", "", first_day, TEMPLATE_FOR["thank"],
                reason=_new_reason(v, today or week_start, "they accepted your invitation", "thank them"))
        else:
            add(v, "follow_up", "", first_day, TEMPLATE_FOR["follow_up"],
                reason=_new_reason(v, today or week_start, "you connected", "follow up"))
    retries = [v for v in eligible if v.state == "awaiting_reply" and v.next_try_on is not None
               and v.next_try_on <= week_end and not stale(v)]
    for v in sorted(retries, key=lambda v: (v.next_try_on or date.min, -(strength.get(v.person_id) or 0.0))):
        attempt = v.attempts + 1
        template = "second_attempt" if attempt <= 2 else "third_attempt"
        # The state's reason already says since when a retry is due.
        add(v, "retry", f"attempt {attempt} of {int(settings.attempts_to_unresponsive)}",
            v.next_try_on or first_day, template)
    # Someone still waiting on a retry is not written to again early, even to congratulate.
    # Newest news first; among news of the same day (one import), the strongest ties first.
    for pid, change in sorted(job_changes.items(),
                              key=lambda kv: (kv[1].seen_on, strength.get(kv[0]) or 0.0), reverse=True):
        target = by_pid.get(pid)
        if target is None or pid in taken or (target.state == "awaiting_reply" and not stale(target)):
            continue
        add(target, "congratulate", change.describe(), first_day, TEMPLATE_FOR["congratulate"])

    pool = [v for v in eligible if v.person_id not in taken and in_pool(v)]
    pool.sort(key=urgency)
    chosen = pool[:quota]
    for v, day in zip(chosen, _spread(workdays, len(chosen)), strict=True):
        cadence = v.cadence_days or int(settings.cadence_days)
        last = max((d for d in (v.last_in, v.last_out, v.last_two_way, getattr(v, "last_contact", None)) if d),
                   default=None)
        # The state's reason gives the last two-way contact (or the connection date) and the cadence;
        # only what it does not say is added.
        kind, why = "check_in", []
        if last is not None:
            silent = (week_start - last).days
            if silent > 2 * cadence:
                kind = "reconnect"
                why.append(f"silent for over twice your {cadence}-day cadence")
            if v.state in ("due", "two_way") and v.last_two_way is not None and last > v.last_two_way:
                why.append(f"last in touch {date_words(last)} ({ago_words(silent)})")
        if stale(v):
            why.append(f"that attempt is older than your {cadence}-day cadence: a fresh check-in, not a retry")
        add(v, kind, "; ".join(why), day, TEMPLATE_FOR[kind])

    limit = int(settings.plan_max_items)
    cut = max(0, len(items) - limit)
    items = items[:limit]
    counts = {kind: sum(1 for i in items if i.kind == kind) for kind in KIND_ORDER}
    return WeekPlan(
        week_start=week_start, week_end=week_end, items=items, eligible=len(eligible),
        checkin_quota=quota, checkins_waiting=max(0, len(pool) - len(chosen)), cut_by_limit=cut,
        counts={k: n for k, n in counts.items() if n},
    )


def finish(
    plan: WeekPlan,
    people: Mapping[int, PlanPerson],
    *,
    contexts: Mapping[int, DraftContext] | None = None,
    templates: Mapping[str, str] | None = None,
    with_drafts: bool = True,
    job_changes: Mapping[int, JobChange] | None = None,
) -> WeekPlan:
    """Fill in names, companies, profile links and drafts for the selected items."""
    texts = templates if templates is not None else (load_templates() if with_drafts else {})
    for item in plan.items:
        person = people.get(item.person_id)
        if person is not None:
            item.name, item.company, item.url = person.full_name, person.company, person.url
        if not with_drafts or not item.template:
            continue
        context = (contexts or {}).get(item.person_id)
        if context is None:
            change = (job_changes or {}).get(item.person_id)
            context = DraftContext(
                full_name=person.full_name if person else None,
                first_name=person.first_name if person else None,
                company=person.company if person else None,
                position=person.position if person else None,
                new_company=(change.company or None) if change else None,
                new_position=(change.position or None) if change else None,
            )
        item.draft = render(item.template, context, texts)
    return plan
