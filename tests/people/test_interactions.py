"""Logging what happened elsewhere: kinds, channels, back-dating, duplicates, and the CLI."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Connection, text

from tests.network_builder import database_file
from twoway import clock, states
from twoway.cli import cli
from twoway.errors import Conflict, InputError
from twoway.people import interactions
from twoway.store import Store

TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", TODAY.isoformat())


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def _seed(conn: Connection) -> None:
    conn.execute(text("INSERT INTO owners (name, created_at) VALUES ('Olive Owner', '2026-01-01')"))
    for i, name in ((1, "Quinn Quiet"), (2, "Mia Meeting"), (3, "Sam Solo")):
        conn.execute(text("INSERT INTO people (id, name_key, full_name, created_at) VALUES (:i, :k, :n, 'x')"),
                     {"i": i, "k": name.lower(), "n": name})
        conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on) VALUES (1, :i, '2025-01-01')"),
                     {"i": i})
    for d in (40, 30, 20):  # three unanswered attempts with Quinn
        conn.execute(text("INSERT INTO interactions (owner_id, person_id, direction, at, fingerprint) "
                          "VALUES (1, 1, 'out', :a, :f)"), {"a": clock.day_start_ts(ago(d)) + 3600, "f": f"q{d}"})


@pytest.fixture
def seeded(any_store: Store) -> Store:
    with any_store.begin() as conn:
        _seed(conn)
    return any_store


def test_each_kind_gets_its_channel_and_origin(seeded: Store) -> None:
    with seeded.begin() as conn:
        for kind, direction in (("message", "out"), ("email", "in"), ("meeting", "out"), ("call", "in")):
            interactions.log_interaction(conn, 1, 3, kind, direction, ago(5), note=f"{kind} note")
    with seeded.connect() as conn:
        rows = conn.execute(text("SELECT kind, channel, direction, origin, content FROM interactions "
                                 "WHERE person_id = 3 ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [
        ("message", "linkedin", "out", "manual", "message note"),
        ("email", "email", "in", "manual", "email note"),
        ("meeting", "meeting", "out", "manual", "meeting note"),
        ("call", "phone", "in", "manual", "call note"),
    ]


def test_a_back_dated_entry_counts_at_its_own_date(seeded: Store) -> None:
    with seeded.begin() as conn:
        logged = interactions.log_interaction(conn, 1, 3, "message", "out", ago(30))
    assert logged.at == clock.day_start_ts(ago(30)) + 12 * 3600
    assert logged.on == ago(30)
    with seeded.connect() as conn:
        v = states.state_of(conn, 1, 3)
    assert v.last_out == ago(30)
    assert v.state == "awaiting_reply"
    assert v.next_try_on == ago(23)


def test_a_back_dated_reply_closes_open_attempts(seeded: Store) -> None:
    with seeded.connect() as conn:
        assert states.state_of(conn, 1, 1).state == "unresponsive"
    with seeded.begin() as conn:
        interactions.log_interaction(conn, 1, 1, "message", "in", ago(25))
    with seeded.connect() as conn:
        v = states.state_of(conn, 1, 1)
    # Their answer 25 days ago reset the count; your message 20 days ago is your reply to it.
    assert v.state == "two_way"
    assert v.attempts == 0
    assert v.last_in == ago(25)


def test_a_call_counts_as_contact_both_ways(seeded: Store) -> None:
    with seeded.begin() as conn:
        interactions.log_interaction(conn, 1, 1, "call", "out", ago(1))
    with seeded.connect() as conn:
        v = states.state_of(conn, 1, 1)
    assert v.state == "two_way"
    assert v.last_in == v.last_out == v.last_two_way == ago(1)


def test_today_uses_the_current_instant(seeded: Store) -> None:
    with seeded.begin() as conn:
        logged = interactions.log_interaction(conn, 1, 2, "meeting")
    assert logged.on == TODAY
    assert logged.at == clock.now_ts()


def test_the_same_entry_twice_is_refused_but_a_different_note_is_not(seeded: Store) -> None:
    with seeded.begin() as conn:
        interactions.log_interaction(conn, 1, 2, "meeting", "out", ago(3), note="lunch")
    with seeded.begin() as conn, pytest.raises(Conflict):
        interactions.log_interaction(conn, 1, 2, "meeting", "out", ago(3), note="lunch")
    with seeded.begin() as conn:
        interactions.log_interaction(conn, 1, 2, "meeting", "out", ago(3), note="dinner")
    with seeded.connect() as conn:
        n = conn.execute(text("SELECT COUNT(*) FROM interactions WHERE person_id = 2")).scalar_one()
    assert n == 2


def test_bad_input_is_refused(seeded: Store) -> None:
    with seeded.begin() as conn:
        with pytest.raises(InputError, match="future"):
            interactions.log_interaction(conn, 1, 2, "message", "out", TODAY + timedelta(days=1))
        with pytest.raises(InputError, match="kind"):
            interactions.log_interaction(conn, 1, 2, "letter", "out")
        with pytest.raises(InputError, match="direction"):
            interactions.log_interaction(conn, 1, 2, "message", "sideways")


def test_parse_day() -> None:
    assert interactions.parse_day("2026-03-02") == date(2026, 3, 2)
    assert interactions.parse_day("yesterday") == ago(1)
    assert interactions.parse_day("10 days ago") == ago(10)
    assert interactions.parse_day("today") == TODAY
    with pytest.raises(InputError):
        interactions.parse_day("last Tuesday")


# --- the CLI ------------------------------------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path) -> Path:
    database_file(tmp_path / "cli.db", _seed)
    return tmp_path / "cli.db"


def test_cli_log_received_closes_attempts_and_reports_the_state(db: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db), "log", "Quinn", "--received", "--on", ago(15).isoformat(),
                                      "--note", "sorry for the silence"])
    assert result.exit_code == 0, result.output
    assert f"Logged: message from Quinn Quiet on {ago(15).day}" in result.output
    assert "you owe a reply" in result.output.lower()


def test_cli_log_json(db: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db), "log", "#2", "--met", "--on", "yesterday", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["logged"]["kind"] == "meeting"
    assert data["logged"]["channel"] == "meeting"
    assert data["person"]["full_name"] == "Mia Meeting"
    assert data["state"]["state"] == "two_way"


def test_cli_log_email(db: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db), "log", "Sam", "--sent", "--email", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["logged"]["channel"] == "email"


def test_cli_log_needs_exactly_what_happened(db: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "log", "Sam"]).exit_code == 2
    assert runner.invoke(cli, ["--db", str(db), "log", "Sam", "--met", "--email"]).exit_code == 2
    future = runner.invoke(cli, ["--db", str(db), "log", "Sam", "--sent", "--on", "2030-01-01"])
    assert future.exit_code == 2
    assert "future" in future.output
    nobody = runner.invoke(cli, ["--db", str(db), "log", "Zed Nobody", "--sent"])
    assert nobody.exit_code == 3
