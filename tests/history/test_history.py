"""The one-pass history read: what counts, order, the cut at "today", subsets and the cache."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy import Connection, text

from twoway import clock, history, paths, views, words
from twoway.generator import generate_export
from twoway.history import BOTH, IN, OUT, Event
from twoway.history import cache as history_cache
from twoway.store import Store

DAY = 86_400
T0 = clock.day_start_ts(date(2026, 6, 1))


def _seed(conn: Connection) -> None:
    conn.execute(text("INSERT INTO owners (name, created_at) VALUES ('Olive Owner', '2026-01-01')"))
    conn.execute(text("INSERT INTO owners (name, created_at) VALUES ('Other Owner', '2026-01-01')"))
    conn.execute(text("INSERT INTO conversations (id, owner_id, external_id, kind) VALUES "
                      "(1, 1, 'd', 'direct'), (2, 1, 'g', 'group'), (3, 1, 's', 'sponsored')"))
    rows = [
        # person, conversation, kind, channel, direction, day offset
        (5, 1, "message", "linkedin", "out", 3),
        (5, 1, "message", "linkedin", "in", 1),  # inserted out of order on purpose
        (5, None, "meeting", "meeting", "out", 7),
        (5, 2, "message", "linkedin", "in", 2),  # a group conversation: never counts
        (6, None, "email", "email", "in", 4),
        (6, None, "call", "phone", "in", 400),  # after "today" below
        (None, 3, "sponsored", "linkedin", "in", 5),  # sponsored: no person
    ]
    conn.execute(
        text("INSERT INTO interactions (owner_id, person_id, conversation_id, kind, channel, direction, at, "
             "fingerprint) VALUES (1, :p, :c, :k, :ch, :d, :a, :f)"),
        [{"p": p, "c": c, "k": k, "ch": ch, "d": d, "a": T0 + off * DAY, "f": f"f{i}"}
         for i, (p, c, k, ch, d, off) in enumerate(rows)],
    )
    conn.execute(text("INSERT INTO interactions (owner_id, person_id, direction, at, fingerprint) "
                      "VALUES (2, 5, 'out', :a, 'other')"), {"a": T0})


def test_load_history_orders_filters_and_codes_events(any_store: Store) -> None:
    with any_store.begin() as conn:
        _seed(conn)
    with any_store.connect() as conn:
        h = history.load_history(conn, 1, today=date(2026, 9, 1))
    assert h.person_ids.tolist() == [5, 6]
    assert h.starts.tolist() == [0, 3, 4]
    assert h.at.tolist() == [T0 + DAY, T0 + 3 * DAY, T0 + 7 * DAY, T0 + 4 * DAY]
    assert h.side.tolist() == [IN, OUT, BOTH, IN]
    assert h.events_for(5) == [
        Event("in", T0 + DAY, "message", "linkedin"),
        Event("out", T0 + 3 * DAY, "message", "linkedin"),
        Event("out", T0 + 7 * DAY, "meeting", "meeting"),
    ]
    assert h.events_for(6) == [Event("in", T0 + 4 * DAY, "email", "email")]
    assert h.events_for(99) == []
    assert h.segment_ids().tolist() == [0, 0, 0, 1]


def test_today_cuts_the_future_off(store: Store) -> None:
    with store.begin() as conn:
        _seed(conn)
    with store.connect() as conn:
        later = history.load_history(conn, 1, today=date(2027, 12, 31))
        early = history.load_history(conn, 1, today=date(2026, 6, 2))
    assert later.events_for(6)[-1].kind == "call"
    assert early.event_count == 1  # only the message of 2 June


def test_person_ids_and_subset(store: Store) -> None:
    with store.begin() as conn:
        _seed(conn)
    with store.connect() as conn:
        one = history.load_history(conn, 1, today=date(2026, 9, 1), person_ids=[6, 42])
        full = history.load_history(conn, 1, today=date(2026, 9, 1))
    assert one.person_ids.tolist() == [6]
    sub = history.subset(full, [6])
    assert sub.at.tolist() == one.at.tolist()
    assert sub.starts.tolist() == [0, 1]
    assert history.subset(full, []).event_count == 0


def test_the_cache_sees_new_rows(store: Store) -> None:
    with store.begin() as conn:
        _seed(conn)
    with store.connect() as conn:
        first = history.load_history(conn, 1, today=date(2026, 9, 1))
        again = history.load_history(conn, 1, today=date(2026, 9, 1))
    assert again is first
    with store.begin() as conn:
        conn.execute(text("INSERT INTO interactions (owner_id, person_id, direction, at, fingerprint) "
                          "VALUES (1, 7, 'out', :a, 'new')"), {"a": T0})
    with store.connect() as conn:
        fresh = history.load_history(conn, 1, today=date(2026, 9, 1))
    assert fresh is not first
    assert fresh.person_ids.tolist() == [5, 6, 7]


def test_from_events_sorts_and_skips_empty_people() -> None:
    h = history.from_events({
        3: [Event("out", 50), Event("in", 10)],
        1: [Event("in", 5, "call", "phone")],
        2: [],
    })
    assert h.person_ids.tolist() == [1, 3]
    assert h.at.tolist() == [5, 10, 50]
    assert h.side.tolist() == [BOTH, IN, OUT]
    assert h.events_for(1) == [Event("out", 5, "call", "phone")]  # mutual: the direction is not kept
    assert np.diff(h.starts).tolist() == [1, 2]


def test_dates_in_words_and_day_numbers() -> None:
    assert words.date_words(date(2026, 9, 1)) == "1 Sep 2026"
    d = date(2026, 2, 28)
    assert clock.day_to_date(clock.date_to_day(d)) == d
    assert clock.day_number(clock.day_start_ts(d) + DAY - 1) == clock.date_to_day(d)


def test_the_disk_cache_serves_a_new_process_and_follows_changes(store: Store) -> None:
    with store.begin() as conn:
        _seed(conn)
    with store.connect() as conn:
        first = history.load_history(conn, 1, today=date(2026, 9, 1))
    files = list((paths.user_dir() / "cache").glob("history-*.npz"))
    assert len(files) == 1
    assert files[0].stat().st_mode & 0o077 == 0  # private to the user
    history.clear_cache()  # as if a new process started
    with store.connect() as conn:
        again = history.load_history(conn, 1, today=date(2026, 9, 1))
        later = history.load_history(conn, 1, today=date(2027, 12, 31))
    assert again is not first
    assert again.at.tolist() == first.at.tolist()
    assert again.person_ids.tolist() == first.person_ids.tolist()
    assert later.event_count == first.event_count + 1  # the call after 1 Sep 2026, from the same cache
    with store.begin() as conn:
        conn.execute(text("INSERT INTO interactions (owner_id, person_id, direction, at, fingerprint) "
                          "VALUES (1, 8, 'in', :a, 'newer')"), {"a": T0})
    history.clear_cache()
    with store.connect() as conn:
        fresh = history.load_history(conn, 1, today=date(2026, 9, 1))
    assert 8 in fresh.person_ids.tolist()
    files[0].write_bytes(b"not a cache")  # a damaged file is rebuilt, never trusted
    history.clear_cache()
    with store.connect() as conn:
        assert history.load_history(conn, 1, today=date(2026, 9, 1)).at.tolist() == fresh.at.tolist()
    history.clear_cache(disk=True)
    assert not list((paths.user_dir() / "cache").glob("history-*.npz"))


# --- the cache grows by the new rows only --------------------------------------------------------


def _same(a: history.History, b: history.History) -> None:
    assert a.person_ids.tolist() == b.person_ids.tolist()
    assert a.starts.tolist() == b.starts.tolist()
    assert a.at.tolist() == b.at.tolist()
    assert a.side.tolist() == b.side.tolist()
    assert a.channel.tolist() == b.channel.tolist()


class _Reads:
    """Counts the history reads that reach the database, and which were increments."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[dict[str, Any]] = []
        real = history.read_rows  # what history_cache calls (it imports the name)

        def spy(conn: Connection, owner_id: int, **kw: Any) -> history.History:
            self.calls.append(kw)
            return real(conn, owner_id, **kw)

        monkeypatch.setattr(history_cache, "read_rows", spy)
        monkeypatch.setattr(history, "read_rows", spy)

    @property
    def increments(self) -> int:
        return sum(1 for c in self.calls if c.get("after_id") is not None)


