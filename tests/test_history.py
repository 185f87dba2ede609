"""The one-pass history read: what counts, order, the cut at "today", subsets and the cache."""

from __future__ import annotations

from datetime import date

import numpy as np
from sqlalchemy import Connection, text

from twoway import clock, history, paths
from twoway.history import BOTH, IN, OUT, Event
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
    assert history.date_words(date(2026, 9, 1)) == "1 Sep 2026"
    d = date(2026, 2, 28)
    assert history.day_to_date(history.date_to_day(d)) == d
    assert history.day_number(clock.day_start_ts(d) + DAY - 1) == history.date_to_day(d)


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
