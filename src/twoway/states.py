"""One relationship state per connection, derived from its history, never typed by hand.

Words used below (all days are UTC calendar days, "today" honours TWOWAY_TODAY):

* An *answer* is an incoming direct message or e-mail, a meeting or a call (meetings and calls
  count both ways). Group and sponsored conversations never count (see :mod:`twoway.history`).
* *Attempts* are the owner's outgoing messages after the last answer. They fold greedily: an
  outgoing message less than ``attempt_gap_days`` after the start of the current attempt belongs
  to it; one at least that many days after the start begins the next attempt. Messages 6 days
  apart are one attempt, 7 days apart two. Any answer resets the count to zero. The owner's
  reply to their message (the first group after an answer) is not an attempt: it is the owner
  answering, and it makes that day a two-way contact; only later messages are attempts.
* *Two-way contact* happens on a day when the conversation changes hands: an incoming message
  after an outgoing one (they answered), an outgoing message after an incoming one (you
  answered), or a meeting or call. The *last two-way contact* is the latest such day.
* The *cadence* is ``cadence_days``, or the shortest ``tag_cadences`` entry among the person's
  tags. The next check-in is due on the last two-way contact plus the cadence.

The states, and the order in which they win when several apply:

1. ``removed``: the connection's status is removed, or the owner's latest prune decision is remove.
2. ``hidden``: the owner's latest prune decision is hide (and its ``until`` date, if any, is not past).
3. ``unresponsive``: ``attempts_to_unresponsive`` (3) attempts or more, no answer.
4. ``owe_reply``: their message is the last word, more than ``owe_reply_after_days`` (2) days
   old (exactly 2 days is not yet), and not older than the cadence; an older unanswered message
   means the thread went stale and the connection is simply due.
5. ``awaiting_reply``: 1 or more attempts open, fewer than the unresponsive threshold;
   ``next_try_on`` is the start of the last attempt plus ``attempt_gap_days``.
6. ``new``: connected less than ``new_connection_days`` (14) days ago and the owner has not
   written, met or called them since connecting (a fresh message from them does not stop them
   being new: thank them and follow up).
7. ``due``: a full cadence has passed since the last two-way contact, or there has been some
   interaction but never a two-way one.
8. ``two_way``: the last two-way contact is within the cadence.
9. ``never_contacted``: no interaction ever, and not new.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, text

from twoway import clock, history, owed, people
from twoway import settings as settings_mod
from twoway.errors import InputError, NotFound
from twoway.history import IN, History, ago_words, day_to_date
from twoway.history_facts import (  # noqa: F401  (re-exported: the rules' API)
    Facts,
    fact_arrays,
    facts_from_events,
    facts_from_history,
    fold_attempts,
    open_attempts,
)
from twoway.settings import Settings
from twoway.tags import normalise_tag, protected_tags, tag_cadences, tags_by_person

STATES = ("new", "owe_reply", "awaiting_reply", "unresponsive", "two_way", "due", "never_contacted",
          "hidden", "removed")

#: Words for each state, for tables and the web.
LABELS = {
    "new": "new",
    "owe_reply": "you owe a reply",
    "awaiting_reply": "awaiting reply",
    "unresponsive": "unresponsive",
    "two_way": "two-way",
    "due": "due",
    "never_contacted": "never contacted",
    "hidden": "hidden",
    "removed": "removed",
}


_VERDICT_FIELDS = ("person_id", "state", "reason", "attempts", "next_try_on", "last_in", "last_out", "last_two_way",
                   "due_on", "connected_on", "cadence_days", "tags", "last_contact", "protected")


class Verdict:
    """One connection's state and the facts behind it; a value, never changed once made.

    ``reason`` may be given as a function of the verdict: the words are then written the first time
    they are read (30,000 sentences cost more than 30,000 states, and most are never shown). A plain
    slotted class: 30,000 frozen dataclasses cost several times more to make.
    """

    __slots__ = ("_reason", "attempts", "cadence_days", "connected_on", "due_on", "last_contact", "last_in",
                 "last_out", "last_two_way", "next_try_on", "person_id", "protected", "state", "tags")

    def __init__(self, person_id: int, state: str, reason: str | Callable[[Verdict], str], attempts: int,
                 next_try_on: date | None, last_in: date | None, last_out: date | None, last_two_way: date | None,
                 due_on: date | None, connected_on: date | None, cadence_days: int, tags: tuple[str, ...] = (),
                 last_contact: date | None = None, protected: bool = False) -> None:
        self.person_id = person_id
        self.state = state
        self._reason = reason
        self.attempts = attempts
        self.next_try_on = next_try_on
        self.last_in = last_in
        self.last_out = last_out
        self.last_two_way = last_two_way
        self.due_on = due_on
        self.connected_on = connected_on
        self.cadence_days = cadence_days
        self.tags = tags
        self.last_contact = last_contact
        self.protected = protected

    @property
    def reason(self) -> str:
        words = self._reason
        if not isinstance(words, str):
            words = self._reason = words(self)
        return words

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _VERDICT_FIELDS)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Verdict):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return "Verdict(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in _VERDICT_FIELDS) + ")"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in _VERDICT_FIELDS:
            value = getattr(self, name)
            out[name] = value.isoformat() if isinstance(value, date) else value
        out["tags"] = list(self.tags)
        return out


@dataclass(frozen=True)
class Rules:
    """The settings the state rules read, resolved once (settings lookups are too slow per person)."""

    cadence_days: int
    tag_cadences: dict[str, int]
    protected_tags: frozenset[str]
    attempt_gap_days: int
    attempts_to_unresponsive: int
    new_connection_days: int
    owe_reply_after_days: int

    @classmethod
    def from_settings(cls, settings: Settings) -> Rules:
        return cls(
            cadence_days=int(settings.cadence_days),
            tag_cadences=tag_cadences(settings),
            protected_tags=protected_tags(settings),
            attempt_gap_days=int(settings.attempt_gap_days),
            attempts_to_unresponsive=int(settings.attempts_to_unresponsive),
            new_connection_days=int(settings.new_connection_days),
            owe_reply_after_days=int(settings.owe_reply_after_days),
        )

    def cadence(self, tags: tuple[str, ...]) -> tuple[int, str | None]:
        """The cadence for these tags, and the tag it comes from (None for the default)."""
        best, which = self.cadence_days, None
        for t in tags:
            days = self.tag_cadences.get(t)
            if days is not None and (which is None or days < best):
                best, which = days, t
        return best, which

    def protected(self, tags: tuple[str, ...]) -> bool:
        return any(t in self.protected_tags for t in tags)


# --- the rules, as pure functions ---------------------------------------------------------------


def _fmt(d: date | None) -> str:
    return "" if d is None else history.date_words(d)


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


_DATES: dict[int, date] = {}


def _d(day: int | None) -> date | None:
    if day is None:
        return None
    found = _DATES.get(day)
    if found is None:
        found = _DATES[day] = day_to_date(day)  # a few thousand distinct days serve 30,000 people
    return found


def classify(
    person_id: int,
    facts: Facts,
    *,
    today: date,
    settings: Settings | Rules,
    connected_on: date | None = None,
    status: str = "connected",
    removed_on: date | None = None,
    prune: tuple[str, date | None, date | None] | None = None,
    tags: tuple[str, ...] = (),
    reasons: bool = True,
) -> Verdict:
    """The state of one connection from its facts. ``prune`` is (verdict, decided_on, until).

    ``reasons=False`` leaves the reason empty: the state is the same, the words are not written
    (a filter over 30,000 connections needs only the state).
    """
    rules = settings if isinstance(settings, Rules) else Rules.from_settings(settings)
    cadence, which_tag = rules.cadence(tags) if tags else (rules.cadence_days, None)
    gap = rules.attempt_gap_days
    today_n = history.date_to_day(today)
    last_two_way = _d(facts.last_two_way)
    due_on = last_two_way + timedelta(days=cadence) if last_two_way else None
    if due_on is None and connected_on is not None and facts.last_any is None:
        due_on = connected_on + timedelta(days=rules.new_connection_days)
    attempts = facts.attempts
    next_try = _d(facts.attempt_days[-1] + gap) if attempts else None
    last_in, last_out, last_any = _d(facts.last_in), _d(facts.last_out), _d(facts.last_any)
    if facts.pitch_day is not None:  # the pitch was sent all the same: only the rules look past it
        last_in = last_any = _d(facts.pitch_day)
    protected = rules.protected(tags) if tags else False

    def verdict(state: str, reason: Callable[[], str], next_try_on: date | None = next_try,
                due: date | None = due_on) -> Verdict:
        words = ""
        if reasons:
            if facts.pitch_day is not None and state == "never_contacted":
                # Nothing was said between them but a pitch: say that, not "never any interaction".
                words = (f"Nothing between you but their message of {_fmt(_d(facts.pitch_day))}, which looks "
                         "like a pitch: no reply owed")
            else:
                words = reason()
                if facts.pitch_day is not None:
                    words += (f"; their last message, of {_fmt(_d(facts.pitch_day))}, looks like a pitch: "
                              "no reply owed")
        return Verdict(person_id, state, words, attempts, next_try_on, last_in, last_out, last_two_way, due,
                       connected_on, cadence, tags, last_any, protected)

    decision, decided_on, until = prune if prune else (None, None, None)
    if status == "removed" or decision == "remove":
        when = removed_on if status == "removed" else decided_on
        how = "No longer among your connections" if status == "removed" else "You removed them"
        return verdict("removed", lambda: f"{how}{' since ' + _fmt(when) if when else ''}", next_try_on=None)
    if decision == "hide" and (until is None or until >= today):
        tail = f" until {_fmt(until)}" if until else ""
        return verdict("hidden", lambda: f"Hidden{' on ' + _fmt(decided_on) if decided_on else ''}{tail}: "
                                         "still connected, out of the rotation", next_try_on=None)

    def cadence_words() -> str:
        return f"your {cadence}-day cadence" + (f" for '{which_tag}'" if which_tag else "")

    if attempts:
        def open_attempts_words() -> str:
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
                spoke = "you last spoke on" if facts.last_in_met else "their message of"
                since = f"no answer since {spoke} {_fmt(_d(facts.last_in))}"
            elif connected_on is not None:
                since = "no answer since you connected"
            else:
                since = "no answer yet"
            return f"{head}, {since}"

        if attempts >= rules.attempts_to_unresponsive:
            return verdict("unresponsive", open_attempts_words, next_try_on=None)
        assert next_try is not None
        retry = "a retry is due since" if next_try <= today else "next try from"
        return verdict("awaiting_reply", lambda: f"{open_attempts_words()}; {retry} {_fmt(next_try)}")

    if facts.last_side == IN and facts.last_in is not None:
        age = today_n - facts.last_in
        if rules.owe_reply_after_days < age < cadence:
            return verdict("owe_reply", lambda: f"Their message of {_fmt(_d(facts.last_in))} is the last word "
                                                f"({ago_words(age)})")

    if connected_on is not None:
        since_connect = (today - connected_on).days
        wrote_since = facts.last_out is not None and facts.last_out >= history.date_to_day(connected_on)
        if since_connect < rules.new_connection_days and not wrote_since:
            what = "their message awaits your answer" if facts.last_side == IN else "nothing said yet"
            return verdict("new", lambda: f"Connected {_fmt(connected_on)} ({ago_words(since_connect)}), {what}: "
                                          "thank them and follow up")

    if last_two_way is not None and due_on is not None:
        age = (today - last_two_way).days
        if today >= due_on:
            return verdict("due", lambda: f"Last two-way contact {_fmt(last_two_way)} ({ago_words(age)}), "
                                          f"over {cadence_words()}")
        return verdict("two_way", lambda: f"Last two-way contact {_fmt(last_two_way)} ({ago_words(age)}), within "
                                          f"{cadence_words()}; next check-in by {_fmt(due_on)}")
    if facts.last_any is not None:
        def no_two_way() -> str:
            last = _d(facts.last_any)
            if facts.last_side == IN:
                what = f"their message of {_fmt(last)} is waiting for your answer"
                if today_n - (facts.last_in or 0) >= cadence:
                    what = f"their message of {_fmt(last)} went unanswered"
            else:
                what = f"last interaction {_fmt(last)}"
            return f"No two-way contact yet; {what}"

        return verdict("due", no_two_way, due=today)
    if connected_on is not None:
        return verdict("never_contacted", lambda: f"Connected {_fmt(connected_on)} "
                                                  f"({ago_words((today - connected_on).days)}), never any interaction")
    return verdict("never_contacted", lambda: "Never any interaction (connection date unknown)", due=today)


def prune_decisions(conn: Connection, owner_id: int) -> dict[int, tuple[str, date | None, date | None]]:
    """The owner's latest prune decision per person: (verdict, decided on, until)."""
    latest: dict[int, tuple[str, date | None, date | None]] = {}
    rows = conn.execute(
        text("SELECT person_id, verdict, decided_at, until FROM decisions WHERE owner_id = :o "
             "AND subject = 'prune' AND person_id IS NOT NULL ORDER BY decided_at, id"),
        {"o": owner_id},
    )
    for person_id, verdict, decided_at, until in rows:
        latest[int(person_id)] = (verdict, _parse_date(decided_at), _parse_date(until))
    return latest


