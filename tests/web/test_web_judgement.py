"""The judgement rules on the API: the week's budget and what waits, the dormant review and its bulk hide, and each
message's reading on the person page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web_support import WebClient, add_person, seeded_web
from twoway.store import Store

Setup = tuple[WebClient, Store, dict[str, int]]


@pytest.fixture
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Setup]:
    monkeypatch.setenv("TWOWAY_TODAY", "2026-11-20")
    with seeded_web(str(tmp_path / "t.db")) as setup:
        yield setup


def test_the_week_says_its_budget_and_all_shows_what_waits(setup: Setup) -> None:
    client, _store, _ids = setup
    week = client.get("/api/week").json()
    assert week["budget"] == 25
    assert len(week["items"]) <= week["budget"]
    client.api("PUT", "/api/settings/weekly_items", json={"value": 1})
    small = client.get("/api/week").json()
    everything = client.get("/api/week", params={"all": "true"}).json()
    assert len(small["items"]) == 1
    assert small["waiting"] == len(everything["items"]) - 1 > 0


def test_the_dormant_review_and_its_bulk_hide(setup: Setup) -> None:
    client, store, ids = setup
    with store.begin() as conn:
        for n, year in enumerate((2016, 2016, 2018)):
            add_person(conn, ids["owner"], f"Dormant Person {n}", company="Old Co", connected_on=f"{year}-05-05")
    client.web.cache.bump()  # a write from outside the app
    review = client.get("/api/dormant").json()
    assert review["older_than_years"] == 3
    years = [y["year"] for y in review["years"]]
    assert years == [2016, 2018]
    assert review["years"][0]["count"] == 2
    hidden = client.api("POST", "/api/dormant/hide", json={"years": years[:1]}).json()
    assert hidden["hidden"] == review["years"][0]["count"]
    after = client.get("/api/dormant").json()
    assert years[0] not in [y["year"] for y in after["years"]]
    assert client.api("POST", "/api/dormant/hide", json={"years": []}).status_code == 422


def test_each_message_shows_its_reading_and_language(setup: Setup) -> None:
    client, _store, ids = setup
    detail = client.get(f"/api/people/{ids['grace']}").json()
    asked = [m for m in detail["interactions"] if m["direction"] == "in"]
    assert asked
    assert asked[0]["reading"] == "question"
    assert asked[0]["language"] == "en"
    assert ">question</span>" in client.get(f"/people/{ids['grace']}").text
