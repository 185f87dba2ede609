"""The weekly plan's pure core: a week a person can do, filled by value.

A budget of ``weekly_items`` (default 25) is filled in this order: replies owed (questions before news,
newest first); new connections to thank or follow up (a batch of connections made on one day is one
grouped item naming the strongest few); retries that are due; check-ins from the yearly rotation; then
congratulations on new roles of strong ties. The rotation is spread evenly (each eligible connection
contributes 7/cadence of a check-in per week); its check-ins go first to ties with real history, strongest
and most overdue first, and connections never spoken with get at most ``never_contacted_share`` of them, as a
re-introduction. What the budget leaves out waits, in order (``--all`` shows it).

Never planned: hidden, removed and unresponsive connections, people who only ever sent pitches, and the
snoozed. Verdicts in, plan out: no database and no clock, so it can be tested and simulated week after week.
Each item's ``reason`` says why this person (the state's reason, or for new connections one that names the
item's own action) and ``why_now`` adds only what the reason does not say already.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping
from datetime import date, timedelta
from typing import Any

from twoway.plan.drafts import DraftContext, load_templates, render
from twoway.plan.items import KIND_ORDER, TEMPLATE_FOR, JobChange, PlanItem, PlanPerson, VerdictLike, WeekPlan
from twoway.settings import Settings
from twoway.words import ago_words, date_words

NEVER_PLANNED = frozenset({"hidden", "removed", "unresponsive"})
CHECK_IN_STATES = frozenset({"due", "never_contacted"})
#: Members of a batch of new connections named in its item.
BATCH_NAMED = 3


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


def has_history(v: VerdictLike) -> bool:
    """A tie with real history: at least one two-way exchange."""
    return v.last_two_way is not None


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


def _strength_needed(eligible: list[VerdictLike], job_changes: Mapping[int, JobChange]) -> set[int]:
    """Whose strength can change the plan: everyone who may be planned outside the never-contacted pool."""
    needed = {v.person_id for v in eligible if v.state in ("owe_reply", "new", "awaiting_reply") or has_history(v)}
    return needed | set(job_changes)


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
    all_items: bool = False,
) -> WeekPlan:
    """One week's plan from every connection's state and strength (pure: no database, no clock)."""
    plan = select_week(
        verdicts, strengths, settings, week_start, today=today, job_changes=job_changes,
        snoozed=snoozed, invited_by_owner=invited_by_owner, all_items=all_items,
        empty_profiles={pid for pid, p in people.items() if not (p.company or p.position)},
    )
    finish(plan, people, contexts=contexts, templates=templates, with_drafts=with_drafts,
           job_changes=job_changes, verdicts=verdicts)
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
    empty_profiles: Collection[int] = frozenset(),
    all_items: bool = False,
) -> WeekPlan:
    """Who is in the week's plan, of which kind, on which day, and why (names and drafts come later).

    ``strengths`` may be a function of person ids: it is then asked only for the people whose strength can
    matter, which spares scoring the whole network every week. No re-introduction goes to ``empty_profiles``
    (no company, no position: nothing to say, and often not a real account). ``all_items`` ignores the budget.
    """
    week_start = week_start_of(week_start)
    week_end = week_start + timedelta(days=6)
    first_day = max(week_start, today) if today and week_start <= today <= week_end else week_start
    now = today or week_start
    workdays = [week_start + timedelta(days=i) for i in range(int(settings.plan_workdays))]
    workdays = [d for d in workdays if d >= first_day] or [first_day]
    snoozed = snoozed or {}
    job_changes = job_changes or {}

    def is_snoozed(pid: int) -> bool:
        until = snoozed.get(pid)
        return until is not None and until > week_end

    def day_for(pid: int, earliest: date) -> date:
        until = snoozed.get(pid)
        return min(max(earliest, first_day, until or first_day), week_end)

    eligible = [v for v in verdicts.values()
                if v.state not in NEVER_PLANNED and not v.pitch_only and not is_snoozed(v.person_id)]
    quota = checkin_quota(eligible, settings)
    if callable(strengths):
        strengths = strengths(_strength_needed(eligible, job_changes))
    strength = {pid: _score(s) for pid, s in strengths.items()}
    items: list[PlanItem] = []
    taken: set[int] = set()

    def item(v: VerdictLike, kind: str, why_now: str, day: date, template: str, reason: str | None = None
             ) -> PlanItem:
        taken.add(v.person_id)
        return PlanItem(
            person_id=v.person_id, kind=kind, day=day_for(v.person_id, day), state=v.state,
            reason=v.reason if reason is None else reason, why_now=why_now, strength=strength.get(v.person_id),
            template=template,
        )

    def power(v: VerdictLike) -> float:
        return strength.get(v.person_id) or 0.0

    # 1. Replies owed: questions before news, newest first (the state's reason names the message and its age).
    owed = sorted((v for v in eligible if v.state == "owe_reply"),
                  key=lambda v: (v.reading != "question", -(v.owed_on or date.min).toordinal(), -power(v)))
    items += [item(v, "reply", "", first_day, "") for v in owed]
    # 2. New connections: one by one, or a day's batch as one grouped item.
    items += _new_items(eligible, invited_by_owner, now, first_day, settings, power, item)
    # 3. Retries due (the state's retry window has already closed the stale ones).
    # Someone who never answered anything gets no retry of a re-introduction: one unanswered is enough.
    retries = [v for v in eligible if v.state == "awaiting_reply" and v.next_try_on is not None
               and v.next_try_on <= week_end and v.last_in is not None]
    for v in sorted(retries, key=lambda v: (v.next_try_on or date.min, -power(v))):
        attempt = v.attempts + 1
        items.append(item(v, "retry", f"attempt {attempt} of {int(settings.attempts_to_unresponsive)}",
                          v.next_try_on or first_day, "second_attempt" if attempt <= 2 else "third_attempt"))
    # 4. Check-ins from the rotation: ties with history first; never-contacted ties only a bounded share.
    pool = [v for v in eligible if v.person_id not in taken and (
        v.state in CHECK_IN_STATES or (v.state == "two_way" and v.due_on is not None and v.due_on <= week_end))]
    # Ties where they once said something real come first; an exchange of courtesies alone waits behind them.
    known = sorted((v for v in pool if has_history(v)),
                   key=lambda v: (not v.substantive, -_priority(v, power(v), now), v.person_id))
    # One re-introduction each: after it went unanswered the tie is a prune candidate, not a check-in.
    strangers = sorted((v for v in pool if not has_history(v) and not v.attempts and v.person_id not in empty_profiles),
                       key=lambda v: (-(v.connected_on or date.min).toordinal(), v.person_id))
    cap = _stranger_slots(quota, float(settings.never_contacted_share), week_start)
    chosen_strangers = strangers[:min(cap, len(strangers))]
    chosen_known = known[:max(0, quota - len(chosen_strangers))]
    chosen = chosen_known + chosen_strangers
    for v, day in zip(chosen, _spread(workdays, len(chosen)), strict=True):
        items.append(_check_in(v, day, now, item))
    # 5. Congratulations on new roles of strong ties, newest first (not to someone awaiting a retry).
    floor = float(settings.congratulate_min_strength)
    by_pid = {v.person_id: v for v in eligible}
    for pid, change in sorted(job_changes.items(), key=lambda kv: (kv[1].seen_on, strength.get(kv[0]) or 0.0),
                              reverse=True):
        target = by_pid.get(pid)
        if target is None or pid in taken or target.state == "awaiting_reply" or power(target) < floor:
            continue
        items.append(item(target, "congratulate", change.describe(), first_day, TEMPLATE_FOR["congratulate"]))

    budget = len(items) if all_items else int(settings.weekly_items)
    kept, waiting = items[:budget], items[budget:]
    counts = {kind: n for kind in KIND_ORDER if (n := sum(1 for i in kept if i.kind == kind))}
    with_history = sum(1 for v in eligible if has_history(v))
    per_week = sum(1 for i in kept if i.kind in ("check_in", "reconnect") and has_history(verdicts[i.person_id]))
    coverage = {
        "ties_with_history": with_history, "checkins_this_week": per_week, "per_year": per_week * 52,
        "share_per_year": round(min(1.0, per_week * 52 / with_history), 3) if with_history else None,
    }
    return WeekPlan(
        week_start=week_start, week_end=week_end, items=kept, eligible=len(eligible), checkin_quota=quota,
        checkins_waiting=max(0, len(known) + len(strangers) - len(chosen)), budget=budget, waiting=waiting,
        counts=counts, coverage=coverage,
    )


def _stranger_slots(quota: int, share: float, week_start: date) -> int:
    """This week's check-ins for ties never spoken with: ``share`` of the quota, spread over the weeks so a
    small quota still gets its share (0.2 of one check-in a week is one every fifth week)."""
    week = week_start.toordinal() // 7
    return math.floor((week + 1) * quota * share + 1e-9) - math.floor(week * quota * share + 1e-9)


def _priority(v: VerdictLike, power: float, now: date) -> float:
    """How much a check-in with a tie with history is worth now: its strength, plus up to 10 points for how
    overdue it is (a year overdue is worth 10: strength leads, the long overdue break ties)."""
    overdue = 0 if v.due_on is None else max(0, (now - v.due_on).days)
    return power + min(10.0, overdue / 365 * 10)


def _check_in(v: VerdictLike, day: date, now: date, item: Callable[..., PlanItem]) -> PlanItem:
    if not has_history(v):
        return item(v, "reintroduce", "never a real exchange: re-introduce yourself once", day,
                    TEMPLATE_FOR["reintroduce"])
    cadence = v.cadence_days
    last = v.last_two_way
    kind, why = "check_in", []
    if last is not None and (now - last).days > 2 * cadence:
        kind = "reconnect"
        why.append(f"silent for over twice your {cadence}-day cadence")
    return item(v, kind, "; ".join(why), day, TEMPLATE_FOR[kind])


def _new_items(eligible: list[VerdictLike], invited_by_owner: Collection[int], now: date, first_day: date,
               settings: Settings, power: Callable[[VerdictLike], float],
               item: Callable[..., PlanItem]) -> list[PlanItem]:
    fresh = [v for v in eligible if v.state == "new"]
    by_day: dict[date | None, list[VerdictLike]] = {}
    for v in fresh:
        by_day.setdefault(v.connected_on, []).append(v)
    out: list[PlanItem] = []
    batch = int(settings.new_batch_size)
    for day in sorted(by_day, key=lambda d: d or date.min):  # the longest waiting first
        group = sorted(by_day[day], key=lambda v: (-power(v), v.person_id))
        if len(group) >= batch and day is not None:
            head = item(group[0], "welcome", "", first_day, TEMPLATE_FOR["welcome"],
                        reason=f"{len(group)} connections made on {date_words(day)} "
                               f"({ago_words((now - day).days)}): thank the strongest few, skim the rest")
            head.members = [v.person_id for v in group]
            for v in group[1:]:
                item(v, "welcome", "", first_day, "")  # taken by the group
            out.append(head)
            continue
        for v in group:
            if v.person_id in invited_by_owner:
                out.append(item(v, "thank", "", first_day, TEMPLATE_FOR["thank"],
                                reason=_new_reason(v, now, "they accepted your invitation", "thank them")))
            else:
                out.append(item(v, "follow_up", "", first_day, TEMPLATE_FOR["follow_up"],
                                reason=_new_reason(v, now, "you connected", "follow up")))
    return out


def finish(
    plan: WeekPlan,
    people: Mapping[int, PlanPerson],
    *,
    contexts: Mapping[int, DraftContext] | None = None,
    templates: Mapping[str, str] | None = None,
    with_drafts: bool = True,
    job_changes: Mapping[int, JobChange] | None = None,
    verdicts: Mapping[int, VerdictLike] | None = None,
) -> WeekPlan:
    """Fill in names, companies, profile links and drafts for the selected items.

    A check-in's draft says when you last spoke only from the last two-way contact, and owns up to their
    unanswered question when the state says one went past the reply window.
    """
    texts = templates if templates is not None else (load_templates() if with_drafts else {})
    for it in plan.items:
        person = people.get(it.person_id)
        if person is not None:
            it.name, it.company, it.url = person.full_name, person.company, person.url
        it.member_names = [people[m].full_name for m in it.members[:BATCH_NAMED] if m in people]
        if it.members:
            it.company = None  # a group has no one company
        if not with_drafts or not it.template:
            continue
        context = (contexts or {}).get(it.person_id)
        if context is None:
            change = (job_changes or {}).get(it.person_id)
            context = DraftContext(
                full_name=person.full_name if person else None,
                first_name=person.first_name if person else None,
                company=person.company if person else None,
                position=person.position if person else None,
                new_company=(change.company or None) if change else None,
                new_position=(change.position or None) if change else None,
            )
        v = (verdicts or {}).get(it.person_id)
        if v is not None:
            context = context.with_verdict(v.last_two_way, v.owed_on)
        template = it.template
        if it.kind in ("check_in", "reconnect") and context.unanswered is not None:
            template = "check_in_owed"
        it.draft = render(template, context, texts)
    return plan


def coverage_words(plan: WeekPlan) -> str:
    """What the week leaves waiting and what the budget gives in a year, in words."""
    parts = []
    if plan.waiting:
        parts.append(f"{len(plan.waiting)} more waiting past the budget of {plan.budget} (--all lists them)")
    cov = plan.coverage
    if cov.get("ties_with_history"):
        parts.append(f"{cov['checkins_this_week']} check-ins a week reach about {cov['per_year']} of your "
                     f"{cov['ties_with_history']} ties with real history in a year")
    if plan.checkins_waiting:
        parts.append(f"{plan.checkins_waiting} due check-ins wait for the coming weeks")
    return "; ".join(parts) or "nothing waits"
