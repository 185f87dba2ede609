"""The weekly plan at LinkedIn's cap: 30,000 connections and 1,000,000 messages.

Run:  python benchmarks/bench_plan.py [--connections 30000] [--messages 1000000] [--db /tmp/twoway-bench-plan.db]

Builds (once, then reuses) a SQLite database from a generated export imported by the real importer
(twoway.generator, twoway.linkedin), then times: the one-pass history read, states (reasons
written when read, without reasons as filters ask, every reason read), strengths, the plan selection,
the drafts, `build_week` as a whole (budget: 2 s), and `twoway week` end to end as a fresh process,
with --json and as a table (budget: 1.5 s). Other work on the machine skews the figures: note the load average printed.
Prints a Markdown table for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import text

from twoway import history
from twoway.plan import build_week, select_week
from twoway.plan.drafts import contexts_for
from twoway.settings import Settings
from twoway.states import compute_states
from twoway.store import open_store
from twoway.strength import compute_strengths

TODAY = date(2026, 11, 1)


def build(path: Path, connections: int, messages: int, seed: int = 7) -> None:
    """The database a user would have: a generated export of that size, imported by the real importer."""
    from twoway.generator import generate_export
    from twoway.linkedin import import_export

    with tempfile.TemporaryDirectory() as tmp:
        export = generate_export(Path(tmp) / "export.zip", seed=seed, connections=connections,
                                 messages=messages, today=TODAY)
        store = open_store(str(path))
        import_export(store, export.path)
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
    db = args.db.with_name(f"{args.db.stem}-v4-{args.connections}-{args.messages}{args.db.suffix}")
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
        rows.append(("states (reasons written when read)", t))
        t, _ = timed(lambda: compute_states(conn, 1, settings=settings, today=TODAY, hist=hist, reasons=False))
        rows.append(("states without reasons (filters)", t))
        t, _ = timed(lambda: [v.reason for v in compute_states(conn, 1, settings=settings, today=TODAY,
                                                                hist=hist).values()])
        rows.append(("states, every reason read", t))
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

        def run(cmd: list[str] = cmd) -> Any:
            return subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603 (our own command)

        t, _ = timed(run)
        rows.append((label, t))
    print(f"\n{args.connections:,} connections, {events:,} messages; plan: {len(full.items)} items "
          f"({full.counts}), quota {full.checkin_quota}/week\n")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    print("| step | median s |\n|---|---|")
    for label, t in rows:
        print(f"| {label} | {t:.3f} |")


if __name__ == "__main__":
    main()
