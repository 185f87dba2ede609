"""End to end in a real Chromium: a live server, every page walked, every action taken and checked.

Runs Debian's chromium through Playwright (`apt-get install chromium`; CI installs it). Screenshots
of every page are kept in tests/artifacts/ for a person to look at.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from web_support import XSS, seed_network

from twoway import invitations
from twoway import settings as settings_mod
from twoway.store import Store, open_store
from twoway.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                                                      "(apt-get install chromium); CI installs it"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn in a thread, on a free port of 127.0.0.1."""

    def __init__(self, db: str) -> None:
        import uvicorn

        self.port = _free_port()
        self.app = create_app(db)
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The server runs in this process, so it reads the same TWOWAY_TODAY (reset by conftest per test)."""
    monkeypatch.setenv("TWOWAY_TODAY", "2026-11-20")


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, Store, dict[str, int]]]:
    db = str(tmp_path_factory.mktemp("e2e") / "twoway.db")
    store = open_store(db)
    ids = seed_network(store)
    with LiveServer(db) as server:
        yield server, store, ids
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
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
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_settings_change_persists_and_keyboard_reaches_it(page: Any, live: tuple[LiveServer, Store, dict[str, int]]
                                                          ) -> None:
    server, store, _ids = live
    page.goto(server.url + "/settings")
    shot(page, "settings")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.fill("#v-attempt_gap_days", "9")
    page.locator("#attempt_gap_days button[type=submit]").first.click()
    page.wait_for_url("**/settings?done=setting_saved#attempt_gap_days")
    assert page.locator(".flash[role=status]").first.inner_text() == "Setting saved."
    assert store.settings()["attempt_gap_days"] == 9
    page.fill("#v-attempt_gap_days", "0")
    page.locator("#attempt_gap_days button[type=submit]").first.click()
    assert "below the minimum" in page.locator("#e-attempt_gap_days").inner_text()
    assert store.settings()["attempt_gap_days"] == 9
    with store.begin() as conn:
        settings_mod.reset(conn, "attempt_gap_days")


def test_invitations_decide_in_place_and_escape_names(page: Any, live: tuple[LiveServer, Store, dict[str, int]]
                                                      ) -> None:
    server, store, ids = live
    page.goto(server.url + "/invitations")
    shot(page, "invitations")
    assert XSS in page.locator("main").inner_text()  # shown as text, never run (a dialog would fail the test)
    card = page.locator("article.candidate", has_text="Stranger")
    card.get_by_role("button", name="Ignore").click()
    expect(page.locator("#live")).to_contain_text("ignore")
    with store.connect() as conn:
        got = invitations.list_invitations(conn, ids["owner"], direction="in", person_id=ids["stranger"])
    assert got[0].decision == "ignore"
    page.get_by_role("button", name="Mark withdrawn").first.click()
    expect(page.locator("#live")).to_contain_text("withdrawn")
    with store.connect() as conn:
        sent = invitations.list_invitations(conn, ids["owner"], direction="out", person_id=ids["invitee"])
    assert sent[0].status == "withdrawn"


def test_pages_work_without_javascript(browser: Any, live: tuple[LiveServer, Store, dict[str, int]]) -> None:
    server, store, _ids = live
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(server.url + "/settings")
    pg.fill("#v-cadence_days", "200")
    pg.locator("#cadence_days button[type=submit]").first.click()
    pg.wait_for_url("**done=setting_saved**")
    assert store.settings()["cadence_days"] == 200
    with store.begin() as conn:
        settings_mod.reset(conn, "cadence_days")
    context.close()
