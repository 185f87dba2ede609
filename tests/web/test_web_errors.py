"""One JSON error shape for every API error; a readable page for people."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import APIRouter

from tests.web_support import WebClient, seeded_web
from twoway.errors import Ambiguous, Conflict, InputError, NotFound, StorageError, TwowayError
from twoway.web import create_app

SHAPE_KEYS = {"code", "message", "status"}


def assert_error(response: object, status: int, code: str) -> dict[str, object]:
    import httpx

    assert isinstance(response, httpx.Response)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == SHAPE_KEYS
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str)
    assert body["error"]["message"]
    return dict(body["error"])


@pytest.fixture
def client(tmp_path: Path) -> Iterator[WebClient]:
    app = create_app(str(tmp_path / "t.db"))
    boom = APIRouter()

    @boom.get("/api/test/raise/{kind}")
    def raise_(kind: str) -> None:
        errors: dict[str, TwowayError] = {
            "input": InputError("bad row", file="Connections.csv", line=7), "notfound": NotFound("nobody"),
            "ambiguous": Ambiguous("two Adas"), "conflict": Conflict("already"), "storage": StorageError("disk"),
        }
        if kind == "crash":
            raise RuntimeError("secret internals /etc/passwd")
        raise errors[kind]

    app.include_router(boom)
    with WebClient(app, raise_server_exceptions=False) as c:
        yield c


def test_unknown_path_and_method(client: WebClient) -> None:
    assert_error(client.get("/api/nothing/here"), 404, "not_found")
    assert_error(client.delete("/api/csrf", headers={"X-CSRF-Token": client.csrf}), 405, "method_not_allowed")


def test_validation_errors_use_the_shape(client: WebClient) -> None:
    err = assert_error(client.api("PUT", "/api/settings/cadence_days", json={"nope": 1}), 422, "invalid_request")
    assert "value" in str(err["message"])
    assert_error(client.api("PUT", "/api/settings/cadence_days", content=b"{", headers={
        "content-type": "application/json"}), 422, "invalid_request")


def test_twoway_errors_keep_their_code_and_status(client: WebClient) -> None:
    err = assert_error(client.get("/api/test/raise/input"), 400, "bad_input")
    assert err["message"] == "Connections.csv, line 7: bad row"
    assert_error(client.get("/api/test/raise/notfound"), 404, "not_found")
    assert_error(client.get("/api/test/raise/ambiguous"), 409, "ambiguous")
    assert_error(client.get("/api/test/raise/conflict"), 409, "conflict")
    assert_error(client.get("/api/test/raise/storage"), 500, "storage")
    assert_error(client.api("PUT", "/api/settings/cadence_days", json={"value": 1}), 422, "invalid_setting")


def test_unexpected_errors_leak_nothing(client: WebClient) -> None:
    err = assert_error(client.get("/api/test/raise/crash"), 500, "internal")
    assert "passwd" not in str(err["message"])
    assert "Traceback" not in str(err["message"])


def test_csrf_and_host_errors_use_the_shape(client: WebClient) -> None:
    assert_error(client.put("/api/settings/cadence_days", json={"value": 9}), 403, "csrf")
    assert_error(client.get("/api/settings", headers={"host": "evil.example"}), 400, "bad_host")


def test_pages_get_an_html_error_page(client: WebClient) -> None:
    page = client.get("/no/such/page")
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "Not found" in page.text
    assert "/no/such/page" in page.text
    assert 'href="/settings"' in page.text


def test_json_accepting_clients_get_json_from_page_routes(client: WebClient) -> None:
    assert_error(client.get("/no/such/page", headers={"accept": "application/json"}), 404, "not_found")


def test_error_shape_is_described_in_openapi(client: WebClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["components"]["schemas"]["ErrorBody"]["required"] == ["error"]
    put = spec["paths"]["/api/settings/{name}"]["put"]["responses"]
    assert put["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    assert "HTTPValidationError" not in spec["components"]["schemas"]


@pytest.mark.parametrize(("url", "said"), [
    ("/api/people?page=99999999999999999999", "page"),
    ("/api/people?page=9223372036854775807", "page"),
    ("/api/people?page=-3", "page"),
    ("/api/week?week_of=9999-12-31", "week_of"),
    ("/api/week?week_of=0001-01-01", "week_of"),
])
def test_out_of_range_parameters_are_bad_input_not_crashes(tmp_path: Path, url: str, said: str) -> None:
    # Beyond a 64-bit OFFSET or what a date can hold once a week is added: the user is told, nothing breaks.
    with seeded_web(str(tmp_path / "t.db")) as (web, _store, _ids):
        err = assert_error(web.get(url), 400, "bad_input")
        assert said in str(err["message"])
        page = web.get(url.removeprefix("/api"))
        assert page.status_code == 400
        assert said.replace("_", " ") in page.text  # pages say parameter names in words
