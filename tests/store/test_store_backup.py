"""Backup and restore: a consistent copy while another thread writes, refusals, and the previous database kept."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from tests.web_support import add_owner, add_person
from twoway.cli import cli
from twoway.errors import Conflict, InputError
from twoway.people.notes import add_note
from twoway.store import Store, identity, open_store
from twoway.store.backup import BEFORE_RESTORE, backup, restore


def seeded(path: Path) -> tuple[Store, int, int]:
    store = open_store(str(path))
    with store.begin() as conn:
        owner = add_owner(conn)
        person = add_person(conn, owner, "Ada Lovelace")
    return store, owner, person


def notes_in(path: Path) -> set[str]:
    store = open_store(str(path))
    try:
        with store.connect() as conn:
            return {row[0] for row in conn.execute(text("SELECT body FROM notes"))}
    finally:
        store.close()


def test_a_backup_while_another_thread_writes_holds_every_note_committed_before_it(tmp_path: Path) -> None:
    store, owner, person = seeded(tmp_path / "live.db")
    committed: list[str] = []
    started, stop = threading.Event(), threading.Event()

    def writer() -> None:
        i = 0
        while not stop.is_set():
            with store.begin() as conn:
                add_note(conn, owner, person, f"note {i}")
            committed.append(f"note {i}")
            i += 1
            if i == 50:
                started.set()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert started.wait(30)
        copies = []
        for n in range(3):
            before = list(committed)
            copies.append((before, backup(store, tmp_path / f"copy{n}.db")))
    finally:
        stop.set()
        thread.join()
    for before, path in copies:
        saved = notes_in(path)
        assert set(before) <= saved  # every note committed before the backup began is in it
        # and it is one moment of the database: the notes it holds are the first ones, without a gap
        assert saved == {f"note {i}" for i in range(len(saved))}
        assert not Path(str(path) + "-wal").exists()
    store.close()


def test_restore_keeps_the_database_as_it_was_and_gets_a_new_identity(tmp_path: Path) -> None:
    live = tmp_path / "live.db"
    store, owner, person = seeded(live)
    with store.begin() as conn:
        add_note(conn, owner, person, "before the backup")
    backup(store, tmp_path / "b.db")
    with store.begin() as conn:
        add_note(conn, owner, person, "after the backup")
        ident = identity(conn)
    kept = restore(store, tmp_path / "b.db")
    assert kept == tmp_path / ("live.db" + BEFORE_RESTORE)
    assert notes_in(live) == {"before the backup"}
    assert notes_in(kept) == {"before the backup", "after the backup"}
    again = open_store(str(live))
    with again.connect() as conn:
        assert identity(conn)[0] != ident[0]  # no cache takes the restored data for what it saw
    again.close()


def test_restore_refuses_what_is_not_a_twoway_database(tmp_path: Path) -> None:
    store = seeded(tmp_path / "live.db")[0]
    (tmp_path / "notes.txt").write_text("hello")
    other = sqlite3.connect(tmp_path / "other.db")
    other.execute("CREATE TABLE x (y)")
    other.commit()
    other.close()
    for bad, says in (("notes.txt", "not a SQLite file"), ("other.db", "not a twoway database"),
                      ("missing.db", "no such file")):
        with pytest.raises(InputError, match=says):
            restore(store, tmp_path / bad)
    assert not (tmp_path / ("live.db" + BEFORE_RESTORE)).exists()
    with pytest.raises(InputError, match="already exists"):
        backup(store, tmp_path / "notes.txt")
    store.close()


def test_postgresql_is_told_about_pg_dump(pg_url: str, tmp_path: Path) -> None:
    store = open_store(pg_url)
    try:
        with pytest.raises(Conflict, match="pg_dump"):
            backup(store, tmp_path / "x.db")
    finally:
        store.close()


def test_the_cli_backs_up_and_restores(tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    seeded(db)[0].close()
    run = CliRunner().invoke
    result = run(cli, ["--db", str(db), "backup", str(tmp_path / "b.db")])
    assert result.exit_code == 0, result.output
    assert "Backed up to" in result.output
    result = run(cli, ["--db", str(db), "restore", str(tmp_path / "nothing.db")])
    assert result.exit_code == 2
    assert "no such file" in result.output
    result = run(cli, ["--db", str(db), "restore", str(tmp_path / "b.db"), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["previous"] == str(db) + BEFORE_RESTORE
