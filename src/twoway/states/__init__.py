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

The states, and the order in which they win when several apply (the table in :mod:`.decide`):

1. ``removed``: the connection's status is removed, or the owner's latest prune decision is remove.
2. ``hidden``: the owner's latest prune decision is hide (and its ``until`` date, if any, is not past).
3. ``unresponsive``: ``attempts_to_unresponsive`` (3) attempts or more, no answer.
4. ``owe_reply``: their message is the last word, more than ``owe_reply_after_days`` (2) days
   old (exactly 2 days is not yet), and not older than the cadence; an older unanswered message
   means the thread went stale and the connection is simply due. A trailing pitch asks nothing
   (:mod:`.owed`).
5. ``awaiting_reply``: 1 or more attempts open, fewer than the unresponsive threshold;
   ``next_try_on`` is the start of the last attempt plus ``attempt_gap_days``.
6. ``new``: connected less than ``new_connection_days`` (14) days ago and the owner has not
   written, met or called them since connecting.
7. ``due``: a full cadence has passed since the last two-way contact, or there has been some
   interaction but never a two-way one.
8. ``two_way``: the last two-way contact is within the cadence.
9. ``never_contacted``: no interaction ever, and not new.

Modules: ``verdict`` (the value), ``rules`` (settings resolved, cadence and protection), ``decide``
(the rule), ``explain`` (its words), ``owed`` (a trailing pitch), ``compute`` (from the database).
"""

from twoway.states.compute import compute_states, count_by_state, judge, prune_decisions, state_of
from twoway.states.decide import Connections, judge_all, read_connections
from twoway.states.explain import explain
from twoway.states.rules import Rules, protected_tags, tag_cadences
from twoway.states.verdict import LABELS, STATES, Prune, Verdict

__all__ = [
    "LABELS",
    "STATES",
    "Connections",
    "Prune",
    "Rules",
    "Verdict",
    "compute_states",
    "count_by_state",
    "explain",
    "judge",
    "judge_all",
    "protected_tags",
    "prune_decisions",
    "read_connections",
    "state_of",
    "tag_cadences",
]
