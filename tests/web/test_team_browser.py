"""Two members logged in at once, in two Chromium contexts on one served app over PostgreSQL: each sees only
their own Week plan and people, and neither reads the other's private data on a person's page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.accounts.team_support import PASSWORD, Mate, mate_with_export
from tests.web_support import CHROMIUM, CHROMIUM_ARGS, NO_BROWSER_HERE, NO_CHROMIUM, LiveServer, assert_accessible
from twoway.people import notes
from twoway.store import open_store

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.skipif(NO_BROWSER_HERE, reason=NO_CHROMIUM)]

ADA_NOTE = "Ada's private note: met at the offsite, wants an intro to Globex"
BOB_NOTE = "Bob's private note: do not mention the merger"


@pytest.fixture
def team(pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[LiveServer, Mate, Mate]]:
    monkeypatch.setenv("TWOWAY_TODAY", "2026-11-20")  # the server runs in this process
    store = open_store(pg_url)
    ada = mate_with_export(store, tmp_path, "ada@example.com", "Ada Lovelace", seed=71, admin=True, connections=80)
    bob = mate_with_export(store, tmp_path, "bob@example.com", "Bob Builder", seed=72, connections=80)
    with LiveServer(pg_url) as server:
        yield server, ada, bob
    store.close()


@pytest.fixture
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def _api(server: LiveServer, mate: Mate, method: str, path: str, **kwargs: Any) -> Any:
    response = httpx.request(method, server.url + path, headers=mate.bearer, timeout=60, **kwargs)
    assert response.status_code < 300, response.text
    return response.json()


def _plan_names(server: LiveServer, mate: Mate) -> set[str]:
    return {item["name"] for item in _api(server, mate, "GET", "/api/week")["items"]}


def _people(server: LiveServer, mate: Mate) -> dict[str, int]:
    rows = _api(server, mate, "GET", "/api/people?per_page=200")["rows"]
    return {row["name"]: row["id"] for row in rows}


def _log_in(browser: Any, server: LiveServer, mate: Mate) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server.url + "/week")
    assert "/login" in page.url  # nobody sees anything before logging in
    assert_accessible(page, "team-login")
    page.fill("#email", mate.email)
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/week")
    return page


def test_two_members_at_once_each_see_only_their_own(browser: Any, team: tuple[LiveServer, Mate, Mate]) -> None:
    server, ada, bob = team
    ada_people, bob_people = _people(server, ada), _people(server, bob)
    ada_only = {name: pid for name, pid in ada_people.items() if name not in bob_people}
    bob_only = {name: pid for name, pid in bob_people.items() if name not in ada_people}
    ada_plan, bob_plan = _plan_names(server, ada) - set(bob_people), _plan_names(server, bob) - set(ada_people)
    assert ada_only
    assert bob_only
    assert ada_plan
    assert bob_plan
    ada_friend, bob_friend = sorted(ada_only.items())[0], sorted(bob_only.items())[0]
    store = server.app.state.web.store
    with store.begin() as conn:
        notes.add_note(conn, ada.owner_id, ada_friend[1], ADA_NOTE)
        notes.add_note(conn, bob.owner_id, bob_friend[1], BOB_NOTE)
    server.app.state.web.cache.bump()

    ada_page, bob_page = _log_in(browser, server, ada), _log_in(browser, server, bob)  # both logged in at once
    for page, mine, theirs, me in ((ada_page, ada_plan, bob_plan, ada), (bob_page, bob_plan, ada_plan, bob)):
        page.goto(server.url + "/week")
        text = page.locator("main").inner_text()
        assert any(name in text for name in mine), f"{me.email} sees their own plan"
        assert not [name for name in theirs if name in text], f"{me.email} sees none of the other's plan"
        assert me.email in page.locator("header.site-header").inner_text()

    for page, own, other, me in ((ada_page, ada_only, bob_only, ada), (bob_page, bob_only, ada_only, bob)):
        for name in sorted(own)[:3]:
            page.goto(server.url + "/people?" + str(httpx.QueryParams({"text": name})))
            assert name in page.locator("main").inner_text(), f"{me.email} finds their own {name}"
        for name in sorted(other)[:3]:
            page.goto(server.url + "/people?" + str(httpx.QueryParams({"text": name})))
            assert name not in page.locator("main").inner_text(), f"{me.email} does not list {name}"

    # Each reads their own note, and the other's person page shows none of it.
    for page, (_name, pid), note in ((ada_page, ada_friend, ADA_NOTE), (bob_page, bob_friend, BOB_NOTE)):
        page.goto(server.url + f"/people/{pid}")
        assert note in page.locator("main").inner_text()
    for page, (_name, pid), note in ((bob_page, ada_friend, ADA_NOTE), (ada_page, bob_friend, BOB_NOTE)):
        response = page.goto(server.url + f"/people/{pid}")
        assert response.status in (200, 404)
        assert note not in page.content()
        api = page.request.get(server.url + f"/api/people/{pid}")
        assert note not in api.text()
        assert not api.ok or api.json()["notes"] == []
        assert not api.ok or api.json()["interactions"] == []

    # Still two separate members after all that: each context's session is its own.
    assert ada_page.request.get(server.url + "/api/me").json()["member"]["email"] == ada.email
    assert bob_page.request.get(server.url + "/api/me").json()["member"]["email"] == bob.email
    bob_page.get_by_role("button", name="Log out").click()
    bob_page.wait_for_url("**/login")
    assert bob_page.request.get(server.url + "/api/week").status == 401
    assert ada_page.request.get(server.url + "/api/week").status == 200
    ada_page.context.close()
    bob_page.context.close()