def _parse_date(raw: str | None) -> date | None:
    if not raw:
        return None
    if raw in _ISO_DATES:  # decisions repeat the same few dates: parse each once
        return _ISO_DATES[raw]
    try:
        parsed: date | None = date.fromisoformat(str(raw)[:10])
    except ValueError:
        parsed = None
    if len(_ISO_DATES) < 100_000:
        _ISO_DATES[raw] = parsed
    return parsed


_ISO_DATES: dict[str, date | None] = {}


def compute_states(
    conn: Connection,
    owner_id: int,
    *,
    settings: Settings | None = None,
    today: date | None = None,
    person_ids: Collection[int] | None = None,
    hist: History | None = None,
    reasons: bool = True,
) -> dict[int, Verdict]:
    """The state of every connection of the owner (connected or removed), keyed by person id, in
    person id order.

    Computed for everyone at once (twoway.states_batch, equal to :func:`classify` per person); each
    reason is written the first time it is read. ``reasons=False`` leaves every reason empty.
    """
    settings = settings or settings_mod.load(conn)
    today = today or clock.today()
    if hist is None:
        hist = history.load_history(conn, owner_id, today=today, person_ids=person_ids)
    elif person_ids is not None:
        hist = history.subset(hist, person_ids)
    from twoway import states_batch  # the batch pass builds on this module's rules and Verdict

    rules = Rules.from_settings(settings)
    fa = fact_arrays(hist, rules.attempt_gap_days)
    longest = max([rules.cadence_days, *rules.tag_cadences.values()])
    maybe_owed = owed.candidates_of(hist, fa, history.date_to_day(today), rules.owe_reply_after_days, longest)
    pitched = owed.without_pitches(conn, owner_id, hist, maybe_owed, rules.attempt_gap_days)
    return states_batch.judge_all(
        hist, fa, pitched, states_batch.read_connections(conn, owner_id, person_ids), today=today, rules=rules,
        tags=tags_by_person(conn, owner_id), prunes=prune_decisions(conn, owner_id), reasons=reasons,
    )


