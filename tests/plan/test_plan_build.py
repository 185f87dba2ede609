"""The weekly plan from a real database: states, strengths, job changes, snoozes, drafts and the calendar."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.network_builder import Net, database_file
from twoway.cli import cli
from twoway.plan import build_week, snooze
from twoway.plan import calendar as calendar_ics
from twoway.prune import decide
from twoway.settings import Settings
from twoway.store import Store

TODAY = date(2024, 6, 12)  # a Wednesday
MONDAY = date(2024, 6, 10)


def _days(n: int) -> date:
    return TODAY - timedelta(days=n)


def populate(net: Net) -> dict[str, int]:
    p: dict[str, int] = {}
    p["ada"] = net.person("Ada Lovelace", company="Analytical Engines", position="CTO", connected_on=date(2020, 1, 5))
    net.msg(p["ada"], "out", date(2023, 1, 10), subject="Compiler talk")
    net.msg(p["ada"], "in", date(2023, 1, 11))
    net.note(p["ada"], "Met at PyCon 2019")
    p["bob"] = net.person("Bob Stone", company="Quarry", connected_on=date(2021, 3, 1))
    net.msg(p["bob"], "out", _days(40))
    net.msg(p["bob"], "in", _days(5), content="Could you send me the slides?")
    p["cyd"] = net.person("Cyd Park", company="Parks", connected_on=_days(5))
    net.invitation(p["cyd"], "out", _days(9), "Hi Cyd, enjoyed your talk")
    p["dee"] = net.person("Dee Ray", connected_on=_days(3))
    net.invitation(p["dee"], "in", _days(4), "")
    p["eve"] = net.person("Eve Quiet", company="Silence", connected_on=date(2019, 1, 1))
    for ago in (40, 30, 20):
        net.msg(p["eve"], "out", _days(ago))
    p["fay"] = net.person("Fay Wait", company="Later Ltd", connected_on=date(2019, 1, 1))
    net.msg(p["fay"], "out", date(2023, 2, 1))
    net.msg(p["fay"], "in", date(2023, 2, 2))
    net.msg(p["fay"], "out", date(2023, 2, 3))  # answering them is not an attempt
    net.msg(p["fay"], "out", _days(8))  # this check-in is
    p["gus"] = net.person("Gus Hidden", connected_on=date(2019, 1, 1))
    net.decision(p["gus"], "prune", "hide", _days(30))
    p["hal"] = net.person("Hal Gone", connected_on=date(2019, 1, 1))
    net.decision(p["hal"], "prune", "remove", _days(30))
    p["ivy"] = net.person("Ivy Rise", company="NewCo", position="VP Data", connected_on=date(2020, 1, 1))
    net.msg(p["ivy"], "out", _days(100))
    net.msg(p["ivy"], "in", _days(99), kind="meeting")
    net.job(p["ivy"], "OldCo", "Analyst", date(2023, 1, 1))
    net.job(p["ivy"], "NewCo", "VP Data", _days(12))
    p["jon"] = net.person("Jon Snooze", connected_on=date(2018, 1, 1))
    net.decision(p["jon"], "snooze", "snooze", _days(1), until=date(2024, 7, 1))
    p["kim"] = net.person("Kim Never", company="Quiet Co", connected_on=date(2019, 6, 1))
    return p


@pytest.fixture
def filled(any_store: Store) -> tuple[Store, dict[str, int]]:
    with any_store.begin() as conn:
        ids = populate(Net(conn))
    return any_store, ids


def test_build_week_end_to_end(filled: tuple[Store, dict[str, int]]) -> None:
    store, p = filled
    with store.connect() as conn:
        plan = build_week(conn, 1, today=TODAY,
                          settings=Settings().with_values(weekly_checkins=5, congratulate_min_strength=0))
    kinds = {item.person_id: item.kind for item in plan.items}
    assert kinds == {p["bob"]: "reply", p["cyd"]: "thank", p["dee"]: "follow_up", p["fay"]: "retry",
                     p["ivy"]: "congratulate", p["kim"]: "reintroduce", p["ada"]: "check_in"}
    assert plan.week_start == MONDAY
    order = [item.kind for item in plan.items]
    assert order == ["reply", "thank", "follow_up", "retry", "check_in", "reintroduce", "congratulate"]
    items = {item.person_id: item for item in plan.items}
    assert all(item.day >= TODAY for item in plan.items)  # nothing planned in the days already gone
    assert items[p["ada"]].day <= items[p["kim"]].day  # ties with history first; Kim never spoke
    assert "we connected here back in June 2019 and, I realise, never actually spoke" in items[p["kim"]].draft.replace(
        "We connected", "we connected")
    ada = items[p["ada"]]
    assert ada.name == "Ada Lovelace"
    assert ada.company == "Analytical Engines"
    assert ada.url
    assert ada.url.startswith("https://www.linkedin.com/in/")
    assert "Hi Ada," in ada.draft
    assert "Grace" in ada.draft
    assert "I owe you an answer to your message of 11 January" in ada.draft  # her reply was never answered
    assert "Compiler talk" in ada.draft
    assert "VP Data at NewCo" in items[p["ivy"]].draft
    assert "accepting my invitation" in items[p["cyd"]].draft
    assert items[p["fay"]].template == "second_attempt"
    assert "Fay" in items[p["fay"]].draft
    assert items[p["ada"]].strength is not None


def test_hidden_and_removed_leave_the_plan(filled: tuple[Store, dict[str, int]]) -> None:
    store, p = filled
    s = Settings().with_values(weekly_checkins=50)
    with store.begin() as conn:
        before = {i.person_id for i in build_week(conn, 1, today=TODAY, settings=s).items}
        assert p["kim"] in before
        assert p["ada"] in before
        decide(conn, 1, p["kim"], "hide")
        decide(conn, 1, p["ada"], "remove")
        snooze(conn, 1, p["bob"], TODAY + timedelta(days=30), today=TODAY)
    with store.connect() as conn:
        after = {i.person_id for i in build_week(conn, 1, today=TODAY, settings=s).items}
    assert after == before - {p["kim"], p["ada"], p["bob"]}
    for gone in ("gus", "hal", "eve", "jon"):
        assert p[gone] not in after


def test_next_week_and_calendar(filled: tuple[Store, dict[str, int]], tmp_path: Path) -> None:
    store, _ = filled
    with store.connect() as conn:
        plan = build_week(conn, 1, today=TODAY, week_of=MONDAY + timedelta(days=7),
                          settings=Settings().with_values(weekly_checkins=5))
    assert plan.week_start == MONDAY + timedelta(days=7)
    assert all(plan.week_start <= i.day <= plan.week_end for i in plan.items)
    events = calendar_ics.week_events(plan)
    assert len(events) == len(plan.items)
    assert len({e.uid for e in events}) == len(events)
    per_day = calendar_ics.week_events(plan, per="day")
    assert sum(e.description.count("\n\n1. ") + 1 for e in per_day) >= len(per_day)
    assert {e.day for e in per_day} == {i.day for i in plan.items}


def _cli(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False, env={"COLUMNS": "250"})
    return result.exit_code, result.output


def test_cli_week_snooze_and_drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", TODAY.isoformat())
    db = tmp_path / "t.db"
    p = database_file(db, lambda conn: populate(Net(conn)))
    code, out = _cli(db, "week", "--json")
    assert code == 0, out
    data = json.loads(out)
    assert data["week_start"] == MONDAY.isoformat()
    kinds = {i["person"]["id"]: i["kind"] for i in data["items"]}
    assert kinds[p["bob"]] == "reply"
    assert p["gus"] not in kinds
    ics = tmp_path / "week.ics"
    code, out = _cli(db, "week", "--ics", str(ics), "--drafts")
    assert code == 0, out
    assert "Bob Stone" in out
    assert "── Check in with Ada Lovelace" in out
    assert "Hi Ada," in out
    raw = ics.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n")
    assert raw.count(b"BEGIN:VEVENT") == len(data["items"])
    first = data["items"][0]["person"]["name"]
    last = data["items"][-1]["person"]["name"]
    code, out = _cli(db, "week", "--limit", "1")
    assert code == 0, out
    assert first in out
    assert last not in out
    assert f"showing the first 1 of {len(data['items'])}" in " ".join(out.split())
    code, out = _cli(db, "week", "--limit", "1", "--all")
    assert last in out
    code, out = _cli(db, "snooze", "Ada Lovelace", "--until", "2024-09-01")
    assert code == 0
    assert "snoozed until 2024-09-01" in out
    code, out = _cli(db, "week", "--json")
    assert p["ada"] not in {i["person"]["id"] for i in json.loads(out)["items"]}
    code, out = _cli(db, "snooze", "Ada Lovelace", "--wake")
    assert code == 0
    assert p["ada"] in {i["person"]["id"] for i in json.loads(_cli(db, "week", "--json")[1])["items"]}
    code, out = _cli(db, "snooze", "Ada Lovelace", "--until", "2020-01-01")
    assert code != 0
    assert "after today" in out
    code, out = _cli(db, "drafts", "write", "check_in", "Ada")
    assert code == 0
    assert out.startswith("Hi Ada,")
    code, out = _cli(db, "drafts", "write", "congratulate", "Ivy Rise")
    assert "VP Data at NewCo" in out
    code, out = _cli(db, "drafts", "--edit-folder")
    assert code == 0
    assert "copied" in out
    code, out = _cli(db, "drafts", "--json")
    listing = json.loads(out)
    assert {t["kind"] for t in listing["templates"]} >= {"check_in", "reconnect"}
    assert all(t["source"] == "edited" for t in listing["templates"] if t["kind"] == "check_in")


def test_each_reason_says_it_once_in_words_and_matches_its_kind(filled: tuple[Store, dict[str, int]]) -> None:
    import re

    store, p = filled
    with store.connect() as conn:
        plan = build_week(conn, 1, today=TODAY, settings=Settings().with_values(weekly_checkins=5))
    by_pid = {item.person_id: item for item in plan.items}
    for item in plan.items:
        shown = item.reason + (f"; {item.why_now}" if item.why_now else "")
        assert not re.search(r"\d{4}-\d\d-\d\d", shown), shown  # dates in words only
        for when in set(re.findall(r"\d{1,2} [A-Z][a-z]{2} \d{4}", shown)):
            assert shown.count(when) == 1, shown  # no date said twice
    reply = by_pid[p["bob"]]
    assert reply.reason == "Their question of 7 Jun 2024 waits for your answer (5 days ago)"
    assert reply.why_now == ""
    assert by_pid[p["cyd"]].reason.endswith(": thank them")
    follow = by_pid[p["dee"]]
    assert follow.reason == "You connected on 9 Jun 2024 (3 days ago), nothing said yet: follow up"
    assert "thank" not in follow.reason
