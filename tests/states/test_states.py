"""Relationship states: every rule's edges, as pure functions and through a real database."""

from __future__ import annotations

import itertools
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from sqlalchemy import Connection, text

from tests.network_builder import database_file
from twoway import clock, history, states, views, words
from twoway.cli import cli
from twoway.errors import NotFound
from twoway.history import Event
from twoway.history.facts import facts_from_events, facts_from_history, fold_attempts
from twoway.reading import read_message
from twoway.settings import Settings
from twoway.store import Store

TODAY = date(2026, 11, 22)
CFG = Settings()


def at(d: date, hour: int = 10) -> int:
    return clock.day_start_ts(d) + hour * 3600


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def out(d: date, kind: str = "message") -> Event:
    return Event("out", at(d), kind, "email" if kind == "email" else "linkedin")


def inc(d: date, kind: str = "message") -> Event:
    return Event("in", at(d), kind, "email" if kind == "email" else "linkedin")


def met(d: date) -> Event:
    return Event("out", at(d), "meeting", "meeting")


def judge(events: list[Event], *, connected_on: date | None = date(2020, 1, 1), today: date = TODAY,
          cfg: Settings = CFG, **kw: Any) -> states.Verdict:
    return states.judge(events, today=today, settings=cfg, connected_on=connected_on, **kw)


# --- attempts -----------------------------------------------------------------------------------


def test_messages_six_days_apart_are_one_attempt() -> None:
    v = judge([out(ago(20)), out(ago(14))])
    assert v.state == "awaiting_reply"
    assert v.attempts == 1
    assert v.next_try_on == ago(20) + timedelta(days=7)


def test_messages_seven_days_apart_are_two_attempts() -> None:
    v = judge([out(ago(20)), out(ago(13))])
    assert v.state == "awaiting_reply"
    assert v.attempts == 2
    assert v.next_try_on == ago(13) + timedelta(days=7)
    assert "2 messages since" in v.reason
    assert "7 days apart" in v.reason


def test_folding_counts_from_the_attempt_start_not_the_previous_message() -> None:
    # 0, 5 and 10: the message on day 10 is 10 days after the attempt began on day 0.
    assert fold_attempts([0, 5, 10], 7) == [0, 10]
    assert fold_attempts([0, 6], 7) == [0]
    assert fold_attempts([0, 7], 7) == [0, 7]
    assert fold_attempts([], 7) == []


def test_three_attempts_make_unresponsive_with_the_reason_in_words() -> None:
    v = judge([out(date(2026, 9, 1)), out(date(2026, 9, 10)), out(date(2026, 9, 20))],
              connected_on=date(2026, 8, 1))
    assert v.state == "unresponsive"
    assert v.attempts == 3
    assert v.next_try_on is None
    assert v.reason == "3 messages since 1 Sep 2026, 9 and 10 days apart, no answer since you connected"


def test_extra_messages_inside_an_attempt_are_counted_as_messages_not_attempts() -> None:
    v = judge([out(date(2026, 9, 1)), out(date(2026, 9, 2)), out(date(2026, 9, 10)), out(date(2026, 9, 20))])
    assert v.state == "unresponsive"
    assert v.reason.startswith("3 attempts (4 messages) since 1 Sep 2026, 9 and 10 days apart")


def test_a_reply_between_attempts_resets_the_count() -> None:
    events = [out(ago(60)), out(ago(50)), inc(ago(45)), out(ago(44)), out(ago(30)), out(ago(20))]
    v = judge(events)
    # 44 days ago you answered them (not an attempt); 30 and 20 days ago are attempts 1 and 2.
    assert v.state == "awaiting_reply"
    assert v.attempts == 2
    assert v.last_in == ago(45)
    assert "no answer since their message of" in v.reason


def test_a_meeting_counts_as_an_answer() -> None:
    v = judge([out(ago(60)), out(ago(50)), out(ago(40)), met(ago(30))])
    assert v.state == "two_way"
    assert v.attempts == 0
    assert v.last_two_way == ago(30)
    assert v.last_in == v.last_out == ago(30)


def test_the_owners_reply_is_not_an_attempt_but_later_messages_are() -> None:
    events = [out(ago(100)), inc(ago(99)), out(ago(98))]
    v = judge(events)
    assert v.state == "two_way"
    assert v.attempts == 0
    assert v.last_two_way == ago(98)
    more = judge([*events, out(ago(60)), out(ago(40)), out(ago(20))])
    assert more.state == "unresponsive"
    assert more.attempts == 3


