"""Memory bounded by design: hostile exports are refused (or read) without building what they hold.

Each case runs the import in a child process and reads its peak resident memory (``VmHWM``: the high-water
mark of the child's own memory; ``ru_maxrss`` would not do, as Linux carries it over from the parent through
fork and exec, so a large test process would be measured instead); the zip bomb guard is switched off in the
child so the line guard and the streaming rows are what is measured.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[2] / "src")
HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
LIMIT_MB = 400

CHILD = """
import json, sys
sys.path.insert(0, {src!r})
from twoway.errors import TwowayError
from twoway.linkedin import archive, import_export
from twoway.store import open_store
archive.MAX_RATIO = {ratio}
store = open_store({db!r})
try:
    s = import_export(store, {path!r})
    outcome = {{"ok": True, "connections": s.connections_total, "skipped": dict(s.skipped)}}
except TwowayError as exc:
    outcome = {{"ok": False, "message": exc.message}}
with open("/proc/self/status") as status:
    hwm_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
outcome["peak_mb"] = hwm_kb / 1024
print(json.dumps(outcome))
"""


def _import_in_child(tmp_path: Path, path: Path, *, ratio: int = 10**9) -> dict[str, object]:
    code = CHILD.format(src=SRC, db=str(tmp_path / "t.db"), path=str(path), ratio=ratio)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,  # noqa: S603
                          env={"TWOWAY_TODAY": "2026-06-15", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
                          check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _zip(path: Path, write: object) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf, \
            zf.open("Connections.csv", "w", force_zip64=True) as f:
        f.write(HEADER)
        write(f)  # type: ignore[operator]
    return path


@pytest.mark.slow
def test_a_one_gib_line_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    chunk = b"a" * (1 << 20)

    def write(f: object) -> None:
        for _ in range(1024):
            f.write(chunk)  # type: ignore[attr-defined]

    path = _zip(tmp_path / "Basic_LinkedInDataExport_06-07-2026.zip", write)
    out = _import_in_child(tmp_path, path)
    assert out["ok"] is False
    assert "Connections.csv" in str(out["message"])
    assert "longer than" in str(out["message"])
    assert float(out["peak_mb"]) < LIMIT_MB, out  # type: ignore[arg-type]


@pytest.mark.slow
def test_one_row_repeated_a_million_times_reads_in_bounded_memory(tmp_path: Path) -> None:
    row = b"Ana,Lee,https://www.linkedin.com/in/ana-lee,,Acme,CEO,01 Jan 2024\n"

    def write(f: object) -> None:
        for _ in range(100):
            f.write(row * 10_000)  # type: ignore[attr-defined]

    path = _zip(tmp_path / "Basic_LinkedInDataExport_06-07-2026.zip", write)
    out = _import_in_child(tmp_path, path)
    assert out["ok"] is True, out
    assert out["connections"] == 1
    assert float(out["peak_mb"]) < LIMIT_MB, out  # type: ignore[arg-type]


def test_the_zip_bomb_guard_refuses_the_repeated_row_at_once(tmp_path: Path) -> None:
    row = b"Ana,Lee,https://www.linkedin.com/in/ana-lee,,Acme,CEO,01 Jan 2024\n"
    path = _zip(tmp_path / "Basic_LinkedInDataExport_06-07-2026.zip", lambda f: f.write(row * 200_000))
    out = _import_in_child(tmp_path, path, ratio=100)
    assert out["ok"] is False
    assert "zip bomb" in str(out["message"])
    assert float(out["peak_mb"]) < LIMIT_MB, out  # type: ignore[arg-type]
