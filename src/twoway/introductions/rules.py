"""Which step of an introduction request may follow which, and who may take it: one table.

A asks B (``asked``); B accepts or declines; once accepted B forwards the double opt-in note to the
person (``forwarded``) and then records their answer (``agreed`` or ``refused``). A may withdraw while
the request is open. Every other step is refused with a :class:`~twoway.errors.Conflict` saying why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from twoway.errors import Conflict, InputError

Role = Literal["asker", "via"]

#: Every status, in the order a request lives through them; the open ones can still move.
STATUSES = ("asked", "accepted", "forwarded", "declined", "agreed", "refused", "withdrawn")
OPEN = frozenset({"asked", "accepted", "forwarded"})

#: What each status means, for the screens.
MEANING = {
    "asked": "waiting for the member asked to accept or decline",
    "accepted": "accepted: the note to forward is drafted",
    "forwarded": "the note was forwarded; waiting for their answer",
    "declined": "the member asked declined",
    "agreed": "they agreed to be introduced",
    "refused": "they did not want an introduction",
    "withdrawn": "withdrawn by the member who asked",
}


@dataclass(frozen=True)
class Step:
    action: str
    role: Role  # who may take it: the member who asked, or the member asked
    before: frozenset[str]
    after: str
    done: str  # the step in words, as errors and the log say it: "accepted", "marked forwarded"…


#: The state table: action -> who may take it, from which statuses, to which status.
STEPS: dict[str, Step] = {s.action: s for s in (
    Step("accept", "via", frozenset({"asked"}), "accepted", "accepted"),
    Step("decline", "via", frozenset({"asked", "accepted"}), "declined", "declined"),
    Step("forwarded", "via", frozenset({"accepted"}), "forwarded", "marked forwarded"),
    Step("agreed", "via", frozenset({"forwarded"}), "agreed", "marked agreed"),
    Step("refused", "via", frozenset({"forwarded"}), "refused", "marked refused"),
    Step("withdraw", "asker", OPEN, "withdrawn", "withdrawn"),
)}
ACTIONS = tuple(STEPS)


def step(action: str, status: str, role: Role) -> Step:
    """The step ACTION from STATUS taken by ROLE, or why it cannot be taken."""
    found = STEPS.get(action)
    if found is None:
        raise InputError(f"{action!r} is not a step of an introduction; one of: {', '.join(ACTIONS)}")
    if role != found.role:
        who = "the member who asked" if found.role == "asker" else "the member asked"
        raise Conflict(f"only {who} can {action} this request")
    if status not in found.before:
        raise Conflict(f"this request is {status} ({MEANING[status]}): it cannot be {found.done} now")
    return found


def allowed(status: str, role: Role) -> list[str]:
    """The actions ROLE may take on a request in STATUS (what the screens offer)."""
    return [s.action for s in STEPS.values() if s.role == role and status in s.before]

