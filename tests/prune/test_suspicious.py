"""Suspicious connections: flagged only on combined signals, with reasons; bursts found by window."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import text

from twoway.prune.suspicious import SuspectFacts, find_suspicious, load_facts
from twoway.store import Store

D = date(2024, 5, 1)


def _facts(pid: int, *, company: str | None = None, position: str | None = None, n: int = 0,
           blank: date | None = None) -> SuspectFacts:
    return SuspectFacts(pid, company, position, n, blank)


def test_burst_of_blank_invitations_is_flagged() -> None:
    burst = [_facts(i, company="Real Co", blank=D + timedelta(days=i % 2)) for i in range(1, 6)]
    found = find_suspicious(burst)
    assert set(found) == {1, 2, 3, 4, 5}
    assert "one of 5 blank invitations accepted within 2 days" in found[1].reason
    assert "never any interaction" in found[1].reason
    assert "no company" not in found[1].reason


def test_four_or_spread_out_is_not_a_burst() -> None:
    four = [_facts(i, company="Co", blank=D) for i in range(4)]
    assert find_suspicious(four) == {}
    spread = [_facts(i, company="Co", blank=D + timedelta(days=2 * i)) for i in range(6)]
    assert find_suspicious(spread) == {}


def test_empty_profile_needs_a_blank_invitation_and_silence() -> None:
    assert find_suspicious([_facts(1)]) == {}  # a private profile alone is not suspicious
    assert find_suspicious([_facts(1, blank=D, n=3)]) == {}  # they talked
    found = find_suspicious([_facts(1, blank=D), _facts(2, position="CTO", blank=D)])
    assert list(found) == [1]
    assert found[1].signals == ("no company and no position", "blank invitation accepted on 1 May 2024",
                                "never any interaction")


def test_burst_members_who_talked_are_not_flagged() -> None:
    rows = [_facts(i, blank=D) for i in range(6)] + [_facts(99, blank=D, n=1)]
    found = find_suspicious(rows)
    assert 99 not in found
    assert len(found) == 6


def test_load_facts_from_the_database(any_store: Store) -> None:
    with any_store.begin() as conn:
        conn.execute(text("INSERT INTO owners (id, name, created_at) VALUES (1, 'Owner', 'x')"))
        for pid in range(1, 8):
            conn.execute(text(
                "INSERT INTO people (id, url, name_key, full_name, company, position, created_at) "
                "VALUES (:id, :u, 'k', 'P', :c, '', 'x')"), {"id": pid, "u": f"u{pid}", "c": "" if pid < 7 else "Co"})
            conn.execute(text(
                "INSERT INTO connections (owner_id, person_id, connected_on) VALUES (1, :id, '2024-05-01')"),
                {"id": pid})
            conn.execute(text(
                "INSERT INTO invitations (owner_id, person_id, direction, sent_at, message, fingerprint) "
                "VALUES (1, :id, 'in', 1714500000, :m, :f)"),
                {"id": pid, "m": "" if pid != 6 else "Hi!", "f": f"f{pid}"})
        conn.execute(text(
            "INSERT INTO interactions (owner_id, person_id, direction, at, fingerprint) VALUES (1, 5, 'in', 1, 'i5')"))
        facts = {f.person_id: f for f in load_facts(conn, 1)}
    assert facts[5].interactions == 1
    assert facts[6].blank_invitation_on is None
    assert facts[1].blank_invitation_on == date(2024, 5, 1)
    found = find_suspicious(facts.values())
    # 1-4 and 7 are a burst of five blank acceptances; 5 talked; 6 wrote a note.
    assert set(found) == {1, 2, 3, 4, 7}
