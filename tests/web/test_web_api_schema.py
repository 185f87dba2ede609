"""/openapi.json describes every JSON body, and the API keeps to it: schemathesis, in-process and offline.

Bounded: 40 examples per operation (about 20 s on a laptop), no deadline per example, over a small seeded
network. Writes go through the bearer token (no CSRF dance), into a throw-away database.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.web_support import WebClient, seed_network
from twoway.store import open_store
from twoway.web import create_app

TOKEN = "schema-test-token"  # noqa: S105 - a throw-away token for an in-process app
TYPED = ["/api/people", "/api/people/{person_id}", "/api/week", "/api/prune", "/api/invitations", "/api/overview",
         "/api/settings", "/api/imports", "/api/imports/{job_id}", "/api/dormant", "/api/owners", "/api/network",
         "/api/people/lookup"]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    mp = pytest.MonkeyPatch()
    mp.setenv("TWOWAY_TODAY", "2026-11-20")
    db = str(tmp_path_factory.mktemp("schema") / "t.db")
    store = open_store(db)
    seed_network(store)
    application = create_app(db, token=TOKEN, allowed_hosts=["testserver"])
    with WebClient(application):  # runs the lifespan
        yield application
    store.close()
    mp.undo()


@pytest.fixture(scope="module")
def api_schema(app: FastAPI) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", app, headers={"Authorization": f"Bearer {TOKEN}"})


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_api_keeps_to_its_description(case: Any) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"},
                           checks=[not_a_server_error, response_schema_conformance])


def untyped_responses(spec: dict[str, Any]) -> list[str]:
    """Every 2xx JSON body (or array item) whose schema is an untyped object, as "METHOD /path (status)"."""
    def untyped(schema: dict[str, Any]) -> bool:
        if "$ref" in schema:
            return False
        if schema.get("type") == "array":
            return untyped(schema.get("items", {}))
        if "anyOf" in schema or "oneOf" in schema:
            return any(untyped(s) for s in schema.get("anyOf", schema.get("oneOf", [])) if s.get("type") != "null")
        return not schema.get("properties")  # {} or {"type": "object", "additionalProperties": true}

    found = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status, response in operation.get("responses", {}).items():
                body = response.get("content", {}).get("application/json")
                if status.startswith("2") and body is not None and untyped(body.get("schema", {})):
                    found.append(f"{method.upper()} {path} ({status})")
    return found


def test_every_json_response_is_typed(app: FastAPI) -> None:
    """Every JSON endpoint, routes added later included, describes its body with a model (web/schemas.py)."""
    spec = app.openapi()
    untyped = untyped_responses(spec)
    assert not untyped, ("these routes answer an untyped JSON object; give each a response_model from "
                         f"twoway.web.schemas: {', '.join(untyped)}")
    for path in TYPED:
        assert path in spec["paths"], path
    people = spec["components"]["schemas"]["PeopleListing"]
    assert {"rows", "total", "page"} <= set(people["required"])


def test_the_untyped_check_can_fail() -> None:
    spec = {"paths": {"/api/x": {"post": {"responses": {"200": {"content": {"application/json": {
        "schema": {"type": "object", "additionalProperties": True}}}}}}},
        "/api/y": {"get": {"responses": {"200": {"content": {"application/json": {
            "schema": {"type": "array", "items": {"type": "object"}}}}}}}},
        "/api/z": {"get": {"responses": {"200": {"content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Z"}}}}}}}}}
    assert untyped_responses(spec) == ["POST /api/x (200)", "GET /api/y (200)"]


def test_ids_name_people_on_every_endpoint(app: FastAPI) -> None:
    """Degree, mutual, introductions and suggestions take person ids (or `me`); names only via lookup."""
    spec = app.openapi()
    for path in ("/api/network/degree", "/api/network/mutual", "/api/network/introductions",
                 "/api/network/suggestions"):
        for param in spec["paths"][path]["get"]["parameters"]:
            if param["name"] in {"a", "b", "source", "target", "person"}:
                assert "person id" in param["description"], (path, param["name"])
    assert "/api/people/lookup" in spec["paths"]


def test_docs_are_served_offline(tmp_path: Path) -> None:
    with WebClient(create_app(str(tmp_path / "t.db"))) as client:
        docs = client.get("/docs")
        assert docs.status_code == 200
        assert "http" not in docs.text.replace("http-equiv", "")  # nothing from another site
        for asset in ("/static/swagger-ui-bundle.js", "/static/swagger-ui.css", "/static/docs.js"):
            assert asset in docs.text
            assert client.get(asset).status_code == 200, asset
        assert "script-src 'self'" in docs.headers["content-security-policy"]
