"""Acceptance of personalised and blank notes, time to accept, per month, and "accepted, then silent"."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from statistics import median

from sqlalchemy import Connection, text

from twoway import clock
from twoway.identity import name_key
from twoway.invitations import stats as invitation_stats
from twoway.store import Store

TODAY = date(2025, 6, 15)
NOTES = ["Hi {}, we met at the PyData Berlin meetup; great to talk about pipelines.",
         "Hi {}, I enjoyed your post on data contracts and would love to compare notes."]
DEFAULT = "I'd like to add you to my professional network on LinkedIn."


def _owner(conn: Connection) -> int:
    conn.execute(text("INSERT INTO owners (name, first_name, created_at) VALUES ('Maya Chen', 'Maya', '2025-01-01')"))
    return int(conn.execute(text("SELECT MAX(id) FROM owners")).scalar_one())


def _person(conn: Connection, name: str) -> int:
    conn.execute(text("INSERT INTO people (name_key, full_name, first_name, created_at) VALUES (:k, :n, :f, 'x')"),
                 {"k": name_key(name), "n": name, "f": name.split()[0]})
    return int(conn.execute(text("SELECT MAX(id) FROM people")).scalar_one())


def _generate(conn: Connection, seed: int) -> tuple[int, dict[str, dict[str, list[int]]], dict[str, list[int]]]:
    """300 sent invitations over a year; returns what was generated: per group sent/accepted/delays, per month."""
    rng = random.Random(seed)
    o = _owner(conn)
    groups: dict[str, dict[str, list[int]]] = {g: {"sent": [], "accepted": [], "pending": []}
                                               for g in ("personalised", "blank")}
    months: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    rows, links = [], []
    for i in range(300):
        name = f"Gen Person{i}"
        pid = _person(conn, name)
        sent = TODAY - timedelta(days=rng.randrange(0, 365))
        style = rng.choice(["note", "note", "blank", "default"])
        group = "personalised" if style == "note" else "blank"
        notes = {"note": rng.choice(NOTES).format(name.split()[0]), "default": DEFAULT, "blank": None}
        note = notes[style]
        accepted = rng.random() < (0.7 if group == "personalised" else 0.35)
        delay = rng.randrange(0, 30)
        if accepted and sent + timedelta(days=delay) > TODAY:
            accepted = False
        groups[group]["sent"].append(i)
        month = sent.strftime("%Y-%m")
        months[month][0] += 1
        if accepted:
            groups[group]["accepted"].append(delay)
            months[month][1] += 1
            links.append({"o": o, "p": pid, "d": (sent + timedelta(days=delay)).isoformat()})
        elif (TODAY - sent).days <= 183:
            groups[group]["pending"].append(i)
        rows.append({"o": o, "p": pid, "at": clock.day_start_ts(sent) + 36000, "t": name, "m": note, "fp": f"g{i}"})
    conn.execute(text("INSERT INTO invitations (owner_id, person_id, direction, sent_at, from_name, to_name, message, "
                      "origin, fingerprint) VALUES (:o, :p, 'out', :at, 'Maya Chen', :t, :m, 'import', :fp)"), rows)
    if links:
        conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on) VALUES (:o, :p, :d)"), links)
    return o, groups, dict(months)


def test_personalised_and_blank_side_by_side(any_store: Store) -> None:
    with any_store.begin() as conn:
        o, groups, months = _generate(conn, seed=11)
    with any_store.connect() as conn:
        summary = invitation_stats.acceptance_summary(conn, o, today=TODAY)
    for group, made in groups.items():
        got = summary["by_note"][group]
        assert got["sent"] == len(made["sent"])
        assert got["accepted"] == len(made["accepted"])
        assert got["pending"] == len(made["pending"])
        assert got["rate"] == round(len(made["accepted"]) / len(made["sent"]), 4)
        assert got["median_days_to_accept"] == median(made["accepted"])
        settled = len(made["sent"]) - len(made["pending"])
        assert got["settled_rate"] == round(len(made["accepted"]) / settled, 4)
    assert summary["by_note"]["personalised"]["rate"] > summary["by_note"]["blank"]["rate"]
    assert summary["outgoing"]["sent"] == 300
    all_delays = groups["personalised"]["accepted"] + groups["blank"]["accepted"]
    assert summary["outgoing"]["median_days_to_accept"] == median(all_delays)
    assert [row["month"] for row in summary["by_month"]] == sorted(months)
    for row in summary["by_month"]:
        assert [row["sent"], row["accepted"]] == months[row["month"]]
        assert row["personalised"]["sent"] + row["blank"]["sent"] == row["sent"]
        assert row["personalised"]["accepted"] + row["blank"]["accepted"] == row["accepted"]


def test_peak_week_and_empty_history(store: Store) -> None:
    with store.begin() as conn:
        o = _owner(conn)
        empty = invitation_stats.acceptance_summary(conn, o, today=TODAY)
        assert empty["outgoing"]["sent"] == 0
        assert empty["outgoing"]["rate"] is None
        assert empty["by_month"] == []
        assert empty["peak_week"] == {"sent": 0, "ending": None}
        days = [0, 1, 3, 6, 6, 7, 7, 20]  # days ago: the 7 days ending today hold 5, those ending yesterday 6
        for i, d in enumerate(days):
            pid = _person(conn, f"Peak Person{i}")
            conn.execute(text("INSERT INTO invitations (owner_id, person_id, direction, sent_at, to_name, origin, "
                              "fingerprint) VALUES (:o, :p, 'out', :at, 'x', 'import', :fp)"),
                         {"o": o, "p": pid, "at": clock.day_start_ts(TODAY - timedelta(days=d)) + 60, "fp": f"p{i}"})
        summary = invitation_stats.acceptance_summary(conn, o, today=TODAY)
    assert summary["peak_week"] == {"sent": 6, "ending": (TODAY - timedelta(days=1)).isoformat()}
    assert summary["budget"]["used"] == 5


def test_accepted_then_silent(any_store: Store) -> None:
    with any_store.begin() as conn:
        o = _owner(conn)

        def received(name: str, sent_days: int, connected_days: int | None) -> int:
            pid = _person(conn, name)
            conn.execute(text("INSERT INTO invitations (owner_id, person_id, direction, sent_at, from_name, origin, "
                              "fingerprint) VALUES (:o, :p, 'in', :at, :n, 'import', :fp)"),
                         {"o": o, "p": pid, "at": clock.day_start_ts(TODAY - timedelta(days=sent_days)), "n": name,
                          "fp": name})
            if connected_days is not None:
                conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on) VALUES (:o, :p, :d)"),
                             {"o": o, "p": pid, "d": (TODAY - timedelta(days=connected_days)).isoformat()})
            return pid

        silent = received("Silent Sam", 60, 59)
        wrote = received("Wrote Back", 60, 59)
        conn.execute(text("INSERT INTO interactions (owner_id, person_id, direction, at, fingerprint) "
                          "VALUES (:o, :p, 'out', :at, 'w')"),
                     {"o": o, "p": wrote, "at": clock.day_start_ts(TODAY - timedelta(days=50))})
        before = received("Wrote Before", 90, 89)
        conn.execute(text("INSERT INTO interactions (owner_id, person_id, direction, at, fingerprint) "
                          "VALUES (:o, :p, 'out', :at, 'b')"),
                     {"o": o, "p": before, "at": clock.day_start_ts(TODAY - timedelta(days=300))})
        received("Too New", 5, 4)
        received("Never Accepted", 20, None)
    with any_store.connect() as conn:
        rows = invitation_stats.accepted_then_silent(conn, o, today=TODAY)
        summary = invitation_stats.acceptance_summary(conn, o, today=TODAY)
    assert [r["name"] for r in rows] == ["Wrote Before", "Silent Sam"]
    assert rows[1]["person_id"] == silent
    assert rows[1]["days_since"] == 59
    assert summary["incoming"]["accepted_then_silent"] == 2
    assert summary["incoming"]["received"] == 5
    assert summary["incoming"]["accepted"] == 4
    assert summary["incoming"]["pending"] == 1
