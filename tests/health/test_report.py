"""One chart selection: report.figures() draws the health plots for the HTML report and the dashboard alike."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.network_builder import Net
from tests.web_support import WebClient
from twoway.health import Health, Rate, compute_health
from twoway.health.render import Figure, figures, render_report
from twoway.store import Store, open_store
from twoway.web import create_app

TODAY = date(2024, 6, 12)
CORE = ["states", "coverage", "rates", "size", "per_year", "per_month"]


def health(**changes: Any) -> Health:
    base: dict[str, Any] = dict(
        as_of=TODAY, size=3, stage="young", stage_label="young professional", stage_range=(300, 500),
        size_verdict="below", size_text="3 connections", states={"two_way": 1, "due": 2},
        shares={"two_way": 1 / 3}, replies_owed=0, coverage={"year": 2024, "reached": 1, "of": 3, "share": 1 / 3},
        you_answer=Rate(1, 2), they_answer=Rate(2, 4),
        rates_by_year={2023: (Rate(1, 2), Rate(1, 1)), 2024: (Rate(0, 0), Rate(1, 3))},
        per_year={2022: 1, 2024: 2}, per_month={"2024-01": 1, "2024-05": 1},
    )
    base.update(changes)
    return Health(**base)


def test_figures_are_titled_svgs_in_reading_order() -> None:
    out = figures(health())
    assert [f.key for f in out] == CORE
    for f in out:
        assert isinstance(f, Figure)
        title, svg = f.title, f.svg
        assert svg.lstrip().startswith("<svg")
        assert title  # every figure is named, for anchors and captions
    assert out[1].title == "Check-in coverage in 2024"


def test_acceptance_is_plotted_only_when_invitations_were_measured() -> None:
    section = {"title": "Invitations", "data": {"by_note": {"personalised": {"rate": 0.5}, "blank": {"rate": 0.2}}}}
    with_invites = figures(health(extra_sections=[section]))
    assert [f.key for f in with_invites] == [*CORE, "acceptance"]
    acceptance = with_invites[-1].svg
    assert "personalised" in acceptance
    assert "blank" in acceptance
    empty = {"title": "Invitations", "data": {"by_note": {}}}
    assert [f.key for f in figures(health(extra_sections=[empty]))] == CORE


def test_hostile_labels_are_escaped_in_the_figures() -> None:
    out = figures(health(per_month={"<script>": 1}))
    month = next(f.svg for f in out if f.key == "per_month")
    assert "<script>" not in month
    assert "&lt;script&gt;" in month


def test_report_and_overview_show_the_same_figures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", TODAY.isoformat())
    db = str(tmp_path / "r.db")
    store: Store = open_store(db)
    with store.begin() as conn:
        net = Net(conn)
        pal = net.person("Pal Active", connected_on=date(2020, 5, 1))
        net.msg(pal, "out", date(2024, 5, 1))
        net.msg(pal, "in", date(2024, 5, 2))
        net.person("Nev Ercontacted", connected_on=date(2023, 3, 1))
    with store.connect() as conn:
        h = compute_health(conn, 1, today=TODAY)
    chosen = figures(h)
    report = render_report(h, owner="Grace Hopper")
    assert report.count("<svg") == len(chosen)
    for f in chosen:
        assert f'id="figure-{f.key}"' in report
    with WebClient(create_app(db)) as client:
        overview = client.get("/").text
    shown = re.findall(r'<figure class="chart" id="chart-([a-z_]+)"', overview)
    assert shown == [f.key for f in chosen]
    store.close()
