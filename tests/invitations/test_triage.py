"""The triage of incoming invitations: written sample notes (pure), then the same rules fed from a database."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, text

from twoway import clock, invitations
from twoway.invitations import triage
from twoway.reading.notes import Reader
from twoway.settings import Settings
from twoway.store import Store

SAMPLES = json.loads((Path(__file__).parents[1] / "data" / "invitation_notes.json").read_text("utf-8"))
CASES = SAMPLES["cases"]
FOCUS = Settings().with_values(focus_keywords=SAMPLES["focus"])
TODAY = date(2025, 6, 15)
MAYA = Reader(*SAMPLES["owner"].split())


def evidence(case: dict[str, Any]) -> triage.Evidence:
    ctx = case["ctx"]
    return triage.Evidence(
        sender=case["sender"], note=case["note"], reader=MAYA,
        known=triage.Known(
            messages_in=ctx.get("messages_in", 0), messages_out=ctx.get("messages_out", 0),
            shared_employers=tuple(ctx.get("employers", ())), in_contacts=ctx.get("contact", False),
        ),
        position=ctx.get("position"), company=ctx.get("company"),
        profile=ctx.get("profile", "known" if ctx.get("position") else "unknown"),
        mutuals=ctx.get("mutuals"), mutuals_partial=ctx.get("partial", False),
        note_senders=ctx.get("senders", 1), note_recipients=ctx.get("recipients", 1), decision=ctx.get("decision"),
    )


def test_the_sample_set_is_big_and_varied() -> None:
    assert len(CASES) >= 60
    assert len({c["id"] for c in CASES}) == len(CASES)
    kinds = Counter(c["category"] for c in CASES)
    for category in ("genuine", "generic", "pitch", "spam", "copy-paste", "too-long", "blank", "default", "known"):
        assert kinds[category] >= 3, category
    assert {c["expect"] for c in CASES} == set(triage.ACTIONS) == {"accept", "accept_follow_up", "review", "ignore"}
    assert any(len(c["note"]) > 300 for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_each_sample_gets_its_recommendation_and_reasons(case: dict[str, Any]) -> None:
    result = triage.recommend(evidence(case), settings=FOCUS)
    keys = result.keys
    assert result.action == case["expect"], result.summary()
    missing = [k for k in case["reasons"] if k not in keys]
    assert not missing, f"missing {missing}; got {keys}"
    unwanted = [k for k in case.get("absent", []) if k in keys]
    assert not unwanted, f"should not say {unwanted}"
    assert all(r.text for r in result.reasons)
    assert len(keys) == len(set(keys))


def test_a_stranger_with_no_note_goes_to_review() -> None:
    bare = triage.Evidence(sender="Ann Example", note=None, reader=MAYA)
    result = triage.recommend(bare)
    assert (result.action, result.rule) == (triage.REVIEW, "stranger")
    assert {"stranger", "note_none", "mutuals_unknown"} <= set(result.keys)


def test_mutuals_are_a_reason_not_an_acceptance() -> None:
    for n in (2, 3, 50):
        result = triage.recommend(triage.Evidence(sender="Ann Example", note="", reader=MAYA, mutuals=n))
        assert result.action == triage.REVIEW
        assert {r.key: r.text for r in result.reasons}["mutuals"] == f"{n} mutual connections"


def test_without_focus_keywords_there_is_no_focus_reason() -> None:
    case = next(c for c in CASES if c["id"] == "genuine-08")
    assert triage.recommend(evidence(case), settings=FOCUS).action == triage.REVIEW  # a pastry chef, outside the focus
    result = triage.recommend(evidence(case))
    assert result.action == triage.ACCEPT  # without a focus, a personal note from a pastry chef is welcome
    assert not {"focus_match", "focus_mismatch"} & set(result.keys)


def test_the_owners_history_decides_a_blank_invitation() -> None:
    usual = triage.Evidence(note=None, reader=MAYA, accept_rates={"blank": 0.9, "default": None},
                            accept_counts={"blank": (9, 10), "default": (1, 2)})
    result = triage.recommend(usual)
    assert (result.action, result.rule) == (triage.ACCEPT, "owner_accepts_usually")
    words = {r.key: (r.effect, r.text) for r in result.reasons}
    assert words["owner_history"] == ("+", "you accept 9 of 10 blank invitations")
    default = triage.recommend(triage.Evidence(note="I'd like to join your LinkedIn network.", reader=MAYA,
                                               accept_rates=usual.accept_rates, accept_counts=usual.accept_counts))
    assert default.action == triage.ACCEPT  # too little history of default texts: the blank rate speaks
    assert "a default text says no more than no note" in default.summary()
    rare = triage.recommend(triage.Evidence(note=None, reader=MAYA, accept_rates={"blank": 0.3},
                                            accept_counts={"blank": (3, 10)}))
    assert rare.action == triage.REVIEW
    assert ("", "you accept 3 of 10 blank invitations") in [(r.effect, r.text) for r in rare.reasons]
    outside = triage.recommend(triage.Evidence(note=None, reader=MAYA, position="Real Estate Agent",
                                               accept_rates={"blank": 0.95}),
                               settings=FOCUS)
    assert outside.action == triage.REVIEW  # the owner's focus set aside, history would accept it
    spam = triage.recommend(triage.Evidence(note=None, reader=MAYA, profile="empty", accept_rates={"blank": 0.95}))
    assert (spam.action, spam.rule) == (triage.IGNORE, "spam_by_profile")


def test_reasons_are_words_naming_what_the_note_names() -> None:
    talk = triage.recommend(triage.Evidence(note="Hi Maya, I enjoyed your talk at PyData Berlin. Coffee next week?",
                                            reader=MAYA))
    assert talk.action == triage.FOLLOW_UP
    text = {r.key: r.text for r in talk.reasons}
    assert text["note_personal"] == 'a personal note naming your talk: "I enjoyed your talk at PyData Berlin"'
    assert text["asks"] == 'it proposes something to follow up: "Coffee next week"'
    pitch = triage.recommend(triage.Evidence(note="Hi Maya, our agency helps SaaS teams get more leads: "
                                                  "https://leads.example/demo", reader=MAYA))
    assert pitch.action == triage.IGNORE
    assert pitch.reasons[0].text.startswith("reads as a pitch: sales offer")
    assert "link" in pitch.reasons[0].text
    assert "the note carries a link (https://leads.example/demo)" in pitch.summary()
    german = triage.recommend(triage.Evidence(note="Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn "
                                                   "hinzufügen.", reader=MAYA))
    assert "LinkedIn's default text (in German), not written for you" in german.summary()


@pytest.mark.parametrize(("note", "quoted"), [
    ("Hallo Maya, danke für deinen Vortrag beim Logistik-Forum!", "danke für deinen Vortrag beim Logistik-Forum"),
    ("Hola Maya, nos conocimos en el meetup de Zaragoza.", "nos conocimos en el meetup de Zaragoza"),
    ("Bonjour Maya, Sophie Lambert m'a conseillé de vous contacter.", "Sophie Lambert m'a conseillé de vous contacter"),
    ("Olá Maya, adorei a sua palestra no Porto.", "adorei a sua palestra no Porto"),
    ("Ciao Maya, ci siamo conosciuti al meetup di marzo.", "ci siamo conosciuti al meetup di marzo"),
    ("Hoi Maya, wat een goede lezing gaf je gisteren!", "wat een goede lezing gaf je gisteren"),
])
def test_a_personal_note_in_every_language_is_accepted_with_its_words(note: str, quoted: str) -> None:
    result = triage.recommend(triage.Evidence(note=note, reader=MAYA))
    assert (result.action, result.rule) == (triage.ACCEPT, "personal")
    assert result.reasons[0].key == "note_personal"
    assert result.reasons[0].text.endswith(f': "{quoted}"')


def test_company_key_ignores_case_punctuation_and_legal_form() -> None:
    assert triage.company_key("Acme, Inc.") == triage.company_key("ACME") == "acme"
    assert triage.company_key("The Quillon Group GmbH") == "quillon group"
    assert triage.company_key("") == ""


# --- from the database ------------------------------------------------------------------------------


def _person(conn: Connection, name: str, *, company: str = "", position: str = "", url: str | None = None) -> int:
    from twoway.identity import name_key

    first, _, last = name.partition(" ")
    conn.execute(
        text("INSERT INTO people (url, name_key, first_name, last_name, full_name, company, position, created_at) "
             "VALUES (:u, :k, :f, :l, :n, :c, :p, '2025-01-01')"),
        {"u": url, "k": name_key(name), "f": first, "l": last, "n": name, "c": company, "p": position},
    )
    return int(conn.execute(text("SELECT MAX(id) FROM people")).scalar_one())


def _owner(conn: Connection, name: str, person_id: int | None = None) -> int:
    first = name.split()[0]
    conn.execute(text("INSERT INTO owners (name, first_name, person_id, profile_url, created_at) "
                      "VALUES (:n, :f, :p, :u, '2025-01-01')"),
                 {"n": name, "f": first, "p": person_id, "u": f"https://www.linkedin.com/in/{first.lower()}"})
    return int(conn.execute(text("SELECT MAX(id) FROM owners")).scalar_one())


def _invite(conn: Connection, owner: int, person: int | None, sender: str, note: str | None, days_ago: int,
            to_name: str = "Maya Chen") -> int:
    at = clock.day_start_ts(TODAY - timedelta(days=days_ago)) + 3600
    fp = f"t:{owner}:{person}:{sender}:{days_ago}"
    conn.execute(text("INSERT INTO invitations (owner_id, person_id, direction, sent_at, from_name, to_name, message, "
                      "origin, fingerprint) VALUES (:o, :p, 'in', :at, :f, :t, :m, 'import', :fp)"),
                 {"o": owner, "p": person, "at": at, "f": sender, "t": to_name, "m": note, "fp": fp})
    return int(conn.execute(text("SELECT MAX(id) FROM invitations")).scalar_one())


def _connect(conn: Connection, owner: int, person: int, on: str = "2024-01-01") -> None:
    conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on) VALUES (:o, :p, :d)"),
                 {"o": owner, "p": person, "d": on})


def _by_sender(items: list[triage.Item]) -> dict[str, triage.Item]:
    return {item.invitation.counterpart: item for item in items}


def test_incoming_triage_from_the_database(any_store: Store) -> None:
    with any_store.begin() as conn:
        maya = _owner(conn, "Maya Chen")
        conn.execute(text("INSERT INTO owner_positions (owner_id, company, title, started_on) "
                          "VALUES (:o, 'Quillon Ltd', 'Analyst', '2015-01')"), {"o": maya})
        colleague = _person(conn, "Arjun Mehta", company="Northwind")
        conn.execute(text("INSERT INTO jobs (owner_id, person_id, company, position, first_seen, last_seen) "
                          "VALUES (:o, :p, 'QUILLON', 'Engineer', '2020-01-01', '2021-01-01')"),
                     {"o": maya, "p": colleague})
        friend = _person(conn, "Ben Adler")
        for i, direction in enumerate(("in", "out", "in")):
            conn.execute(text("INSERT INTO interactions (owner_id, person_id, direction, at, fingerprint) "
                              "VALUES (:o, :p, :d, :at, :fp)"),
                         {"o": maya, "p": friend, "d": direction, "at": 1_600_000_000 + i, "fp": f"m{i}"})
        neighbour = _person(conn, "Elena Petrova")
        conn.execute(text("INSERT INTO contacts (owner_id, full_name, name_key, fingerprint) "
                          "VALUES (:o, 'Elena Petrova', 'elena petrova', 'c1')"), {"o": maya})
        stranger = _person(conn, "Carlos Medina")
        pitcher = _person(conn, "Brad Keller")
        template = "Hi {}, I came across your profile and was impressed by your experience. Would love to connect!"
        copiers = [_person(conn, f"Copy Sender{i}") for i in range(3)]
        _invite(conn, maya, colleague, "Arjun Mehta", None, 3)
        _invite(conn, maya, friend, "Ben Adler", None, 4)
        _invite(conn, maya, neighbour, "Elena Petrova", "I'd like to add you to my professional network on LinkedIn.",
                5)
        _invite(conn, maya, stranger, "Carlos Medina", None, 6)
        _invite(conn, maya, pitcher, "Brad Keller", "Hi Maya, we help companies generate more leads. 15 min call?", 7)
        for i, pid in enumerate(copiers):
            _invite(conn, maya, pid, f"Copy Sender{i}", template.format("Maya"), 8 + i)
        accepted = _person(conn, "Dana Accepted")
        _invite(conn, maya, accepted, "Dana Accepted", None, 30)
        _connect(conn, maya, accepted, on=(TODAY - timedelta(days=29)).isoformat())
    with any_store.connect() as conn:
        items = triage.incoming(conn, maya, today=TODAY)
        everything = triage.incoming(conn, maya, include_all=True, today=TODAY)
    got = _by_sender(items)
    assert "Dana Accepted" not in got
    assert "Dana Accepted" in _by_sender(everything)
    assert got["Arjun Mehta"].recommendation.action == triage.ACCEPT
    assert "known_employer" in got["Arjun Mehta"].recommendation.keys
    assert got["Ben Adler"].recommendation.action == triage.ACCEPT
    assert "known_messages" in got["Ben Adler"].recommendation.keys
    assert got["Elena Petrova"].recommendation.action == triage.ACCEPT
    assert {"known_contact", "note_default"} <= set(got["Elena Petrova"].recommendation.keys)
    assert got["Carlos Medina"].recommendation.action == triage.REVIEW  # a blank note from a stranger
    assert got["Brad Keller"].recommendation.action == triage.IGNORE
    assert "pitch" in got["Brad Keller"].recommendation.keys
    for i in range(3):
        item = got[f"Copy Sender{i}"]
        assert item.recommendation.action == triage.IGNORE
        assert "copy_paste" in item.recommendation.keys
    assert all("mutuals_unknown" in item.recommendation.keys for item in items)  # one network only
    data = got["Brad Keller"].to_dict()
    assert data["recommendation"] == "ignore"
    assert data["rule"] == "spam"
    assert data["status"] == "pending"
    assert any(r["key"] == "pitch" and r["text"] for r in data["reasons"])


def test_a_decision_overrides_and_is_remembered(any_store: Store) -> None:
    with any_store.begin() as conn:
        maya = _owner(conn, "Maya Chen")
        stranger = _person(conn, "Carlos Medina")
        _invite(conn, maya, stranger, "Carlos Medina", None, 2)
    with any_store.begin() as conn:
        assert triage.incoming(conn, maya, today=TODAY)[0].recommendation.action == triage.REVIEW
        inv = invitations.decide(conn, maya, stranger, "accept", today=TODAY)
        assert inv.status == invitations.ACCEPTED
        assert inv.decision == "accept"
    with any_store.connect() as conn:
        assert triage.incoming(conn, maya, today=TODAY) == []  # no longer pending
        item = triage.incoming(conn, maya, include_all=True, today=TODAY)[0]
        assert item.recommendation.action == triage.ACCEPT
        assert "decided" in item.recommendation.keys
    with any_store.begin() as conn:
        invitations.decide(conn, maya, stranger, "ignore", today=TODAY)
    with any_store.connect() as conn:
        (inv,) = invitations.list_invitations(conn, maya, direction="in", today=TODAY)
        assert inv.status == invitations.IGNORED
    with any_store.begin() as conn:
        invitations.decide(conn, maya, stranger, "clear", today=TODAY)
    with any_store.connect() as conn:
        assert triage.incoming(conn, maya, today=TODAY)[0].invitation.decision is None


def test_mutuals_are_known_only_through_other_owners_networks(any_store: Store) -> None:
    with any_store.begin() as conn:
        maya = _owner(conn, "Maya Chen")
        shared = [_person(conn, f"Shared Friend{i}") for i in range(4)]
        for pid in shared:
            _connect(conn, maya, pid)
        # Sam is a team member: his whole network is loaded, so the count is exact.
        sam_person = _person(conn, "Sam Teammate")
        sam = _owner(conn, "Sam Teammate", sam_person)
        for pid in shared[:3]:
            _connect(conn, sam, pid)
        _invite(conn, maya, sam_person, "Sam Teammate", None, 1)
        # Rita is a stranger in Sam's network, and Sam is one of Maya's connections: at least one mutual.
        rita = _person(conn, "Rita Outsider")
        _connect(conn, sam, rita)
        _connect(conn, maya, sam_person)
        _invite(conn, maya, rita, "Rita Outsider", None, 1)
        nobody = _person(conn, "Noel Unknown")
        _invite(conn, maya, nobody, "Noel Unknown", None, 1)
    with any_store.connect() as conn:
        got = _by_sender(triage.incoming(conn, maya, include_all=True, today=TODAY))
    sam_reasons = {r.key: r.text for r in got["Sam Teammate"].recommendation.reasons}
    assert sam_reasons["mutuals"] == "3 mutual connections"
    rita_reasons = {r.key: r.text for r in got["Rita Outsider"].recommendation.reasons}
    assert rita_reasons["mutuals"] == "at least 1 mutual connection"
    assert "mutuals_none_known" in got["Noel Unknown"].recommendation.keys  # a team is loaded: none seen


def test_empty_profile_needs_an_exported_connection_row(any_store: Store) -> None:
    with any_store.begin() as conn:
        maya = _owner(conn, "Maya Chen")
        other = _owner(conn, "Other Owner")
        bare = _person(conn, "Bare Profile")
        _connect(conn, other, bare)  # exported by someone with blank company and position
        unknown = _person(conn, "Only Invited")
        _invite(conn, maya, bare, "Bare Profile", None, 1)
        _invite(conn, maya, unknown, "Only Invited", None, 1)
    with any_store.connect() as conn:
        got = _by_sender(triage.incoming(conn, maya, today=TODAY))
    assert "empty_profile" in got["Bare Profile"].recommendation.keys
    assert "empty_profile" not in got["Only Invited"].recommendation.keys


def test_the_owners_past_teaches_the_triage(any_store: Store) -> None:
    with any_store.begin() as conn:
        maya = _owner(conn, "Maya Chen")
        for i in range(10):  # nine blank invitations accepted, one left to expire
            pid = _person(conn, f"Past Sender{i}")
            _invite(conn, maya, pid, f"Past Sender{i}", None, 300 + i)
            if i < 9:
                _connect(conn, maya, pid, on=(TODAY - timedelta(days=290)).isoformat())
        pitcher = _person(conn, "Past Pitcher")
        _invite(conn, maya, pitcher, "Past Pitcher", "Hi Maya, we help companies generate more leads. Book a call!", 40)
        invitations.decide(conn, maya, pitcher, "ignore", today=TODAY)
        newcomer = _person(conn, "New Stranger")
        _invite(conn, maya, newcomer, "New Stranger", None, 2)
    with any_store.connect() as conn:
        item = _by_sender(triage.incoming(conn, maya, today=TODAY))["New Stranger"]
        overview = triage.overview(conn, maya, today=TODAY)
        seen = triage.as_received(conn, maya, "", today=TODAY)
    assert (item.recommendation.action, item.recommendation.rule) == (triage.ACCEPT, "owner_accepts_usually")
    assert "you accept 9 of 10 blank invitations" in item.recommendation.summary()
    assert overview["history"]["blank"] == {"kind": "blank", "received": 11, "accepted": 9, "declined": 1,
                                            "pending": 1, "settled": 10, "rate": 0.9}
    assert overview["history"]["pitch"]["declined"] == 1
    assert overview["history"]["pitch"]["rate"] is None  # one decided pitch is too little history
    assert seen["recommendation"] == triage.ACCEPT
    assert seen["reading"]["kind"] == "blank"
