"""An import bound to a team member's owner lands there: the export only names it, and one that is another
member's is refused with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from tests.accounts.team_support import TODAY, make_member, mate_with_export
from twoway.errors import Conflict
from twoway.generator import generate_export
from twoway.store import Store
from twoway.views.imports import import_and_warm


def _owner(store: Store, owner_id: int) -> tuple[str, str | None]:
    with store.connect() as conn:
        name, url = conn.execute(text("SELECT name, profile_url FROM owners WHERE id = :o"), {"o": owner_id}).one()
    return str(name), url


def _rows(store: Store) -> dict[str, int]:
    with store.connect() as conn:
        return {t: int(conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one())
                for t in ("owners", "connections", "interactions", "imports")}


def test_the_export_names_the_members_owner_row(any_store: Store, tmp_path: Path) -> None:
    ada = mate_with_export(any_store, tmp_path, "ada@example.com", "Ada Lovelace", seed=21)
    assert _owner(any_store, ada.owner_id) == ("Ada Lovelace", ada.profile_url)
    with any_store.connect() as conn:
        owners = conn.execute(text("SELECT COUNT(*) FROM owners")).scalar_one()
        mine = conn.execute(text("SELECT COUNT(*) FROM connections WHERE owner_id = :o"),
                            {"o": ada.owner_id}).scalar_one()
    assert owners == 1
    assert mine > 0


def test_another_members_export_is_refused_whole(any_store: Store, tmp_path: Path) -> None:
    ada = mate_with_export(any_store, tmp_path, "ada@example.com", "Ada Lovelace", seed=21)
    bob, _token = make_member(any_store, "bob@example.com")
    before = _rows(any_store)
    ada_export = next((tmp_path / "ada@example.com").glob("*.zip"))
    with pytest.raises(Conflict, match="another member"):
        import_and_warm(any_store, ada_export, owner_id=bob.owner_id)
    assert _rows(any_store) == before
    assert _owner(any_store, bob.owner_id) == ("bob@example.com", None)
    assert ada.owner_id != bob.owner_id


def test_a_member_cannot_import_someone_elses_export_over_their_own(any_store: Store, tmp_path: Path) -> None:
    ada = mate_with_export(any_store, tmp_path, "ada@example.com", "Ada Lovelace", seed=21)
    stranger = generate_export(tmp_path / "stranger", seed=22, connections=20, owner_name="Sid Stranger", today=TODAY)
    with pytest.raises(Conflict, match="your earlier exports"):
        import_and_warm(any_store, stranger.path, owner_id=ada.owner_id)


def test_an_address_book_goes_to_the_members_owner_too(any_store: Store, tmp_path: Path) -> None:
    mate_with_export(any_store, tmp_path, "ada@example.com", "Ada Lovelace", seed=21)
    bob, _token = make_member(any_store, "bob@example.com")
    book = tmp_path / "book.vcf"
    book.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Bo Berg\nEMAIL:bo@acme.example\nEND:VCARD\n", encoding="utf-8")
    summary = import_and_warm(any_store, book, owner_id=bob.owner_id)
    assert summary.owner_id == bob.owner_id
    with any_store.connect() as conn:
        assert conn.execute(text("SELECT owner_id FROM imports ORDER BY id DESC LIMIT 1")).scalar_one() == bob.owner_id
