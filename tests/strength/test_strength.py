"""Relationship strength: each part's definition, the weighting, the batch core, the database and CLI."""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from sqlalchemy import Connection, text

from tests.network_builder import database_file
from twoway import clock, history, strength
from twoway.cli import cli
from twoway.history import Event
from twoway.settings import Settings
from twoway.store import Store
from twoway.strength import PARTS, score_from_events

CFG = Settings()
DAY = 86_400
NOW = clock.day_start_ts(date(2026, 11, 23))  # the end of 22 Nov 2026


def ev(direction: str, days_ago: float, kind: str = "message", channel: str = "linkedin") -> Event:
    return Event(direction, int(NOW - days_ago * DAY), kind, channel)


def test_no_interaction_scores_zero_on_every_interaction_part() -> None:
    s = score_from_events([], now_ts=NOW, settings=CFG)
    assert s.score == 0
    assert all(v == 0.0 for v in s.parts.values())
    assert s.structural is None
    assert "No interaction yet" in s.reasons[0]


def _decay(days: float, settings: Settings = CFG) -> float:
    return float(0.5 ** (days / settings.strength_half_life_days))


def test_recency_mixes_a_short_and_a_long_horizon_from_their_last_word() -> None:
    s = score_from_events([ev("in", 180), ev("out", 1)], now_ts=NOW, settings=CFG)
    short, long = CFG.strength_short_half_life_days, CFG.strength_half_life_days
    assert s.parts["recency"] == pytest.approx(0.5 * (0.5 ** (180 / short) + 0.5 ** (180 / long)))
    one_horizon = CFG.with_values(strength_half_life_days=90, strength_short_half_life_days=90)
    assert score_from_events([ev("in", 180)], now_ts=NOW, settings=one_horizon).parts["recency"] == pytest.approx(
        0.25)
    # The short horizon separates this week from this season; the long one keeps last year above never.
    week, season, year = (score_from_events([ev("in", d)], now_ts=NOW, settings=CFG).parts["recency"]
                          for d in (7, 90, 365))
    assert week > 0.8
    assert 0.2 < season < 0.5
    assert 0 < year < 0.15
    # Your own unanswered messages do not make a tie recent.
    assert score_from_events([ev("out", 1)], now_ts=NOW, settings=CFG).parts["recency"] == 0.0
    assert score_from_events([ev("out", 9, "call", "phone")], now_ts=NOW, settings=CFG).parts["recency"] > 0.7


def test_reciprocity_is_the_balance_of_both_sides_over_the_long_horizon() -> None:
    s = score_from_events([ev("in", 10), ev("in", 9), ev("in", 8), ev("out", 7)], now_ts=NOW, settings=CFG)
    assert s.parts["reciprocity"] == pytest.approx(_decay(7) / sum(_decay(d) for d in (10, 9, 8)))
    meeting = score_from_events([ev("out", 5, "meeting", "meeting")], now_ts=NOW, settings=CFG)
    assert meeting.parts["reciprocity"] == 1.0  # a meeting counts for both sides
    # The same counts, but the one-sided stretch long ago and the balanced one recent: more reciprocal.
    balanced_now = [*(ev("in", 900 + i) for i in range(4)), ev("in", 20), ev("out", 10)]
    balanced_then = [ev("in", 920), ev("out", 910), *(ev("in", 20 + i) for i in range(4))]
    assert (score_from_events(balanced_now, now_ts=NOW, settings=CFG).parts["reciprocity"]
            > 2 * score_from_events(balanced_then, now_ts=NOW, settings=CFG).parts["reciprocity"])


def _responsiveness(asked: float, answered: float, fast: float) -> float:
    return 0.5 * (answered + fast) / (asked + strength.PRIOR_MESSAGES)


def test_responsiveness_is_a_smoothed_share_of_answers_within_seven_days_and_a_day() -> None:
    fast = [e for d in (40, 30, 20, 10) for e in (ev("out", d), ev("in", d - 0.05))]
    s = score_from_events(fast, now_ts=NOW, settings=CFG)
    w = sum(_decay(d) for d in (40, 30, 20, 10))
    assert s.parts["responsiveness"] == pytest.approx(_responsiveness(w, w, w))
    assert any("They answered 4 of 4" in r and "median 1 hours" in r for r in s.reasons)
    slow = [e for d in (40, 30) for e in (ev("out", d), ev("in", d - 3))]
    w2 = _decay(40) + _decay(30)
    assert score_from_events(slow, now_ts=NOW, settings=CFG).parts["responsiveness"] == pytest.approx(
        _responsiveness(w2, w2, 0))
    ignored = score_from_events([*fast, ev("out", 50), ev("out", 2)], now_ts=NOW, settings=CFG)
    # The message 50 days ago went unanswered (the next answer came 10 days later); the one 2 days ago may
    # still be answered, so it is not counted yet.
    assert ignored.parts["responsiveness"] == pytest.approx(_responsiveness(w + _decay(50), w, w))
    assert any("They answered 4 of 5" in r for r in ignored.reasons)


