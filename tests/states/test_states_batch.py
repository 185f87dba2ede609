"""The state rule over many people at once equals the same rule over each person alone (no person's verdict
depends on anyone else's rows), and the fact arrays equal the per-person reference."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TypedDict

import numpy as np
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from sqlalchemy import Connection, text

from twoway import clock, history, states
from twoway.history import BOTH, IN, OUT, READS, Event
from twoway.history.facts import fact_arrays, facts_at, facts_from_events, facts_from_history
from twoway.settings import Settings
from twoway.states import Prune, Rules
from twoway.states import decide as states_batch
from twoway.store import Store

TODAY = date(2026, 11, 22)
TAGS = ("inner circle", "family", "vip", "golf")
_KIND = {OUT: ("out", "message"), IN: ("in", "message"), BOTH: ("out", "meeting")}


def _event(day: date, hour: int, side: int, email: bool, reading: str = "") -> Event:
    direction, kind = _KIND[side]
    channel = "meeting" if kind == "meeting" else ("email" if email else "linkedin")
    return Event(direction, clock.day_start_ts(day) + hour * 3600, kind, channel, "" if side == BOTH else reading)


@st.composite
def histories(draw: st.DrawFn) -> list[Event]:
    """A run of events whose gaps sit on the rules' edges: 6 and 7 days, 2 days, 14 days, a cadence."""
    n = draw(st.integers(0, 14))
    day = TODAY - timedelta(days=draw(st.sampled_from([0, 3, 20, 60, 200, 400, 900])))
    events: list[Event] = []
    for _ in range(n):
        side = draw(st.sampled_from([OUT, OUT, OUT, IN, IN, BOTH]))
        events.append(_event(day, draw(st.integers(0, 23)), side, draw(st.booleans()), draw(st.sampled_from(READS))))
        day += timedelta(days=draw(st.sampled_from([0, 0, 1, 2, 3, 5, 6, 7, 8, 13, 14, 30, 59, 61, 90, 364, 366])))
        if day > TODAY:
            break
    return events


_PRUNE = st.one_of(
    st.none(),
    st.tuples(st.sampled_from(["remove", "hide", "keep"]),
              st.one_of(st.none(), st.integers(0, 400).map(lambda n: TODAY - timedelta(days=n))),
              st.one_of(st.none(), st.integers(-30, 30).map(lambda n: TODAY + timedelta(days=n)))),
)

class Person(TypedDict):
    """One person as _PERSON draws them."""

    events: list[Event]
    connected: date | None
    connection: str | None
    prune: Prune | None
    tags: tuple[str, ...]


_PERSON = st.fixed_dictionaries({
    "events": histories(),
    "connected": st.one_of(st.none(), st.integers(-2, 3000).map(lambda n: TODAY - timedelta(days=n)),
                           st.integers(0, 20).map(lambda n: TODAY - timedelta(days=n))),
    "connection": st.sampled_from(["connected", "connected", "connected", "removed", None]),
    "prune": _PRUNE,
    "tags": st.lists(st.sampled_from(TAGS), max_size=2, unique=True).map(lambda t: tuple(sorted(t))),
})

_RULES = st.builds(
    Rules,
    cadence_days=st.sampled_from([365, 60, 30]),
    tag_cadences=st.sampled_from([{}, {"inner circle": 90, "vip": 30}, {"golf": 400, "vip": 7}]),
    protected_tags=st.sampled_from([frozenset(), frozenset({"family"})]),
    attempt_gap_days=st.sampled_from([7, 7, 3, 1, 14]),
    attempts_to_unresponsive=st.sampled_from([3, 3, 2, 1, 5]),
    new_connection_days=st.sampled_from([14, 14, 30]),
    owe_reply_after_days=st.sampled_from([2, 2, 0, 5]),
)


