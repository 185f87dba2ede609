"""The weekly plan at LinkedIn's cap: 30,000 connections and 1,000,000 messages.

Run:  python benchmarks/bench_plan.py [--connections 30000] [--messages 1000000] [--db /tmp/twoway-bench-plan.db]

Builds (once, then reuses) a SQLite database of generated people and conversations, then times:
the one-pass history read, states, strengths, the plan selection, the drafts, `build_week` as a
whole (budget: 2 s), and `twoway week` end to end as a fresh process, with --json and as a table
(budget: 1.5 s). Other work on the machine skews the figures: note the load average printed.
Prints a Markdown table for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from twoway import history
from twoway.drafts import contexts_for
from twoway.plan import build_week, select_week
from twoway.settings import Settings
from twoway.states import compute_states
from twoway.store import open_store
from twoway.strength import compute_strengths

TODAY = date(2025, 3, 12)
DAY = 86_400


def build(path: Path, connections: int, messages: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    store = open_store(str(path))
    now = int(time.mktime(TODAY.timetuple()))
    with store.begin() as conn:
        conn.execute(text("INSERT INTO owners (id, name, first_name, created_at) "
                          "VALUES (1, 'Bench Owner', 'Bench', 'x')"))
        people, links = [], []
        for pid in range(1, connections + 1):
            first, last = f"First{pid}", f"Last{pid % 997}"
            people.append({"id": pid, "url": f"https://www.linkedin.com/in/p-{pid}", "k": f"first{pid} last",
                           "f": first, "n": f"{first} {last}", "c": f"Company {pid % 1500}", "p": "Engineer"})
            connected = TODAY - timedelta(days=rng.randint(0, 3650))
            links.append({"p": pid, "d": connected.isoformat()})
        conn.execute(text("INSERT INTO people (id, url, name_key, first_name, full_name, company, position, "
                          "created_at) VALUES (:id, :url, :k, :f, :n, :c, :p, 'x')"), people)
        conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on) VALUES (1, :p, :d)"), links)
        # Messages concentrate on a minority of people, as in real inboxes; a third never hear a word.
        talkers = rng.sample(range(1, connections + 1), k=connections * 2 // 3)
        weights = [rng.paretovariate(1.2) for _ in talkers]
        total = sum(weights)
        batch: list[dict[str, Any]] = []
        n = 0
        for pid, w in zip(talkers, weights, strict=True):
            count = min(max(1, round(messages * w / total)), messages - n)
            if count <= 0:
                break
            # A thread of `count` messages that ends on a random day of the last five years.
            gaps = [rng.randint(60, 10 * DAY) for _ in range(count - 1)]
            at = now - rng.randint(1, 5 * 365) * DAY - sum(gaps)
            direction = rng.choice(("in", "out"))
            for k in range(count):
                if k == count - 1 and count > 1 and rng.random() < 0.85:
                    direction = "out"  # most threads end with the owner's answer
                batch.append({"p": pid, "d": direction, "at": at, "f": f"b{n}"})
                n += 1
                if k < count - 1:
                    at += gaps[k]
                if rng.random() < 0.6:
                    direction = "in" if direction == "out" else "out"
            if len(batch) >= 50_000:
                conn.execute(text("INSERT INTO interactions (owner_id, person_id, direction, at, content, fingerprint) "
                                  "VALUES (1, :p, :d, :at, 'hello', :f)"), batch)
                batch = []
        if batch:
            conn.execute(text("INSERT INTO interactions (owner_id, person_id, direction, at, content, fingerprint) "
                              "VALUES (1, :p, :d, :at, 'hello', :f)"), batch)
    store.close()


def timed(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--connections", type=int, default=30_000)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "twoway-bench-plan.db")
    args = parser.parse_args()
    db = args.db.with_name(f"{args.db.stem}-v3-{args.connections}-{args.messages}{args.db.suffix}")
    if not db.exists():
        t0 = time.perf_counter()
        build(db, args.connections, args.messages)
        print(f"built {db} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    store = open_store(str(db))
    settings = Settings()
    rows: list[tuple[str, float]] = []
    with store.connect() as conn:
        events = conn.execute(text("SELECT COUNT(*) FROM interactions")).scalar_one()
        t, hist = timed(lambda: history.load_history(conn, 1, today=TODAY, use_cache=False))
        rows.append(("history read (one pass, uncached)", t))
        t, verdicts = timed(lambda: compute_states(conn, 1, settings=settings, today=TODAY, hist=hist))
        rows.append(("states", t))
        t, strengths = timed(lambda: compute_strengths(conn, 1, settings=settings, today=TODAY, hist=hist))
        rows.append(("strengths", t))
        t, plan = timed(lambda: select_week(verdicts, strengths, settings, TODAY, today=TODAY))
        rows.append(("plan selection (pure core)", t))
        ids = [i.person_id for i in plan.items]
        t, _ = timed(lambda: contexts_for(conn, 1, ids))
        rows.append((f"draft contexts for {len(ids)} items", t))
        def everything() -> Any:
            h = history.load_history(conn, 1, today=TODAY, use_cache=False)
            v = compute_states(conn, 1, settings=settings, today=TODAY, hist=h)
            st = compute_strengths(conn, 1, settings=settings, today=TODAY, hist=h)
            return select_week(v, st, settings, TODAY, today=TODAY)

        t, _ = timed(everything)
        rows.append(("history + states + all strengths + plan (budget 2 s)", t))

        def cold() -> Any:
            history.clear_cache()
            return build_week(conn, 1, today=TODAY, settings=settings)

        t, full = timed(cold)
        rows.append(("build_week, cold (strengths only where they matter, drafts)", t))
        t, full = timed(lambda: build_week(conn, 1, today=TODAY, settings=settings))
        rows.append(("build_week, history cached", t))
    store.close()
    env = {**os.environ, "TWOWAY_TODAY": TODAY.isoformat()}
    for label, extra in (("`twoway week --json` (fresh process)", ["--json"]),
                         ("`twoway week` table (fresh process)", [])):
        cmd = [sys.executable, "-m", "twoway", "--db", str(db), "week", *extra]
        t, _ = timed(lambda cmd=cmd: subprocess.run(cmd, env=env, check=True,  # noqa: S603 (our own command)
                                                    stdout=subprocess.DEVNULL))
        rows.append((label, t))
    print(f"\n{args.connections:,} connections, {events:,} messages; plan: {len(full.items)} items "
          f"({full.counts}), quota {full.checkin_quota}/week\n")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    print("| step | median s |\n|---|---|")
    for label, t in rows:
        print(f"| {label} | {t:.3f} |")


if __name__ == "__main__":
    main()