def test_responsiveness_is_earned_and_recent_answers_count_more() -> None:
    def resp(events: list[Event]) -> float:
        return score_from_events(events, now_ts=NOW, settings=CFG).parts["responsiveness"]

    # Nothing settled yet (they wrote, or your message may still be answered): no evidence, the part is
    # left out rather than given a prior's mean.
    for events in ([ev("in", 30)], [ev("out", 2)], []):
        s = score_from_events(events, now_ts=NOW, settings=CFG)
        assert s.parts["responsiveness"] == 0.0
        assert "responsiveness" not in s.used
    once = resp([ev("out", 20), ev("in", 19.9)])
    thrice = resp([e for d in (60, 40, 20) for e in (ev("out", d), ev("in", d - 0.1))])
    assert 0 < once < thrice < 1.0  # one answer is not a perfect record
    assert once == pytest.approx(_responsiveness(_decay(20), _decay(20), _decay(20)))  # about 1/2
    unanswered = [ev("out", d) for d in (60, 40, 20)]
    assert resp(unanswered) == resp(unanswered[:1]) == 0.0  # no answer is ever assumed
    # Same counts: answering lately beats having answered long ago.
    lately = [ev("out", 700), ev("out", 600), ev("out", 20), ev("in", 19.5), ev("out", 10), ev("in", 9.5)]
    long_ago = [ev("out", 700), ev("in", 699.5), ev("out", 600), ev("in", 599.5), ev("out", 20), ev("out", 10)]
    assert resp(lately) > resp(long_ago)


def test_frequency_is_log_scaled_and_decays() -> None:
    one = score_from_events([ev("in", 0.1)], now_ts=NOW, settings=CFG).parts["frequency"]
    many = score_from_events([ev("in", 0.1 + i / 100) for i in range(30)], now_ts=NOW, settings=CFG)
    old = score_from_events([ev("in", 720 + i / 100) for i in range(30)], now_ts=NOW, settings=CFG)
    mine = score_from_events([ev("out", 0.1 + i / 100) for i in range(30)], now_ts=NOW, settings=CFG)
    assert mine.parts["frequency"] == 0.0  # only their side counts
    assert 0 < one < many.parts["frequency"] < 1
    assert old.parts["frequency"] < many.parts["frequency"]
    assert one == pytest.approx(math.log1p(1) / math.log1p(strength.FREQUENCY_FULL), rel=1e-3)


def test_duration_channels_and_endorsements() -> None:
    events = [ev("in", 5 * 365 + 1), ev("in", 3, "email", "email"), ev("out", 2, "call", "phone")]
    s = score_from_events(events, now_ts=NOW, settings=CFG, endorsed_by_them=3, recommended_by_you=1)
    assert s.parts["duration"] == 1.0
    assert s.parts["channels"] == 1.0
    assert s.parts["endorsements"] == pytest.approx((1 + 0 + 0 + 2) / 6)
    # Your own unanswered messages make no one known and open no channel: known since their first word,
    # channels they engaged on.
    one_sided = [ev("out", 5 * 365 + 1, "email", "email"), ev("in", 3)]
    s = score_from_events(one_sided, now_ts=NOW, settings=CFG)
    assert s.parts["duration"] == pytest.approx(math.log1p(3) / math.log1p(strength.DURATION_FULL_DAYS))
    assert s.parts["channels"] == pytest.approx(1 / 3)
    mine_only = score_from_events([ev("out", 1)], now_ts=NOW, settings=CFG)
    assert mine_only.parts["channels"] == 0.0
    assert "channels" not in mine_only.used
    assert "duration" not in mine_only.used


def test_the_score_is_the_weighted_mean_of_the_parts() -> None:
    only_recency = CFG.with_values(strength_weights="recency=1", strength_short_half_life_days=180)
    s = score_from_events([ev("in", 180)], now_ts=NOW, settings=only_recency)
    assert s.score == 50
    events = [ev("out", 30), ev("in", 29), ev("out", 3, "meeting", "meeting")]
    full = score_from_events(events, now_ts=NOW, settings=CFG)
    # Endorsements are unknown here: their weight is shared out among the parts with evidence.
    assert full.used == tuple(p for p in PARTS if p != "endorsements")
    weights = dict(zip(PARTS, strength.weights_of(CFG).tolist(), strict=True))
    total = sum(weights[p] for p in full.used)
    assert full.score == round(100 * sum(weights[p] * full.parts[p] for p in full.used) / total)
    assert full.weights == pytest.approx({p: (weights[p] / total if p in full.used else 0.0) for p in PARTS})
    assert 0 < full.score <= 100


