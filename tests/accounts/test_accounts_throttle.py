"""Failed logins are counted in the database, per account and per address, and make the next one wait."""

from __future__ import annotations

import pytest

from tests.accounts.team_support import PASSWORD, make_member
from twoway import accounts
from twoway.accounts import secret, throttle
from twoway.errors import TooManyAttempts, Unauthorized
from twoway.store import Store


def _fail(store: Store, email: str, client: str, times: int) -> None:
    for _ in range(times):
        with pytest.raises(Unauthorized):
            accounts.login(store, email, "wrong password here", client=client)


def test_an_account_waits_after_too_many_failures_even_with_the_right_password(any_store: Store) -> None:
    make_member(any_store, "ada@example.com")
    _fail(any_store, "ada@example.com", "10.0.0.1", throttle.PER_ACCOUNT)
    with pytest.raises(TooManyAttempts) as caught:
        accounts.login(any_store, "ada@example.com", PASSWORD, client="10.0.0.2")  # another address too
    assert 0 < caught.value.retry_after <= throttle.WINDOW_S
    with any_store.connect() as conn:
        later = secret.now() + throttle.WINDOW_S + 1
        assert throttle.wait_seconds(conn, "ada@example.com", "10.0.0.2", now=later) == 0


def test_a_good_login_clears_the_account_count(any_store: Store) -> None:
    make_member(any_store, "ada@example.com")
    _fail(any_store, "ada@example.com", "10.0.0.1", throttle.PER_ACCOUNT - 1)
    accounts.login(any_store, "ada@example.com", PASSWORD, client="10.0.0.1")
    _fail(any_store, "ada@example.com", "10.0.0.1", throttle.PER_ACCOUNT - 1)
    accounts.login(any_store, "ada@example.com", PASSWORD, client="10.0.0.1")


def test_an_address_guessing_many_accounts_waits(any_store: Store) -> None:
    make_member(any_store, "ada@example.com")
    for n in range(throttle.PER_CLIENT):
        _fail(any_store, f"guess{n}@example.com", "10.6.6.6", 1)
    with pytest.raises(TooManyAttempts):
        accounts.login(any_store, "ada@example.com", PASSWORD, client="10.6.6.6")
    accounts.login(any_store, "ada@example.com", PASSWORD, client="10.0.0.1")
