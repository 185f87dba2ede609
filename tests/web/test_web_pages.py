"""Every page and its /api twin over the same core: the same data, actions that persist, names escaped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.web_support import XSS, WebClient, seeded_web
from twoway import plan, prune, states
from twoway.people import notes, tags
from twoway.store import Store
from twoway.web import create_app

ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
Setup = tuple[WebClient, Store, dict[str, int]]


@pytest.fixture
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Setup]:
    monkeypatch.setenv("TWOWAY_TODAY", "2026-11-20")
    with seeded_web(str(tmp_path / "t.db")) as setup:
        yield setup


def test_every_page_renders_and_escapes_hostile_names(setup: Setup) -> None:
    client, _store, ids = setup
    with client.web.store.begin() as conn:
        tags.add_tags(conn, ids["owner"], ids["xss"], [XSS])
        notes.add_note(conn, ids["owner"], ids["xss"], XSS)
    pages = ["/", "/people", f"/people/{ids['xss']}", "/week", "/prune", "/invitations", "/settings", "/import",
             "/people?text=%3Cscript%3E", f"/people?tag={XSS}"]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert XSS not in response.text, url
    person = client.get(f"/people/{ids['xss']}").text
    assert person.count(ESCAPED) >= 4  # name, company/position, message, tag and note
    assert ESCAPED in client.get("/people").text


def test_people_page_and_api_agree(setup: Setup) -> None:
    client, _store, ids = setup
    api = client.get("/api/people", params={"company": "navy"}).json()
    assert [r["id"] for r in api["rows"]] == [ids["grace"]]
    assert api["total"] == 1
    html = client.get("/people", params={"company": "navy"}).text
    assert f'href="/people/{ids["grace"]}"' in html
    assert f'href="/people/{ids["ada"]}"' not in html


def test_people_filters_sort_and_paginate(setup: Setup) -> None:
    client, _store, ids = setup
    owing = client.get("/api/people", params={"state": "owe_reply", "sort": "strength", "desc": "true"}).json()
    scores = [r["strength"] for r in owing["rows"]]
    assert scores == sorted(scores, reverse=True)
    assert {r["state"] for r in owing["rows"]} == {"owe_reply"}
    page2 = client.get("/api/people", params={"per_page": "2", "page": "2", "sort": "name"}).json()
    assert page2["page"] == 2
    assert page2["pages"] == 2
    assert len(page2["rows"]) == 2
    since = client.get("/api/people", params={"connected_since": "2023-01-01", "connected_before": ""}).json()
    assert {r["id"] for r in since["rows"]} == {ids["grace"]}
    # empty form fields mean "any"; bad ones say what is wrong in the error shape
    assert client.get("/people", params={"state": "", "min_strength": "", "connected_since": ""}).status_code == 200
    bad = client.get("/api/people", params={"connected_since": "last year"})
    assert bad.status_code == 400
    assert "connected_since" in bad.json()["error"]["message"]
    assert client.get("/api/people", params={"state": "grumpy"}).status_code == 400


def test_pagination_links_keep_the_filters(setup: Setup) -> None:
    client, _store, _ids = setup
    import re
    from urllib.parse import parse_qs, urlsplit

    html = client.get("/people", params={"per_page": "2", "company": "a"}).text
    link = re.search(r'<a href="([^"]+)" rel="next">', html)
    assert link
    query = parse_qs(urlsplit(link.group(1).replace("&amp;", "&")).query)
    assert query == {"company": ["a"], "per_page": ["2"], "page": ["2"]}


def test_person_page_shows_state_strength_and_timeline(setup: Setup) -> None:
    client, _store, ids = setup
    api = client.get(f"/api/people/{ids['ada']}").json()
    assert api["state"]["state"] == "owe_reply"
    assert set(api["strength"]["parts"]) >= {"recency", "frequency", "reciprocity"}
    html = client.get(f"/people/{ids['ada']}").text
    assert api["state"]["reason"] in html
    assert "Running well, thanks!" in html
    assert f"Strength {api['strength']['score']} / 100" in html
    missing = client.get("/api/people/999999")
    assert missing.status_code == 404
    assert client.get("/people/999999").status_code == 404


def test_person_actions_from_forms_persist(setup: Setup) -> None:
    client, store, ids = setup
    owner, ada = ids["owner"], ids["ada"]
    assert client.form(f"/people/{ada}/tags", {"tags": "Inner Circle, mentor"}).status_code == 303
    assert client.form(f"/people/{ada}/tags/remove", {"tag": "mentor"}).status_code == 303
    assert client.form(f"/people/{ada}/notes", {"body": "Met at the engine fair"}).status_code == 303
    replied = client.form(f"/people/{ada}/log", {"kind": "message", "direction": "out", "on": "", "note": ""})
    assert replied.headers["location"] == f"/people/{ada}?done=sent"
    with store.connect() as conn:
        assert tags.tags_of(conn, owner, ada) == ("inner circle",)
        assert [n.body for n in notes.notes_for(conn, owner, ada)] == ["Met at the engine fair"]
        assert states.state_of(conn, owner, ada).state != "owe_reply"  # the reply is logged
    shown = client.get(f"/people/{ada}?done=sent").text
    assert "Marked as sent." in shown
    assert "Met at the engine fair" in shown


def test_notes_are_edited_and_deleted_on_the_page_and_through_the_api(setup: Setup) -> None:
    # Every face can change a note; no text is ever lost (the history keeps each one with its fate).
    client, store, ids = setup
    owner, ada = ids["owner"], ids["ada"]
    first = client.api("POST", f"/api/people/{ada}/notes", json={"body": "Met at PyCon"}).json()
    edited = client.api("PUT", f"/api/people/{ada}/notes/{first['id']}", json={"body": "Met at PyCon 2025"})
    assert edited.status_code == 200
    page = client.get(f"/people/{ada}").text
    assert f'action="/people/{ada}/notes/{edited.json()["id"]}"' in page
    again = client.form(f"/people/{ada}/notes/{edited.json()['id']}", {"body": "Met at PyCon 2025, Pittsburgh"})
    assert again.headers["location"] == f"/people/{ada}?done=note_edited#notes"
    second = client.api("POST", f"/api/people/{ada}/notes", json={"body": "Wants intros to climate funds"}).json()
    gone = client.form(f"/people/{ada}/notes/{second['id']}/delete")
    assert gone.headers["location"] == f"/people/{ada}?done=note_deleted#notes"
    assert client.api("DELETE", f"/api/people/{ada}/notes/{second['id']}").status_code == 409  # already gone
    assert client.api("DELETE", f"/api/people/{ada}/notes/99999").status_code == 404
    with store.connect() as conn:
        assert [n.body for n in notes.notes_for(conn, owner, ada)] == ["Met at PyCon 2025, Pittsburgh"]
        history = {n.body: n.status for n in notes.notes_for(conn, owner, ada, history=True)}
    assert history == {"Met at PyCon": "superseded", "Met at PyCon 2025": "superseded",
                       "Met at PyCon 2025, Pittsburgh": "current", "Wants intros to climate funds": "deleted"}
    shown = client.get(f"/people/{ada}?done=note_deleted").text
    assert "Note deleted" in shown
    current, _, past = shown.partition('id="note-history"')
    assert "Wants intros to climate funds" not in current  # out of the notes, kept in their history
    assert "Wants intros to climate funds" in past


def test_week_actions_through_the_api_persist(setup: Setup) -> None:
    client, store, ids = setup
    owner = ids["owner"]
    week = client.get("/api/week").json()
    planned = {i["person_id"]: i for i in week["items"]}
    assert ids["grace"] in planned
    assert planned[ids["grace"]]["kind"] == "reply"
    html = client.get("/week").text
    assert planned[ids["grace"]]["reason"] in html
    sent = client.api("POST", f"/api/people/{ids['grace']}/log", json={"direction": "out"})
    assert sent.status_code == 201
    assert sent.json()["direction"] == "out"
    snoozed = client.api("POST", f"/api/people/{ids['ada']}/snooze", json={"until": "2027-01-01"})
    assert snoozed.status_code == 200
    hidden = client.api("POST", f"/api/people/{ids['silent']}/decision", json={"verdict": "hide"})
    assert hidden.status_code == 200
    with store.connect() as conn:
        assert plan.snoozes(conn, owner)[ids["ada"]].isoformat() == "2027-01-01"
        assert states.state_of(conn, owner, ids["silent"]).state == "hidden"
    after = {i["person_id"] for i in client.get("/api/week").json()["items"]}
    assert ids["ada"] not in after
    assert ids["silent"] not in after
    assert ids["grace"] not in after
    past = client.api("POST", f"/api/people/{ids['ada']}/snooze", json={"until": "2020-01-01"})
    assert past.status_code == 400
    future = client.api("POST", f"/api/people/{ids['ada']}/log", json={"on": "2030-01-01"})
    assert future.status_code == 400


def test_week_page_offers_every_action(setup: Setup) -> None:
    client, _store, ids = setup
    html = client.get("/week").text
    grace = ids["grace"]
    for action in (f"/people/{grace}/log?next=/week", f"/people/{grace}/snooze?next=/week",
                   f"/people/{grace}/decision?next=/week"):
        assert f'action="{action}"' in html
    drafts = [i for i in client.get("/api/week").json()["items"] if i["draft"]]
    assert html.count("data-copy=") == len(drafts)


def test_prune_review_one_at_a_time(setup: Setup) -> None:
    client, store, ids = setup
    listing = client.get("/api/prune").json()
    candidates = [c["person_id"] for c in listing["candidates"]]
    assert ids["silent"] in candidates  # three unanswered attempts
    first = listing["candidates"][0]
    html = client.get("/prune").text
    assert f'href="/people/{first["person_id"]}"' in html
    assert 'data-key="k"' in html
    assert first["reasons"][0]["text"] in html
    response = client.form(f"/people/{first['person_id']}/decision?next=/prune%3Fat%3D0", {"verdict": "keep"})
    assert response.headers["location"] == "/prune?at=0&done=kept"
    with store.connect() as conn:
        kept = conn.execute(text("SELECT verdict FROM decisions WHERE person_id = :p AND subject = 'prune'"),
                            {"p": first["person_id"]}).scalar_one()
        assert kept == "keep"
        remaining = prune.find_candidates(conn, ids["owner"]).candidates
    assert first["person_id"] not in [c.person_id for c in remaining]
    bad = client.api("POST", f"/api/people/{ids['ada']}/decision", json={"verdict": "delete"})
    assert bad.status_code == 422


def test_openapi_covers_every_api_route(setup: Setup) -> None:
    client, _store, _ids = setup
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path, methods in {
        "/api/people": {"get"}, "/api/people/{person_id}": {"get"}, "/api/people/{person_id}/log": {"post"},
        "/api/people/{person_id}/tags": {"post"}, "/api/people/{person_id}/notes": {"post"},
        "/api/people/{person_id}/notes/{note_id}": {"put", "delete"}, "/api/merges": {"get"},
        "/api/people/{person_id}/snooze": {"post"}, "/api/people/{person_id}/decision": {"post"},
        "/api/week": {"get"}, "/api/overview": {"get"}, "/api/prune": {"get"}, "/api/invitations": {"get"},
        "/api/settings": {"get"},
        "/api/settings/{name}": {"put", "delete"}, "/api/imports": {"post", "get"},
    }.items():
        assert methods <= set(paths[path]), path
    assert not [p for p in paths if not p.startswith("/api/")]  # pages are not in the API description


def test_overview_plots_the_health_figures(setup: Setup) -> None:
    client, _store, _ids = setup
    health = client.get("/api/overview").json()
    assert health["size"] == 4
    assert sum(health["states"].values()) == 4
    html = client.get("/").text
    for chart in ("states", "coverage", "rates", "size", "per_year", "per_month"):
        assert f'id="chart-{chart}"' in html
    assert html.count("<svg") >= 6
    assert health["size_text"] in html
    assert f'<a href="/people?state=owe_reply">{health["replies_owed"]}</a>' in html


def test_empty_database_points_to_import(tmp_path: Path) -> None:
    with WebClient(create_app(str(tmp_path / "empty.db"))) as client:
        page = client.get("/")
        assert page.status_code == 404
        assert 'href="/import"' in page.text
        assert client.get("/api/people").json()["error"]["code"] == "not_found"
        assert client.get("/import").status_code == 200


def test_long_lists_are_paged(setup: Setup) -> None:
    from twoway.web.pages import Page

    page = Page.of(list(range(120)), 3)
    assert page.items == list(range(100, 120))
    assert (page.number, page.pages, page.total) == (3, 3, 120)
    assert Page.of([], 5).number == 1
    client, _store, _ids = setup
    listing = client.get("/api/prune", params={"limit": "1"}).json()
    assert listing["limit"] == 1
    assert len(listing["candidates"]) == 1
    assert listing["total"] >= 1
    assert client.get("/week", params={"page": "99"}).status_code == 200
    assert client.get("/invitations", params={"page": "2", "all": "true"}).status_code == 200
