"""Invitation statuses, the weekly budget, the re-invite block and what the owner logs by hand."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, text

from twoway import clock, invitations
from twoway.errors import Conflict, InputError, NotFound
from twoway.identity import name_key
from twoway.settings import Settings
from twoway.store import Store

TODAY = date(2025, 6, 15)
S = Settings()


def owner(conn: Connection, name: str = "Maya Chen") -> int:
    conn.execute(text("INSERT INTO owners (name, first_name, created_at) VALUES (:n, :f, '2025-01-01')"),
                 {"n": name, "f": name.split()[0]})
    return int(conn.execute(text("SELECT MAX(id) FROM owners")).scalar_one())


def person(conn: Connection, name: str) -> int:
    first, _, last = name.partition(" ")
    conn.execute(text("INSERT INTO people (name_key, first_name, last_name, full_name, created_at) "
                      "VALUES (:k, :f, :l, :n, '2025-01-01')"), {"k": name_key(name), "f": first, "l": last, "n": name})
    return int(conn.execute(text("SELECT MAX(id) FROM people")).scalar_one())


def invite(conn: Connection, o: int, p: int | None, direction: str, sent: date, *, note: str | None = None,
           withdrawn: date | None = None, origin: str = "import", name: str = "Someone") -> int:
    fp = f"{direction}:{p}:{sent.isoformat()}:{origin}:{name}"
    conn.execute(text(
        "INSERT INTO invitations (owner_id, person_id, direction, sent_at, from_name, to_name, message, origin, "
        "withdrawn_on, fingerprint) VALUES (:o, :p, :d, :at, :f, :t, :m, :origin, :w, :fp)"),
        {"o": o, "p": p, "d": direction, "at": clock.day_start_ts(sent) + 9 * 3600,
         "f": name if direction == "in" else "Maya Chen", "t": "Maya Chen" if direction == "in" else name,
         "m": note, "origin": origin, "w": withdrawn.isoformat() if withdrawn else None, "fp": fp})
    return int(conn.execute(text("SELECT MAX(id) FROM invitations")).scalar_one())


def connect(conn: Connection, o: int, p: int, on: date | None) -> None:
    conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on) VALUES (:o, :p, :d)"),
                 {"o": o, "p": p, "d": on.isoformat() if on else None})


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


# --- the status rule, pure ---------------------------------------------------------------------------


@pytest.mark.parametrize(("direction", "sent", "connected_on", "connected", "withdrawn", "decision", "expected"), [
    ("out", ago(10), ago(10), True, None, None, "accepted"),  # same day counts
    ("out", ago(10), ago(3), True, None, None, "accepted"),
    ("out", ago(10), ago(11), True, None, None, "pending"),  # connected before it was sent: not this invitation
    ("out", ago(10), None, True, None, None, "accepted"),  # connection date unknown
    ("out", ago(10), None, False, None, None, "pending"),
    ("out", ago(30), None, False, ago(5), None, "withdrawn"),
    ("out", ago(30), ago(2), True, ago(5), None, "withdrawn"),  # connected after withdrawing: another way
    ("out", ago(30), ago(6), True, ago(5), None, "accepted"),
    ("out", ago(183), None, False, None, None, "pending"),
    ("out", ago(184), None, False, None, None, "expired"),
    ("in", ago(5), None, False, None, None, "pending"),
    ("in", ago(5), ago(4), True, None, None, "accepted"),
    ("in", ago(5), None, False, None, "ignore", "ignored"),
    ("in", ago(5), None, False, None, "accept", "accepted"),
    ("in", ago(200), None, False, None, None, "expired"),
    ("in", ago(5), ago(4), True, None, "ignore", "accepted"),  # the connection is the fact
])
def test_status_rule(direction: str, sent: date, connected_on: date | None, connected: bool,
                     withdrawn: date | None, decision: str | None, expected: str) -> None:
    assert invitations.status_of(direction, sent, connected_on, connected, withdrawn, decision, TODAY, 183) == expected


# --- a generated history with every status ----------------------------------------------------------


def test_every_status_from_the_database(any_store: Store) -> None:
    with any_store.begin() as conn:
        o = owner(conn)
        expected: dict[int, str] = {}
        plan = [  # (direction, days ago sent, connected days ago or None, withdrawn days ago, decision, status)
            ("out", 40, 38, None, None, "accepted"),
            ("out", 10, None, None, None, "pending"),
            ("out", 50, None, 20, None, "withdrawn"),
            ("out", 200, None, None, None, "expired"),
            ("in", 3, None, None, None, "pending"),
            ("in", 30, 29, None, None, "accepted"),
            ("in", 8, None, None, "ignore", "ignored"),
            ("in", 300, None, None, None, "expired"),
        ]
        for i, (direction, sent, connected, withdrawn, decision, status) in enumerate(plan):
            p = person(conn, f"Person Number{i}")
            inv = invite(conn, o, p, direction, ago(sent), withdrawn=ago(withdrawn) if withdrawn else None,
                         name=f"Person Number{i}")
            if connected is not None:
                connect(conn, o, p, ago(connected))
            if decision:
                conn.execute(text("INSERT INTO decisions (owner_id, person_id, invitation_id, subject, verdict, "
                                  "decided_at) VALUES (:o, :p, :i, 'invitation', :v, '2025-06-01T10:00:00')"),
                             {"o": o, "p": p, "i": inv, "v": decision})
            expected[inv] = status
    with any_store.connect() as conn:
        got = {inv.id: inv.status for inv in invitations.list_invitations(conn, o, today=TODAY)}
        assert got == expected
        pending_out = invitations.list_invitations(conn, o, direction="out", statuses=["pending"], today=TODAY)
    assert [inv.age_days for inv in pending_out] == [10]
    assert set(invitations.STATUSES) == set(expected.values())


# --- the weekly budget at its edges ------------------------------------------------------------------


@pytest.mark.parametrize(("days_ago", "counted"), [(0, True), (6, True), (7, False)])
def test_budget_window_is_the_seven_days_ending_today(store: Store, days_ago: int, counted: bool) -> None:
    with store.begin() as conn:
        o = owner(conn)
        invite(conn, o, person(conn, "Ann One"), "out", ago(days_ago), name="Ann One")
        invite(conn, o, person(conn, "Bob Two"), "in", ago(0), name="Bob Two")  # received ones never count
        budget = invitations.weekly_budget(conn, o, settings=S, today=TODAY)
    assert budget.used == (1 if counted else 0)
    assert budget.window_start == ago(6)
    assert budget.window_end == TODAY


def test_budget_levels_and_warning_share(store: Store) -> None:
    s = Settings().with_values(invite_weekly_budget=10, invite_budget_warn_share=0.8)
    with store.begin() as conn:
        o = owner(conn)
        for i in range(7):
            invite(conn, o, person(conn, f"Sent Person{i}"), "out", ago(i % 7), name=f"Sent Person{i}")
        assert invitations.weekly_budget(conn, o, settings=s, today=TODAY).level == "ok"
        invite(conn, o, person(conn, "Eighth Person"), "out", ago(1), name="Eighth Person")
        near = invitations.weekly_budget(conn, o, settings=s, today=TODAY)
        assert (near.used, near.warn_at, near.level, near.remaining) == (8, 8, "near", 2)
        for i in range(2):
            invite(conn, o, person(conn, f"More Person{i}"), "out", ago(2), name=f"More Person{i}")
        over = invitations.weekly_budget(conn, o, settings=s, today=TODAY)
    assert over.level == "over"
    assert over.remaining == 0
    assert "spent" in over.message()


def test_a_logged_invitation_is_not_counted_twice_once_imported(store: Store) -> None:
    with store.begin() as conn:
        o = owner(conn)
        p = person(conn, "Ann One")
        invitations.log_invitation(conn, o, p, "out", on=ago(2), settings=S, today=TODAY)
        assert invitations.weekly_budget(conn, o, settings=S, today=TODAY).used == 1
        invite(conn, o, p, "out", ago(3), name="Ann One")  # the next export brings the same invitation
        assert invitations.weekly_budget(conn, o, settings=S, today=TODAY).used == 1
        listed = invitations.list_invitations(conn, o, today=TODAY)
    assert [inv.origin for inv in listed] == ["import"]


# --- the re-invite block at its edges ------------------------------------------------------------------


@pytest.mark.parametrize(("withdrawn_days_ago", "blocked"), [(0, True), (20, True), (21, False), (40, False)])
def test_reinvite_block_edges(any_store: Store, withdrawn_days_ago: int, blocked: bool) -> None:
    with any_store.begin() as conn:
        o = owner(conn)
        p = person(conn, "Wanda Withdrawn")
        invite(conn, o, p, "out", ago(60), withdrawn=ago(withdrawn_days_ago), name="Wanda Withdrawn")
        until = invitations.reinvite_blocked_until(conn, o, p, settings=S, today=TODAY)
        warnings = invitations.sending_warnings(conn, o, p, settings=S, today=TODAY)
    if blocked:
        assert until == ago(withdrawn_days_ago) + timedelta(days=21)
        assert any(until.isoformat() in w for w in warnings)
    else:
        assert until is None
        assert not any("blocks" in w for w in warnings)


def test_reinvite_block_length_is_a_setting(store: Store) -> None:
    with store.begin() as conn:
        o = owner(conn)
        p = person(conn, "Wanda Withdrawn")
        invite(conn, o, p, "out", ago(60), withdrawn=ago(5), name="Wanda Withdrawn")
        short = Settings().with_values(invite_reinvite_block_days=5)
        assert invitations.reinvite_blocked_until(conn, o, p, settings=short, today=TODAY) is None
        assert invitations.reinvite_blocked_until(conn, o, p, settings=S, today=TODAY) == ago(5) + timedelta(days=21)


# --- log, withdraw, decide ---------------------------------------------------------------------------


def test_log_sent_and_received(any_store: Store) -> None:
    with any_store.begin() as conn:
        o = owner(conn)
        p = person(conn, "Ann One")
        q = person(conn, "Bob Two")
        sent = invitations.log_invitation(conn, o, p, "out", note="Hi Ann, we met at PyData.", settings=S,
                                          today=TODAY)
        got = invitations.log_invitation(conn, o, q, "in", on=ago(3), settings=S, today=TODAY)
    assert sent.invitation.direction == "out"
    assert sent.invitation.sent_on == TODAY
    assert sent.invitation.message == "Hi Ann, we met at PyData."
    assert sent.invitation.counterpart == "Ann One"
    assert sent.invitation.status == "pending"
    assert sent.invitation.origin == "manual"
    assert sent.warnings == []
    assert got.invitation.sent_on == ago(3)
    assert got.invitation.counterpart == "Bob Two"
    with any_store.begin() as conn:
        with pytest.raises(Conflict):
            invitations.log_invitation(conn, o, p, "out", settings=S, today=TODAY)
        with pytest.raises(InputError):
            invitations.log_invitation(conn, o, p, "out", on=TODAY + timedelta(days=1), settings=S, today=TODAY)
        with pytest.raises(InputError):
            invitations.log_invitation(conn, o, p, "sideways", settings=S, today=TODAY)


def test_log_warns_about_pending_connected_blocked_and_budget(store: Store) -> None:
    s = Settings().with_values(invite_weekly_budget=2, invite_budget_warn_share=0.5)
    with store.begin() as conn:
        o = owner(conn)
        friend = person(conn, "Cora Connected")
        connect(conn, o, friend, ago(100))
        blocked = person(conn, "Wanda Withdrawn")
        invite(conn, o, blocked, "out", ago(30), withdrawn=ago(10), name="Wanda Withdrawn")
        waiting = person(conn, "Paul Pending")
        invite(conn, o, waiting, "out", ago(4), name="Paul Pending")
        first = invitations.log_invitation(conn, o, friend, "out", settings=s, today=TODAY)
        second = invitations.log_invitation(conn, o, blocked, "out", settings=s, today=TODAY)
        third = invitations.log_invitation(conn, o, waiting, "out", on=ago(1), settings=s, today=TODAY)
    assert "already a connection" in first.warnings
    assert any("budget" in w for w in first.warnings)  # 2 of 2 used
    assert any("blocks re-inviting" in w and (ago(10) + timedelta(days=21)).isoformat() in w for w in second.warnings)
    assert any("still pending" in w for w in third.warnings)


def test_withdraw(any_store: Store) -> None:
    with any_store.begin() as conn:
        o = owner(conn)
        p = person(conn, "Paul Pending")
        invite(conn, o, p, "out", ago(25), name="Paul Pending")
        done = invitations.withdraw(conn, o, p, today=TODAY)
        assert done.status == "withdrawn"
        assert done.withdrawn_on == TODAY
        with pytest.raises(Conflict):
            invitations.withdraw(conn, o, p, today=TODAY)
        nobody = person(conn, "Never Invited")
        with pytest.raises(NotFound):
            invitations.withdraw(conn, o, nobody, today=TODAY)
        accepted = person(conn, "Ann Accepted")
        invite(conn, o, accepted, "out", ago(9), name="Ann Accepted")
        connect(conn, o, accepted, ago(8))
        with pytest.raises(Conflict, match="accepted"):
            invitations.withdraw(conn, o, accepted, today=TODAY)
        later = person(conn, "Lou Later")
        invite(conn, o, later, "out", ago(5), name="Lou Later")
        with pytest.raises(InputError):
            invitations.withdraw(conn, o, later, on=ago(6), today=TODAY)


def test_decide_needs_an_invitation_and_an_open_one(store: Store) -> None:
    with store.begin() as conn:
        o = owner(conn)
        nobody = person(conn, "Never Invited")
        with pytest.raises(NotFound):
            invitations.decide(conn, o, nobody, "accept", today=TODAY)
        friend = person(conn, "Cora Connected")
        invite(conn, o, friend, "in", ago(9), name="Cora Connected")
        connect(conn, o, friend, ago(8))
        with pytest.raises(Conflict):
            invitations.decide(conn, o, friend, "ignore", today=TODAY)
        with pytest.raises(InputError):
            invitations.decide(conn, o, friend, "maybe", today=TODAY)


def test_recently_accepted_feeds_the_weekly_plan(any_store: Store) -> None:
    with any_store.begin() as conn:
        o = owner(conn)
        fresh = person(conn, "Fresh Accept")
        invite(conn, o, fresh, "out", ago(6), name="Fresh Accept")
        connect(conn, o, fresh, ago(2))
        old = person(conn, "Old Accept")
        invite(conn, o, old, "out", ago(60), name="Old Accept")
        connect(conn, o, old, ago(50))
        theirs = person(conn, "They Invited")
        invite(conn, o, theirs, "in", ago(3), name="They Invited")
        connect(conn, o, theirs, ago(2))
        waiting = person(conn, "Still Waiting")
        invite(conn, o, waiting, "out", ago(3), name="Still Waiting")
    with any_store.connect() as conn:
        found = invitations.recently_accepted(conn, o, since=ago(14))
    assert list(found) == [fresh]
    assert found[fresh].connected_on == ago(2)
    assert found[fresh].direction == "out"


# --- the command line ------------------------------------------------------------------------------


def _cli_db(tmp_path: Path) -> tuple[str, dict[str, int]]:
    from twoway.store import open_store

    path = str(tmp_path / "cli.db")
    st = open_store(path)
    ids: dict[str, int] = {}
    with st.begin() as conn:
        ids["owner"] = owner(conn)
        ids["stranger"] = person(conn, "Carlos Medina")
        invite(conn, ids["owner"], ids["stranger"], "in", ago(2), name="Carlos Medina")
        ids["pitcher"] = person(conn, "Brad <b>Keller</b>")
        invite(conn, ids["owner"], ids["pitcher"], "in", ago(3), name="Brad <b>Keller</b>",
               note="[red]Hi Maya[/red], we help companies generate more leads. Book a call!")
        ids["stale"] = person(conn, "Paul Pending")
        invite(conn, ids["owner"], ids["stale"], "out", ago(22), name="Paul Pending")
        ids["recent"] = person(conn, "Rita Recent")
        invite(conn, ids["owner"], ids["recent"], "out", ago(21), name="Rita Recent")
        ids["ann"] = person(conn, "Ann Lee")
    st.close()
    return path, ids


def _run(path: str, *args: str, input: str | None = None) -> Any:
    from click.testing import CliRunner

    from twoway.cli import cli

    env = {"TWOWAY_TODAY": TODAY.isoformat(), "COLUMNS": "400"}  # wide, so table cells are not folded
    return CliRunner().invoke(cli, ["--db", path, *args], input=input, env=env)


def test_cli_invites_json_and_table(tmp_path: Path) -> None:
    path, _ids = _cli_db(tmp_path)
    result = _run(path, "invites", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    incoming = {i["counterpart"]: i for i in data["incoming"]}
    assert incoming["Carlos Medina"]["recommendation"] == "review"  # a blank note from a stranger
    assert incoming["Brad <b>Keller</b>"]["recommendation"] == "ignore"
    assert "pitch" in [r["key"] for r in incoming["Brad <b>Keller</b>"]["reasons"]]
    outgoing = {i["counterpart"]: i["recommendation"] for i in data["outgoing"]}
    assert outgoing == {"Paul Pending": "withdraw", "Rita Recent": "wait"}  # 22 days is over 21, 21 is not
    assert data["budget"]["used"] == 0
    table = _run(path, "invites")
    assert table.exit_code == 0, table.output
    assert "Brad <b>Keller</b>" in table.output  # shown literally, never interpreted as markup
    assert "[red]Hi Maya" in table.output
    assert "withdraw" in table.output
    assert data["history"]["blank"]["pending"] == 1  # the owner's past, by note kind


def test_cli_decide_log_withdraw(tmp_path: Path) -> None:
    path, _ids = _cli_db(tmp_path)
    decided = _run(path, "invites", "--decide", "Carlos Medina", "accept", "--json")
    assert decided.exit_code == 0, decided.output
    assert "Carlos Medina" not in [i["counterpart"] for i in json.loads(decided.output)["incoming"]]
    everything = json.loads(_run(path, "invites", "--all", "--json").output)
    carlos = next(i for i in everything["incoming"] if i["counterpart"] == "Carlos Medina")
    assert carlos["status"] == "accepted"
    assert carlos["recommendation"] == "accept"
    bad = _run(path, "invites", "--decide", "Carlos Medina", "perhaps")
    assert bad.exit_code == 2
    logged = _run(path, "invite", "log", "Ann Lee", "--sent", "--note", "Hi Ann, we met at PyData.", "--json")
    assert logged.exit_code == 0, logged.output
    assert json.loads(logged.output)["invitation"]["status"] == "pending"
    again = _run(path, "invite", "log", "Ann Lee", "--sent")
    assert again.exit_code == 1
    assert "already logged" in again.output
    assert _run(path, "invite", "log", "Ann Lee").exit_code == 2  # which way?
    withdrawn = _run(path, "invite", "withdraw", "Paul Pending")
    assert withdrawn.exit_code == 0, withdrawn.output
    warned = _run(path, "invite", "draft", "Paul Pending", "--context", "we met at PyData Berlin")
    assert warned.exit_code == 0, warned.output
    assert "Hi Paul, we met at PyData Berlin." in warned.output
    assert (TODAY + timedelta(days=21)).isoformat() in warned.output
    unknown = _run(path, "invite", "withdraw", "Nobody Atall")
    assert unknown.exit_code == 3


def test_cli_check_and_stats(tmp_path: Path) -> None:
    path, _ = _cli_db(tmp_path)
    good = _run(path, "invite", "check", "Hi Ann, we met at the PyData Berlin meetup. Glad to stay in touch!",
                "--to", "Ann Lee")
    assert good.exit_code == 0, good.output
    assert good.output.startswith("OK")
    bad = _run(path, "invite", "check", "I'd like to add you to my professional network on LinkedIn.", "--json")
    assert bad.exit_code == 1
    assert "default_text" in [i["code"] for i in json.loads(bad.output)["issues"]]
    piped = _run(path, "invite", "check", "-", "--limit", "20", input="Hi Ann, we met at PyData Berlin!\n")
    assert piped.exit_code == 1
    assert "too long" not in piped.output
    assert "at most 20" in piped.output
    checked = _run(path, "invite", "check", "Hi Ann, we met at the PyData Berlin meetup.", "--to", "Ann Lee", "--json")
    reading = json.loads(checked.output)["reading"]
    assert (reading["kind"], reading["shared"], reading["asks"]) == ("personal", ["event"], False), checked.output
    assert "Reads as: personal note (en), naming event" in good.output
    stats = _run(path, "invite", "stats", "--json")
    assert stats.exit_code == 0, stats.output
    data = json.loads(stats.output)
    assert data["outgoing"]["sent"] == 2
    assert data["incoming"]["received"] == 2
    assert data["received_by_note"]["blank"] == {"kind": "blank", "received": 1, "accepted": 0, "declined": 0,
                                                 "pending": 1, "settled": 0, "rate": None}
    assert data["received_by_note"]["pitch"]["pending"] == 1
    table = _run(path, "invite", "stats")
    assert table.exit_code == 0, table.output
    assert "Invitations you received, by note" in table.output
    assert "- (under 5 decided)" in table.output


def test_cli_check_a_received_note(tmp_path: Path) -> None:
    path, _ = _cli_db(tmp_path)
    note = "Hallo Maya, danke für deinen Vortrag in Köln! Hättest du Zeit für einen Kaffee?"
    got = _run(path, "invite", "check", "--received", note, "--json")
    assert got.exit_code == 0, got.output
    data = json.loads(got.output)
    assert data["reading"]["kind"] == "personal"
    assert data["reading"]["language"] == "de"
    assert data["recommendation"] == "accept_follow_up"
    assert data["reasons"][0]["text"].startswith("a personal note naming your talk")
    pitch = _run(path, "invite", "check", "--received", "We help companies get more leads: book a call!")
    assert pitch.exit_code == 0, pitch.output
    assert "Recommendation from a stranger: ignore" in pitch.output
    assert "reads as a pitch" in pitch.output
