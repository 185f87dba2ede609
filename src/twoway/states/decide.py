"""The state rule: every connection's state decided at once, over arrays.

This is the one place a state is decided, for 30,000 connections or for one (a one-person history
goes through the same table). The order in which states win is the ``np.select`` table in
:func:`judge_all`; :mod:`twoway.states.explain` writes the words for the state decided here, only
when they are read. The states of 30,000 connections cost a few array passes and the verdict objects.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import repeat
from typing import Any

import numpy as np
from sqlalchemy import Connection, text

from twoway.clock import date_to_day, iso_date
from twoway.history import BOOL, I64, READS, FactArrays, Facts, History, facts_at, gc_paused
from twoway.states.explain import explain
from twoway.states.rules import Rules
from twoway.states.verdict import STATES, Prune, Verdict

_CODE = {name: code for code, name in enumerate(STATES)}
_NAT = np.iinfo(np.int64).min  # datetime64's "no date"



@dataclass(frozen=True)
class Connections:
    """The owner's connections (connected or removed), ordered by person id."""

    person_ids: I64
    connected: I64  # day number of connected_on (meaningful where has_connected)
    has_connected: BOOL
    removed: BOOL
    removed_on: dict[int, str | None]  # raw removed_on of the removed ones, for their reasons


def _rows(conn: Connection, sql: str, params: dict[str, Any]) -> list[Any]:
    result = conn.execute(text(sql), params)
    try:  # the driver's tuples: 30,000 SQLAlchemy Rows cost more than the query
        return list(result.cursor.fetchall() if result.cursor is not None else result.fetchall())
    finally:
        result.close()


def read_connections(conn: Connection, owner_id: int, person_ids: Collection[int] | None = None) -> Connections:
    wanted = None if person_ids is None else sorted({int(p) for p in person_ids})
    # A database of one owner is read faster straight through the table than through the owner's
    # index (one table lookup per row); with several owners the index reads only this owner's rows.
    owner = "owner_id = :o"
    if wanted is None and conn.dialect.name == "sqlite" and \
            conn.execute(text("SELECT COUNT(*) FROM owners")).scalar_one() <= 1:
        owner = "owner_id + 0 = :o"
    # The third column is NULL for a connection and removed_on ('' when unknown) for a removed one.
    sql = (f"SELECT person_id, connected_on, CASE WHEN status = 'removed' THEN COALESCE(removed_on, '') END "
           f"FROM connections WHERE {owner} AND status IN ('connected', 'removed')")
    params: dict[str, Any] = {"o": owner_id}
    if wanted is not None and len(wanted) <= 500:
        names = [f"p{i}" for i in range(len(wanted))]
        sql += " AND person_id IN (" + ", ".join(":" + n for n in names) + ")" if wanted else " AND 1 = 0"
        params.update(zip(names, wanted, strict=True))
    with gc_paused():  # 30,000 row tuples would trigger collections that walk every live object
        rows = _rows(conn, sql, params)
    if not rows:
        none = np.zeros(0, dtype=np.int64)
        return Connections(none, none, np.zeros(0, dtype=bool), np.zeros(0, dtype=bool), {})
    pid_col, day_col, removed_col = zip(*rows, strict=True)
    pids = np.array(pid_col, dtype=np.int64)
    removed = np.array(removed_col, dtype=object) != None  # noqa: E711 (elementwise: which rows are removed)
    removed_on = {int(pid_col[i]): removed_col[i] or None for i in np.flatnonzero(removed).tolist()}
    # A few thousand distinct dates serve 30,000 connections: each string is read once per process.
    days = np.fromiter(map(_DAY_OF.__getitem__, day_col), dtype=np.int64, count=len(rows))
    keep = None if wanted is None else np.isin(pids, np.array(wanted, dtype=np.int64))
    if keep is not None:
        pids, removed, days = pids[keep], removed[keep], days[keep]
    if pids.size > 1 and np.any(pids[1:] < pids[:-1]):
        order = np.argsort(pids, kind="stable")
        pids, removed, days = pids[order], removed[order], days[order]
    return Connections(pids, np.where(days == _NAT, 0, days), days != _NAT, removed, removed_on)


class _DayNumbers(dict[str | None, int]):
    """ISO date text -> day number (_NAT when missing or unreadable), as clock.iso_date reads it."""

    def __missing__(self, raw: str | None) -> int:
        d = iso_date(raw)
        day = self[raw] = _NAT if d is None else date_to_day(d)
        if len(self) > 200_000:  # free text in a date column must not grow without end
            self.clear()
        return day


_DAY_OF = _DayNumbers()


def _dates(days: I64, valid: BOOL) -> list[date | None]:
    # datetime64 turns into datetime.date (and NaT into None) in C, about 30 ns a value.
    as_dates: list[date | None] = np.where(valid, days, _NAT).astype("datetime64[D]").astype(object).tolist()
    return as_dates


def _positions(pids: I64, keys: list[int]) -> tuple[list[int], list[int]]:
    """Where each of ``keys`` sits in ``pids`` (sorted), for the keys present: (positions, keys)."""
    if not keys or pids.size == 0:
        return [], []
    k = np.array(keys, dtype=np.int64)
    at = np.minimum(np.searchsorted(pids, k), pids.size - 1)
    hit = pids[at] == k
    return at[hit].tolist(), k[hit].tolist()


class _Explainer:
    """Writes one verdict's reason on demand, from that person's facts (read by the reference)."""

    def __init__(self, hist: History, conns: Connections, prunes: Mapping[int, Prune], rules: Rules,
                 today: date) -> None:
        self.hist, self.conns, self.prunes, self.rules, self.today = hist, conns, prunes, rules, today

    def __call__(self, v: Verdict) -> str:
        pid = v.person_id
        k = self.hist.index_of(pid)
        facts = Facts() if k is None else facts_at(self.hist, k, self.rules.attempt_gap_days,
                                                    self.rules.answer_window_days)
        return explain(v, facts, rules=self.rules, today=self.today, removed=pid in self.conns.removed_on,
                       removed_on=iso_date(self.conns.removed_on.get(pid)), prune=self.prunes.get(pid))


