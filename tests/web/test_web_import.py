"""Import through the web: upload with a size cap, a background import with progress, then the summary."""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.web_support import WebClient, seed_network
from twoway.generator import GeneratedExport, generate_export
from twoway.store import Store, open_store
from twoway.web import create_app


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> GeneratedExport:
    return generate_export(tmp_path_factory.mktemp("export"), seed=7, connections=150, years=4,
                           today=date(2026, 11, 20))


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[WebClient]:
    monkeypatch.setenv("TWOWAY_TODAY", "2026-11-20")
    with WebClient(create_app(str(tmp_path / "t.db"), max_upload_mb=5)) as c:
        yield c


def _wait(client: WebClient, job_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while True:
        job: dict[str, Any] = client.get(f"/api/imports/{job_id}").json()
        if job["state"] in ("done", "failed") or time.monotonic() > deadline:
            return job
        time.sleep(0.05)


def test_api_upload_imports_in_the_background(client: WebClient, export: GeneratedExport) -> None:
    with export.path.open("rb") as fh:
        started = client.api("POST", "/api/imports", files={"file": (export.path.name, fh, "application/zip")})
    assert started.status_code == 202
    job = _wait(client, started.json()["id"])
    assert job["state"] == "done", job
    assert job["percent"] == 100
    assert job["summary"]["connections_added"] == export.connections
    assert job["summary"]["owner_name"] == export.owner_name
    people = client.get("/api/people", params={"per_page": "1"}).json()
    assert people["total"] == export.connections
    assert [j["id"] for j in client.get("/api/imports").json()] == [job["id"]]


def test_page_upload_redirects_to_progress_then_summary(client: WebClient, export: GeneratedExport) -> None:
    with export.path.open("rb") as fh:
        response = client.post("/import", data={"csrf_token": client.csrf},
                               files={"file": (export.path.name, fh, "application/zip")}, follow_redirects=False)
    assert response.status_code == 303
    job_url = response.headers["location"]
    assert job_url.startswith("/import/")
    client.web.imports.wait(60)
    page = client.get(job_url).text
    assert "Imported in" in page
    assert str(export.connections) in page


def _zip_bytes(files: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, body in files.items():
            zf.writestr(name, body)
    return buf.getvalue()


def test_a_bad_archive_fails_clearly_and_changes_nothing(client: WebClient) -> None:
    junk = _zip_bytes({"readme.txt": "not an export"})
    started = client.api("POST", "/api/imports", files={"file": ("export.zip", junk, "application/zip")})
    assert started.status_code == 202
    job = _wait(client, started.json()["id"])
    assert job["state"] == "failed"
    assert job["error"]
    assert "Traceback" not in job["error"]
    page = client.get(f"/import/{job['id']}").text
    assert "nothing was changed" in page
    assert client.get("/api/people").status_code == 404  # still no owner: nothing imported


def test_truncated_zip_fails_clearly(client: WebClient, export: GeneratedExport) -> None:
    half = export.path.read_bytes()[: export.path.stat().st_size // 2]
    started = client.api("POST", "/api/imports", files={"file": ("export.zip", half, "application/zip")})
    job = _wait(client, started.json()["id"])
    assert job["state"] == "failed"
    assert job["error"]


def test_uploads_must_be_zip_and_within_the_cap(client: WebClient) -> None:
    not_zip = client.api("POST", "/api/imports", files={"file": ("notes.txt", b"hello", "text/plain")})
    assert not_zip.status_code == 400
    assert not_zip.json()["error"]["code"] == "bad_input"
    empty = client.api("POST", "/api/imports", files={"file": ("e.zip", b"", "application/zip")})
    assert empty.status_code == 400
    big = client.api("POST", "/api/imports", files={"file": ("e.zip", b"0" * (7 * 2**20), "application/zip")})
    assert big.status_code == 413
    assert client.get("/api/imports").json() == []


def test_unknown_job_is_not_found(client: WebClient) -> None:
    assert client.get("/api/imports/nope").status_code == 404
    assert client.get("/import/nope").status_code == 404


def test_an_upload_while_the_demo_is_shown_goes_into_the_owners_own_database(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, export: GeneratedExport) -> None:
    # `twoway demo` rebuilds the demo: what the owner imports (and then writes) must never live there.
    monkeypatch.setenv("TWOWAY_TODAY", "2026-11-20")
    demo_db, own_db = tmp_path / "demo.db", tmp_path / "twoway.db"
    demo_store = open_store(str(demo_db))
    seed_network(demo_store)
    demo_people = _count(demo_store, "connections")
    demo_store.close()
    with WebClient(create_app(str(demo_db), own_db=str(own_db))) as client:
        assert client.get("/api/people", params={"per_page": "1"}).json()["total"] == demo_people
        with export.path.open("rb") as fh:
            started = client.api("POST", "/api/imports", files={"file": (export.path.name, fh, "application/zip")})
        job = _wait(client, started.json()["id"])
        assert job["state"] == "done", job
        assert any("your own database" in line for line in job["lines"])
        assert client.get("/api/people", params={"per_page": "1"}).json()["total"] == export.connections
        person = client.get("/api/people", params={"per_page": "1"}).json()["rows"][0]["id"]
        assert client.api("POST", f"/api/people/{person}/notes", json={"body": "met at the meetup"}).status_code == 201
    for path, connections, notes in ((demo_db, demo_people, 0), (own_db, export.connections, 1)):
        store = open_store(str(path))
        assert (_count(store, "connections"), _count(store, "notes")) == (connections, notes), path.name
        store.close()


def _count(store: Store, table: str) -> int:
    with store.connect() as conn:
        return int(conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one())


def _zipped(folder: Path) -> Path:
    target = folder.parent / f"{folder.name}.zip"
    with zipfile.ZipFile(target, "w") as z:
        for f in folder.rglob("*"):
            if f.is_file():
                z.write(f, f.relative_to(folder).as_posix())
    return target


def _upload(client: WebClient, path: Path, **form: str) -> dict[str, Any]:
    with path.open("rb") as fh:
        started = client.api("POST", "/api/imports", data=form,
                             files={"file": (path.name, fh, "application/zip")})
    assert started.status_code == 202, started.text
    return _wait(client, started.json()["id"])


def test_an_export_that_looks_partial_is_refused_until_the_owner_confirms_it(
        client: WebClient, tmp_path: Path) -> None:
    from tests.linkedin.test_linkedin_support import connection, default_files, write_export

    people = [connection("P", f"N{i}", f"p-{i}") for i in range(50)]
    first = write_export(tmp_path / "a", default_files(connections=people), name="Basic_LinkedInDataExport_11-01-2026")
    assert _upload(client, _zipped(first))["state"] == "done"
    partial = write_export(tmp_path / "b", default_files(connections=people[:1]),
                           name="Basic_LinkedInDataExport_11-10-2026")
    refused = _upload(client, _zipped(partial))
    assert refused["state"] == "failed"
    assert "import_max_removed_percent" in refused["error"]
    assert client.get("/api/people", params={"per_page": "1"}).json()["total"] == 50
    page = client.get("/import").text
    assert 'name="confirm"' in page
    confirmed = _upload(client, _zipped(partial), confirm="true")
    assert confirmed["state"] == "done", confirmed
    assert confirmed["summary"]["connections_removed"] == 49
