"""Graphs kept in memory (and the merged network on disk) until the database says they changed.

Freshness is decided in two steps, cheap first. Every query reads the store's identity (its token and
revision, one row that every committed write raises, whichever process wrote: a CLI import, another
web worker). While it is unchanged the graph in memory is current. When it moved, a fingerprint
(counts and maximum ids of imports, connections and owners) says whether the network could have
changed; only then is it rebuilt, so a note written by a member does not rebuild a team's graph.
One thread rebuilds at a time; while it does, other threads of the process answer from the graph
they had (a worker keeps answering during a reload; every worker has the new graph once its
rebuild is done). The merged network is also saved as .npz in the data folder, so a new CLI process
(or the next web worker) does not re-read every connection of a large team.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sqlalchemy import Connection

from twoway import paths
from twoway.graph import sources, stored
from twoway.graph.csr import CSR, Graph
from twoway.graph.names import NETWORK
from twoway.graph.queries import Engine
from twoway.store import identity

try:
    import fcntl
except ImportError:  # Windows: no flock; each process builds the graph itself
    fcntl = None  # type: ignore[assignment]


@dataclass(eq=False)
class Loaded:
    """A graph ready to query: the graph, its engine, and (for the merged network) the owners."""

    graph: Graph
    engine: Engine
    network: sources.Network | None = None


@dataclass(eq=False)
class _Held:
    """A graph in memory, the fingerprint it was built at, and the store identity it was last confirmed at."""

    fingerprint: str
    loaded: Loaded
    seen: tuple[str, int] | None = None


_lock = threading.Lock()
_memory: dict[tuple[str, str], _Held] = {}
_rebuilding: dict[tuple[str, str], threading.Lock] = {}


def _db_key(conn: Connection) -> str:
    return conn.engine.url.render_as_string(hide_password=True)


def clear() -> None:
    with _lock:
        _memory.clear()


def held(conn: Connection) -> bool:
    """Whether this process holds the merged network of ``conn``'s database (a watcher refreshes only those)."""
    with _lock:
        return (_db_key(conn), NETWORK) in _memory


def network(conn: Connection) -> Loaded:
    """The owners' merged network: current as of this call's store identity, or (while another thread of
    this process is rebuilding it) the one held until that rebuild is done."""
    key = (_db_key(conn), NETWORK)
    seen = identity(conn)
    with _lock:
        hit = _memory.get(key)
        rebuild = _rebuilding.setdefault(key, threading.Lock())
    if hit is not None and hit.seen == seen:
        return hit.loaded
    fp = sources.fingerprint(conn)
    if hit is not None and hit.fingerprint == fp:
        hit.seen = seen  # a write that left the network as it was (a note, a tag): nothing to rebuild
        return hit.loaded
    if hit is None:
        rebuild.acquire()
    elif not rebuild.acquire(blocking=False):
        return hit.loaded  # another thread is rebuilding it: answer from the graph held meanwhile
    try:
        with _lock:
            now = _memory.get(key)
        if now is not None and now.fingerprint == fp:  # built by the thread this one waited for
            return now.loaded
        loaded = _build(conn, key[0], fp)
        with _lock:
            _memory[key] = _Held(fp, loaded, seen)
        return loaded
    finally:
        rebuild.release()


def _build(conn: Connection, db: str, fp: str) -> Loaded:
    labels = sources.owner_labels(conn)
    with _machine_lock(db):  # the web workers of one server reload at once: one reads the database, the rest its file
        graph = _read_disk(db, fp)
        if graph is None:
            graph = sources.build_network(conn).graph
            _write_disk(db, fp, graph)
    return Loaded(graph=graph, engine=Engine(graph.csr), network=sources.Network(graph, labels))


@contextmanager
def _machine_lock(db: str) -> Iterator[None]:
    """Held by one process of this machine at a time, per database (a no-op where there is no flock)."""
    path = _disk_path(db).with_suffix(".lock")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("a")
    except OSError:
        yield  # a read-only data folder: every process builds its own
        return
    with handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield  # closing the file releases the lock, as does the process ending


def loaded_graph(conn: Connection, name: str) -> Loaded:
    """A graph loaded with `twoway graph load`, read from its chunks once per process and version."""
    meta = stored.info(conn, name)
    fp = f"{meta.id}/{meta.loaded_at}/{meta.edges}"
    key = (_db_key(conn), "loaded:" + name)
    with _lock:
        hit = _memory.get(key)
    if hit is not None and hit.fingerprint == fp:
        return hit.loaded
    graph = stored.read(conn, meta)
    loaded = Loaded(graph=graph, engine=Engine(graph.csr))
    with _lock:
        _memory[key] = _Held(fp, loaded)
    return loaded


def get(conn: Connection, name: str | None) -> Loaded:
    return network(conn) if not name or name == NETWORK else loaded_graph(conn, name)


def _disk_path(db: str) -> Path:
    digest = hashlib.sha256(db.encode("utf-8")).hexdigest()[:16]
    return paths.user_dir() / "cache" / f"network-{digest}.npz"


def _read_disk(db: str, fp: str) -> Graph | None:
    path = _disk_path(db)
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["fingerprint"]) != fp:
                return None
            return Graph(csr=CSR(indptr=data["indptr"], indices=data["indices"]), labels=data["labels"],
                         name=NETWORK)
    except (OSError, KeyError, ValueError):
        return None  # no cache yet, or one from another version: rebuild


def _write_disk(db: str, fp: str, graph: Graph) -> None:
    path = _disk_path(db)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npz")
        labels = graph.labels if graph.labels is not None else np.zeros(0, dtype=np.int64)
        np.savez(tmp, fingerprint=np.array(fp), indptr=graph.csr.indptr, indices=graph.csr.indices, labels=labels)
        tmp.replace(path)
    except OSError:
        pass  # the cache is an optimisation; a read-only data folder just means rebuilding each time
