"""Prune candidates carry every reason in words; protected and kept never show; decisions are recorded."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import Connection

from tests.network_builder import Net, database_file
from twoway.cli import cli
from twoway.prune import PruneFacts, decide, find_candidates, reasons_for
from twoway.settings import Settings
from twoway.states import Verdict, compute_states
from twoway.store import Store

TODAY = date(2024, 6, 12)


def _days(n: int) -> date:
    return TODAY - timedelta(days=n)


def _v(state: str = "two_way", **kw: Any) -> Verdict:
    base: dict[str, Any] = dict(person_id=1, state=state, reason="r", attempts=0, next_try_on=None, last_in=None,
                                   last_out=None, last_two_way=None, due_on=None, connected_on=None, cadence_days=365)
    base.update(kw)
    return Verdict(**base)


def codes(v: Verdict, facts: PruneFacts, settings: Settings | None = None) -> list[str]:
    return [r.code for r in reasons_for(v, facts, settings or Settings(), TODAY)]


def test_silence_reasons_with_dates() -> None:
    quiet = reasons_for(_v(last_contact=date(2022, 1, 3)), PruneFacts(messages_in=2), Settings(), TODAY)
    assert [r.code for r in quiet] == ["silent"]
    assert "since 3 Jan 2022" in quiet[0].text
    assert "2.4 years" in quiet[0].text
    never = reasons_for(_v("never_contacted", connected_on=date(2021, 6, 1)), PruneFacts(), Settings(), TODAY)
    assert "never any interaction in the 3 years since connecting on 1 Jun 2021" in never[0].text
    assert codes(_v(last_contact=_days(100)), PruneFacts(messages_in=1)) == []
    assert codes(_v("new", connected_on=_days(3)), PruneFacts()) == []


def test_unresponsive_pitches_blank_focus_soured() -> None:
    assert "unresponsive" in codes(_v("unresponsive", last_contact=_days(20)), PruneFacts(messages_out=3))
    pitches = PruneFacts(messages_in=3, pitches_in=2, pitch_signals=("call_to_book", "link"))
    found = reasons_for(_v(last_contact=_days(20)), pitches, Settings(), TODAY)
    assert [r.code for r in found] == ["pitches"]
    assert "2 of their 3 messages" in found[0].text
    assert "call to book" in found[0].text
    assert codes(_v(last_contact=_days(20)), PruneFacts(messages_in=3, messages_out=1, pitches_in=3)) == []
    blank = PruneFacts(blank_invitation_on=date(2024, 1, 2))
    assert codes(_v("never_contacted", connected_on=date(2024, 1, 3)), blank) == ["blank_invitation"]
    focused = Settings().with_values(focus_keywords="fintech, payments")
    off = PruneFacts(company="Bakery", position="Pastry chef", messages_in=1)
    assert codes(_v(last_contact=_days(5)), off, focused) == ["off_focus"]
    on = PruneFacts(company="Payments Ltd", position="Engineer", messages_in=1)
    assert codes(_v(last_contact=_days(5)), on, focused) == []
    assert codes(_v(last_contact=_days(5)), PruneFacts(messages_in=1), focused) == []  # unknown field: no claim
    assert codes(_v(last_contact=_days(5)), off) == []  # no focus set: never off focus
    sour = PruneFacts(soured_on=date(2024, 5, 1), soured_note="took credit for my work", messages_in=1)
    text = reasons_for(_v(last_contact=_days(5)), sour, Settings(), TODAY)[0].text
    assert text == "you marked the relationship as soured on 1 May 2024: took credit for my work"


@pytest.fixture
def net_store(any_store: Store) -> tuple[Store, dict[str, int]]:
    p: dict[str, int] = {}
    with any_store.begin() as conn:
        net = Net(conn)
        p["eve"] = net.person("Eve Quiet", company="Silence", connected_on=date(2019, 1, 1))
        for ago in (40, 30, 20):
            net.msg(p["eve"], "out", _days(ago))
        p["old"] = net.person("Old Friend", company="Past", connected_on=date(2015, 1, 1))
        net.msg(p["old"], "out", date(2020, 1, 1))
        net.msg(p["old"], "in", date(2020, 1, 2))
        p["mom"] = net.person("Mum Family", connected_on=date(2015, 1, 1))
        net.tag(p["mom"], "family")
        p["spam"] = net.person("Sal Pitch", company="Leads4U", position="Growth hacker", connected_on=date(2023, 1, 1))
        net.msg(p["spam"], "in", _days(50), "Book a quick call: https://calendly.com/sal to grow your revenue")
        net.msg(p["spam"], "in", _days(20), "Following up on our services offer, 15 minute call?")
        p["blank"] = net.person("Bea Blank", company="Somewhere", connected_on=_days(60))
        net.invitation(p["blank"], "in", _days(61), "")
        p["pal"] = net.person("Pal Active", company="Friends", connected_on=date(2020, 1, 1))
        net.msg(p["pal"], "out", _days(30))
        net.msg(p["pal"], "in", _days(29), kind="meeting")
        p["sour"] = net.person("Sid Sour", company="Rivals", connected_on=date(2020, 1, 1))
        net.msg(p["sour"], "in", _days(10), kind="meeting")
        net.decision(p["sour"], "relationship", "soured", _days(5))
        for i in range(5):
            pid = net.person(f"Bot Account{i}", connected_on=_days(30))
            net.invitation(pid, "in", _days(31), "")
            p[f"bot{i}"] = pid
    return any_store, p


def test_candidates_from_the_database(net_store: tuple[Store, dict[str, int]]) -> None:
    store, p = net_store
    with store.connect() as conn:
        listing = find_candidates(conn, 1, today=TODAY)
    by_pid = {c.person_id: c for c in listing.candidates}
    reasons = {pid: {r.code for r in c.reasons} for pid, c in by_pid.items()}
    assert p["mom"] not in by_pid  # protected tag, though silent for years
    assert listing.protected_skipped == 1
    assert p["pal"] not in by_pid
    assert reasons[p["eve"]] == {"unresponsive"}
    assert reasons[p["old"]] == {"silent"}
    assert reasons[p["spam"]] == {"pitches"}
    assert reasons[p["blank"]] == {"blank_invitation"}
    assert reasons[p["sour"]] == {"soured"}
    for i in range(5):
        assert reasons[p[f"bot{i}"]] == {"blank_invitation", "suspicious"}
        assert by_pid[p[f"bot{i}"]].suspicious
    # most reasons first
    assert len(listing.candidates[0].reasons) == 2
    assert by_pid[p["eve"]].url is not None


def test_decisions_hide_keep_remove(net_store: tuple[Store, dict[str, int]]) -> None:
    store, p = net_store
    with store.begin() as conn:
        decide(conn, 1, p["eve"], "hide")
        decide(conn, 1, p["old"], "keep")
        decide(conn, 1, p["spam"], "remove")
    with store.connect() as conn:
        listing = find_candidates(conn, 1, today=TODAY)
        states = compute_states(conn, 1, today=TODAY)
        with_kept = find_candidates(conn, 1, today=TODAY, include_kept=True)
    shown = {c.person_id for c in listing.candidates}
    assert not shown & {p["eve"], p["old"], p["spam"]}
    assert listing.kept_skipped == 1
    assert p["old"] in {c.person_id for c in with_kept.candidates}
    assert states[p["eve"]].state == "hidden"
    assert states[p["spam"]].state == "removed"
    with store.begin() as conn:
        decide(conn, 1, p["eve"], "keep")  # keeping someone hidden brings them back
    with store.connect() as conn:
        assert compute_states(conn, 1, today=TODAY)[p["eve"]].state == "unresponsive"


def _db(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    def seed(conn: Connection) -> dict[str, int]:
        net = Net(conn)
        return {
            "formula": net.person("=HYPERLINK(\"http://x\") Evil", company="+Acme", connected_on=date(2015, 1, 1)),
            "old": net.person("Old Friend", company="Past", connected_on=date(2015, 1, 1)),
            "keep": net.person("Kept Person", connected_on=date(2015, 1, 1)),
        }

    db = tmp_path / "p.db"
    return db, database_file(db, seed)


def _run(db: Path, *args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], input=input, catch_exceptions=False)
    return result.exit_code, result.output


def test_cli_list_csv_flags_and_bulk_confirmation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", TODAY.isoformat())
    db, p = _db(tmp_path)
    code, out = _run(db, "prune", "--json")
    assert code == 0
    data = json.loads(out)
    assert {c["person_id"] for c in data["candidates"]} == set(p.values())
    out_csv = tmp_path / "prune.csv"
    code, out = _run(db, "prune", "--csv", str(out_csv))
    assert code == 0
    assert "wrote 3 candidates" in out
    with open(out_csv, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    evil = next(r for r in rows if "Evil" in r["name"])
    assert evil["name"].startswith("'=")
    assert evil["company"] == "'+Acme"
    assert all(r["profile_url"].startswith("https://www.linkedin.com/in/") for r in rows)
    code, out = _run(db, "prune", "--keep", "Kept Person", "--hide", f"#{p['old']}")
    assert code == 0
    assert "keep: Kept Person" in out
    code, out = _run(db, "prune", "--all-hide")
    assert code != 0
    assert "nothing was changed" in out
    code, out = _run(db, "prune", "--json")
    assert [c["person_id"] for c in json.loads(out)["candidates"]] == [p["formula"]]
    code, out = _run(db, "prune", "--all-hide", "--yes")
    assert code == 0
    assert "hid 1 connection" in out
    code, out = _run(db, "prune", "--json")
    assert json.loads(out)["candidates"] == []


def test_review_without_a_terminal_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", TODAY.isoformat())
    db, _p = _db(tmp_path)
    code, out = _run(db, "prune", "--review", input="h\nh\nh\n")
    assert code == 0
    assert "nothing changed" in out
    code, out = _run(db, "prune", "--json")
    assert len(json.loads(out)["candidates"]) == 3


def test_review_with_a_terminal_reads_one_key_per_candidate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", TODAY.isoformat())
    monkeypatch.setattr("twoway.cli.prune.stdin_is_tty", lambda: True)
    db, _p = _db(tmp_path)
    code, out = _run(db, "prune", "--review", input="xhkq")  # x is ignored; the third candidate is left
    assert code == 0, out
    assert "kept 1, hid 1, marked 0" in out
    code, out = _run(db, "prune", "--json")
    assert len(json.loads(out)["candidates"]) == 1
