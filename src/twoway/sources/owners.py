"""Whose mail, calendar or address book this is, and which addresses are theirs."""

from __future__ import annotations

from sqlalchemy import Connection, text

from twoway import clock
from twoway import settings as settings_mod
from twoway.errors import Ambiguous, NotFound
from twoway.sources.addresses import normalise_email


def pick_owner(conn: Connection, hint: str | None, fallback_name: str) -> tuple[int, str]:
    """The owner named by ``hint`` (id or name), else the only owner, else a new one named ``fallback_name``."""
    owners = [(int(i), str(n)) for i, n in conn.execute(text("SELECT id, name FROM owners ORDER BY id"))]
    if hint:
        wanted = hint.strip()
        found = [o for o in owners if str(o[0]) == wanted or o[1].casefold() == wanted.casefold()]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise Ambiguous(f"several owners are called {hint!r}; give the owner's number")
        if wanted.isdigit():
            raise NotFound(f"no owner number {wanted}", cli_hint="`twoway owners` lists them")
        return _create(conn, wanted), wanted
    if len(owners) == 1:
        return owners[0]
    if owners:
        raise Ambiguous("this database has several owners; say whose file this is",
                        cli_hint="name the owner with --owner")
    return _create(conn, fallback_name), fallback_name


def _create(conn: Connection, name: str) -> int:
    return int(conn.execute(text("INSERT INTO owners (name, created_at) VALUES (:n, :t) RETURNING id"),
                            {"n": name, "t": clock.now().isoformat(timespec="seconds")}).scalar_one())


def owner_addresses(conn: Connection, owner_id: int) -> dict[str, str]:
    """The owner's addresses → how each is known: the ``owner_emails`` setting, then those inferred before."""
    found: dict[str, str] = {}
    for raw in settings_mod.load(conn, owner_id).owner_emails:
        email = normalise_email(str(raw))
        if email:
            found[email] = "setting owner_emails"
    for email, reason in conn.execute(text("SELECT email, reason FROM owner_emails WHERE owner_id = :o"),
                                      {"o": owner_id}):
        found.setdefault(str(email), str(reason))
    return found


def remember_owner_addresses(conn: Connection, owner_id: int, addresses: dict[str, str]) -> None:
    """Keep inferred addresses so the next calendar or mail import knows them too."""
    known = set(owner_addresses(conn, owner_id))
    rows = [{"o": owner_id, "e": e, "r": r} for e, r in addresses.items() if e not in known]
    if rows:
        conn.execute(text("INSERT INTO owner_emails (owner_id, email, reason) VALUES (:o, :e, :r) "
                          "ON CONFLICT DO NOTHING"), rows)
