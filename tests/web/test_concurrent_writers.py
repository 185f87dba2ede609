"""Nothing lost, nothing refused under concurrent writers, on SQLite and PostgreSQL.

The served dashboard takes notes from 8 API clients at once while two other programs write notes with the
CLI and a third imports the owner's next export: every write answers success, every note is stored once,
and the import lands whole.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from tests.web_support import LiveServer
from twoway.generator import generate_export
from twoway.linkedin import import_export
from twoway.store import open_store

API_WRITERS = 8
API_NOTES_EACH = 12
CLI_WRITERS = 2
CLI_NOTES_EACH = 3
TOKEN = "concurrency-test-token"  # noqa: S105 - a throw-away token for a server on 127.0.0.1
TODAY = "2026-11-20"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return str(tmp_path / "t.db") if request.param == "sqlite" else str(request.getfixturevalue("pg_url"))


def _twoway(args: list[str], db: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TWOWAY_TODAY": TODAY, "TWOWAY_DB": db}
    return subprocess.run([sys.executable, "-m", "twoway", *args], env=env, capture_output=True, text=True,  # noqa: S603
                          timeout=300, check=False, stdin=subprocess.DEVNULL)


def test_api_cli_and_an_import_write_at_once_and_nothing_is_lost(db: str, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", TODAY)
    first = generate_export(tmp_path / "first.zip", seed=4, connections=2000, today=date(2026, 9, 1))
    later = generate_export(tmp_path / "later.zip", seed=4, connections=2000, today=date(2026, 9, 1), later_days=60)
    store = open_store(db)
    import_export(store, first.path)
    with store.connect() as conn:
        people = [int(r[0]) for r in conn.execute(text("SELECT person_id FROM connections ORDER BY person_id"))]
    assert len(people) >= API_WRITERS + CLI_WRITERS

    start = threading.Barrier(API_WRITERS + CLI_WRITERS + 1)
    imported = threading.Event()
    failures: list[str] = []
    written: list[str] = []
    during_import = [0]

    def api_writer(worker: int) -> None:
        # At least API_NOTES_EACH notes, and on until the import is over, so the two surely overlap.
        with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120) as client:
            start.wait()
            n = 0
            while n < API_NOTES_EACH or not imported.is_set():
                body = f"api {worker}.{n}"
                r = client.post(f"/api/people/{people[worker]}/notes", json={"body": body})
                if r.status_code != 201:
                    failures.append(f"{body}: {r.status_code} {r.text[:200]}")
                written.append(body)
                during_import[0] += 0 if imported.is_set() else 1
                n += 1

    def cli_writer(worker: int) -> None:
        start.wait()
        for n in range(CLI_NOTES_EACH):
            done = _twoway(["note", f"#{people[API_WRITERS + worker]}", f"cli {worker}.{n}"], db)
            if done.returncode != 0:
                failures.append(f"cli {worker}.{n}: exit {done.returncode} {done.stderr[-300:]}")
            written.append(f"cli {worker}.{n}")

    def importer() -> None:
        start.wait()
        done = _twoway(["import", str(later.path)], db)
        imported.set()
        if done.returncode != 0:
            failures.append(f"import: exit {done.returncode} {done.stderr[-300:]}")

    with LiveServer(db, token=TOKEN) as server:
        threads = [threading.Thread(target=api_writer, args=(w,)) for w in range(API_WRITERS)]
        threads += [threading.Thread(target=cli_writer, args=(w,)) for w in range(CLI_WRITERS)]
        threads.append(threading.Thread(target=importer))
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=600)
        assert not any(t.is_alive() for t in threads)

    assert failures == []
    with store.connect() as conn:
        bodies = [str(r[0]) for r in conn.execute(text("SELECT body FROM notes"))]
        imports = conn.execute(text("SELECT COUNT(*) FROM imports")).scalar_one()
    store.close()
    assert len(written) >= API_WRITERS * API_NOTES_EACH + CLI_WRITERS * CLI_NOTES_EACH
    assert during_import[0] >= API_WRITERS, "the API should have written while the import ran"
    assert sorted(bodies) == sorted(written)  # each once: none lost, none doubled by a retry
    assert imports == 2
