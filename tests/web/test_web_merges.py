"""The merge review page over the demo (its address book holds connections under name variants): each suggestion
side by side, Accept / Keep apart / Undo as plain forms with the CSRF field, the same suggestions as its JSON twin
GET /api/merges, accessible and fitting a 390 px phone in the real browser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.web.test_web_a11y import browser
from tests.web.test_web_layout import check_page
from tests.web_support import NO_BROWSER_HERE, NO_CHROMIUM, LiveServer, WebClient, assert_accessible
from twoway.generator.demo import run_demo
from twoway.web import create_app

__all__ = ["browser"]  # a fixture, used by name

TODAY = "2026-11-20"


@pytest.fixture
def demo_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TWOWAY_TODAY", TODAY)
    db = str(tmp_path / "demo.db")
    run_demo(db, connections=200, years=4, history_days=0, seed=3)
    return db


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, errors


@pytest.mark.browser
@pytest.mark.skipif(NO_BROWSER_HERE, reason=NO_CHROMIUM)
def test_review_accept_undo_and_keep_apart_on_a_phone(phone: Any, demo_db: str) -> None:
    with LiveServer(demo_db) as server:
        twin = httpx.get(server.url + "/api/merges").json()
        assert len(twin) >= 2, twin
        response = phone.goto(server.url + "/merges")
        assert response is not None
        assert response.status == 200
        articles = phone.locator("article.candidate")
        assert articles.count() == len(twin)
        first = articles.first
        assert first.locator(".side").count() == 2  # the two people side by side (stacked on a phone)
        assert twin[0]["person_name"] in first.inner_text()
        assert twin[0]["other_email_list"][0] in first.inner_text()
        assert "LinkedIn connection" in first.inner_text()
        assert first.locator("input[name=csrf_token]").count() == 2
        check_page(phone, "merges")
        assert_accessible(phone, "merges")

        first.get_by_role("button", name="Accept: the same person").click()
        phone.wait_for_url("**/merges?done=merged")
        assert "Merged:" in phone.locator(".flash").first.inner_text()
        assert articles.count() == len(twin) - 1
        assert httpx.get(server.url + "/api/merges/done").json()[0]["other_name"] == twin[0]["other_name"]
        check_page(phone, "merges after a merge")

        phone.get_by_role("button", name="Undo").first.click()
        phone.wait_for_url("**/merges?done=unmerged")
        assert articles.count() == len(twin)
        assert httpx.get(server.url + "/api/merges").json() == twin  # back exactly as it was
        assert "undone" in phone.locator("table").inner_text()

        articles.first.get_by_role("button", name="Keep apart").click()
        phone.wait_for_url("**/merges?done=kept_apart")
        assert articles.count() == len(twin) - 1
        assert_accessible(phone, "merges after decisions")


def test_the_forms_need_their_csrf_field_and_a_known_verdict(demo_db: str) -> None:
    with WebClient(create_app(demo_db)) as client:
        [first, *_] = client.get("/api/merges").json()
        assert client.post(f"/merges/{first['id']}/decision", data={"verdict": "accept"}).status_code == 403
        bad = client.form(f"/merges/{first['id']}/decision", {"verdict": "maybe"})
        assert bad.status_code == 400
        assert client.api("POST", "/api/merges/999999/undo").status_code == 404
        assert client.get("/api/merges").json()[0] == first
