"""The dashboard's accessibility, audited in the real browser: axe-core on every page, and the keyboard.

axe-core is vendored in tests/vendor/ (pinned by package.json and package-lock.json), so this needs no
network and no node; it runs in Debian's chromium through Playwright. Any violation of impact serious or
critical (WCAG 2.0-2.2 A/AA and axe's best practices), and any landmark or heading-order violation, fails
the test with the rule, the element and the help URL.
"""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.graph.test_graph_network import build_team
from tests.web_support import (
    AXE_JS,
    AXE_VERSION,
    CHROMIUM,
    CHROMIUM_ARGS,
    NO_BROWSER_HERE,
    NO_CHROMIUM,
    VENDOR,
    XSS,
    LiveServer,
    add_invitation,
    add_message,
    add_person,
    add_stranger,
    assert_accessible,
    axe_violations,
    unavailable,
)
from twoway.generator import generate_export
from twoway.health import charts
from twoway.linkedin.importer import import_export
from twoway.store import open_store

ROOT = Path(__file__).parents[2]
TODAY = "2026-11-20"

browser_only = [pytest.mark.browser, pytest.mark.skipif(NO_BROWSER_HERE, reason=NO_CHROMIUM)]


# -- The vendored axe is the pinned one, with its licence ---------------------------------------------------

def test_vendored_axe_is_the_version_the_lockfile_pins() -> None:
    lock = json.loads((ROOT / "package-lock.json").read_text())
    pinned = lock["packages"]["node_modules/axe-core"]
    assert pinned["version"] == AXE_VERSION
    assert json.loads((ROOT / "package.json").read_text())["devDependencies"]["axe-core"] == AXE_VERSION
    assert AXE_JS.read_text(encoding="utf-8").startswith(f"/*! axe v{AXE_VERSION}")
    assert "Mozilla Public License, version 2.0" in (VENDOR / "axe-core.LICENSE").read_text()
    readme = (VENDOR / "README.md").read_text()
    assert "cp node_modules/axe-core/axe.min.js tests/vendor/" in readme
    assert hashlib.sha256(AXE_JS.read_bytes()).hexdigest() in readme


# -- Charts: an image with a name and a description, text that reads on its colour -------------------------

SVG_NS = "{http://www.w3.org/2000/svg}"
CHARTS = {
    "bars": charts.bar_chart(["2024", "2025", "2026"], [12, 30, 7], title="New connections per year"),
    "lines": charts.line_chart(["2024", "2025"], {"you answer": [80, 90], "they answer": [40, 55]},
                               title="Reply rates", unit="%"),
    "shares": charts.stacked_share([(label, 10) for label in ("two-way", "awaiting", "unresponsive", "never",
                                                               "due", "new", "owe", "hidden")], title="States"),
    "gauge": charts.range_gauge(650, [("student", 50, 100), ("graduate", 100, 300), ("established", 500, 1000),
                                      ("executive", 1000, None)], title="Size", highlight="established"),
    "empty": charts.bar_chart([], [], title="Nothing yet"),
}


def _background(text_el: ET.Element, root: ET.Element) -> str:
    """The fill of the rect a text is drawn on, or the page's white."""
    x, y = float(text_el.get("x", 0)), float(text_el.get("y", 0))
    for rect in root.iter(f"{SVG_NS}rect"):
        rx, ry = float(rect.get("x", 0)), float(rect.get("y", 0))
        if rx <= x <= rx + float(rect.get("width", 0)) and ry <= y - 4 <= ry + float(rect.get("height", 0)):
            return str(rect.get("fill"))
    return "#ffffff"


@pytest.mark.parametrize("name", CHARTS)
def test_chart_is_a_described_image_with_readable_text(name: str) -> None:
    svg = CHARTS[name]
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    assert root.get("role") == "img"
    title = root.find(f"{SVG_NS}title")
    desc = root.find(f"{SVG_NS}desc")
    assert title is not None
    assert desc is not None
    assert root.get("aria-label") == title.text
    assert desc.text
    assert desc.text.endswith(".")
    texts = list(root.iter(f"{SVG_NS}text"))
    assert texts
    for t in texts:
        bg = _background(t, root)
        ratio = charts.contrast(str(t.get("fill")), bg)
        assert ratio >= 4.5, (name, t.text, t.get("fill"), bg, round(ratio, 2))


