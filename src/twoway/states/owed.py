"""Does their last word ask for a reply? Not when it is a sales pitch.

A connection whose last word is their message would be "you owe a reply". When that message (and
every message of theirs after the owner's last word) looks like a pitch (:func:`twoway.pitch.is_pitch`),
it asks nothing of the owner: the connection is judged on the rest of its history, as if the pitch
had not been sent, and the reason says so. Only the few thousand connections that could owe a reply
have their last messages read (one index seek per person, 200 people per query), and the answer is
remembered for as long as the same cached history is in use.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Connection, text

from twoway.history import IN, FactArrays, Facts, History, facts_from_events
from twoway.pitch import is_pitch

_CHUNK = 200

# Each person's messages from the start of their trailing run on: one index seek per person.
_LAST_WORDS = (
    "WITH w (p, a) AS (VALUES {rows}) "
    "SELECT i.id, i.person_id, i.at, i.content FROM w "
    "JOIN interactions i ON i.owner_id = :o AND i.person_id = w.p AND i.at >= w.a "
    "LEFT JOIN conversations c ON c.id = i.conversation_id "
    "WHERE i.direction = 'in' AND i.kind NOT IN ('meeting', 'call') "
    "AND (i.conversation_id IS NULL OR c.kind IS NULL OR c.kind = 'direct')"
)

def candidates(facts: Mapping[int, Facts], today_day: int, after_days: int, within_days: int) -> list[int]:
    """People whose last word is their message, old enough to owe a reply and not yet stale."""
    return [pid for pid, f in facts.items()
            if f.last_side == IN and f.last_in is not None and after_days < today_day - f.last_in < within_days]


def candidates_of(h: History, fa: FactArrays, today_day: int, after_days: int, within_days: int) -> list[int]:
    """:func:`candidates` over a history's fact arrays (the same people, in person order)."""
    age = today_day - fa.last_in
    maybe = (fa.last_side == IN) & (fa.last_in >= 0) & (age > after_days) & (age < within_days)
    return [int(p) for p in h.person_ids[maybe].tolist()]


def without_pitches(conn: Connection, owner_id: int, hist: History, people: list[int],
                    gap_days: int) -> dict[int, Facts]:
    """New facts for those of ``people`` whose trailing messages are all pitches (the others are left out)."""
    # Each person's facts without their pitches (None: not all pitches), remembered on the history: the
    # same history has the same trailing rows, so repeated calls need no query.
    known: dict[int, Facts | None] = hist.remember(("owed", owner_id, gap_days), {})
    missing = [p for p in people if p not in known]
    if missing:
        pitched = _all_pitches(conn, owner_id, hist, missing)
        known.update({p: _without_trailing(hist, p, gap_days) if pitched[p] else None for p in missing})
    out: dict[int, Facts] = {}
    for pid in people:
        facts = known.get(pid)
        if facts is not None:
            out[pid] = facts
    return out


def _without_trailing(hist: History, pid: int, gap_days: int) -> Facts:
    events = hist.events_for(pid)
    last_pitch = events[-1].at
    while events and events[-1].side == IN:
        events.pop()
    facts = facts_from_events(events, gap_days)
    facts.pitch_day = last_pitch // 86_400
    return facts


def _all_pitches(conn: Connection, owner_id: int, hist: History, people: list[int]) -> dict[int, bool]:
    """For each of ``people`` with a history: are their trailing messages all pitches?"""
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
    pitched: dict[int, bool] = {}
    for n in range(0, len(starts), _CHUNK):
        chunk = starts[n : n + _CHUNK]
        rows = ", ".join(f"(:p{k}, :a{k})" for k in range(len(chunk)))
        params: dict[str, object] = {"o": owner_id}
        for k, (since, pid) in enumerate(chunk):
            params[f"p{k}"], params[f"a{k}"] = pid, since
        for _iid, pid, at, content in conn.execute(text(_LAST_WORDS.format(rows=rows)), params):
            if (int(pid), int(at)) not in runs:
                continue
            verdict = bool(is_pitch(content))
            pitched[int(pid)] = pitched.get(int(pid), True) and verdict
    return {pid: pitched.get(pid, False) for pid in people}
