"""Killed half-way (SIGKILL, no chance to clean up), an import leaves the database exactly as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.linkedin.test_linkedin_import import snapshot
from tests.linkedin.test_linkedin_support import default_files, write_export
from twoway.generator import generate_export
from twoway.linkedin import import_export
from twoway.store import open_store

CHILD = """
import sys
from twoway.store import open_store
from twoway.linkedin import import_export

def report(stage, done, total):
    print(f"{done / total:.3f} {stage}", flush=True)

import_export(open_store(sys.argv[1]), sys.argv[2], progress=report)
print("finished", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_import_killed_half_way_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "twoway.db"
    store = open_store(str(db))
    import_export(store, write_export(tmp_path / "first", default_files()))
    before = snapshot(store)
    store.close()
    big = generate_export(tmp_path / "big", seed=3, connections=2000, messages=120_000, today=date(2026, 6, 7))

    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(big.path)],  # noqa: S603
                             stdout=subprocess.PIPE,
                             text=True, env=env)
    assert child.stdout is not None
    killed_at = None
    for line in child.stdout:
        if line.startswith("finished"):
            break
        fraction = float(line.split()[0])
        if fraction > 0.5:
            child.send_signal(signal.SIGKILL)
            killed_at = fraction
            break
    child.wait(timeout=120)
    assert killed_at is not None, "the import finished before it could be killed"
    assert child.returncode == -signal.SIGKILL

    store = open_store(str(db))
    try:
        assert snapshot(store) == before
        # And the database still works: the same export imports completely afterwards.
        summary = import_export(store, big.path)
        assert summary.connections_total == big.connections
    finally:
        store.close()
