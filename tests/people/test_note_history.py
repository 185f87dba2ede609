"""A note edited or deleted keeps its old text, with what became of it and when; the person page and its API twin
show that history (the current notes stay apart)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web_support import WebClient, add_owner, add_person, seeded_web
from twoway.people import notes
from twoway.store import Store


def test_history_keeps_each_old_text_with_its_fate_and_time(any_store: Store, monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    with any_store.begin() as conn:
        owner = add_owner(conn)
        ada = add_person(conn, owner, "Ada Lovelace")
        monkeypatch.setenv("TWOWAY_TODAY", "2026-03-01")
        first = notes.add_note(conn, owner, ada, "Met at PyCon")
        monkeypatch.setenv("TWOWAY_TODAY", "2026-03-05")
        second = notes.edit_note(conn, owner, ada, first.id, "Met at PyCon 2025")
        other = notes.add_note(conn, owner, ada, "Likes sailing")
        monkeypatch.setenv("TWOWAY_TODAY", "2026-03-09")
        notes.delete_note(conn, owner, ada, other.id)
        past = notes.note_history(conn, owner, ada)
        current = notes.notes_for(conn, owner, ada)
    assert [(p.body, p.status, p.created_at[:10], p.changed_at[:10]) for p in past] == [
        ("Likes sailing", "deleted", "2026-03-05", "2026-03-09"),
        ("Met at PyCon", "superseded", "2026-03-01", "2026-03-05"),
    ]
    assert [n.id for n in current] == [second.id]


@pytest.fixture
def web(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[WebClient, Store, dict[str, int]]]:
    monkeypatch.setenv("TWOWAY_TODAY", "2026-11-20")
    with seeded_web(str(tmp_path / "t.db")) as setup:
        yield setup


def test_person_page_and_api_show_the_history(web: tuple[WebClient, Store, dict[str, int]]) -> None:
    client, _store, ids = web
    ada = ids["ada"]
    plain = client.get(f"/people/{ada}").text
    assert 'id="note-history"' not in plain  # nothing to show yet
    first = client.api("POST", f"/api/people/{ada}/notes", json={"body": "Met at the <b>fair</b>"}).json()
    client.api("PUT", f"/api/people/{ada}/notes/{first['id']}", json={"body": "Met at the engine fair"})
    page = client.get(f"/people/{ada}").text
    current, _, past = page.partition('id="note-history"')
    assert "Met at the engine fair" in current
    assert "Earlier versions and deleted notes (1)" in past
    assert "Met at the &lt;b&gt;fair&lt;/b&gt;" in past  # escaped
    assert "edited 20 Nov 2026" in past or "edited 2026-11-20" in past
    detail = client.get(f"/api/people/{ada}").json()
    assert [(n["body"], n["status"]) for n in detail["notes_history"]] == [("Met at the <b>fair</b>", "superseded")]
    assert [n["body"] for n in detail["notes"]] == ["Met at the engine fair"]