def test_chart_descriptions_say_the_data() -> None:
    assert "2025: 30" in CHARTS["bars"]
    assert "they answer: 2024 40%; 2025 55%." in CHARTS["lines"]
    assert "650, in the band established" in CHARTS["gauge"]
    assert "No data yet." in CHARTS["empty"]
    many = charts.bar_chart([str(n) for n in range(100)], list(range(100)), title="t")
    assert "and 60 more." in many


def test_chart_colours_keep_3_to_1_against_white() -> None:
    for colour in charts.PALETTE:
        assert charts.contrast(colour, "#ffffff") >= 3, colour


# -- Servers over generated data --------------------------------------------------------------------------

@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", TODAY)


@pytest.fixture(scope="module")
def solo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, dict[str, int]]]:
    """One owner's generated export, imported, plus hostile names and an invitation with a note."""
    mp = pytest.MonkeyPatch()
    mp.setenv("TWOWAY_TODAY", TODAY)
    base = tmp_path_factory.mktemp("a11y")
    export = generate_export(base / "export", seed=5, connections=200, years=5, today=date(2026, 11, 20))
    db = str(base / "twoway.db")
    store = open_store(db)
    import_export(store, export.path)
    with store.begin() as conn:
        owner = int(conn.execute(text("SELECT id FROM owners")).scalar_one())
        xss = add_person(conn, owner, XSS, company=XSS, position=XSS, connected_on="2022-02-02")
        add_message(conn, owner, xss, "in", "2026-06-01", XSS)
        for name in ("Una Answered", "Noel Reply"):  # three unanswered check-ins each: prune candidates to review
            quiet = add_person(conn, owner, name, company="Quiet Co", connected_on="2021-02-02")
            for on in ("2026-02-01", "2026-05-01", "2026-08-01"):
                add_message(conn, owner, quiet, "out", on, "Checking in: how are things at Quiet Co?")
        stranger = add_stranger(conn, XSS + " Stranger", company="Spam Inc", position=XSS)
        add_invitation(conn, owner, stranger, "in", "2026-11-18", XSS, XSS + " Stranger")
        rich = int(conn.execute(text(
            "SELECT person_id FROM interactions WHERE owner_id = :o AND person_id IS NOT NULL GROUP BY person_id "
            "ORDER BY COUNT(*) DESC, person_id LIMIT 1"), {"o": owner}).scalar_one())
    store.close()
    with LiveServer(db) as server:
        yield server, {"owner": owner, "xss": xss, "rich": rich}
    mp.undo()


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, dict[str, int]]]:
    from twoway.graph import cache

    cache.clear()
    db = str(tmp_path_factory.mktemp("a11y-team") / "team.db")
    store = open_store(db)
    people = build_team(store).people
    store.close()
    with LiveServer(db, owner="Alice Archer") as server:
        yield server, people
    cache.clear()


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server with nothing imported yet, behind an access token (the login page)."""
    db = str(tmp_path_factory.mktemp("a11y-empty") / "empty.db")
    with LiveServer(db, token="secret-token-for-tests") as server:  # noqa: S106 - a test's own token
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        unavailable(NO_CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    yield pg
    context.close()
    assert not errors, errors


def visit(page: Any, url: str, status: int = 200) -> None:
    response = page.goto(url)
    assert response is not None, url
    assert response.status == status, (url, response.status)
    page.wait_for_load_state("load")


# -- Every page, audited ------------------------------------------------------------------------------------

SOLO_PAGES = [
    ("overview", "/", 200),
    ("week", "/week", 200),
    ("week-next", "/week?week_of=2026-11-30", 200),
    ("people", "/people", 200),
    ("people-filtered", "/people?text=a&state=due&sort=strength&desc=true&min_strength=1", 200),
    ("people-by-date", "/people?connected_since=2022-01-01&connected_before=2026-01-01&sort=connected&page=2", 200),
    ("people-none", "/people?text=nobody-matches-this", 200),
    ("people-tag", "/people?tag=missing&status=all", 200),
    ("person-rich", "/people/{rich}", 200),
    ("person-xss", "/people/{xss}", 200),
    ("invitations", "/invitations", 200),
    ("invitations-all", "/invitations?all=true", 200),
    ("prune", "/prune", 200),
    ("prune-after-a-decision", "/prune?at=1&done=kept", 200),
    ("merges", "/merges", 200),
    ("merges-after-an-undo", "/merges?done=unmerged", 200),
    ("import", "/import", 200),
    ("settings", "/settings", 200),
    ("settings-saved", "/settings?done=setting_saved", 200),
    ("network-one-owner", "/network", 200),
    ("network-duplicates", "/network/duplicates", 200),
    ("error-404-person", "/people/99999999", 404),
    ("error-404-path", "/no-such-page", 404),
    ("error-bad-query", "/people?min_strength=lots", 400),
]


@pytest.mark.parametrize(("name", "url", "status"), SOLO_PAGES, ids=[p[0] for p in SOLO_PAGES])
@pytest.mark.browser
def test_page_passes_axe(page: Any, solo: tuple[LiveServer, dict[str, int]], name: str, url: str,
                         status: int) -> None:
    server, ids = solo
    visit(page, server.url + url.format(**ids), status)
    assert_accessible(page, name)


TEAM_PAGES = [
    ("network", "/network", 200),
    ("network-path", "/network/path?a=me&b=Carol+Cole", 200),
    ("network-path-unknown", "/network/path?a=me&b=Nobody+Known", 404),
    ("network-intros", "/network/intros?source=me&target=Yuri+Young", 200),
    ("network-intros-company", "/network/intros?source=me&company=acme", 200),
    ("network-suggest", "/network/suggest?person=me", 200),
    ("network-duplicates-team", "/network/duplicates", 200),
    ("person-in-team", "/people/{Yuri Young}", 200),
]


@pytest.mark.parametrize(("name", "url", "status"), TEAM_PAGES, ids=[p[0] for p in TEAM_PAGES])
@pytest.mark.browser
def test_team_page_passes_axe(page: Any, team: tuple[LiveServer, dict[str, int]], name: str, url: str,
                              status: int) -> None:
    server, people = team
    visit(page, server.url + url.replace("{Yuri Young}", str(people["Yuri Young"])), status)
    assert_accessible(page, name)


@pytest.mark.browser
def test_login_and_empty_database_pages_pass_axe(page: Any, empty: LiveServer) -> None:
    visit(page, empty.url + "/", 401)
    assert page.locator("#token").is_visible()
    assert_accessible(page, "login")
    page.fill("#token", "secret-token-for-tests")
    page.get_by_role("button", name="Open twoway").click()
    page.wait_for_load_state("load")
    assert_accessible(page, "first run, nothing imported")
    visit(page, empty.url + "/people", 404)  # nobody's network yet: the page says to import one
    assert page.get_by_role("link", name="Import an export").is_visible()
    assert_accessible(page, "people, nothing imported")


@pytest.mark.browser
def test_pages_after_actions_pass_axe(page: Any, solo: tuple[LiveServer, dict[str, int]],
                                      tmp_path: Path) -> None:
    """States only an action reaches: an inline setting error, announcements, a failed import."""
    server, ids = solo
    visit(page, server.url + "/settings")
    page.fill("#v-attempt_gap_days", "0")
    page.locator("#attempt_gap_days button[type=submit]").first.click()
    page.wait_for_load_state("load")
    assert "below the minimum" in page.locator("#e-attempt_gap_days").inner_text()
    assert_accessible(page, "settings with an inline error")

    visit(page, server.url + f"/people/{ids['xss']}")
    page.fill("#note-body", "")
    page.fill("#tag-add", "a11y")
    page.get_by_role("button", name="Add", exact=True).click()
    page.wait_for_load_state("load")
    assert_accessible(page, "person after adding a tag")

    visit(page, server.url + "/week")
    page.locator("article.plan-item").first.get_by_role("button", name="Mark sent").click()
    page.locator("#live").wait_for(state="visible")
    assert_accessible(page, "week after an action announced in place")

    bad = tmp_path / "not-an-export.zip"
    bad.write_bytes(b"this is not a zip archive")
    visit(page, server.url + "/import")
    page.set_input_files("#file", str(bad))
    page.get_by_role("button", name="Import").click()
    page.wait_for_url("**/import/*")
    page.locator("#import-job .error-message").wait_for(timeout=30_000)
    assert_accessible(page, "failed import")


# -- The audit itself catches what it should ----------------------------------------------------------------

@pytest.mark.browser
def test_the_audit_fails_on_real_violations(page: Any, solo: tuple[LiveServer, dict[str, int]]) -> None:
    """Break a page on purpose (low contrast, an unlabelled field, an empty button, a skipped heading)."""
    server, _ids = solo
    visit(page, server.url + "/people")
    page.evaluate("""() => {
      const main = document.querySelector("main");
      main.insertAdjacentHTML("beforeend",
        '<p id="faint">faint text</p><input id="bare"><button id="empty"></button><h4>skipped levels</h4>');
      document.getElementById("faint").style.color = "#aaaaaa";  // CSSOM: the CSP forbids style attributes
    }""")
    found = {v["id"]: v for v in axe_violations(page)}
    assert {"color-contrast", "label", "button-name", "heading-order"} <= set(found)
    assert found["label"]["helpUrl"].startswith("https://dequeuniversity.com/rules/axe/")
    assert any(n["target"] == "#bare" for n in found["label"]["nodes"])
    with pytest.raises(AssertionError, match=r"button-name \(critical\).*dequeuniversity"):
        assert_accessible(page, "broken on purpose")


# -- The keyboard -------------------------------------------------------------------------------------------

def _focus_ring(page: Any) -> dict[str, Any]:
    """What the focused element shows: its outline, and whether it is on screen."""
    ring: dict[str, Any] = page.evaluate("""() => {
      const el = document.activeElement, style = getComputedStyle(el), box = el.getBoundingClientRect();
      return {id: el.id, tag: el.tagName.toLowerCase(), text: (el.textContent || "").trim(),
              visible: el.matches(":focus-visible"), outline: style.outlineStyle,
              width: parseFloat(style.outlineWidth), onScreen: box.width > 0 && box.height > 0 && box.left >= 0
              && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight};
    }""")
    return ring


def _assert_ring(ring: dict[str, Any], *, on_screen: bool = True) -> None:
    assert ring["visible"], ring  # :focus-visible matches
    assert ring["outline"] != "none", ring
    assert ring["width"] >= 2, ring
    if on_screen:
        assert ring["onScreen"], ring


@pytest.mark.browser
def test_people_page_tab_reaches_skip_link_then_search(page: Any, solo: tuple[LiveServer, dict[str, int]]) -> None:
    server, _ids = solo
    visit(page, server.url + "/people")
    page.keyboard.press("Tab")
    ring = _focus_ring(page)
    assert ring["text"] == "Skip to content"
    _assert_ring(ring)  # the skip link moves on screen when focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.keyboard.press("Tab")
    ring = _focus_ring(page)
    assert ring["id"] == "f-text", ring
    _assert_ring(ring)
    page.keyboard.type("zzz-nobody")
    page.keyboard.press("Enter")
    page.wait_for_url("**text=zzz-nobody**")
    assert "Nobody matches" in page.locator("main").inner_text()


def _candidate(page: Any) -> int:
    return int(page.locator("#cand-name a").get_attribute("href").rsplit("/", 1)[1])


@pytest.mark.browser
def test_prune_shortcuts_work_and_focus_stays_visible(page: Any, solo: tuple[LiveServer, dict[str, int]]) -> None:
    server, _ids = solo
    visit(page, server.url + "/prune")
    shortcuts = page.locator("[aria-keyshortcuts]")
    assert {shortcuts.nth(i).get_attribute("aria-keyshortcuts") for i in range(shortcuts.count())} \
        >= {"k", "h", "r", "n"}
    first = _candidate(page)
    page.keyboard.press("n")  # skip for now
    page.wait_for_url("**at=1**")
    second = _candidate(page)
    assert second != first
    page.keyboard.press("p")  # back
    page.wait_for_url("**at=0**")
    assert _candidate(page) == first
    # typing in a field never triggers a shortcut
    page.evaluate("document.querySelector('main').insertAdjacentHTML('afterbegin', "
                  "'<label for=t>scratch</label><input id=t>')")
    page.focus("#t")
    page.keyboard.type("khr")
    assert _candidate(page) == first
    assert "done=" not in page.url
    page.keyboard.press("Escape")
    page.evaluate("document.activeElement.blur()")
    # Tab through the review: every stop shows its focus ring
    visit(page, server.url + "/prune")
    for _ in range(25):
        page.keyboard.press("Tab")
        ring = _focus_ring(page)
        _assert_ring(ring, on_screen=False)
        if ring["text"].startswith("Keep"):
            break
    else:
        pytest.fail("Tab never reached the Keep button")
    page.keyboard.press("k")
    page.wait_for_url("**done=kept**")
    assert _candidate(page) != first
    # after a decision, focus lands on the next candidate, visibly, so the review goes on from there
    ring = _focus_ring(page)
    assert ring["id"] == "cand-name", ring
    _assert_ring(ring)
    assert "Kept" in page.locator("p.flash").inner_text()
