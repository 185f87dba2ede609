"""The schema as an ordered list of small migrations, applied whenever a database is opened.

Each migration is a function taking a connection; it runs inside the transaction that records
it in ``migrations``, so a database is always at one named version. The SQL is portable between
SQLite and PostgreSQL: ``{pk}`` becomes each engine's auto-increment key, times are epoch
seconds (BIGINT), dates are ISO text, flags are 0/1 integers. Never edit a migration that has
shipped: add a new one, at the end.

Names are ``m001_…, m002_…`` in exactly the order they are applied, with no gaps. A migration is
recorded by its name, so renaming one that has shipped means adding the name databases already hold
to ``RECORDED_AS``: opening translates those rows before deciding what to apply.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy import Connection, text

from twoway.reading import KINDS, read_many
from twoway.store.ddl import ddl as _ddl

Migration = Callable[[Connection], None]
MIGRATIONS: list[Migration] = []


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append(fn)
    return fn


#: Every name a released version recorded in ``migrations`` -> the name the same migration has now.
#: Until the names were made contiguous the graph migration was ``m008_graph`` (applied sixth; there
#: never was an m006 or m007). Never remove an entry: a database may be opened years later.
RECORDED_AS: dict[str, str] = {
    "m001_core": "m001_core",
    "m002_invitations_endorsements_recommendations_contacts":
        "m002_invitations_endorsements_recommendations_contacts",
    "m003_owner_entries": "m003_owner_entries",
    "m004_import_file_identity": "m004_import_file_identity",
    "m005_history_covering_index": "m005_history_covering_index",
    "m008_graph": "m006_graph",
}


@migration
def m001_core(conn: Connection) -> None:
    """Owners, imports, people, connections, job history, conversations and interactions."""
    _ddl(conn, """
    CREATE TABLE owners (
        id {pk},
        person_id BIGINT,
        name TEXT NOT NULL,
        first_name TEXT, last_name TEXT,
        profile_url TEXT,
        headline TEXT, summary TEXT, industry TEXT, location TEXT,
        created_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX owners_profile_url ON owners (profile_url);

    CREATE TABLE imports (
        id {pk},
        owner_id BIGINT,
        source TEXT NOT NULL,
        archive_name TEXT,
        exported_on TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        summary TEXT
    );
    CREATE TABLE import_files (
        id {pk},
        import_id BIGINT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        rows_read BIGINT NOT NULL DEFAULT 0
    );

    CREATE TABLE people (
        id {pk},
        url TEXT,
        name_key TEXT NOT NULL,
        first_name TEXT, last_name TEXT,
        full_name TEXT NOT NULL,
        email TEXT,
        company TEXT, position TEXT,
        low_confidence INTEGER NOT NULL DEFAULT 0,
        source_id BIGINT,
        created_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX people_url ON people (url);
    CREATE INDEX people_name_key ON people (name_key);

    CREATE TABLE connections (
        id {pk},
        owner_id BIGINT NOT NULL,
        person_id BIGINT NOT NULL,
        connected_on TEXT,
        status TEXT NOT NULL DEFAULT 'connected',
        removed_on TEXT,
        last_seen_on TEXT,
        source_id BIGINT
    );
    CREATE UNIQUE INDEX connections_owner_person ON connections (owner_id, person_id);
    CREATE INDEX connections_person ON connections (person_id);

    CREATE TABLE jobs (
        id {pk},
        person_id BIGINT NOT NULL,
        company TEXT NOT NULL DEFAULT '',
        position TEXT NOT NULL DEFAULT '',
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        source_id BIGINT
    );
    CREATE UNIQUE INDEX jobs_person_company_position ON jobs (person_id, company, position);

    CREATE TABLE owner_positions (
        id {pk},
        owner_id BIGINT NOT NULL,
        company TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        description TEXT, location TEXT,
        started_on TEXT NOT NULL DEFAULT '',
        finished_on TEXT,
        source_id BIGINT
    );
    CREATE UNIQUE INDEX owner_positions_key ON owner_positions (owner_id, company, title, started_on);

    CREATE TABLE conversations (
        id {pk},
        owner_id BIGINT NOT NULL,
        external_id TEXT NOT NULL,
        title TEXT,
        kind TEXT NOT NULL DEFAULT 'direct'
    );
    CREATE UNIQUE INDEX conversations_owner_external ON conversations (owner_id, external_id);

    CREATE TABLE conversation_members (
        conversation_id BIGINT NOT NULL,
        person_id BIGINT NOT NULL
    );
    CREATE UNIQUE INDEX conversation_members_key ON conversation_members (conversation_id, person_id);

    CREATE TABLE interactions (
        id {pk},
        owner_id BIGINT NOT NULL,
        person_id BIGINT,
        conversation_id BIGINT,
        kind TEXT NOT NULL DEFAULT 'message',
        channel TEXT NOT NULL DEFAULT 'linkedin',
        direction TEXT NOT NULL,
        at BIGINT NOT NULL,
        subject TEXT,
        content TEXT,
        folder TEXT,
        origin TEXT NOT NULL DEFAULT 'import',
        fingerprint TEXT NOT NULL,
        source_id BIGINT,
        created_at TEXT
    );
    CREATE UNIQUE INDEX interactions_fingerprint ON interactions (owner_id, fingerprint);
    CREATE INDEX interactions_person_at ON interactions (owner_id, person_id, at)
    """)


@migration
def m002_invitations_endorsements_recommendations_contacts(conn: Connection) -> None:
    """What the export says about invitations, endorsements, recommendations and address books."""
    _ddl(conn, """
    CREATE TABLE invitations (
        id {pk},
        owner_id BIGINT NOT NULL,
        person_id BIGINT,
        direction TEXT NOT NULL,
        sent_at BIGINT NOT NULL,
        from_name TEXT, to_name TEXT,
        message TEXT,
        origin TEXT NOT NULL DEFAULT 'import',
        withdrawn_on TEXT,
        fingerprint TEXT NOT NULL,
        source_id BIGINT
    );
    CREATE UNIQUE INDEX invitations_fingerprint ON invitations (owner_id, fingerprint);
    CREATE INDEX invitations_person ON invitations (owner_id, person_id);

    CREATE TABLE endorsements (
        id {pk},
        owner_id BIGINT NOT NULL,
        person_id BIGINT NOT NULL,
        direction TEXT NOT NULL,
        skill TEXT NOT NULL,
        at BIGINT,
        status TEXT,
        source_id BIGINT
    );
    CREATE UNIQUE INDEX endorsements_key ON endorsements (owner_id, person_id, direction, skill);

    CREATE TABLE recommendations (
        id {pk},
        owner_id BIGINT NOT NULL,
        person_id BIGINT NOT NULL,
        direction TEXT NOT NULL,
        body TEXT,
        company TEXT, job_title TEXT,
        at BIGINT,
        status TEXT,
        source_id BIGINT
    );
    CREATE UNIQUE INDEX recommendations_key ON recommendations (owner_id, person_id, direction, at);

    CREATE TABLE contacts (
        id {pk},
        owner_id BIGINT NOT NULL,
        full_name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        emails TEXT, companies TEXT, title TEXT,
        origin TEXT,
        fingerprint TEXT NOT NULL,
        source_id BIGINT
    );
    CREATE UNIQUE INDEX contacts_fingerprint ON contacts (owner_id, fingerprint);
    CREATE INDEX contacts_name_key ON contacts (owner_id, name_key)
    """)


@migration
def m003_owner_entries(conn: Connection) -> None:
    """What the owner enters by hand: tags, notes, review decisions, settings. Never overwritten by imports."""
    _ddl(conn, """
    CREATE TABLE tags (
        id {pk},
        owner_id BIGINT NOT NULL,
        person_id BIGINT NOT NULL,
        tag TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX tags_key ON tags (owner_id, person_id, tag);
    CREATE INDEX tags_tag ON tags (owner_id, tag);

    CREATE TABLE notes (
        id {pk},
        owner_id BIGINT NOT NULL,
        person_id BIGINT NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX notes_person ON notes (owner_id, person_id);

    CREATE TABLE decisions (
        id {pk},
        owner_id BIGINT NOT NULL,
        person_id BIGINT,
        invitation_id BIGINT,
        subject TEXT NOT NULL,
        verdict TEXT NOT NULL,
        until TEXT,
        note TEXT,
        decided_at TEXT NOT NULL
    );
    CREATE INDEX decisions_person ON decisions (owner_id, subject, person_id);

    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """)


@migration
def m004_import_file_identity(conn: Connection) -> None:
    """What each imported file was: its content identity (size and CRC-32), so an unchanged file is not read
    again, its size, encoding and the rows it skipped."""
    _ddl(conn, """
    ALTER TABLE import_files ADD COLUMN content_id TEXT;
    ALTER TABLE import_files ADD COLUMN bytes BIGINT;
    ALTER TABLE import_files ADD COLUMN encoding TEXT;
    ALTER TABLE import_files ADD COLUMN rows_skipped BIGINT NOT NULL DEFAULT 0;
    CREATE INDEX import_files_content ON import_files (content_id);
    CREATE INDEX imports_owner ON imports (owner_id)
    """)


@migration
def m005_history_covering_index(conn: Connection) -> None:
    """Read an owner's whole history from one index, in person and time order, without touching the table."""
    _ddl(conn, """
    CREATE INDEX interactions_history
        ON interactions (owner_id, person_id, at, direction, kind, channel, conversation_id)
    """)


@migration
def m006_graph(conn: Connection) -> None:
    """Loaded edge lists (`twoway graph load`), kept as their compact CSR arrays in binary chunks.

    One row per graph plus its arrays in ≤4 MB chunks: loading a million-edge graph back is a few
    reads and ``np.frombuffer`` (no per-edge rows to parse or index), it stays inside the database
    (one file to back up, works on PostgreSQL), and the CSR is never rebuilt.
    """
    blob = "BLOB" if conn.dialect.name == "sqlite" else "BYTEA"
    _ddl(conn, """
    CREATE TABLE graphs (
        id {pk},
        name TEXT NOT NULL,
        source TEXT,
        nodes BIGINT NOT NULL,
        edges BIGINT NOT NULL,
        label_kind TEXT NOT NULL,
        sha256 TEXT,
        loaded_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX graphs_name ON graphs (name);
    CREATE TABLE graph_chunks (
        graph_id BIGINT NOT NULL,
        part TEXT NOT NULL,
        seq INTEGER NOT NULL,
        data {blob} NOT NULL
    );
    CREATE UNIQUE INDEX graph_chunks_key ON graph_chunks (graph_id, part, seq)
    """.replace("{blob}", blob))


@migration
def m007_store_revision(conn: Connection) -> None:
    """One number every write transaction raises (``Store.begin`` bumps it first), so a cache of what
    was read can be keyed on it: same database (its random token) and same revision, same data."""
    _ddl(conn, """
    CREATE TABLE store_revision (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        revision BIGINT NOT NULL,
        token TEXT NOT NULL
    )
    """)
    # A database made again at the same path starts at revision 1 too: the token tells them apart.
    conn.execute(text("INSERT INTO store_revision (id, revision, token) VALUES (1, 1, :t)"), {"t": uuid.uuid4().hex})


@migration
def m008_message_reading(conn: Connection) -> None:
    """What each message asks of its reader (``reading``: question, news, courtesy, pitch, automated) and
    its language, read once here and at every import after; the history's covering index carries it."""
    _ddl(conn, """
    ALTER TABLE interactions ADD COLUMN reading TEXT;
    ALTER TABLE interactions ADD COLUMN language TEXT;
    DROP INDEX interactions_history;
    CREATE INDEX interactions_history
        ON interactions (owner_id, person_id, at, direction, kind, channel, conversation_id, reading)
    """)
    # Messages already imported are read now, in batches (a million rows never sit in memory at once).
    conn.execute(text("UPDATE interactions SET reading = 'automated' WHERE kind IN ('sponsored', 'system')"))
    select = text("SELECT id, content FROM interactions WHERE kind IN ('message', 'email') "
                  "AND id > :after ORDER BY id LIMIT 5000")
    update = text("UPDATE interactions SET reading = :r, language = :l WHERE id = :id")
    after = 0
    while True:
        rows = conn.execute(select, {"after": after}).all()
        if not rows:
            break
        kinds, languages = read_many([r[1] for r in rows])
        conn.execute(update, [{"id": r[0], "r": KINDS[k], "l": lang}
                              for r, k, lang in zip(rows, kinds.tolist(), languages, strict=True)])
        after = int(rows[-1][0])


@migration
def m009_sources(conn: Connection) -> None:
    """Mail, calendars, address books: people's addresses (with why each is theirs), the owner's own addresses,
    likely matches between people for the owner to confirm."""
    _ddl(conn, """
    CREATE TABLE person_emails (id {pk}, person_id BIGINT NOT NULL, email TEXT NOT NULL, reason TEXT NOT NULL,
        source_id BIGINT, created_at TEXT NOT NULL);
    CREATE UNIQUE INDEX person_emails_email ON person_emails (email);
    CREATE INDEX person_emails_person ON person_emails (person_id);
    CREATE TABLE owner_emails (owner_id BIGINT NOT NULL, email TEXT NOT NULL, reason TEXT NOT NULL);
    CREATE UNIQUE INDEX owner_emails_key ON owner_emails (owner_id, email);
    CREATE TABLE merge_suggestions (id {pk}, owner_id BIGINT NOT NULL, person_id BIGINT NOT NULL,
        other_id BIGINT NOT NULL, reason TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'open', created_at TEXT NOT NULL);
    CREATE UNIQUE INDEX merge_suggestions_pair ON merge_suggestions (owner_id, person_id, other_id)
    """)


@migration
def m010_import_connections(conn: Connection) -> None:
    """Which connections each import listed, so forgetting an import can recompute every status from the rest;
    imports before this are filled in from each connection's first import and its last-seen date."""
    _ddl(conn, """
    CREATE TABLE import_connections (import_id BIGINT NOT NULL, person_id BIGINT NOT NULL);
    CREATE UNIQUE INDEX import_connections_key ON import_connections (import_id, person_id);
    INSERT INTO import_connections (import_id, person_id)
        SELECT i.id, c.person_id FROM connections c
        JOIN import_files f ON f.id = c.source_id JOIN imports i0 ON i0.id = f.import_id
        JOIN imports i ON i.owner_id = c.owner_id AND i.finished_at IS NOT NULL
        WHERE i.id = i0.id OR (i.exported_on >= i0.exported_on AND i.exported_on <= c.last_seen_on)
    """)
