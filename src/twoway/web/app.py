"""The web app: pages for people, a JSON API for programs, one core underneath both."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import astuple, dataclass, field, is_dataclass
from pathlib import Path
from typing import Any

from fastapi import Request, Response
from sqlalchemy import Connection

from twoway import views
from twoway.errors import TwowayError, Unauthorized
from twoway.people import owners
from twoway.people.owners import Owner
from twoway.store import Store, open_store
from twoway.views import screens
from twoway.views.encode import jsonable
from twoway.views.workspace import Workspace
from twoway.web import data
from twoway.web.acting import TeamGate, current_member
from twoway.web.cache import ResultCache
from twoway.web.imports import ImportJob, ImportJobs

STATIC = Path(__file__).parent / "static"
DEFAULT_MAX_UPLOAD_MB = 512

API_DESCRIPTION = """\
The same data and actions as the twoway dashboard, for other programs.

**Errors** always have the shape `{"error": {"code", "message", "status"}}`.

**Writes** (POST/PUT/PATCH/DELETE) need a CSRF token: `GET /api/csrf` returns it and sets the
`twoway_csrf` cookie; send both the cookie and the header `X-CSRF-Token: <token>`. A request that
carries the server's access token as `Authorization: Bearer <token>` needs no CSRF token. When the
server is bound to anything but localhost, the access token is required on every request.

**Team servers** (`twoway team init`): every request needs a member, either logged in (`POST /login` with
`email` and `password` form fields and the CSRF token sets the `twoway_session` cookie; 429 with Retry-After
after too many failures) or sending `Authorization: Bearer <member API token>` (`twoway team token --new LABEL`),
which needs no CSRF token. Every answer is then that member's own network. `GET /api/me` says who you are.
"""


@dataclass
class Web(Workspace):
    """What every route needs: the store, whose network, the running imports and remembered views."""

    store: Store
    owner_hint: str | None = None
    imports: ImportJobs = field(default_factory=ImportJobs)
    cache: ResultCache = field(default_factory=ResultCache)
    #: When the dashboard shows the demo: the owner's own database, where an upload goes (never the demo,
    #: which `twoway demo` rebuilds); once an import lands there the dashboard shows it instead.
    own_db: str | None = None
    _own: Store | None = None
    #: Set by create_app: whether the database is a team server (then every request acts for its member).
    gate: TeamGate | None = None
    _retired: list[Store] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.use(self.store)

    def open_store(self) -> Store:
        return self.store

    def use(self, store: Store) -> None:
        """Show ``store`` from now on; remembered views start afresh (they watch the file on SQLite)."""
        self.store, self.cache = store, ResultCache.for_store(store)

    def import_target(self) -> Store:
        """Where an upload is imported: the shown database, or the owner's own one while the demo is shown."""
        if not self.own_db:
            return self.store
        if self._own is None:
            self._own = open_store(self.own_db)
        return self._own

    def start_import(self, path: Path, *, confirm: bool = False) -> ImportJob:
        """Import an uploaded file in the background, into the logged-in member's own network on a team server.
        ``confirm``: the owner has checked an export that looks partial (most connections gone, a file missing)."""
        return self.imports.start(self.import_target(), path, owner=self.owner_hint, owner_id=self.private_owner(),
                                  confirm=confirm)

    def imported(self, store: Store) -> list[str]:
        """After an import into ``store``: show it, and say so when that leaves the demo."""
        if store is self.store:
            self.cache.bump()
            return []
        self._retired.append(self.store)  # requests still running may hold it; closed with the app
        self.own_db, self._own = None, None
        self.use(store)
        return ["The dashboard now shows your own database; the demo stays in its own file (`twoway where`)."]

    def close(self) -> None:
        self.imports.shutdown()
        for store in {id(s): s for s in [*self._retired, self.store, self._own] if s is not None}.values():
            store.close()

    def committed(self) -> None:
        """Once a transaction is committed, every remembered view is out of date."""
        self.cache.bump()

    def owner(self, conn: Connection) -> Owner:
        """On a team server, the logged-in member's own network (nobody logged in: nobody's); else as always."""
        member = current_member()
        if member is not None:
            return owners.get(conn, member.owner_id)
        if self.gate is not None and self.gate.team_now():
            raise Unauthorized("log in first: this is a team server")
        return super().owner(conn)

    def private_owner(self) -> int | None:
        member = current_member()
        return member.owner_id if member is not None else None

    def current_owner(self) -> Owner:
        """Whose network the pages show, remembered like any view (owners change only by import)."""

        def compute() -> Owner:
            with self.connect() as conn:  # bound to the member: PostgreSQL's wall holds on every page too
                return self.owner(conn)

        member = current_member()
        key = ("owner", "member", member.owner_id) if member is not None else ("owner", self.owner_hint)
        owner: Owner = self.cache.get(key, compute)
        return owner

    def view(self, name: str, fn: Callable[..., Any], *args: Any) -> tuple[Owner, Any]:
        """``jsonable(fn(conn, owner_id, *args))``, remembered until the data changes (see cache.py)."""
        owner = self.current_owner()

        def compute() -> Any:
            with self.connect() as conn:
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
        def run() -> None:
            try:
                self.view("overview", screens.overview)
                self.view("week", screens.week, None)
                self.view("people", views.search, data.people_query())
                self.view("invitations", screens.invitations_view, False)
                self.view("prune", screens.prune_candidates)
            except TwowayError:
                pass  # no export yet, or several owners and none chosen: nothing to warm

        threading.Thread(target=run, daemon=True, name="twoway-warm").start()


def web_of(request: Request) -> Web:
    web: Web = request.app.state.web
    return web
