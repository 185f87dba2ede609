"""Strength on read messages and on evidence: pitches and automated messages count for nothing, courtesies
do not make a deep tie, a part without evidence is left out (the others renormalised) and never cited."""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from sqlalchemy import Connection, text

from twoway import clock, history, strength
from twoway.history import READS, Event
from twoway.settings import Settings
from twoway.store import Store
from twoway.strength import COURTESY_ONLY_MAX, PARTS, Strength, score_from_events

CFG = Settings()
DAY = 86_400
NOW = clock.day_start_ts(date(2026, 11, 23))  # the end of 22 Nov 2026

#: What a reason line says when it speaks of a part (recency and frequency always have evidence).
MARKERS = {
    "reciprocity": (" interaction: ", " interactions: "),
    "responsiveness": ("They answered", "They did not answer"),
    "duration": ("Known since",),
    "endorsements": ("Endorsements:",),
    "channels": ("Channels:",),
}


def ev(direction: str, days_ago: float, reading: str = "", kind: str = "message", channel: str = "linkedin"
       ) -> Event:
    return Event(direction, int(NOW - days_ago * DAY), kind, channel, reading)


def score(events: list[Event], **kw: Any) -> Strength:
    return score_from_events(events, now_ts=NOW, settings=CFG, **kw)


def two_way_tie() -> list[Event]:
    """A typical two-way tie: a question every three months this past year, each answered within two days."""
    return [e for d in (300, 210, 120, 30) for e in (ev("out", d, "question"), ev("in", d - 2, "news"))]


def three_pitches() -> list[Event]:
    return [ev("in", d, "pitch") for d in (40, 20, 5)]


# --- pitches and automated messages ---------------------------------------------------------------------


def test_a_tie_of_nothing_but_their_pitches_scores_ten_at_most() -> None:
    for events in (three_pitches(), [ev("in", d, "pitch") for d in range(1, 400, 7)],
                   [*three_pitches(), ev("in", 2, "automated"), ev("in", 1, "automated")]):
        s = score(events)
        assert s.score <= 10
        assert s.score == 0  # nothing counted: no contact, no frequency, no reciprocity, no answers
        assert s.used == ("recency", "frequency")
        assert any("Pitches and automated messages not counted" in r for r in s.reasons)
        assert s.reasons[0] == "No conversation yet: recency and frequency are 0"


def test_three_unanswered_pitches_score_below_a_typical_two_way_tie() -> None:
    tie = score(two_way_tie())
    assert tie.score >= 30
    assert score(three_pitches()).score < tie.score
    # The measured case: three pitches scored 40, above the median two-way tie (35).
    assert score(three_pitches()).score < 35


def test_pitches_and_automated_messages_add_nothing_to_a_real_tie() -> None:
    base = two_way_tie()
    noisy = [*base, *three_pitches(), ev("out", 3, "pitch"), ev("in", 1, "automated")]
    a, b = score(base), score(noisy)
    assert (a.score, a.parts, a.used) == (b.score, b.parts, b.used)
    assert "Pitches and automated messages not counted: 4 from them, 1 from you" in b.reasons


def test_a_pitch_is_no_answer_and_your_pitch_is_no_question() -> None:
    asked = score([ev("out", 30, "question"), ev("in", 29, "pitch")])
    assert asked.parts["responsiveness"] == 0.0  # asked and never really answered
    assert "responsiveness" in asked.used
    assert any("They did not answer" in r for r in asked.reasons)
    pitched = score([ev("out", 30, "pitch"), ev("in", 29, "question")])
    assert "responsiveness" not in pitched.used


# --- courtesies -----------------------------------------------------------------------------------------


def test_courtesies_count_as_contact_but_a_tie_of_nothing_else_stays_shallow() -> None:
    pleasant = [e for d in range(2, 60, 3) for e in (ev("in", d, "courtesy"), ev("out", d - 0.5, "courtesy"))]
    s = score(pleasant)
    assert 0 < s.score <= COURTESY_ONLY_MAX
    assert s.parts["recency"] > 0.9
    assert s.parts["reciprocity"] > 0.9
    assert any(r.startswith("Only courtesies so far") and f"held at {COURTESY_ONLY_MAX}" in r for r in s.reasons)
    # The same rhythm with real conversation is not held back.
    real = [Event(e.direction, e.at, e.kind, e.channel, "news") for e in pleasant]
    assert score(real).score > COURTESY_ONLY_MAX
    # One substantive message is enough to lift the cap.
    assert score([*pleasant, ev("in", 70, "question")]).score > COURTESY_ONLY_MAX


