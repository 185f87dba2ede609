"""End to end in a real Chromium: a live server, every page walked, every action taken and checked.

Runs Debian's chromium through Playwright (`apt-get install chromium`; CI installs it). Screenshots
of every page are kept in tests/artifacts/ for a person to look at, and every page screenshot is also
audited with axe-core (serious or critical violations fail; see tests/web/test_web_a11y.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from sqlalchemy import text

from tests.graph.test_graph_network import build_team
from tests.graph.test_graph_network import connect as team_connect
from tests.web_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    NO_BROWSER_HERE,
    NO_CHROMIUM,
    XSS,
    LiveServer,
    add_invitation,
    add_message,
    add_person,
    add_stranger,
    assert_accessible,
)
from twoway import invitations
from twoway import settings as settings_mod
from twoway.generator import generate_export
from twoway.store import Store, open_store

ARTIFACTS = Path(__file__).parents[1] / "artifacts"

pytestmark = [pytest.mark.browser, pytest.mark.skipif(NO_BROWSER_HERE, reason=NO_CHROMIUM)]


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The server runs in this process, so it reads the same TWOWAY_TODAY (reset by conftest per test)."""
    monkeypatch.setenv("TWOWAY_TODAY", "2026-11-20")


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, Store]]:
    db = str(tmp_path_factory.mktemp("e2e") / "twoway.db")
    store = open_store(db)
    with LiveServer(db) as server:
        yield server, store
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    problems: list[str] = []
    # 4xx answers are expected (a refused value); scripts failing or the server failing are not.
    pg.on("console", lambda m: problems.append(f"console: {m.text}")
          if m.type == "error" and "Failed to load resource" not in m.text else None)
    pg.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 500 else None)
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("dialog", lambda d: problems.append(f"dialog: {d.message}"))  # an alert() would mean XSS
    yield pg
    context.close()
    assert not problems, problems


