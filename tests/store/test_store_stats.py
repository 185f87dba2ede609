"""After an import on PostgreSQL the planner knows how big the tables are (it plans the next queries from that)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import text

from twoway.generator import generate_export
from twoway.store import open_store
from twoway.views.imports import import_and_warm


def test_an_import_leaves_the_planner_with_the_real_size_of_what_it_wrote(pg_url: str, tmp_path: Path) -> None:
    export = generate_export(tmp_path / "e", seed=5, connections=400, messages=100, today=date(2026, 6, 7))
    store = open_store(pg_url)
    import_and_warm(store, export.path)
    with store.connect() as conn:
        rows = conn.execute(text("SELECT COUNT(*) FROM connections")).scalar_one()
        believed = conn.execute(text(
            "SELECT reltuples FROM pg_class WHERE relname = 'connections' "
            "AND relnamespace = current_schema()::regnamespace")).scalar_one()
    store.close()
    assert rows > 300
    assert abs(believed - rows) <= rows * 0.1, (believed, rows)