def test_your_courtesies_ask_for_no_answer_but_theirs_answer_yours() -> None:
    thanked = score([ev("in", 30, "question"), ev("out", 29, "courtesy")])
    assert "responsiveness" not in thanked.used  # a thank-you left unanswered is no unanswered question
    answered = score([ev("out", 30, "question"), ev("in", 29.9, "courtesy")])
    assert answered.parts["responsiveness"] > 0
    assert any("They answered your message" in r for r in answered.reasons)


# --- evidence, renormalised weights ---------------------------------------------------------------------


def _mean_of_used(s: Strength, settings: Settings = CFG) -> int:
    base = dict(zip(PARTS, strength.weights_of(settings).tolist(), strict=True))
    total = sum(base[p] for p in s.used)
    return round(100 * float(sum(base[p] * s.parts[p] for p in s.used)) / float(total))


def test_a_part_without_evidence_is_left_out_and_the_rest_renormalise_to_100() -> None:
    # They write; you never asked anything: responsiveness has no evidence (no prior stands in for it).
    s = score([ev("in", 40, "news"), ev("in", 10, "question")])
    assert "responsiveness" not in s.used
    assert "endorsements" not in s.used
    assert s.parts["responsiveness"] == 0.0
    assert s.weights["responsiveness"] == 0.0
    assert sum(s.weights.values()) == pytest.approx(1.0)
    assert sum(100 * s.weights[p] for p in s.used) == pytest.approx(100.0)
    assert s.score == _mean_of_used(s)
    # Points per part (weight x value) add up to the score.
    assert sum(100 * s.weights[p] * s.parts[p] for p in PARTS) == pytest.approx(s.score, abs=0.5)
    # Known endorsements, even none, are evidence; unknown ones are not.
    assert "endorsements" in score([ev("in", 10)], endorsements_known=True).used
    assert "endorsements" in score([ev("in", 10)], endorsed_by_them=1).used
    # All the weight on a part without evidence: nothing to score by.
    only = CFG.with_values(strength_weights="responsiveness=1")
    assert score_from_events([ev("in", 10)], now_ts=NOW, settings=only).score == 0


def test_a_tie_without_any_interaction_scores_zero_on_recency_and_frequency_only() -> None:
    s = score([])
    assert (s.score, s.used) == (0, ("recency", "frequency"))
    assert s.weights["recency"] + s.weights["frequency"] == pytest.approx(1.0)
    # Endorsements alone do not make a relationship of someone you never spoke with.
    endorsed = score([], endorsed_by_them=3, recommended_by_them=1)
    assert "endorsements" in endorsed.used
    assert endorsed.score < 15


def test_the_result_says_which_parts_were_used() -> None:
    s = score(two_way_tie(), endorsements_known=True)
    assert s.used == PARTS
    d = s.to_dict()
    assert d["used"] == list(PARTS)
    assert sum(d["weights"].values()) == pytest.approx(1.0, abs=1e-3)


_READINGS = st.sampled_from(list(READS))
_EVENT = st.tuples(st.sampled_from(["in", "out"]), st.floats(0.01, 900), _READINGS,
                   st.sampled_from([("message", "linkedin"), ("email", "email"), ("meeting", "meeting"),
                                    ("call", "phone")]))


@hsettings(max_examples=150, deadline=None)
@given(st.lists(_EVENT, max_size=14), st.integers(0, 4), st.integers(0, 1), st.sampled_from([None, True, False]))
def test_reasons_never_cite_a_part_without_evidence(
    raw: list[tuple[str, float, str, tuple[str, str]]], endorsed: int, recommended: int, known: bool | None
) -> None:
    events = [ev(d, days, reading if kind in ("message", "email") else "", kind, channel)
              for d, days, reading, (kind, channel) in raw]
    s = score(events, endorsed_by_them=endorsed, recommended_by_you=recommended, endorsements_known=known)
    assert {"recency", "frequency"} <= set(s.used)
    for part in PARTS:
        if part not in s.used:
            assert s.parts[part] == 0.0
            assert s.weights[part] == 0.0
            for marker in MARKERS.get(part, ()):
                assert not any(marker in r for r in s.reasons), (part, s.reasons)
    assert sum(s.weights[p] for p in s.used) == pytest.approx(1.0)
    if any(r.startswith("Only courtesies") and "held at" in r for r in s.reasons):
        assert s.score == COURTESY_ONLY_MAX < _mean_of_used(s)
    else:
        assert s.score == _mean_of_used(s)


_SEG = st.lists(st.tuples(st.sampled_from(["in", "out"]), st.integers(0, 400 * DAY), st.integers(0, 5)),
                max_size=10)