def test_retry_allowed_wording_once_the_gap_has_passed() -> None:
    v = judge([out(ago(10))])
    assert v.state == "awaiting_reply"
    assert "a retry is due since" in v.reason
    fresh = judge([out(ago(2))])
    assert "next try from" in fresh.reason


def test_attempts_threshold_is_a_setting() -> None:
    cfg = CFG.with_values(attempts_to_unresponsive=2)
    assert judge([out(ago(30)), out(ago(20))], cfg=cfg).state == "unresponsive"


# --- owe_reply ----------------------------------------------------------------------------------


def test_their_message_older_than_two_days_is_owed_a_reply() -> None:
    v = judge([out(ago(30)), inc(ago(3))])
    assert v.state == "owe_reply"
    assert v.reason == f"Their message of {words.date_words(ago(3))} waits for your answer (3 days ago)"


def test_exactly_two_days_is_not_yet_owed() -> None:
    v = judge([out(ago(30)), inc(ago(2))])
    assert v.state == "two_way"


def test_the_owners_answer_clears_owe_reply() -> None:
    v = judge([out(ago(30)), inc(ago(10)), out(ago(1))])
    assert v.state == "two_way"
    assert v.last_two_way == ago(1)
    assert v.attempts == 0


def test_a_stale_unanswered_message_is_due_not_owed() -> None:
    v = judge([out(ago(900)), inc(ago(400))])
    assert v.state == "due"


def test_an_unsolicited_message_never_answered_is_due() -> None:
    v = judge([inc(ago(1))])
    assert v.state == "due"
    assert "No two-way contact yet" in v.reason


# --- new, never contacted ----------------------------------------------------------------------


def test_a_connection_made_today_is_new() -> None:
    v = judge([], connected_on=TODAY)
    assert v.state == "new"
    assert v.reason.startswith(f"Connected {words.date_words(TODAY)} (today)")


def test_new_lasts_fourteen_days() -> None:
    assert judge([], connected_on=ago(13)).state == "new"
    assert judge([], connected_on=ago(14)).state == "never_contacted"


def test_writing_to_a_new_connection_makes_it_awaiting() -> None:
    assert judge([out(ago(1))], connected_on=ago(3)).state == "awaiting_reply"


def test_a_new_connections_fresh_message_keeps_it_new() -> None:
    v = judge([inc(ago(1))], connected_on=ago(3))
    assert v.state == "new"
    assert "awaits your answer" in v.reason


def test_never_contacted() -> None:
    v = judge([], connected_on=date(2019, 5, 4))
    assert v.state == "never_contacted"
    assert "4 May 2019" in v.reason
    assert judge([], connected_on=None).state == "never_contacted"


# --- cadence, two_way, due ----------------------------------------------------------------------


def test_two_way_within_the_cadence_and_due_after_it() -> None:
    within = judge([met(ago(364))])
    assert within.state == "two_way"
    assert within.due_on == ago(364) + timedelta(days=365)
    over = judge([met(ago(400))])
    assert over.state == "due"
    assert "over your 365-day cadence" in over.reason
    assert judge([met(ago(365))]).state == "due"


def test_a_tags_cadence_applies() -> None:
    events = [met(ago(100))]
    assert judge(events).state == "two_way"
    tagged = judge(events, tags=("inner circle",))
    assert tagged.state == "due"
    assert tagged.cadence_days == 90
    assert "90-day cadence for 'inner circle'" in tagged.reason
    # The shortest of several tag cadences wins.
    cfg = CFG.with_values(tag_cadences="inner circle=90, investor=30")
    assert judge(events, tags=("inner circle", "investor"), cfg=cfg).cadence_days == 30


def test_cadence_setting_changes_due() -> None:
    events = [met(ago(200))]
    assert judge(events).state == "two_way"
    assert judge(events, cfg=CFG.with_values(cadence_days=180)).state == "due"


# --- hidden and removed -------------------------------------------------------------------------


def test_hidden_and_removed_win_over_everything() -> None:
    three = [out(ago(60)), out(ago(50)), out(ago(40))]
    hidden = judge(three, prune=("hide", ago(5), None))
    assert hidden.state == "hidden"
    assert hidden.next_try_on is None
    assert judge(three, prune=("remove", ago(5), None)).state == "removed"
    assert judge(three, removed=True, removed_on=ago(3)).state == "removed"
    assert judge(three, prune=("keep", ago(5), None)).state == "unresponsive"


def test_a_hide_with_a_past_until_date_has_expired() -> None:
    assert judge([], prune=("hide", ago(50), ago(1))).state == "never_contacted"
    assert judge([], prune=("hide", ago(50), TODAY)).state == "hidden"


