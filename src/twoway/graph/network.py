"""Questions about the network, answered in terms of people: degree, mutual connections, suggestions.

Two kinds of graph answer them. The owners' merged network (the default): endpoints are people,
named as everywhere else (a name, a profile URL, ``#id``, or ``me`` for the owner asking). A graph
loaded with ``twoway graph load`` (``graph=NAME``): endpoints are the file's ids, as given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, text

from twoway import people
from twoway.errors import InputError, NotFound
from twoway.graph import cache, stored
from twoway.graph.cache import Loaded
from twoway.people.owners import Owner
from twoway.store.batches import rows_for_ids
from twoway.store.search import ESCAPE, contains

DEGREE_NAMES = {0: "self", 1: "1st", 2: "2nd", 3: "3rd"}
ME = ("me", "myself", "i")


@dataclass(frozen=True)
class Member:
    """A node as shown to people: a person of the database, or an id of a loaded graph."""

    id: Any
    name: str | None = None
    company: str | None = None
    position: str | None = None
    url: str | None = None
    owner_id: int | None = None  # set when this member's own export is in the database

    @property
    def label(self) -> str:
        if self.name is None:
            return str(self.id)
        at = f" ({self.company})" if self.company else ""
        return f"{self.name}{at}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def open_graph(conn: Connection, graph: str | None) -> Loaded:
    return cache.get(conn, graph)


def endpoint(conn: Connection, owner: Owner | None, loaded: Loaded, query: str) -> int:
    """The node QUERY names: a loaded graph's id, or a person (or ``me``) in the merged network."""
    wanted = query.strip()
    if not wanted:
        raise InputError("say who: a name, a profile URL, #id, or me")
    if loaded.network is None:
        return loaded.graph.node(wanted)
    if owner is None:
        raise InputError("the merged network needs an owner; choose one with --owner")
    if wanted.casefold() in ME:
        label = loaded.network.owner_labels[owner.id]
        shown = owner.name
    else:
        ref = people.resolve(conn, owner.id, wanted, anyone=True)  # paths run through other members' people
        label, shown = ref.id, ref.full_name
    node = loaded.graph.find(label)
    if node is None:
        raise NotFound(f"{shown} is not in the merged network: no member's export lists them as a connection")
    return node


def describe(conn: Connection, loaded: Loaded, nodes: Iterable[int]) -> dict[int, Member]:
    """Members for nodes, in bulk: names and roles from the database for the merged network."""
    wanted = sorted({int(n) for n in nodes})
    labels = {n: loaded.graph.label(n) for n in wanted}
    if loaded.network is None:
        return {n: Member(id=labels[n]) for n in wanted}
    owner_of = loaded.network.owner_of_label()
    person_ids = [int(v) for v in labels.values() if int(v) > 0]
    rows: dict[int, tuple[Any, ...]] = {}
    for row in rows_for_ids(conn, "SELECT id, full_name, company, position, url FROM people WHERE id IN :ids",
                            person_ids):
        rows[int(row[0])] = tuple(row)
    owner_names = {}
    if any(int(v) < 0 for v in labels.values()):
        owner_names = {-int(r[0]): r[1] for r in conn.execute(text("SELECT id, name FROM owners"))}
    out: dict[int, Member] = {}
    for n, label in labels.items():
        pid = int(label)
        if pid in rows:
            _, name, company, position, url = rows[pid]
            out[n] = Member(pid, name, company or None, position or None, url, owner_of.get(pid))
        else:
            out[n] = Member(pid, owner_names.get(pid, f"#{pid}"), owner_id=owner_of.get(pid))
    return out


def degree(conn: Connection, owner: Owner | None, a: str, b: str, graph: str | None = None) -> dict[str, Any]:
    """How far B is from A: 1st, 2nd, 3rd or out of network, with one shortest path."""
    loaded = open_graph(conn, graph)
    s, t = endpoint(conn, owner, loaded, a), endpoint(conn, owner, loaded, b)
    sep = loaded.engine.separation(s, t)
    members = describe(conn, loaded, (s, t, *sep.path))
    return {
        "graph": loaded.graph.name,
        "from": members[s].to_dict(),
        "to": members[t].to_dict(),
        "degree": "out" if sep.degree is None else sep.degree,
        "badge": "out of network" if sep.degree is None else DEGREE_NAMES[sep.degree],
        "path": [members[n].to_dict() for n in sep.path],
    }


