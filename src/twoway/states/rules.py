"""The settings the state rules read, resolved once per call (a settings lookup per person is too slow).

The cadence (the default, or the shortest cadence among a person's tags) and the protected tags are
decided here and nowhere else.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from twoway.settings import Settings

_SPACES = re.compile(r"\s+")


def tag_cadences(settings: Settings) -> dict[str, int]:
    """The ``tag_cadences`` setting with its tags in normal form: tag -> days."""
    raw: Mapping[str, float] = settings.tag_cadences
    return {n: max(1, round(v)) for k, v in raw.items() if (n := _norm(k))}


def protected_tags(settings: Settings) -> frozenset[str]:
    """The ``protected_tags`` setting in normal form."""
    return frozenset(n for t in settings.protected_tags if (n := _norm(t)))


def _norm(raw: object) -> str:
    # The stored form of a tag, without refusing: a setting written by hand may hold anything.
    return _SPACES.sub(" ", str(raw)).strip().casefold()


@dataclass(frozen=True)
class Rules:
    """The settings the state rules read, resolved once (settings lookups are too slow per person)."""

    cadence_days: int
    tag_cadences: dict[str, int]
    protected_tags: frozenset[str]
    attempt_gap_days: int
    attempts_to_unresponsive: int
    new_connection_days: int
    owe_reply_after_days: int
    reply_window_days: int = 30
    retry_window_days: int = 60
    answer_window_days: int = 60

    @classmethod
    def from_settings(cls, settings: Settings) -> Rules:
        return cls(
            cadence_days=int(settings.cadence_days),
            tag_cadences=tag_cadences(settings),
            protected_tags=protected_tags(settings),
            attempt_gap_days=int(settings.attempt_gap_days),
            attempts_to_unresponsive=int(settings.attempts_to_unresponsive),
            new_connection_days=int(settings.new_connection_days),
            owe_reply_after_days=int(settings.owe_reply_after_days),
            reply_window_days=int(settings.reply_window_days),
            retry_window_days=int(settings.retry_window_days),
            answer_window_days=int(settings.answer_window_days),
        )

    def cadence(self, tags: tuple[str, ...]) -> tuple[int, str | None]:
        """The cadence for these tags, and the tag it comes from (None for the default)."""
        best, which = self.cadence_days, None
        for t in tags:
            days = self.tag_cadences.get(t)
            if days is not None and (which is None or days < best):
                best, which = days, t
        return best, which

    def protected(self, tags: tuple[str, ...]) -> bool:
        return any(t in self.protected_tags for t in tags)
