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
from twoway.plan import build_week
from twoway.prune import PruneFacts, decide, dormant, find_candidates, hide_dormant, reasons_for
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


def test_never_a_word_alone_is_no_reason() -> None:
    assert codes(_v(last_contact=date(2022, 1, 3)), PruneFacts(messages_in=2)) == []
    assert codes(_v("never_contacted", connected_on=date(2015, 6, 1)), PruneFacts()) == []
    assert codes(_v("new", connected_on=_days(3)), PruneFacts()) == []


def test_unresponsive_pitches_unanswered_reintroduction_focus_soured() -> None:
    assert "unresponsive" in codes(_v("unresponsive", attempts=3, last_contact=_days(20)), PruneFacts())
    pitches = reasons_for(_v("never_contacted", pitch_only=True), PruneFacts(messages_in=3, pitches_in=3),
                          Settings(), TODAY)
    assert [r.code for r in pitches] == ["pitches"]
    assert pitches[0].text == "only pitches: all 3 of their messages were pitches, never answered"
    reintro = _v("due", attempts=1, last_attempt_on=_days(90), connected_on=date(2024, 1, 3))
    found = reasons_for(reintro, PruneFacts(blank_invitation_on=date(2024, 1, 3)), Settings(), TODAY)
    assert [r.code for r in found] == ["reintro_unanswered"]
    assert found[0].text == ("you accepted their blank invitation (3 Jan 2024), you wrote on 14 Mar 2024 "
                             "(attempt 1) and they have never written back")
    assert codes(replace_v(reintro, state="awaiting_reply"), PruneFacts()) == []  # still within the retry window
    assert codes(replace_v(reintro, last_in=_days(400)), PruneFacts()) == []  # they answered once: not a stranger
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


def replace_v(v: Verdict, **kw: Any) -> Verdict:
    fields = {name: getattr(v, name) for name in ("person_id", "state", "attempts", "next_try_on", "last_in",
                                                  "last_out", "last_two_way", "due_on", "connected_on",
                                                  "cadence_days", "last_attempt_on", "pitch_only")}
    fields.update(kw)
    return _v(**fields)


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
        for ago in (300, 200, 100):  # unanswered three times, and still never suggested
            net.msg(p["mom"], "out", _days(ago))
        p["spam"] = net.person("Sal Pitch", company="Leads4U", position="Growth hacker", connected_on=date(2023, 1, 1))
        net.msg(p["spam"], "in", _days(50), "Book a quick call: https://calendly.com/sal to grow your revenue")
        net.msg(p["spam"], "in", _days(20), "Following up on our lead generation services offer, 15 minute call?")
        p["blank"] = net.person("Bea Blank", company="Somewhere", connected_on=_days(60))
        net.invitation(p["blank"], "in", _days(61), "")
        p["pal"] = net.person("Pal Active", company="Friends", connected_on=date(2020, 1, 1))
        net.msg(p["pal"], "out", _days(30))
        net.msg(p["pal"], "in", _days(29), kind="meeting")
        p["sour"] = net.person("Sid Sour", company="Rivals", connected_on=date(2020, 1, 1))
        net.msg(p["sour"], "in", _days(10), kind="meeting")
        net.decision(p["sour"], "relationship", "soured", _days(5))
        p["stranger"] = net.person("Stan Ger", company="Elsewhere", connected_on=date(2019, 1, 1))
        net.invitation(p["stranger"], "in", date(2018, 12, 30), "")
        net.msg(p["stranger"], "out", _days(120), "Hi Stan, we connected back in 2019 and never spoke. What are "
                                                  "you working on these days?")
        for i in range(5):  # accepted on one day: that says nothing about them
            pid = net.person(f"Batch Member {'ABCDE'[i]}", company="Somewhere", connected_on=_days(30))
            net.invitation(pid, "in", _days(31), "")
            p[f"bot{i}"] = pid
        p["fake"] = net.person("Zz 4", connected_on=_days(30), url="https://www.linkedin.com/in/q0192837465")
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
    assert p["old"] not in by_pid  # silent for years: no evidence against them
    assert reasons[p["spam"]] == {"pitches"}  # a real company and position: one signal, not fake
    assert p["blank"] not in by_pid  # a blank invitation and never a word: a re-introduction comes first
    assert reasons[p["stranger"]] == {"reintro_unanswered"}
    assert reasons[p["sour"]] == {"soured"}
    for i in range(5):
        assert p[f"bot{i}"] not in by_pid  # accepted in a batch by the owner: nothing about them
    assert reasons[p["fake"]] == {"suspicious"}
    # most reasons first
    counts = [len(c.reasons) for c in listing.candidates]
    assert counts == sorted(counts, reverse=True)
    assert by_pid[p["eve"]].url is not None


