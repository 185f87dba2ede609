"""The weekly plan's pure core: order, quota, exclusions, days, drafts; and a year of simulated weeks."""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from twoway.plan import JobChange, PlanPerson, WeekPlan, checkin_quota, plan_week, week_start_of
from twoway.settings import Settings

MONDAY = date(2024, 3, 4)


@dataclass(frozen=True)
class V:
    """A stand-in for twoway.states.Verdict with just what the plan reads."""

    person_id: int
    state: str
    reason: str = "because"
    attempts: int = 0
    next_try_on: date | None = None
    last_in: date | None = None
    last_out: date | None = None
    last_two_way: date | None = None
    due_on: date | None = None
    connected_on: date | None = None
    cadence_days: int = 365
    owed_on: date | None = None
    reading: str = ""
    pitch_only: bool = False
    substantive: bool = True


def _people(ids: list[int]) -> dict[int, PlanPerson]:
    return {i: PlanPerson(i, f"Person {i}", f"P{i}", f"Co {i}", "Engineer", f"https://www.linkedin.com/in/p{i}")
            for i in ids}


def _plan(verdicts: list[V], *, settings: Settings | None = None, strengths: Mapping[int, float] | None = None,
          week_start: date = MONDAY, today: date | None = None, job_changes: Mapping[int, JobChange] | None = None,
          snoozed: Mapping[int, date] | None = None, invited_by_owner: Collection[int] = frozenset()) -> WeekPlan:
    people = _people([v.person_id for v in verdicts])
    chosen = Settings() if settings is None else settings
    return plan_week({v.person_id: v for v in verdicts}, strengths or {}, people, chosen, week_start, today=today,
                     job_changes=job_changes, snoozed=snoozed, invited_by_owner=invited_by_owner)


def test_order_of_kinds_and_reasons() -> None:
    old = MONDAY - timedelta(days=400)
    verdicts = [
        V(1, "due", last_two_way=old, due_on=old + timedelta(days=365)),
        V(2, "awaiting_reply", attempts=1, last_out=MONDAY - timedelta(days=8), next_try_on=MONDAY + timedelta(days=1),
          last_in=MONDAY - timedelta(days=90)),
        V(3, "new", connected_on=MONDAY - timedelta(days=3)),
        V(4, "owe_reply", last_in=MONDAY - timedelta(days=5), owed_on=MONDAY - timedelta(days=5), reading="news"),
        V(5, "new", connected_on=MONDAY - timedelta(days=2)),
        V(6, "two_way", last_two_way=MONDAY - timedelta(days=30), due_on=MONDAY + timedelta(days=335)),
    ]
    plan = _plan(verdicts, invited_by_owner={3}, settings=Settings().with_values(weekly_checkins=5),
                 job_changes={6: JobChange(6, "Acme", "CTO", MONDAY - timedelta(days=10))}, strengths={6: 50.0})
    kinds = [(i.person_id, i.kind) for i in plan.items]
    # Filled by value: replies, new connections, retries, check-ins, then congratulations of strong ties.
    assert kinds == [(4, "reply"), (3, "thank"), (5, "follow_up"), (2, "retry"), (1, "check_in"), (6, "congratulate")]
    by_pid = {i.person_id: i for i in plan.items}
    assert by_pid[4].why_now == ""  # the state's reason names their message: said once
    assert by_pid[2].why_now == "attempt 2 of 3"
    # Each new connection's reason names the item's own action, with the date in words.
    assert by_pid[3].reason == "They accepted your invitation on 1 Mar 2024 (3 days ago), nothing said yet: thank them"
    assert by_pid[5].reason == "You connected on 2 Mar 2024 (2 days ago), nothing said yet: follow up"
    assert "first seen 23 Feb 2024" in by_pid[6].why_now
    assert by_pid[2].template == "second_attempt"
    assert by_pid[2].day == MONDAY + timedelta(days=1)
    assert "Congratulations on the new role as CTO at Acme" in by_pid[6].draft
    assert by_pid[3].draft.startswith("Hi P3,")
    assert "accepting my invitation" in by_pid[3].draft
    assert by_pid[1].reason == "because"
    assert by_pid[1].url == "https://www.linkedin.com/in/p1"
    assert by_pid[4].draft == ""  # a reply answers their message: there is nothing to draft ahead


