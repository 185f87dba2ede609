"""The weekly plan: whom to reach this week, in what order, with a draft for each.

``select`` is the pure choice (replies owed, thanks and follow-ups, retries, check-ins spread over the
year, congratulations), ``build`` loads its inputs and fills names and drafts, ``drafts`` the editable
templates, ``calendar`` the week as an iCalendar file.
"""

from twoway.plan.build import build_week, draft_for, job_changes, snooze, snoozes
from twoway.plan.calendar import week_events, write_calendar
from twoway.plan.select import (
    ACTION,
    CHECK_IN_STATES,
    KIND_ORDER,
    NEVER_PLANNED,
    TEMPLATE_FOR,
    JobChange,
    PlanItem,
    PlanPerson,
    VerdictLike,
    WeekPlan,
    checkin_quota,
    finish,
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
    "draft_for",
    "finish",
    "job_changes",
    "plan_week",
    "select_week",
    "snooze",
    "snoozes",
    "week_events",
    "week_start_of",
    "write_calendar",
]
