"""Remembered views: fresh after every write through the app, refreshed by age after writes elsewhere."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from tests.web_support import WebClient, seed_network
from twoway.people import tags
from twoway.store import open_store
from twoway.web import create_app
from twoway.web.cache import ResultCache, file_probe


def test_bump_forgets_everything() -> None:
    cache = ResultCache()
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert cache.get("k", compute) == 1
    assert cache.get("k", compute) == 1
    cache.bump()
    assert cache.get("k", compute) == 2


def test_concurrent_misses_compute_once() -> None:
    cache = ResultCache()
    calls = 0
    lock = threading.Lock()

    def slow() -> str:
        nonlocal calls
        with lock:
            calls += 1
        time.sleep(0.2)
        return "value"

    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(cache.get("k", slow))) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["value"] * 10
    assert calls == 1


def test_a_probe_notices_outside_writes(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    db.write_bytes(b"1")
    cache = ResultCache(probe=file_probe(db), probe_every=0.0)
    assert cache.get("k", lambda: "before") == "before"
    assert cache.get("k", lambda: "unused") == "before"
    db.write_bytes(b"22")  # another process committed
    assert cache.get("k", lambda: "after") == "after"


def test_old_entries_are_served_once_more_while_refreshing() -> None:
    cache = ResultCache(ttl=0.05)
    values = iter(["first", "second"])
    assert cache.get("k", lambda: next(values)) == "first"
    time.sleep(0.1)
    assert cache.get("k", lambda: next(values)) == "first"  # stale, refresh started in the background
    deadline = time.monotonic() + 5
    while cache.get("k", lambda: "unused") != "second":
        assert time.monotonic() < deadline
        time.sleep(0.01)


def test_a_result_computed_across_a_write_is_not_kept() -> None:
    cache = ResultCache()

    def racing() -> str:
        cache.bump()  # a write lands while this view is computed
        return "old"

    assert cache.get("k", racing) == "old"
    assert cache.get("k", lambda: "new") == "new"


def test_today_is_part_of_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    cache = ResultCache()
    monkeypatch.setenv("TWOWAY_TODAY", "2026-11-20")
    assert cache.get("k", lambda: "friday") == "friday"
    monkeypatch.setenv("TWOWAY_TODAY", "2026-11-21")
    assert cache.get("k", lambda: "saturday") == "saturday"


def test_pages_show_writes_through_the_app_at_once_and_from_elsewhere_soon(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", "2026-11-20")
    db = str(tmp_path / "t.db")
    store = open_store(db)
    ids = seed_network(store)
    app = create_app(db)
    with WebClient(app) as client:
        assert client.get("/api/people", params={"tag": "vip"}).json()["total"] == 0
        client.api("POST", f"/api/people/{ids['ada']}/tags", json={"tags": ["vip"]})
        assert client.get("/api/people", params={"tag": "vip"}).json()["total"] == 1  # own write: fresh
        with store.begin() as conn:  # a write from elsewhere (the CLI)
            tags.add_tags(conn, ids["owner"], ids["grace"], ["vip"])
        app.state.web.cache.probe_every = 0.0
        deadline = time.monotonic() + 5
        while client.get("/api/people", params={"tag": "vip"}).json()["total"] != 2:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        # a changed setting changes the views too
        before = client.get(f"/api/people/{ids['silent']}").json()["state"]["state"]
        client.api("PUT", "/api/settings/attempts_to_unresponsive", json={"value": 5})
        after = client.get(f"/api/people/{ids['silent']}").json()["state"]["state"]
        assert (before, after) == ("unresponsive", "due")  # 3 of 5 attempts, the last past the retry window
    store.close()


def test_on_postgresql_a_write_by_another_process_is_seen_by_the_next_request(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", "2026-11-20")
    store = open_store(pg_url)
    ids = seed_network(store)
    with WebClient(create_app(pg_url)) as client:
        assert client.get("/api/people", params={"tag": "vip"}).json()["total"] == 0
        other = open_store(pg_url)  # its own connections: another web worker, or the CLI
        with other.begin() as conn:
            tags.add_tags(conn, ids["owner"], ids["grace"], ["vip"])
        other.close()
        assert client.get("/api/people", params={"tag": "vip"}).json()["total"] == 1  # no wait, no age limit
    store.close()
