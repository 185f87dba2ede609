"""Loaded graphs kept in the database: the CSR arrays and labels in binary chunks (see m008_graph)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Connection, text

from twoway import clock
from twoway.errors import InputError, NotFound
from twoway.graph.csr import CSR, Graph, graph_from_labelled_edges
from twoway.graph.edgelist import read_edge_list
from twoway.graph.names import NETWORK

CHUNK_BYTES = 4 * 1024 * 1024
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


@dataclass(frozen=True)
class GraphInfo:
    id: int
    name: str
    source: str | None
    nodes: int
    edges: int
    label_kind: str
    sha256: str | None
    loaded_at: str

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def default_name(path: Path) -> str:
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", path.stem).strip("-.") or "graph"
    return stem[:64]


def check_name(name: str) -> str:
    if not _NAME.match(name) or name == NETWORK:
        raise InputError(
            f"{name!r} cannot name a graph: use letters, digits, '.', '_' or '-' (and not {NETWORK!r}, "
            "which is the owners' merged network)"
        )
    return name


def load_file(conn: Connection, path: Path, name: str | None = None) -> GraphInfo:
    """Read an edge list file, build its CSR and store it under ``name`` (replacing a graph of that name)."""
    chosen = check_name(name or default_name(path))
    a, b = read_edge_list(path)
    graph = graph_from_labelled_edges(a, b, name=chosen)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return save(conn, graph, source=path.name, sha256=digest)


def save(conn: Connection, graph: Graph, *, source: str | None, sha256: str | None) -> GraphInfo:
    existing = conn.execute(text("SELECT id FROM graphs WHERE name = :n"), {"n": graph.name}).first()
    if existing is not None:
        _delete(conn, int(existing[0]))
    labels = graph.labels if graph.labels is not None else np.arange(graph.n, dtype=np.int64)
    kind = "int" if labels.dtype.kind in "iu" else "str"
    row = conn.execute(
        text(
            "INSERT INTO graphs (name, source, nodes, edges, label_kind, sha256, loaded_at) "
            "VALUES (:n, :s, :nodes, :edges, :k, :h, :t) RETURNING id"
        ),
        {"n": graph.name, "s": source, "nodes": graph.n, "edges": graph.edges, "k": kind, "h": sha256,
         "t": clock.now().isoformat(timespec="seconds")},
    ).one()
    graph_id = int(row[0])
    label_bytes = (labels.astype(np.int64).tobytes() if kind == "int"
                   else "\n".join(labels.tolist()).encode("utf-8"))
    chunks: list[dict[str, Any]] = []
    for part, payload in (("indptr", graph.csr.indptr.astype(np.int64).tobytes()),
                          ("indices", graph.csr.indices.astype(np.int32).tobytes()),
                          ("labels", label_bytes)):
        for seq, start in enumerate(range(0, max(len(payload), 1), CHUNK_BYTES)):
            chunks.append({"g": graph_id, "p": part, "s": seq, "d": payload[start : start + CHUNK_BYTES]})
    conn.execute(text("INSERT INTO graph_chunks (graph_id, part, seq, data) VALUES (:g, :p, :s, :d)"), chunks)
    return info(conn, graph.name)


def _delete(conn: Connection, graph_id: int) -> None:
    conn.execute(text("DELETE FROM graph_chunks WHERE graph_id = :g"), {"g": graph_id})
    conn.execute(text("DELETE FROM graphs WHERE id = :g"), {"g": graph_id})


def delete(conn: Connection, name: str) -> None:
    _delete(conn, info(conn, name).id)


_INFO = "id, name, source, nodes, edges, label_kind, sha256, loaded_at"


def info(conn: Connection, name: str) -> GraphInfo:
    row = conn.execute(text(f"SELECT {_INFO} FROM graphs WHERE name = :n"), {"n": name}).first()
    if row is None:
        known = ", ".join(g.name for g in all_graphs(conn)) or "none loaded yet"
        raise NotFound(f"no loaded graph called {name!r} (graphs: {known})",
                       cli_hint="`twoway graph load FILE` adds one")
    return GraphInfo(int(row[0]), row[1], row[2], int(row[3]), int(row[4]), row[5], row[6], row[7])


def all_graphs(conn: Connection) -> list[GraphInfo]:
    rows = conn.execute(text(f"SELECT {_INFO} FROM graphs ORDER BY name"))
    return [GraphInfo(int(r[0]), r[1], r[2], int(r[3]), int(r[4]), r[5], r[6], r[7]) for r in rows]


def read(conn: Connection, meta: GraphInfo) -> Graph:
    """The stored graph's arrays, joined from their chunks without rebuilding anything."""
    parts: dict[str, list[bytes]] = {"indptr": [], "indices": [], "labels": []}
    for part, data in conn.execute(
        text("SELECT part, data FROM graph_chunks WHERE graph_id = :g ORDER BY part, seq"), {"g": meta.id}
    ):
        parts[part].append(bytes(data))
    indptr = np.frombuffer(b"".join(parts["indptr"]), dtype=np.int64)
    indices = np.frombuffer(b"".join(parts["indices"]), dtype=np.int32)
    raw = b"".join(parts["labels"])
    if meta.label_kind == "int":
        labels: np.ndarray[Any, Any] = np.frombuffer(raw, dtype=np.int64)
    else:
        labels = np.array(raw.decode("utf-8").split("\n") if raw else [], dtype=str)
    return Graph(csr=CSR(indptr=indptr, indices=indices), labels=labels, name=meta.name)