def test_events_after_now_do_not_count() -> None:
    s = score_from_events([ev("out", 10), ev("in", -1)], now_ts=NOW, settings=CFG)
    assert s.parts["reciprocity"] == 0.0


def test_an_answered_exchange_makes_a_tie_stronger() -> None:
    base = [ev("out", 100), ev("out", 60)]
    answered = [*base, ev("in", 59)]
    assert (score_from_events(answered, now_ts=NOW, settings=CFG).score
            > score_from_events(base, now_ts=NOW, settings=CFG).score)


_SEG = st.lists(st.tuples(st.sampled_from(["in", "out"]), st.integers(0, 400 * DAY)), max_size=12)


@hsettings(max_examples=60)
@given(st.lists(_SEG, min_size=1, max_size=6), st.lists(st.integers(0, 500 * DAY), min_size=6, max_size=6))
def test_the_batch_core_equals_one_tie_at_a_time(segments: list[list[tuple[str, int]]], offsets: list[int]) -> None:
    per_now = [NOW - o for o in offsets[: len(segments)]]
    ats, sides, chans, starts = [], [], [], [0]
    singles = []
    for evs, now in zip(segments, per_now, strict=True):
        # The history's canonical order: time, then side (yours first) for events in the same second.
        events = sorted((Event(d, NOW - 500 * DAY + t) for d, t in evs), key=lambda e: (e.at, e.side))
        kept = [e for e in events if e.at < now]
        ats += [e.at for e in kept]
        sides += [e.side for e in kept]
        chans += [0] * len(kept)
        starts.append(len(ats))
        singles.append(score_from_events(events, now_ts=now, settings=CFG))
    batch = strength.score_batch(np.array(ats, dtype=np.int64), np.array(sides, dtype=np.int8),
                                 np.array(chans, dtype=np.int8), np.array(starts, dtype=np.int64),
                                 np.array(per_now, dtype=np.int64), settings=CFG)
    for k, single in enumerate(singles):
        assert int(batch.scores[k]) == single.score
        assert batch.parts[k] == pytest.approx([single.parts[p] for p in PARTS])


# --- through the database -------------------------------------------------------------------------


def _seed(conn: Connection) -> None:
    conn.execute(text("INSERT INTO owners (name, person_id, created_at) VALUES ('Olive Owner', 100, '2026-01-01')"))
    people = [(1, "Close Carla"), (2, "Silent Sid"), (3, "Team Tom"), (4, "Mutual Mo"), (5, "Shared Sue")]
    for i, name in people:
        conn.execute(text("INSERT INTO people (id, name_key, full_name, created_at) VALUES (:i, :k, :n, 'x')"),
                     {"i": i, "k": name.lower(), "n": name})
    conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on) VALUES (1, :p, '2024-01-01')"),
                 [{"p": p} for p in (1, 2, 3, 4, 5)])
    # Tom is a member too (team mode); he shares Mo and Sue with Olive, and knows 4 people in all.
    conn.execute(text("INSERT INTO owners (name, person_id, created_at) VALUES ('Team Tom', 3, '2026-01-01')"))
    conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on) VALUES (2, :p, '2024-01-01')"),
                 [{"p": p} for p in (4, 5, 100, 6)])
    rows = []
    for k, d in enumerate((200, 120, 60, 20, 5)):
        rows.append({"p": 1, "d": "out", "a": NOW - d * DAY, "f": f"c{k}o", "c": "linkedin"})
        rows.append({"p": 1, "d": "in", "a": NOW - d * DAY + 7200, "f": f"c{k}i", "c": "email"})
    conn.execute(text("INSERT INTO interactions (owner_id, person_id, direction, at, fingerprint, channel) "
                      "VALUES (1, :p, :d, :a, :f, :c)"), rows)
    conn.execute(text("INSERT INTO endorsements (owner_id, person_id, direction, skill, at) "
                      "VALUES (1, 1, 'in', :s, :a)"), [{"s": s, "a": NOW - 50 * DAY} for s in ("Python", "SQL")])
    conn.execute(text("INSERT INTO recommendations (owner_id, person_id, direction, body, at) "
                      "VALUES (1, 1, 'out', 'great', :a)"), {"a": NOW - 40 * DAY})


