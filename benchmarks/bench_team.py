"""A team on one PostgreSQL: loading every member's export, then paths and the dashboard under load.

    python benchmarks/bench_team.py            # 200 members x 5,000 connections (1,000,000 ties)
    python benchmarks/bench_team.py --small    # 20 members x 1,000 connections, a quick run

Targets (issue 14): loading all members' exports (reported as measured); with `twoway serve --workers 4`
and 50 concurrent clients, the path query (`GET /api/network/degree`) p95 <= 50 ms and the member's
dashboard (`GET /`) p95 <= 150 ms; the graph reload after one member's import <= 10 s.

The team: members' exports come from the generator (`twoway.generator`, seed per member). Members overlap
as colleagues and alumni do: the first tenth of the members are kept as generated, and each other member
has a share of their connections replaced by people from those first members' networks (name, profile
URL, company and position in Connections.csv, the URL in every other file), so that ~60% of the ties are
distinct people (1,000,000 ties, ~600,000 people at full size). Every export is then imported with
`views.imports.import_and_warm`, the call `twoway import` makes, one after another into a database of its
own (`twoway_bench_team` on 127.0.0.1:5432, created and dropped here; --keep leaves it).

The server is `twoway serve --workers N` in a child process, speaking for member 1 (`--owner 1`), with an
access token sent as `Authorization: Bearer` (the server's mode today; per-member login is being built
beside it). Clients are asyncio tasks with keep-alive connections: "concurrent" = each client asks, waits
for the answer, thinks (uniform 0-2 x --think s), asks again; a second run without thinking shows the
saturation throughput. The clients run on the same 2 cores as the server and PostgreSQL.

In the same run, what a user would use instead: networkx (`nx.shortest_path_length`, bidirectional BFS)
over the same edge list, and a recursive SQL query (depth <= 3) over an indexed edge table.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import io
import json
import os
import platform
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
PG = os.environ.get("TWOWAY_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
TODAY = date(2026, 6, 7)
URL_RE = re.compile(r"https://www\.linkedin\.com/in/[^,\"\s]+")


# -- The team's exports ------------------------------------------------------------------------------------------
def _read_connections(data: str) -> tuple[str, list[str], list[list[str]]]:
    """Connections.csv as (preamble, header, rows)."""
    at = data.index("First Name,Last Name,URL")
    reader = csv.reader(io.StringIO(data[at:]))
    header = next(reader)
    return data[:at], header, [row for row in reader if row]


def _pool_of(path: Path) -> list[tuple[str, str, str, str, str]]:
    with zipfile.ZipFile(path) as zf:
        _, _, rows = _read_connections(zf.read("Connections.csv").decode("utf-8-sig"))
    return [(r[0], r[1], r[2], r[4], r[5]) for r in rows if r[2]]


def _overlap(path: Path, pool: list[tuple[str, str, str, str, str]], share: float, rng: random.Random) -> None:
    """Replace ``share`` of the export's connections by people of ``pool``, consistently in every file."""
    with zipfile.ZipFile(path) as zf:
        files = {info.filename: zf.read(info) for info in zf.infolist()}
    preamble, header, rows = _read_connections(files["Connections.csv"].decode("utf-8-sig"))
    own = {r[2] for r in rows}
    chosen = rng.sample(range(len(rows)), int(share * len(rows)))
    drawn = [p for p in rng.sample(pool, min(len(pool), 2 * len(chosen))) if p[2] not in own][: len(chosen)]
    moved: dict[str, str] = {}
    for i, (first, last, url, company, position) in zip(chosen, drawn, strict=False):
        row = rows[i]
        if row[2]:
            moved[row[2]] = url
        rows[i] = [first, last, url, "", company, position, *row[6:]]
    out = io.StringIO()
    out.write(preamble)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    files["Connections.csv"] = out.getvalue().encode("utf-8")
    for name, raw in files.items():
        if name.endswith(".csv") and name != "Connections.csv" and b"linkedin.com/in/" in raw:
            text = raw.decode("utf-8", errors="surrogateescape")
            files[name] = URL_RE.sub(lambda m: moved.get(m.group(0), m.group(0)), text).encode(
                "utf-8", errors="surrogateescape")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, raw in files.items():
            zf.writestr(name, raw)


