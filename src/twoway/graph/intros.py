"""Warm introductions: who can introduce someone to a person, or to someone at a company.

A route is FROM - intermediary - TARGET (2 hops) or FROM - intermediary - second - TARGET (3
hops). Routes are ranked by hops, then by the strength of their *weaker* link (a chain is as good
as its weakest tie), then the stronger one. A link's strength is the relationship strength
(0-100) from the history of the member who holds it, when one of its ends is an owner in this
database; otherwise it is the documented neutral value of the ``intro_unknown_strength`` setting,
marked "unknown". In a team, colleagues who know the target are offered even when FROM is not
connected to them on the network: that first link is marked "teammate".

What the viewer (the member asking) may know of a tie decides what is shown *and* how it ranks
(:func:`_shown`, the one rule): their own ties keep their numbers; a tie held by another member shows
only its band (``strength.band``: weak, medium, strong) and ranks as the middle of that band, so the
order of routes never tells more than the bands do.

Each route comes with the intermediary's relationship state (when FROM is the viewer), a drafted
request to the intermediary and a short note they can forward (double opt-in: the target agrees
before anyone is introduced). Drafts use only what the viewer may know.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text

from twoway import identity
from twoway import settings as settings_mod
from twoway.errors import InputError, NotFound
from twoway.graph import network as net
from twoway.graph.cache import Loaded
from twoway.people.owners import Owner
from twoway.plan import drafts
from twoway.states import compute_states
from twoway.store.search import ESCAPE, contains
from twoway.strength import BANDS, band, compute_strengths, published_bands

_MAX_TARGETS = 2000  # company members examined for one company query
_MAX_THREE_HOP = 20_000  # 3-hop pairs enumerated for one target before ranking
#: Where a band's tie ranks: the middle of the band (strong runs to 100).
_BAND_MIDDLE = {name: (low + min(high, 100.0)) / 2
                for (low, _), (high, name) in zip(((0.0, ""), *BANDS[:-1]), BANDS, strict=True)}


@dataclass
class Link:
    a: int
    b: int
    strength: float
    basis: str  # "history of <owner>" | "unknown" | "teammate" | "<owner>'s tie (band only)"
    shown: bool = True  # False: another member's tie, of which the viewer may know the band only

    @property
    def band(self) -> str:
        return band(self.strength)

    @property
    def rank(self) -> float:
        """What the ranking may use: the score the viewer may see, else the middle of the band."""
        return self.strength if self.shown else _BAND_MIDDLE[self.band]

    def to_dict(self, members: dict[int, net.Member]) -> dict[str, Any]:
        return {"from": members[self.a].label, "to": members[self.b].label,
                "strength": round(self.strength, 1) if self.shown else None, "band": self.band,
                "basis": self.basis}


@dataclass
class Route:
    nodes: tuple[int, ...]
    links: list[Link] = field(default_factory=list)

    @property
    def weakest_link(self) -> Link:
        return min(self.links, key=lambda link: link.rank)

    def sort_key(self, members: dict[int, net.Member]) -> tuple[Any, ...]:
        strengths = sorted(link.rank for link in self.links)
        return (len(self.nodes), -strengths[0], *(-s for s in strengths[1:]),
                *(members[n].label.casefold() for n in self.nodes[1:]))


def introductions(
    conn: Connection,
    owner: Owner | None,
    source: str,
    target: str | None = None,
    *,
    company: str | None = None,
    graph: str | None = None,
    about: str | None = None,
    limit: int | None = None,
    settings: settings_mod.Settings | None = None,
) -> dict[str, Any]:
    """Ranked introduction routes from SOURCE to TARGET (a person) or to anyone at COMPANY."""
    if (target is None) == (company is None):
        raise InputError("say whom to reach: a person, or a company", cli_hint="a person, or --company NAME")
    cfg = settings or settings_mod.load(conn)
    limit = limit or int(cfg.intro_max_paths)
    loaded = net.open_graph(conn, graph)
    s = net.endpoint(conn, owner, loaded, source)
    if target is not None:
        targets = [net.endpoint(conn, owner, loaded, target)]
    else:
        targets = _company_members(conn, loaded, company or "")
    eng = loaded.engine
    first = set(eng.neighbors(s).tolist())
    already = [t for t in targets if t in first]
    routes: list[Route] = []
    for t in targets:
        if t == s or t in first:
            continue
        routes.extend(Route((s, m, t)) for m in eng.mutual(s, t).tolist())
    routes.extend(_teammate_routes(loaded, s, targets, first, routes))
    reached = {r.nodes[-1] for r in routes}
    for t in targets:
        if t != s and t not in first and t not in reached:
            routes.extend(Route((s, u, v, t)) for u, v in eng.three_hop_pairs(s, t, _MAX_THREE_HOP))
    _score(conn, loaded, routes, cfg, owner.id if owner is not None else None)
    members = net.describe(conn, loaded, {s, *already, *(n for r in routes for n in r.nodes)})
    routes.sort(key=lambda r: r.sort_key(members))
    shown = routes[:limit]
    states = _states(conn, loaded, s, [r.nodes[1] for r in shown], owner)
    templates = drafts.load_templates()
    sender = _sender(conn, loaded, members[s])
    return {
        "graph": loaded.graph.name,
        "from": members[s].to_dict(),
        "to": members[targets[0]].to_dict() if target is not None else None,
        "company": company,
        "already_connected": [members[t].to_dict() for t in already],
        "routes_found": len(routes),
        "ranking": "fewest hops, then the weaker link's strength, then the stronger link's",
        "routes": [
            {
                "hops": len(r.nodes) - 1,
                "path": [members[n].to_dict() for n in r.nodes],
                "intermediary": members[r.nodes[1]].to_dict(),
                "intermediary_state": states.get(r.nodes[1]),
                "weakest_link": _number(r.weakest_link),
                "weakest_band": r.weakest_link.band,
                "links": [link.to_dict(members) for link in r.links],
                "request": drafts.fill(drafts.template_text("intro_request", templates),
                                       _request_values(members, r, about, sender)),
                "blurb": drafts.fill(drafts.template_text("intro_blurb", templates),
                                     _blurb_values(members[r.nodes[-1]], about, sender)),
            }
            for r in shown
        ],
    }


def _company_members(conn: Connection, loaded: Loaded, company: str) -> list[int]:
    """Nodes of the merged network whose current company matches COMPANY (case-insensitive part)."""
    if loaded.network is None:
        raise InputError("a company needs the merged network (a loaded graph has ids, not companies)")
    wanted = identity.name_key(company)
    if not wanted:
        raise InputError("say which company")
    like = contains(company.strip().lower())
    nodes: list[int] = []
    for pid, name in conn.execute(
        text(f"SELECT id, company FROM people WHERE company IS NOT NULL AND LOWER(company) LIKE :q{ESCAPE} "
             "ORDER BY id"),
        {"q": like},
    ):
        node = loaded.graph.find(int(pid))
        if node is not None and wanted in identity.name_key(name or ""):
            nodes.append(node)
            if len(nodes) >= _MAX_TARGETS:
                break
    if not nodes:
        raise NotFound(f"nobody in the network works at {company!r} (by their current company)")
    return nodes


def _teammate_routes(loaded: Loaded, s: int, targets: list[int], first: set[int],
                     found: list[Route]) -> list[Route]:
    """Colleagues (other owners) who know a target, when FROM is an owner not linked to them."""
    if loaded.network is None:
        return []
    owner_nodes = {loaded.graph.find(label) for label in loaded.network.owner_labels.values()}
    owner_nodes.discard(None)
    if s not in owner_nodes:
        return []
    have = {(r.nodes[1], r.nodes[-1]) for r in found}
    out = []
    for t in targets:
        if t == s or t in first:
            continue
        for m in loaded.engine.neighbors(t).tolist():
            if m in owner_nodes and m != s and m not in first and (m, t) not in have:
                route = Route((s, m, t))
                route.links.append(Link(s, m, -1.0, "teammate"))
                out.append(route)
    return out


def _number(link: Link) -> float | None:
    return round(link.strength, 1) if link.shown else None


def _shown(holder: int, viewer: int | None, names: dict[int, str]) -> tuple[bool, str]:
    """The one rule for what the viewer may know of a tie a member holds: all of their own, the band of others'."""
    name = names.get(holder, str(holder))
    if holder == viewer:
        return True, f"history of {name}"
    return False, f"{name}'s tie (band only)"


