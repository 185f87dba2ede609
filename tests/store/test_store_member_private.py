"""m011_member_private on a database that already holds two members: each address, job and setting goes to the
member whose import wrote it, and nothing private is left on the shared person row."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, text

from twoway import settings as settings_mod
from twoway.store import apply_migrations, open_store


def _insert(conn: Connection, sql: str, **values: object) -> int:
    return int(conn.execute(text(sql + " RETURNING id"), values).scalar_one())


def test_private_rows_follow_the_import_that_wrote_them(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "old.db"), migrate=False)
    with store.begin() as conn:
        apply_migrations(conn, upto="m010_import_connections")
        a = _insert(conn, "INSERT INTO owners (name, created_at) VALUES ('Ada', 'x')")
        b = _insert(conn, "INSERT INTO owners (name, created_at) VALUES ('Ben', 'x')")
        files = {}
        for owner in (a, b):
            imp = _insert(conn, "INSERT INTO imports (owner_id, source, started_at) VALUES (:o, 'linkedin', 'x')",
                          o=owner)
            files[owner] = _insert(conn, "INSERT INTO import_files (import_id, name, kind) "
                                         "VALUES (:i, 'Connections.csv', 'connections')", i=imp)
        # Pat is both members' connection; Ada's export carried the address (it wrote the person row last).
        pat = _insert(conn, "INSERT INTO people (name_key, full_name, email, source_id, created_at) "
                            "VALUES ('pat', 'Pat', 'pat@example.org', :s, 'x')", s=files[a])
        # Quinn is Ben's alone: the address is his whoever wrote the row.
        quinn = _insert(conn, "INSERT INTO people (name_key, full_name, email, created_at) "
                              "VALUES ('quinn', 'Quinn', 'quinn@example.org', 'x')")
        for owner, person in ((a, pat), (b, pat), (b, quinn)):
            conn.execute(text("INSERT INTO connections (owner_id, person_id, source_id) VALUES (:o, :p, :s)"),
                         {"o": owner, "p": person, "s": files[owner]})
        conn.execute(text("INSERT INTO jobs (person_id, company, position, first_seen, last_seen, source_id) "
                          "VALUES (:p, 'Acme', 'CTO', '2024-01-01', '2025-01-01', :s)"), {"p": pat, "s": files[b]})
        conn.execute(text("INSERT INTO person_emails (person_id, email, reason, source_id, created_at) "
                          "VALUES (:p, 'pat@home.example', 'from mail', :s, 'x')"), {"p": pat, "s": files[a]})
        conn.execute(text("INSERT INTO settings (key, value, updated_at) VALUES ('cadence_days', '200', 'x')"))
    with store.begin() as conn:
        assert apply_migrations(conn)[:1] == ["m011_member_private"]
        emails = conn.execute(text("SELECT owner_id, person_id, email FROM connections ORDER BY owner_id, person_id"))
        assert [tuple(r) for r in emails] == [(a, pat, "pat@example.org"), (b, pat, None),
                                              (b, quinn, "quinn@example.org")]
        assert conn.execute(text("SELECT COUNT(*) FROM people WHERE email IS NOT NULL")).scalar_one() == 0
        assert conn.execute(text("SELECT owner_id FROM jobs")).scalar_one() == b
        assert conn.execute(text("SELECT owner_id FROM person_emails")).scalar_one() == a
        # With two members, a setting made before is the database's own: both read it, each may change it.
        assert settings_mod.load(conn, a).cadence_days == settings_mod.load(conn, b).cadence_days == 200
        settings_mod.set_value(conn, "cadence_days", 90, a)
        assert (settings_mod.load(conn, a).cadence_days, settings_mod.load(conn, b).cadence_days) == (90, 200)
        settings_mod.reset(conn, "cadence_days", a)
        assert settings_mod.load(conn, a).cadence_days == 200
    store.close()


def test_one_members_settings_are_theirs_alone(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "one.db"), migrate=False)
    with store.begin() as conn:
        apply_migrations(conn, upto="m010_import_connections")
        a = _insert(conn, "INSERT INTO owners (name, created_at) VALUES ('Ada', 'x')")
        conn.execute(text("INSERT INTO settings (key, value, updated_at) VALUES ('cadence_days', '200', 'x')"))
    with store.begin() as conn:
        apply_migrations(conn)
        assert conn.execute(text("SELECT owner_id FROM settings")).scalar_one() == a
        # Single-user mode reads and writes as before, whichever way the member is named.
        assert settings_mod.load(conn).cadence_days == settings_mod.load(conn, a).cadence_days == 200
        settings_mod.reset(conn, "cadence_days")
        assert settings_mod.load(conn, a).cadence_days == settings_mod.declaration("cadence_days").default
    store.close()
