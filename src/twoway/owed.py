"""Does their last word ask for a reply? Not when it is a sales pitch.

A connection whose last word is their message would be "you owe a reply". When that message (and
every message of theirs after the owner's last word) looks like a pitch (:func:`twoway.pitch.is_pitch`),
it asks nothing of the owner: the connection is judged on the rest of its history, as if the pitch
had not been sent, and the reason says so. Only the few thousand connections that could owe a reply
have their last messages read, in one query per 500 people.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Connection, bindparam, text

from twoway.history import IN, History
from twoway.history_facts import Facts, facts_from_events
from twoway.pitch import is_pitch

_CHUNK = 500

_LAST_WORDS = text(
    "SELECT i.person_id, i.at, i.content FROM interactions i "
    "LEFT JOIN conversations c ON c.id = i.conversation_id "
    "WHERE i.owner_id = :o AND i.person_id IN :ids AND i.at >= :since AND i.direction = 'in' "
    "AND i.kind NOT IN ('meeting', 'call') "
    "AND (i.conversation_id IS NULL OR c.kind IS NULL OR c.kind = 'direct')"
).bindparams(bindparam("ids", expanding=True))


def candidates(facts: Mapping[int, Facts], today_day: int, after_days: int, within_days: int) -> list[int]:
    """People whose last word is their message, old enough to owe a reply and not yet stale."""
    return [pid for pid, f in facts.items()
            if f.last_side == IN and f.last_in is not None and after_days < today_day - f.last_in < within_days]


def without_pitches(conn: Connection, owner_id: int, hist: History, people: list[int],
                    gap_days: int) -> dict[int, Facts]:
    """New facts for those of ``people`` whose trailing messages are all pitches (the others are left out)."""
    runs: dict[tuple[int, int], int] = {}  # (person, time) of each trailing message -> its person's index
    starts: list[tuple[int, int]] = []
    for pid in people:
        k = hist.index_of(pid)
        if k is None:
            continue
        lo, i = int(hist.starts[k]), int(hist.starts[k + 1]) - 1
        while i >= lo and int(hist.side[i]) == IN:
            runs[(pid, int(hist.at[i]))] = k
            i -= 1
        starts.append((int(hist.at[i + 1]), pid))
    starts.sort()  # people whose trailing messages start together share a query's time bound
    pitched: dict[int, bool] = {}
    for n in range(0, len(starts), _CHUNK):
        chunk = starts[n : n + _CHUNK]
        rows = conn.execute(_LAST_WORDS, {"o": owner_id, "ids": [p for _, p in chunk], "since": chunk[0][0]})
        for pid, at, content in rows:
            if (int(pid), int(at)) in runs:
                pitched[int(pid)] = pitched.get(int(pid), True) and bool(is_pitch(content))
    out: dict[int, Facts] = {}
    for pid, all_pitches in pitched.items():
        if not all_pitches:
            continue
        events = hist.events_for(pid)
        last_pitch = events[-1].at
        while events and events[-1].side == IN:
            events.pop()
        facts = facts_from_events(events, gap_days)
        facts.pitch_day = last_pitch // 86_400
        out[pid] = facts
    return out
