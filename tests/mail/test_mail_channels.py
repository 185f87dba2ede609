"""States and strength use every channel: an e-mail answer closes a LinkedIn attempt, a meeting makes a tie
two-way, and the person is found by the e-mail address Connections.csv carried."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import text

from tests.network_builder import Net
from twoway import history, states
from twoway.calendars import import_calendar
from twoway.mail import import_mail
from twoway.store import Store
from twoway.strength import strength_of
from twoway.views.imports import source_of

TODAY = date(2024, 3, 1)


def _network(store: Store) -> tuple[int, int]:
    with store.begin() as conn:
        net = Net(conn, owner_name="Sam Owner")
        ann = net.person("Ann Lee", connected_on=date(2020, 1, 1))
        bo = net.person("Bo Berg", connected_on=date(2020, 1, 1))
        conn.execute(text("UPDATE connections SET email = 'ann@corp.example' WHERE person_id = :p"), {"p": ann})
        conn.execute(text("UPDATE connections SET email = 'bo@corp.example' WHERE person_id = :p"), {"p": bo})
        net.msg(ann, "out", date(2024, 2, 1), "Would you have time for a coffee next week?")
        conn.execute(text("INSERT INTO settings (key, value, updated_at) VALUES ('owner_emails', "
                          "'[\"sam@example.org\"]', 'x')"))
    return ann, bo


def _state(store: Store, pid: int) -> str:
    history.clear_cache()
    with store.connect() as conn:
        return states.state_of(conn, 1, pid, today=TODAY).state


def test_an_email_answer_closes_a_linkedin_attempt(any_store: Store, tmp_path: Path) -> None:
    ann, _ = _network(any_store)
    assert _state(any_store, ann) == "awaiting_reply"
    box = tmp_path / "Inbox.mbox"
    box.write_text("From x Mon Jan  1 00:00:00 2024\nFrom: Ann Lee <ANN@corp.example>\nTo: sam@example.org\n"
                   "Date: Mon, 05 Feb 2024 09:00:00 +0000\nMessage-ID: <a@x>\nSubject: Re: coffee\n\n"
                   "Gladly! Tuesday at ten works for me.\n", encoding="utf-8")
    assert source_of(box) == "mail"
    s = import_mail(any_store, box)
    assert s.people_added == 0
    assert s.people_matched == {"e-mail in LinkedIn connections": 1}
    # Their e-mail answered the LinkedIn attempt: no longer waiting on them, now the reply is the owner's to give.
    assert _state(any_store, ann) == "owe_reply"


def test_a_meeting_makes_a_tie_two_way(any_store: Store, tmp_path: Path) -> None:
    _, bo = _network(any_store)
    before = _state(any_store, bo)
    ics = tmp_path / "work.ics"
    ics.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:m1\r\nDTSTART:20240210T100000Z\r\n"
                   "SUMMARY:Planning\r\nORGANIZER:mailto:sam@example.org\r\n"
                   "ATTENDEE;PARTSTAT=ACCEPTED:mailto:bo@corp.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                   encoding="utf-8")
    assert source_of(ics) == "calendar"
    assert import_calendar(any_store, ics).meetings_added == 1
    assert before != "two_way"
    assert _state(any_store, bo) == "two_way"
    history.clear_cache()
    with any_store.connect() as conn:
        assert strength_of(conn, 1, bo, today=TODAY).score > 0
