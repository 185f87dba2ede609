"""How fast the synthetic export generator writes exports, how much memory it needs, and what the
generated network looks like to the relationship rules (the state mix and the weekly plan).

Run: python benchmarks/bench_generator.py            (speed: default export, then 30,000 connections / 1,000,000
                                                      messages, zip and folder)
     python benchmarks/bench_generator.py --quick    (speed: default export only)
     python benchmarks/bench_generator.py --mix      (import the default and the 30k/1M export, then
                                                      `twoway states --json` and `twoway week --json` on the
                                                      generator's today)

Each speed case runs in a fresh process so its peak memory (max RSS) is its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

CASES = [
    ("default: 1,500 connections, 10 years, zip", {"connections": 1500}),
    ("30,000 connections, 1,000,000 messages, zip", {"connections": 30000, "messages": 1_000_000}),
    ("30,000 connections, 1,000,000 messages, folder", {"connections": 30000, "messages": 1_000_000,
                                                        "as_zip": False}),
]
MIX_CASES = [
    ("default (1,500 connections)", {"connections": 1500}),
    ("default, the export 60 days later (what `twoway demo` shows)", {"connections": 1500, "later_days": 60}),
    ("30,000 connections, 1,000,000 messages", {"connections": 30000, "messages": 1_000_000}),
]
TODAY = date(2026, 6, 15)

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


def speed(quick: bool) -> None:
    for label, kwargs in CASES[:1] if quick else CASES:
        out = subprocess.run(  # noqa: S603 - our own interpreter running our own snippet
            [sys.executable, "-c", _CHILD, json.dumps(kwargs)], capture_output=True, text=True,
            check=True)
        r = json.loads(out.stdout)
        print(f"{label}: {r['seconds']:.1f} s, {r['connections']:,} connections + {r['messages']:,} messages "
              f"({r['messages'] / r['seconds']:,.0f} messages/s), {r['mb']:.1f} MB written, "
              f"peak RSS {r['rss_mb']:.0f} MB")


def _twoway(db: Path, today: date, *args: str) -> dict:  # type: ignore[type-arg]
    env = dict(os.environ, TWOWAY_TODAY=today.isoformat())
    out = subprocess.run([sys.executable, "-m", "twoway", "--db", str(db), *args, "--json"],  # noqa: S603
                         env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def mix() -> None:
    from twoway.generator import generate_export
    from twoway.generator import world as W
    from twoway.linkedin import import_export
    from twoway.store import open_store

    for label, kwargs in MIX_CASES:
        with tempfile.TemporaryDirectory() as tmp:
            export = generate_export(Path(tmp), seed=1, today=TODAY, **kwargs)  # type: ignore[arg-type]
            db = Path(tmp) / "mix.db"
            store = open_store(str(db))
            try:
                import_export(store, export.path)
            finally:
                store.close()
            states = _twoway(db, export.exported_on, "states")
            week = _twoway(db, export.exported_on, "week")
        world = W.build(seed=1, connections=int(kwargs["connections"]), years=10, base=TODAY, owner_name=None,
                        messages=kwargs.get("messages"))
        kind = {p.name: p.kind for p in world.people}  # names are unique in a generated world
        owed = Counter("pitch senders" if kind.get(v["full_name"]) == "pitch" else "others"
                       for v in states["connections"] if v["state"] == "owe_reply")
        print(f"{label}: {states['total']:,} connections on {export.exported_on}")
        print(f"  states: {json.dumps(states['counts'])}")
        print(f"  owe_reply by who wrote last: {dict(owed)}")
        print(f"  week: {json.dumps(week['counts'])}; check-in quota {week['checkin_quota']}, "
              f"cut by the item limit {week['cut_by_limit']}")


def main() -> None:
    if "--mix" in sys.argv:
        mix()
    else:
        speed("--quick" in sys.argv)


if __name__ == "__main__":
    main()