def test_protected_tags_are_flagged() -> None:
    assert judge([], tags=("family",)).protected
    assert not judge([], tags=("colleague",)).protected


# --- properties ---------------------------------------------------------------------------------


@st.composite
def clustered_days(draw: st.DrawFn) -> tuple[list[int], int]:
    """Outgoing days in clusters: each cluster spans less than the gap, clusters are >= gap apart."""
    gap = draw(st.integers(1, 14))
    n = draw(st.integers(1, 8))
    days: list[int] = []
    start = draw(st.integers(0, 1000))
    for _ in range(n):
        offsets = sorted(draw(st.lists(st.integers(0, gap - 1), min_size=1, max_size=4)))
        days.extend(start + o for o in offsets)
        start = start + offsets[-1] + draw(st.integers(gap, 3 * gap))
    return days, gap


@given(clustered_days())
def test_attempts_equal_gaps_of_at_least_the_gap_plus_one(sample: tuple[list[int], int]) -> None:
    days, gap = sample
    big_gaps = sum(1 for a, b in itertools.pairwise(days) if b - a >= gap)
    assert len(fold_attempts(days, gap)) == big_gaps + 1


@given(st.lists(st.integers(0, 400), max_size=30), st.integers(1, 30))
def test_folding_invariants_for_any_sequence(raw: list[int], gap: int) -> None:
    days = sorted(raw)
    starts = fold_attempts(days, gap)
    assert len(starts) >= (1 if days else 0) + sum(1 for a, b in itertools.pairwise(days) if b - a >= gap)
    assert all(b - a >= gap for a, b in itertools.pairwise(starts))
    for d in days:  # every message lies inside the attempt that started last before it
        owner = max(s for s in starts if s <= d)
        assert d - owner < gap


_EVENT = st.builds(
    lambda p, day, hour, side: (p, Event("in" if side == 1 else "out", day * 86400 + hour * 3600,
                                         "meeting" if side == 2 else "message",
                                         "meeting" if side == 2 else "linkedin")),
    st.integers(1, 6), st.integers(20_000, 20_400), st.integers(0, 23), st.integers(0, 2),
)


@hsettings(max_examples=150)
@given(st.lists(_EVENT, max_size=80))
def test_the_vectorised_pass_matches_the_reference(pairs: list[tuple[int, Event]]) -> None:
    per: dict[int, list[Event]] = {}
    for p, e in pairs:
        per.setdefault(p, []).append(e)
    # Equal timestamps have no defined order; keep them distinct so both passes see one order.
    for p in per:
        seen: set[int] = set()
        distinct: list[Event] = []
        for e in per[p]:
            if e.at not in seen:
                seen.add(e.at)
                distinct.append(e)
        per[p] = distinct
    h = history.from_events(per)
    fast = facts_from_history(h, 7)
    assert set(fast) == {p for p, evs in per.items() if evs}
    for p, evs in per.items():
        assert fast[p] == facts_from_events(evs, 7), p


# --- through the database -------------------------------------------------------------------------


def _seed(conn: Connection) -> dict[str, int]:
    conn.execute(text("INSERT INTO owners (name, created_at) VALUES ('Olive Owner', '2026-01-01')"))
    names = ["Quiet Quinn", "Owed Olga", "Waiting Walt", "Fresh Fay", "Twoway Tess", "Due Dan",
             "Never Ned", "Hidden Hal", "Removed Rita", "Group Gus", "Stranger Stan"]
    ids: dict[str, int] = {}
    for i, n in enumerate(names, start=1):
        conn.execute(text("INSERT INTO people (id, name_key, full_name, created_at) VALUES (:i, :k, :n, 'x')"),
                     {"i": i, "k": n.lower(), "n": n})
        ids[n.split()[0].lower()] = i
    conn_rows = [(ids[k], "2024-01-01", "connected") for k in
                 ("quiet", "owed", "waiting", "twoway", "due", "never", "hidden", "group")]
    conn_rows += [(ids["fresh"], ago(2).isoformat(), "connected"), (ids["removed"], "2023-01-01", "removed")]
    conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on, status) VALUES (1, :p, :d, :s)"),
                 [{"p": p, "d": d, "s": s} for p, d, s in conn_rows])
    events = [
        ("quiet", "out", ago(40)), ("quiet", "out", ago(30)), ("quiet", "out", ago(20)),
        ("owed", "out", ago(20)), ("owed", "in", ago(5)),
        ("waiting", "out", ago(3)),
        ("twoway", "out", ago(100)), ("twoway", "in", ago(99)), ("twoway", "out", ago(98)),
        ("due", "out", ago(500)), ("due", "in", ago(499)),
        ("hidden", "out", ago(50)),
        ("stranger", "in", ago(10)),
    ]
    rows = [{"p": ids[k], "d": d, "a": at(day), "f": f"f{i}"} for i, (k, d, day) in enumerate(events)]
    conn.execute(text("INSERT INTO interactions (owner_id, person_id, direction, at, fingerprint) "
                      "VALUES (1, :p, :d, :a, :f)"), rows)
    # A group conversation: three outgoing messages there never make anyone unresponsive.
    conn.execute(text("INSERT INTO conversations (id, owner_id, external_id, kind) VALUES (7, 1, 'g', 'group')"))
    conn.execute(text("INSERT INTO interactions (owner_id, person_id, conversation_id, direction, at, fingerprint) "
                      "VALUES (1, :p, 7, 'out', :a, :f)"),
                 [{"p": ids["group"], "a": at(ago(d)), "f": f"g{d}"} for d in (40, 30, 20)])
    conn.execute(text("INSERT INTO decisions (owner_id, person_id, subject, verdict, decided_at) "
                      "VALUES (1, :p, 'prune', 'hide', :t)"), {"p": ids["hidden"], "t": ago(4).isoformat()})
    return ids