def shot(page: Any, name: str) -> None:
    """Keep a screenshot of the page for a person to look at, and audit it with axe (tests/web/test_web_a11y.py)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    assert_accessible(page, name)


Live = tuple[LiveServer, Store]


@pytest.fixture(scope="module")
def imported(browser: Any, live: Live, tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """The demo export imported through the Import page, plus one hostile name for the XSS checks."""
    server, store = live
    export = generate_export(tmp_path_factory.mktemp("export"), seed=3, connections=300, years=6,
                             today=date(2026, 11, 20))
    mp = pytest.MonkeyPatch()
    mp.setenv("TWOWAY_TODAY", "2026-11-20")
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url + "/import")
    page.set_input_files("#file", str(export.path))
    page.get_by_role("button", name="Import").click()
    page.wait_for_url("**/import/*")
    expect(page.locator("#import-job .flash")).to_contain_text("Imported in", timeout=60_000)
    shot(page, "import-summary")
    context.close()
    with store.begin() as conn:
        owner = int(conn.execute(text("SELECT id FROM owners")).scalar_one())
        assert conn.execute(text("SELECT COUNT(*) FROM connections WHERE owner_id = :o"),
                            {"o": owner}).scalar_one() == export.connections
        xss = add_person(conn, owner, XSS, company=XSS, position=XSS, connected_on="2022-02-02")
        add_message(conn, owner, xss, "in", "2026-06-01", XSS)
        stranger = add_stranger(conn, XSS + " Stranger", company="Spam Inc", position=XSS)
        add_invitation(conn, owner, stranger, "in", "2026-11-18", XSS, XSS + " Stranger")
    mp.undo()
    return {"owner": owner, "xss": xss, "stranger": stranger, "connections": export.connections}


def test_every_page_renders_hostile_names_as_text(page: Any, live: Live, imported: dict[str, int]) -> None:
    server, _store = live
    for name, url in (("overview", "/"), ("week", "/week"), ("people", "/people"),
                      ("person-xss", f"/people/{imported['xss']}"), ("invitations", "/invitations"),
                      ("prune", "/prune"), ("import", "/import"), ("settings", "/settings"),
                      ("people-search", "/people?text=%3Cscript%3E")):
        response = page.goto(server.url + url)
        assert response.status == 200, url
        assert page.locator("h1").count() == 1
        assert page.locator("main").is_visible()
        shot(page, name)
    # the name is on the page as text: a running script would have opened a dialog and failed the test
    page.goto(server.url + f"/people/{imported['xss']}")
    assert page.locator("h1").inner_text() == XSS
    page.goto(server.url + "/")
    assert page.locator("figure.chart svg").count() >= 6


def test_people_filter_sort_page_and_open_a_person(page: Any, live: Live, imported: dict[str, int]) -> None:
    server, _store = live
    page.goto(server.url + "/people")
    status = page.locator("main p[role=status]")
    expect(status).to_contain_text(f"{imported['connections'] + 1} people")
    page.select_option("#f-state", "owe_reply")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**state=owe_reply**")
    badges = page.locator("tbody .badge[class*=state-]").all_inner_texts()
    assert badges
    assert set(badges) == {"owe reply"}
    page.goto(server.url + "/people")
    page.get_by_role("link", name="Strength").click()
    page.wait_for_url("**sort=strength**")
    scores = [int(x) for x in page.locator("tbody td.num").all_inner_texts() if x.strip()]
    assert scores == sorted(scores, reverse=True)
    page.get_by_role("link", name="Next page").click()
    page.wait_for_url("**page=2**")
    page.locator("tbody a[href^='/people/']").first.click()
    expect(page.locator("#timeline-title")).to_be_visible()
    shot(page, "person")


def test_person_actions_persist(page: Any, live: Live, imported: dict[str, int]) -> None:
    server, store = live
    pid = imported["xss"]
    page.goto(server.url + f"/people/{pid}")
    page.fill("#tag-add", "inner circle")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator("p.flash")).to_contain_text("Tags updated")
    page.fill("#note-body", "Met at a generated meetup")
    page.get_by_role("button", name="Add note").click()
    expect(page.locator("#notes")).to_contain_text("Met at a generated meetup")
    page.select_option("#log-dir", "out")
    page.get_by_role("button", name="Log it").click()
    expect(page.locator("p.flash")).to_contain_text("Marked as sent")
    with store.connect() as conn:
        o = imported["owner"]
        assert conn.execute(text("SELECT tag FROM tags WHERE owner_id = :o AND person_id = :p"),
                            {"o": o, "p": pid}).scalar_one() == "inner circle"
        assert conn.execute(text("SELECT body FROM notes WHERE person_id = :p"), {"p": pid}).scalar_one() \
            == "Met at a generated meetup"
        assert conn.execute(text("SELECT COUNT(*) FROM interactions WHERE person_id = :p AND origin = 'manual'"),
                            {"p": pid}).scalar_one() == 1


def test_week_copy_draft_mark_sent_snooze_hide(browser: Any, live: Live, imported: dict[str, int]) -> None:
    server, store = live
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    page = context.new_page()
    page.goto(server.url + "/week")
    items = page.locator("article.plan-item")
    assert items.count() >= 4
    copy = page.locator("[data-copy]").first
    expect(copy).to_be_visible()
    draft = page.locator("#" + copy.get_attribute("data-copy")).inner_text()
    copy.click()
    expect(page.locator("#live")).to_contain_text("copied")
    assert page.evaluate("navigator.clipboard.readText()") == draft

    def person_of(n: int) -> int:
        href = items.nth(n).locator("h2 a").get_attribute("href")
        return int(href.rsplit("/", 1)[1])

    sent, snoozed, hidden = person_of(0), person_of(1), person_of(2)
    items.nth(0).get_by_role("button", name="Mark sent").click()
    expect(items.nth(0)).to_have_class("plan-item done")
    items.nth(1).locator("select").select_option(index=1)
    items.nth(1).get_by_role("button", name="Snooze").click()
    expect(items.nth(1)).to_have_class("plan-item done")
    items.nth(2).get_by_role("button", name="Hide").click()
    expect(items.nth(2)).to_have_class("plan-item done")
    shot(page, "week-after-actions")
    context.close()
    with store.connect() as conn:
        kinds: dict[int, str] = dict(conn.execute(text(
            "SELECT person_id, subject FROM decisions WHERE person_id IN (:a, :b)"), {"a": snoozed, "b": hidden}).all())
        assert kinds == {snoozed: "snooze", hidden: "prune"}
        assert conn.execute(text("SELECT COUNT(*) FROM interactions WHERE person_id = :p AND origin = 'manual' "
                                 "AND direction = 'out'"), {"p": sent}).scalar_one() == 1


def test_prune_review_by_keyboard(page: Any, live: Live, imported: dict[str, int]) -> None:
    server, store = live
    page.goto(server.url + "/prune")
    first = int(page.locator("#cand-name a").get_attribute("href").rsplit("/", 1)[1])
    page.keyboard.press("k")
    page.wait_for_url("**done=kept**")
    expect(page.locator("p.flash")).to_contain_text("Kept")
    second = int(page.locator("#cand-name a").get_attribute("href").rsplit("/", 1)[1])
    assert second != first
    page.keyboard.press("h")
    page.wait_for_url("**done=hidden**")
    shot(page, "prune")
    with store.connect() as conn:
        verdicts: dict[int, str] = dict(conn.execute(text(
            "SELECT person_id, verdict FROM decisions WHERE subject = 'prune' AND person_id IN (:a, :b)"),
            {"a": first, "b": second}).all())
    assert verdicts == {first: "keep", second: "hide"}


def test_invitations_decide_in_place(page: Any, live: Live, imported: dict[str, int]) -> None:
    server, store = live
    page.goto(server.url + "/invitations")
    card = page.locator("article.candidate", has_text="Stranger")
    card.get_by_role("button", name="Ignore").click()
    expect(page.locator("#live")).to_contain_text("ignore")
    with store.connect() as conn:
        got = invitations.list_invitations(conn, imported["owner"], direction="in", person_id=imported["stranger"])
    assert got[0].decision == "ignore"


def test_settings_change_persists_and_keyboard_reaches_it(page: Any, live: Live, imported: dict[str, int]) -> None:
    server, store = live
    page.goto(server.url + "/settings")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.fill("#v-attempt_gap_days", "9")
    page.locator("#attempt_gap_days button[type=submit]").first.click()
    page.wait_for_url("**/settings?done=setting_saved#attempt_gap_days")
    assert page.locator("p.flash").first.inner_text() == "Setting saved."
    assert store.settings()["attempt_gap_days"] == 9
    page.fill("#v-attempt_gap_days", "0")
    page.locator("#attempt_gap_days button[type=submit]").first.click()
    assert "below the minimum" in page.locator("#e-attempt_gap_days").inner_text()
    assert store.settings()["attempt_gap_days"] == 9
    with store.begin() as conn:
        settings_mod.reset(conn, "attempt_gap_days")


def test_pages_work_without_javascript(browser: Any, live: Live, imported: dict[str, int]) -> None:
    server, store = live
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(server.url + "/week")
    first = pg.locator("article.plan-item").first
    assert first.locator("[data-copy]").count() == 0 or not first.locator("[data-copy]").is_visible()
    pid = int(first.locator("h2 a").get_attribute("href").rsplit("/", 1)[1])
    first.get_by_role("button", name="Mark replied").click()
    pg.wait_for_url("**/week?done=replied")
    with store.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM interactions WHERE person_id = :p AND origin = 'manual' "
                                 "AND direction = 'in'"), {"p": pid}).scalar_one() == 1
    pg.goto(server.url + "/settings")
    pg.fill("#v-cadence_days", "200")
    pg.locator("#cadence_days button[type=submit]").first.click()
    pg.wait_for_url("**done=setting_saved**")
    assert store.settings()["cadence_days"] == 200
    with store.begin() as conn:
        settings_mod.reset(conn, "cadence_days")
    context.close()


def test_network_page_says_what_one_owner_needs(page: Any, live: Live, imported: dict[str, int]) -> None:
    server, _store = live
    page.goto(server.url + "/")
    page.get_by_role("link", name="Network").click()
    page.wait_for_url("**/network")
    expect(page.locator("#needs")).to_contain_text("twoway graph load")
    assert page.locator("main table").count() == 0
    assert page.locator("main form").count() == 0
    shot(page, "network-needs")


def test_network_introductions_with_drafts_to_copy(browser: Any, tmp_path: Path) -> None:
    """A team's merged exports: from a person's page to the introduction routes, and a draft copied."""
    from twoway.graph import cache

    cache.clear()
    db = str(tmp_path / "team.db")
    store = open_store(db)
    team = build_team(store)
    with store.begin() as conn:
        hostile = add_person(conn, team.owners["Bob Baker"], XSS, company=XSS, position=XSS)
        team_connect(conn, team.owners["Carol Cole"], hostile)
    with LiveServer(db, owner="Alice Archer") as server:
        context = browser.new_context()
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
        pg = context.new_page()
        problems: list[str] = []
        pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        pg.on("dialog", lambda d: problems.append(f"dialog: {d.message}"))
        pg.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 500 else None)
        pg.goto(server.url + f"/people/{team.people['Yuri Young']}")
        pg.get_by_role("link", name="Who can introduce you", exact=True).click()
        pg.wait_for_url("**/network/intros?**")
        routes = pg.locator("article.route")
        expect(routes.first).to_be_visible()
        assert routes.count() == 2
        assert "Bob Baker" in routes.all_inner_texts()[0] + routes.all_inner_texts()[1]
        expect(routes.first.locator("table.links")).to_contain_text("Strength")
        request = routes.first.locator("pre[id^=request-]")
        routes.first.get_by_role("button", name="Copy request").click()
        expect(pg.locator("#live")).to_contain_text("copied")
        assert pg.evaluate("navigator.clipboard.readText()") == request.inner_text()
        shot(pg, "network-intros")
        # one more question from the page's own form: the path to a name that is hostile markup
        pg.fill("#path-b", XSS)
        pg.get_by_role("button", name="Show path").click()
        pg.wait_for_url("**/network/path?**")
        expect(pg.locator("#answer-title")).to_contain_text(XSS)
        expect(pg.locator("#answer-title .badge")).to_have_text("2nd")
        shot(pg, "network-path")
        pg.fill("#intro-target", "")
        pg.fill("#intro-company", "acme")
        pg.get_by_role("button", name="Find introductions").click()
        pg.wait_for_url("**company=acme**")
        expect(pg.locator("#answer-title")).to_contain_text("anyone at acme")
        context.close()
        assert not problems, problems
    store.close()
    cache.clear()