def _score(conn: Connection, loaded: Loaded, routes: list[Route], cfg: settings_mod.Settings,
           viewer: int | None) -> None:
    """Fill each route's links with strengths: the viewer's own ties computed from their history (in one batch),
    other members' ties from the bands those members published (``strength.published_bands``: behind the
    PostgreSQL wall the viewer cannot read their history); the viewer's own is preferred when both ends are
    members. A tie whose holder published no band yet is "unknown"."""
    unknown = float(cfg.intro_unknown_strength)
    owner_of = loaded.network.owner_of_label() if loaded.network else {}
    label = loaded.graph.label

    def owner_for(node: int) -> int | None:
        return owner_of.get(int(label(node))) if owner_of else None

    wanted: dict[int, set[int]] = {}
    pairs: list[tuple[Route, int, int]] = []
    for r in routes:
        start = len(r.links)  # a teammate link is already set
        for a, b in zip(r.nodes[start:], r.nodes[start + 1 :], strict=False):
            pairs.append((r, a, b))
            for holder, other in ((a, b), (b, a)):
                oid = owner_for(holder)
                if oid is not None:
                    wanted.setdefault(oid, set()).add(int(label(other)))
        for link in r.links:
            if link.basis == "teammate":
                link.strength = unknown
    scores = {viewer: _strengths(conn, viewer, wanted[viewer], cfg)} if viewer in wanted else {}
    others = {pid for oid, ids in wanted.items() if oid != viewer for pid in ids}
    for (oid, pid), name in (published_bands(conn, others) if others else {}).items():
        if oid != viewer and pid in wanted.get(oid, ()):
            scores.setdefault(oid, {})[pid] = _BAND_MIDDLE[name]  # the band, never a score of theirs
    names = {oid: name for oid, name in conn.execute(text("SELECT id, name FROM owners"))} if scores else {}
    for r, a, b in pairs:
        link = Link(a, b, unknown, "unknown")
        ends = sorted(((a, b), (b, a)), key=lambda end: owner_for(end[0]) != viewer)
        for holder, other in ends:
            oid = owner_for(holder)
            value = scores.get(oid, {}).get(int(label(other))) if oid is not None else None
            if oid is not None and value is not None:
                shown, basis = _shown(oid, viewer, names)
                link = Link(a, b, float(value), basis, shown)
                break
        r.links.append(link)