def test_never_hidden_removed_unresponsive_or_snoozed() -> None:
    verdicts = [V(1, "hidden"), V(2, "removed"), V(3, "unresponsive", attempts=3), V(4, "never_contacted"),
                V(5, "owe_reply", last_in=MONDAY), V(6, "never_contacted")]
    plan = _plan(verdicts, snoozed={4: MONDAY + timedelta(days=30), 5: MONDAY + timedelta(days=2)},
                 settings=Settings().with_values(weekly_checkins=10))
    planned = {i.person_id: i for i in plan.items}
    assert set(planned) == {5, 6}
    assert planned[5].day == MONDAY + timedelta(days=2)  # snoozed until Wednesday: planned from Wednesday
    assert plan.eligible == 2


def test_quota_is_about_n_over_52_spread_over_workdays_and_strangers_get_a_bounded_share() -> None:
    long_ago = MONDAY - timedelta(days=800)
    known = [V(i, "due", last_two_way=long_ago + timedelta(days=i % 300),
               due_on=long_ago + timedelta(days=365 + i % 300)) for i in range(1000)]
    strangers = [V(2000 + i, "never_contacted", connected_on=MONDAY - timedelta(days=1000 - i)) for i in range(40)]
    plan = _plan(known + strangers, settings=Settings().with_values(weekly_items=100))
    assert plan.checkin_quota == math.ceil(1040 * 7 / 365) == 20
    kinds = [i.kind for i in plan.items]
    assert kinds.count("reintroduce") == 4  # 20% of the 20 check-in slots
    assert kinds.count("reconnect") + kinds.count("check_in") == 16
    days = [i.day for i in plan.items]
    assert sorted(set(days)) == [MONDAY + timedelta(days=d) for d in range(5)]
    assert all(days.count(d) == 4 for d in set(days))
    # ties with history: the most overdue first; strangers: the most recently connected first
    history_ids = [i.person_id for i in plan.items if i.person_id < 2000]
    assert history_ids == sorted(history_ids, key=lambda p: known[p].due_on or MONDAY)
    assert [i.person_id for i in plan.items if i.person_id >= 2000] == [2039, 2038, 2037, 2036]


def test_a_small_quota_still_gives_strangers_a_slot_every_few_weeks() -> None:
    strangers = [V(i, "never_contacted", connected_on=MONDAY - timedelta(days=100 + i)) for i in range(10)]
    weeks = [_plan(strangers, week_start=MONDAY + timedelta(weeks=w),
                   settings=Settings().with_values(weekly_checkins=1)) for w in range(10)]
    assert sum(len(p.items) for p in weeks) == 2  # a fifth of one check-in a week


def test_the_budget_fills_by_value_and_the_rest_waits() -> None:
    owed = [V(i, "owe_reply", last_in=MONDAY - timedelta(days=3 + i), owed_on=MONDAY - timedelta(days=3 + i),
              reading="question" if i % 2 else "news") for i in range(10)]
    due = [V(100 + i, "due", last_two_way=MONDAY - timedelta(days=400), due_on=MONDAY - timedelta(days=35))
           for i in range(30)]
    plan = _plan(owed + due, settings=Settings().with_values(weekly_items=12, weekly_checkins=20))
    assert len(plan.items) == 12
    assert [i.kind for i in plan.items[:10]] == ["reply"] * 10
    # questions before news, newest first
    assert [i.person_id for i in plan.items[:5]] == [1, 3, 5, 7, 9]
    assert len(plan.waiting) == 18
    assert plan.waiting_counts == {"check_in": 18}
    everything = plan_week({v.person_id: v for v in owed + due}, {}, _people([v.person_id for v in owed + due]),
                           Settings().with_values(weekly_items=12, weekly_checkins=20), MONDAY, all_items=True)
    assert len(everything.items) == 30


def test_a_day_of_new_connections_is_one_grouped_item_naming_the_strongest() -> None:
    day = MONDAY - timedelta(days=3)
    batch = [V(i, "new", connected_on=day) for i in range(40)]
    single = [V(99, "new", connected_on=MONDAY - timedelta(days=1))]
    plan = _plan(batch + single, strengths={7: 90.0, 3: 80.0, 30: 70.0})
    assert [i.kind for i in plan.items] == ["welcome", "follow_up"]  # the longest waiting first
    group = plan.items[0]
    assert group.person_id == 7
    assert len(group.members) == 40
    assert group.member_names == ["Person 7", "Person 3", "Person 30"]
    assert group.reason.startswith("40 connections made on 1 Mar 2024")
    assert group.action == "Welcome 40 new connections (Person 7, Person 3, Person 30 and 37 more)"