@hsettings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PERSON, min_size=1, max_size=12), _RULES, st.booleans())
def test_everyone_at_once_equals_each_person_alone(people: list[Person], rules: Rules, reasons: bool) -> None:
    per = {pid: p["events"] for pid, p in enumerate(people, start=1)}
    h = history.from_events(per)
    gap = rules.attempt_gap_days
    conns = [(pid, p) for pid, p in enumerate(people, start=1) if p["connection"] is not None]
    pids = [pid for pid, _ in conns]
    connected = [p["connected"] for _, p in conns]
    removed_on = {pid: "2026-11-01" if pid % 2 else None for pid, p in conns if p["connection"] == "removed"}
    table = states_batch.Connections(
        person_ids=np.array(pids, dtype="int64"),
        connected=np.array([clock.date_to_day(c) if c else 0 for c in connected], dtype="int64"),
        has_connected=np.array([c is not None for c in connected], dtype=bool),
        removed=np.array([p["connection"] == "removed" for _, p in conns], dtype=bool),
        removed_on=removed_on,
    )
    tags = {pid: p["tags"] for pid, p in enumerate(people, start=1) if p["tags"]}
    prunes = {pid: p["prune"] for pid, p in enumerate(people, start=1) if p["prune"] is not None}
    got = states_batch.judge_all(h, fact_arrays(h, gap, rules.answer_window_days), table, today=TODAY, rules=rules,
                                 tags=tags, prunes=prunes, reasons=reasons)
    assert list(got) == pids
    for pid, p in conns:
        alone = history.from_events({pid: per[pid]})
        one = states_batch.Connections(
            person_ids=np.array([pid], dtype="int64"),
            connected=np.array([clock.date_to_day(p["connected"]) if p["connected"] else 0], dtype="int64"),
            has_connected=np.array([p["connected"] is not None], dtype=bool),
            removed=np.array([p["connection"] == "removed"], dtype=bool),
            removed_on={pid: removed_on[pid]} if pid in removed_on else {},
        )
        want = states_batch.judge_all(
            alone, fact_arrays(alone, gap, rules.answer_window_days), one, today=TODAY,
            rules=rules, tags={pid: tags[pid]} if pid in tags else {},
            prunes={pid: prunes[pid]} if pid in prunes else {}, reasons=reasons)[pid]
        assert got[pid] == want, (pid, p)
        assert got[pid].reason == want.reason


@hsettings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 5), histories()), max_size=6), st.sampled_from([7, 1, 3, 30, 0]),
       st.sampled_from([60, 30, 1, 400]))
def test_fact_arrays_equal_the_reference_in_the_canonical_order(runs: list[tuple[int, list[Event]]],
                                                                gap: int, window: int) -> None:
    per: dict[int, list[Event]] = {}
    for pid, events in runs:
        per.setdefault(pid, []).extend(events)
    h = history.from_events(per)
    fa = fact_arrays(h, gap, window)
    for k, pid in enumerate(h.person_ids.tolist()):
        # Events at the same second have one order, the history's: the reference reads them in it.
        ref = facts_from_events(h.events_for(pid), gap, window)
        day = {name: int(getattr(fa, name)[k]) for name in ("last_in", "last_out", "last_two_way", "last_any",
                                                             "last_side", "owed", "last_in_msg")}
        assert day == {name: -1 if getattr(ref, name) is None else getattr(ref, name) for name in day}, pid
        assert int(fa.attempts[k]) == ref.attempts, pid
        assert int(fa.last_attempt[k]) == (ref.attempt_days[-1] if ref.attempt_days else -1), pid
        assert bool(fa.pitch_only[k]) == ref.pitch_only, pid
        assert bool(fa.substantive[k]) == ref.substantive, pid
        assert bool(fa.last_in_met[k]) == ref.last_in_met, pid
        assert READS[int(fa.owed_read[k])] == ref.owed_read, pid
        assert facts_at(h, k, gap, window) == ref
    assert facts_from_history(h, gap, window) == {p: facts_from_events(h.events_for(p), gap, window)
                                                  for p in h.person_ids.tolist()}


