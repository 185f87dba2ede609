"""What to do with each invitation: accept, follow up, review or ignore what arrives; withdraw what went out.

``rule`` is the pure recommendation, ``evidence`` reads what it weighs (shared history, mutuals, repeated
notes, profiles), ``lists`` puts them together for an owner.
"""

from twoway.invitations.triage.evidence import known_facts, note_repeats
from twoway.invitations.triage.lists import Item, incoming, outgoing, overview
from twoway.invitations.triage.rule import (
    ACCEPT,
    FOLLOW_UP,
    IGNORE,
    NONE,
    REVIEW,
    THANK,
    WAIT,
    WITHDRAW,
    Evidence,
    Known,
    Reason,
    Recommendation,
    company_key,
    recommend,
)

__all__ = [
    "ACCEPT",
    "FOLLOW_UP",
    "IGNORE",
    "NONE",
    "REVIEW",
    "THANK",
    "WAIT",
    "WITHDRAW",
    "Evidence",
    "Item",
    "Known",
    "Reason",
    "Recommendation",
    "company_key",
    "incoming",
    "known_facts",
    "note_repeats",
    "outgoing",
    "overview",
    "recommend",
]
