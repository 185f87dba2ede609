"""Team mode in the dashboard: one member's pages never change people who are only another member's."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text

from tests.graph.test_graph_network import Team, add_person, build_team
from tests.web_support import WebClient, add_invitation, add_message
from twoway.graph import cache
from twoway.people import owners
from twoway.store import Store
from twoway.web import create_app

WRITES: list[tuple[str, dict[str, object]]] = [
    ("tags", {"tags": ["inner circle"]}),
    ("notes", {"body": "Met at the conference"}),
    ("log", {"kind": "message", "direction": "out"}),
    ("snooze", {"until": "2027-01-01"}),
    ("decision", {"verdict": "hide"}),
]
FORMS: list[tuple[str, dict[str, str]]] = [
    ("tags", {"tags": "inner circle"}),
    ("tags/remove", {"tag": "inner circle"}),
    ("notes", {"body": "Met at the conference"}),
    ("log", {"kind": "message", "direction": "out"}),
    ("snooze", {"until": "2027-01-01"}),
    ("decision", {"verdict": "hide"}),
]
OWNED_TABLES = ("tags", "notes", "interactions", "decisions")


@pytest.fixture
def alice(any_store: Store) -> Iterator[tuple[WebClient, Team]]:
    """Alice's dashboard over a database that also holds Bob's and Carol's networks."""
    cache.clear()
    team = build_team(any_store)
    with WebClient(create_app(any_store.url, owner="Alice Archer")) as client:
        yield client, team
    cache.clear()


def _rows(store: Store) -> dict[str, int]:
    with store.connect() as conn:
        return {t: int(conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one()) for t in OWNED_TABLES}


@pytest.mark.parametrize(("action", "body"), WRITES)
def test_api_refuses_a_person_who_is_only_another_members(alice: tuple[WebClient, Team], action: str,
                                                          body: dict[str, object]) -> None:
    client, team = alice
    zoe = team.people["Zoe Zhang"]  # Carol's connection, nothing to do with Alice
    before = _rows(team.store)
    response = client.api("POST", f"/api/people/{zoe}/{action}", json=body)
    assert response.status_code == 404
    error = response.json()["error"]
    assert error == {"code": "not_found", "status": 404, "message": error["message"]}
    assert "not in your network" in error["message"]
    assert _rows(team.store) == before
    untag = client.api("DELETE", f"/api/people/{zoe}/tags/x")
    assert untag.status_code == 404


@pytest.mark.parametrize(("action", "fields"), FORMS)
def test_pages_refuse_with_a_404_page(alice: tuple[WebClient, Team], action: str, fields: dict[str, str]) -> None:
    client, team = alice
    before = _rows(team.store)
    response = client.form(f"/people/{team.people['Walt White']}/{action}", fields)
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "not in your network" in response.text
    assert _rows(team.store) == before


def test_own_people_still_take_every_action(alice: tuple[WebClient, Team]) -> None:
    client, team = alice
    sam = team.people["Sam Shared"]  # Alice's connection (and Bob's)
    for action, body in WRITES:
        assert client.api("POST", f"/api/people/{sam}/{action}", json=body).status_code in (200, 201), action
    with team.store.connect() as conn:
        owners_of_notes = conn.execute(text("SELECT DISTINCT owner_id FROM notes")).scalars().all()
    assert owners_of_notes == [team.owners["Alice Archer"]]


def test_a_conversation_or_an_invitation_is_a_relation(alice: tuple[WebClient, Team]) -> None:
    client, team = alice
    me = team.owners["Alice Archer"]
    with team.store.begin() as conn:
        pen_pal = add_person(conn, "Pen Pal")
        invitee = add_person(conn, "Ivy Invitee")
        stranger = add_person(conn, "Total Stranger")
        add_message(conn, me, pen_pal, "in", "2026-01-05", "Hello!")
        add_invitation(conn, me, invitee, "out", "2026-02-01", "Hi Ivy", "Ivy Invitee")
        assert owners.is_related(conn, me, pen_pal)
        assert owners.is_related(conn, me, invitee)
        assert not owners.is_related(conn, me, stranger)
        assert not owners.is_related(conn, me, team.people["Zoe Zhang"])
        assert owners.is_related(conn, team.owners["Carol Cole"], team.people["Zoe Zhang"])
    for pid in (pen_pal, invitee):
        assert client.api("POST", f"/api/people/{pid}/notes", json={"body": "ok"}).status_code == 201
    assert client.api("POST", f"/api/people/{stranger}/notes", json={"body": "no"}).status_code == 404
    nobody = client.api("POST", "/api/people/999999/notes", json={"body": "no"})
    assert nobody.status_code == 404
    assert "nobody with id" in nobody.json()["error"]["message"]


def test_person_page_of_another_members_person_offers_no_actions(alice: tuple[WebClient, Team]) -> None:
    client, team = alice
    html = client.get(f"/people/{team.people['Zoe Zhang']}").text
    assert "Not in your network" in html
    assert 'action="/people/' not in html
    assert 'id="network-title"' in html  # but the way to reach them is offered
    own = client.get(f"/people/{team.people['Sam Shared']}").text
    assert "Not in your network" not in own
    assert f'action="/people/{team.people["Sam Shared"]}/notes"' in own