def state_of(
    conn: Connection,
    owner_id: int,
    person_id: int,
    *,
    settings: Settings | None = None,
    today: date | None = None,
) -> Verdict:
    """The state of one connection; NotFound when the person is not (or no longer) a connection."""
    found = compute_states(conn, owner_id, settings=settings, today=today, person_ids=[person_id])
    if person_id not in found:
        raise NotFound("that person is not one of your connections")
    return found[person_id]


def count_by_state(verdicts: dict[int, Verdict]) -> dict[str, int]:
    counts = dict.fromkeys(STATES, 0)
    for v in verdicts.values():
        counts[v.state] += 1
    return counts


# --- listings for the faces ----------------------------------------------------------------------


@dataclass(frozen=True)
class StateRow:
    """A verdict with the person's name, for tables."""

    verdict: Verdict
    full_name: str
    company: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"full_name": self.full_name, "company": self.company, **self.verdict.to_dict()}


def _names(conn: Connection, owner_id: int) -> dict[int, tuple[str, str | None]]:
    rows = conn.execute(
        text("SELECT p.id, p.full_name, p.company FROM connections c JOIN people p ON p.id = c.person_id "
             "WHERE c.owner_id = :o"),
        {"o": owner_id},
    )
    return {int(i): (n, c) for i, n, c in rows}


