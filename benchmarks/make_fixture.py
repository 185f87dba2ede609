"""Write a synthetic LinkedIn export for tests and benchmarks, and print its ground truth as JSON.

Run: python benchmarks/make_fixture.py DEST [--connections 30000] [--messages 1000000] [--years 10]
         [--era 2026-06] [--seed 1] [--today 2026-06-15] [--later-days 0] [--folder] [--excel] [--utf16]
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from twoway.generator import ERAS, LATEST, generate_export


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--connections", type=int, default=1500)
    parser.add_argument("--messages", type=int, default=None)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--era", choices=ERAS, default=LATEST)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=date.fromisoformat, default=None)
    parser.add_argument("--later-days", type=int, default=0)
    parser.add_argument("--folder", action="store_true", help="write a folder instead of a zip")
    parser.add_argument("--excel", action="store_true", help="Connections.csv as Excel re-saves it")
    parser.add_argument("--utf16", action="store_true", help="some files as UTF-16 tab-separated text")
    args = parser.parse_args()
    export = generate_export(args.dest, seed=args.seed, connections=args.connections, years=args.years,
                             messages=args.messages, era=args.era, today=args.today, as_zip=not args.folder,
                             excel_resave=args.excel, utf16_files=args.utf16, later_days=args.later_days)
    summary = export.to_dict()
    for key in ("added", "removed", "job_changes", "answered"):
        summary[key] = len(summary[key])
    print(json.dumps(summary, indent=2, default=str))


if __name__ == "__main__":
    main()
