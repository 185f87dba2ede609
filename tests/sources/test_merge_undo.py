"""Every merge can be undone: accepting a suggestion, then undoing it, gives back every row of every table byte
for byte; an exact merge made by an import too; an undo after later imports still works, or is refused in words;
on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from twoway import views
from twoway.contacts import import_contacts
from twoway.errors import Conflict, NotFound
from twoway.mail import import_mail
from twoway.sources import decide_merge, undo_merge
from twoway.store import Store

CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Berg\r\nORG:Acme\r\nEMAIL:bo@acme.example\r\nEND:VCARD\r\n"
MAIL = ("From x Mon Jan  1 00:00:00 2024\nFrom: Sam Owner <sam@example.org>\nTo: Bo Berg <bo@acme.example>\n"
        "Date: Tue, 02 Jan 2024 10:00:00 +0000\nMessage-ID: <{n}@x>\nSubject: lunch?\n\nShall we?\n")
#: Tables that say where the database is (or record the merge itself), not what it holds.
BOOKKEEPING = {"migrations", "store_revision", "merges_done"}


def dump(store: Store) -> dict[str, list[str]]:
    """Every row of every table, in a stable order, as text: a change of any byte shows."""
    with store.connect() as conn:
        names = sorted(set(inspect(conn).get_table_names()) - BOOKKEEPING)
        return {t: sorted(repr(tuple(r)) for r in conn.execute(text(f"SELECT * FROM {t}"))) for t in names}


def one(store: Store, sql: str) -> object:
    with store.connect() as conn:
        return conn.execute(text(sql)).scalar_one()


@pytest.fixture
def suggested(any_store: Store, tmp_path: Path) -> tuple[Store, Path, int]:
    """A connection Bo Berg (no e-mail on file), and a Bo Berg from a card and mail, both tagged 'acme' and the
    mail one with a note: one suggestion."""
    with any_store.begin() as conn:
        conn.execute(text("INSERT INTO owners (name, created_at) VALUES ('Sam Owner', '2024-01-01')"))
        conn.execute(text("INSERT INTO people (url, name_key, full_name, created_at) VALUES "
                          "('https://www.linkedin.com/in/bo', 'bo berg', 'Bo Berg', '2024-01-01')"))
        conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on, status) "
                          "VALUES (1, 1, '2023-05-01', 'connected')"))
    book = tmp_path / "book.vcf"
    book.write_text(CARD, encoding="utf-8")
    import_contacts(any_store, book, owner="Sam Owner")
    (tmp_path / "Sent.mbox").write_text(MAIL.format(n=1), encoding="utf-8")
    import_mail(any_store, tmp_path / "Sent.mbox", owner="Sam Owner")
    with any_store.connect() as conn:
        [suggestion] = views.merge_suggestions(conn, 1)
    other = suggestion.other_id
    with any_store.begin() as conn:
        for pid in (1, other):
            conn.execute(text("INSERT INTO tags (owner_id, person_id, tag, created_at) VALUES (1, :p, 'acme', 'x')"),
                         {"p": pid})
        conn.execute(text("INSERT INTO notes (owner_id, person_id, body, created_at) VALUES (1, :p, 'met', 'x')"),
                     {"p": other})
    return any_store, tmp_path, suggestion.id


def test_accept_then_undo_restores_every_row(suggested: tuple[Store, Path, int]) -> None:
    store, _folder, sid = suggested
    before = dump(store)
    with store.begin() as conn:
        decide_merge(conn, 1, sid, "accept")
    after = dump(store)
    assert after != before
    assert one(store, "SELECT company FROM people WHERE id = 1") == "Acme"  # a field the folded one filled
    with store.connect() as conn:
        [done] = views.merges_done(conn, 1)
    assert (done.person_id, done.other_name, done.suggestion_id, done.undone_at) == (1, "Bo Berg", sid, None)
    assert done.rows_moved >= 3  # the e-mail, the address and the note (the shared tag is set aside whole)
    with store.begin() as conn:
        said = undo_merge(conn, 1, done.id)
    assert "apart from #1 again" in said
    assert dump(store) == before
    with store.connect() as conn:
        assert [s.status for s in views.merge_suggestions(conn, 1)] == ["open"]
        assert views.merges_done(conn, 1)[0].undone_at is not None
    with store.begin() as conn, pytest.raises(Conflict, match="already undone"):
        undo_merge(conn, 1, done.id)
    with store.begin() as conn, pytest.raises(NotFound, match=f"no merge #{done.id + 50}") as unknown:
        undo_merge(conn, 1, done.id + 50)
    assert unknown.value.cli_hint == "`twoway merge --done` lists them"  # the CLI's words, apart
    with store.begin() as conn:  # decided again after the undo: the same merge, made again
        decide_merge(conn, 1, sid, "accept")
    assert dump(store) == after


def test_an_exact_merge_made_by_an_import_can_be_undone(any_store: Store, tmp_path: Path) -> None:
    """Mail makes a person of bo@acme.example; a card holding their profile URL folds them into the connection."""
    with any_store.begin() as conn:
        conn.execute(text("INSERT INTO owners (name, created_at) VALUES ('Sam Owner', '2024-01-01')"))
        conn.execute(text("INSERT INTO people (url, name_key, full_name, created_at) VALUES "
                          "('https://www.linkedin.com/in/bo', 'bo berg', 'Bo Berg', '2024-01-01')"))
        conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on, status) "
                          "VALUES (1, 1, '2023-05-01', 'connected')"))
    (tmp_path / "Sent.mbox").write_text(MAIL.format(n=1), encoding="utf-8")
    import_mail(any_store, tmp_path / "Sent.mbox", owner="Sam Owner")
    before = dump(any_store)
    card = tmp_path / "bo.vcf"
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Bo Berg\nEMAIL:bo@acme.example\n"
                    "URL:https://www.linkedin.com/in/bo/\nEND:VCARD\n", encoding="utf-8")
    import_contacts(any_store, card, owner="Sam Owner")
    assert one(any_store, "SELECT COUNT(*) FROM people") == 1
    with any_store.connect() as conn:
        [done] = views.merges_done(conn, 1)
    assert done.suggestion_id is None
    assert "profile URL" in done.reason
    with any_store.begin() as conn:
        undo_merge(conn, 1, done.id)
    now = dump(any_store)
    assert one(any_store, "SELECT COUNT(*) FROM people") == 2
    # Everything the merge changed is back; what the card's import itself added (its record, its card) stays.
    for table in ("people", "interactions", "person_emails", "merge_suggestions", "tags", "notes"):
        assert now[table] == before[table], table


def test_undo_after_a_later_import_still_works(suggested: tuple[Store, Path, int]) -> None:
    store, folder, sid = suggested
    with store.begin() as conn:
        decide_merge(conn, 1, sid, "accept")
    (folder / "Sent.mbox").write_text(MAIL.format(n=1) + "\n" + MAIL.format(n=2), encoding="utf-8")
    import_mail(store, folder / "Sent.mbox", owner="Sam Owner")  # the new e-mail goes to Bo the connection
    assert one(store, "SELECT COUNT(*) FROM interactions WHERE person_id = 1") == 2
    with store.connect() as conn:
        [done] = views.merges_done(conn, 1)
    with store.begin() as conn:
        undo_merge(conn, 1, done.id)
    other = one(store, "SELECT other_id FROM merges_done")
    assert one(store, f"SELECT COUNT(*) FROM interactions WHERE person_id = {other}") == 1  # theirs, back
    assert one(store, "SELECT COUNT(*) FROM interactions WHERE person_id = 1") == 1  # the later one stays
    assert one(store, "SELECT person_id FROM person_emails WHERE email = 'bo@acme.example'") == other


def test_undo_is_refused_when_the_kept_person_is_gone(suggested: tuple[Store, Path, int]) -> None:
    store, _folder, sid = suggested
    with store.begin() as conn:
        decide_merge(conn, 1, sid, "accept")
        conn.execute(text("DELETE FROM connections"))
        conn.execute(text("DELETE FROM people WHERE id = 1"))  # as forgetting the import that brought them does
    with store.begin() as conn, pytest.raises(Conflict, match="no longer here"):
        undo_merge(conn, 1, 1)


def test_done_and_undo_from_the_cli_and_the_api(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tests.web_support import WebClient
    from twoway.cli import cli
    from twoway.store import open_store
    from twoway.web import create_app

    db = str(tmp_path / "t.db")
    store = open_store(db)
    with store.begin() as conn:
        conn.execute(text("INSERT INTO owners (name, created_at) VALUES ('Sam Owner', '2024-01-01')"))
        conn.execute(text("INSERT INTO people (url, name_key, full_name, created_at) VALUES "
                          "('https://www.linkedin.com/in/bo', 'bo berg', 'Bo Berg', '2024-01-01')"))
        conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on, status) "
                          "VALUES (1, 1, '2023-05-01', 'connected')"))
    book = tmp_path / "book.vcf"
    book.write_text(CARD, encoding="utf-8")
    import_contacts(store, book)
    before = dump(store)
    store.close()

    def run(*args: str) -> tuple[int, str]:
        result = CliRunner().invoke(cli, ["--db", db, *args])
        return result.exit_code, result.output

    assert run("merge", "--done")[1].strip() == "No merges made yet."
    assert run("merge", "--accept", "1")[0] == 0
    code, out = run("merge", "--done", "--json")
    assert code == 0
    [done] = json.loads(out)
    assert (done["person_name"], done["other_name"], done["undone_at"]) == ("Bo Berg", "Bo Berg", None)
    code, out = run("merge", "--done")
    assert "Bo Berg #1" in out
    assert "1 merge; `twoway merge --undo ID` takes one back" in out
    code, out = run("merge", "--undo", str(done["id"]))
    assert code == 0
    assert "apart from #1 again" in out
    code, out = run("merge", "--undo", str(done["id"]))
    assert code != 0
    assert "already undone" in out
    assert run("merge", "--undo", "1", "--accept", "1")[0] == 2  # one thing at a time
    again = open_store(db)
    assert dump(again) == before
    again.close()
    assert run("merge", "--accept", "1")[0] == 0
    with WebClient(create_app(db)) as client:
        [made] = [m for m in client.get("/api/merges/done").json() if m["undone_at"] is None]
        undone = client.api("POST", f"/api/merges/{made['id']}/undo")
        assert undone.status_code == 200, undone.text
        assert undone.json()["undone"] is True
        twice = client.api("POST", f"/api/merges/{made['id']}/undo")
        assert twice.status_code == 409
        assert twice.json()["error"]["code"]
        assert client.get("/api/merges").json()[0]["status"] == "open"


def test_a_person_another_member_also_holds_is_never_folded(suggested: tuple[Store, Path, int]) -> None:
    """Accepting moves only the accepting member's world: when another member wrote on the person too, both stay
    (their note would otherwise move into this member's merge, or point at nobody behind PostgreSQL's wall)."""
    store, _, suggestion = suggested
    with store.begin() as conn:
        conn.execute(text("INSERT INTO owners (name, created_at) VALUES ('Other Member', '2024-01-01')"))
        other = conn.execute(text("SELECT other_id FROM merge_suggestions WHERE id = :i"), {"i": suggestion}).scalar()
        conn.execute(text("INSERT INTO notes (owner_id, person_id, body, created_at) VALUES (2, :p, 'mine', 'x')"),
                     {"p": other})
    before = dump(store)
    with store.begin() as conn, pytest.raises(Conflict, match="another member"):
        decide_merge(conn, 1, suggestion, "accept")
    assert dump(store) == before
