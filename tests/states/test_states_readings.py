"""The rules read what each message asks: courtesies and pitches ask nothing and make no attempt; replies are
owed for a window, retries offered for a window, and an exchange is two-way only within a window."""

from __future__ import annotations

from datetime import date, timedelta

from twoway import clock, states
from twoway.history import Event
from twoway.settings import Settings

TODAY = date(2026, 11, 22)
CFG = Settings()


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def msg(direction: str, days: int, reading: str) -> Event:
    return Event(direction, clock.day_start_ts(ago(days)) + 10 * 3600, reading=reading)


def judge(events: list[Event], **kw: object) -> states.Verdict:
    settings = kw.pop("settings", CFG)
    assert isinstance(settings, Settings)
    return states.judge(events, today=TODAY, settings=settings, connected_on=date(2020, 1, 1))


def test_a_courtesy_asks_no_reply_and_says_so_with_its_date() -> None:
    v = judge([msg("out", 20, "question"), msg("in", 5, "courtesy")])
    assert v.state == "two_way"
    assert v.reading == "courtesy"
    assert "their courtesy message that day" in v.reason  # the day of the last two-way contact, said once
    assert v.reason.endswith("closed the conversation: no reply owed")


def test_a_question_is_owed_for_the_reply_window_then_owned_up_to() -> None:
    owed = judge([msg("out", 60, "question"), msg("in", 30, "question")])
    assert owed.state == "owe_reply"
    assert owed.owed_on == ago(30)
    late = judge([msg("out", 60, "question"), msg("in", 31, "question")])
    assert late.state == "two_way"  # the rest of the history: their question answered the owner in time
    assert "went unanswered past your 30-day reply window: own up to it" in late.reason
    wider = judge([msg("out", 60, "question"), msg("in", 31, "question")],
                  settings=CFG.with_values(reply_window_days=45))
    assert wider.state == "owe_reply"


def test_news_is_owed_a_reply_and_a_trailing_thank_you_does_not_hide_a_question() -> None:
    assert judge([msg("in", 5, "news")]).state == "owe_reply"
    v = judge([msg("in", 6, "question"), msg("in", 5, "courtesy")])
    assert v.state == "owe_reply"
    assert v.owed_on == ago(6)
    assert v.reading == "question"


def test_courtesies_are_no_attempts() -> None:
    v = judge([msg("out", 400, "courtesy"), msg("out", 200, "courtesy"), msg("out", 20, "courtesy")])
    assert v.attempts == 0
    assert v.state == "due"
    assert v.reason.startswith("No two-way contact yet; you wrote last")


def test_a_retry_is_offered_only_within_the_retry_window() -> None:
    fresh = judge([msg("in", 400, "news"), msg("out", 399, "news"), msg("out", 59, "question")])
    assert fresh.state == "awaiting_reply"
    assert fresh.next_try_on == ago(52)
    stale = judge([msg("in", 400, "news"), msg("out", 399, "news"), msg("out", 61, "question")])
    assert stale.state == "due"  # over the cadence since the last exchange; no "awaiting reply" for a year
    assert stale.attempts == 1  # the open attempt stays counted
    assert "still unanswered (1 of 3 attempts): the next check-in is the next try" in stale.reason


def test_three_check_ins_years_apart_make_unresponsive() -> None:
    v = judge([msg("out", 800, "question"), msg("out", 400, "question"), msg("out", 30, "news")])
    assert v.state == "unresponsive"
    assert v.attempts == 3


def test_any_message_from_them_answers_an_attempt_but_two_way_needs_the_window() -> None:
    v = judge([msg("out", 900, "question"), msg("in", 100, "courtesy")])
    assert v.attempts == 0
    assert v.last_two_way is None  # an answer 800 days later is no exchange
    assert v.state == "due"
    quick = judge([msg("out", 160, "question"), msg("in", 100, "courtesy")])
    assert quick.last_two_way == ago(100)


def test_pitches_alone_are_never_a_relationship() -> None:
    v = judge([msg("in", 50, "pitch"), msg("in", 20, "pitch")])
    assert v.pitch_only
    assert v.state == "never_contacted"
    answered = judge([msg("in", 50, "pitch"), msg("out", 49, "courtesy")])
    assert not answered.pitch_only


def test_automated_messages_are_not_from_the_person() -> None:
    v = judge([msg("out", 20, "question"), msg("in", 10, "automated")])
    assert v.state == "awaiting_reply"  # an auto-reply is no answer
    assert v.last_in is None


def test_a_tie_of_courtesies_alone_is_not_substantive() -> None:
    assert not judge([msg("out", 20, "courtesy"), msg("in", 19, "courtesy")]).substantive
    assert judge([msg("out", 20, "courtesy"), msg("in", 19, "news")]).substantive
    assert judge([Event("out", clock.day_start_ts(ago(5)), "meeting", "meeting")]).substantive
