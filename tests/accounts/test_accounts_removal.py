"""A member leaves with every row of their data (in every table with an owner_id), and nobody else's."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text

from tests.accounts.team_support import Mate, mate_with_export
from twoway import accounts
from twoway.people import notes, tags
from twoway.store import Store


def _counts(store: Store, owner_id: int) -> dict[str, int]:
    with store.connect() as conn:
        return {t: int(conn.execute(text(f"SELECT COUNT(*) FROM {t} WHERE owner_id = :o"),
                                    {"o": owner_id}).scalar_one()) for t in accounts.owner_tables(conn)}


def _team(store: Store, tmp_path: Path) -> tuple[Mate, Mate]:
    ada = mate_with_export(store, tmp_path, "ada@example.com", "Ada Lovelace", seed=11, admin=True)
    bob = mate_with_export(store, tmp_path, "bob@example.com", "Bob Builder", seed=12)
    with store.begin() as conn:
        person = int(conn.execute(text("SELECT person_id FROM connections WHERE owner_id = :o ORDER BY id LIMIT 1"),
                                  {"o": bob.owner_id}).scalar_one())
        tags.add_tags(conn, bob.owner_id, person, ["inner circle"])
        notes.add_note(conn, bob.owner_id, person, "Met at the conference")
        # Ada asked Bob for an introduction: the request and its log name both members, by other columns.
        request = int(conn.execute(text(
            "INSERT INTO intro_requests (asker_id, via_id, person_id, status, is_open, message, created_at, "
            "updated_at) VALUES (:a, :b, :p, 'asked', 1, 'Would you introduce me?', 1, 1) RETURNING id"),
            {"a": ada.owner_id, "b": bob.owner_id, "p": person}).scalar_one())
        conn.execute(text("INSERT INTO intro_log (request_id, actor_id, action, status, at) "
                          "VALUES (:r, :a, 'ask', 'asked', 1)"), {"r": request, "a": ada.owner_id})
    return ada, bob


def test_every_owner_table_is_found_in_the_schema(any_store: Store) -> None:
    with any_store.connect() as conn:
        found = set(accounts.owner_tables(conn))
    assert {"connections", "interactions", "invitations", "notes", "tags", "decisions", "imports", "members",
            "owner_emails", "merge_suggestions", "conversations", "contacts"} <= found


def test_removal_deletes_every_owner_scoped_row_and_only_theirs(any_store: Store, tmp_path: Path) -> None:
    ada, bob = _team(any_store, tmp_path)
    ada_before = _counts(any_store, ada.owner_id)
    bob_before = _counts(any_store, bob.owner_id)
    assert bob_before["connections"]
    assert bob_before["interactions"]
    assert bob_before["notes"]
    with any_store.connect() as conn:
        ada_people = {p for (p,) in conn.execute(text("SELECT person_id FROM connections WHERE owner_id = :o"),
                                                 {"o": ada.owner_id})}
        bob_only = {p for (p,) in conn.execute(text(
            "SELECT person_id FROM connections WHERE owner_id = :b AND person_id NOT IN "
            "(SELECT person_id FROM connections WHERE owner_id = :a)"), {"a": ada.owner_id, "b": bob.owner_id})}
    with any_store.begin() as conn:
        deleted = accounts.remove_member(conn, accounts.by_email(conn, bob.email))
    assert deleted["connections"] == bob_before["connections"]
    assert deleted["people"] >= 1
    assert all(n == 0 for n in _counts(any_store, bob.owner_id).values())
    assert _counts(any_store, ada.owner_id) == ada_before
    with any_store.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM owners WHERE id = :o"), {"o": bob.owner_id}).scalar_one() == 0
        left = {p for (p,) in conn.execute(text("SELECT id FROM people"))}
        orphan_files = conn.execute(text("SELECT COUNT(*) FROM import_files WHERE import_id NOT IN "
                                         "(SELECT id FROM imports)")).scalar_one()
        assert [m.email for m in accounts.all_members(conn)] == ["ada@example.com"]
    assert ada_people <= left  # Ada's people stay, even those Bob knew too
    assert not (bob_only - ada_people) & left  # people only Bob knew are gone
    assert orphan_files == 0
    assert accounts.by_token(any_store, bob.token) is None
    assert deleted["intro_requests"] == 1
    assert deleted["intro_log"] == 1


def test_member_data_holds_what_leaves(any_store: Store, tmp_path: Path) -> None:
    _ada, bob = _team(any_store, tmp_path)
    with any_store.connect() as conn:
        data = accounts.member_data(conn, accounts.by_email(conn, bob.email))
    assert json.dumps(data, default=str)
    assert len(data["connections"]) == _counts(any_store, bob.owner_id)["connections"]
    assert data["notes"][0]["body"] == "Met at the conference"
    assert [r["message"] for r in data["intro_requests"]] == ["Would you introduce me?"]
    assert len(data["intro_log"]) == 1
    assert data["owners"][0]["name"] == "Bob Builder"
    assert data["import_files"]
    assert data["people"]
