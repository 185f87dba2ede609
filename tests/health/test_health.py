"""Health figures from states and history; the HTML report is self-contained and escapes everything."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.network_builder import Net, database_file, ts
from twoway.cli import cli
from twoway.health import compute_health, reply_rates, size_against_stage
from twoway.health.render import figures, render_report
from twoway.history import Event, from_events
from twoway.settings import Settings
from twoway.store import Store

TODAY = date(2024, 6, 12)


def _days(n: int) -> date:
    return TODAY - timedelta(days=n)


@pytest.mark.parametrize(("size", "stage", "verdict"), [
    (40, "student", "below"), (50, "student", "within"), (101, "student", "above"),
    (250, "graduate", "within"), (499, "young", "within"), (700, "established", "within"),
    (499, "established", "below"), (30000, "executive", "within"), (999, "executive", "below"),
])
def test_size_against_career_stage(size: int, stage: str, verdict: str) -> None:
    assert size_against_stage(size, stage)[0] == verdict


def test_reply_rates_count_turns_both_ways() -> None:
    def e(direction: str, day: int, kind: str = "message") -> Event:
        return Event(direction, ts(date(2023, 1, 1) + timedelta(days=day)), kind)

    h = from_events({
        1: [e("in", 0), e("in", 1), e("out", 2), e("in", 3)],  # their turns: 2 (1 answered); yours: 1 answered
        2: [e("out", 0), e("out", 9)],  # your turn: 1, unanswered
        3: [e("in", 0), e("out", 1, "meeting")],  # a meeting answers their message
    })
    you, they, by_year = reply_rates(h)
    assert (you.answered, you.of) == (2, 3)
    assert (they.answered, they.of) == (1, 2)
    assert by_year[2023][0].of == 3
    assert reply_rates(from_events({}))[0].rate is None


def populate(net: Net) -> dict[str, int]:
    p = {}
    p["pal"] = net.person("Pal Active", connected_on=date(2020, 5, 1))
    net.msg(p["pal"], "out", _days(30))
    net.msg(p["pal"], "in", _days(29), kind="meeting")
    p["owe"] = net.person("Owe Me", connected_on=date(2021, 5, 1))
    net.msg(p["owe"], "in", _days(10))
    p["eve"] = net.person("Eve Quiet", connected_on=date(2022, 1, 1))
    for ago in (40, 30, 20):
        net.msg(p["eve"], "out", _days(ago))
    p["nev"] = net.person("Nev Ercontacted", connected_on=date(2022, 3, 1))
    p["<b>"] = net.person("<script>alert(1)</script> Mallory", connected_on=date(2023, 3, 1))
    return p


def test_health_from_the_database(any_store: Store) -> None:
    with any_store.begin() as conn:
        populate(Net(conn))
    with any_store.connect() as conn:
        h = compute_health(conn, 1, today=TODAY, settings=Settings().with_values(career_stage="student"))
    assert h.size == 5
    assert h.size_verdict == "below"
    assert h.states["unresponsive"] == 1
    assert h.states["owe_reply"] == 1
    assert h.replies_owed == 1
    assert h.shares["two_way"] == pytest.approx(1 / 5)  # Pal answered within the cadence
    assert h.shares["unresponsive"] == pytest.approx(1 / 5)
    assert h.shares["never_contacted"] == pytest.approx(2 / 5)
    assert h.coverage["reached"] == 2  # Pal and Eve were written to this year
    assert h.per_year == {2020: 1, 2021: 1, 2022: 2, 2023: 1}
    assert len(h.per_month) == 25
    assert h.per_month["2023-03"] == 1
    assert (h.they_answer.answered, h.they_answer.of) == (1, 2)
    assert (h.you_answer.answered, h.you_answer.of) == (0, 1)
    # Acceptance rates come from the invitations module through the hook.
    assert [sec["title"] for sec in h.extra_sections] == ["Invitations: personalised against blank notes"]


def test_report_is_self_contained_and_escaped(any_store: Store) -> None:
    with any_store.begin() as conn:
        populate(Net(conn))
    with any_store.connect() as conn:
        h = compute_health(conn, 1, today=TODAY)
    h.extra_sections.append({"title": "Invites <i>", "lines": ["<img src=x onerror=alert(1)>"],
                             "table": {"columns": ["kind", "rate"], "rows": [["<b>blank</b>", "20%"]]}})
    html = render_report(h, owner="Grace <Hopper> & Co")
    assert "<script" not in html.lower()
    assert "<img" not in html
    assert "Grace &lt;Hopper&gt; &amp; Co" in html
    assert "&lt;b&gt;blank&lt;/b&gt;" in html
    assert html.count("<svg") == len(figures(h))  # the plots report.figures chooses (shared with the Overview)
    assert not re.search(r"(src|href)=\"https?:", html)  # nothing fetched from the network
    assert "established professional" in html


def test_cli_health(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", TODAY.isoformat())
    db = tmp_path / "h.db"
    database_file(db, lambda conn: populate(Net(conn)))
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "health", "--json"], catch_exceptions=False)
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["size"] == 5
    assert data["states"]["unresponsive"] == 1
    report = tmp_path / "h.html"
    result = runner.invoke(cli, ["--db", str(db), "health", "--html", str(report)], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Network health" in result.output
    assert report.read_text(encoding="utf-8").startswith("<!doctype html>")
