"""The whole introduction in a real Chromium: Alice asks from the Network page, Bob sees the request, accepts,
copies the note and marks it forwarded, Alice sees each status. Each member has their own server over the
same database (``tests.introductions.acting``: the one place that says how to act as a member)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.introductions.acting import member_page, member_server
from tests.introductions.support import PRIVATE_EMAIL, PRIVATE_MESSAGE, PRIVATE_NOTE, Members, build_members
from tests.web.test_web_layout import check_page
from tests.web_support import CHROMIUM, CHROMIUM_ARGS, NO_BROWSER_HERE, NO_CHROMIUM, assert_accessible
from twoway.graph import cache
from twoway.store import open_store

pytestmark = [pytest.mark.browser, pytest.mark.skipif(NO_BROWSER_HERE, reason=NO_CHROMIUM)]


@pytest.fixture
def team(tmp_path: Path) -> Iterator[tuple[str, Members]]:
    db = str(tmp_path / "team.db")
    store = open_store(db)
    members = build_members(store)
    store.close()
    yield db, members
    cache.clear()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def _watch(page: Any) -> list[str]:
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("dialog", lambda d: problems.append(f"dialog: {d.message}"))
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 500 else None)
    return problems


def _card(page: Any) -> Any:
    return page.locator("article.intro").first


def test_an_introduction_from_asking_to_forwarded(browser: Any, team: tuple[str, Members]) -> None:
    db, m = team
    with member_server(db, "Alice Archer") as alice_server, member_server(db, "Bob Baker") as bob_server:
        alice = member_page(browser, alice_server)
        bob = member_page(browser, bob_server, width=390, height=844)  # Bob answers on his phone
        problems = _watch(alice) + _watch(bob)

        # Alice: Yuri found with the Network page's picker, the routes to him, the request through Bob edited
        alice.goto("/network")
        alice.get_by_label("Part of a name").fill("yuri")
        alice.get_by_role("button", name="Find", exact=True).click()
        alice.wait_for_url("**/network?find=yuri")
        assert_accessible(alice, "network picker")
        alice.get_by_role("link", name="who can introduce you to Yuri Young").click()
        alice.wait_for_url(f"**/network/intros?source=me&target=%23{m.yuri}")
        ask = alice.get_by_role("form", name="Ask Bob Baker for an introduction to Yuri Young")
        expect(ask).to_be_visible()
        message = ask.get_by_role("textbox")
        message.fill(message.input_value() + "\nP.S. Our teams met at the summit.")
        ask.get_by_role("button", name="Ask for this introduction").click()
        alice.wait_for_url("**/intros?done=intro_asked**")
        expect(alice.locator(".flash[role=status]").first).to_contain_text("Introduction asked")
        expect(_card(alice).locator(".intro-status")).to_have_text("asked")
        expect(_card(alice)).to_contain_text("Yuri Young, through Bob Baker")

        # Bob: the request, with Alice's words; he accepts with a note, gets the note to forward
        bob.goto("/intros")
        card = _card(bob)
        expect(card).to_contain_text("Alice Archer asks you to introduce them to Yuri Young")
        expect(card.locator("pre[id^=message-]")).to_contain_text("P.S. Our teams met at the summit.")
        card.get_by_label("Note for Alice Archer (optional)").fill("Happy to, I will write to Yuri today")
        card.get_by_role("button", name="Accept").click()
        bob.wait_for_url("**/intros?done=intro_accept**")
        card = _card(bob)
        expect(card.locator(".intro-status")).to_have_text("accepted")
        expect(card.locator("pre[id^=blurb-]")).to_contain_text("Alice Archer (Alice's headline) asked whether I "
                                                                "would introduce you.")
        check_page(bob, "intros after accepting, 390 px")
        card.get_by_role("button", name="Mark forwarded").click()
        bob.wait_for_url("**/intros?done=intro_forwarded**")
        expect(_card(bob).locator(".intro-status")).to_have_text("forwarded")
        expect(_card(bob).get_by_role("button", name="They agreed")).to_be_visible()

        # Alice: the status, Bob's note, the band of his tie, and nothing of his own
        alice.goto("/intros")
        card = _card(alice)
        expect(card.locator(".intro-status")).to_have_text("forwarded")
        expect(card).to_contain_text("Happy to, I will write to Yuri today")
        expect(card).to_contain_text("Their tie to Yuri Young:")
        expect(card.get_by_role("button", name="Withdraw")).to_be_visible()
        expect(alice.get_by_role("region", name="Log of introductions (table)")).to_contain_text("forwarded")
        shown = alice.locator("body").inner_text()
        for private in (PRIVATE_MESSAGE, PRIVATE_NOTE, PRIVATE_EMAIL):
            assert private not in shown
        assert_accessible(alice, "intros (Alice)")
        assert_accessible(bob, "intros (Bob, phone)")
        assert problems == []
