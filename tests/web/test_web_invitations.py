"""The Invitations page and its API twin: triage with reasons, decisions and withdrawals persist."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web_support import XSS, WebClient, seeded_web
from twoway import invitations
from twoway.store import Store


@pytest.fixture
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[WebClient, Store, dict[str, int]]]:
    monkeypatch.setenv("TWOWAY_TODAY", "2026-11-20")
    with seeded_web(str(tmp_path / "t.db")) as setup:
        yield setup


def test_api_lists_incoming_with_recommendation_and_reasons(setup: tuple[WebClient, Store, dict[str, int]]) -> None:
    client, _store, ids = setup
    view = client.get("/api/invitations").json()
    incoming = {i["person_id"]: i for i in view["incoming"]}
    assert ids["stranger"] in incoming
    item = incoming[ids["stranger"]]
    assert item["recommendation"] in ("accept", "accept_and_follow_up", "review", "ignore")
    assert item["reasons"]
    assert all({"key", "effect", "text"} <= set(r) for r in item["reasons"])
    outgoing = {i["person_id"]: i for i in view["outgoing"]}
    assert outgoing[ids["invitee"]]["recommendation"] == "withdraw"  # pending for 80 days
    assert view["budget"]["limit"] == 100


def test_page_shows_the_same_items_escaped(setup: tuple[WebClient, Store, dict[str, int]]) -> None:
    client, _store, ids = setup
    html = client.get("/invitations").text
    assert XSS not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert f'action="/invitations/incoming/{ids["stranger"]}/decision"' in html
    assert f'action="/invitations/outgoing/{ids["invitee"]}/withdraw"' in html


def test_decision_from_the_page_persists(setup: tuple[WebClient, Store, dict[str, int]]) -> None:
    client, store, ids = setup
    response = client.form(f"/invitations/incoming/{ids['stranger']}/decision", {"verdict": "ignore"})
    assert response.status_code == 303
    assert response.headers["location"] == "/invitations?done=decided"
    with store.connect() as conn:
        got = invitations.list_invitations(conn, ids["owner"], direction="in", person_id=ids["stranger"])
    assert got[0].decision == "ignore"


def test_decision_and_withdrawal_through_the_api(setup: tuple[WebClient, Store, dict[str, int]]) -> None:
    client, store, ids = setup
    decided = client.api("POST", f"/api/invitations/incoming/{ids['stranger']}/decision", json={"verdict": "accept"})
    assert decided.status_code == 200
    assert decided.json()["decision"] == "accept"
    bad = client.api("POST", f"/api/invitations/incoming/{ids['stranger']}/decision", json={"verdict": "maybe"})
    assert bad.status_code == 422
    withdrawn = client.api("POST", f"/api/invitations/outgoing/{ids['invitee']}/withdraw", json={})
    assert withdrawn.status_code == 200
    assert withdrawn.json()["status"] == "withdrawn"
    again = client.api("POST", f"/api/invitations/outgoing/{ids['invitee']}/withdraw", json={})
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "conflict"
    with store.connect() as conn:
        sent = invitations.list_invitations(conn, ids["owner"], direction="out", person_id=ids["invitee"])
    assert sent[0].status == "withdrawn"
