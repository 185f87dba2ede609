"""The one rule for an invitation received (:func:`twoway.invitations.triage.decide`): a reading and the
evidence in, an action, the rule that decided and the reason keys out. Every note here is written for the
tests; names and companies are invented."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from twoway.invitations.triage import (
    ACCEPT,
    FOLLOW_UP,
    IGNORE,
    REVIEW,
    RULES,
    Evidence,
    Known,
    decide,
    explain,
)
from twoway.reading.notes import NoteReading, Reader
from twoway.settings import Settings

MAYA = Reader("Maya", "Chen", ("Quillon", "Northwind Analytics"), ("University of Edinburgh",))
STRANGER = Evidence(reader=MAYA)
KNOWN = Evidence(reader=MAYA, known=Known(messages_in=2, messages_out=1))
RECRUITER = "Hi Maya, I'm a tech recruiter at Harlow Search with a Head of Analytics role that matches your profile."


def read(note: str | None) -> NoteReading:
    return MAYA.read(note)


def with_(base: Evidence, **changes: Any) -> Evidence:
    return dataclasses.replace(base, **changes)


def test_blank_or_default_from_a_stranger_goes_to_review() -> None:
    blank = decide(read(None), STRANGER)
    default = decide(read("I'd like to add you to my professional network on LinkedIn."), STRANGER)
    assert (blank.action, blank.rule, blank.reasons[:2]) == (REVIEW, "stranger", ("note_none", "stranger"))
    assert (default.action, default.rule, default.reasons[:2]) == (REVIEW, "stranger", ("note_default", "stranger"))


def test_mutuals_are_a_reason_but_not_an_acceptance() -> None:
    result = decide(read(None), with_(STRANGER, mutuals=34))
    assert result.action == REVIEW
    assert "mutuals" in result.reasons
    assert "34 mutual connections" in [r.text for r in explain(result)]


@pytest.mark.parametrize(("rate", "action"), [(0.84, ACCEPT), (0.8, ACCEPT), (0.79, REVIEW), (0.1, REVIEW)])
def test_the_owners_history_with_blank_invitations(rate: float, action: str) -> None:
    result = decide(read(None), with_(STRANGER, accept_rates={"blank": rate}))
    assert result.action == action
    assert (result.rule == "owner_accepts_usually") is (action == ACCEPT)
    assert "owner_history" in result.reasons


def test_too_little_history_is_no_history() -> None:
    result = decide(read(None), with_(STRANGER, accept_rates={"blank": None, "default": 1.0}))
    assert (result.action, result.rule) == (REVIEW, "stranger")
    assert "owner_history" not in result.reasons


def test_a_default_text_falls_back_to_the_blank_rate() -> None:
    note = read("Hi Maya, I'd like to join your LinkedIn network.")
    usual = decide(note, with_(STRANGER, accept_rates={"blank": 0.9}))
    assert usual.reasons[:3] == ("owner_history", "note_default", "stranger")
    assert usual.facts.rate_kind == "blank"
    assert decide(note, with_(STRANGER, accept_rates={"blank": 0.9, "default": 0.2})).action == REVIEW


def test_someone_known_is_accepted_and_followed_up_when_they_ask() -> None:
    assert decide(read(None), KNOWN).action == ACCEPT
    employer = decide(read(None), with_(STRANGER, known=Known(shared_employers=("Quillon",))))
    assert (employer.action, employer.reasons[0]) == (ACCEPT, "known_employer")
    contact = decide(read("I'd like to add you to my professional network on LinkedIn."),
                     with_(STRANGER, known=Known(in_contacts=True)))
    assert (contact.action, contact.reasons[0]) == (ACCEPT, "known_contact")
    asks = decide(read("Good to see you last night - let's grab that coffee!"), KNOWN)
    assert asks.action == FOLLOW_UP
    assert asks.reasons[:2] == ("known_messages", "asks")


def test_a_pitch_is_ignored_unless_the_owner_knows_the_sender() -> None:
    pitch = read("Hi Maya, we help SaaS companies generate more leads with our platform.")
    stranger = decide(pitch, STRANGER)
    assert (stranger.action, stranger.rule, stranger.reasons[0]) == (IGNORE, "spam", "pitch")
    assert decide(pitch, KNOWN).action == REVIEW


def test_copy_pasted_and_mass_sent_notes_are_spam() -> None:
    note = read("Hi Maya, I came across your profile and was impressed. Would love to connect!")
    assert decide(note, STRANGER).action == REVIEW
    copied = decide(note, with_(STRANGER, note_senders=3))
    assert (copied.action, copied.reasons[0]) == (IGNORE, "copy_paste")
    mass = decide(note, with_(STRANGER, note_recipients=4))
    assert (mass.action, mass.reasons[0]) == (IGNORE, "mass_sent")
    assert decide(note, with_(KNOWN, note_senders=3)).action == REVIEW
    assert decide(note, with_(STRANGER, note_senders=3), settings=Settings().with_values(
        invite_copy_paste_senders=4)).action == REVIEW
    default = read("I'd like to add you to my professional network on LinkedIn.")
    assert "copy_paste" not in decide(default, with_(STRANGER, note_senders=40)).reasons  # LinkedIn's own text


def test_a_recruiter_goes_to_review() -> None:
    alone, with_mutuals = decide(read(RECRUITER), STRANGER), decide(read(RECRUITER), with_(STRANGER, mutuals=3))
    assert (alone.action, alone.rule) == (with_mutuals.action, with_mutuals.rule) == (REVIEW, "recruiter")
    assert alone.reasons[0] == "recruiter"
    by_headline = decide(read(None), with_(STRANGER, position="Senior Technical Recruiter at Talentbridge"))
    assert (by_headline.action, by_headline.rule) == (REVIEW, "recruiter_by_headline")
    assert "recruiter_headline" in by_headline.reasons


def test_a_personal_note_naming_a_shared_context_is_accepted() -> None:
    talk = decide(read("Hi Maya, I really enjoyed your talk on streaming joins."), STRANGER)
    assert (talk.action, talk.rule, talk.reasons[0]) == (ACCEPT, "personal", "note_personal")
    assert talk.facts.reading.shared == ("talk",)
    follow = decide(read("Maya, your talk was great. Could I ask you about backfills?"), STRANGER)
    assert follow.action == FOLLOW_UP
    assert follow.reasons[:2] == ("note_personal", "asks")
    linked = decide(read("Hi Maya, loved your post. My follow-up: https://example.org/x"), STRANGER)
    assert (linked.action, linked.rule) == (REVIEW, "personal_with_doubt")
    assert linked.reasons[:2] == ("note_personal", "link")
    bare = decide(read("Hi Maya, we met at the Leeds meetup!"), with_(STRANGER, profile="empty"))
    assert (bare.action, bare.reasons[:2]) == (REVIEW, ("note_personal", "empty_profile"))


def test_the_owners_focus_makes_a_strangers_personal_note_worth_a_look() -> None:
    note = read("Hi Maya, we met at the Lisbon meetup and talked about sourdough.")
    chef = with_(STRANGER, position="Pastry Chef", company="Forno Azul")
    focus = Settings().with_values(focus_keywords=["data", "analytics"])
    assert decide(note, chef).action == ACCEPT
    outside = decide(note, chef, settings=focus)
    assert (outside.action, outside.reasons[:2]) == (REVIEW, ("note_personal", "focus_mismatch"))
    analyst = decide(note, with_(chef, position="Data Analyst"), settings=focus)
    assert analyst.action == ACCEPT
    assert "focus_match" in analyst.reasons


def test_a_generic_note_from_a_stranger_goes_to_review() -> None:
    result = decide(read("Hi Maya, it would be an honour to be part of your network."), STRANGER)
    assert (result.action, result.rule, result.reasons[0]) == (REVIEW, "stranger", "note_generic")


def test_a_generic_note_counts_as_blank_in_the_owners_history() -> None:
    note = read("Hi Maya, would love to connect!")
    assert decide(note, with_(STRANGER, accept_rates={"blank": 0.9, "personal": 0.2})).action == ACCEPT
    assert decide(note, with_(STRANGER, accept_rates={"blank": 0.3, "personal": 0.95})).action == REVIEW


def test_spam_signals_about_the_sender_ignore_a_note_that_says_nothing() -> None:
    crypto = with_(STRANGER, position="Crypto trader | Forex signals | DM for passive income",
                   accept_rates={"blank": 0.95})
    result = decide(read(None), crypto)
    assert (result.action, result.rule) == (IGNORE, "spam_by_profile")
    assert result.reasons[0] == "spam_headline"
    bare = decide(read("Hi Maya, happy to connect."), with_(STRANGER, profile="empty"))
    assert (bare.action, bare.reasons[0]) == (IGNORE, "empty_profile")


def test_the_owners_decision_stands() -> None:
    pitch = read("Hi Maya, we help companies generate more leads. Book a call!")
    assert decide(pitch, with_(STRANGER, decision="accept")).action == ACCEPT
    personal = decide(read("Hi Maya, we met at the analytics meetup!"), with_(KNOWN, decision="ignore"))
    assert (personal.action, personal.rule, personal.reasons[0]) == (IGNORE, "decided", "decided")


def test_every_reason_has_words() -> None:
    notes = [None, "I'd like to add you to my professional network on LinkedIn.", RECRUITER,
             "Hi Maya, we help SaaS companies generate more leads: https://x.example", "Hi Maya, happy to connect.",
             "Hi Maya, we met at the Leeds meetup. Coffee soon?"]
    variants = [STRANGER, KNOWN, with_(STRANGER, profile="empty", mutuals=0, note_senders=9, note_recipients=9),
                with_(STRANGER, position="Recruiter | crypto", mutuals=3, mutuals_partial=True,
                      accept_rates={"blank": 0.5, "personal": 0.9, "pitch": 0.1, "recruiter": 0.5},
                      accept_counts={"blank": (5, 10), "personal": (9, 10), "pitch": (1, 10)}),
                with_(KNOWN, known=Known(1, 1, None, ("Quillon",), True), decision="accept")]
    focus = Settings().with_values(focus_keywords=["data"])
    for note in notes:
        for evidence in variants:
            reasons = explain(decide(read(note), with_(evidence, note=note), settings=focus))
            assert reasons
            assert all(r.text and r.effect in ("+", "-", "") for r in reasons)
            assert len({r.key for r in reasons}) == len(reasons)


def test_the_rules_are_one_ordered_table() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert names[0] == "decided"  # the owner's own word first
    assert names[-1] == "stranger"  # the catch-all comes last
    assert names.index("known") < names.index("spam") < names.index("recruiter") < names.index("personal")
