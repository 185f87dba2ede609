"""The owners' merged network, built from the database.

Every owner is linked to each of their connections (status ``connected``). The importer keys
people by profile URL, so a person in two members' exports is one row and one node: that is how
networks merge. People who may be the same but could not be matched (same name, different or
missing URLs) are not merged silently; :func:`candidate_duplicates` lists them for review.

Nodes are labelled by person id; an owner without a people row of their own gets the label
``-owner_id`` so that their network still counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import numpy as np
from sqlalchemy import Connection, text

from twoway.graph.csr import Graph, graph_from_labelled_edges
from twoway.graph.names import NETWORK
from twoway.store.batches import rows_for_ids


@dataclass(eq=False)
class Network:
    """The merged network and where the owners sit in it."""

    graph: Graph
    owner_labels: dict[int, int] = field(default_factory=dict)  # owner id -> node label

    def owner_of_label(self) -> dict[int, int]:
        return {label: owner for owner, label in self.owner_labels.items()}


def fingerprint(conn: Connection) -> str:
    """Cheap summary that changes whenever the network could have: imports, connections, owners."""
    imports = conn.execute(text("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM imports")).one()
    links = conn.execute(
        text("SELECT COUNT(*), COALESCE(MAX(id), 0), COALESCE(SUM(person_id), 0) FROM connections "
             "WHERE status = 'connected'")
    ).one()
    owners = conn.execute(text("SELECT COUNT(*), COALESCE(SUM(COALESCE(person_id, -id)), 0) FROM owners")).one()
    return "/".join(str(v) for v in (*imports, *links, *owners))


def owner_labels(conn: Connection) -> dict[int, int]:
    rows = conn.execute(text("SELECT id, person_id FROM owners ORDER BY id"))
    return {int(oid): (int(pid) if pid is not None else -int(oid)) for oid, pid in rows}


def build_network(conn: Connection) -> Network:
    labels = owner_labels(conn)
    pairs = _int_pairs(conn, "SELECT owner_id, person_id FROM connections WHERE status = 'connected'")
    if pairs.shape[0]:
        known = np.array(sorted(labels), dtype=np.int64)
        mapped = np.array([labels[o] for o in known.tolist()], dtype=np.int64)
        pos = np.searchsorted(known, pairs[:, 0])
        valid = (pos < known.shape[0]) & (known[np.minimum(pos, known.shape[0] - 1)] == pairs[:, 0])
        a = mapped[pos[valid]]
        b = pairs[valid, 1]
    else:
        a = b = np.zeros(0, dtype=np.int64)
    # Owners with no connections yet are still members of the network.
    lone = np.array(list(labels.values()), dtype=np.int64)
    graph = graph_from_labelled_edges(np.concatenate([a, lone]), np.concatenate([b, lone]), name=NETWORK)
    return Network(graph=graph, owner_labels=labels)


def _int_pairs(conn: Connection, sql: str) -> np.ndarray:
    """The rows of a query of two integer columns as an (n, 2) array, read in batches from the driver's cursor.

    A team's network is a million rows: as SQLAlchemy rows they take seconds to make, and numpy then reads
    each one as a sequence (40 s for a million, measured); plain tuples flattened into ``np.fromiter`` take
    well under a second. Same connection, so the same transaction as the rest of the build.
    """
    cursor = conn.connection.cursor()
    parts: list[np.ndarray] = []
    try:
        cursor.execute(sql)
        while rows := cursor.fetchmany(_BATCH):
            parts.append(np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=2 * len(rows)))
    finally:
        cursor.close()
    return np.concatenate(parts).reshape(-1, 2) if parts else np.zeros((0, 2), dtype=np.int64)


_BATCH = 100_000


@dataclass(frozen=True)
class DuplicateCandidate:
    person_id: int
    full_name: str
    url: str | None
    company: str | None
    position: str | None
    owners: tuple[int, ...]  # owners connected to this row


@dataclass(frozen=True)
class DuplicateGroup:
    name_key: str
    reason: str
    people: tuple[DuplicateCandidate, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"name_key": self.name_key, "reason": self.reason,
                "people": [p.__dict__ for p in self.people]}


def candidate_duplicates(conn: Connection, limit: int = 500) -> list[DuplicateGroup]:
    """People in the network who share a name but were not matched by profile URL, most likely first.

    Same name and one row without a URL (typically an address-book or message-only entry) or the
    same company make a strong candidate; same name in different members' networks with two
    different URLs a weaker one (profile URLs can change, but namesakes are common).
    """
    rows = conn.execute(text(
        "SELECT p.id, p.name_key, p.full_name, p.url, p.company, p.position FROM people p "
        "WHERE p.name_key <> '' AND p.name_key IN ("
        "  SELECT q.name_key FROM people q JOIN connections c ON c.person_id = q.id "
        "  WHERE c.status = 'connected' GROUP BY q.name_key HAVING COUNT(DISTINCT q.id) > 1) "
        "ORDER BY p.name_key, p.id"
    )).all()
    if not rows:
        return []
    ids = [int(r[0]) for r in rows]
    owners_of: dict[int, list[int]] = {}
    for pid, oid in rows_for_ids(
        conn, "SELECT person_id, owner_id FROM connections WHERE status = 'connected' AND person_id IN :ids "
        "ORDER BY owner_id", ids,
    ):
        owners_of.setdefault(int(pid), []).append(int(oid))
    groups: dict[str, list[DuplicateCandidate]] = {}
    for pid, key, name, url, company, position in rows:
        groups.setdefault(key, []).append(DuplicateCandidate(
            int(pid), name, url, company, position, tuple(owners_of.get(int(pid), ()))))
    out = [DuplicateGroup(key, _reason(people), tuple(people)) for key, people in groups.items()
           if sum(1 for p in people if p.owners) >= 1 and len(people) > 1]
    out.sort(key=lambda g: (_REASON_RANK[g.reason.split(":")[0]], g.name_key))
    return out[:limit]


_REASON_RANK = {"same company": 0, "no profile URL": 1, "different members' networks": 2, "same name": 3}


def _reason(people: list[DuplicateCandidate]) -> str:
    companies = [p.company.casefold().strip() for p in people if p.company and p.company.strip()]
    if len(companies) != len(set(companies)):
        return "same company: same name and the same company, different profile URLs"
    if any(p.url is None for p in people):
        return "no profile URL: same name, at least one entry has no profile URL to match by"
    owner_sets = [set(p.owners) for p in people if p.owners]
    if len(owner_sets) > 1 and not set.intersection(*owner_sets):
        return "different members' networks: same name in different members' exports, different profile URLs"
    return "same name: same name, different profile URLs (may be namesakes)"
