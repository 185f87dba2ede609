"""Sessions end when idle, at their absolute expiry, or when revoked; API tokens when revoked."""

from __future__ import annotations

import pytest

from tests.accounts.team_support import PASSWORD, make_member
from twoway import accounts
from twoway import settings as settings_mod
from twoway.accounts import secret, sessions, tokens
from twoway.errors import InputError, NotFound
from twoway.store import Store


def test_a_session_ends_after_being_idle(any_store: Store) -> None:
    member, _ = make_member(any_store, "ada@example.com")
    with any_store.begin() as conn:
        settings_mod.set_value(conn, "session_idle_minutes", 30)
        t0 = secret.now()
        token = sessions.start(conn, member.id, now=t0)
        assert sessions.resolve(conn, token, now=t0 + 29 * 60) is not None  # and marks it seen then
        assert sessions.resolve(conn, token, now=t0 + 58 * 60) is not None  # 29 minutes after that
        assert sessions.resolve(conn, token, now=t0 + 29 * 60 + 30 * 60 + 1 + 29 * 60) is None


def test_a_session_ends_at_its_absolute_expiry_however_active(any_store: Store) -> None:
    member, _ = make_member(any_store, "ada@example.com")
    with any_store.begin() as conn:
        settings_mod.set_value(conn, "session_max_days", 1)
        t0 = secret.now()
        token = sessions.start(conn, member.id, now=t0)
        for hour in range(1, 24):
            assert sessions.resolve(conn, token, now=t0 + hour * 3600) is not None
        assert sessions.resolve(conn, token, now=t0 + 86400) is None


def test_a_member_revokes_their_own_sessions_only(any_store: Store) -> None:
    ada, _ = make_member(any_store, "ada@example.com")
    bob, _ = make_member(any_store, "bob@example.com")
    _m, first = accounts.login(any_store, "ada@example.com", PASSWORD, client="a")
    _m, second = accounts.login(any_store, "ada@example.com", PASSWORD, client="b")
    found = accounts.by_session(any_store, first)
    assert found is not None
    assert found[0].id == ada.id
    with any_store.begin() as conn:
        live = sessions.of_member(conn, ada.id, current=found[1])
        assert [s.current for s in live].count(True) == 1
        assert len(live) == 2
        with pytest.raises(NotFound):
            sessions.revoke(conn, bob.id, found[1])
        sessions.revoke(conn, ada.id, found[1])
    assert accounts.by_session(any_store, first) is None
    assert accounts.by_session(any_store, second) is not None


def test_api_tokens_are_labelled_and_revocable(any_store: Store) -> None:
    ada, token = make_member(any_store, "ada@example.com")
    bob, _ = make_member(any_store, "bob@example.com")
    found = accounts.by_token(any_store, token)
    assert found is not None
    assert found.id == ada.id
    assert accounts.by_token(any_store, token + "x") is None
    with any_store.begin() as conn:
        (listed,) = tokens.of_member(conn, ada.id)
        assert listed.label == "tests"
        assert listed.last_used_at is not None
        with pytest.raises(NotFound):
            tokens.revoke(conn, bob.id, listed.id)
        with pytest.raises(InputError):
            tokens.issue_token(conn, ada.id, "  ")
        tokens.revoke(conn, ada.id, listed.id)
    assert accounts.by_token(any_store, token) is None
