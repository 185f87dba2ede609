"""`twoway serve` as a user runs it: a real process that prints its address, and a token beyond localhost."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest


@contextmanager
def serving(db: Path, *args: str) -> Iterator[tuple[str, list[str]]]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "twoway", "--db", str(db), "serve", "--port", "0", *args]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,  # noqa: S603
                            env=env)
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
        proc.wait(10)


def test_serve_prints_its_address_and_answers(tmp_path: Path) -> None:
    with serving(tmp_path / "t.db") as (url, lines):
        assert url.startswith("http://127.0.0.1:")
        assert not any("token" in line for line in lines)
        response = httpx.get(url + "api/settings", timeout=10)
        assert response.status_code == 200
        assert response.json()[0]["name"] == "cadence_days"
        assert httpx.get(url + "settings", timeout=10).headers["content-type"].startswith("text/html")


@pytest.mark.skipif(sys.platform != "linux", reason="binds every interface; checked on Linux CI")
def test_serve_beyond_localhost_requires_a_token(tmp_path: Path) -> None:
    with serving(tmp_path / "t.db", "--host", "0.0.0.0") as (url, lines):  # noqa: S104
        token_line = next(line for line in lines if "?token=" in line)
        token = token_line.rsplit("?token=", 1)[1]
        assert len(token) >= 24
        assert httpx.get(url + "api/settings", timeout=10).status_code == 401
        ok = httpx.get(url + "api/settings", headers={"Authorization": f"Bearer {token}"}, timeout=10)
        assert ok.status_code == 200