@hsettings(max_examples=60, deadline=None)
@given(st.lists(_SEG, min_size=1, max_size=6))
def test_the_batch_core_with_readings_equals_one_tie_at_a_time(segments: list[list[tuple[str, int, int]]]) -> None:
    per_person = {}
    singles = []
    for k, evs in enumerate(segments):
        events = [Event(d, NOW - 500 * DAY + t, reading=READS[r]) for d, t, r in evs]
        per_person[k + 1] = events
        singles.append(score_from_events(events, now_ts=NOW, settings=CFG))
    h = history.from_events({k: v for k, v in per_person.items() if v})
    # Lay the history over every person, those without events as empty segments.
    lengths = np.array([len(per_person[k + 1]) for k in range(len(segments))], dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
    batch = strength.score_batch(h.at, h.side, h.channel, starts, np.full(len(segments), NOW, dtype=np.int64),
                                 settings=CFG, read=h.read)
    for k, single in enumerate(singles):
        assert int(batch.scores[k]) == single.score
        assert batch.parts[k] == pytest.approx([single.parts[p] for p in PARTS])
        assert tuple(p for p, u in zip(PARTS, batch.used[k].tolist(), strict=True) if u) == single.used


# --- through the database -------------------------------------------------------------------------------


def _seed(conn: Connection) -> None:
    conn.execute(text("INSERT INTO owners (name, person_id, created_at) VALUES ('Olive Owner', 100, '2026-01-01')"))
    for i, name in ((1, "Pitching Pat"), (2, "Talking Tess"), (3, "Polite Paul"), (4, "Quiet Quinn")):
        conn.execute(text("INSERT INTO people (id, name_key, full_name, created_at) VALUES (:i, :k, :n, 'x')"),
                     {"i": i, "k": name.lower(), "n": name})
    conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on) VALUES (1, :p, '2024-01-01')"),
                 [{"p": p} for p in (1, 2, 3, 4)])
    rows = [{"p": 1, "d": "in", "a": NOW - d * DAY, "r": "pitch"} for d in (40, 20, 5)]
    rows += [{"p": 2, "d": e.direction, "a": e.at, "r": e.reading} for e in two_way_tie()]
    rows += [{"p": 3, "d": d, "a": NOW - days * DAY, "r": "courtesy"} for d, days in (("in", 9), ("out", 8))]
    conn.execute(text("INSERT INTO interactions (owner_id, person_id, direction, at, fingerprint, channel, reading) "
                      "VALUES (1, :p, :d, :a, :p || '-' || :a || :d, 'linkedin', :r)"), rows)


def test_compute_strengths_reads_the_readings(any_store: Store) -> None:
    with any_store.begin() as conn:
        _seed(conn)
    with any_store.connect() as conn:
        found = strength.compute_strengths(conn, 1, today=date(2026, 11, 22))
    pat, tess, paul, quinn = (found[p] for p in (1, 2, 3, 4))
    assert pat.score == 0 < tess.score
    assert "Pitches and automated messages not counted: 3 from them" in pat.reasons
    assert paul.score <= COURTESY_ONLY_MAX
    assert quinn.score == 0
    assert quinn.used == ("recency", "frequency")
    # The owner's data carries no endorsements: the part is left out for everyone.
    assert all("endorsements" not in s.used for s in found.values())
    assert tess.used == tuple(p for p in PARTS if p != "endorsements")


def test_endorsements_are_known_once_the_owner_has_any_or_an_export_had_the_file(any_store: Store) -> None:
    with any_store.begin() as conn:
        _seed(conn)
        conn.execute(text("INSERT INTO imports (owner_id, source, started_at) VALUES (1, 'linkedin', '2026-11-01')"))
        conn.execute(text("INSERT INTO import_files (import_id, name, kind) "
                          "VALUES (1, 'Endorsement_Received_Info.csv', 'endorsements received')"))
    with any_store.connect() as conn:
        empty_file = strength.compute_strengths(conn, 1, today=date(2026, 11, 22))
    assert all("endorsements" in s.used for s in empty_file.values())
    with any_store.begin() as conn:
        conn.execute(text("DELETE FROM import_files"))
        conn.execute(text("INSERT INTO endorsements (owner_id, person_id, direction, skill, at) "
                          "VALUES (1, 2, 'in', 'SQL', :a)"), {"a": NOW - 50 * DAY})
    with any_store.connect() as conn:
        rows = strength.compute_strengths(conn, 1, today=date(2026, 11, 22))
    assert all("endorsements" in s.used for s in rows.values())
    assert rows[2].parts["endorsements"] > 0
    assert rows[4].parts["endorsements"] == 0.0
    assert any(r.startswith("Endorsements: 1 from them") for r in rows[2].reasons)
    assert not any(r.startswith("Endorsements:") for r in rows[4].reasons)