def test_pitch_senders_empty_profiles_and_answered_reintroductions_are_not_planned() -> None:
    old = MONDAY - timedelta(days=900)
    verdicts = [V(1, "never_contacted", pitch_only=True, connected_on=old),
                V(2, "never_contacted", connected_on=old),
                V(3, "due", attempts=1, last_out=MONDAY - timedelta(days=100), connected_on=old),
                V(4, "never_contacted", connected_on=old)]
    people = _people([1, 2, 3, 4])
    people[4] = PlanPerson(4, "Empty Profile")
    plan = plan_week({v.person_id: v for v in verdicts}, {}, people,
                     Settings().with_values(weekly_checkins=5, never_contacted_share=1.0), MONDAY)
    assert [i.person_id for i in plan.items] == [2]
    assert plan.items[0].kind == "reintroduce"
    assert "never actually spoke" in plan.items[0].draft
    job = _plan([V(5, "due", pitch_only=True)], job_changes={5: JobChange(5, "Acme", "CEO", MONDAY)},
                strengths={5: 90.0})
    assert job.items == []


def test_strongest_first_among_equally_silent_and_tag_cadences_raise_the_quota() -> None:
    same = MONDAY - timedelta(days=500)
    verdicts = [V(i, "due", last_two_way=same, due_on=same + timedelta(days=365)) for i in range(52)]
    plan = _plan(verdicts, strengths={7: 80.0, 9: 20.0})
    assert plan.checkin_quota == 1
    assert plan.items[0].person_id == 7
    inner = [replace(v, cadence_days=91) for v in verdicts[:13]]
    assert checkin_quota(inner + verdicts[13:], Settings()) == math.ceil(13 * 7 / 91 + 39 * 7 / 365)


def test_two_way_enters_the_rotation_when_due_within_the_week() -> None:
    verdicts = [
        V(1, "two_way", last_two_way=MONDAY - timedelta(days=360), due_on=MONDAY + timedelta(days=5)),
        V(2, "two_way", last_two_way=MONDAY - timedelta(days=300), due_on=MONDAY + timedelta(days=65)),
    ]
    plan = _plan(verdicts, settings=Settings().with_values(weekly_checkins=5))
    assert [i.person_id for i in plan.items] == [1]
    assert plan.items[0].why_now == ""  # the state's reason has the due date


def test_long_silence_is_a_reconnect_and_limit_cuts_check_ins_last() -> None:
    ancient = MONDAY - timedelta(days=1000)
    verdicts = [V(1, "due", last_two_way=ancient, last_in=ancient, due_on=ancient + timedelta(days=365)),
                V(2, "owe_reply", last_in=MONDAY - timedelta(days=3), owed_on=MONDAY - timedelta(days=3))]
    plan = _plan(verdicts, settings=Settings().with_values(weekly_checkins=5))
    assert plan.items[1].kind == "reconnect"
    assert plan.items[1].why_now == "silent for over twice your 365-day cadence"
    capped = _plan(verdicts, settings=Settings().with_values(weekly_checkins=5, weekly_items=1))
    assert [i.kind for i in capped.items] == ["reply"]
    assert [i.kind for i in capped.waiting] == ["reconnect"]


def test_awaiting_reply_is_neither_retried_early_nor_congratulated() -> None:
    verdicts = [V(1, "awaiting_reply", attempts=1, last_out=MONDAY - timedelta(days=2),
                  next_try_on=MONDAY + timedelta(days=12))]
    plan = _plan(verdicts, job_changes={1: JobChange(1, "Acme", "CTO", MONDAY)})
    assert plan.items == []


def test_a_check_in_owns_up_to_their_unanswered_question() -> None:
    old = MONDAY - timedelta(days=400)
    asked = MONDAY - timedelta(days=380)
    verdicts = [V(1, "due", last_two_way=old, due_on=old + timedelta(days=365), last_in=asked, last_out=old,
                  reading="question", owed_on=asked)]
    plan = _plan(verdicts, settings=Settings().with_values(weekly_checkins=5))
    assert plan.items[0].kind == "check_in"
    assert "I owe you an answer to your message of 18 February" in plan.items[0].draft


