"""Speed and memory of the graph engine on generated power-law graphs, against networkx and PostgreSQL.

The graph is Chung–Lu (degree exponent 2.5, expected degrees capped at sqrt(sum w) so every pair
probability stays <= 1, ids shuffled), generated with numpy in chunks, as in the research note.
Measured: build from the two edge arrays (time; peak memory traced by tracemalloc during the build;
the CSR's size), then p50/p99 over sampled queries: degree badge (1st/2nd/3rd/out), 2nd-degree
network size, introduction paths to one person (2-hop intermediaries, else 3-hop pairs), top-20
suggestions (Adamic–Adar). networkx (same graph, same pairs) and PostgreSQL (edge table with both
directions, index on (src, dst), EXISTS joins; count(DISTINCT) for 2nd-degree sizes) where asked.

Run:
  python benchmarks/bench_graph.py --nodes 200000 --edges 10300000 --networkx --postgres
  python benchmarks/bench_graph.py --nodes 1000000 --edges 50000000 --postgres
(--postgres takes a URL, default postgresql://postgres@127.0.0.1:5432/test; it works in a scratch
schema it drops afterwards.)
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import time
import tracemalloc
import uuid
from collections.abc import Callable
from typing import Any

import numpy as np

from twoway.graph.csr import from_edges
from twoway.graph.queries import Engine

PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"


def chung_lu(n: int, m: int, seed: int = 0, gamma: float = 2.5) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    w = np.arange(1, n + 1, dtype=np.float64) ** (-1.0 / (gamma - 1.0))
    w *= 2 * m / w.sum()
    w = np.minimum(w, np.sqrt(w.sum()))
    cw = np.cumsum(w)
    cw /= cw[-1]
    perm = rng.permutation(n).astype(np.int32)
    a = np.empty(m, dtype=np.int32)
    b = np.empty(m, dtype=np.int32)
    step = 5_000_000
    for i in range(0, m, step):
        k = min(step, m - i)
        a[i : i + k] = perm[np.searchsorted(cw, rng.random(k))]
        b[i : i + k] = perm[np.searchsorted(cw, rng.random(k))]
    return a, b


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def timed(fn: Callable[[int, int], Any], pairs: np.ndarray) -> tuple[float, float, float]:
    times = []
    for s, t in pairs.tolist():
        t0 = time.perf_counter()
        fn(s, t)
        times.append(time.perf_counter() - t0)
    ms = np.array(times) * 1e3
    return float(np.percentile(ms, 50)), float(np.percentile(ms, 99)), float(ms.mean())


def row(name: str, stats: tuple[float, float, float], count: int) -> str:
    p50, p99, mean = stats
    return f"| {name} | {count} | {p50:.3f} | {p99:.3f} | {mean:.3f} |"


def bench_engine(a: np.ndarray, b: np.ndarray, n: int, args: argparse.Namespace) -> tuple[Engine, list[str]]:
    gc.collect()
    tracemalloc.start()
    t0 = time.perf_counter()
    csr = from_edges(a, b, n)
    build = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    eng = Engine(csr)
    deg = csr.degrees()
    out = [f"graph: {n:,} members, {csr.edges:,} connections; degree mean {deg.mean():.1f}, "
           f"median {np.median(deg):.0f}, p99 {np.percentile(deg, 99):.0f}, max {deg.max():,}",
           f"engine build: {build:.2f} s; peak traced memory during build {peak / 1e6:,.0f} MB "
           f"(input arrays {(a.nbytes + b.nbytes) / 1e6:,.0f} MB not included); CSR {csr.nbytes / 1e6:,.0f} MB "
           f"= {csr.nbytes / csr.entries:.2f} bytes per adjacency entry; scratch arrays {n * 21 / 1e6:.0f} MB "
           f"per thread; process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:,.0f} MB"]
    rng = np.random.default_rng(args.seed + 1)
    pairs = rng.integers(0, n, (args.pairs, 2))
    few = pairs[: args.members]
    from collections import Counter

    badges = Counter(eng.separation(int(s), int(t)).degree for s, t in pairs[:1000].tolist())
    out.append("badges of 1,000 random pairs: " + ", ".join(f"{k if k else 'out'}: {v}" for k, v in
                                                             sorted(badges.items(), key=lambda kv: kv[0] or 9)))

    def paths(s: int, t: int) -> Any:
        two = eng.mutual(s, t)
        return two if two.shape[0] else eng.three_hop_pairs(s, t, 20_000)

    out += ["", "| engine query | samples | p50 ms | p99 ms | mean ms |", "|---|---:|---:|---:|---:|",
            row("degree badge (1st/2nd/3rd/out) with path", timed(eng.separation, pairs), len(pairs)),
            row("2nd-degree network size", timed(lambda s, _t: eng.second_degree_size(s), few), len(few)),
            row("introduction paths to one person", timed(paths, few), len(few)),
            row("top-20 suggestions (Adamic–Adar)", timed(lambda s, _t: eng.suggest(s, 20), few), len(few)),
            row("1st/2nd/3rd network sizes", timed(lambda s, _t: eng.network_sizes(s), few[:20]), 20)]
    return eng, out


def bench_networkx(a: np.ndarray, b: np.ndarray, eng: Engine, args: argparse.Namespace) -> list[str]:
    import networkx as nx

    gc.collect()
    before = rss_mb()
    t0 = time.perf_counter()
    g = nx.Graph()
    g.add_nodes_from(range(eng.csr.n))
    g.add_edges_from(zip(a.tolist(), b.tolist(), strict=True))
    g.remove_edges_from(nx.selfloop_edges(g))
    build = time.perf_counter() - t0
    grown = rss_mb() - before
    assert g.number_of_edges() == eng.csr.edges
    rng = np.random.default_rng(args.seed + 1)
    pairs = rng.integers(0, eng.csr.n, (args.pairs, 2))
    few = pairs[: args.members]

    def badge(s: int, t: int) -> int | None:
        try:
            d = nx.shortest_path_length(g, s, t)
        except nx.NetworkXNoPath:
            return None
        return d if d <= 3 else None

    for s, t in pairs[:200].tolist():
        assert badge(s, t) == eng.separation(s, t).degree

    def second(s: int, _t: int) -> int:
        return sum(1 for d in nx.single_source_shortest_path_length(g, s, cutoff=2).values() if d == 2)

    def suggest(s: int, _t: int) -> list[Any]:
        near = {v for u in g[s] for v in g[u]} - set(g[s]) - {s}
        return sorted(nx.adamic_adar_index(g, [(s, v) for v in near]), key=lambda x: -x[2])[:20]

    def paths(s: int, t: int) -> Any:
        two = list(nx.common_neighbors(g, s, t))
        if two:
            return two
        nt = set(g[t])
        return [(u, v) for u in g[s] for v in g[u] if v in nt]

    out = [f"networkx build: {build:.1f} s, process grew {grown:,.0f} MB",
           "", "| networkx query | samples | p50 ms | p99 ms | mean ms |", "|---|---:|---:|---:|---:|",
           row("degree badge (bidirectional BFS)", timed(badge, pairs[: args.members]), args.members),
           row("2nd-degree size (BFS cutoff 2)", timed(second, few[:50]), 50),
           row("introduction paths to one person", timed(paths, few[:100]), 100),
           row("top-20 suggestions (adamic_adar_index over 2nd degree)", timed(suggest, few[:20]), 20)]
    g.clear()
    gc.collect()
    return out


def bench_postgres(a: np.ndarray, b: np.ndarray, eng: Engine, args: argparse.Namespace) -> list[str]:
    import psycopg

    schema = "bench_" + uuid.uuid4().hex[:8]
    out: list[str] = []
    with psycopg.connect(args.postgres, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
        try:
            conn.execute(f"SET search_path = {schema}")
            conn.execute("CREATE UNLOGGED TABLE e (src integer NOT NULL, dst integer NOT NULL)")
            t0 = time.perf_counter()
            csr = eng.csr
            src = np.repeat(np.arange(csr.n, dtype=np.int32), np.diff(csr.indptr))
            rec = np.dtype([("f", ">i2"), ("l1", ">i4"), ("s", ">i4"), ("l2", ">i4"), ("d", ">i4")])
            with conn.cursor() as cur, cur.copy("COPY e (src, dst) FROM STDIN WITH (FORMAT binary)") as cp:
                cp.write(b"PGCOPY\n\xff\r\n\x00" + b"\x00" * 8)
                step = 5_000_000
                for i in range(0, csr.entries, step):
                    chunk = np.empty(min(step, csr.entries - i), dtype=rec)
                    chunk["f"], chunk["l1"], chunk["l2"] = 2, 4, 4
                    chunk["s"] = src[i : i + step]
                    chunk["d"] = csr.indices[i : i + step]
                    cp.write(chunk.tobytes())
                cp.write(b"\xff\xff")
            copied = time.perf_counter() - t0
            del src
            t0 = time.perf_counter()
            conn.execute("CREATE INDEX e_src_dst ON e (src, dst)")
            conn.execute("ANALYZE e")
            indexed = time.perf_counter() - t0
            size = conn.execute("SELECT pg_total_relation_size('e')").fetchone()[0]  # type: ignore[index]
            out.append(f"PostgreSQL: COPY {copied:.1f} s + index {indexed:.1f} s; table + index "
                       f"{size / 1e6:,.0f} MB on the server")
            degree_sql = (
                "SELECT CASE WHEN EXISTS (SELECT 1 FROM e WHERE src = %(s)s AND dst = %(t)s) THEN 1 "
                "WHEN EXISTS (SELECT 1 FROM e x JOIN e y ON y.src = x.dst WHERE x.src = %(s)s AND y.dst = %(t)s) "
                "THEN 2 WHEN EXISTS (SELECT 1 FROM e x JOIN e z ON z.src = %(t)s JOIN e y ON y.src = x.dst "
                "AND y.dst = z.dst WHERE x.src = %(s)s) THEN 3 ELSE 0 END")
            second_sql = ("SELECT count(DISTINCT y.dst) FROM e x JOIN e y ON y.src = x.dst WHERE x.src = %(s)s "
                          "AND y.dst <> %(s)s AND NOT EXISTS (SELECT 1 FROM e z WHERE z.src = %(s)s "
                          "AND z.dst = y.dst)")
            rng = np.random.default_rng(args.seed + 1)
            pairs = rng.integers(0, csr.n, (args.pairs, 2))

            def badge(s: int, t: int) -> int:
                return int(conn.execute(degree_sql, {"s": s, "t": t}).fetchone()[0])  # type: ignore[index]

            for s, t in pairs[:50].tolist():
                got = badge(s, t)
                assert (got or None) == eng.separation(s, t).degree or s == t
            out += ["", "| PostgreSQL query | samples | p50 ms | p99 ms | mean ms |", "|---|---:|---:|---:|---:|",
                    row("degree badge (EXISTS joins)", timed(badge, pairs[: args.pg_pairs]), args.pg_pairs),
                    row("2nd-degree size (count DISTINCT)",
                        timed(lambda s, _t: conn.execute(second_sql, {"s": s}).fetchone(), pairs[:30]), 30)]
        finally:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=200_000)
    parser.add_argument("--edges", type=int, default=10_300_000, help="edges sampled (duplicates then dropped)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pairs", type=int, default=5000, help="random pairs for degree badges")
    parser.add_argument("--members", type=int, default=1000, help="random members for the other queries")
    parser.add_argument("--pg-pairs", type=int, default=300)
    parser.add_argument("--networkx", action="store_true")
    parser.add_argument("--postgres", nargs="?", const=PG_DEFAULT, default=None)
    args = parser.parse_args()
    t0 = time.perf_counter()
    a, b = chung_lu(args.nodes, args.edges, args.seed)
    print(f"generated {args.edges:,} sampled edges in {time.perf_counter() - t0:.1f} s")
    eng, lines = bench_engine(a, b, args.nodes, args)
    print("\n".join(lines), flush=True)
    if args.postgres:
        print("\n".join(bench_postgres(a, b, eng, args)), flush=True)
    if args.networkx:
        print("\n".join(bench_networkx(a, b, eng, args)), flush=True)


if __name__ == "__main__":
    main()
