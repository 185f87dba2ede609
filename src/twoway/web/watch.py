"""Keeping a web worker's merged network current in the background, whoever wrote to the database.

Every request already checks the store's identity before it answers (``graph.cache``), so none is
ever answered from a network older than the last commit it could see, except while the worker's own
rebuild runs. This thread makes the rebuild happen before a request needs it: once a second it reads
the identity (one indexed row) and, when the network it holds could have changed (a member's import
through the page, the CLI or another worker), rebuilds it. At start it loads the network of a team
(more than one member), so the first question about paths does not wait for it either.

A revision read once a second was chosen over PostgreSQL LISTEN/NOTIFY: it needs no connection held
open per worker, cannot miss a notice when a connection drops, and works the same on SQLite.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError

from twoway.errors import TwowayError
from twoway.graph import cache as graph_cache
from twoway.graph import sources
from twoway.store import Store

#: How often a worker looks at the store revision (seconds): the bound on a reload starting after an import.
EVERY = 1.0


class GraphWatcher:
    """A daemon thread that refreshes the merged network this worker holds, started and stopped with the app."""

    def __init__(self, store: Callable[[], Store], every: float = EVERY) -> None:
        self._store = store
        self._every = every
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, daemon=True, name="twoway-graph-watch")
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def check(self, *, first: bool = False) -> None:
        """Rebuild the held network if the database moved (at start: load it when there is a team)."""
        with self._store().connect() as conn:
            if graph_cache.held(conn) or (first and len(sources.owner_labels(conn)) > 1):
                graph_cache.network(conn)

    def _run(self) -> None:
        first = True
        while True:
            # A database that is briefly unreachable or not yet imported into is looked at again next time.
            with contextlib.suppress(TwowayError, SQLAlchemyError):
                self.check(first=first)
                first = False
            if self._stop.wait(self._every):
                return