def list_states(
    conn: Connection,
    owner_id: int,
    *,
    only: Collection[str] = (),
    tag: str | None = None,
    settings: Settings | None = None,
    today: date | None = None,
) -> tuple[list[StateRow], dict[str, int]]:
    """Connections with their state and reason (filtered by state and tag), and the count per state
    over the whole network."""
    unknown = [s for s in only if s not in STATES]
    if unknown:
        raise InputError(f"no state called {unknown[0]!r}; states are {', '.join(STATES)}")
    verdicts = compute_states(conn, owner_id, settings=settings, today=today)
    counts = count_by_state(verdicts)
    wanted_tag = normalise_tag(tag) if tag else None
    names = _names(conn, owner_id)
    order = {s: i for i, s in enumerate(STATES)}
    rows = [
        StateRow(v, *names.get(pid, (f"#{pid}", None)))
        for pid, v in verdicts.items()
        if (not only or v.state in only) and (wanted_tag is None or wanted_tag in v.tags)
    ]
    rows.sort(key=lambda r: (order[r.verdict.state], r.verdict.next_try_on or r.verdict.due_on or date.max,
                             r.full_name.casefold(), r.verdict.person_id))
    return rows, counts


def state_for(conn: Connection, owner_id: int, query: str, *, settings: Settings | None = None,
              today: date | None = None) -> StateRow:
    """The state of the connection QUERY means (a name, part of one, a profile URL or #id)."""
    person = people.resolve(conn, owner_id, query)
    try:
        verdict = state_of(conn, owner_id, person.id, settings=settings, today=today)
    except NotFound:
        raise NotFound(f"{person.full_name} is not one of your connections") from None
    return StateRow(verdict, person.full_name, person.company)