def mutual(conn: Connection, owner: Owner | None, a: str, b: str, graph: str | None = None,
           limit: int = 100) -> dict[str, Any]:
    """Connections A and B share, and the sizes of A's 1st-, 2nd- and 3rd-degree networks."""
    loaded = open_graph(conn, graph)
    s, t = endpoint(conn, owner, loaded, a), endpoint(conn, owner, loaded, b)
    shared = loaded.engine.mutual(s, t)
    first, second, third = loaded.engine.network_sizes(s)
    shown = shared[:limit].tolist()
    members = describe(conn, loaded, (s, t, *shown))
    listed = sorted((members[n] for n in shown), key=lambda m: (m.label.casefold(), str(m.id)))
    return {
        "graph": loaded.graph.name,
        "a": members[s].to_dict(),
        "b": members[t].to_dict(),
        "count": int(shared.shape[0]),
        "mutual": [m.to_dict() for m in listed],
        "a_network": {"first": first, "second": second, "third": third},
    }


def suggest(conn: Connection, owner: Owner | None, a: str, graph: str | None = None,
            limit: int = 20, shared_shown: int = 5) -> dict[str, Any]:
    """People A may know (Adamic–Adar over shared connections), and introductions A could make."""
    loaded = open_graph(conn, graph)
    eng = loaded.engine
    s = endpoint(conn, owner, loaded, a)
    found = eng.suggest(s, limit)
    intros = eng.introductions(s, limit)
    shared_of = {x.node: eng.mutual(s, x.node)[:shared_shown].tolist() for x in found}
    between = {(i.a, i.b): [z for z in eng.mutual(i.a, i.b).tolist() if z != s][:shared_shown] for i in intros}
    nodes = {s, *(x.node for x in found), *(z for zs in shared_of.values() for z in zs),
             *(v for i in intros for v in (i.a, i.b)), *(z for zs in between.values() for z in zs)}
    members = describe(conn, loaded, nodes)
    return {
        "graph": loaded.graph.name,
        "for": members[s].to_dict(),
        "method": "Adamic–Adar: each shared connection counts 1/log(their number of connections)",
        "people_you_may_know": [
            {"person": members[x.node].to_dict(), "score": round(x.score, 4), "shared": x.shared,
             "shared_with": [members[z].label for z in shared_of[x.node]]}
            for x in found
        ],
        "introductions": [
            {"a": members[i.a].to_dict(), "b": members[i.b].to_dict(), "score": round(i.score, 4),
             "shared": i.shared,
             "common_ground": common_ground(members[i.a], members[i.b], [members[z] for z in between[(i.a, i.b)]],
                                            i.shared)}
            for i in intros
        ],
    }


def common_ground(a: Member, b: Member, shared: list[Member], shared_count: int) -> list[str]:
    """What two people have in common, in words, from facts only."""
    out: list[str] = []
    if shared:
        more = f" and {shared_count - len(shared)} more" if shared_count > len(shared) else ""
        out.append("both know " + ", ".join(m.label for m in shared) + more)
    if a.company and b.company and a.company.casefold().strip() == b.company.casefold().strip():
        out.append(f"both at {a.company}")
    words_a = _title_words(a.position)
    common = [w for w in _title_words(b.position) if w in words_a]
    if common:
        out.append("both " + "/".join(common) + " by title")
    return out


_STOP = {"and", "of", "the", "at", "for", "in", "to", "a", "&", "-", "|", "senior", "junior", "sr", "jr"}


def _title_words(position: str | None) -> list[str]:
    if not position:
        return []
    seen: list[str] = []
    for raw in position.replace(",", " ").split():
        word = raw.casefold().strip(".:;()")
        if len(word) > 2 and word not in _STOP and word not in seen:
            seen.append(word)
    return seen


#: At most this many people are listed by one search of the merged network (the picker shows a screenful).
FIND_LIMIT = 20


def find_people(conn: Connection, query: str, limit: int = FIND_LIMIT) -> list[Member]:
    """People of the merged network (a member, or anyone a member is connected with) whose name contains
    QUERY, by name: what the Network page's picker lists, so a question names a person by id. Only what
    the network already shows of them: name, company, position."""
    wanted = " ".join(query.split()).lower()
    if not wanted:
        raise InputError("type part of a name to look for")
    rows = conn.execute(text(
        f"SELECT p.id, p.full_name, p.company, p.position FROM people p WHERE LOWER(p.full_name) LIKE :q{ESCAPE} "
        "AND (EXISTS (SELECT 1 FROM connections c WHERE c.person_id = p.id AND c.status = 'connected') "
        "OR EXISTS (SELECT 1 FROM owners o WHERE o.person_id = p.id)) ORDER BY LOWER(p.full_name), p.id "
        "LIMIT :n"), {"q": contains(wanted), "n": limit})
    return [Member(int(pid), name, company or None, position or None) for pid, name, company, position in rows]


def info(conn: Connection) -> dict[str, Any]:
    """What graphs there are: the merged network (members, connections, owners) and loaded graphs."""
    net = cache.network(conn)
    return {
        "network": {"nodes": net.graph.n, "edges": net.graph.edges, "owners": len(net.network.owner_labels)
                    if net.network else 0, "memory_bytes": net.graph.nbytes},
        "loaded": [g.to_dict() for g in stored.all_graphs(conn)],
    }
