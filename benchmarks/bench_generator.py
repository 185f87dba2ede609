"""How fast the synthetic export generator writes exports, and how much memory it needs.

Run: python benchmarks/bench_generator.py            (default export, then 30,000 connections / 1,000,000 messages)
     python benchmarks/bench_generator.py --quick    (default export only)

Each case runs in a fresh process so its peak memory (max RSS) is its own.
"""

from __future__ import annotations

import json
import subprocess
import sys

CASES = [
    ("default: 1,500 connections, 10 years, zip", {"connections": 1500}),
    ("30,000 connections, 1,000,000 messages, zip", {"connections": 30000, "messages": 1_000_000}),
    ("30,000 connections, 1,000,000 messages, folder", {"connections": 30000, "messages": 1_000_000,
                                                        "as_zip": False}),
]

_CHILD = """
import json, resource, sys, tempfile, time
from datetime import date
from pathlib import Path
from twoway.generator import generate_export
kwargs = json.loads(sys.argv[1])
with tempfile.TemporaryDirectory() as tmp:
    started = time.perf_counter()
    export = generate_export(Path(tmp), seed=1, today=date(2026, 6, 15), **kwargs)
    seconds = time.perf_counter() - started
    path = export.path
    size = path.stat().st_size if path.is_file() else sum(f.stat().st_size for f in path.iterdir())
print(json.dumps({"seconds": seconds, "messages": export.messages, "connections": export.connections,
                  "mb": size / 1e6, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    quick = "--quick" in sys.argv
    for label, kwargs in CASES[:1] if quick else CASES:
        out = subprocess.run(  # noqa: S603 - our own interpreter running our own snippet
            [sys.executable, "-c", _CHILD, json.dumps(kwargs)], capture_output=True, text=True,
            check=True)
        r = json.loads(out.stdout)
        print(f"{label}: {r['seconds']:.1f} s, {r['connections']:,} connections + {r['messages']:,} messages "
              f"({r['messages'] / r['seconds']:,.0f} messages/s), {r['mb']:.1f} MB written, "
              f"peak RSS {r['rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
