"""What to do with each invitation: accept, follow up, review or ignore what arrives; withdraw what went out.

``rule`` is the one rule for an invitation received (a table of rules, pure), ``reasons`` reads a note,
lets the rule decide and writes the reasons in words (:func:`recommend`, what the product calls for one
invitation), ``evidence`` reads what it weighs (shared history, mutuals, repeated notes, profiles), ``lists``
puts them together for an owner.
"""

from twoway.invitations.triage.evidence import company_key, known_facts, note_repeats
from twoway.invitations.triage.lists import (
    NONE,
    THANK,
    WAIT,
    WITHDRAW,
    Item,
    as_received,
    incoming,
    outgoing,
    overview,
)
from twoway.invitations.triage.reasons import Reason, Recommendation, explain, recommend
from twoway.invitations.triage.rule import (
    ACCEPT,
    ACTIONS,
    FOLLOW_UP,
    IGNORE,
    REVIEW,
    RULES,
    USUALLY_ACCEPTS,
    Decision,
    Evidence,
    Known,
    decide,
)

__all__ = [
    "ACCEPT",
    "ACTIONS",
    "FOLLOW_UP",
    "IGNORE",
    "NONE",
    "REVIEW",
    "RULES",
    "THANK",
    "USUALLY_ACCEPTS",
    "WAIT",
    "WITHDRAW",
    "Decision",
    "Evidence",
    "Item",
    "Known",
    "Reason",
    "Recommendation",
    "as_received",
    "company_key",
    "decide",
    "explain",
    "incoming",
    "known_facts",
    "note_repeats",
    "outgoing",
    "overview",
    "recommend",
]
