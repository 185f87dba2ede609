"""A team for the introduction tests: Alice, Bob and Carol (tests.graph's team), Bob with private facts about
Yuri (messages, a note, an e-mail address) that Alice must never see."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from tests.graph.test_graph_network import Team, build_team
from tests.web_support import add_message
from twoway import strength
from twoway.graph import cache
from twoway.people import owners
from twoway.people.notes import add_note
from twoway.people.owners import Owner
from twoway.store import Store

PRIVATE_MESSAGE = "Bob's private word to Yuri about the merger"
PRIVATE_NOTE = "Bob's note: Yuri is leaving Acme in March"
PRIVATE_EMAIL = "yuri.private@example.org"


@dataclass
class Members:
    team: Team
    alice: Owner
    bob: Owner
    carol: Owner

    @property
    def yuri(self) -> int:
        return self.team.people["Yuri Young"]


def build_members(store: Store) -> Members:
    cache.clear()
    team = build_team(store)
    yuri = team.people["Yuri Young"]
    bob_id = team.owners["Bob Baker"]
    with store.begin() as conn:
        add_message(conn, bob_id, yuri, "out", "2026-10-01", PRIVATE_MESSAGE)
        add_message(conn, bob_id, yuri, "in", "2026-10-02", "Thanks Bob, let us talk next week?")
        add_note(conn, bob_id, yuri, PRIVATE_NOTE)
        for owner_id in team.owners.values():  # what each member's import publishes of their ties
            strength.publish_bands(conn, owner_id)
        conn.execute(text("INSERT INTO person_emails (person_id, email, reason, created_at) "
                          "VALUES (:p, :e, 'contacts', '2026-01-01')"), {"p": yuri, "e": PRIVATE_EMAIL})
        return Members(team, *(owners.get(conn, team.owners[n]) for n in ("Alice Archer", "Bob Baker",
                                                                          "Carol Cole")))


def request_count(conn: Connection) -> int:
    return int(conn.execute(text("SELECT COUNT(*) FROM intro_requests")).scalar_one())