def judge_all(hist: History, fa: FactArrays, conns: Connections, *, today: date, rules: Rules,
              tags: Mapping[int, tuple[str, ...]], prunes: Mapping[int, Prune],
              reasons: bool = True) -> dict[int, Verdict]:
    """Every connection's verdict (reasons written when read). ``fa`` are ``hist``'s facts with the rules'
    attempt gap and answer window."""
    n, today_n, gap = conns.person_ids.size, date_to_day(today), rules.attempt_gap_days
    f = _gather(hist, fa, conns.person_ids)
    li, lo, l2w, la, attempts, last_attempt, owed = (f[k] for k in (
        "last_in", "last_out", "last_two_way", "last_any", "attempts", "last_attempt", "owed"))
    pitch_only = f["pitch_only"] > 0
    substantive = f["substantive"] > 0

    cadence = np.full(n, rules.cadence_days, dtype=np.int64)
    tag_list: list[tuple[str, ...]] = [()] * n
    protected = np.zeros(n, dtype=bool)
    for i, pid in zip(*_positions(conns.person_ids, [p for p, t in tags.items() if t]), strict=True):
        tag_list[i] = tags[pid]
        cadence[i] = rules.cadence(tags[pid])[0]
        protected[i] = rules.protected(tags[pid])
    removed, hidden = conns.removed.copy(), np.zeros(n, dtype=bool)
    if prunes:
        gone = [p for p, (d, _, _) in prunes.items() if d == "remove"]
        hid = [p for p, (d, _, until) in prunes.items() if d == "hide" and (until is None or until >= today)]
        removed[_positions(conns.person_ids, gone)[0]] = True
        hidden[_positions(conns.person_ids, hid)[0]] = True

    conn_day, has_conn = conns.connected, conns.has_connected
    owed_age = today_n - owed
    wrote_since = (lo >= 0) & (lo >= conn_day)
    due_by_cadence = today_n >= l2w + cadence
    # The one table of states: the first condition that holds wins (see twoway.states for each in words).
    state = np.select(
        [removed, hidden, (attempts > 0) & (attempts >= rules.attempts_to_unresponsive),
         (owed >= 0) & (owed_age > rules.owe_reply_after_days) & (owed_age <= rules.reply_window_days),
         (attempts > 0) & (today_n - last_attempt <= rules.retry_window_days),
         has_conn & (today_n - conn_day < rules.new_connection_days) & ~wrote_since,
         pitch_only, (l2w >= 0) & due_by_cadence, l2w >= 0, la >= 0],
        [_CODE["removed"], _CODE["hidden"], _CODE["unresponsive"], _CODE["owe_reply"], _CODE["awaiting_reply"],
         _CODE["new"], _CODE["never_contacted"], _CODE["due"], _CODE["two_way"], _CODE["due"]],
        default=_CODE["never_contacted"],
    )
    # due_on: a cadence after the last two-way contact; the end of "new" for a silent connection;
    # today for a conversation never two-way, and for a connection of unknown date never spoken to.
    due = np.where(l2w >= 0, l2w + cadence, conn_day + rules.new_connection_days)
    has_due = (l2w >= 0) | (has_conn & (la < 0))
    now = ((state == _CODE["due"]) & (l2w < 0)) | ((state == _CODE["never_contacted"]) & ~has_conn)
    due, has_due = np.where(now, today_n, due), has_due | now
    awaiting = state == _CODE["awaiting_reply"]
    reading = np.array(READS, dtype=object)[np.where(owed >= 0, f["owed_read"], f["last_in_read"])].tolist()

    names = np.array(STATES, dtype=object)[state].tolist()
    reason_of: Any = repeat(_Explainer(hist, conns, prunes, rules, today) if reasons else "")
    pids = conns.person_ids.tolist()
    with gc_paused():
        return dict(zip(pids, map(
            Verdict, pids, names, reason_of, attempts.tolist(), _dates(last_attempt + gap, awaiting),
            _dates(li, li >= 0), _dates(lo, lo >= 0), _dates(l2w, l2w >= 0), _dates(due, has_due),
            _dates(conn_day, has_conn), cadence.tolist(), tag_list, _dates(la, la >= 0),
            protected.tolist(), _dates(owed, owed >= 0), reading, _dates(last_attempt, last_attempt >= 0),
            pitch_only.tolist(), substantive.tolist()), strict=True))


_COLUMNS = ("last_in", "last_out", "last_two_way", "last_any", "attempts", "last_attempt", "owed", "owed_read",
            "last_in_read", "pitch_only", "substantive")
# What a connection without any history has: no attempts, no readings, every day unknown.
_EMPTY = {"attempts": 0, "owed_read": 0, "last_in_read": 0, "pitch_only": 0, "substantive": 0}


def _gather(hist: History, fa: FactArrays, pids: I64) -> dict[str, I64]:
    """The rules' facts per connection, in connection order (-1 where a day is unknown)."""
    if len(hist) == 0:
        return {c: np.full(pids.size, _EMPTY.get(c, -1), dtype=np.int64) for c in _COLUMNS}
    at = np.minimum(np.searchsorted(hist.person_ids, pids), len(hist) - 1)
    has = hist.person_ids[at] == pids
    return {c: np.where(has, np.asarray(getattr(fa, c))[at], _EMPTY.get(c, -1)).astype(np.int64) for c in _COLUMNS}
