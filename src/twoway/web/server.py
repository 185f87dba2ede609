"""The app assembled: the store, the shared state, the security middleware, the API and the pages."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from twoway.errors import InputError
from twoway.store import open_store
from twoway.web import api, api_merges, errors, intro_routes, pages, team
from twoway.web.acting import TeamGate
from twoway.web.app import API_DESCRIPTION, DEFAULT_MAX_UPLOAD_MB, STATIC, Web
from twoway.web.imports import ImportJobs
from twoway.web.security import Guard, SecurityMiddleware, csrf_guard
from twoway.web.watch import GraphWatcher


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
    csrf_secret: bytes | None = None,
    shared_dir: str | None = None,
) -> FastAPI:
    """Build the app over the database ``db`` (a path or URL; TWOWAY_DB or the default otherwise).

    ``token``: required on every request (bearer header, cookie, or ``?token=`` once) when set;
    ``twoway serve`` always sets one when bound beyond loopback. ``allowed_hosts``: host names the
    server answers to besides localhost, 127.0.0.1 and [::1]. ``warm``: compute the heavy views
    in the background at start-up and keep the merged network current (``twoway serve`` does: see
    ``watch.py``). ``csrf_secret``: the key CSRF tokens are signed with, the same in every worker of one
    server (a random one per app otherwise). ``shared_dir``: a folder the workers of one server share,
    where uploads' import progress is written for whichever worker a page asks next. ``own_db``: when
    ``db`` is the demo, the owner's own database: uploads are imported there, and the dashboard then
    shows it. ``secure_cookies``: mark the
    session cookie of a team server ``Secure`` even when the request came as plain http (behind a TLS proxy).
    """
    web = Web(store=open_store(db), owner_hint=owner, own_db=own_db,
              imports=ImportJobs(Path(shared_dir) if shared_dir else None))
    web.imports.on_finish = web.imported
    web.gate = TeamGate(lambda: web.store, secure_cookies=secure_cookies)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        watcher = GraphWatcher(lambda: web.store) if warm else None
        if watcher is not None:
            web.warm()
            watcher.start()
        yield
        if watcher is not None:
            watcher.stop()
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
    if csrf_secret:
        guard.secret = csrf_secret
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


#: Set by `twoway serve --workers N` to a private JSON file of :func:`create_app`'s options, which each
#: worker process reads (uvicorn starts workers from an import string, so the app is built again there).
OPTIONS_ENV = "TWOWAY_SERVE_OPTIONS"


def app_from_environment() -> FastAPI:
    """The app of one worker of `twoway serve --workers N`: :func:`create_app` with the options it wrote."""
    path = os.environ.get(OPTIONS_ENV)
    if not path:
        raise InputError(f"{OPTIONS_ENV} is not set: this app is built for the workers of one server",
                         cli_hint="start the server with `twoway serve --workers N`")
    options = json.loads(Path(path).read_text(encoding="utf-8"))
    secret = options.pop("csrf_secret", None)
    return create_app(**options, csrf_secret=bytes.fromhex(secret) if secret else None)


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