def test_week_of_any_day_starts_on_monday_and_today_moves_the_first_day() -> None:
    assert week_start_of(date(2024, 3, 7)) == MONDAY
    old = MONDAY - timedelta(days=400)
    verdicts = [V(i, "due", last_two_way=old, due_on=old + timedelta(days=365)) for i in range(10)]
    plan = _plan(verdicts, week_start=date(2024, 3, 7), today=date(2024, 3, 7),
                 settings=Settings().with_values(weekly_checkins=4))
    assert plan.week_start == MONDAY
    assert {i.day for i in plan.items} == {date(2024, 3, 7), date(2024, 3, 8)}


# --- A year of weeks, simulated with the pure core ------------------------------------------------

@dataclass
class Sim:
    pid: int
    cadence: int
    answers: bool
    last_two_way: date | None
    hidden_from: date | None
    snoozed_until: date | None
    attempts: int = 0
    last_out: date | None = None

    def verdict(self, today: date) -> V:
        if self.hidden_from is not None and today >= self.hidden_from:
            return V(self.pid, "hidden", cadence_days=self.cadence)
        if self.attempts >= 3:
            return V(self.pid, "unresponsive", attempts=3, last_out=self.last_out, cadence_days=self.cadence)
        # They answered before when there is history; a retry is offered within the 60-day retry window.
        last_in = self.last_two_way
        if self.attempts and self.last_out is not None and (today - self.last_out).days <= 60:
            return V(self.pid, "awaiting_reply", attempts=self.attempts, last_out=self.last_out, last_in=last_in,
                     next_try_on=self.last_out + timedelta(days=7), last_two_way=self.last_two_way,
                     cadence_days=self.cadence)
        if self.last_two_way is None:
            state = "due" if self.attempts else "never_contacted"  # a re-introduction went unanswered
            return V(self.pid, state, attempts=self.attempts, last_out=self.last_out, connected_on=date(2020, 1, 1),
                     cadence_days=self.cadence)
        due = self.last_two_way + timedelta(days=self.cadence)
        state = "due" if due <= today else "two_way"
        return V(self.pid, state, attempts=self.attempts, last_out=self.last_out, last_in=last_in,
                 last_two_way=self.last_two_way, due_on=due, cadence_days=self.cadence)


people_strategy = st.lists(
    st.tuples(st.booleans(), st.integers(0, 400), st.booleans(), st.integers(0, 60), st.integers(0, 30)),
    min_size=1, max_size=40,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=people_strategy, cadence=st.sampled_from([28, 90, 182, 365]), strengths=st.data())
