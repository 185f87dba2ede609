"""A connection's state and the facts behind it, as every face shows it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

STATES = ("new", "owe_reply", "awaiting_reply", "unresponsive", "two_way", "due", "never_contacted",
          "hidden", "removed")

#: Words for each state, for tables and the web.
LABELS = {
    "new": "new",
    "owe_reply": "you owe a reply",
    "awaiting_reply": "awaiting reply",
    "unresponsive": "unresponsive",
    "two_way": "two-way",
    "due": "due",
    "never_contacted": "never contacted",
    "hidden": "hidden",
    "removed": "removed",
}


_VERDICT_FIELDS = ("person_id", "state", "reason", "attempts", "next_try_on", "last_in", "last_out", "last_two_way",
                   "due_on", "connected_on", "cadence_days", "tags", "last_contact", "protected", "owed_on", "reading",
                   "last_attempt_on", "pitch_only", "substantive")


class Verdict:
    """One connection's state and the facts behind it; a value, never changed once made.

    ``reason`` may be given as a function of the verdict: the words are then written the first time
    they are read (30,000 sentences cost more than 30,000 states, and most are never shown). A plain
    slotted class: 30,000 frozen dataclasses cost several times more to make.
    """

    __slots__ = ("_reason", "attempts", "cadence_days", "connected_on", "due_on", "last_attempt_on", "last_contact",
                 "last_in", "last_out", "last_two_way", "next_try_on", "owed_on", "person_id", "pitch_only",
                 "protected", "reading", "state", "substantive", "tags")

    def __init__(self, person_id: int, state: str, reason: str | Callable[[Verdict], str], attempts: int,
                 next_try_on: date | None, last_in: date | None, last_out: date | None, last_two_way: date | None,
                 due_on: date | None, connected_on: date | None, cadence_days: int, tags: tuple[str, ...] = (),
                 last_contact: date | None = None, protected: bool = False, owed_on: date | None = None,
                 reading: str = "", last_attempt_on: date | None = None, pitch_only: bool = False,
                 substantive: bool = False) -> None:
        self.person_id = person_id
        self.state = state
        self._reason = reason
        self.attempts = attempts
        self.next_try_on = next_try_on
        self.last_in = last_in
        self.last_out = last_out
        self.last_two_way = last_two_way
        self.due_on = due_on
        self.connected_on = connected_on
        self.cadence_days = cadence_days
        self.tags = tags
        self.last_contact = last_contact
        self.protected = protected
        # Their unanswered question or news, when their messages are the last word (a reply is owed to it
        # within the reply window: owe_reply), and what that (else their last) message is: question, news,
        # courtesy, pitch ("" when none or not read).
        self.owed_on = owed_on
        self.reading = reading
        self.last_attempt_on = last_attempt_on  # the start of the owner's last open attempt
        self.pitch_only = pitch_only  # nothing from them but pitches, never answered
        self.substantive = substantive  # they once asked or told something, or met: more than courtesies

    @property
    def reason(self) -> str:
        words = self._reason
        if not isinstance(words, str):
            words = self._reason = words(self)
        return words

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _VERDICT_FIELDS)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Verdict):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return "Verdict(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in _VERDICT_FIELDS) + ")"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in _VERDICT_FIELDS:
            value = getattr(self, name)
            out[name] = value.isoformat() if isinstance(value, date) else value
        out["tags"] = list(self.tags)
        return out


#: The owner's latest prune decision about a person: (verdict, decided on, until).
Prune = tuple[str, date | None, date | None]
