"""A team in a few lines for any test: members with a password and an API token, each with an imported export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from twoway import accounts
from twoway.accounts import Member
from twoway.generator import generate_export
from twoway.store import Store
from twoway.views.imports import import_and_warm

PASSWORD = "correct horse battery staple"  # noqa: S105 - a test password
TODAY = date(2026, 11, 20)


@dataclass
class Mate:
    member: Member
    token: str
    name: str
    profile_url: str

    @property
    def owner_id(self) -> int:
        return self.member.owner_id

    @property
    def email(self) -> str:
        return self.member.email

    @property
    def bearer(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def make_member(store: Store, email: str, *, admin: bool = False, password: str | None = PASSWORD
                ) -> tuple[Member, str]:
    """A member of a team server (made one if need be) with a password and an API token."""
    with store.begin() as conn:
        accounts.mark_team(conn)
        member, code = accounts.add_member(conn, email, admin=admin)
        if password is not None:
            member = accounts.set_password(conn, code, password)
        return member, accounts.issue_token(conn, member.id, "tests")


def mate_with_export(store: Store, folder: Path, email: str, name: str, seed: int, *, admin: bool = False,
                     connections: int = 40) -> Mate:
    """A member whose own generated export is imported into their owner row."""
    member, token = make_member(store, email, admin=admin)
    export = generate_export(folder / email, seed=seed, connections=connections, owner_name=name, today=TODAY)
    import_and_warm(store, export.path, owner_id=member.owner_id)
    return Mate(member, token, name, export.owner_url)
