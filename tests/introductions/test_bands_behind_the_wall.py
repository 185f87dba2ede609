"""On a team server's PostgreSQL a member's transaction cannot read another member's history (row-level
security), so the band of another member's tie comes from what that member published (``member_ties``), not
from a score worked out again: Bob's strong tie to Yuri reads "strong" to Alice on routes and on her request.
Tested as an ordinary role (superusers pass through row security), as a team server's workers connect."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.introductions.support import build_members
from tests.store.test_store_privacy import Bound, _member_role
from tests.web_support import add_message
from twoway import introductions, strength
from twoway.graph import cache, intros
from twoway.store import open_store

TODAY = date(2026, 11, 1)


def test_a_bound_member_sees_anothers_strong_tie_as_strong(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", TODAY.isoformat())
    admin = open_store(pg_url)
    members = build_members(admin)
    bob, yuri = members.bob.id, members.yuri
    with admin.begin() as conn:  # Bob and Yuri write every other week, both ways: a strong tie
        for week in range(2, 60, 2):
            day = (TODAY - timedelta(weeks=week)).isoformat()
            add_message(conn, bob, yuri, "out", day, f"How is the project going, week {week}?")
            add_message(conn, bob, yuri, "in", day, f"Going well, thanks for asking (week {week}).")
        assert strength.band(strength.compute_strengths(conn, bob, person_ids=[yuri])[yuri].score) == "strong"
        strength.publish_bands(conn, bob, person_ids=[yuri])  # what Bob's import and log do
    with _member_role(pg_url) as member_url:
        store = open_store(member_url)
        try:
            cache.clear()
            with Bound(store, members.alice.id, "Alice Archer").write() as (conn, alice):
                found = intros.introductions(conn, alice, "me", "Yuri Young")
                [via_bob] = [r for r in found["routes"] if r["intermediary"]["name"] == "Bob Baker"]
                assert [(link["basis"], link["band"]) for link in via_bob["links"][1:]] == [
                    ("Bob Baker's tie (band only)", "strong")]
                asked = introductions.ask(conn, alice, "Yuri Young", "Bob Baker")
                assert asked.band == "strong"
            with Bound(store, alice.id, "Alice Archer").read() as (conn, _alice):
                [mine] = introductions.requests(conn, alice.id).asked_by_me
                assert mine.band == "strong"
        finally:
            store.close()
            cache.clear()
    admin.close()
