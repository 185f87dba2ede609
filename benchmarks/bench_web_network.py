"""The Network page and its /api twins over a team's merged exports: how long each question takes.

Run:  python benchmarks/bench_web_network.py [--members 5] [--people 40000] [--per-member 20000]
      [--messages 200000] [--queries 40] [--db benchmarks/out/team.db]

Builds (once, then reuses) a SQLite team database of generated people: MEMBERS owners, each connected
to PER-MEMBER people drawn from a shared pool of PEOPLE (so networks overlap, as a firm's do), and
MESSAGES messages spread over the owners' connections (so link strengths are real). Then, in process
(FastAPI's TestClient on 127.0.0.1, speaking for member 1), times: the first /api/network (the merged
graph built from the database, or read from its .npz cache), and p50/p95 over QUERIES random targets of
degree, mutual, introductions to a person and to a company, suggestions, and the /network/intros page;
next to each, the same core call without HTTP (what the CLI does), so the face's own cost shows.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent / "tests"))

COMPANIES = [f"Company {i:03d}" for i in range(300)]


def build(db: Path, members: int, people: int, per_member: int, messages: int) -> None:
    from twoway.store import open_store

    db.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    store = open_store(str(db))
    t0 = time.perf_counter()
    with store.begin() as conn:
        conn.execute(text("INSERT INTO people (id, url, name_key, first_name, last_name, full_name, company, "
                          "position, created_at) VALUES (:id, :u, :k, :f, :l, :n, :c, :p, 'x')"), [
            {"id": i, "u": f"https://www.linkedin.com/in/person-{i}", "k": f"person {i:06d}", "f": "Person",
             "l": f"{i:06d}", "n": f"Person {i:06d}", "c": rng.choice(COMPANIES), "p": "Engineer"}
            for i in range(1, people + 1)])
        for m in range(1, members + 1):
            conn.execute(text("INSERT INTO owners (id, person_id, name, first_name, created_at) "
                              "VALUES (:o, :p, :n, 'Person', 'x')"), {"o": m, "p": m, "n": f"Person {m:06d}"})
        links: list[dict[str, Any]] = []
        for m in range(1, members + 1):
            chosen = set(rng.sample(range(members + 1, people + 1), per_member)) | (set(range(1, members + 1)) - {m})
            links += [{"o": m, "p": p} for p in chosen]
        conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on, status) "
                          "VALUES (:o, :p, '2022-01-01', 'connected')"), links)
        base = 1_700_000_000
        conn.execute(text("INSERT INTO interactions (owner_id, person_id, kind, direction, at, content, "
                          "fingerprint) VALUES (:o, :p, 'message', :d, :at, 'hi', :f)"), [
            {"o": link["o"], "p": link["p"], "d": rng.choice(("in", "out")), "at": base + rng.randrange(60_000_000),
             "f": f"b{n}"}
            for n, link in enumerate(rng.choices(links, k=messages))])
    store.close()
    print(f"built {db}: {members} members, {people:,} people, {len(links):,} connections, {messages:,} messages "
          f"in {time.perf_counter() - t0:.1f} s")


def timed(fn: Callable[[int], Any], targets: list[int]) -> tuple[float, float]:
    times = []
    for t in targets:
        start = time.perf_counter()
        fn(t)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=5)
    ap.add_argument("--people", type=int, default=40_000)
    ap.add_argument("--per-member", type=int, default=20_000)
    ap.add_argument("--messages", type=int, default=200_000)
    ap.add_argument("--queries", type=int, default=40)
    ap.add_argument("--db", type=Path, default=ROOT / "out" / "team.db")
    args = ap.parse_args()
    if not args.db.exists():
        build(args.db, args.members, args.people, args.per_member, args.messages)

    from web_support import WebClient

    from twoway.graph import cache, intros, network
    from twoway.people import owners
    from twoway.store import open_store
    from twoway.web import create_app

    rng = random.Random(3)
    probe = open_store(str(args.db))
    with probe.connect() as c:  # people in some member's network but not member 1's: 2nd degree and beyond
        pool = c.execute(text("SELECT DISTINCT person_id FROM connections WHERE person_id NOT IN "
                              "(SELECT person_id FROM connections WHERE owner_id = 1) ORDER BY person_id")
                         ).scalars().all()
    probe.close()
    targets = rng.sample([int(p) for p in pool if int(p) > args.members], args.queries)
    companies = rng.sample(COMPANIES, args.queries)
    cache.clear()
    with WebClient(create_app(str(args.db), owner="1")) as client:
        start = time.perf_counter()
        info = client.get("/api/network").json()
        first = (time.perf_counter() - start) * 1000
        print(f"\nmerged network: {info['network']['nodes']:,} members, {info['network']['edges']:,} connections, "
              f"{info['network']['memory_bytes'] / 2**20:.1f} MB; first /api/network {first:,.0f} ms\n")
        store = open_store(str(args.db))
        conn_ctx = store.connect()
        conn = conn_ctx.__enter__()
        me = owners.get(conn, 1)

        def get(url: str, **params: Any) -> Any:
            response = client.get(url, params=params)
            assert response.status_code == 200, (url, params, response.text[:300])
            return response

        cases: list[tuple[str, Callable[[int], Any], Callable[[int], Any]]] = [
            ("degree", lambda t: get("/api/network/degree", a="me", b=f"#{t}"),
             lambda t: network.degree(conn, me, "me", f"#{t}")),
            ("mutual", lambda t: get("/api/network/mutual", a="me", b=f"#{t}"),
             lambda t: network.mutual(conn, me, "me", f"#{t}")),
            ("introductions to a person", lambda t: get("/api/network/introductions", source="me", target=f"#{t}"),
             lambda t: intros.introductions(conn, me, "me", f"#{t}")),
            ("introductions to a company", lambda t: get("/api/network/introductions", source="me",
                                                         company=companies[targets.index(t)]),
             lambda t: intros.introductions(conn, me, "me", company=companies[targets.index(t)])),
            ("suggestions", lambda t: get("/api/network/suggestions", person=f"#{t}"),
             lambda t: network.suggest(conn, me, f"#{t}")),
            ("/network/intros page", lambda t: get("/network/intros", source="me", target=f"#{t}"),
             lambda t: intros.introductions(conn, me, "me", f"#{t}")),
        ]
        print(f"| question ({args.queries} random targets) | web p50 (p95), ms | core call p50 (p95), ms |")
        print("|---|---:|---:|")
        for name, web_fn, core_fn in cases:
            web_fn(targets[0])  # one warm-up each: strengths' history arrays, templates
            w50, w95 = timed(web_fn, targets)
            c50, c95 = timed(core_fn, targets)
            print(f"| {name} | {w50:.1f} ({w95:.1f}) | {c50:.1f} ({c95:.1f}) |")
        conn_ctx.__exit__(None, None, None)
        store.close()


if __name__ == "__main__":
    main()