def _insert(conn: Connection, rows: list[tuple[int, int | None, str, str, str, int]], tag: str) -> None:
    conn.execute(
        text("INSERT INTO interactions (owner_id, person_id, conversation_id, kind, channel, direction, at, "
             "fingerprint) VALUES (1, :p, :c, :k, :ch, :d, :a, :f)"),
        [{"p": p, "c": c, "k": k, "ch": ch, "d": d, "a": a, "f": f"{tag}{i}"}
         for i, (p, c, k, ch, d, a) in enumerate(rows)],
    )


def test_new_rows_are_merged_and_equal_a_full_read(any_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(5)
    kinds = [("message", "linkedin"), ("email", "email"), ("meeting", "meeting"), ("call", "phone")]

    def batch(n: int) -> list[tuple[int, int | None, str, str, str, int]]:
        out = []
        for _ in range(n):
            kind, channel = rng.choice(kinds)
            # Few distinct seconds, so events of one person often share a second (the tie order matters).
            out.append((rng.randint(1, 12), rng.choice([None, 1, 2]), kind, channel, rng.choice(["in", "out"]),
                        T0 + rng.randint(0, 40) * DAY + rng.choice([0, 0, 5])))
        return out

    with any_store.begin() as conn:
        _seed(conn)
        _insert(conn, batch(60), "a")
    reads = _Reads(monkeypatch)
    today = date(2026, 9, 1)
    with any_store.connect() as conn:
        history.load_history(conn, 1, today=today)
    for round_ in range(4):
        with any_store.begin() as conn:
            _insert(conn, batch(15), f"r{round_}-")
        if round_ == 2:
            history.clear_cache()  # a new process: the increment starts from the file in the data folder
        with any_store.connect() as conn:
            grown = history.load_history(conn, 1, today=today)
            whole = history.load_history(conn, 1, today=today, use_cache=False)
        _same(grown, whole)
    assert reads.increments == 4
    assert sum(1 for c in reads.calls if c.get("after_id") is None and c.get("until") is None) == 1


def test_a_deleted_row_or_a_conversation_turned_group_rebuilds(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    with store.begin() as conn:
        _seed(conn)
    today = date(2026, 9, 1)
    with store.connect() as conn:
        history.load_history(conn, 1, today=today)
    reads = _Reads(monkeypatch)
    with store.begin() as conn:
        conn.execute(text("DELETE FROM interactions WHERE person_id = 6"))
        _insert(conn, [(7, None, "message", "linkedin", "out", T0)], "d")
    with store.connect() as conn:
        after_delete = history.load_history(conn, 1, today=today)
    assert after_delete.person_ids.tolist() == [5, 7]
    assert reads.increments == 0  # one whole read, no merge
    assert len(reads.calls) == 1
    with store.begin() as conn:
        conn.execute(text("UPDATE conversations SET kind = 'group' WHERE id = 1"))  # as an import's upgrade does
        _insert(conn, [(9, None, "message", "linkedin", "in", T0)], "g")
    with store.connect() as conn:
        upgraded = history.load_history(conn, 1, today=today)
        whole = history.load_history(conn, 1, today=today, use_cache=False)
    _same(upgraded, whole)
    assert [e.kind for e in upgraded.events_for(5)] == ["meeting"]  # the two direct messages left with it
    assert reads.increments == 0


def test_a_few_people_come_from_the_fresh_cache(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    with store.begin() as conn:
        _seed(conn)
    today = date(2026, 9, 1)
    reads = _Reads(monkeypatch)
    with store.connect() as conn:
        cold = history.load_history(conn, 1, today=today, person_ids=[6])  # nothing cached: one small query
        assert reads.calls[-1].get("wanted") == [6]
        history.load_history(conn, 1, today=today)
        n = len(reads.calls)
        warm = history.load_history(conn, 1, today=today, person_ids=[6, 42])
        assert len(reads.calls) == n  # no query at all
        _same(warm, cold)
        conn.commit()
    with store.begin() as conn:
        _insert(conn, [(6, None, "message", "linkedin", "out", T0 + 9 * DAY)], "n")
    with store.connect() as conn:
        grown = history.load_history(conn, 1, today=today, person_ids=[6])
    assert reads.increments == 1
    assert grown.at.tolist() == [T0 + 4 * DAY, T0 + 9 * DAY]


def test_warm_builds_the_file_a_new_process_reads(store: Store) -> None:
    with store.begin() as conn:
        _seed(conn)
    with store.connect() as conn:
        history.warm(conn, 1)
    assert len(list((paths.user_dir() / "cache").glob("history-*.npz"))) == 1


def test_events_at_the_same_second_have_one_order() -> None:
    a = history.from_events({1: [Event("in", 10), Event("out", 10), Event("out", 5, "meeting", "meeting")]})
    b = history.from_events({1: [Event("out", 10), Event("out", 5, "meeting", "meeting"), Event("in", 10)]})
    _same(a, b)
    assert a.side.tolist() == [BOTH, OUT, IN]


def test_an_import_leaves_the_history_warm(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    export = generate_export(tmp_path / "export.zip", seed=4, connections=40, messages=300)
    summary = views.import_and_warm(store, export.path)
    assert list((paths.user_dir() / "cache").glob("history-*.npz"))
    history.clear_cache()  # a new process
    reads = _Reads(monkeypatch)
    with store.connect() as conn:
        warm = history.load_history(conn, summary.owner_id)
        whole = history.load_history(conn, summary.owner_id, use_cache=False)
    _same(warm, whole)
    assert warm.event_count > 0
    assert len(reads.calls) == 1  # only the comparison read the database


def test_a_large_subset_of_the_same_history_is_the_same_object() -> None:
    pids = np.repeat(np.arange(1, 1_501, dtype=np.int64), 3)
    h = history.from_columns(pids, np.arange(pids.size, dtype=np.int64) * 3_600, pids % 2, np.zeros(pids.size))
    wanted = list(range(2, 1_400))
    first = history.subset(h, wanted)
    assert first.person_ids.tolist() == wanted
    assert np.array_equal(first.at, h.at[3:3 * 1_399])
    # The same people kept (asked through other ids, some without history): the remembered object.
    assert history.subset(h, {*wanted, 5_000, 6_000}) is first
    assert history.subset(h, wanted[:-1]) is not first
    small = history.subset(h, [3, 4])
    assert history.subset(h, [3, 4]) is not small  # small subsets are cheap: not remembered
    # Remembered on the history itself: an equal history made afresh (a new read) remembers nothing yet.
    again = history.from_columns(pids, np.arange(pids.size, dtype=np.int64) * 3_600, pids % 2, np.zeros(pids.size))
    assert history.subset(again, wanted) is not first
    assert history.subset(h, range(0, 2_000)) is h
