"""Speed of the invitation pages on a large generated account: triage, outgoing advice, statistics.

A generated owner at LinkedIn's scale: N connections (default 30,000, the cap), 5,500 invitations
in the export (the largest measured file held 5,498 rows; ~25% incoming), 200,000 messages, 2,000
address-book contacts, 10 past employers, jobs for every connection. Measured, best of R runs on a
warm database: the whole `twoway invites` overview (incoming recommendations with every reason,
outgoing advice, budget), `twoway invites --all`, `twoway invite stats` (acceptance summary), and
the pure recommendation rule per invitation. The first run (cold caches) is reported too.

Run: python benchmarks/bench_invitations.py [--connections 30000] [--invitations 5500] [--repeat 5]
     python benchmarks/bench_invitations.py --db postgresql+psycopg://postgres@127.0.0.1:5432/test
(a PostgreSQL URL is used in a scratch schema dropped afterwards).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import text

from twoway import clock
from twoway.identity import name_key
from twoway.invitations import stats as invitation_stats
from twoway.invitations import triage
from twoway.reading.notes import Reader
from twoway.settings import Settings
from twoway.store import Store, open_store

TODAY = date(2025, 6, 15)
NOTES = ["Hi Maya, we met at the PyData meetup; great talk!", "Hi Maya, let's connect.",
         "I'd like to add you to my professional network on LinkedIn.",
         "Hi Maya, we help companies generate more leads. 15 min call?",
         "Hi Maya, I came across your profile and was impressed by your experience."]
COMPANIES = [f"Company {i}" for i in range(400)]


def build(store: Store, connections: int, invitations: int, seed: int = 5) -> int:
    rng = random.Random(seed)
    with store.begin() as conn:
        conn.execute(text("INSERT INTO owners (name, first_name, created_at) VALUES ('Maya Chen', 'Maya', 'x')"))
        owner = int(conn.execute(text("SELECT MAX(id) FROM owners")).scalar_one())
        conn.execute(text("INSERT INTO owner_positions (owner_id, company, title, started_on) "
                          "VALUES (:o, :c, 't', :s)"),
                     [{"o": owner, "c": COMPANIES[i * 7], "s": str(2000 + i)} for i in range(10)])
        total = connections + invitations
        conn.execute(text("INSERT INTO people (id, name_key, full_name, first_name, company, position, created_at) "
                          "VALUES (:id, :k, :n, :f, :c, :p, 'x')"),
                     [{"id": i + 1, "k": name_key(f"Person {i}"), "n": f"Person {i}", "f": "Person",
                       "c": rng.choice(COMPANIES), "p": rng.choice(["Data Engineer", "Sales", "CTO", ""])}
                      for i in range(total)])
        conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on) VALUES (:o, :p, :d)"),
                     [{"o": owner, "p": i + 1, "d": (TODAY - timedelta(days=rng.randrange(3000))).isoformat()}
                      for i in range(connections)])
        conn.execute(text("INSERT INTO jobs (person_id, company, position, first_seen, last_seen) "
                          "VALUES (:p, :c, 'x', 'a', 'b')"),
                     [{"p": i + 1, "c": rng.choice(COMPANIES)} for i in range(total)])
        conn.execute(text("INSERT INTO interactions (owner_id, person_id, direction, at, fingerprint) "
                          "VALUES (:o, :p, :d, :at, :fp)"),
                     [{"o": owner, "p": rng.randrange(1, total + 1), "d": rng.choice(["in", "out"]),
                       "at": clock.day_start_ts(TODAY) - rng.randrange(10**8), "fp": f"m{i}"} for i in range(200_000)])
        conn.execute(text("INSERT INTO contacts (owner_id, full_name, name_key, fingerprint) VALUES (:o, :n, :k, :fp)"),
                     [{"o": owner, "n": f"Person {i}", "k": name_key(f"Person {i}"), "fp": f"c{i}"}
                      for i in rng.sample(range(total), 2000)])
        rows = []
        for i in range(invitations):
            incoming = rng.random() < 0.25
            # Incoming ones mostly from non-connections (pending); outgoing to a mix.
            pid = connections + i + 1 if incoming or rng.random() < 0.3 else rng.randrange(1, connections + 1)
            sent = TODAY - timedelta(days=rng.randrange(200))
            rows.append({"o": owner, "p": pid, "d": "in" if incoming else "out",
                         "at": clock.day_start_ts(sent) + 3600, "f": f"Person {pid - 1}", "t": "Maya Chen",
                         "m": rng.choice(NOTES) if rng.random() < 0.3 else None, "fp": f"i{i}"})
        conn.execute(text("INSERT INTO invitations (owner_id, person_id, direction, sent_at, from_name, to_name, "
                          "message, origin, fingerprint) VALUES (:o, :p, :d, :at, :f, :t, :m, 'import', :fp)"), rows)
    return owner


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return times[0], min(times), result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--connections", type=int, default=30_000)
    ap.add_argument("--invitations", type=int, default=5_500)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--db", help="a PostgreSQL URL (default: a temporary SQLite file)")
    args = ap.parse_args()
    schema = None
    if args.db:
        import psycopg

        schema = "bench_" + uuid.uuid4().hex[:8]
        plain = args.db.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(plain, autocommit=True) as c:
            c.execute(f"CREATE SCHEMA {schema}")
        store = open_store(f"{args.db}?options=-csearch_path%3D{schema}")
    else:
        store = open_store(tempfile.mkdtemp() + "/bench.db")
    try:
        start = time.perf_counter()
        owner = build(store, args.connections, args.invitations)
        print(f"engine {store.dialect}; built {args.connections:,} connections, {args.invitations:,} invitations, "
              f"200,000 messages in {time.perf_counter() - start:.1f} s")
        s = Settings().with_values(focus_keywords=["data"])
        with store.connect() as conn:
            for label, fn in (
                ("invites (overview)", lambda: triage.overview(conn, owner, settings=s, today=TODAY)),
                ("invites --all", lambda: triage.overview(conn, owner, include_all=True, settings=s, today=TODAY)),
                ("invite stats", lambda: invitation_stats.acceptance_summary(conn, owner, settings=s, today=TODAY)),
            ):
                cold, warm, result = best(fn, args.repeat)
                size = (f"{len(result['incoming'])} in / {len(result['outgoing'])} out" if "incoming" in result
                        and isinstance(result["incoming"], list) else f"{result['outgoing']['sent']} sent")
                print(f"{label:22s} first {cold * 1000:8.1f} ms   best {warm * 1000:8.1f} ms   ({size})")
        evidence = triage.Evidence(sender="A B", note=NOTES[0], reader=Reader("Maya", "Chen"), position="Data Engineer")
        n = 20_000
        start = time.perf_counter()
        for _ in range(n):
            triage.recommend(evidence, settings=s)
        print(f"recommend (pure)       {(time.perf_counter() - start) / n * 1e6:8.1f} µs per invitation")
    finally:
        store.close()
        if schema:
            with psycopg.connect(plain, autocommit=True) as c:
                c.execute(f"DROP SCHEMA {schema} CASCADE")


if __name__ == "__main__":
    main()
