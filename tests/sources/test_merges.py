"""The owner's verdict on a likely match: accept folds the card or mail person into the connection for good,
reject keeps them apart for good; on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from twoway import views
from twoway.contacts import import_contacts
from twoway.errors import Conflict, NotFound
from twoway.mail import import_mail
from twoway.sources import decide_merge
from twoway.store import Store

CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Berg\r\nORG:Acme\r\nEMAIL:bo@acme.example\r\nEND:VCARD\r\n"
MAIL = ("From x Mon Jan  1 00:00:00 2024\nFrom: Sam Owner <sam@example.org>\nTo: Bo Berg <bo@acme.example>\n"
        "Date: Tue, 02 Jan 2024 10:00:00 +0000\nMessage-ID: <1@x>\nSubject: lunch?\n\nShall we?\n")


def one(store: Store, sql: str) -> object:
    with store.connect() as conn:
        return conn.execute(text(sql)).scalar_one()


@pytest.fixture
def suggested(any_store: Store, tmp_path: Path) -> tuple[Store, Path, int]:
    """A connection Bo Berg (with a profile), and a card plus mail of a Bo Berg without one: one suggestion."""
    with any_store.begin() as conn:
        conn.execute(text("INSERT INTO owners (name, created_at) VALUES ('Sam Owner', '2024-01-01')"))
        conn.execute(text("INSERT INTO people (url, name_key, full_name, company, created_at) VALUES "
                          "('https://www.linkedin.com/in/bo', 'bo berg', 'Bo Berg', 'Acme', '2024-01-01')"))
        conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on, status) "
                          "VALUES (1, 1, '2023-05-01', 'connected')"))
    book = tmp_path / "book.vcf"
    book.write_text(CARD, encoding="utf-8")
    import_contacts(any_store, book, owner="Sam Owner")
    (tmp_path / "Sent.mbox").write_text(MAIL, encoding="utf-8")  # a sent folder: its sender is the owner
    import_mail(any_store, tmp_path / "Sent.mbox", owner="Sam Owner")
    with any_store.connect() as conn:
        [suggestion] = views.merge_suggestions(conn, 1)
    assert suggestion.person_id == 1
    assert one(any_store, f"SELECT COUNT(*) FROM interactions WHERE person_id = {suggestion.other_id}") == 1
    return any_store, book, suggestion.id


def test_accepting_folds_history_and_addresses_into_the_connection(suggested: tuple[Store, Path, int]) -> None:
    store, book, sid = suggested
    with store.begin() as conn:
        said = decide_merge(conn, 1, sid, "accept")
    assert "now part of Bo Berg (#1)" in said
    assert one(store, "SELECT COUNT(*) FROM interactions WHERE person_id = 1") == 1
    assert one(store, "SELECT person_id FROM person_emails WHERE email = 'bo@acme.example'") == 1
    assert one(store, "SELECT COUNT(*) FROM people WHERE full_name = 'Bo Berg'") == 1
    with store.connect() as conn:
        [kept] = views.merge_suggestions(conn, 1, status=None)
    assert (kept.status, kept.person_id) == ("accepted", 1)
    import_contacts(store, book, owner="Sam Owner")  # the same card again finds Bo by address: nothing to ask
    with store.connect() as conn:
        assert views.merge_suggestions(conn, 1) == []
    assert one(store, "SELECT COUNT(*) FROM people WHERE full_name = 'Bo Berg'") == 1


def test_rejecting_keeps_them_apart_and_is_not_asked_again(suggested: tuple[Store, Path, int]) -> None:
    store, book, sid = suggested
    with store.begin() as conn:
        assert "apart" in decide_merge(conn, 1, sid, "reject")
    assert one(store, "SELECT COUNT(*) FROM people WHERE full_name = 'Bo Berg'") == 2
    import_contacts(store, book, owner="Sam Owner")
    with store.connect() as conn:
        assert views.merge_suggestions(conn, 1) == []
        assert [s.status for s in views.merge_suggestions(conn, 1, status=None)] == ["rejected"]


def test_a_decided_or_unknown_suggestion_is_said_so(suggested: tuple[Store, Path, int]) -> None:
    store, _book, sid = suggested
    with store.begin() as conn:
        decide_merge(conn, 1, sid, "reject")
    with store.begin() as conn, pytest.raises(Conflict, match="already rejected"):
        decide_merge(conn, 1, sid, "accept")
    with store.begin() as conn, pytest.raises(NotFound, match=f"no likely match #{sid + 100}") as unknown:
        decide_merge(conn, 1, sid + 100, "accept")
    assert unknown.value.cli_hint == "`twoway merge` lists them"  # the CLI's words, apart
    with store.begin() as conn, pytest.raises(NotFound):
        decide_merge(conn, 2, sid, "accept")  # another member's suggestion is not yours to decide
