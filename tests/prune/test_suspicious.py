"""Looks fake or bought: only when two independent signals about *them* agree, each said in words; the owner
accepting many invitations at once is no signal."""

from __future__ import annotations

from sqlalchemy import text

from twoway.prune.suspicious import SuspectFacts, find_suspicious, load_facts, signals_of
from twoway.store import Store


def _f(pid: int = 1, name: str = "Ada Lovelace", url: str | None = "https://www.linkedin.com/in/ada-lovelace-3b2a1c",
       company: str | None = "Engines", position: str | None = "CTO", pitch_only: bool = False) -> SuspectFacts:
    return SuspectFacts(pid, name, url, company, position, pitch_only)


def test_a_real_profile_with_linkedins_hex_suffix_has_no_signal() -> None:
    assert signals_of(_f()) == []
    assert signals_of(_f(url="https://www.linkedin.com/in/ACoAAB1234567")) == []  # an id link, not a throwaway


def test_one_signal_alone_is_never_a_flag() -> None:
    quiet = _f(company=None, position=None)  # a private profile
    assert signals_of(quiet) == ["no company and no position"]
    assert find_suspicious([quiet]) == {}
    assert find_suspicious([_f(pitch_only=True)]) == {}


def test_two_signals_about_them_flag_with_both_in_words() -> None:
    bot = _f(2, name="Sales 4 U", url="https://www.linkedin.com/in/x93847261", company=None, position=None)
    spammer = _f(3, company="", position="", pitch_only=True)
    found = find_suspicious([_f(), bot, spammer])
    assert set(found) == {2, 3}
    assert found[2].signals == ("no company and no position", "a throwaway-looking profile address",
                                "a name that is no name")
    assert found[3].reason == ("looks fake or bought: no company and no position; "
                               "nothing from them but pitches, never answered")


def test_load_facts_reads_profiles_of_current_connections(any_store: Store) -> None:
    with any_store.begin() as conn:
        conn.execute(text("INSERT INTO owners (id, name, created_at) VALUES (1, 'Owner', 'x')"))
        rows = [(1, "Ann Example", "https://www.linkedin.com/in/ann-example", "Co", "CTO", "connected"),
                (2, "Zz", "https://www.linkedin.com/in/u0129384756", "", "", "connected"),
                (3, "Gone Person", "https://www.linkedin.com/in/gone", "", "", "removed")]
        for pid, name, url, company, position, status in rows:
            conn.execute(text("INSERT INTO people (id, url, name_key, full_name, company, position, created_at) "
                              "VALUES (:i, :u, :k, :n, :c, :p, 'x')"),
                         {"i": pid, "u": url, "k": name.lower(), "n": name, "c": company, "p": position})
            conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on, status) "
                              "VALUES (1, :i, '2024-05-01', :s)"), {"i": pid, "s": status})
    with any_store.connect() as conn:
        facts = load_facts(conn, 1, {2: True})
    assert [(f.person_id, f.pitch_only) for f in facts] == [(1, False), (2, True)]
    assert set(find_suspicious(facts)) == {2}
