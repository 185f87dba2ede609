"""Introductions asked and given between the members of a team.

Member A finds a route to a person through member B (``twoway.graph.intros``) and asks B for the
introduction; B accepts or declines, forwards the double opt-in note twoway drafts, and records the
person's answer; A sees each step and may withdraw while the request is open. ``rules`` is the one state
table, ``records`` the rows (every read takes the member and returns only requests they are part of),
``requests`` the steps and what each side sees. Every step is written to the audit log.
"""

from twoway.introductions.records import forget_member
from twoway.introductions.requests import (
    Board,
    IntroRequest,
    LogEntry,
    Requests,
    act,
    ask,
    audit_log,
    board,
    requests,
    view,
)
from twoway.introductions.rules import ACTIONS, MEANING, OPEN, STATUSES, STEPS, allowed, step

__all__ = [
    "ACTIONS",
    "MEANING",
    "OPEN",
    "STATUSES",
    "STEPS",
    "Board",
    "IntroRequest",
    "LogEntry",
    "Requests",
    "act",
    "allowed",
    "ask",
    "audit_log",
    "board",
    "forget_member",
    "requests",
    "step",
    "view",
]