def test_attempts_fold_through_a_long_unanswered_run() -> None:
    # 40 messages a week apart, then 6 days apart: 40 attempts, then one more group folding the rest.
    start = TODAY - timedelta(days=600)
    events = [_event(start + timedelta(days=7 * i), 9, OUT, False) for i in range(40)]
    events += [_event(start + timedelta(days=280 + 6 * i), 9, OUT, False) for i in range(2)]
    h = history.from_events({9: events, 4: [_event(TODAY, 1, IN, False)]})
    fa = fact_arrays(h, 7)
    k = h.index_of(9)
    assert k is not None
    assert int(fa.attempts[k]) == 41
    assert int(fa.last_attempt[k]) == clock.date_to_day(start + timedelta(days=280))
    assert fact_arrays(h, 7) is fa  # remembered for the same history


def test_a_reason_is_written_only_when_read() -> None:
    h = history.from_events({1: [_event(TODAY - timedelta(days=10), 9, OUT, False)]})
    calls: list[int] = []

    def words(v: states.Verdict) -> str:
        calls.append(v.person_id)
        return "words"

    v = states.Verdict(1, "awaiting_reply", words, 1, None, None, None, None, None, None, 365)
    assert calls == []
    assert v.reason == "words"
    assert v.reason == "words"
    assert calls == [1]
    rules = Rules.from_settings(Settings())
    table = states_batch.Connections(h.person_ids, h.person_ids * 0, h.person_ids > 0, h.person_ids < 0, {})
    got = states_batch.judge_all(h, fact_arrays(h, 7), table, today=TODAY, rules=rules, tags={}, prunes={})
    assert got[1].reason.startswith("1 message on ")


# --- through a database ---------------------------------------------------------------------------


def _seed(conn: Connection, rows: Sequence[tuple[int, str | None, str, str | None]]) -> None:
    conn.execute(text("INSERT INTO owners (name, created_at) VALUES ('Olive Owner', '2026-01-01')"))
    for pid, connected_on, status, removed_on in rows:
        conn.execute(text("INSERT INTO people (id, name_key, full_name, created_at) VALUES (:i, :k, :k, 'x')"),
                     {"i": pid, "k": f"person {pid}"})
        conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on, status, removed_on) "
                          "VALUES (1, :p, :c, :s, :r)"), {"p": pid, "c": connected_on, "s": status, "r": removed_on})


def test_connection_dates_are_read_as_the_rules_read_them(any_store: Store) -> None:
    rows = [(5, "2026-11-20", "connected", None), (2, None, "connected", None), (9, "", "connected", None),
            (3, "2026-11-15T08:30:00", "connected", None), (7, "not a date", "connected", None),
            (4, "2020-02-30", "removed", "2026-10-01"), (8, "2019-06-01", "pending", None),
            (1, "2026-11-21", "connected", None)]
    with any_store.begin() as conn:
        _seed(conn, rows)
    with any_store.connect() as conn:
        table = states_batch.read_connections(conn, 1)
        few = states_batch.read_connections(conn, 1, [3, 4, 8, 99])
    assert table.person_ids.tolist() == [1, 2, 3, 4, 5, 7, 9]  # person order; pending is no connection
    want = {pid: clock.iso_date(c) for pid, c, s, _ in rows if s != "pending"}
    got = {pid: clock.day_to_date(d) if has else None for pid, d, has in
           zip(table.person_ids.tolist(), table.connected.tolist(), table.has_connected.tolist(), strict=True)}
    assert got == want
    assert got[3] == date(2026, 11, 15)
    assert got[7] is None
    assert got[4] is None
    assert table.removed.tolist() == [False, False, False, True, False, False, False]
    assert table.removed_on == {4: "2026-10-01"}
    assert few.person_ids.tolist() == [3, 4]


