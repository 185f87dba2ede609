"""Every page works on a phone and on a laptop, in the real browser: nothing scrolls sideways, chart labels never
overlap, no markdown or code identifiers show as text, and /docs runs offline under the CSP.

Reuses the accessibility suite's servers (a generated export; a team of members for the network pages).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.test_web_a11y import SOLO_PAGES, TEAM_PAGES, browser, solo, team, visit
from tests.web_support import NO_BROWSER_HERE, NO_CHROMIUM, LiveServer

__all__ = ["browser", "solo", "team"]  # fixtures, used by name

pytestmark = [pytest.mark.browser, pytest.mark.skipif(NO_BROWSER_HERE, reason=NO_CHROMIUM)]

SCREENS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 900}}
# Visible text that is code, not prose: markdown backticks, or a snake_case identifier (a_b, a_b_c).
CODE_LIKE = re.compile(r"`|\b[a-z]+(?:_[a-z0-9]+)+\b")

WIDTH_JS = "() => [document.documentElement.scrollWidth, window.innerWidth]"
WIDE_JS = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
          && !e.closest('.table-scroll:not(:has(> table.cards))') && getComputedStyle(e).position !== 'absolute')
  .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""
# On a phone each wide table (class "cards": People, Invitations, acceptance) is one card per row, nothing
# scrolling sideways, not even inside its own box.
CARDS_JS = """() => [...document.querySelectorAll('table.cards')].filter(t => {
    const box = t.parentElement, row = t.querySelector('tbody tr');
    return box.scrollWidth > box.clientWidth + 1 || t.getBoundingClientRect().right > window.innerWidth + 1
      || (row && getComputedStyle(row).display !== 'block');
  }).map(t => t.parentElement.getAttribute('aria-label'))"""
OVERLAP_JS = """() => {
  const out = [];
  for (const svg of document.querySelectorAll('svg')) {
    const boxes = [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBoundingClientRect()])
      .filter(([, r]) => r.width > 0);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const [a, p] = boxes[i], [b, q] = boxes[j];
      const x = Math.min(p.right, q.right) - Math.max(p.left, q.left);
      const y = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
      if (x > 0.5 && y > 0.5) out.push(`${svg.getAttribute('aria-label')}: "${a}" overlaps "${b}"`);
    }
  }
  return out;
}"""


@pytest.fixture(params=list(SCREENS))
def screen(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = browser.new_context(viewport=SCREENS[request.param])
    yield context.new_page()
    context.close()


def check_page(page: Any, where: str) -> None:
    scroll_width, inner = page.evaluate(WIDTH_JS)
    assert scroll_width <= inner, f"{where}: the page scrolls sideways ({scroll_width} > {inner}): " \
                                  f"{page.evaluate(WIDE_JS)}"
    if page.viewport_size["width"] <= SCREENS["phone"]["width"]:
        not_cards = page.evaluate(CARDS_JS)
        assert not not_cards, f"{where}: these tables are not cards on a phone: {not_cards}"
    overlaps = page.evaluate(OVERLAP_JS)
    assert not overlaps, f"{where}: {overlaps}"
    shown = page.locator("body").inner_text()
    code = sorted({m.group(0) for m in CODE_LIKE.finditer(shown)})
    assert not code, f"{where}: code shown as text: {code}"


@pytest.mark.parametrize(("name", "url", "status"), SOLO_PAGES, ids=[p[0] for p in SOLO_PAGES])
def test_page_fits_the_screen(screen: Any, solo: tuple[LiveServer, dict[str, int]], name: str, url: str,
                              status: int) -> None:
    server, ids = solo
    visit(screen, server.url + url.format(**ids), status)
    check_page(screen, name)


@pytest.mark.parametrize(("name", "url", "status"), TEAM_PAGES, ids=[p[0] for p in TEAM_PAGES])
def test_team_page_fits_the_screen(screen: Any, team: tuple[LiveServer, dict[str, int]], name: str, url: str,
                                   status: int) -> None:
    server, people = team
    visit(screen, server.url + url.replace("{Yuri Young}", str(people["Yuri Young"])), status)
    check_page(screen, name)


def test_docs_run_offline_under_the_csp(screen: Any, solo: tuple[LiveServer, dict[str, int]]) -> None:
    server, _ids = solo
    problems: list[str] = []
    screen.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    screen.on("request", lambda r: problems.append("outside: " + r.url) if not r.url.startswith(server.url)
              and not r.url.startswith("data:") else None)
    visit(screen, server.url + "/docs")
    screen.locator(".opblock-tag").first.wait_for(timeout=15_000)
    assert screen.locator(".opblock").count() > 10
    assert not problems, problems


def test_gauge_fills_the_band_the_count_is_in_and_outlines_the_owners_stage() -> None:
    from twoway.health import charts

    bands: list[tuple[str, float, float | None]] = [("student", 50, 100), ("graduate", 100, 300),
                                                    ("established", 500, 1000), ("executive", 1000, None)]
    svg = charts.range_gauge(650, bands, title="Size", highlight="graduate")
    filled = re.findall(r'<rect [^>]*fill="#2f6db5"[^>]*><title>([^:]+):', svg)
    assert filled == ["established"]  # 650 is in 500–1000: the marker's band is the one filled
    assert re.search(r'stroke-dasharray="4 3"><title>graduate:', svg)  # the owner's stage, outlined
    assert "graduate (yours)" in svg
    assert "in the band established; your career stage: graduate" in svg
