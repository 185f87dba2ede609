"""Graphs kept in memory (and the merged network on disk) until the database says they changed.

Every query first reads a cheap fingerprint (counts and maximum ids of imports, connections and
owners; the stored row of a loaded graph). A new import, a removed connection or a new owner
changes it and the next query rebuilds, so the graph is fresh after imports without anyone
having to invalidate it. The merged network is also saved as .npz in the data folder so a new
CLI process does not re-read every connection of a large team.
"""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sqlalchemy import Connection

from twoway import paths
from twoway.graph import sources, stored
from twoway.graph.csr import CSR, Graph
from twoway.graph.names import NETWORK
from twoway.graph.queries import Engine


@dataclass(eq=False)
class Loaded:
    """A graph ready to query: the graph, its engine, and (for the merged network) the owners."""

    graph: Graph
    engine: Engine
    network: sources.Network | None = None


_lock = threading.Lock()
_memory: dict[tuple[str, str], tuple[str, Loaded]] = {}


def _db_key(conn: Connection) -> str:
    return conn.engine.url.render_as_string(hide_password=True)


def clear() -> None:
    with _lock:
        _memory.clear()


def network(conn: Connection) -> Loaded:
    """The owners' merged network, rebuilt only when the fingerprint moved."""
    fp = sources.fingerprint(conn)
    key = (_db_key(conn), NETWORK)
    with _lock:
        hit = _memory.get(key)
    if hit is not None and hit[0] == fp:
        return hit[1]
    labels = sources.owner_labels(conn)
    graph = _read_disk(key[0], fp)
    if graph is None:
        built = sources.build_network(conn)
        graph = built.graph
        _write_disk(key[0], fp, graph)
    loaded = Loaded(graph=graph, engine=Engine(graph.csr), network=sources.Network(graph, labels))
    with _lock:
        _memory[key] = (fp, loaded)
    return loaded


def loaded_graph(conn: Connection, name: str) -> Loaded:
    """A graph loaded with `twoway graph load`, read from its chunks once per process and version."""
    meta = stored.info(conn, name)
    fp = f"{meta.id}/{meta.loaded_at}/{meta.edges}"
    key = (_db_key(conn), "loaded:" + name)
    with _lock:
        hit = _memory.get(key)
    if hit is not None and hit[0] == fp:
        return hit[1]
    graph = stored.read(conn, meta)
    loaded = Loaded(graph=graph, engine=Engine(graph.csr))
    with _lock:
        _memory[key] = (fp, loaded)
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
