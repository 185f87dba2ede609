"""The band each member publishes of their ties: written from their strengths, read by the others."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import text

from tests.network_builder import Net
from twoway import strength
from twoway.store import Store

TODAY = date(2026, 6, 1)


def test_bands_published_are_the_bands_of_the_scores(any_store: Store) -> None:
    with any_store.begin() as conn:
        net = Net(conn)
        close = net.person("Ann Close", connected_on=date(2018, 1, 1))
        quiet = net.person("Bo Quiet", connected_on=date(2018, 1, 1))
        for weeks in range(1, 40):
            day = TODAY - timedelta(weeks=weeks)
            net.msg(close, "out", day, "Could we meet next week to talk about the project?")
            net.msg(close, "in", day + timedelta(days=1), "Yes, gladly: what about Tuesday at ten?")
        assert strength.publish_bands(conn, 1, today=TODAY) == 2
        scores = strength.compute_strengths(conn, 1, today=TODAY)
        published = strength.published_bands(conn, [close, quiet])
        assert published == {(1, close): strength.band(scores[close].score), (1, quiet): "weak"}
        assert published[(1, close)] != "weak"
        # Publishing one person again replaces their row only.
        conn.execute(text("UPDATE member_ties SET band = 'strong' WHERE person_id = :p"), {"p": quiet})
        assert strength.publish_bands(conn, 1, person_ids=[close], today=TODAY) == 1
        assert strength.published_bands(conn, [quiet]) == {(1, quiet): "strong"}
        assert conn.execute(text("SELECT COUNT(*) FROM member_ties")).scalar_one() == 2
