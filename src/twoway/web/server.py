"""The app assembled: the store, the shared state, the security middleware, the API and the pages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from twoway.store import open_store
from twoway.web import api, api_merges, errors, intro_routes, pages, team
from twoway.web.acting import TeamGate
from twoway.web.app import API_DESCRIPTION, DEFAULT_MAX_UPLOAD_MB, STATIC, Web
from twoway.web.security import Guard, SecurityMiddleware, csrf_guard


def create_app(
    db: str | None = None,
    *,
    token: str | None = None,
    allowed_hosts: list[str] | None = None,
    owner: str | None = None,
    max_upload_mb: int = DEFAULT_MAX_UPLOAD_MB,
    warm: bool = False,
    own_db: str | None = None,
    secure_cookies: bool = False,
) -> FastAPI:
    """Build the app over the database ``db`` (a path or URL; TWOWAY_DB or the default otherwise).

    ``token``: required on every request (bearer header, cookie, or ``?token=`` once) when set;
    ``twoway serve`` always sets one when bound beyond loopback. ``allowed_hosts``: host names the
    server answers to besides localhost, 127.0.0.1 and [::1]. ``warm``: compute the heavy views
    in the background at start-up (``twoway serve`` does). ``own_db``: when ``db`` is the demo, the owner's
    own database: uploads are imported there, and the dashboard then shows it. ``secure_cookies``: mark the
    session cookie of a team server ``Secure`` even when the request came as plain http (behind a TLS proxy).
    """
    web = Web(store=open_store(db), owner_hint=owner, own_db=own_db)
    web.imports.on_finish = web.imported
    web.gate = TeamGate(lambda: web.store, secure_cookies=secure_cookies)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if warm:
            web.warm()
        yield
        web.close()

    app = FastAPI(
        title="twoway",
        version=_version(),
        description=API_DESCRIPTION,
        docs_url=None,  # /docs below: the vendored Swagger UI, never a CDN
        redoc_url=None,
        openapi_url="/openapi.json",
        dependencies=[Depends(csrf_guard)],
        lifespan=lifespan,
    )
    guard = Guard.build(token, allowed_hosts, max_upload_mb * 2**20 + 2**20)
    app.state.web = web
    app.state.guard = guard
    app.state.max_upload_bytes = max_upload_mb * 2**20
    errors.install(app)

    app.include_router(team.router)
    app.include_router(api.router)
    app.include_router(api_merges.router)
    app.include_router(pages.router)
    app.include_router(intro_routes.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        """The API's reference, read from /openapi.json by the Swagger UI vendored in static/."""
        return FileResponse(STATIC / "docs.html", media_type="text/html")

    app.add_middleware(SecurityMiddleware, guard=guard, render_error=errors.render_for_middleware,
                       gate=web.gate)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's description, minus its own validation-error schemas: every error here is ErrorBody."""
    if app.openapi_schema is None:
        spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        schemas = spec.get("components", {}).get("schemas", {})
        for unused in ("HTTPValidationError", "ValidationError"):
            schemas.pop(unused, None)
        app.openapi_schema = spec
    return app.openapi_schema


def _version() -> str:
    try:
        return version("twoway")
    except PackageNotFoundError:
        return "0"
