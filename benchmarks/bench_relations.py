"""States and strength for 30,000 connections and 1,000,000 messages: how long do they take?

    python benchmarks/bench_relations.py                  # generated export, imported (built once)
    python benchmarks/bench_relations.py --direct         # seed the tables directly (faster to build)
    python benchmarks/bench_relations.py --rebuild        # build the database again

The database is built once into the temporary folder (``--db`` to choose) with the synthetic export generator and
the real importer when they are available (``--direct`` seeds the same shape with executemany).
Then, several times over: the one-pass history read, ``compute_states`` and ``compute_strengths``
on it (as the weekly plan calls them, sharing the history), each timed: first cold (no cache at
all, every round pays the full read and writes the cache file), then as a new process would run
with the history file cached in the data folder (memory cache cleared each round).

Then the states alone, in one process (a web server, or the plan asking twice): without reasons (a
filter), with reasons (written when read) and with every reason read, against the same rule asked one
person at a time (``states.judge``).

Then the cache growing by new rows (1 and 1,000 interactions inserted in a transaction that is
rolled back afterwards, so the database is unchanged) against a full read, and `views.search`
pages as the web's People page asks for them, each first call with only the history file cached.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from sqlalchemy import Connection, text

from twoway import clock, history, states, strength, views
from twoway.store import Store, open_store

DEFAULT_DB = Path(tempfile.gettempdir()) / "twoway-bench-relations.db"


def seed_direct(store: Store, connections: int, messages: int, seed: int = 7) -> None:
    """Connections, people and direct conversations shaped like a real inbox: most people never
    written to, a long tail of frequent correspondents, replies minutes to days after a message."""
    rng = np.random.default_rng(seed)
    today = date(2026, 11, 1)
    end = int((today - date(1970, 1, 1)).days) * 86_400
    with store.begin() as conn:
        conn.execute(text("INSERT INTO owners (name, created_at) VALUES ('Bench Owner', '2026-01-01')"))
        conn.execute(text("INSERT INTO people (id, url, name_key, full_name, created_at) VALUES (:i, :u, :k, :n, 'x')"),
                     [{"i": i, "u": f"https://www.linkedin.com/in/bench-{i}", "k": f"person {i}",
                       "n": f"Person {i}"} for i in range(1, connections + 1)])
        connected = [today - timedelta(days=int(d)) for d in rng.integers(0, 10 * 365, connections)]
        conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on) VALUES (1, :p, :d)"),
                     [{"p": i + 1, "d": connected[i].isoformat()} for i in range(connections)])
        conn.execute(text("INSERT INTO conversations (id, owner_id, external_id, kind) VALUES (:i, 1, :e, 'direct')"),
                     [{"i": i, "e": f"conv-{i}"} for i in range(1, connections + 1)])
        # 40% of connections have conversations; their sizes follow a heavy tail.
        talkers = rng.choice(np.arange(1, connections + 1), size=int(connections * 0.4), replace=False)
        weights = rng.pareto(1.2, talkers.size) + 1
        counts = np.maximum(1, np.round(weights / weights.sum() * messages)).astype(np.int64)
        counts[0] += messages - counts.sum()
        person = np.repeat(talkers, counts)
        at = end - rng.integers(0, 10 * 365 * 86_400, person.size)
        direction = np.where(rng.random(person.size) < 0.45, "in", "out")
        batch = []
        for i, (p, a, d) in enumerate(zip(person.tolist(), at.tolist(), direction.tolist(), strict=True)):
            batch.append({"p": p, "c": p, "a": a, "d": d, "f": f"m{i}"})
            if len(batch) == 50_000:
                _insert(conn, batch)
                batch = []
        _insert(conn, batch)


def _insert(conn: object, rows: list[dict[str, object]]) -> None:
    if rows:
        conn.execute(text("INSERT INTO interactions (owner_id, person_id, conversation_id, direction, at, content, "  # type: ignore[attr-defined]
                          "fingerprint) VALUES (1, :p, :c, :d, :a, 'a message of some length to make rows real', :f)"),
                     rows)


def build(path: Path, direct: bool, connections: int, messages: int) -> str:
    if direct:
        store = open_store(str(path))
        seed_direct(store, connections, messages)
        store.close()
        return "seeded directly (executemany)"
    try:
        from twoway.generator import generate_export
        from twoway.linkedin import import_export
    except ImportError:
        return build(path, True, connections, messages)
    export = generate_export(path.parent / "twoway-bench-export.zip", seed=3, connections=connections,
                             messages=messages)
    store = open_store(str(path))
    import_export(store, export.path)
    store.close()
    return "generated export, imported"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--direct", action="store_true")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--connections", type=int, default=30_000)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    # The history cache file goes to a folder of the benchmark's own, not the user's data folder.
    os.environ.setdefault("TWOWAY_HOME", str(Path(tempfile.gettempdir()) / "twoway-bench-home"))
    if args.rebuild and args.db.exists():
        args.db.unlink()
    how = "existing database"
    if not args.db.exists():
        started = time.perf_counter()
        how = build(args.db, args.direct, args.connections, args.messages)
        print(f"built {args.db} ({how}) in {time.perf_counter() - started:.0f} s")
    store = open_store(str(args.db))
    with store.connect() as conn:
        owner = conn.execute(text("SELECT MIN(id) FROM owners")).scalar_one()
        n_conn = conn.execute(text("SELECT COUNT(*) FROM connections WHERE owner_id = :o"), {"o": owner}).scalar_one()
        n_msg = conn.execute(text("SELECT COUNT(*) FROM interactions WHERE owner_id = :o"), {"o": owner}).scalar_one()
        today = date(2026, 11, 1)
        for label, disk in (("cold: nothing cached", True), ("a new process, history file cached", False)):
            verdicts, strengths, hist = _rounds(conn, owner, today, args.rounds, disk, label)
    print(f"{n_conn} connections, {n_msg} interactions ({hist.event_count} direct events, {len(hist)} people "
          f"with history); {len(verdicts)} states, {len(strengths)} strengths")
    print(f"states: {states.count_by_state(verdicts)}")
    with store.connect() as conn:
        _states_alone(conn, owner, today, args.rounds)
    _grow_and_search(store, owner, today)
    return 0


def _grow_and_search(store: Store, owner: int, today: date) -> None:

    print("\nthe cache grows by new rows (transaction rolled back afterwards; best of 3)")
    for added in (1, 1_000):
        best_grow, best_full = 1e9, 1e9
        for _ in range(3):
            with store.connect() as conn:
                history.clear_cache()
                history.load_history(conn, owner, today=today)  # warm, from the file
                start_id = int(conn.execute(text("SELECT MAX(id) FROM interactions")).scalar_one())
                person = conn.execute(text("SELECT MIN(person_id) FROM connections WHERE owner_id = :o"),
                                      {"o": owner}).scalar_one()
                conn.execute(text("INSERT INTO interactions (owner_id, person_id, direction, at, fingerprint) "
                                  "VALUES (:o, :p, 'out', :a, :f)"),
                             [{"o": owner, "p": person, "a": 1_700_000_000 + i, "f": f"bench-{start_id}-{i}"}
                              for i in range(added)])
                t0 = time.perf_counter()
                grown = history.load_history(conn, owner, today=today)
                t1 = time.perf_counter()
                whole = history.load_history(conn, owner, today=today, use_cache=False)
                t2 = time.perf_counter()
                assert grown.event_count == whole.event_count
                assert np.array_equal(grown.at, whole.at)
                best_grow, best_full = min(best_grow, t1 - t0), min(best_full, t2 - t1)
                conn.rollback()
            history.clear_cache()
        print(f"  {added:>5} new rows: merged into the cache {best_grow * 1000:7.1f} ms; "
              f"full read {best_full * 1000:7.1f} ms (equal arrays)")
    print("\npeople.search, one page of 50, first call in a new process (history file cached; best of 3)")
    queries = {
        "text 'an'": views.PeopleQuery(text="an"),
        "company 'a'": views.PeopleQuery(company="a"),
        "no filter, by name": views.PeopleQuery(),
        "state due, by name": views.PeopleQuery(state="due"),
        "state owe_reply, by strength": views.PeopleQuery(state="owe_reply", sort="strength", descending=True),
        "all, by last contact": views.PeopleQuery(sort="last_contact", descending=True),
    }
    for label, q in queries.items():
        best = 1e9
        for _ in range(3):
            history.clear_cache()
            with store.connect() as conn:
                t0 = time.perf_counter()
                page = views.search(conn, owner, q, today=today)
                best = min(best, time.perf_counter() - t0)
        print(f"  {label:<30}{best * 1000:8.1f} ms  ({page.total} matches)")


def _states_alone(conn: Connection, owner: int, today: date, rounds: int) -> None:
    from twoway.people.tags import tags_by_person
    from twoway.settings import Settings

    hist = history.load_history(conn, owner, today=today)
    settings = Settings()

    def one_by_one() -> dict[int, states.Verdict]:
        # The same rule asked one person at a time (states.judge over each one-person history): what a
        # per-person reference would cost, for comparison with the one pass over everyone.
        rules = states.Rules.from_settings(settings)
        tags, prunes = tags_by_person(conn, owner), states.prune_decisions(conn, owner)
        rows = conn.execute(text("SELECT person_id, connected_on, status, removed_on FROM connections "
                                 "WHERE owner_id = :o AND status IN ('connected', 'removed')"), {"o": owner})
        return {int(p): states.judge(hist.events_for(int(p)), today=today, settings=rules, person_id=int(p),
                                     connected_on=clock.iso_date(c), removed=st == "removed",
                                     removed_on=clock.iso_date(r), prune=prunes.get(int(p)),
                                     tags=tags.get(int(p), ()))
                for p, c, st, r in rows}

    cases = {
        "without reasons (a filter)": lambda: states.compute_states(conn, owner, settings=settings, today=today,
                                                                    hist=hist, reasons=False),
        "with reasons, none read": lambda: states.compute_states(conn, owner, settings=settings, today=today,
                                                                 hist=hist),
        "with reasons, all read": lambda: [v.reason for v in states.compute_states(
            conn, owner, settings=settings, today=today, hist=hist).values()],
        "the same rule, one person at a time": one_by_one,
    }
    print(f"\nstates alone, history in memory ({rounds} rounds; wall median / best / CPU best)")
    for label, fn in cases.items():
        walls, cpus = [], []
        for _ in range(rounds):
            w, c = time.perf_counter(), time.process_time()
            fn()
            walls.append(time.perf_counter() - w)
            cpus.append(time.process_time() - c)
        print(f"  {label:<34}{statistics.median(walls) * 1000:8.1f} /{min(walls) * 1000:7.1f} /"
              f"{min(cpus) * 1000:7.1f} ms")
    fast = states.compute_states(conn, owner, settings=settings, today=today, hist=hist)
    slow = one_by_one()
    assert fast == slow, "everyone at once and one at a time disagree"
    print(f"  (everyone at once equals one at a time for all {len(fast)} connections)")


def _rounds(conn: Connection, owner: int, today: date, rounds: int, disk: bool, label: str
            ) -> tuple[dict[int, states.Verdict], dict[int, strength.Strength], history.History]:
    timings: dict[str, list[float]] = {"history": [], "states": [], "strength": [], "total": []}
    cpu: dict[str, list[float]] = {k: [] for k in timings}
    history.clear_cache(disk=True)
    history.load_history(conn, owner, today=today)  # leaves the file for the warm case
    for _ in range(rounds):
        history.clear_cache(disk=disk)
        marks = [(time.perf_counter(), time.process_time())]
        hist = history.load_history(conn, owner, today=today)
        marks.append((time.perf_counter(), time.process_time()))
        verdicts = states.compute_states(conn, owner, today=today, hist=hist)
        marks.append((time.perf_counter(), time.process_time()))
        strengths = strength.compute_strengths(conn, owner, today=today, hist=hist)
        marks.append((time.perf_counter(), time.process_time()))
        spans = [(1, 0), (2, 1), (3, 2), (3, 0)]
        for key, (end, begin) in zip(timings, spans, strict=True):
            timings[key].append(marks[end][0] - marks[begin][0])
            cpu[key].append(marks[end][1] - marks[begin][1])
    print(f"{label} ({rounds} rounds)")
    print(f"{'':<11}{'wall median':>12}{'wall best':>11}{'CPU best':>10}   (CPU time: this process only)")
    for key, values in timings.items():
        print(f"  {key:<9}{statistics.median(values):>11.3f}s{min(values):>10.3f}s{min(cpu[key]):>9.3f}s")
    return verdicts, strengths, hist


if __name__ == "__main__":
    sys.exit(main())
