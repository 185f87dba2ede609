"""Safe even on localhost: Host check, CSRF on every write, the access token, security headers, body cap."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web_support import BASE, WebClient, page_csrf
from twoway.web import create_app
from twoway.web.security import CSRF_COOKIE, GUESS_LIMIT, GUESS_WINDOW_S, Guard


@pytest.fixture
def client(tmp_path: Path) -> Iterator[WebClient]:
    with WebClient(create_app(str(tmp_path / "t.db"))) as c:
        yield c


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "[::1]:8765", "localhost"])
def test_loopback_hosts_are_served(client: WebClient, host: str) -> None:
    assert client.get("/settings", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1.evil.example", "", "localhost.:1"])
def test_foreign_host_is_refused_in_the_error_shape(client: WebClient, host: str) -> None:
    response = client.get("/api/settings", headers={"host": host})
    assert response.status_code == 400
    assert response.json() == {"error": {"code": "bad_host", "message": response.json()["error"]["message"],
                                         "status": 400}}
    page = client.get("/settings", headers={"host": host})
    assert page.status_code == 400
    assert "text/html" in page.headers["content-type"]


def test_allowed_hosts_extend_the_loopback_names(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "t.db"), allowed_hosts=["twoway.internal"])
    with WebClient(app, base_url="http://twoway.internal:8765") as c:
        assert c.get("/api/settings").status_code == 200
        assert c.get("/api/settings", headers={"host": "other.internal"}).status_code == 400


def test_every_write_needs_the_csrf_token(client: WebClient) -> None:
    client.get("/settings")  # gets the cookie
    bare = client.put("/api/settings/cadence_days", json={"value": 90})
    assert bare.status_code == 403
    assert bare.json()["error"]["code"] == "csrf"
    wrong = client.put("/api/settings/cadence_days", json={"value": 90}, headers={"X-CSRF-Token": "x.y"})
    assert wrong.status_code == 403
    for method in ("POST", "PATCH", "DELETE"):
        assert client.request(method, "/api/settings/cadence_days").status_code in (403, 405)
    assert client.delete("/api/settings/cadence_days").status_code == 403
    form = client.post("/settings/cadence_days", data={"value": "90"}, follow_redirects=False)
    assert form.status_code == 403
    assert "text/html" in form.headers["content-type"]
    assert client.get("/api/settings").json()[0]["value"] == 365  # nothing changed


def test_page_form_token_and_header_token_are_accepted(client: WebClient) -> None:
    token = page_csrf(client.get("/settings").text)
    ok = client.post("/settings/cadence_days", data={"value": "90", "csrf_token": token}, follow_redirects=False)
    assert ok.status_code == 303
    ok2 = client.put("/api/settings/cadence_days", json={"value": 100}, headers={"X-CSRF-Token": token})
    assert ok2.status_code == 200
    assert ok2.json()["value"] == 100


def test_csrf_token_must_match_a_signed_cookie(client: WebClient) -> None:
    forged = "abc.def"
    client.cookies.set(CSRF_COOKIE, forged)
    response = client.put("/api/settings/cadence_days", json={"value": 90}, headers={"X-CSRF-Token": forged})
    assert response.status_code == 403  # a cookie planted by another app on localhost is not enough
    other = Guard().new_csrf()  # signed by a different server's secret
    client.cookies.set(CSRF_COOKIE, other)
    assert client.put("/api/settings/cadence_days", json={"value": 90},
                      headers={"X-CSRF-Token": other}).status_code == 403


def test_cross_site_origin_is_refused_even_with_token(client: WebClient) -> None:
    response = client.api("PUT", "/api/settings/cadence_days", json={"value": 90},
                          headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    same = client.api("PUT", "/api/settings/cadence_days", json={"value": 90}, headers={"Origin": BASE})
    assert same.status_code == 200


def test_csrf_cookie_is_strict_and_http_only(client: WebClient) -> None:
    cookie = client.get("/settings").headers["set-cookie"]
    assert "SameSite=Strict" in cookie
    assert "HttpOnly" in cookie
    assert "Path=/" in cookie


def test_security_headers_on_pages_api_errors_and_static(client: WebClient) -> None:
    for url in ("/settings", "/api/settings", "/api/missing", "/missing", "/static/app.css"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp
        assert "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "same-origin"
    assert client.get("/api/settings").headers["cache-control"] == "no-store"


def test_pages_use_no_inline_script_and_no_external_assets(client: WebClient) -> None:
    for url in ("/settings", "/import", "/missing"):
        html = client.get(url).text
        assert "<script>" not in html
        assert "onclick" not in html
        assert "javascript:" not in html
        assert "http://" not in html.replace("http://www.w3.org", "")
        assert "https://" not in html


@pytest.fixture
def token_client(tmp_path: Path) -> Iterator[WebClient]:
    app = create_app(str(tmp_path / "t.db"), token="s3cret-token", allowed_hosts=["10.0.0.5"])  # noqa: S106
    with WebClient(app, base_url="http://10.0.0.5:8765") as c:
        yield c


def test_token_is_required_when_set(token_client: WebClient) -> None:
    api = token_client.get("/api/settings")
    assert api.status_code == 401
    assert api.json()["error"]["code"] == "unauthorized"
    page = token_client.get("/settings")
    assert page.status_code == 401
    assert 'action="/login"' in page.text
    assert token_client.get("/static/app.css").status_code == 200  # the login page needs its style
    wrong = token_client.get("/api/settings", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401


def test_bearer_token_opens_the_api_without_csrf(token_client: WebClient) -> None:
    auth = {"Authorization": "Bearer s3cret-token"}
    assert token_client.get("/api/settings", headers=auth).status_code == 200
    changed = token_client.put("/api/settings/cadence_days", json={"value": 60}, headers=auth)
    assert changed.status_code == 200
    assert changed.json()["value"] == 60


def test_token_link_sets_a_cookie_and_drops_the_token_from_the_url(token_client: WebClient) -> None:
    first = token_client.get("/settings?token=s3cret-token", follow_redirects=False)
    assert first.status_code == 303
    assert first.headers["location"] == "/settings"
    assert "HttpOnly" in first.headers["set-cookie"]
    assert token_client.get("/settings").status_code == 200
    # the cookie session still needs CSRF for writes
    assert token_client.put("/api/settings/cadence_days", json={"value": 60}).status_code == 403
    token = page_csrf(token_client.get("/settings").text)
    ok = token_client.put("/api/settings/cadence_days", json={"value": 60}, headers={"X-CSRF-Token": token})
    assert ok.status_code == 200


def test_login_form_checks_the_token(token_client: WebClient) -> None:
    bad = token_client.post("/login", data={"token": "guess"}, follow_redirects=False)
    assert bad.status_code == 401
    good = token_client.post("/login", data={"token": "s3cret-token"}, follow_redirects=False)
    assert good.status_code == 303
    assert token_client.get("/api/settings").status_code == 200


def test_guessing_the_token_is_throttled(token_client: WebClient) -> None:
    # Ten distinct wrong tokens from one address, by any route, and then even the right one waits.
    for n in range(GUESS_LIMIT - 1):
        assert token_client.post("/login", data={"token": f"guess-{n}"}, follow_redirects=False).status_code == 401
    last = token_client.get("/api/settings", headers={"Authorization": "Bearer guess-last"})
    assert last.status_code == 401
    page = token_client.post("/login", data={"token": "s3cret-token"}, follow_redirects=False)
    api = token_client.get("/api/settings", headers={"Authorization": "Bearer s3cret-token"})
    assert (page.status_code, api.status_code) == (429, 429)
    assert "Too many wrong access tokens" in page.text
    assert api.json()["error"]["code"] == "too_many_attempts"
    for attempt in (page, api):
        assert 0 < int(attempt.headers["retry-after"]) <= GUESS_WINDOW_S + 1


def test_one_stale_token_sent_again_and_again_is_one_guess(token_client: WebClient) -> None:
    # A browser keeps sending the cookie of a token from an earlier run with every page and asset.
    token_client.cookies.set("twoway_token", "from-last-week")
    for _ in range(3 * GUESS_LIMIT):
        assert token_client.get("/settings").status_code == 401
    token_client.cookies.clear()
    assert token_client.post("/login", data={"token": "s3cret-token"}, follow_redirects=False).status_code == 303


def test_the_guess_window_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    guard = Guard(token="right")  # noqa: S106
    clock = [1000.0]
    monkeypatch.setattr(time, "monotonic", lambda: clock[0])
    for n in range(GUESS_LIMIT):
        guard.missed("10.0.0.9", f"g{n}")
    assert guard.wait_before_guessing("10.0.0.9") == pytest.approx(GUESS_WINDOW_S)
    assert guard.wait_before_guessing("10.0.0.8") == 0  # other addresses are not held up
    clock[0] += GUESS_WINDOW_S + 1
    assert guard.wait_before_guessing("10.0.0.9") == 0
    assert "10.0.0.9" not in guard.guesses


def test_oversized_body_is_refused_before_reading(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "t.db"), max_upload_mb=1)
    with WebClient(app) as c:
        big = b"x" * (3 * 2**20)
        response = c.api("POST", "/api/imports", files={"file": ("e.zip", big, "application/zip")})
        assert response.status_code == 413
        assert response.json()["error"]["code"] == "too_large"


def test_redirect_target_must_stay_on_this_site(client: WebClient) -> None:
    for target, expected in (("/people?x=1", "/people?x=1&done=setting_saved"),
                             ("//evil.example/", "/settings?done=setting_saved#cadence_days"),
                             ("https://evil.example/", "/settings?done=setting_saved#cadence_days")):
        response = client.form(f"/settings/cadence_days?next={target}", {"value": "90"})
        assert response.status_code == 303
        assert response.headers["location"] == expected
