"""Introductions asked and given: every step allowed and refused, the audit log, what each side sees,
duplicates; on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.introductions.support import PRIVATE_EMAIL, PRIVATE_MESSAGE, PRIVATE_NOTE, Members, build_members
from twoway import introductions
from twoway.errors import Conflict, InputError, NotFound
from twoway.graph import cache
from twoway.introductions import records
from twoway.store import Store

#: How to bring a request to each status (steps as (who, action)), written out apart from the rules.
PATHS: dict[str, list[tuple[str, str]]] = {
    "asked": [],
    "accepted": [("via", "accept")],
    "declined": [("via", "decline")],
    "forwarded": [("via", "accept"), ("via", "forwarded")],
    "agreed": [("via", "accept"), ("via", "forwarded"), ("via", "agreed")],
    "refused": [("via", "accept"), ("via", "forwarded"), ("via", "refused")],
    "withdrawn": [("asker", "withdraw")],
}
#: The only steps that may be taken: (status, who, action) -> the status after.
ALLOWED = {
    ("asked", "via", "accept"): "accepted",
    ("asked", "via", "decline"): "declined",
    ("accepted", "via", "decline"): "declined",
    ("accepted", "via", "forwarded"): "forwarded",
    ("forwarded", "via", "agreed"): "agreed",
    ("forwarded", "via", "refused"): "refused",
    ("asked", "asker", "withdraw"): "withdrawn",
    ("accepted", "asker", "withdraw"): "withdrawn",
    ("forwarded", "asker", "withdraw"): "withdrawn",
}
ACTIONS = ("accept", "decline", "forwarded", "agreed", "refused", "withdraw")


@pytest.fixture
def members(any_store: Store) -> Iterator[Members]:
    yield build_members(any_store)
    cache.clear()


def test_the_whole_flow_each_side_sees_each_step(members: Members) -> None:
    store, alice, bob = members.team.store, members.alice, members.bob
    with store.begin() as conn:
        asked = introductions.ask(conn, alice, "Yuri Young", "Bob Baker", about="your data platform")
    assert asked.status == "asked"
    assert asked.side == "asked_by_me"
    assert asked.message.startswith("Hi Bob,")
    assert "about your data platform" in asked.message
    assert asked.actions == ["withdraw"]
    assert asked.blurb is None
    with store.connect() as conn:
        of_bob = introductions.requests(conn, bob.id)
    assert of_bob.asked_by_me == []
    [seen] = of_bob.asked_of_me
    assert (seen.id, seen.side, seen.actions) == (asked.id, "asked_of_me", ["accept", "decline"])
    assert seen.message == asked.message
    steps = [(bob, "accept", "Happy to", "accepted"), (bob, "forwarded", None, "forwarded"),
             (bob, "agreed", "Yuri says yes", "agreed")]
    for who, action, note, status in steps:
        with store.begin() as conn:
            done = introductions.act(conn, who, asked.id, action, note)
        assert done.status == status
        with store.connect() as conn:
            [mine] = introductions.requests(conn, alice.id).asked_by_me
        assert mine.status == status  # Alice sees every step
    assert mine.note == "Yuri says yes"
    assert mine.blurb is not None
    assert mine.blurb.startswith("Hi Yuri,")
    assert "Alice Archer (Alice's headline) asked whether I would introduce you." in mine.blurb
    assert "your data platform" in mine.blurb
    assert mine.actions == []
    with store.connect() as conn:
        for who in (alice, bob):
            log = introductions.audit_log(conn, who.id)
            assert [(e.actor.name, e.action, e.status) for e in reversed(log)] == [
                ("Alice Archer", "ask", "asked"), ("Bob Baker", "accept", "accepted"),
                ("Bob Baker", "forwarded", "forwarded"), ("Bob Baker", "agreed", "agreed")]
            assert {(e.asker.name, e.via.name, e.person.name) for e in log} == {
                ("Alice Archer", "Bob Baker", "Yuri Young")}
            assert log[-1].at <= log[0].at
        assert introductions.audit_log(conn, members.carol.id) == []


def test_every_step_allowed_and_refused(members: Members) -> None:
    store = members.team.store
    role_of = {"asker": members.alice, "via": members.bob}
    with store.connect() as conn:
        for status, path in PATHS.items():
            for who in ("asker", "via"):
                for action in ACTIONS:
                    trans = conn.begin()
                    try:
                        request = introductions.ask(conn, members.alice, f"#{members.yuri}", "Bob Baker")
                        for step_who, step in path:
                            introductions.act(conn, role_of[step_who], request.id, step)
                        assert introductions.view(conn, members.alice.id, request.id).status == status
                        expected = ALLOWED.get((status, who, action))
                        if expected is None:
                            with pytest.raises(Conflict):
                                introductions.act(conn, role_of[who], request.id, action)
                            after = introductions.view(conn, members.alice.id, request.id)
                            assert after.status == status, (status, who, action)
                        else:
                            done = introductions.act(conn, role_of[who], request.id, action)
                            assert done.status == expected, (status, who, action)
                        log = introductions.audit_log(conn, members.bob.id)
                        assert len(log) == 1 + len(path) + (expected is not None)
                    finally:
                        trans.rollback()
        trans = conn.begin()
        request = introductions.ask(conn, members.alice, f"#{members.yuri}", "Bob Baker")
        with pytest.raises(InputError, match="not a step"):
            introductions.act(conn, members.bob, request.id, "approve")
        with pytest.raises(Conflict, match="only the member asked can accept"):
            introductions.act(conn, members.alice, request.id, "accept")
        with pytest.raises(Conflict, match="only the member who asked can withdraw"):
            introductions.act(conn, members.bob, request.id, "withdraw")
        trans.rollback()


def test_only_the_two_members_involved_see_a_request(members: Members) -> None:
    store = members.team.store
    with store.begin() as conn:
        request = introductions.ask(conn, members.alice, "Yuri Young", "Bob Baker")
    with store.connect() as conn:
        carol = introductions.requests(conn, members.carol.id)
        assert carol.asked_by_me == []
        assert carol.asked_of_me == []
        with pytest.raises(NotFound, match=f"no introduction request #{request.id}"):
            introductions.view(conn, members.carol.id, request.id)
        for action in ACTIONS:
            with pytest.raises(NotFound):  # the same answer as for a request that does not exist
                introductions.act(conn, members.carol, request.id, action)
        with pytest.raises(NotFound, match="no introduction request #999"):
            introductions.act(conn, members.bob, 999, "accept")


def test_what_the_member_who_asked_sees_of_the_tie(members: Members) -> None:
    store = members.team.store
    with store.begin() as conn:
        request = introductions.ask(conn, members.alice, "Yuri Young", "Bob Baker")
        introductions.act(conn, members.bob, request.id, "accept", "Sure")
    with store.connect() as conn:
        seen = introductions.requests(conn, members.alice.id).to_dict()
        log = [e.to_dict() for e in introductions.audit_log(conn, members.alice.id)]
    [mine] = seen["asked_by_me"]
    assert mine["via"] == {"id": members.bob.id, "name": "Bob Baker"}
    assert mine["band"] in ("weak", "medium", "strong")
    assert set(mine["person"]) == {"id", "name", "company", "position"}  # no contact details
    text = json.dumps([seen, log])
    for secret in (PRIVATE_MESSAGE, PRIVATE_NOTE, PRIVATE_EMAIL, "score", "strength", "linkedin.com/in/yuri"):
        assert secret not in text, secret


def test_duplicates_and_bad_asks_are_refused(members: Members) -> None:
    store, alice = members.team.store, members.alice
    with store.begin() as conn:
        first = introductions.ask(conn, alice, "Yuri Young", "Bob Baker", message="  Hi Bob, could you?  ")
    assert first.message == "Hi Bob, could you?"
    with store.connect() as conn:
        with pytest.raises(Conflict, match=f"already asked Bob Baker .*#{first.id}"):
            introductions.ask(conn, alice, "Yuri Young", "Bob Baker")
        with pytest.raises(NotFound, match="no member called 'Nobody'"):
            introductions.ask(conn, alice, "Yuri Young", "Nobody")
        with pytest.raises(InputError, match="yourself"):
            introductions.ask(conn, alice, "Yuri Young", "Alice Archer")
        with pytest.raises(NotFound, match="Bob Baker is not connected with Zoe Zhang"):
            introductions.ask(conn, alice, "Zoe Zhang", "Bob Baker")
        with pytest.raises(Conflict, match="already connected with Sam Shared"):
            introductions.ask(conn, alice, "Sam Shared", "Bob Baker")
        with pytest.raises(InputError, match="keep it under"):
            introductions.ask(conn, alice, "Zoe Zhang", "Carol Cole", message="x" * 6000)
    with store.begin() as conn:  # another member who knows the person: a request of its own
        other = introductions.ask(conn, alice, "Yuri Young", str(members.carol.id))
        assert other.via.name == "Carol Cole"
        introductions.act(conn, alice, first.id, "withdraw", "found another way")
    with store.begin() as conn:  # once closed, asking again is a new request
        again = introductions.ask(conn, alice, "Yuri Young", "Bob Baker")
    assert again.id not in (first.id, other.id)
    with store.begin() as conn:
        assert introductions.forget_member(conn, members.bob.id) == 2
        assert [r.id for r in introductions.requests(conn, alice.id).asked_by_me] == [other.id]
        assert all(e.request_id == other.id for e in introductions.audit_log(conn, alice.id))


def test_the_database_keeps_one_open_request_when_two_asks_race(members: Members) -> None:
    """Two asks that both passed the check (two workers at once): the partial unique index refuses the second."""
    store = members.team.store
    with store.begin() as conn:
        records.insert(conn, members.alice.id, members.bob.id, members.yuri, "Hi", None)
    with store.begin() as conn, pytest.raises(Conflict, match="already asked"):
        records.insert(conn, members.alice.id, members.bob.id, members.yuri, "Hi again", None)
    with store.begin() as conn:  # a closed one does not count
        conn.exec_driver_sql("UPDATE intro_requests SET is_open = 0, status = 'withdrawn'")
        records.insert(conn, members.alice.id, members.bob.id, members.yuri, "Hi once more", None)
        assert len(records.mine(conn, members.alice.id)) == 2
