"""The note coach: reading and linting invitation notes, and drafting personalised ones."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, text

from twoway import clock
from twoway.identity import name_key
from twoway.invitations import coach as notes_coach
from twoway.reading import notes
from twoway.settings import Settings
from twoway.store import Store

SAMPLES = json.loads((Path(__file__).parents[1] / "data" / "invitation_notes.json").read_text("utf-8"))
CASES = SAMPLES["cases"]
OWNER = SAMPLES["owner"]
TODAY = date(2025, 6, 15)


@pytest.mark.parametrize("case", [c for c in CASES if "lint" in c], ids=lambda c: c["id"])
def test_lint_raises_exactly_the_expected_issues(case: dict[str, Any]) -> None:
    result = notes_coach.check(case["note"], recipient=OWNER)
    assert sorted(i.code for i in result.issues) == sorted(case["lint"])
    assert result.ok == (not any(i.severity == "error" for i in result.issues))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_lint_agrees_with_the_triage_reading(case: dict[str, Any]) -> None:
    result = notes_coach.check(case["note"], recipient=OWNER)
    codes = {i.code for i in result.issues}
    assert ("too_long" in codes) == (len(case["note"].strip()) > 300)
    assert ("empty" in codes) == (not case["note"].strip())
    assert ("default_text" in codes) == ("note_default" in case["reasons"] or case["category"] == "default")
    if "pitch" in case["reasons"]:
        assert "pitch" in codes
        assert not result.ok
    if case["category"] == "genuine":
        assert result.ok
        assert result.kind == notes.PERSONAL


def test_the_limit_is_a_setting() -> None:
    note = "Hi Maya, we met at the Lisbon data meetup and talked about " + "streaming pipelines and " * 6 + "more."
    assert 200 < len(note) <= 300
    assert notes_coach.check(note, recipient=OWNER).ok
    free = notes_coach.check(note, recipient=OWNER, settings=Settings().with_values(invite_note_limit=200))
    assert [i.code for i in free.issues] == ["too_long"]
    assert "200" in free.issues[0].message
    assert notes_coach.check(note, recipient=OWNER, limit=len(note)).ok


def test_greeting_the_wrong_person_is_an_error() -> None:
    result = notes_coach.check("Hi Tom, we met at the PyData meetup in Lisbon!", recipient="Maya Chen")
    assert [i.code for i in result.issues] == ["wrong_name"]
    assert not result.ok
    assert notes_coach.check("Dear Ms Chen, we met at the PyData meetup in Lisbon!", recipient="Maya Chen").ok


def test_placeholders_left_in_are_errors() -> None:
    for note in ("Hi {first_name}, we met at PyData.", "Hi Maya, [where we met]. Best, Ada", "Hi Maya, XXXX rocks"):
        assert "placeholder" in {i.code for i in notes_coach.check(note, recipient=OWNER).issues}, note


def test_without_a_recipient_any_greeting_by_name_counts() -> None:
    assert "no_name" not in {i.code for i in notes_coach.check("Hi Priya, we met at PyData!").issues}
    assert "no_name" in {i.code for i in notes_coach.check("Hi there, we met at PyData!").issues}


@pytest.mark.parametrize("note", [
    "I'd like to add you to my professional network on LinkedIn.",
    "I’d like to add you to my professional network on LinkedIn.\n\n- Omar Farouk",
    "Hi Maya, I'd like to join your LinkedIn network.",
    "Maya Chen, I would like to connect with you on LinkedIn. Regards, Omar",
    "i'd like to add you to my professional network",
])
def test_default_texts_are_recognised(note: str) -> None:
    assert notes.is_default_text(note)
    assert notes_coach.reader_for(OWNER).read(note).kind == notes.DEFAULT
    result = notes_coach.check(note, recipient=OWNER)
    assert result.kind == notes.DEFAULT
    assert "default_text" in {i.code for i in result.issues}


@pytest.mark.parametrize("note", [
    "",
    "I'd like to add you to my professional network on LinkedIn because we met at PyData Berlin and spoke about "
    "streaming pipelines for an hour.",
    "Hi Maya, let's connect!",
])
def test_other_notes_are_not_default(note: str) -> None:
    assert not notes.is_default_text(note)


# --- drafting from the database ----------------------------------------------------------------------


def _setup(conn: Connection) -> dict[str, int]:
    conn.execute(text("INSERT INTO owners (name, first_name, profile_url, created_at) "
                      "VALUES ('Maya Chen', 'Maya', 'https://www.linkedin.com/in/maya', '2025-01-01')"))
    owner = int(conn.execute(text("SELECT MAX(id) FROM owners")).scalar_one())
    conn.execute(text("INSERT INTO owner_positions (owner_id, company, title, started_on) "
                      "VALUES (:o, 'Quillon', 'Analyst', '2015-01')"), {"o": owner})
    ids = {"owner": owner}
    people = {
        "colleague": ("Arjun Mehta", "Quillon Ltd", "Engineer"),
        "role": ("Lena Hoffmann", "Kranich", "VP Data"),
        "talked": ("Ben Adler", "", ""),
        "nothing": ("Noel Unknown", "", ""),
        "withdrawn": ("Wanda Withdrawn", "Acme", "CTO"),
    }
    for key, (name, company, position) in people.items():
        first, _, last = name.partition(" ")
        conn.execute(text("INSERT INTO people (name_key, first_name, last_name, full_name, company, position, "
                          "created_at) VALUES (:k, :f, :l, :n, :c, :p, '2025-01-01')"),
                     {"k": name_key(name), "f": first, "l": last, "n": name, "c": company, "p": position})
        ids[key] = int(conn.execute(text("SELECT MAX(id) FROM people")).scalar_one())
    conn.execute(text("INSERT INTO interactions (owner_id, person_id, direction, at, fingerprint) "
                      "VALUES (:o, :p, 'in', :at, 'x1')"),
                 {"o": owner, "p": ids["talked"], "at": clock.day_start_ts(date(2024, 3, 5))})
    return ids


def test_drafts_use_what_is_known(any_store: Store) -> None:
    with any_store.begin() as conn:
        ids = _setup(conn)
    s = Settings().with_values(focus_keywords=["data"])
    with any_store.connect() as conn:
        colleague = notes_coach.draft(conn, ids["owner"], ids["colleague"], settings=s, today=TODAY)
        role = notes_coach.draft(conn, ids["owner"], ids["role"], settings=s, today=TODAY)
        talked = notes_coach.draft(conn, ids["owner"], ids["talked"], settings=s, today=TODAY)
        nothing = notes_coach.draft(conn, ids["owner"], ids["nothing"], settings=s, today=TODAY)
        context = notes_coach.draft(conn, ids["owner"], ids["nothing"], context="We met at the PyData Berlin meetup",
                                    settings=s, today=TODAY)
    assert colleague.template == "invite_shared_employer"
    assert colleague.text.startswith("Hi Arjun, we both worked at Quillon")
    assert colleague.check.ok
    assert colleague.check.issues == []
    assert role.template == "invite_company"
    assert "VP Data at Kranich" in role.text
    assert "as we both work on data" in role.text
    assert role.check.ok
    assert any("where you met or why" in w for w in role.warnings)
    assert talked.template == "invite_reconnect"
    assert "March 2024" in talked.text
    assert talked.check.ok
    assert nothing.template == "invite_blank"
    assert not nothing.check.ok
    assert "placeholder" in {i.code for i in nothing.check.issues}
    assert context.template == "invite_context"
    assert context.text.startswith("Hi Noel, we met at the PyData Berlin meetup.")
    assert context.check.ok
    assert context.check.issues == []
    assert context.text.endswith("Best, Maya")
    assert "\n" not in context.text


def test_a_long_context_is_shortened_to_the_limit(store: Store) -> None:
    with store.begin() as conn:
        ids = _setup(conn)
    long_context = "we met at the PyData Berlin meetup " + "and talked about stream processing " * 12
    s = Settings().with_values(invite_note_limit=200)
    with store.connect() as conn:
        result = notes_coach.draft(conn, ids["owner"], ids["nothing"], context=long_context, settings=s, today=TODAY)
    assert len(result.text) <= 200
    assert result.check.ok
    assert any("shortened" in w for w in result.warnings)


def _withdrawn(conn: Connection, ids: dict[str, int], days_ago: int) -> None:
    withdrawn_on = TODAY - timedelta(days=days_ago)
    conn.execute(text("INSERT INTO invitations (owner_id, person_id, direction, sent_at, to_name, origin, "
                      "withdrawn_on, fingerprint) VALUES (:o, :p, 'out', :at, 'Wanda Withdrawn', 'import', :w, 'w1')"),
                 {"o": ids["owner"], "p": ids["withdrawn"], "at": clock.day_start_ts(withdrawn_on - timedelta(days=30)),
                  "w": withdrawn_on.isoformat()})


@pytest.mark.parametrize(("days_ago", "blocked"), [(20, True), (21, False)])
def test_draft_warns_while_a_withdrawal_blocks_reinviting(store: Store, days_ago: int, blocked: bool) -> None:
    with store.begin() as conn:
        ids = _setup(conn)
        _withdrawn(conn, ids, days_ago)
    with store.connect() as conn:
        result = notes_coach.draft(conn, ids["owner"], ids["withdrawn"], today=TODAY)
    warned = any("blocks re-inviting" in w for w in result.warnings)
    assert warned == blocked
    if blocked:
        assert (TODAY + timedelta(days=1)).isoformat() in " ".join(result.warnings)


def test_the_owners_edited_template_wins(store: Store) -> None:
    from twoway.plan import drafts

    with store.begin() as conn:
        ids = _setup(conn)
    folder = drafts.user_folder()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "invite_company.txt").write_text(
        "## my own wording\nHello {first_name}, your work at {company} caught my eye because of my research. "
        "Cheers, {owner_first_name}\n", "utf-8")
    with store.connect() as conn:
        result = notes_coach.draft(conn, ids["owner"], ids["role"], today=TODAY)
    assert result.text == "Hello Lena, your work at Kranich caught my eye because of my research. Cheers, Maya"
    assert result.check.ok
