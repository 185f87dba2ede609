"""/api/intros and the /intros page: two members' apps over one database, each speaking for its member."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.introductions.acting import login_of, member_client
from tests.introductions.support import PRIVATE_EMAIL, PRIVATE_MESSAGE, PRIVATE_NOTE, Members, build_members
from tests.web_support import WebClient
from twoway.graph import cache
from twoway.store import Store

Pair = tuple[WebClient, WebClient, WebClient, Members]


@pytest.fixture
def apps(any_store: Store) -> Iterator[Pair]:
    """Alice's, Bob's and Carol's dashboards over the same team database."""
    members = build_members(any_store)
    with member_client(any_store.url, "Alice Archer") as alice, member_client(any_store.url, "Bob Baker") as bob, \
            member_client(any_store.url, "Carol Cole") as carol:
        yield alice, bob, carol, members
    cache.clear()


def test_the_api_walks_a_request_from_one_member_to_the_other(apps: Pair) -> None:
    alice, bob, carol, m = apps
    asked = alice.api("POST", "/api/intros", json={"person_id": m.yuri, "via": m.bob.id, "about": "data"})
    assert asked.status_code == 201
    request = asked.json()
    assert (request["status"], request["side"], request["actions"]) == ("asked", "asked_by_me", ["withdraw"])
    assert request["via"] == {"id": m.bob.id, "name": "Bob Baker"}
    rid = request["id"]
    of_bob = bob.get("/api/intros").json()
    assert [r["id"] for r in of_bob["asked_of_me"]] == [rid]
    assert of_bob["asked_of_me"][0]["actions"] == ["accept", "decline"]
    assert carol.get("/api/intros").json() == {"asked_by_me": [], "asked_of_me": []}
    for action, note, status in (("accept", "Glad to", "accepted"), ("forwarded", None, "forwarded"),
                                 ("refused", "Yuri is too busy", "refused")):
        step = bob.api("POST", f"/api/intros/{rid}/{action}", json={"note": note} if note else None)
        assert step.status_code == 200, step.text
        assert step.json()["status"] == status
        assert alice.get("/api/intros").json()["asked_by_me"][0]["status"] == status
    mine = alice.get("/api/intros").json()["asked_by_me"][0]
    assert mine["note"] == "Yuri is too busy"
    assert mine["blurb"].startswith("Hi Yuri,")
    log = alice.get("/api/intros/log").json()
    assert [(e["actor"]["name"], e["action"]) for e in log] == [
        ("Bob Baker", "refused"), ("Bob Baker", "forwarded"), ("Bob Baker", "accept"), ("Alice Archer", "ask")]
    assert bob.get("/api/intros/log").json() == log
    assert carol.get("/api/intros/log").json() == []
    everything = " ".join(c.get(u).text for c in (alice, carol) for u in ("/api/intros", "/api/intros/log"))
    for private in (PRIVATE_MESSAGE, PRIVATE_NOTE, PRIVATE_EMAIL, '"strength"', '"score"'):
        assert private not in everything


def test_api_errors_have_the_one_shape(apps: Pair) -> None:
    alice, bob, carol, m = apps
    rid = alice.api("POST", "/api/intros", json={"person_id": m.yuri, "via": m.bob.id}).json()["id"]
    cases = [
        (alice.api("POST", "/api/intros", json={"person_id": m.yuri, "via": m.bob.id}), 409, "conflict"),
        (alice.api("POST", f"/api/intros/{rid}/accept"), 409, "conflict"),
        (carol.api("POST", f"/api/intros/{rid}/accept"), 404, "not_found"),
        (bob.api("POST", f"/api/intros/{rid}/approve"), 422, "invalid_request"),
        (bob.api("POST", "/api/intros/0/accept"), 422, "invalid_request"),
        (alice.api("POST", "/api/intros", json={"person_id": m.yuri}), 422, "invalid_request"),
        (alice.api("POST", "/api/intros", json={"person_id": m.team.people["Zoe Zhang"], "via": m.bob.id}), 404,
         "not_found"),
        (alice.api("POST", "/api/intros", json={"person_id": m.yuri, "via": 999}), 404, "not_found"),
    ]
    for response, status, code in cases:
        error = response.json()["error"]
        assert (response.status_code, error["code"], error["status"]) == (status, code, status), response.text
        assert set(error) == {"code", "message", "status"}
        assert error["message"]
    assert alice.post("/api/intros", json={"person_id": m.yuri, "via": m.bob.id}).status_code == 403  # no CSRF


def test_openapi_describes_the_intros_twins(apps: Pair) -> None:
    alice, *_ = apps
    spec = alice.get("/openapi.json").json()
    assert spec["paths"]["/api/intros"]["get"]["tags"] == ["introductions"]
    assert "post" in spec["paths"]["/api/intros"]
    assert "post" in spec["paths"]["/api/intros/{request_id}/{action}"]
    listing = spec["paths"]["/api/intros"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert listing == {"$ref": "#/components/schemas/IntroRequests"}
    request = spec["components"]["schemas"]["IntroRequest"]
    assert {"status", "band", "message", "blurb", "actions", "via", "person"} <= set(request["properties"])
    assert "/intros" not in spec["paths"]  # the page is not API


def test_the_page_lists_both_sides_with_their_actions(apps: Pair) -> None:
    alice, bob, carol, m = apps
    route = alice.get("/network/intros", params={"source": "me", "target": f"#{m.yuri}"}).text
    assert route.count(">Ask for this introduction</button>") == 2  # through Bob, and through Carol
    message = re.search(r'<textarea id="ask-message-1" name="message" rows="6">([^<]*)</textarea>', route)
    assert message
    via = re.search(r'name="via" value="(\d+)"', route)
    assert via
    sent = alice.form("/intros", {"person_id": str(m.yuri), "via": via.group(1),
                                  "message": "Hi, could you introduce me? (edited)"})
    assert sent.status_code == 303
    assert sent.headers["location"].startswith("/intros?done=intro_asked#request-")
    rid = sent.headers["location"].rsplit("-", 1)[1]
    page = alice.get(sent.headers["location"]).text
    assert "Introduction asked" in page
    assert "Hi, could you introduce me? (edited)" in page
    assert 'value="withdraw"' in page
    assert 'name="csrf_token"' in page
    assert 'aria-current="page">Introductions' in page
    asked_of = bob if via.group(1) == str(m.bob.id) else carol
    theirs = asked_of.get("/intros").text
    assert 'value="accept"' in theirs
    assert 'value="decline"' in theirs
    done = asked_of.form(f"/intros/{rid}", {"action": "accept", "note": "On it"})
    assert done.status_code == 303
    after = asked_of.get(done.headers["location"]).text
    assert "Note to forward to Yuri Young" in after
    assert 'data-copy="blurb-' in after
    refused = asked_of.form(f"/intros/{rid}", {"action": "accept"})
    assert refused.status_code == 409
    assert "cannot be accepted now" in refused.text
    no_csrf = alice.post("/intros", data={"person_id": str(m.yuri), "via": via.group(1)}, follow_redirects=False)
    assert no_csrf.status_code == 403


def test_each_client_is_a_logged_in_member_of_a_team_server(apps: Pair) -> None:
    """The members act by their own session on a team server, not by an owner hint."""
    alice, bob, carol, m = apps
    for client, name in ((alice, "Alice Archer"), (bob, "Bob Baker"), (carol, "Carol Cole")):
        me = client.get("/api/me").json()
        assert me["team"] is True
        assert me["member"]["email"] == login_of(m.team.store.url, name).email
        assert me["owner_name"] == name
