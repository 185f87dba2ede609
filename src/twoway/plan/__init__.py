"""The weekly plan: whom to reach this week, in what order, with a draft for each.

``select`` is the pure choice (replies owed, thanks and follow-ups, retries, check-ins spread over the
year, congratulations), ``build`` loads its inputs and fills names and drafts, ``drafts`` the editable
templates, ``calendar`` the week as an iCalendar file.
"""

from twoway.plan.build import build_week, draft_for, job_changes, snooze, snoozes
from twoway.plan.calendar import week_events, write_calendar
from twoway.plan.items import ACTION, KIND_ORDER, TEMPLATE_FOR, JobChange, PlanItem, PlanPerson, VerdictLike, WeekPlan
from twoway.plan.select import (
    CHECK_IN_STATES,
    NEVER_PLANNED,
    checkin_quota,
    coverage_words,
    finish,
    has_history,
    plan_week,
    select_week,
    week_start_of,
)

__all__ = [
    "ACTION",
    "CHECK_IN_STATES",
    "KIND_ORDER",
    "NEVER_PLANNED",
    "TEMPLATE_FOR",
    "JobChange",
    "PlanItem",
    "PlanPerson",
    "VerdictLike",
    "WeekPlan",
    "build_week",
    "checkin_quota",
    "coverage_words",
    "draft_for",
    "finish",
    "has_history",
    "job_changes",
    "plan_week",
    "select_week",
    "snooze",
    "snoozes",
    "week_events",
    "week_start_of",
    "write_calendar",
]
