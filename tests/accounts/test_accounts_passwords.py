"""Passwords: argon2 hashes that verify, never the password itself, rehashed once the parameters change."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import text

from tests.accounts.team_support import PASSWORD, make_member
from twoway import accounts
from twoway.accounts import members, passwords
from twoway.errors import InputError, Unauthorized
from twoway.store import Store


def test_a_hash_verifies_its_password_only() -> None:
    stored = passwords.hash_password(PASSWORD)
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    assert passwords.verify(stored, PASSWORD) == (True, False)
    assert passwords.verify(stored, PASSWORD + "!") == (False, False)
    assert passwords.verify(None, PASSWORD) == (False, False)
    assert passwords.verify("not a hash", PASSWORD) == (False, False)


@pytest.mark.parametrize("bad", ["short", "x" * 1025])
def test_a_password_too_short_or_absurdly_long_is_refused(bad: str) -> None:
    with pytest.raises(InputError):
        passwords.check_strength(bad)


def test_login_rehashes_a_hash_made_with_older_parameters(any_store: Store) -> None:
    member, _token = make_member(any_store, "ada@example.com")
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)
    with any_store.begin() as conn:
        members.store_password(conn, member.id, weak)
    accounts.login(any_store, "ada@example.com", PASSWORD, client="10.0.0.1")
    with any_store.connect() as conn:
        now = members.password_hash(conn, member.id)
    assert now is not None
    assert now != weak
    assert not passwords.HASHER.check_needs_rehash(now)
    assert passwords.verify(now, PASSWORD)[0]


def test_a_wrong_password_or_an_unknown_address_gets_the_same_answer(any_store: Store) -> None:
    make_member(any_store, "ada@example.com")
    answers = []
    for email, password in (("ada@example.com", "wrong password here"), ("nobody@example.com", PASSWORD)):
        with pytest.raises(Unauthorized) as caught:
            accounts.login(any_store, email, password, client="10.0.0.1")
        answers.append(caught.value.message)
    assert answers[0] == answers[1]


def test_nothing_secret_is_stored_in_clear(any_store: Store) -> None:
    _ada, token = make_member(any_store, "ada@example.com")
    _member, session = accounts.login(any_store, "ada@example.com", PASSWORD, client="10.0.0.1")
    with any_store.connect() as conn:
        dumped = " ".join(str(v) for table in ("members", "member_tokens", "member_sessions", "member_invites")
                          for row in conn.execute(text(f"SELECT * FROM {table}")) for v in row)
    for secret in (PASSWORD, token, session):
        assert secret not in dumped