def test_compute_states_from_the_database_equals_judging_each_history(any_store: Store) -> None:
    rows = [(pid, (TODAY - timedelta(days=3 if pid == 10 else pid * 40)).isoformat(),
             "removed" if pid == 11 else "connected", None) for pid in range(1, 13)]
    with any_store.begin() as conn:
        _seed(conn, rows)
        shapes = {1: [(40, "out"), (33, "out"), (26, "out")], 2: [(30, "in"), (29, "out"), (5, "in")],
                  3: [(20, "out"), (14, "out")], 4: [(400, "in"), (399, "out")], 5: [(3, "in")],
                  6: [(100, "out"), (50, "in"), (49, "out"), (45, "out")], 12: [(1, "out")]}
        n = 0
        for pid, evs in shapes.items():
            for days, direction in evs:
                n += 1
                conn.execute(text("INSERT INTO interactions (owner_id, person_id, direction, at, content, fingerprint) "
                                  "VALUES (1, :p, :d, :a, 'hello there', :f)"),
                             {"p": pid, "d": direction, "a": clock.day_start_ts(TODAY - timedelta(days=days)) + 3600,
                              "f": f"f{n}"})
        conn.execute(text("INSERT INTO tags (owner_id, person_id, tag, created_at) VALUES (1, 4, 'vip', 'x')"))
        conn.execute(text("INSERT INTO decisions (owner_id, subject, person_id, verdict, decided_at) "
                          "VALUES (1, 'prune', 7, 'hide', '2026-11-01')"))
    cfg = Settings().with_values(tag_cadences={"vip": 30})
    with any_store.connect() as conn:
        got = states.compute_states(conn, 1, settings=cfg, today=TODAY)
        h = history.load_history(conn, 1, today=TODAY)
        prunes = states.prune_decisions(conn, 1)
    assert list(got) == sorted(got)
    rules = Rules.from_settings(cfg)
    for pid, connected_on, status, _ in rows:
        want = states.judge(h.events_for(pid), today=TODAY, settings=rules, person_id=pid,
                            connected_on=date.fromisoformat(connected_on), removed=status == "removed",
                            prune=prunes.get(pid), tags=("vip",) if pid == 4 else ())
        assert got[pid] == want, pid
        assert got[pid].reason == want.reason
    assert [got[p].state for p in (1, 2, 3, 4, 6, 7, 8, 10, 11)] == [
        "unresponsive", "owe_reply", "awaiting_reply", "due", "two_way", "hidden", "never_contacted", "new", "removed"]


def test_a_pitch_read_at_import_asks_no_reply_and_a_question_does(any_store: Store) -> None:
    with any_store.begin() as conn:
        _seed(conn, [(1, "2024-01-01", "connected", None), (2, "2024-01-01", "connected", None)])
        for n, (pid, reading) in enumerate([(1, "pitch"), (2, "question")]):
            conn.execute(text("INSERT INTO interactions (owner_id, person_id, direction, at, content, reading, "
                              "fingerprint) VALUES (1, :p, 'in', :a, 'text', :r, :f)"),
                         {"p": pid, "a": clock.day_start_ts(TODAY - timedelta(days=5)), "r": reading, "f": f"f{n}"})
    with any_store.connect() as conn:
        got = states.compute_states(conn, 1, today=TODAY)
    assert got[1].state == "never_contacted"
    assert got[1].pitch_only
    assert got[1].reason.startswith("Nothing between you but their pitch of ")
    assert got[2].state == "owe_reply"
    assert got[2].reading == "question"
    assert got[2].owed_on == TODAY - timedelta(days=5)


@pytest.mark.parametrize("reasons", [True, False])
def test_people_without_history_and_history_without_connection(store: Store, reasons: bool) -> None:
    with store.begin() as conn:
        _seed(conn, [(1, None, "connected", None), (2, TODAY.isoformat(), "connected", None)])
    h = history.from_events({3: [_event(TODAY, 1, OUT, False)]})
    with store.connect() as conn:
        got = states.compute_states(conn, 1, today=TODAY, hist=h, reasons=reasons)
    assert {p: v.state for p, v in got.items()} == {1: "never_contacted", 2: "new"}
    assert got[1].due_on == TODAY
    assert got[2].due_on == TODAY + timedelta(days=14)
    assert bool(got[1].reason) is reasons
