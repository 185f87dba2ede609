"""The web app: pages for people, a JSON API for programs, one core underneath both."""

from __future__ import annotations

import json
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import astuple, dataclass, field, is_dataclass
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles

from twoway import people
from twoway.errors import TwowayError
from twoway.owners import Owner
from twoway.store import Store, open_store
from twoway.web import errors
from twoway.web.cache import ResultCache, file_probe
from twoway.web.imports import ImportJobs
from twoway.web.security import Guard, SecurityMiddleware, csrf_guard
from twoway.web.shapes import jsonable
from twoway.workspace import Workspace

STATIC = Path(__file__).parent / "static"
DEFAULT_MAX_UPLOAD_MB = 512

API_DESCRIPTION = """\
The same data and actions as the twoway dashboard, for other programs.

**Errors** always have the shape `{"error": {"code", "message", "status"}}`.

**Writes** (POST/PUT/PATCH/DELETE) need a CSRF token: `GET /api/csrf` returns it and sets the
`twoway_csrf` cookie; send both the cookie and the header `X-CSRF-Token: <token>`. A request that
carries the server's access token as `Authorization: Bearer <token>` needs no CSRF token. When the
server is bound to anything but localhost, the access token is required on every request.
"""


@dataclass
class Web(Workspace):
    """What every route needs: the store, whose network, the running imports and remembered views."""

    store: Store
    owner_hint: str | None = None
    imports: ImportJobs = field(default_factory=ImportJobs)
    cache: ResultCache = field(default_factory=ResultCache)

    def open_store(self) -> Store:
        return self.store

    def committed(self) -> None:
        """Once a transaction is committed, every remembered view is out of date."""
        self.cache.bump()

    def current_owner(self) -> Owner:
        """Whose network the pages show, remembered like any view (owners change only by import)."""

        def compute() -> Owner:
            with self.store.connect() as conn:
                return self.owner(conn)

        owner: Owner = self.cache.get(("owner", self.owner_hint), compute)
        return owner

    def view(self, name: str, fn: Callable[..., Any], *args: Any) -> tuple[Owner, Any]:
        """``jsonable(fn(conn, owner_id, *args))``, remembered until the data changes (see cache.py)."""
        owner = self.current_owner()

        def compute() -> Any:
            with self.store.connect() as conn:
                return jsonable(fn(conn, owner.id, *args))

        return owner, self.cache.get(self._key(name, owner, args), compute)

    def view_json(self, name: str, fn: Callable[..., Any], *args: Any, shape: Callable[[Any], Any] | None = None
                  ) -> Response:
        """The same view as a ready JSON response, its bytes remembered too (big plans are 0.5 MB)."""
        owner, value = self.view(name, fn, *args)

        def encode() -> bytes:
            shaped = shape(value) if shape else value
            return json.dumps(shaped, ensure_ascii=False, separators=(",", ":")).encode()

        key = ("json", self._key(name, owner, args), getattr(shape, "key", None))
        return Response(self.cache.get(key, encode), media_type="application/json")

    @staticmethod
    def _key(name: str, owner: Owner, args: tuple[Any, ...]) -> tuple[Any, ...]:
        return (name, owner.id, tuple(astuple(a) if is_dataclass(a) and not isinstance(a, type) else a for a in args))

    def warm(self) -> None:
        """Compute the heaviest views once in the background, so the first visitor does not wait."""
        from twoway.web import data

        def run() -> None:
            try:
                self.view("overview", data.overview)
                self.view("week", data.week, None)
                self.view("people", people.search, data.people_query())
                self.view("invitations", data.invitations_view, False)
                self.view("prune", data.prune_candidates)
            except TwowayError:
                pass  # no export yet, or several owners and none chosen: nothing to warm

        threading.Thread(target=run, daemon=True, name="twoway-warm").start()


def web_of(request: Request) -> Web:
    web: Web = request.app.state.web
    return web


def create_app(
    db: str | None = None,
    *,
    token: str | None = None,
    allowed_hosts: list[str] | None = None,
    owner: str | None = None,
    max_upload_mb: int = DEFAULT_MAX_UPLOAD_MB,
    warm: bool = False,
) -> FastAPI:
    """Build the app over the database ``db`` (a path or URL; TWOWAY_DB or the default otherwise).

    ``token``: required on every request (bearer header, cookie, or ``?token=`` once) when set;
    ``twoway serve`` always sets one when bound beyond loopback. ``allowed_hosts``: host names the
    server answers to besides localhost, 127.0.0.1 and [::1]. ``warm``: compute the heavy views
    in the background at start-up (``twoway serve`` does).
    """
    store = open_store(db)
    web = Web(store=store, owner_hint=owner)
    database = store.engine.url.database
    if store.dialect == "sqlite" and database:
        web.cache = ResultCache(probe=file_probe(Path(database)))
    web.imports.on_finish = web.cache.bump

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if warm:
            web.warm()
        yield
        web.imports.shutdown()
        store.close()

    app = FastAPI(
        title="twoway",
        version=_version(),
        description=API_DESCRIPTION,
        docs_url=None,  # Swagger UI loads from a CDN; the description itself is at /openapi.json
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

    from twoway.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(SecurityMiddleware, guard=guard, render_error=errors.render_for_middleware)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's description, minus its own validation-error schemas: every error here is ErrorBody."""
    if app.openapi_schema is None:
        from fastapi.openapi.utils import get_openapi

        spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        schemas = spec.get("components", {}).get("schemas", {})
        for unused in ("HTTPValidationError", "ValidationError"):
            schemas.pop(unused, None)
        app.openapi_schema = spec
    return app.openapi_schema


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("twoway")
    except PackageNotFoundError:
        return "0"
