"""Members and invitations: one owner row each, a code that works once and not after it expires."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.accounts.team_support import PASSWORD
from twoway import accounts
from twoway.accounts import secret
from twoway.errors import Conflict, InputError, Unauthorized
from twoway.store import Store


def test_a_member_gets_an_owner_row_of_their_own(any_store: Store) -> None:
    with any_store.begin() as conn:
        assert not accounts.is_team(conn)
        accounts.mark_team(conn)
        ada, _ = accounts.add_member(conn, " Ada@Example.com ", admin=True)
        bob, _ = accounts.add_member(conn, "bob@example.com")
        assert accounts.is_team(conn)
        names: dict[int, str] = dict(conn.execute(text("SELECT id, name FROM owners")).all())
    assert ada.email == "ada@example.com"
    assert ada.is_admin
    assert not ada.has_password
    assert ada.owner_id != bob.owner_id
    assert names == {ada.owner_id: "ada@example.com", bob.owner_id: "bob@example.com"}


def test_an_address_is_a_member_once_and_must_be_an_address(any_store: Store) -> None:
    with any_store.begin() as conn:
        accounts.add_member(conn, "ada@example.com")
    with pytest.raises(Conflict), any_store.begin() as conn:
        accounts.add_member(conn, "ADA@example.com")
    with pytest.raises(InputError), any_store.begin() as conn:
        accounts.add_member(conn, "not an address")


def test_an_invitation_sets_the_password_once(any_store: Store) -> None:
    with any_store.begin() as conn:
        member, code = accounts.add_member(conn, "ada@example.com")
        done = accounts.set_password(conn, code, PASSWORD)
    assert done.has_password
    with pytest.raises(Unauthorized, match="not valid"), any_store.begin() as conn:
        accounts.set_password(conn, code, "another password entirely")
    assert accounts.login(any_store, "ada@example.com", PASSWORD, client="x")[0].id == member.id


def test_an_invitation_expires(any_store: Store) -> None:
    with any_store.begin() as conn:
        _member, code = accounts.add_member(conn, "ada@example.com")
    days = 7  # team_invite_days
    with pytest.raises(Unauthorized, match="expired"), any_store.begin() as conn:
        accounts.set_password(conn, code, PASSWORD, now=secret.now() + days * 86400 + 1)
    with any_store.begin() as conn:
        assert accounts.set_password(conn, code, PASSWORD, now=secret.now() + days * 86400 - 60).has_password


def test_a_new_invitation_cancels_the_old_one_and_ends_sessions_when_used(any_store: Store) -> None:
    with any_store.begin() as conn:
        member, first = accounts.add_member(conn, "ada@example.com")
        accounts.set_password(conn, first, PASSWORD)
    _m, session = accounts.login(any_store, "ada@example.com", PASSWORD, client="x")
    with any_store.begin() as conn:
        second = accounts.invite(conn, member.id)
        third = accounts.invite(conn, member.id)
    with pytest.raises(Unauthorized), any_store.begin() as conn:
        accounts.set_password(conn, second, "a brand new password")
    with any_store.begin() as conn:
        accounts.set_password(conn, third, "a brand new password")
    assert accounts.by_session(any_store, session) is None  # a reset logs every browser out