def test_a_year_of_weeks_reaches_everyone_once_per_cadence(
    rows: list[tuple[bool, int, bool, int, int]], cadence: int, strengths: st.DataObject
) -> None:
    start = MONDAY
    sims: dict[int, Sim] = {}
    for pid, (answers, ago, never, hide_week, snooze_days) in enumerate(rows):
        last = None if never else start - timedelta(days=ago % cadence + 1)
        hidden_from = start + timedelta(weeks=hide_week) if hide_week < 20 else None
        snoozed_until = start + timedelta(days=snooze_days) if snooze_days > 20 else None
        sims[pid] = Sim(pid, cadence, answers, last, hidden_from, snoozed_until)
    strength = {pid: strengths.draw(st.floats(0, 100)) for pid in sims}
    weeks = math.ceil(2 * cadence / 7) + 4
    contacts: dict[int, list[date]] = {pid: [] for pid in sims}
    outgoing: dict[int, int] = {pid: 0 for pid in sims}
    for w in range(weeks):
        monday = start + timedelta(weeks=w)
        verdicts = {pid: s.verdict(monday) for pid, s in sims.items()}
        snoozed = {pid: s.snoozed_until for pid, s in sims.items() if s.snoozed_until}
        plan = plan_week(verdicts, strength, {}, Settings().with_values(cadence_days=cadence), monday,
                         snoozed=snoozed, with_drafts=False)
        assert len({i.person_id for i in plan.items}) == len(plan.items)  # one item per person a week
        for item in sorted(plan.items, key=lambda i: i.day):
            sim = sims[item.person_id]
            v = verdicts[item.person_id]
            assert v.state not in ("hidden", "removed", "unresponsive")
            assert sim.snoozed_until is None or sim.snoozed_until <= plan.week_end
            assert monday <= item.day <= plan.week_end
            if item.kind in ("check_in", "reconnect", "reintroduce"):
                if contacts[item.person_id]:  # never more often than once per cadence
                    assert (item.day - contacts[item.person_id][-1]).days >= cadence - 6
                contacts[item.person_id].append(item.day)
            # The owner sends the draft; people who answer do so the same day.
            outgoing[item.person_id] += 1
            if sim.answers:
                sim.last_two_way, sim.attempts, sim.last_out = item.day, 0, None
            else:
                sim.attempts += 1
                sim.last_out = item.day
    horizon = start + timedelta(weeks=weeks)
    first_due_by = start + timedelta(days=cadence + 7)
    strangers = {pid for pid, (_, _, is_never, _, _) in enumerate(rows) if is_never}
    for pid, sim in sims.items():
        if not sim.answers:
            # history: a check-in and at most two retries, then unresponsive; never spoken with: one re-introduction
            assert outgoing[pid] <= (1 if pid in strangers else 3)
        if sim.hidden_from is not None or pid in strangers:
            continue  # the never-spoken-with get a bounded share of the slots: no promise when
        # every due tie with history is reached within a cadence of falling due (stretched by the strangers' share)
        assert contacts[pid], f"#{pid} never reached"
        assert contacts[pid][0] <= first_due_by + timedelta(days=math.ceil(cadence / 0.8) + 7)
        if sim.answers:
            assert (horizon - contacts[pid][-1]).days <= 2 * cadence + 14
            for a, b in zip(contacts[pid], contacts[pid][1:], strict=False):
                assert (b - a).days <= 2 * cadence + 7


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["due", "never_contacted", "two_way", "owe_reply", "new",
                                           "awaiting_reply"]),
                          st.integers(0, 30), st.floats(0, 100)), min_size=1, max_size=120),
       st.integers(1, 20))
def test_asking_strengths_lazily_gives_the_same_plan(rows: list[tuple[str, int, float]], quota: int) -> None:
    verdicts = {}
    for pid, (state, ago, _) in enumerate(rows):
        day = MONDAY - timedelta(days=400 + ago)  # few distinct days: many ties for strength to break
        verdicts[pid] = V(pid, state, last_two_way=day if state != "never_contacted" else None,
                          connected_on=day, due_on=day + timedelta(days=365), last_in=MONDAY - timedelta(days=5),
                          last_out=MONDAY - timedelta(days=9), attempts=1 if state == "awaiting_reply" else 0,
                          next_try_on=MONDAY - timedelta(days=2) if state == "awaiting_reply" else None)
    full = {pid: strength for pid, (_, _, strength) in enumerate(rows)}
    asked: list[int] = []

    def lazy(ids: Collection[int]) -> dict[int, float]:
        asked.extend(ids)
        return {pid: full[pid] for pid in ids}

    s = Settings().with_values(weekly_checkins=quota)
    eager = plan_week(verdicts, full, {}, s, MONDAY, with_drafts=False)
    late = plan_week(verdicts, lazy, {}, s, MONDAY, with_drafts=False)
    assert [(i.person_id, i.kind, i.day) for i in late.items] == [(i.person_id, i.kind, i.day) for i in eager.items]
    # Strength orders everyone but the never-spoken-with (they go by connection date): only theirs is not asked.
    assert [i.strength for i in late.items if i.kind != "reintroduce"] == [
        i.strength for i in eager.items if i.kind != "reintroduce"]
    assert set(asked) <= set(verdicts)


def test_check_ins_go_first_to_ties_where_they_once_said_something_real() -> None:
    old = MONDAY - timedelta(days=500)
    courteous = [V(i, "due", last_two_way=old, due_on=old + timedelta(days=365), substantive=False) for i in range(5)]
    real = [V(10 + i, "due", last_two_way=old + timedelta(days=90), due_on=old + timedelta(days=455))
            for i in range(3)]
    plan = _plan(courteous + real, strengths={0: 30.0, 10: 5.0},
                 settings=Settings().with_values(weekly_checkins=4, never_contacted_share=0.0))
    assert [i.person_id for i in plan.items][:3] == [10, 11, 12]
