"""The week's one-line summary counts in words: one of a kind is singular."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from twoway.cli.plan import _kinds_line


def test_one_of_a_kind_is_singular_and_more_are_plural() -> None:
    plan: Any = SimpleNamespace(counts={"reply": 17, "welcome": 1, "check_in": 1, "retry": 2})
    assert _kinds_line(plan) == "17 replies owed, 1 batch of new connections, 1 check-in, 2 retries"
    assert _kinds_line(SimpleNamespace(counts={})) == "nothing to do"  # type: ignore[arg-type]