def test_decisions_hide_keep_remove(net_store: tuple[Store, dict[str, int]]) -> None:
    store, p = net_store
    with store.begin() as conn:
        decide(conn, 1, p["eve"], "hide")
        decide(conn, 1, p["stranger"], "keep")
        decide(conn, 1, p["spam"], "remove")
    with store.connect() as conn:
        listing = find_candidates(conn, 1, today=TODAY)
        states = compute_states(conn, 1, today=TODAY)
        with_kept = find_candidates(conn, 1, today=TODAY, include_kept=True)
    shown = {c.person_id for c in listing.candidates}
    assert not shown & {p["eve"], p["stranger"], p["spam"]}
    assert listing.kept_skipped == 1
    assert p["stranger"] in {c.person_id for c in with_kept.candidates}
    assert states[p["eve"]].state == "hidden"
    assert states[p["spam"]].state == "removed"
    with store.begin() as conn:
        decide(conn, 1, p["eve"], "keep")  # keeping someone hidden brings them back
    with store.connect() as conn:
        assert compute_states(conn, 1, today=TODAY)[p["eve"]].state == "unresponsive"


def _db(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    def seed(conn: Connection) -> dict[str, int]:
        net = Net(conn)
        found = {
            "formula": net.person("=HYPERLINK(\"http://x\") Evil", company="+Acme", connected_on=date(2015, 1, 1)),
            "old": net.person("Old Friend", company="Past", connected_on=date(2015, 1, 1)),
            "keep": net.person("Kept Person", connected_on=date(2015, 1, 1)),
        }
        for pid in found.values():  # three unanswered attempts each: unresponsive, on evidence
            for ago in (300, 200, 100):
                net.msg(pid, "out", _days(ago))
        return found

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


def test_nobody_is_in_this_weeks_plan_and_the_prune_list_at_once(net_store: tuple[Store, dict[str, int]]) -> None:
    store, p = net_store
    with store.begin() as conn:
        # Soured, but the owner wrote since: the plan would not pick them (soured leaves the plan) either way.
        decide(conn, 1, p["pal"], "soured")
    with store.connect() as conn:
        planned = {i.person_id for i in build_week(conn, 1, today=TODAY, all_items=True, with_drafts=False).items}
        listed = {c.person_id for c in find_candidates(conn, 1, today=TODAY).candidates}
    assert planned
    assert not planned & listed
    assert p["pal"] in listed
    assert p["pal"] not in planned


def test_the_dormant_review_groups_the_never_spoken_with_by_year_and_hides_a_year(
        net_store: tuple[Store, dict[str, int]]) -> None:
    store, p = net_store
    with store.connect() as conn:
        review = dormant(conn, 1, today=TODAY)
    years = {y.year: set(y.person_ids) for y in review.years}
    assert p["old"] not in years.get(2015, set())  # they spoke in 2020
    assert p["mom"] not in years.get(2015, set())  # protected
    assert all(y <= TODAY.year - 3 for y in years)
    with store.begin() as conn:
        hidden = hide_dormant(conn, 1, [2019])
    with store.connect() as conn:
        states = compute_states(conn, 1, today=TODAY)
    assert hidden == len(years.get(2019, set()))
    assert all(states[pid].state == "hidden" for pid in years.get(2019, set()))
