"""The second wall between team members on PostgreSQL: row-level security on the wholly private tables.

A transaction bound to a member (``twoway.owner`` set for it alone) sees and writes only that member's rows of
these tables, whatever its SQL asks; an unbound one (the single-user mode, imports, the admin) sees them all.
The policy binds every role but a superuser or a role with BYPASSRLS (PostgreSQL lets those through whatever
the table says): a team server's web workers connect as an ordinary role for the wall to stand. SQLite has no
such thing; there the queries' own ``owner_id`` filters are the one wall.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

#: Tables every row of which is one member's own. ``connections`` is not one: the members' merged network
#: reads every member's (owner, person) pairs; its one private column, ``email``, is read only by its owner.
PRIVATE_TABLES = ("notes", "tags", "interactions", "invitations", "decisions", "merge_suggestions",
                  "owner_emails", "person_emails", "jobs", "conversations", "endorsements", "recommendations",
                  "contacts", "owner_positions", "settings", "merges_done")

SETTING = "twoway.owner"
_UNBOUND = f"COALESCE(current_setting('{SETTING}', true), '') = ''"
MEMBER_ROWS = f"owner_id = NULLIF(current_setting('{SETTING}', true), '')::bigint OR {_UNBOUND}"
#: Rows every member reads but none changes while bound: settings of owner 0 are the database's own.
SHARED_ROWS = {"settings": "owner_id = 0"}


def policies(table: str) -> list[str]:
    """The policy statements for one table (permissive policies add up: a shared row is readable, not writable)."""
    out = [f"CREATE POLICY member_rows ON {table} USING ({MEMBER_ROWS}) WITH CHECK ({MEMBER_ROWS})"]
    if table in SHARED_ROWS:
        out.append(f"CREATE POLICY shared_rows ON {table} FOR SELECT USING ({SHARED_ROWS[table]})")
    return out


def bind_member(conn: Connection, owner_id: int | None) -> None:
    """Bind this transaction to one member (PostgreSQL; nothing on SQLite or when no member is named)."""
    if owner_id is not None and conn.dialect.name == "postgresql":
        conn.execute(text("SELECT set_config(:name, :id, true)"), {"name": SETTING, "id": str(owner_id)})
