"""Import speed and peak memory: a generated export of 30,000 connections and 1,000,000 messages.

    python benchmarks/bench_import.py                       # 30k connections, 1M messages
    python benchmarks/bench_import.py --connections 5000 --messages 100000
    NETKEEP=/tmp/venv-netkeep/bin/netkeep python benchmarks/bench_import.py   # also time netkeep 0.1.0

Targets: first import ≤ 20 s with peak memory ≤ 800 MB; re-importing it unchanged ≤ 5 s. Each run is a
fresh child process, so its peak RSS (getrusage of the child) is the import's alone. netkeep
(`netkeep import archive PATH`, Python ≥ 3.12, in its own venv) is timed on the same zip when
its executable is found ($NETKEEP, else /tmp/venv-netkeep/bin/netkeep).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

CHILD = """
import sys, time
from twoway.store import open_store
from twoway.linkedin import import_export
store = open_store(sys.argv[1])
started = time.perf_counter()
s = import_export(store, sys.argv[2])
print(f"{time.perf_counter() - started:.2f} {s.connections_total} {s.messages_added} {s.sponsored_messages}")
"""


PEAK = (
    "import resource, subprocess, sys\n"
    "r = subprocess.run(sys.argv[1:])\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(u.ru_utime + u.ru_stime, u.ru_maxrss, file=sys.stderr)\n"
    "sys.exit(r.returncode)\n"
)


def _child(cmd: list[str], env: dict[str, str] | None = None,
           timeout: float | None = None) -> tuple[float, float, float, str]:
    """Run one command under a fresh watcher: (wall s, CPU s, that command's peak RSS in MB, its stdout)."""
    started = time.perf_counter()
    # Own session, so a timeout ends the measured command too, not only its watcher.
    proc = subprocess.Popen([sys.executable, "-c", PEAK, *cmd],  # noqa: S603 (our own interpreter and script)
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    out = subprocess.CompletedProcess(cmd, proc.returncode, stdout, stderr)
    wall = time.perf_counter() - started
    if out.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed:\n{out.stdout}\n{out.stderr}")
    cpu, peak_kb = out.stderr.strip().splitlines()[-1].split()
    return wall, float(cpu), int(peak_kb) / 1024, out.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--connections", type=int, default=30_000)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--workdir", default=None, help="keep the export and databases here")
    parser.add_argument("--netkeep-timeout", type=float, default=1800, help="give up on netkeep after this")
    args = parser.parse_args()
    work = Path(args.workdir or tempfile.mkdtemp(prefix="bench-import-"))
    work.mkdir(parents=True, exist_ok=True)
    from twoway.generator import generate_export

    started = time.perf_counter()
    export = generate_export(work / "export", seed=11, connections=args.connections, messages=args.messages,
                             today=date(2026, 6, 7))
    print(f"export: {export.path} ({export.path.stat().st_size / 1e6:.0f} MB zip, {export.connections:,} "
          f"connections, {export.messages:,} messages; generated in {time.perf_counter() - started:.1f} s)")
    db = work / "twoway.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    cmd = [sys.executable, "-c", CHILD, str(db), str(export.path)]
    wall, cpu, peak, out = _child(cmd)
    inner, conns, added, sponsored = out.split()
    print(f"twoway import (first):     {wall:6.2f} s wall ({inner} s inside, {cpu:.2f} s CPU), "
          f"peak RSS {peak:4.0f} MB, "
          f"{int(conns):,} connections, {int(added):,} messages + {int(sponsored):,} sponsored/system")
    wall, cpu, peak, out = _child(cmd)
    inner, _, added, _ = out.split()
    print(f"twoway import (unchanged): {wall:6.2f} s wall ({inner} s inside, {cpu:.2f} s CPU), "
          f"peak RSS {peak:4.0f} MB, "
          f"{int(added):,} messages added")

    netkeep = os.environ.get("NETKEEP", "/tmp/venv-netkeep/bin/netkeep")  # noqa: S108 (where the research put it)
    if shutil.which(netkeep) or Path(netkeep).exists():
        data = work / "netkeep-data"
        shutil.rmtree(data, ignore_errors=True)
        env = {**os.environ, "NETKEEP_DATA": str(data)}
        _child([netkeep, "db", "upgrade"], env)
        # netkeep refuses zips over 64 MB unpacked; then it gets the unpacked folder, which it also reads.
        folder = work / "export-unpacked"
        if not folder.exists():
            with zipfile.ZipFile(export.path) as zf:
                zf.extractall(folder)
        for label, target in (("zip", export.path), ("folder", folder)):
            try:
                wall, cpu, nk_peak, nk_out = _child([netkeep, "import", "archive", str(target)], env,
                                                    args.netkeep_timeout)
            except subprocess.TimeoutExpired:
                print(f"netkeep 0.1.0 import ({label}): did not finish within {args.netkeep_timeout:.0f} s")
                break
            except SystemExit as refused:
                reason = next((ln for ln in str(refused).splitlines() if ln.lower().startswith("error")), "?")
                print(f"netkeep 0.1.0 import ({label}): refused: {reason}")
                continue
            print(f"netkeep 0.1.0 import ({label}): {wall:6.2f} s wall ({cpu:.2f} s CPU), peak RSS {nk_peak:4.0f} MB")
            print("   " + "\n   ".join(nk_out.splitlines()[:4]))
            break
    else:
        print(f"netkeep not found at {netkeep}; skipped (set NETKEEP=…)")


if __name__ == "__main__":
    main()
