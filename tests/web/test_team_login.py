"""A team server's dashboard: nothing without logging in, sessions in secure cookies, CSRF on writes as ever,
per-member API tokens, a throttle shared by every app over the database, and each member's own network."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.accounts.team_support import PASSWORD, Mate, make_member, mate_with_export
from tests.web_support import WebClient
from twoway import accounts
from twoway.accounts import throttle
from twoway.generator import generate_export
from twoway.store import Store, open_store
from twoway.views.imports import import_and_warm
from twoway.web import create_app

JSON = {"Accept": "application/json"}


@pytest.fixture
def team_db(tmp_path: Path) -> Iterator[tuple[str, Store, Mate, Mate]]:
    db = str(tmp_path / "team.db")
    store = open_store(db)
    ada = mate_with_export(store, tmp_path, "ada@example.com", "Ada Lovelace", seed=31, admin=True)
    bob = mate_with_export(store, tmp_path, "bob@example.com", "Bob Builder", seed=32)
    yield db, store, ada, bob
    store.close()


@pytest.fixture
def client(team_db: tuple[str, Store, Mate, Mate]) -> Iterator[WebClient]:
    with WebClient(create_app(team_db[0])) as c:
        yield c


def _login(client: WebClient, email: str, password: str = PASSWORD, **extra: str) -> httpx.Response:
    return client.form("/login", {"email": email, "password": password, **extra})


def test_nothing_is_shown_before_logging_in(client: WebClient) -> None:
    page = client.get("/week?all=1", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/login?next=%2Fweek%3Fall%3D1"
    api = client.get("/api/week")
    assert api.status_code == 401
    assert api.json()["error"]["code"] == "unauthorized"
    assert client.get("/login").status_code == 200
    assert client.get("/static/app.css").status_code == 200


def test_login_sets_a_strict_http_only_session_cookie_and_goes_where_it_was_asked(client: WebClient) -> None:
    done = _login(client, "ada@example.com", next="/week")
    assert done.status_code == 303
    assert done.headers["location"] == "/week"
    cookie = done.headers["set-cookie"]
    assert cookie.startswith("twoway_session=")
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie
    assert "Secure" not in cookie  # plain http on loopback
    me = client.get("/api/me").json()
    assert me["member"]["email"] == "ada@example.com"
    assert me["owner_name"] == "Ada Lovelace"
    week = client.get("/week")
    assert "Logged in as" in week.text
    assert "ada@example.com" in week.text


def test_login_never_redirects_off_site(client: WebClient) -> None:
    done = _login(client, "ada@example.com", next="//evil.example/x")
    assert done.headers["location"] == "/"


@pytest.mark.parametrize(("base", "secure_flag"), [("https://127.0.0.1", False), ("http://127.0.0.1", True)])
def test_the_cookie_is_secure_over_https_or_when_asked(team_db: tuple[str, Store, Mate, Mate], base: str,
                                                       secure_flag: bool) -> None:
    with WebClient(create_app(team_db[0], secure_cookies=secure_flag), base_url=base) as c:
        assert "Secure" in _login(c, "ada@example.com").headers["set-cookie"]


def test_a_wrong_password_shows_the_form_again_and_the_api_its_error_shape(client: WebClient) -> None:
    page = _login(client, "ada@example.com", "not the password")
    assert page.status_code == 401
    assert "wrong e-mail address or password" in page.text
    api = client.post("/login", data={"email": "ada@example.com", "password": "nope nope nope",
                                      "csrf_token": client.csrf}, headers=JSON)
    assert api.json() == {"error": {"code": "unauthorized", "message": "wrong e-mail address or password",
                                    "status": 401}}


def test_the_login_form_needs_its_csrf_token(client: WebClient) -> None:
    refused = client.post("/login", data={"email": "ada@example.com", "password": PASSWORD}, headers=JSON)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "csrf"


def test_writes_need_csrf_as_ever_once_logged_in(client: WebClient) -> None:
    _login(client, "ada@example.com")
    person = client.get("/api/people").json()["rows"][0]["id"]
    no_token = client.post(f"/api/people/{person}/notes", json={"body": "hello"})
    assert no_token.status_code == 403
    assert client.api("POST", f"/api/people/{person}/notes", json={"body": "hello"}).status_code == 201


def test_logout_ends_the_session(client: WebClient) -> None:
    _login(client, "ada@example.com")
    assert client.get("/api/me").status_code == 200
    out = client.form("/logout")
    assert out.status_code == 303
    assert out.headers["location"] == "/login"
    assert client.get("/api/me").status_code == 401
    assert client.get("/api/week").status_code == 401


def test_an_invitation_link_sets_the_password_once_and_logs_in(team_db: tuple[str, Store, Mate, Mate],
                                                               client: WebClient) -> None:
    store = team_db[1]
    with store.begin() as conn:
        member, code = accounts.add_member(conn, "cy@example.com")
    assert 'name="code"' in client.get(f"/setup?code={code}").text
    differ = client.form("/setup", {"code": code, "password": PASSWORD, "confirm": PASSWORD + "x"})
    assert differ.status_code == 422
    assert "differ" in differ.text
    done = client.form("/setup", {"code": code, "password": PASSWORD, "confirm": PASSWORD})
    assert done.status_code == 303
    assert client.get("/api/me").json()["member"]["id"] == member.id
    again = client.form("/setup", {"code": code, "password": PASSWORD, "confirm": PASSWORD})
    assert again.status_code == 401


def test_a_members_api_token_acts_for_them_without_csrf(team_db: tuple[str, Store, Mate, Mate],
                                                        client: WebClient) -> None:
    _db, _store, ada, bob = team_db
    assert client.get("/api/me", headers=ada.bearer).json()["member"]["email"] == ada.email
    assert client.get("/api/me", headers=bob.bearer).json()["member"]["email"] == bob.email
    person = client.get("/api/people", headers=bob.bearer).json()["rows"][0]["id"]
    assert client.post(f"/api/people/{person}/notes", json={"body": "x"}, headers=bob.bearer).status_code == 201
    wrong = client.get("/api/me", headers={"Authorization": "Bearer twt_not-a-token"})
    assert wrong.status_code == 401


def test_each_member_sees_their_own_plan_and_people(team_db: tuple[str, Store, Mate, Mate],
                                                    client: WebClient) -> None:
    _db, _store, ada, bob = team_db
    ada_people = {p["id"] for p in client.get("/api/people?per_page=200", headers=ada.bearer).json()["rows"]}
    bob_people = {p["id"] for p in client.get("/api/people?per_page=200", headers=bob.bearer).json()["rows"]}
    assert ada_people
    assert bob_people
    assert ada_people != bob_people
    ada_week = client.get("/api/week", headers=ada.bearer).json()
    bob_week = client.get("/api/week", headers=bob.bearer).json()
    assert ada_week != bob_week


def test_sessions_are_listed_and_revocable_by_their_member_only(team_db: tuple[str, Store, Mate, Mate]) -> None:
    db = team_db[0]
    app = create_app(db)
    with WebClient(app) as ada_browser, WebClient(app) as bob_browser:
        _login(ada_browser, "ada@example.com")
        _login(bob_browser, "bob@example.com")
        (bob_session,) = bob_browser.get("/api/sessions").json()
        assert bob_session["current"] is True
        assert ada_browser.api("DELETE", f"/api/sessions/{bob_session['id']}").status_code == 404
        assert bob_browser.get("/api/me").json()["member"]["email"] == "bob@example.com"
        gone = bob_browser.api("DELETE", f"/api/sessions/{bob_session['id']}")
        assert gone.status_code == 204
        assert bob_browser.get("/api/week").status_code == 401
        assert ada_browser.get("/api/me").json()["member"]["email"] == "ada@example.com"


def test_the_throttle_counts_across_two_apps_over_one_database(any_store: Store) -> None:
    make_member(any_store, "ada@example.com")
    first, second = create_app(any_store.url), create_app(any_store.url)
    with WebClient(first) as one, WebClient(second) as two:
        for _ in range(throttle.PER_ACCOUNT):
            assert _login(one, "ada@example.com", "wrong password!").status_code == 401
        refused = two.post("/login", data={"email": "ada@example.com", "password": PASSWORD,
                                           "csrf_token": two.csrf}, headers=JSON)
        assert refused.status_code == 429
        assert refused.json()["error"]["code"] == "too_many_attempts"
        assert 0 < int(refused.headers["retry-after"]) <= throttle.WINDOW_S
        page = _login(two, "ada@example.com")
        assert page.status_code == 429
        assert "retry-after" in page.headers


def test_an_upload_lands_in_the_members_own_network(tmp_path: Path) -> None:
    db = str(tmp_path / "team.db")
    store = open_store(db)
    member, token = make_member(store, "dee@example.com")
    other, other_token = make_member(store, "eve@example.com")
    export = generate_export(tmp_path / "x", seed=41, connections=20, owner_name="Dee Dee")
    with WebClient(create_app(db)) as c, export.path.open("rb") as fh:
        auth = {"Authorization": f"Bearer {token}"}
        job = c.post("/api/imports", files={"file": (export.path.name, fh, "application/zip")}, headers=auth).json()
        for _ in range(200):
            state = c.get(f"/api/imports/{job['id']}", headers=auth).json()
            if state["state"] in ("done", "failed"):
                break
            time.sleep(0.1)
        assert state["state"] == "done", state
        assert state["summary"]["owner_id"] == member.owner_id
        assert c.get("/api/me", headers=auth).json()["owner_name"] == "Dee Dee"
        eve = {"Authorization": f"Bearer {other_token}"}
        assert c.get(f"/api/imports/{job['id']}", headers=eve).status_code == 404
        assert c.get("/api/imports", headers=eve).json() == []
    assert other.owner_id != member.owner_id
    store.close()


def test_a_single_user_database_needs_no_login(tmp_path: Path) -> None:
    db = str(tmp_path / "solo.db")
    export = generate_export(tmp_path / "x", seed=42, connections=20, owner_name="Solo Sam")
    store = open_store(db)
    import_and_warm(store, export.path)
    store.close()
    with WebClient(create_app(db)) as c:
        assert c.get("/api/me").json() == {"team": False, "member": None, "owner_name": None}
        assert c.get("/api/week").status_code == 200
        assert c.get("/login", follow_redirects=False).headers["location"] == "/"
        assert "Logged in as" not in c.get("/").text


def test_each_members_settings_are_their_own(team_db: tuple[str, Store, Mate, Mate], client: WebClient) -> None:
    _db, _store, ada, bob = team_db
    changed = client.put("/api/settings/cadence_days", json={"value": 200}, headers=bob.bearer)
    assert changed.status_code == 200
    assert changed.json()["value"] == 200
    ada_settings = client.get("/api/settings", headers=ada.bearer).json()
    assert next(s["value"] for s in ada_settings if s["name"] == "cadence_days") == 365
