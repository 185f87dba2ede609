"""One workspace for both faces: the CLI's App and the web's Web read, write and pick the owner the same way."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from twoway.cli.base import App
from twoway.errors import Ambiguous, NotFound
from twoway.store import open_store
from twoway.views.workspace import Workspace
from twoway.web.app import Web


def _two_owners(db: Path) -> None:
    store = open_store(str(db))
    with store.begin() as conn:
        for name in ("Ann Able", "Ben Best"):
            conn.execute(text("INSERT INTO owners (name, created_at) VALUES (:n, 'x')"), {"n": name})
        for pid in (1, 2):
            conn.execute(text("INSERT INTO people (id, name_key, full_name, created_at) VALUES (:p, 'p', 'P', 'x')"),
                         {"p": pid})
    store.close()


def test_both_faces_are_workspaces_and_pick_the_same_owner(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    _two_owners(db)
    app = App(db=str(db), owner_hint="Ben Best")
    web = Web(store=open_store(str(db)), owner_hint="Ben Best")
    assert isinstance(app, Workspace)
    assert isinstance(web, Workspace)
    with app.read() as (_c1, a), web.read() as (_c2, w):
        assert a == w
        assert a.name == "Ben Best"
    with pytest.raises(Ambiguous), App(db=str(db), owner_hint=None).read():
        pass
    with pytest.raises(NotFound), Web(store=web.store, owner_hint="Nobody").write():
        pass
    app.store.close()
    web.store.close()


def test_writes_commit_and_only_the_web_forgets_its_views(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "t.db"
    _two_owners(db)
    web = Web(store=open_store(str(db)), owner_hint="1")
    calls: list[int] = []
    monkeypatch.setattr(web.cache, "bump", lambda: calls.append(1))
    with web.write() as (conn, owner):
        conn.execute(text("INSERT INTO tags (owner_id, person_id, tag, created_at) VALUES (:o, 1, 't', 'x')"),
                     {"o": owner.id})
    assert calls == [1]
    def fail_midway() -> None:
        with web.write() as (conn, owner):
            conn.execute(text("INSERT INTO tags (owner_id, person_id, tag, created_at) VALUES (:o, 2, 't', 'x')"),
                         {"o": owner.id})
            raise RuntimeError("rolled back")

    with pytest.raises(RuntimeError):
        fail_midway()
    assert calls == [1]  # nothing committed, nothing forgotten
    app = App(db=str(db), owner_hint="1")
    with app.read() as (conn, _owner):
        assert conn.execute(text("SELECT person_id FROM tags")).scalars().all() == [1]
    with app.transaction() as conn:
        conn.execute(text("DELETE FROM tags"))
    with app.read() as (conn, _owner):
        assert conn.execute(text("SELECT COUNT(*) FROM tags")).scalar_one() == 0
    app.store.close()
    web.store.close()


def test_read_graph_needs_no_owner_for_a_loaded_graph(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    _two_owners(db)  # several owners and no hint: the merged network cannot be read for anyone
    app = App(db=str(db), owner_hint=None)
    with app.read_graph("some-loaded-graph") as (_conn, owner):
        assert owner is None
    with pytest.raises(Ambiguous), app.read_graph(None):
        pass
    with pytest.raises(Ambiguous), app.read_graph("network"):
        pass
    app.store.close()
