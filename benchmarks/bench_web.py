"""The web app under load at LinkedIn's cap: 30,000 connections and 1,000,000 messages.

Run:  python benchmarks/bench_web.py [--connections 30000] [--messages 1000000] [--clients 20] [--seconds 30]
      [--db benchmarks/out/web-30k.db]

Builds (once, then reuses) a database by generating a synthetic export with twoway.generator and
importing it with twoway.linkedin, starts `twoway serve` on 127.0.0.1 in its own process, then:
1. cold: one request per page right after start (what the first visitor waits);
2. load: CLIENTS concurrent clients (asyncio + httpx), each walking the pages in turn for SECONDS,
   recording the server time the app reports in its `Server-Timing` header and the client latency.
Prints a Markdown table of p50/p95/max per page, and the error count (must be 0).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import httpx

TODAY = "2026-11-20"
ROOT = Path(__file__).resolve().parent


def build(db: Path, connections: int, messages: int) -> None:
    from twoway.generator import generate_export
    from twoway.linkedin import import_export
    from twoway.store import open_store

    db.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        export = generate_export(Path(tmp), seed=11, connections=connections, messages=messages, years=10,
                                 today=date.fromisoformat(TODAY))
        t1 = time.perf_counter()
        store = open_store(str(db))
        summary = import_export(store, export.path)
        store.close()
        t2 = time.perf_counter()
    print(f"built {db}: generated in {t1 - t0:.1f} s, imported in {t2 - t1:.1f} s "
          f"({summary.connections_added:,} connections, {summary.messages_added:,} messages)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pages(client: httpx.Client) -> list[tuple[str, str]]:
    """(label, url) for every page and its API twin, with real ids from this database."""
    people = client.get("/api/people", params={"per_page": "50"}).json()["rows"]
    ids = [r["id"] for r in people]
    some = ids[len(ids) // 2]
    company = next((r["company"] for r in people if r["company"]), "a")[:4]
    return [
        ("overview", "/"), ("api overview", "/api/overview"),
        ("week", "/week"), ("api week", "/api/week"),
        ("people", "/people"), ("people search (text)", "/people?text=" + people[0]["name"].split()[0][:3]),
        ("people search (company)", f"/people?company={company}"),
        ("people search (state)", "/people?state=owe_reply&sort=strength&desc=true"),
        ("api people search", f"/api/people?company={company}&sort=company"),
        ("person", f"/people/{some}"), ("api person", f"/api/people/{some}"),
        ("invitations", "/invitations"), ("api invitations", "/api/invitations"),
        ("prune", "/prune"), ("api prune", "/api/prune"),
        ("import", "/import"), ("settings", "/settings"), ("api settings", "/api/settings"),
    ]


def server_ms(response: httpx.Response) -> float:
    match = re.search(r"app;dur=([0-9.]+)", response.headers.get("server-timing", ""))
    return float(match.group(1)) if match else float("nan")


async def load(base: str, targets: list[tuple[str, str]], clients: int, seconds: float
               ) -> tuple[dict[str, list[float]], dict[str, list[float]], int, int]:
    server: dict[str, list[float]] = {label: [] for label, _ in targets}
    latency: dict[str, list[float]] = {label: [] for label, _ in targets}
    errors = 0
    done = 0
    deadline = time.monotonic() + seconds

    async def client(n: int) -> None:
        nonlocal errors, done
        order = targets[:]
        random.Random(n).shuffle(order)
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            i = 0
            while time.monotonic() < deadline:
                label, url = order[i % len(order)]
                i += 1
                t0 = time.perf_counter()
                try:
                    response = await http.get(url)
                except httpx.HTTPError:
                    errors += 1
                    continue
                latency[label].append(1000 * (time.perf_counter() - t0))
                if response.status_code != 200:
                    errors += 1
                else:
                    server[label].append(server_ms(response))
                    done += 1

    await asyncio.gather(*(client(n) for n in range(clients)))
    return server, latency, errors, done


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--connections", type=int, default=30_000)
    ap.add_argument("--messages", type=int, default=1_000_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--db", type=Path, default=ROOT / "out" / "web-30k.db")
    args = ap.parse_args()
    if not args.db.exists():
        build(args.db, args.connections, args.messages)
    port = free_port()
    env = {**os.environ, "TWOWAY_TODAY": TODAY}
    command = [sys.executable, "-m", "twoway", "--db", str(args.db), "serve", "--port", str(port)]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)  # noqa: S603 - our own command
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=120) as http:
            for _ in range(200):
                try:
                    http.get("/api/csrf")
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            targets = pages(http)
            print("| page | cold (ms) |\n|---|---:|")
            for label, url in targets:
                t0 = time.perf_counter()
                r = http.get(url)
                print(f"| {label} | {1000 * (time.perf_counter() - t0):,.0f} ({r.status_code}) |")
        server, latency, errors, done = asyncio.run(load(base, targets, args.clients, args.seconds))
    finally:
        proc.terminate()
        proc.wait(10)
    print(f"\n{args.clients} clients for {args.seconds:g} s: {done:,} requests, {errors} errors, "
          f"{done / args.seconds:,.0f} requests/s")
    print("\n| page | n | server p50 (ms) | server p95 (ms) | server max (ms) | client p95 (ms) |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, _url in targets:
        s = server[label]
        print(f"| {label} | {len(s)} | {statistics.median(s) if s else float('nan'):.1f} | {pct(s, 0.95):.1f} | "
              f"{max(s) if s else float('nan'):.1f} | {pct(latency[label], 0.95):.1f} |")
    if errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