def test_compute_strengths_on_a_real_database(any_store: Store) -> None:
    with any_store.begin() as conn:
        _seed(conn)
    with any_store.connect() as conn:
        found = strength.compute_strengths(conn, 1, today=date(2026, 11, 22))
    assert set(found) == {1, 2, 3, 4, 5}
    carla = found[1]
    assert carla.score > 50
    assert carla.parts["endorsements"] == pytest.approx((2 / 3 + 2) / 6)
    assert carla.parts["channels"] == pytest.approx(1 / 3)  # she wrote by e-mail only
    assert carla.parts["reciprocity"] == pytest.approx(1.0, abs=1e-3)  # each answer 2 hours after the question
    assert found[2].score == 0
    assert found[3].structural == pytest.approx(2 / 4)  # 2 mutual of Tom's 4 (Olive has 5)
    assert found[3].mutual_connections == 2
    assert found[4].structural is None


def test_structural_from_graph_mutual_connections_stays_apart_from_the_score(any_store: Store) -> None:
    with any_store.begin() as conn:
        _seed(conn)
    with any_store.connect() as conn:
        plain = strength.compute_strengths(conn, 1, today=date(2026, 11, 22))
        graph = strength.compute_strengths(conn, 1, today=date(2026, 11, 22), mutual={1: 50, 2: 4, 5: 0})
    assert graph[1].structural == pytest.approx(1.0)
    assert graph[2].structural == pytest.approx(math.log1p(4) / math.log1p(50))
    assert graph[5].structural == 0.0
    assert graph[2].mutual_connections == 4
    assert "4 mutual connections" in graph[2].reasons
    assert all(graph[p].score == plain[p].score and graph[p].parts == plain[p].parts for p in plain)


def test_meetings_and_calls_count_for_both_sides_in_every_count() -> None:
    events = [ev("out", 30, "meeting", "meeting"), ev("in", 20), ev("out", 10, "call", "phone")]
    s = score_from_events(events, now_ts=NOW, settings=CFG)
    assert s.reasons[1] == "3 interactions: 1 from them, 0 from you, 2 meetings or calls"
    assert s.parts["reciprocity"] == pytest.approx(
        (_decay(30) + _decay(10)) / (_decay(30) + _decay(20) + _decay(10)))
    assert s.parts["channels"] == 1.0
    assert "Channels: linkedin, meeting, phone" in s.reasons


def test_person_ids_limit_the_work_and_match_the_full_pass(any_store: Store) -> None:
    with any_store.begin() as conn:
        _seed(conn)
    with any_store.connect() as conn:
        full = strength.compute_strengths(conn, 1, today=date(2026, 11, 22))
        one = strength.compute_strengths(conn, 1, today=date(2026, 11, 22), person_ids=[1, 2])
    assert set(one) == {1, 2}
    assert one[1] == full[1]


def test_history_reads_the_same_events_it_was_given(any_store: Store) -> None:
    with any_store.begin() as conn:
        _seed(conn)
    with any_store.connect() as conn:
        h = history.load_history(conn, 1, today=date(2026, 11, 22))
    events = h.events_for(1)
    assert len(events) == 10
    assert [e.direction for e in events[:2]] == ["out", "in"]
    assert {e.channel for e in events} == {"linkedin", "email"}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    database_file(tmp_path / "cli.db", _seed)
    return tmp_path / "cli.db"


def test_cli_strength_of_one_person(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", "2026-11-22")
    runner = CliRunner()
    shown = runner.invoke(cli, ["--db", str(db), "--owner", "1", "strength", "Carla"])
    assert shown.exit_code == 0, shown.output
    assert "Close Carla: strength" in shown.output
    assert "responsiveness" in shown.output
    data = json.loads(runner.invoke(cli, ["--db", str(db), "--owner", "1", "strength", "Carla", "--json"]).output)
    assert set(data["parts"]) == set(PARTS)
    assert sum(data["contributions"].values()) == pytest.approx(data["score"], abs=0.6)
    tom = json.loads(runner.invoke(cli, ["--db", str(db), "--owner", "1", "strength", "Tom", "--json"]).output)
    assert tom["structural"] == pytest.approx(0.5)


def test_cli_strength_ranking(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", "2026-11-22")
    runner = CliRunner()
    top = json.loads(runner.invoke(cli, ["--db", str(db), "--owner", "1", "strength", "--top", "2", "--json"]).output)
    assert top[0]["full_name"] == "Close Carla"
    assert len(top) == 2
    args = ["--db", str(db), "--owner", "1", "strength", "--weakest", "--json"]
    weakest = json.loads(runner.invoke(cli, args).output)
    assert weakest[0]["score"] == 0
    assert runner.invoke(cli, ["--db", str(db), "--owner", "1", "strength"]).exit_code == 0