def test_compute_states_on_a_real_database(any_store: Store) -> None:
    with any_store.begin() as conn:
        ids = _seed(conn)
    with any_store.connect() as conn:
        verdicts = states.compute_states(conn, 1, today=TODAY)
    got = {name: verdicts[pid].state for name, pid in ids.items() if pid in verdicts}
    assert got == {
        "quiet": "unresponsive", "owed": "owe_reply", "waiting": "awaiting_reply", "fresh": "new",
        "twoway": "two_way", "due": "due", "never": "never_contacted", "hidden": "hidden",
        "removed": "removed", "group": "never_contacted",
    }
    assert ids["stranger"] not in verdicts  # not a connection
    assert states.count_by_state(verdicts)["unresponsive"] == 1


def test_reimported_reply_closes_open_attempts(any_store: Store) -> None:
    with any_store.begin() as conn:
        ids = _seed(conn)
    with any_store.connect() as conn:
        assert states.state_of(conn, 1, ids["quiet"], today=TODAY).state == "unresponsive"
    with any_store.begin() as conn:
        conn.execute(text("INSERT INTO interactions (owner_id, person_id, direction, at, fingerprint) "
                          "VALUES (1, :p, 'in', :a, 'reply')"), {"p": ids["quiet"], "a": at(ago(15))})
    with any_store.connect() as conn:
        v = states.state_of(conn, 1, ids["quiet"], today=TODAY)
    assert v.state == "owe_reply"
    assert v.attempts == 0


def test_state_of_refuses_people_who_are_not_connections(store: Store) -> None:
    with store.begin() as conn:
        ids = _seed(conn)
    with store.connect() as conn, pytest.raises(NotFound):
        states.state_of(conn, 1, ids["stranger"], today=TODAY)