def _strengths(conn: Connection, owner_id: int, person_ids: set[int], cfg: settings_mod.Settings
               ) -> dict[int, float]:
    computed = compute_strengths(conn, owner_id, settings=cfg, person_ids=sorted(person_ids))
    return {int(pid): float(s.score) for pid, s in computed.items()}


def _states(conn: Connection, loaded: Loaded, s: int, intermediaries: list[int], viewer: Owner | None
            ) -> dict[int, str]:
    """Each intermediary's relationship state as FROM's connection, when FROM is the viewer (a state is read
    from the member's own messages: never shown to another member)."""
    if loaded.network is None or not intermediaries or viewer is None:
        return {}
    oid = loaded.network.owner_of_label().get(int(loaded.graph.label(s)))
    if oid is None or oid != viewer.id:
        return {}
    by_person = {int(loaded.graph.label(m)): m for m in intermediaries if int(loaded.graph.label(m)) > 0}
    verdicts = compute_states(conn, oid, person_ids=sorted(by_person))
    return {by_person[pid]: str(v.state) for pid, v in verdicts.items() if pid in by_person}


def forward_note(conn: Connection, asker: Owner, person_id: int, about: str | None = None) -> str:
    """The double opt-in note a member forwards to PERSON for ASKER: ASKER's own name, headline and profile,
    PERSON's first name, what it is about; nothing the forwarding member holds."""
    row = conn.execute(text("SELECT full_name FROM people WHERE id = :p"), {"p": person_id}).first()
    if row is None:
        raise NotFound(f"nobody with id #{person_id}")
    me = net.Member(asker.person_id or -asker.id, asker.name, url=asker.profile_url, owner_id=asker.id)
    target = net.Member(person_id, row[0])
    return drafts.fill(drafts.template_text("intro_blurb", drafts.load_templates()),
                       _blurb_values(target, about, _sender_values(conn, me)))


def _sender(conn: Connection, loaded: Loaded, me: net.Member) -> dict[str, str]:
    if loaded.network is None:
        return {}  # a loaded graph's ids are not people: no names to sign with
    return _sender_values(conn, me)


def _sender_values(conn: Connection, me: net.Member) -> dict[str, str]:
    """What the drafts may say about the person asking: name, headline and profile when known."""
    values = {"owner_name": me.name or "", "owner_first_name": (me.name or "").split(" ")[0]}
    if me.url:
        values["owner_profile"] = me.url
    if me.owner_id is not None:
        row = conn.execute(text("SELECT first_name, headline, profile_url FROM owners WHERE id = :o"),
                           {"o": me.owner_id}).first()
        if row is not None:
            values["owner_first_name"] = row[0] or values["owner_first_name"]
            values["owner_headline"] = row[1] or ""
            values["owner_profile"] = row[2] or values.get("owner_profile", "")
    return {k: " ".join(v.split()) for k, v in values.items() if v and v.strip()}


def _first(member: net.Member) -> str:
    return (member.name or "").split(" ")[0] if member.name else ""


def _who(member: net.Member) -> str:
    if member.position and member.company:
        return f"{member.name} ({member.position} at {member.company})"
    if member.company:
        return f"{member.name} at {member.company}"
    return member.name or str(member.id)


def _request_values(members: dict[int, net.Member], r: Route, about: str | None,
                    sender: dict[str, str]) -> dict[str, str]:
    middle, target = members[r.nodes[1]], members[r.nodes[-1]]
    values = dict(sender)
    values.update({"intermediary_first": _first(middle), "target_first": _first(target) or str(target.id)})
    if len(r.nodes) == 3:
        values.update({"direct_target": _who(target), "direct_first": _first(target) or str(target.id)})
    else:
        via = members[r.nodes[2]]
        values.update({"via_name": via.name or str(via.id), "via_first": _first(via) or str(via.id),
                       "far_target": _who(target), "far_first": _first(target) or str(target.id)})
    if about and about.strip():
        values["about"] = " ".join(about.split())
    return {k: v for k, v in values.items() if v}


def _blurb_values(target: net.Member, about: str | None, sender: dict[str, str]) -> dict[str, str]:
    values = dict(sender)
    if target.name:
        values["target_first"] = _first(target)
    if about and about.strip():
        values["about"] = " ".join(about.split())
    return {k: v for k, v in values.items() if v}
