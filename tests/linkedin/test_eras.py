"""Every era's synthetic export, imported: the stored counts equal the generator's ground truth.

Also re-imports (the same export twice, a later export, an older one after a newer one);
`twoway demo` is tested in tests/cli/test_demo.py.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from twoway.generator import ERA_SPECS, ERAS, GeneratedExport, generate_export
from twoway.linkedin import ImportSummary, import_export
from twoway.store import Store, open_store

TODAY = date(2026, 6, 15)


def _count(conn: Connection, sql: str, **params: object) -> int:
    return int(conn.execute(text(sql), params).scalar_one())


def _counts(store: Store) -> dict[str, int]:
    with store.connect() as conn:
        return {
            "people": _count(conn, "SELECT COUNT(*) FROM people"),
            "connected": _count(conn, "SELECT COUNT(*) FROM connections WHERE status = 'connected'"),
            "removed": _count(conn, "SELECT COUNT(*) FROM connections WHERE status = 'removed'"),
            "person_messages": _count(conn, "SELECT COUNT(*) FROM interactions WHERE kind = 'message'"),
            "apart": _count(conn, "SELECT COUNT(*) FROM interactions WHERE kind IN ('sponsored', 'system')"),
            "invitations_in": _count(conn, "SELECT COUNT(*) FROM invitations WHERE direction = 'in'"),
            "invitations_out": _count(conn, "SELECT COUNT(*) FROM invitations WHERE direction = 'out'"),
            "endorsements_received": _count(conn, "SELECT COUNT(*) FROM endorsements WHERE direction = 'in'"),
            "endorsements_given": _count(conn, "SELECT COUNT(*) FROM endorsements WHERE direction = 'out'"),
            "recommendations_received": _count(
                conn, "SELECT COUNT(*) FROM recommendations WHERE direction = 'in'"),
            "recommendations_given": _count(conn, "SELECT COUNT(*) FROM recommendations WHERE direction = 'out'"),
            "jobs": _count(conn, "SELECT COUNT(*) FROM jobs"),
            "contacts": _count(conn, "SELECT COUNT(*) FROM contacts"),
            "group_conversations": _count(conn, "SELECT COUNT(*) FROM conversations WHERE kind = 'group'"),
        }


def _check_against_truth(store: Store, export: GeneratedExport, summary: ImportSummary) -> None:
    got = _counts(store)
    assert got["connected"] == export.connections
    assert summary.connections_total == export.connections
    assert summary.date_only_rows == export.date_only > 0
    assert got["person_messages"] + got["apart"] == export.messages, "every message but drafts is stored"
    assert got["apart"] == export.sponsored + export.hidden_member, "sponsored and LinkedIn Member kept apart"
    assert summary.skipped.get("draft", 0) == export.drafts
    assert got["invitations_in"] == export.invitations_in
    assert got["invitations_out"] == export.invitations_out
    assert got["endorsements_received"] == export.endorsements_received
    assert got["endorsements_given"] == export.endorsements_given
    assert got["recommendations_received"] == export.recommendations_received
    assert got["recommendations_given"] == export.recommendations_given
    spec = ERA_SPECS[export.era]
    if spec.messages == "conversations":
        assert got["group_conversations"] == export.group_conversations
    with store.connect() as conn:
        owner = conn.execute(text("SELECT name, profile_url FROM owners")).one()
        urls = _count(conn, "SELECT COUNT(*) FROM people p JOIN connections c ON c.person_id = p.id "
                            "WHERE c.status = 'connected' AND p.url IS NOT NULL")
    assert owner.name == export.owner_name
    if export.owner_url_inferable:
        assert owner.profile_url == export.owner_url
    if spec.connection_url == "filled":
        assert urls == export.connections


@pytest.mark.parametrize("era", ERAS)
def test_every_era_imports_to_the_ground_truth(tmp_path: Path, era: str) -> None:
    export = generate_export(tmp_path / "export", seed=3, connections=300, years=5, era=era, today=TODAY)
    store = open_store(str(tmp_path / "t.db"))
    try:
        summary = import_export(store, export.path)
        _check_against_truth(store, export, summary)
    finally:
        store.close()


@pytest.mark.parametrize(("excel", "utf16"), [(True, False), (False, True), (True, True)])
def test_excel_resaves_and_utf16_files_import_the_same(tmp_path: Path, excel: bool, utf16: bool) -> None:
    export = generate_export(tmp_path / "export", seed=3, connections=300, years=5, today=TODAY, as_zip=False,
                             excel_resave=excel, utf16_files=utf16)
    store = open_store(str(tmp_path / "t.db"))
    try:
        summary = import_export(store, export.path)
        _check_against_truth(store, export, summary)
    finally:
        store.close()


def test_the_same_export_twice_changes_nothing(any_store: Store, tmp_path: Path) -> None:
    export = generate_export(tmp_path / "a", seed=9, connections=400, years=6, today=TODAY)
    first = import_export(any_store, export.path)
    before = _counts(any_store)
    again = import_export(any_store, export.path)
    assert _counts(any_store) == before
    assert first.messages_added > 0
    assert (again.messages_added, again.connections_added, again.connections_removed, again.job_changes,
            again.people_added, again.invitations_added) == (0, 0, 0, 0, 0, 0)


def test_a_later_export_adds_removes_and_changes_jobs(any_store: Store, tmp_path: Path) -> None:
    first = generate_export(tmp_path / "a", seed=9, connections=400, years=6, today=TODAY)
    later = generate_export(tmp_path / "b", seed=9, connections=400, years=6, today=TODAY, later_days=150)
    import_export(any_store, first.path)
    summary = import_export(any_store, later.path)
    assert later.added
    assert later.removed
    assert later.job_changes
    assert summary.connections_added == len(later.added)
    assert summary.connections_removed == len(later.removed)
    assert summary.job_changes == len(later.job_changes)
    got = _counts(any_store)
    assert got["connected"] == later.connections
    assert got["person_messages"] + got["apart"] == later.messages, "old messages kept, new ones added"
    with any_store.connect() as conn:
        for gone in later.removed:
            status = conn.execute(text(
                "SELECT c.status FROM connections c JOIN people p ON p.id = c.person_id WHERE p.url = :u"),
                {"u": gone.url}).scalar_one()
            assert status == "removed", gone.name
        for change in later.job_changes:
            current = conn.execute(text("SELECT company, position FROM people WHERE url = :u"),
                                   {"u": change.url}).one()
            assert tuple(current) == change.after
            history = {tuple(r) for r in conn.execute(text(
                "SELECT j.company, j.position FROM jobs j JOIN people p ON p.id = j.person_id WHERE p.url = :u"),
                {"u": change.url})}
            assert {change.before, change.after} <= history


def test_an_older_export_after_a_newer_one_loses_nothing(any_store: Store, tmp_path: Path) -> None:
    first = generate_export(tmp_path / "a", seed=9, connections=400, years=6, today=TODAY)
    later = generate_export(tmp_path / "b", seed=9, connections=400, years=6, today=TODAY, later_days=150)
    import_export(any_store, later.path)
    newest = _counts(any_store)
    summary = import_export(any_store, first.path)
    assert summary.older_than_previous
    got = _counts(any_store)
    assert got["connected"] == later.connections, "an older export marks nothing removed or re-added"
    assert got["person_messages"] + got["apart"] == later.messages
    for key in ("people", "invitations_in", "invitations_out", "endorsements_received", "jobs"):
        assert got[key] >= newest[key], key
    with any_store.connect() as conn:
        for change in later.job_changes:
            current = conn.execute(text("SELECT company, position FROM people WHERE url = :u"),
                                   {"u": change.url}).one()
            assert tuple(current) == change.after, "newer details are kept"