def test_today_comes_from_twoway_today(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    with store.begin() as conn:
        ids = _seed(conn)
    monkeypatch.setenv("TWOWAY_TODAY", (TODAY + timedelta(days=400)).isoformat())
    with store.connect() as conn:
        v = states.compute_states(conn, 1)[ids["twoway"]]
    assert v.state == "due"
    monkeypatch.setenv("TWOWAY_TODAY", ago(99).isoformat())
    with store.connect() as conn:
        # On that day their answer had just arrived: events after "today" do not exist yet.
        assert states.compute_states(conn, 1)[ids["quiet"]].state == "never_contacted"


def test_list_states_filters_and_counts(store: Store) -> None:
    with store.begin() as conn:
        ids = _seed(conn)
    with store.connect() as conn:
        rows, counts = views.list_states(conn, 1, only=("due", "two_way"), today=TODAY)
    assert [r.full_name for r in rows] == ["Twoway Tess", "Due Dan"]  # listed in the order of STATES
    assert counts["due"] == 1
    assert sum(counts.values()) == 10
    with store.begin() as conn:
        conn.execute(text("INSERT INTO tags (owner_id, person_id, tag, created_at) "
                          "VALUES (1, :p, 'inner circle', 'x')"), {"p": ids["twoway"]})
    with store.connect() as conn:
        tagged, counts = views.list_states(conn, 1, tag="Inner  Circle", today=TODAY)
    assert [r.full_name for r in tagged] == ["Twoway Tess"]
    assert tagged[0].verdict.state == "due"  # 98 days: over the tag's 90-day cadence
    assert counts["due"] == 2


# --- the CLI ------------------------------------------------------------------------------------


def _cli_db(tmp_path: Path) -> Path:
    database_file(tmp_path / "cli.db", _seed)
    return tmp_path / "cli.db"


def test_cli_state_and_states(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", TODAY.isoformat())
    db = str(_cli_db(tmp_path))
    runner = CliRunner()
    one = runner.invoke(cli, ["--db", db, "state", "Quinn"])
    assert one.exit_code == 0, one.output
    assert "Quiet Quinn: unresponsive. 3 messages since" in one.output
    data = json.loads(runner.invoke(cli, ["--db", db, "state", "Olga", "--json"]).output)
    assert data["state"] == "owe_reply"
    assert data["full_name"] == "Owed Olga"
    assert data["last_in"] == ago(5).isoformat()
    listing = json.loads(runner.invoke(cli, ["--db", db, "states", "--state", "new", "--state", "hidden",
                                             "--json"]).output)
    assert [c["state"] for c in listing["connections"]] == ["new", "hidden"]
    assert listing["counts"]["removed"] == 1
    table_out = runner.invoke(cli, ["--db", db, "states", "--limit", "3"])
    assert table_out.exit_code == 0
    assert "7 more" in " ".join(table_out.output.split())
    assert runner.invoke(cli, ["--db", db, "states", "--state", "sleepy"]).exit_code == 2
    stranger = runner.invoke(cli, ["--db", db, "state", "Stranger"])
    assert stranger.exit_code == 3
    assert "not one of your connections" in stranger.output


# --- a pitch asks for no reply ---------------------------------------------------------------------

PITCH = "Book a quick call: https://calendly.com/sal, we help companies grow your revenue"


def test_an_unanswered_pitch_is_not_a_reply_owed(any_store: Store) -> None:
    with any_store.begin() as conn:
        conn.execute(text("INSERT INTO owners (name, created_at) VALUES ('Olive Owner', '2026-01-01')"))
        names = {1: "Pitch Pete", 2: "Asking Anna", 3: "Both Bo", 4: "Cold Caller", 5: "Answered Al"}
        for pid, name in names.items():
            conn.execute(text("INSERT INTO people (id, name_key, full_name, created_at) VALUES (:i, :k, :n, 'x')"),
                         {"i": pid, "k": name.lower(), "n": name})
            conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on, status) "
                              "VALUES (1, :p, '2024-01-01', 'connected')"), {"p": pid})
        events = [
            (1, "out", 200, "How was the conference?"), (1, "in", 199, "Great, thanks!"), (1, "out", 198, ":)"),
            (1, "in", 5, PITCH),  # their last word, a pitch
            (2, "out", 40, "Hello"), (2, "in", 5, "Could you introduce me to your CTO?"),
            (3, "in", 6, "Can we talk about the role?"), (3, "in", 5, PITCH),  # a real question under the pitch
            (4, "in", 5, PITCH),  # nothing but a pitch
            (5, "in", 9, PITCH), (5, "out", 8, "No thanks"),
        ]
        # Read as the import reads every message.
        conn.execute(text("INSERT INTO interactions (owner_id, person_id, direction, at, content, reading, "
                          "fingerprint) VALUES (1, :p, :d, :a, :c, :r, :f)"),
                     [{"p": p, "d": d, "a": at(ago(n)), "c": c, "r": read_message(c).kind, "f": f"p{i}"}
                      for i, (p, d, n, c) in enumerate(events)])
    with any_store.connect() as conn:
        verdicts = states.compute_states(conn, 1, today=TODAY)
    assert verdicts[2].state == "owe_reply"
    assert verdicts[3].state == "owe_reply"
    pete = verdicts[1]
    assert pete.state == "two_way"  # from the rest of the history: the exchange 200 days ago
    assert f"their pitch of {words.date_words(ago(5))} closed the conversation: no reply owed" in pete.reason
    assert pete.last_in == ago(5)  # the pitch still happened
    assert verdicts[4].state == "never_contacted"
    assert verdicts[4].reason.startswith("Nothing between you but their pitch of ")
    assert verdicts[5].state == "two_way"  # answered pitches are ordinary history
    assert "pitch" not in verdicts[5].reason


def test_without_reasons_the_states_are_the_same(store: Store) -> None:
    with store.begin() as conn:
        _seed(conn)
    with store.connect() as conn:
        full = states.compute_states(conn, 1, today=TODAY)
        bare = states.compute_states(conn, 1, today=TODAY, reasons=False)
    assert {p: v.state for p, v in bare.items()} == {p: v.state for p, v in full.items()}
    assert all(v.reason == "" for v in bare.values())
    assert all(v.reason for v in full.values())
