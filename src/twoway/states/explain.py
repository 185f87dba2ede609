"""The words behind a state: written from the decision :mod:`twoway.states.decide` made, never deciding again.

:func:`explain` is given the verdict (its state, dates and cadence) and the facts it was decided on,
and says why in a sentence, naming what each message was and when ("their thank-you of 3 May closed the
conversation"). It cannot choose another state: every branch below is the words for one state the verdict
already holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from twoway.clock import date_to_day, day_to_date
from twoway.history import IN, OUT, Facts
from twoway.states.rules import Rules
from twoway.states.verdict import Prune, Verdict
from twoway.words import ago_words, date_words

#: What each reading of a message is called in a reason.
NOUN = {"question": "question", "news": "news", "courtesy": "courtesy message", "pitch": "pitch",
        "automated": "automated message", "": "message"}


def _fmt(d: date | None) -> str:
    return "" if d is None else date_words(d)


def _d(day: int | None) -> date | None:
    return None if day is None else day_to_date(day)


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def their(reading: str, day: int | None) -> str:
    """"their question of 3 May" — a message of theirs by what it was and when."""
    return f"their {NOUN.get(reading, 'message')} of {_fmt(_d(day))}"


def explain(v: Verdict, facts: Facts, *, rules: Rules, today: date, removed: bool = False,
            removed_on: date | None = None, prune: Prune | None = None) -> str:
    """Why ``v`` is in its state, in one sentence, from the facts it was decided on.

    ``removed`` says the connection itself is gone (not only the owner's decision to remove it).
    """
    words = _words(v, facts, rules, today, removed, removed_on, prune)
    if v.state in ("due", "two_way") and facts.attempts:
        last = _fmt(v.last_attempt_on)
        words += (f"; your message of {last} is still unanswered ({facts.attempts} of "
                  f"{rules.attempts_to_unresponsive} attempts): the next check-in is the next try")
    return words


def _words(v: Verdict, facts: Facts, rules: Rules, today: date, removed: bool, removed_on: date | None,
           prune: Prune | None) -> str:
    _, decided_on, until = prune if prune else (None, None, None)
    state, connected_on = v.state, v.connected_on
    if state == "removed":
        when = removed_on if removed else decided_on
        how = "No longer among your connections" if removed else "You removed them"
        return f"{how}{' since ' + _fmt(when) if when else ''}"
    if state == "hidden":
        tail = f" until {_fmt(until)}" if until else ""
        return f"Hidden{' on ' + _fmt(decided_on) if decided_on else ''}{tail}: still connected, out of the rotation"
    if state == "unresponsive":
        return _open_attempts(facts, connected_on)
    if state == "awaiting_reply":
        assert v.next_try_on is not None
        retry = "a retry is due since" if v.next_try_on <= today else "next try from"
        return f"{_open_attempts(facts, connected_on)}; {retry} {_fmt(v.next_try_on)}"
    if state == "owe_reply":
        assert facts.owed is not None
        age = date_to_day(today) - facts.owed
        head = their(facts.owed_read, facts.owed)
        return f"{head[0].upper()}{head[1:]} waits for your answer ({ago_words(age)})"
    if state == "new":
        assert connected_on is not None
        what = "their message awaits your answer" if facts.last_side == IN else "nothing said yet"
        return (f"Connected {_fmt(connected_on)} ({ago_words((today - connected_on).days)}), {what}: "
                "thank them and follow up")
    if facts.pitch_only and state == "never_contacted":
        return f"Nothing between you but {their('pitch', facts.last_in_msg)}: no reply owed"
    last_two_way = v.last_two_way
    tail = _unanswered(facts, rules, today, v.last_two_way)
    if state in ("due", "two_way") and last_two_way is not None:
        age = (today - last_two_way).days
        _, which_tag = rules.cadence(v.tags)
        cadence = f"your {v.cadence_days}-day cadence" + (f" for '{which_tag}'" if which_tag else "")
        if state == "due":
            return f"Last two-way contact {_fmt(last_two_way)} ({ago_words(age)}), over {cadence}{tail}"
        return (f"Last two-way contact {_fmt(last_two_way)} ({ago_words(age)}), within {cadence}; "
                f"next check-in by {_fmt(v.due_on)}{tail}")
    if state == "due":
        if facts.last_side == OUT:
            return f"No two-way contact yet; you wrote last, on {_fmt(_d(facts.last_out))}{tail}"
        if facts.last_side == IN and not tail:
            return f"No two-way contact yet; {their(facts.last_in_read, facts.last_in_msg)} was the last word"
        return f"No two-way contact yet{tail or '; last interaction ' + _fmt(_d(facts.last_any))}"
    if connected_on is not None:
        return f"Connected {_fmt(connected_on)} ({ago_words((today - connected_on).days)}), never any interaction"
    return "Never any interaction (connection date unknown)"


def _unanswered(facts: Facts, rules: Rules, today: date, last_two_way: date | None) -> str:
    """What their last word was, when it is theirs: an ask left past the reply window, or a courtesy or a
    pitch that closed the conversation (no reply owed). A date already said is not said again."""
    if facts.last_side != IN or facts.last_in_msg is None:
        return ""

    def theirs(reading: str, day: int) -> str:
        if last_two_way is not None and _d(day) == last_two_way:
            return f"their {NOUN.get(reading, 'message')} that day"
        return their(reading, day)

    if facts.owed is not None and date_to_day(today) - facts.owed > rules.reply_window_days:
        return (f"; {theirs(facts.owed_read, facts.owed)} went unanswered past your {rules.reply_window_days}-day "
                "reply window: own up to it in the next check-in")
    if facts.last_in_read in ("courtesy", "pitch"):
        return f"; {theirs(facts.last_in_read, facts.last_in_msg)} closed the conversation: no reply owed"
    return ""


def _open_attempts(facts: Facts, connected_on: date | None) -> str:
    attempts = facts.attempts
    first = _d(facts.attempt_days[0])
    gaps = [f"{b - a}" for a, b in zip(facts.attempt_days, facts.attempt_days[1:], strict=False)]
    noun = "message" if facts.open_messages == attempts else "attempt"
    count = f"{attempts} {noun}{'s' if attempts > 1 else ''}"
    if noun == "attempt":
        count += f" ({facts.open_messages} messages)"
    head = f"{count} since {_fmt(first)}" if attempts > 1 else f"{count} on {_fmt(first)}"
    if gaps:
        head += f", {_and(gaps)} days apart"
    if facts.last_in is not None:
        spoke = (f"you last spoke on {_fmt(_d(facts.last_in))}" if facts.last_in_met
                 else their(facts.last_in_read, facts.last_in_msg))
        since = f"no answer since {spoke}"
    elif connected_on is not None:
        since = "no answer since you connected"
    else:
        since = "no answer yet"
    return f"{head}, {since}"
