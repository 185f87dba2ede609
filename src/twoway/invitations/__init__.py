"""Invitations sent and received: what became of each, what limits sending, what the owner records.

- :mod:`~twoway.invitations.records`: the status rule (pending, accepted, ignored, withdrawn,
  expired) and the listings built on it;
- :mod:`~twoway.invitations.budget`: the weekly budget and the re-invite block after a withdrawal;
- :mod:`~twoway.invitations.actions`: invitations logged by hand, withdrawals and decisions;
- :mod:`~twoway.invitations.history`: the owner's own past with invitations received, by kind of note;
- :mod:`~twoway.invitations.stats`: what works (acceptance rates, time to accept, accepted then silent);
- :mod:`~twoway.invitations.coach`: checking and drafting the owner's own notes;
- :mod:`~twoway.invitations.triage`: what to do with each invitation, received or sent.

A note is read once, for both directions, by :mod:`twoway.reading.notes`.

Everything public is importable from ``twoway.invitations`` itself.
"""

from twoway.invitations.actions import Logged, decide, log_invitation, sending_warnings, withdraw
from twoway.invitations.budget import Budget, reinvite_blocked_until, weekly_budget
from twoway.invitations.records import (
    ACCEPTED,
    EXPIRED,
    IGNORED,
    PENDING,
    STATUSES,
    VERDICTS,
    WITHDRAWN,
    Invitation,
    get,
    latest_decisions,
    list_invitations,
    recently_accepted,
    status_of,
)

__all__ = [
    "ACCEPTED",
    "EXPIRED",
    "IGNORED",
    "PENDING",
    "STATUSES",
    "VERDICTS",
    "WITHDRAWN",
    "Budget",
    "Invitation",
    "Logged",
    "decide",
    "get",
    "latest_decisions",
    "list_invitations",
    "log_invitation",
    "recently_accepted",
    "reinvite_blocked_until",
    "sending_warnings",
    "status_of",
    "weekly_budget",
    "withdraw",
]
