"""Uploaded exports: saved with a size cap, imported in a background thread that reports progress.

The import itself is the core's ``twoway.linkedin.import_export`` (all checks, all or nothing);
this module only moves bytes to a temporary file and keeps the progress where a page can poll it.
With several workers (`twoway serve --workers N`) a page's next request may reach another worker,
so each job's progress is also written to a folder they share, where any of them finds it.
"""

from __future__ import annotations

import contextlib
import json
import re
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, BinaryIO

from twoway.errors import Conflict, InputError, NotFound, TwowayError
from twoway.store import Store

CHUNK = 1 << 20
#: How often a running import writes its progress for the other workers (seconds), and how long without
#: news before the others take it for stopped.
PUBLISH_EVERY = 0.5
STALLED = 300.0
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._ -]+")


@dataclass
class ImportJob:
    id: str
    filename: str
    state: str = "queued"  # queued | running | done | failed
    stage: str = "waiting"
    done: int = 0
    total: int = 0
    summary: dict[str, Any] | None = None
    lines: list[str] = field(default_factory=list)
    error: str | None = None
    started_at: float = field(default_factory=time.time)
    finished_at: float | None = None
    owner_id: int | None = None  # on a team server, the member's owner it lands in (only they see the job)

    @property
    def percent(self) -> int:
        if self.state == "done":
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "filename": self.filename,
            "state": self.state,
            "stage": self.stage,
            "done": self.done,
            "total": self.total,
            "percent": self.percent,
            "summary": self.summary,
            "lines": self.lines,
            "error": self.error,
            "seconds": round((self.finished_at or time.time()) - self.started_at, 1),
        }


def save_upload(source: BinaryIO, filename: str, max_bytes: int) -> Path:
    """Copy an uploaded file into a private temporary folder, refusing anything over ``max_bytes``."""
    name = _SAFE_NAME.sub("_", Path(filename or "export.zip").name).strip(" .") or "export.zip"
    if not name.lower().endswith(".zip"):
        raise InputError("upload the LinkedIn export as the .zip file LinkedIn sent", file=name)
    folder = Path(tempfile.mkdtemp(prefix="twoway-upload-"))
    target = folder / name
    written = 0
    try:
        with target.open("wb") as out:
            while chunk := source.read(CHUNK):
                written += len(chunk)
                if written > max_bytes:
                    raise InputError(f"the upload is larger than {max_bytes // 2**20} MB", file=name)
                out.write(chunk)
        if written == 0:
            raise InputError("the upload is empty", file=name)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return target


class ImportJobs:
    """Imports started from the web, one at a time, remembered for this server's lifetime."""

    def __init__(self, shared: Path | None = None) -> None:
        #: The folder the workers of one server share (None: this process is the only one).
        self.shared = shared
        self._jobs: dict[str, ImportJob] = {}
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        #: Called after an import lands (the app forgets its remembered views).
        #: Called with the store imported into; returns lines to add to the job's summary.
        self.on_finish: Callable[[Store], list[str]] | None = None

    def start(self, store: Store, path: Path, *, owner: str | None = None, owner_id: int | None = None,
              confirm: bool = False) -> ImportJob:
        with self._lock:
            if any(not j.finished for j in [*self._jobs.values(), *self._elsewhere()]):
                shutil.rmtree(path.parent, ignore_errors=True)
                raise Conflict("an import is already running; wait for it to finish")
            job = ImportJob(id=secrets.token_hex(8), filename=path.name, owner_id=owner_id)
            self._jobs[job.id] = job
            self._publish(job)
        thread = threading.Thread(target=self._run,
                                  args=(job, store, path, owner, self.on_finish, self._publish, confirm),
                                  daemon=True, name=f"twoway-import-{job.id}")
        self._threads.append(thread)
        thread.start()
        return job

    def get(self, job_id: str, owner_id: int | None = None) -> ImportJob:
        job = self._jobs.get(job_id) or next((j for j in self._elsewhere() if j.id == job_id), None)
        if job is None or (owner_id is not None and job.owner_id != owner_id):
            raise NotFound(f"no import {job_id!r} on this server (imports are remembered until it stops)")
        return job

    def all(self, owner_id: int | None = None) -> list[ImportJob]:
        """The jobs, newest first; ``owner_id``: only that member's (a team server's)."""
        here = list(self._jobs.values()) + [j for j in self._elsewhere() if j.id not in self._jobs]
        jobs = [j for j in here if owner_id is None or j.owner_id == owner_id]
        return sorted(jobs, key=lambda j: j.started_at, reverse=True)

    def _publish(self, job: ImportJob) -> None:
        """Write the job where the other workers read it (replaced whole, so never read half-written)."""
        if self.shared is None:
            return
        target = self.shared / f"{job.id}.json"
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(job)), encoding="utf-8")
        tmp.replace(target)

    def _elsewhere(self) -> list[ImportJob]:
        """Jobs other workers started (their last written progress); one left running by a worker that died
        stops counting as running after five minutes without news."""
        if self.shared is None:
            return []
        out: list[ImportJob] = []
        names = {f.name for f in fields(ImportJob)}
        for path in self.shared.glob("*.json"):
            try:
                job = ImportJob(**{k: v for k, v in json.loads(path.read_text(encoding="utf-8")).items() if k in names})
                quiet = time.time() - path.stat().st_mtime
            except (OSError, ValueError, TypeError):
                continue
            if job.id in self._jobs:
                continue
            if not job.finished and quiet > STALLED:
                job.state, job.error = "failed", "the worker running this import stopped"
            out.append(job)
        return out

    def wait(self, timeout: float | None = None) -> None:
        for thread in list(self._threads):
            thread.join(timeout)

    def shutdown(self) -> None:
        self.wait(timeout=0.1)

    @staticmethod
    def _run(job: ImportJob, store: Store, path: Path, owner: str | None,
             on_finish: Callable[[Store], list[str]] | None, publish: Callable[[ImportJob], None],
             confirm: bool = False) -> None:
        published = time.monotonic()

        def progress(stage: str, done: int, total: int) -> None:
            nonlocal published
            job.stage, job.done, job.total = stage, done, total
            if time.monotonic() - published > PUBLISH_EVERY:
                published = time.monotonic()
                with contextlib.suppress(OSError):
                    publish(job)

        job.state = "running"
        try:
            from twoway.views.imports import import_and_warm

            summary = import_and_warm(store, path, owner=owner, progress=progress, owner_id=job.owner_id,
                                      confirm=confirm)
            job.summary = summary.to_dict()
            lines = getattr(summary, "lines", None)
            job.lines = list(lines()) if callable(lines) else []
            if on_finish is not None:
                job.lines += on_finish(store)
            job.state, job.stage = "done", "finished"
        except TwowayError as exc:
            job.error, job.state = exc.message, "failed"
        except Exception as exc:  # the page must say something rather than spin forever
            job.error, job.state = f"unexpected error: {type(exc).__name__}: {exc}", "failed"
        finally:
            job.finished_at = time.time()
            shutil.rmtree(path.parent, ignore_errors=True)
            with contextlib.suppress(OSError):
                publish(job)
