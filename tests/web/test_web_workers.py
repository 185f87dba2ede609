"""`twoway serve --workers N` as a team runs it: real worker processes over one database, all answering the same."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import httpx

from twoway.generator import generate_export
from twoway.store import open_store
from twoway.views.imports import import_and_warm

TOKEN = "workers-test-token-0123456789"  # noqa: S105 - a test's own token
HEADERS = {"Authorization": f"Bearer {TOKEN}", "Connection": "close"}  # a new connection each: any worker answers
RELOAD_BOUND = 10.0  # seconds from an import's end until every worker answers with it


@contextmanager
def serving(db: str, *args: str) -> Iterator[tuple[str, list[str]]]:
    """`twoway --db DB serve --port 0 ARGS` until the block ends; its address and first lines."""
    command = [sys.executable, "-m", "twoway", "--db", db, "serve", "--port", "0", *args]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,  # noqa: S603
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    lines: list[str] = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line.rstrip())
            if line.startswith("Stop with Ctrl+C"):
                break
        match = re.search(r"at (http://\S+/)", "\n".join(lines))
        assert match, lines
        yield match.group(1), lines
    finally:
        proc.terminate()
        proc.wait(30)


def _exports(tmp_path: Path, count: int) -> list[Path]:
    return [generate_export(tmp_path / f"m{i}", seed=40 + i, connections=150, messages=60,
                            today=date(2026, 6, 7)).path for i in range(count)]


def _owners(url: str) -> int:
    answer = httpx.get(url + "api/network", headers=HEADERS, timeout=30)
    assert answer.status_code == 200, answer.text
    return int(answer.json()["network"]["owners"])


def _every_worker_says(url: str, owners: int, workers: int, within: float) -> float:
    """Seconds until 10 answers per worker in a row hold ``owners`` members' networks (fails after ``within``)."""
    started = time.monotonic()
    streak = 0
    while streak < 10 * workers:
        assert time.monotonic() - started < within, f"after {within} s, only {streak} fresh answers in a row"
        streak = streak + 1 if _owners(url) == owners else 0
    return time.monotonic() - started


def _team_then_one_more(db: str, tmp_path: Path) -> None:
    first, second, third = _exports(tmp_path, 3)
    store = open_store(db)
    import_and_warm(store, first)
    import_and_warm(store, second)
    store.close()
    with serving(db, "--workers", "2", "--token", TOKEN) as (url, lines):
        assert any("with 2 workers" in line for line in lines), lines
        _every_worker_says(url, 2, workers=2, within=120)  # start-up: the workers are still importing twoway
        done = subprocess.run([sys.executable, "-m", "twoway", "--db", db, "import", str(third)],  # noqa: S603
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        _every_worker_says(url, 3, workers=2, within=RELOAD_BOUND)


def test_every_worker_answers_with_an_import_made_through_the_cli_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    _team_then_one_more(pg_url, tmp_path)


def test_workers_over_one_sqlite_file_answer_the_same_too(tmp_path: Path) -> None:
    _team_then_one_more(str(tmp_path / "team.db"), tmp_path)


def test_a_form_served_by_one_worker_is_accepted_by_another(pg_url: str, tmp_path: Path) -> None:
    store = open_store(pg_url)
    import_and_warm(store, _exports(tmp_path, 1)[0])
    store.close()
    with serving(pg_url, "--workers", "2") as (url, _lines):
        token = httpx.get(url + "api/csrf", timeout=30)
        cookies = dict(token.cookies)
        for value in range(20):  # each on a new connection: both workers check the one CSRF token
            answer = httpx.put(url + "api/settings/cadence_days", json={"value": 30 + value}, cookies=cookies,
                               headers={"X-CSRF-Token": token.json()["token"], "Connection": "close"}, timeout=30)
            assert answer.status_code == 200, answer.text



def test_an_upload_s_progress_is_found_by_every_worker(pg_url: str, tmp_path: Path) -> None:
    export = _exports(tmp_path, 1)[0]
    with serving(pg_url, "--workers", "2", "--token", TOKEN) as (url, _lines):
        with export.open("rb") as fh:
            started = httpx.post(url + "api/imports", headers=HEADERS, timeout=60,
                                 files={"file": (export.name, fh, "application/zip")})
        assert started.status_code == 202, started.text
        job = started.json()["id"]
        deadline = time.monotonic() + 120
        states: list[str] = []
        while not states or states[-1] != "done" or len(states) < 20:
            assert time.monotonic() < deadline, states[-5:]
            answer = httpx.get(url + f"api/imports/{job}", headers=HEADERS, timeout=30)  # any worker
            assert answer.status_code == 200, answer.text
            assert answer.json()["state"] != "failed", answer.json()
            states.append(answer.json()["state"])
            time.sleep(0.05)
        listed = httpx.get(url + "api/imports", headers=HEADERS, timeout=30).json()
        assert [j["id"] for j in listed] == [job]