def _letters(i: int) -> str:
    """A surname of letters only, one per member (profile URLs are made from the letters of a name)."""
    out = ""
    for _ in range(3):
        i, r = divmod(i, 26)
        out += "abcdefghijklmnopqrstuvwxyz"[r]
    return out.capitalize()


def make_team(work: Path, members: int, connections: int, distinct: float = 0.6) -> list[Path]:
    """The members' exports (made once per size, then reused from ``work``)."""
    from twoway.generator import generate_export

    manifest = work / "team-v2.json"
    if manifest.exists():
        paths = [Path(p) for p in json.loads(manifest.read_text())]
        if len(paths) == members + 1 and all(p.exists() for p in paths):
            return paths
    rng = random.Random(14)
    hubs = max(1, members // 10)
    # distinct people = hubs*C + (members-hubs)*C*(1-share)  =  distinct * members*C
    share = 1 - (distinct * members - hubs) / max(1, members - hubs)
    paths: list[Path] = []
    pool: list[tuple[str, str, str, str, str]] = []
    started = time.perf_counter()
    for i in range(members + 1):  # the last one is imported while serving: the reload
        # A name of their own: generated names repeat across seeds, and two members with one name and profile
        # URL are one member to the importer (the second export would look like the first's, most ties gone).
        export = generate_export(work / f"v2-m{i:03d}", seed=1000 + i, connections=connections, today=TODAY,
                                 owner_name=f"Alumna {_letters(i)}")
        if i < hubs:
            pool += _pool_of(export.path)
        else:
            _overlap(export.path, pool, share, rng)
        paths.append(export.path)
    manifest.write_text(json.dumps([str(p) for p in paths]))
    print(f"exports: {members + 1} generated in {time.perf_counter() - started:.0f} s "
          f"({hubs} members as generated, the others share {share:.0%} of their connections with them)")
    return paths


# -- Loading -----------------------------------------------------------------------------------------------------
def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG.replace("postgresql+psycopg://", "postgresql://") + "/test", autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


def graph_figures(store: Any) -> dict[str, float]:
    """What a worker pays to (re)build the merged network from the database, measured here."""
    from sqlalchemy import text

    from twoway.graph import sources
    from twoway.store import identity

    with store.connect() as conn:
        t0 = time.perf_counter()
        identity(conn)
        t1 = time.perf_counter()
        sources.fingerprint(conn)
        t2 = time.perf_counter()
        net = sources.build_network(conn)
        t3 = time.perf_counter()
        ties = conn.execute(text("SELECT COUNT(*) FROM connections WHERE status = 'connected'")).scalar_one()
        people = conn.execute(text("SELECT COUNT(DISTINCT person_id) FROM connections")).scalar_one()
        size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
    return {"identity_ms": (t1 - t0) * 1e3, "fingerprint_ms": (t2 - t1) * 1e3, "build_s": t3 - t2,
            "nodes": net.graph.n, "edges": net.graph.edges, "graph_mb": net.graph.nbytes / 1e6,
            "ties": int(ties), "people": int(people), "db_mb": int(size) / 1e6}


def load(db: str, exports: list[Path]) -> tuple[list[float], list[dict[str, Any]]]:
    from twoway.store import open_store
    from twoway.views.imports import import_and_warm

    store = open_store(db)
    seconds: list[float] = []
    checkpoints: list[dict[str, Any]] = []
    marks = {max(1, len(exports) // 4), max(1, len(exports) // 2), len(exports)}
    for i, path in enumerate(exports, 1):
        t0 = time.perf_counter()
        import_and_warm(store, path)
        seconds.append(time.perf_counter() - t0)
        if i % 20 == 0 or i == len(exports):
            print(f"  {i} members imported, {sum(seconds):.0f} s so far (last {seconds[-1]:.1f} s)", flush=True)
        if i in marks:
            checkpoints.append({"members": i, "import_s": sum(seconds), **graph_figures(store)})
    store.close()
    return seconds, checkpoints


# -- What a user would use instead -------------------------------------------------------------------------------
def _rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def baselines(db: str, me: int, targets: list[int], sql_pairs: int) -> dict[str, Any]:
    import networkx as nx
    from sqlalchemy import text

    from twoway.store import open_store

    store = open_store(db)
    with store.connect() as conn:
        edges = conn.execute(text(
            "SELECT COALESCE(o.person_id, -o.id), c.person_id FROM connections c JOIN owners o ON o.id = c.owner_id "
            "WHERE c.status = 'connected'")).all()
    before, t0 = _rss_mb(), time.perf_counter()
    g = nx.Graph()
    g.add_edges_from(edges)
    built, grown = time.perf_counter() - t0, _rss_mb() - before
    nx_ms = []
    for t in targets:
        t1 = time.perf_counter()
        with contextlib.suppress(nx.NetworkXNoPath, nx.NodeNotFound):
            nx.shortest_path(g, me, t)
        nx_ms.append((time.perf_counter() - t1) * 1e3)
    del g
    with store.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS bench_edges"))
        conn.execute(text(
            "CREATE TABLE bench_edges AS SELECT COALESCE(o.person_id, -o.id) AS a, c.person_id AS b FROM connections c "
            "JOIN owners o ON o.id = c.owner_id WHERE c.status = 'connected' UNION ALL SELECT c.person_id, "
            "COALESCE(o.person_id, -o.id) FROM connections c JOIN owners o ON o.id = c.owner_id "
            "WHERE c.status = 'connected'"))
        conn.execute(text("CREATE INDEX ON bench_edges (a, b)"))
        conn.execute(text("ANALYZE bench_edges"))
    recursive = text(
        "WITH RECURSIVE reach(node, depth) AS (SELECT CAST(:a AS BIGINT), 0 UNION SELECT e.b, r.depth + 1 "
        "FROM reach r JOIN bench_edges e ON e.a = r.node WHERE r.depth < 3) "
        "SELECT MIN(depth) FROM reach WHERE node = :b")
    sql_ms = []
    with store.connect() as conn:
        conn.execute(text("SET statement_timeout = '60s'"))
        for t in targets[:sql_pairs]:
            t1 = time.perf_counter()
            conn.execute(recursive, {"a": me, "b": t}).scalar()
            sql_ms.append((time.perf_counter() - t1) * 1e3)
    with store.begin() as conn:
        conn.execute(text("DROP TABLE bench_edges"))
    store.close()
    return {"nx_build_s": built, "nx_mb": grown, "nx_ms": nx_ms, "sql_ms": sql_ms}


def core_path_ms(db: str, targets: list[int]) -> tuple[float, list[float]]:
    """The same question without HTTP (what `twoway graph degree` does), after the first load."""
    from twoway.graph import cache, network
    from twoway.people import owners
    from twoway.store import open_store
    from twoway.views import screens

    store = open_store(db)
    out = []
    with store.connect() as conn:
        me = owners.current(conn, "1")
        t0 = time.perf_counter()
        screens.overview(conn, me.id)
        print(f"member 1's dashboard computed afresh (as after any write): {time.perf_counter() - t0:.2f} s")
        t0 = time.perf_counter()
        cache.network(conn)
        first = time.perf_counter() - t0
        for t in targets:
            t1 = time.perf_counter()
            network.degree(conn, me, "me", f"#{t}")
            out.append((time.perf_counter() - t1) * 1e3)
    store.close()
    return first, out


# -- Beyond one server: the measured checkpoints, extrapolated (docs/scaling.md) ------------------------------
def project(checkpoints: list[dict[str, Any]], seconds: list[float], members: int, per_member: int) -> None:
    """Straight lines through the checkpoints (per tie: database, graph build, fingerprint; people per tie as
    the team grows), carried to an alumni office of MEMBERS x PER_MEMBER connections."""
    import numpy as np

    ties = np.array([c["ties"] for c in checkpoints], dtype=float)

    def per_tie(key: str) -> float:
        values = np.array([c[key] for c in checkpoints], dtype=float)
        return float(np.linalg.lstsq(ties[:, None], values, rcond=None)[0][0])

    total = members * per_member
    people_share = checkpoints[-1]["people"] / checkpoints[-1]["ties"]  # overlap only grows with more members
    nodes = total * people_share
    graph_mb = (2 * total * 4 + (nodes + 1) * 8 + nodes * 8) / 1e6  # indices int32 both ways, indptr, labels
    import_s = statistics.median(seconds) / (checkpoints[-1]["ties"] / checkpoints[-1]["members"]) * per_member
    print(f"projected to {members:,} members x {per_member:,} connections ({total / 1e6:,.0f}M ties, <= "
          f"{nodes / 1e6:,.0f}M people at this team's overlap): database {per_tie('db_mb') * total / 1e3:,.0f} GB; "
          f"graph {graph_mb / 1e3:,.1f} GB per process, rebuilt from the database in "
          f"{per_tie('build_s') * total:,.0f} s; fingerprint {per_tie('fingerprint_ms') * total / 1e3:,.1f} s; "
          f"loading every member one after another {import_s * members / 3600:,.0f} h")


# -- Serving -----------------------------------------------------------------------------------------------------
class Server:
    """`twoway serve --workers N` in its own process group, stopped with it."""

    def __init__(self, db: str, workers: int, token: str) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        cmd = [sys.executable, "-m", "twoway", "--db", db, "--owner", "1", "serve", "--port", "0",
               "--workers", str(workers), "--token", token]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,  # noqa: S603
                                     env=env, start_new_session=True)
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if match := re.search(r"at (http://\S+/)", line):
                self.url = match.group(1)
                break
        else:
            raise SystemExit("twoway serve did not start")
        self.headers = {"Authorization": f"Bearer {token}"}

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(60)
        except subprocess.TimeoutExpired:  # workers still busy with answers nobody waits for
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


async def _clients(server: Server, paths: list[str], clients: int, seconds: float, think: float
                   ) -> tuple[list[float], int, float]:
    import httpx

    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    rng = random.Random(5)

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal errors
        if think:  # people do not all click at the same instant: each starts somewhere in one pause
            await asyncio.sleep(rng.uniform(0, 2 * think))
        while time.perf_counter() < deadline:
            t0 = time.perf_counter()
            try:
                response = await http.get(rng.choice(paths))
            except httpx.TransportError as exc:  # a dropped keep-alive connection: counted, and asked again
                errors += 1
                print(f"    transport error: {type(exc).__name__}")
                continue
            latencies.append((time.perf_counter() - t0) * 1e3)
            if response.status_code != 200:
                errors += 1
                if errors == 1:
                    print(f"    first error: {response.status_code} {response.text[:200]}")
            if think:
                await asyncio.sleep(rng.uniform(0, 2 * think))

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=server.url, headers=server.headers, limits=limits, timeout=60) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    return latencies, errors, time.perf_counter() - started


def under_load(server: Server, name: str, paths: list[str], clients: int, seconds: float, think: float
               ) -> dict[str, Any]:
    lat, errors, took = asyncio.run(_clients(server, paths, clients, seconds, think))
    row = {"name": name, "think": think, "requests": len(lat), "errors": errors, "per_s": len(lat) / took,
           "p50": pct(lat, 0.5), "p95": pct(lat, 0.95), "p99": pct(lat, 0.99)}
    print(f"  {name:<28} think {think:.1f} s: {row['requests']:>6} requests ({row['per_s']:.0f}/s), "
          f"p50 {row['p50']:.1f} ms, p95 {row['p95']:.1f} ms, p99 {row['p99']:.1f} ms, errors {errors}; "
          f"load {os.getloadavg()[0]:.1f}", flush=True)
    return row


def reload_after_import(server: Server, db: str, export: Path, workers: int) -> dict[str, float]:
    """Import one more member through the CLI; how long until every worker answers with the new network, and
    how long another member's small write waits meanwhile (every write raises the one store revision)."""
    import threading

    import httpx
    from sqlalchemy import text

    from twoway.store import open_store

    store = open_store(db)
    count = text("SELECT COUNT(*) FROM owners")
    with store.connect() as conn:
        owners = int(conn.execute(count).scalar_one()) + 1
    waits: list[float] = []
    stop = threading.Event()

    def small_writes() -> None:  # a member saving a note every quarter second, as it were
        while not stop.is_set():
            t0 = time.perf_counter()
            with store.begin():
                pass
            waits.append(time.perf_counter() - t0)
            stop.wait(0.25)

    writer = threading.Thread(target=small_writes)
    cmd = [sys.executable, "-m", "twoway", "--db", db, "import", str(export)]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # noqa: S603
    writer.start()
    committed = None
    while committed is None:  # the moment the import's transaction commits (its member is there)
        with store.connect() as conn:
            if int(conn.execute(count).scalar_one()) == owners:
                committed = time.perf_counter()
        if committed is None and proc.poll() is not None:
            raise SystemExit(f"the import failed: {proc.stderr.read() if proc.stderr else ''}")
        time.sleep(0.02)
    stop.set()
    writer.join()
    store.close()
    # Fresh connections, so that requests are spread over the workers; done when 10 per worker in a row are new.
    streak, since = 0, 0.0
    while streak < 10 * workers:
        answer = httpx.get(server.url + "api/network", headers={**server.headers, "Connection": "close"}, timeout=60)
        answered = time.perf_counter()  # an answer counts when it arrives (it may have waited for a rebuild)
        if answer.json()["network"]["owners"] != owners:
            streak = 0
        else:
            since = since if streak else answered
            streak += 1
        time.sleep(0.01)
    proc.wait()
    return {"import_s": committed - started, "reload_s": since - committed, "write_wait_s": max(waits, default=0)}


# -- The run -----------------------------------------------------------------------------------------------------
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true", help="20 members x 1,000 connections, shorter load")
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--connections", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30, help="length of each load run")
    parser.add_argument("--think", type=float, default=1.0, help="a client's mean pause between requests (s)")
    parser.add_argument("--queries", type=int, default=200, help="path targets (the baselines ask the same)")
    parser.add_argument("--sql-pairs", type=int, default=5, help="of those, asked as a recursive SQL query")
    parser.add_argument("--database", default="twoway_bench_team")
    parser.add_argument("--workdir", default=None, help="where the exports are made (reused by size)")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    if args.small:
        args.members, args.connections, args.seconds = 20, 1000, 10
    if args.database in ("test", "postgres"):
        raise SystemExit("use a database of the benchmark's own")
    work = Path(args.workdir or Path(tempfile.gettempdir()) / f"twoway-bench-team-{args.members}x{args.connections}")
    work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("TWOWAY_HOME", str(work / "home"))  # the graph's .npz cache, away from the user's
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.node()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, load {os.getloadavg()[0]:.1f}")
    exports = make_team(work, args.members, args.connections)
    db = f"{PG}/{args.database}"
    _pg_admin(f"DROP DATABASE IF EXISTS {args.database}")
    _pg_admin(f"CREATE DATABASE {args.database}")
    try:
        run(args, db, exports)
    finally:
        if not args.keep:
            _pg_admin(f"DROP DATABASE IF EXISTS {args.database} WITH (FORCE)")


def run(args: argparse.Namespace, db: str, exports: list[Path]) -> None:
    from sqlalchemy import text

    from twoway.store import open_store

    print(f"loading {args.members} members' exports through the import ({args.connections:,} connections each)")
    seconds, checkpoints = load(db, exports[:-1])
    print(f"loaded in {sum(seconds):.0f} s: per member p50 {statistics.median(seconds):.1f} s, "
          f"max {max(seconds):.1f} s; first quarter {sum(seconds[: len(seconds) // 4]):.0f} s, "
          f"last quarter {sum(seconds[-(len(seconds) // 4):]):.0f} s")
    for c in checkpoints:
        print(f"  {c['members']:>4} members: {c['ties']:,} ties, {c['people']:,} people, db {c['db_mb']:.0f} MB; "
              f"graph {c['nodes']:,} nodes, {c['graph_mb']:.1f} MB, build {c['build_s']:.2f} s, "
              f"fingerprint {c['fingerprint_ms']:.0f} ms, identity {c['identity_ms']:.2f} ms")
    for per_member in sorted({1_000, args.connections}):
        project(checkpoints, seconds, 100_000, per_member)
    store = open_store(db)
    rng = random.Random(3)
    with store.connect() as conn:
        me = int(conn.execute(text("SELECT COALESCE(person_id, -id) FROM owners WHERE id = 1")).scalar_one())
        others = [int(r[0]) for r in conn.execute(text(
            "SELECT person_id FROM connections WHERE owner_id <> 1 AND status = 'connected' "
            "ORDER BY person_id LIMIT 200000"))]
    store.close()
    targets = rng.sample(others, min(args.queries, len(others)))
    first, core = core_path_ms(db, targets)
    print(f"path in process (no HTTP): first load {first:.2f} s, then p50 {pct(core, 0.5):.2f} ms, "
          f"p95 {pct(core, 0.95):.2f} ms")
    base = baselines(db, me, targets, args.sql_pairs)
    print(f"networkx: build {base['nx_build_s']:.1f} s, +{base['nx_mb']:.0f} MB; shortest path p50 "
          f"{pct(base['nx_ms'], 0.5):.2f} ms, p95 {pct(base['nx_ms'], 0.95):.2f} ms")
    print(f"recursive SQL (depth <= 3, {len(base['sql_ms'])} pairs): p50 {pct(base['sql_ms'], 0.5):.0f} ms, "
          f"p95 {pct(base['sql_ms'], 0.95):.0f} ms")

    token = "bench-" + os.urandom(12).hex()
    t0 = time.perf_counter()
    server = Server(db, args.workers, token)
    try:
        import httpx

        while True:  # every worker loads the network at start (a team): wait until one answers with it
            answer = httpx.get(server.url + "api/network", headers=server.headers, timeout=120)
            if answer.status_code == 200 and answer.json()["ready"]:
                break
            time.sleep(0.2)
        print(f"twoway serve --workers {args.workers}: answering {time.perf_counter() - t0:.1f} s after start")
        # Not recorded: every worker warms its views and network at start; let them finish and be asked once.
        asyncio.run(_clients(server, ["/", "/network", f"/api/network/degree?a=me&b={targets[0]}"], 8, 15, 0.2))
        paths = [f"/api/network/degree?a=me&b={t}" for t in targets]
        pages = {"path /api/network/degree": paths, "dashboard /": ["/"], "network page /network": ["/network"]}
        for name, asked in pages.items():  # one client at a time: what a request costs on an idle server
            under_load(server, name, asked, 1, min(args.seconds, 10), 0.0)
        for think in (args.think, 0.0):
            for name, asked in pages.items():
                under_load(server, name, asked, args.clients, args.seconds if think else args.seconds / 2, think)
        # Introductions score both links of every route (strengths from the members' histories): asked
        # by one client, as they are heavier than the targets above by two orders of magnitude.
        intros = [f"/api/network/introductions?source=me&target={t}" for t in targets[:20]]
        under_load(server, "introductions (API)", intros, 1, args.seconds, 0.0)
        figures = reload_after_import(server, db, exports[-1], args.workers)
        print(f"one more member imported through the CLI: committed after {figures['import_s']:.1f} s; every "
              f"worker answered with the new network {figures['reload_s']:.2f} s after the commit; meanwhile a "
              f"small write by another member waited up to {figures['write_wait_s']:.2f} s")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
