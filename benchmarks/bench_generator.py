"""How fast the synthetic export generator writes exports, how much memory it needs, what the
generated networks look like (per owner persona, against the shapes of real exports), and what they
look like to the relationship rules (the state mix and the weekly plan).

Run: python benchmarks/bench_generator.py            (speed: default export, then 30,000 connections / 1,000,000
                                                      messages, zip and folder)
     python benchmarks/bench_generator.py --quick    (speed: default export only)
     python benchmarks/bench_generator.py --mix      (import the default and the 30k/1M export, then
                                                      `twoway states --json` and `twoway week --json` on the
                                                      generator's today)
     python benchmarks/bench_generator.py --shapes   (per persona, 2,500 connections over 8 years, seeds 1-3:
                                                      share never written to, message kinds, batch acceptance,
                                                      questions answered, languages)

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


def _shape(persona: str, seed: int, tmp: Path) -> dict[str, float]:
    """What one generated export looks like, measured from its files and its ground truth."""
    import csv
    import io
    from collections import defaultdict
    from datetime import datetime

    from twoway.generator import generate_export

    export = generate_export(tmp / f"{persona}{seed}", seed=seed, connections=2500, years=8, today=TODAY,
                             as_zip=False, persona=persona)
    truth = [m for m in export.message_truth() if not m.draft]
    kinds = Counter(m.kind for m in truth)
    rows = list(csv.reader(io.StringIO((export.path / "Connections.csv").read_text(), newline="")))
    start = next(i for i, r in enumerate(rows) if r and r[0] == "First Name")
    per_day = Counter(r[-1] for r in rows[start + 1:] if r)
    threads = defaultdict(list)
    for m in truth:
        if not m.row["CONVERSATION TITLE"]:
            threads[m.row["CONVERSATION ID"]].append(m)
    asked: Counter[str] = Counter()
    answered: Counter[str] = Counter()
    for msgs in threads.values():
        msgs.sort(key=lambda m: m.row["DATE"])
        for m, nxt in zip(msgs, [*msgs[1:], None], strict=True):
            what = "question" if m.kind == "question" else "recruiter" if m.family.startswith("recruiter") else \
                "pitch" if m.kind == "pitch" else ""
            if m.outgoing or not what:
                continue
            asked[what] += 1
            if nxt is not None and nxt.outgoing:
                days = (datetime.fromisoformat(nxt.row["DATE"][:19]) - datetime.fromisoformat(m.row["DATE"][:19])).days
                answered[what] += days <= 90
    n = len(truth)
    families = export.message_families
    return {
        "connections": export.connections, "messages": n,
        "never written to": export.never_written / export.connections,
        **{k: kinds[k] / n for k in ("courtesy", "question", "news", "pitch", "automated")},
        "recruiters": (families.get("recruiter", 0) + families.get("recruiter_followup", 0)) / n,
        "owner's own": sum(m.outgoing for m in truth) / n,
        "on days of 10+": sum(c for c in per_day.values() if c >= 10) / sum(per_day.values()),
        "biggest day": max(per_day.values()),
        **{f"{k}s answered": answered[k] / max(1, asked[k]) for k in ("question", "pitch", "recruiter")},
        "owner's language": sum(v for k, v in export.message_languages.items() if k == export.owner_language) / n,
    }


_SHAPE_KEYS = ("never written to", "courtesy", "question", "news", "pitch", "recruiters", "automated", "owner's own",
               "on days of 10+", "biggest day", "questions answered", "pitchs answered", "recruiters answered",
               "owner's language")


def _cell(runs: list[dict[str, float]], key: str) -> str:
    """The range over the seeds' runs."""
    values = [r[key] for r in runs]
    if key == "biggest day":
        return f"{min(values):.0f}–{max(values):.0f}"
    return f"{min(values):.0%}–{max(values):.0%}"


def shapes() -> None:
    from twoway.generator.personas import PERSONAS

    print("persona | " + " | ".join(k.replace("pitchs", "pitches") for k in _SHAPE_KEYS))
    with tempfile.TemporaryDirectory() as tmp:
        for persona in PERSONAS:
            runs = [_shape(persona, seed, Path(tmp)) for seed in (1, 2, 3)]
            print(f"{persona} | " + " | ".join(_cell(runs, k) for k in _SHAPE_KEYS)
                  + f"  ({runs[0]['connections']:,.0f} connections, {runs[0]['messages']:,.0f} messages)")


def main() -> None:
    if "--mix" in sys.argv:
        mix()
    elif "--shapes" in sys.argv:
        shapes()
    else:
        speed("--quick" in sys.argv)


if __name__ == "__main__":
    main()
