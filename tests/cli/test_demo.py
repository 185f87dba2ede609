"""`twoway demo`: two exports of one owner imported, the changes between them, and a realistic week."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from twoway.cli import cli
from twoway.generator import generate_export
from twoway.linkedin import import_export
from twoway.store import open_store

TODAY = "2026-06-15"
EVERY_STATE = ("new", "owe_reply", "awaiting_reply", "unresponsive", "two_way", "due", "never_contacted", "removed")


def _run(args: list[str]) -> Any:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output) if "--json" in args else result.output


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The default demo, run once: its JSON, its database, and the states and week it leads to."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TWOWAY_TODAY", TODAY)
        db = str(tmp_path_factory.mktemp("demo") / "demo.db")
        out = _run(["--db", db, "demo", "--json"])
        states = _run(["--db", db, "states", "--json"])
        week = _run(["--db", db, "week", "--json"])
    return {"db": db, "out": out, "states": states, "week": week}


def test_two_exports_are_imported_and_the_changes_match_the_truth(demo: dict[str, Any]) -> None:
    out, changes, export = demo["out"], demo["out"]["changes"], demo["out"]["export"]
    assert out["earlier_export"]["exported_on"] == "2026-04-16"
    assert export["exported_on"] == TODAY
    assert out["earlier_summary"]["import_id"] < out["summary"]["import_id"]
    assert changes["connections_added"] == len(export["added"]) > 0
    assert changes["connections_removed"] == len(export["removed"]) > 0
    assert changes["job_changes"] == len(export["job_changes"]) > 0
    assert changes["answered"] == len(export["answered"]) > 0
    assert changes["messages_added"] > 0
    store = open_store(demo["db"])
    try:
        with store.connect() as conn:
            sources = {r[0] for r in conn.execute(text("SELECT source FROM imports"))}
            connected = conn.execute(text("SELECT COUNT(*) FROM connections WHERE status = 'connected'")).scalar()
            removed = {r[0] for r in conn.execute(text(
                "SELECT p.url FROM connections c JOIN people p ON p.id = c.person_id WHERE c.status = 'removed'"))}
    finally:
        store.close()
    assert sources == {"demo"}
    assert connected == export["connections"]
    assert removed == {p["url"] for p in export["removed"]}


def test_mail_calendar_and_address_book_make_two_way_ties_linkedin_shows_silent(demo: dict[str, Any]) -> None:
    """The first run shows relationships that are two-way only through e-mail or meetings, newsletters kept apart,
    people who are not on LinkedIn, and at least one likely match to review."""
    by_source = {s["source"]: s for s in demo["out"]["channels"]}
    assert set(by_source) == {"mail", "calendar", "contacts"}
    assert by_source["mail"]["emails_added"] > 0
    assert by_source["mail"]["automated_kept_apart"] > 0
    assert by_source["calendar"]["meetings_added"] > 0
    assert by_source["calendar"]["skipped"] == {"cancelled": 1, "declined by you": 1}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TWOWAY_TODAY", TODAY)
        two_way = _run(["--db", demo["db"], "people", "--state", "two-way", "--all", "--json"])["rows"]
        suggestions = _run(["--db", demo["db"], "merge", "--json"])
    store = open_store(demo["db"])
    try:
        with store.connect() as conn:
            channels = {int(p): set(c.split(",")) for p, c in conn.execute(text(
                "SELECT person_id, " + ("GROUP_CONCAT(DISTINCT channel)") + " FROM interactions "
                "WHERE person_id IS NOT NULL GROUP BY person_id"))}
            outside = conn.execute(text("SELECT COUNT(*) FROM people p WHERE p.url IS NULL AND NOT EXISTS "
                                        "(SELECT 1 FROM connections c WHERE c.person_id = p.id)")).scalar()
    finally:
        store.close()
    elsewhere = [r for r in two_way if channels.get(r["id"]) and "linkedin" not in channels[r["id"]]]
    assert {"email"} in [channels[r["id"]] for r in elsewhere]
    assert any("meeting" in channels[r["id"]] for r in elsewhere)
    assert len(elsewhere) >= 10
    assert outside >= 6
    assert suggestions
    assert {s["reason"] for s in suggestions} <= {"same name", "same name and company"}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TWOWAY_TODAY", TODAY)
        person = _run(["--db", demo["db"], "person", f"#{elsewhere[0]['id']}", "--json"])
    assert person["state"]["state"] == "two_way"


def test_the_demo_shows_every_state(demo: dict[str, Any]) -> None:
    counts = demo["states"]["counts"]
    assert all(counts[s] > 0 for s in EVERY_STATE), counts
    # Most of the network is quiet, not waiting on anyone.
    total = demo["states"]["total"]
    assert counts["two_way"] + counts["due"] + counts["never_contacted"] > 0.6 * total
    assert counts["never_contacted"] > 0.7 * total, "most ties never hear a word, as in real exports"


def _last_words(demo: dict[str, Any]) -> dict[str, dict[bool, tuple[str, str]]]:
    """Per profile URL, the ground truth of the last direct message each way: {outgoing: (date, kind)}."""
    export = generate_export(Path(demo["db"]).parent / "again", seed=0, connections=1500, years=10,
                             today=date(2026, 4, 16), later_days=60, as_zip=False)
    assert export.exported_on.isoformat() == TODAY
    last: dict[str, dict[bool, tuple[str, str]]] = defaultdict(dict)
    for m in export.message_truth():
        if m.draft or m.row["CONVERSATION TITLE"]:
            continue
        url = m.row["RECIPIENT PROFILE URLS"] if m.outgoing else m.row["SENDER PROFILE URL"]
        seen = last[url]
        if m.outgoing not in seen or m.row["DATE"] > seen[m.outgoing][0]:
            seen[m.outgoing] = (m.row["DATE"], m.kind)
    return last


def _urls(demo: dict[str, Any]) -> dict[int, str]:
    store = open_store(demo["db"])
    try:
        with store.connect() as conn:
            return {pid: url for pid, url in conn.execute(text("SELECT id, url FROM people"))}
    finally:
        store.close()


def _ends_on(words: dict[bool, tuple[str, str]], outgoing: bool, kind: str) -> bool:
    """Is the thread's last message sent by that side (outgoing: the owner), of that kind?"""
    if outgoing not in words:
        return False
    other = words.get(not outgoing)
    return (other is None or other[0] < words[outgoing][0]) and words[outgoing][1] == kind


def test_a_careful_networker_owes_few_replies_and_awaits_few(demo: dict[str, Any]) -> None:
    """What the generator intends: the owner's open questions and the real questions left unanswered
    are a handful (courtesies, which ask nothing, are most of what ends threads)."""
    urls, last = _urls(demo), _last_words(demo)
    total = demo["states"]["total"]
    by_state: dict[str, list[dict[bool, tuple[str, str]]]] = defaultdict(list)
    for v in demo["states"]["connections"]:
        by_state[v["state"]].append(last.get(urls[v["person_id"]], {}))
    asks = sum(1 for w in by_state["owe_reply"] if _ends_on(w, False, "question") or _ends_on(w, False, "news"))
    attempts = sum(1 for w in by_state["awaiting_reply"] if _ends_on(w, True, "question"))
    courtesies = sum(1 for ws in by_state.values() for w in ws if _ends_on(w, True, "courtesy"))
    assert 0 < asks <= 0.02 * total
    assert attempts <= 0.03 * total
    assert courtesies > attempts, "the owner's thank-yous and congratulations end many threads"


def test_the_states_read_courtesies_as_no_obligation(demo: dict[str, Any]) -> None:
    urls, last = _urls(demo), _last_words(demo)
    owed = [v["person_id"] for v in demo["states"]["connections"]
            if v["state"] == "owe_reply" and _ends_on(last.get(urls[v["person_id"]], {}), False, "courtesy")]
    awaited = [v["person_id"] for v in demo["states"]["connections"]
               if v["state"] == "awaiting_reply" and _ends_on(last.get(urls[v["person_id"]], {}), True, "courtesy")]
    assert owed == [], "a reply owed for a thank-you or a wish"
    assert awaited == [], "a thank-you or a congratulation counted as an attempt"


def test_replies_since_the_earlier_export_closed_its_open_attempts(demo: dict[str, Any]) -> None:
    by_url = {p["url"]: p for p in demo["out"]["export"]["answered"]}
    since = demo["out"]["earlier_export"]["exported_on"]
    store = open_store(demo["db"])
    try:
        with store.connect() as conn:
            ids = {url: pid for pid, url in conn.execute(text("SELECT id, url FROM people")) if url in by_url}
    finally:
        store.close()
    assert set(ids) == set(by_url)
    verdicts = {v["person_id"]: v for v in demo["states"]["connections"]}
    for url, pid in ids.items():
        verdict = verdicts[pid]
        assert verdict["last_in"] is not None, url
        assert verdict["last_in"] > since, url
        assert verdict["state"] != "unresponsive" or verdict["last_out"] > verdict["last_in"], url


def test_the_week_has_a_realistic_mix(demo: dict[str, Any]) -> None:
    week = demo["week"]
    counts = week["counts"]
    assert len(week["items"]) <= week["budget"] == 25, "a week a person can do"
    assert counts.get("check_in", 0) + counts.get("reconnect", 0) > 0, "check-ins go to ties with history"
    assert counts.get("thank", 0) + counts.get("follow_up", 0) + counts.get("welcome", 0) > 0, \
        "the last two weeks' connections"
    assert counts.get("reply", 0) > 0


def test_the_week_offers_no_retry_after_a_courtesy_nor_a_reply_to_one(demo: dict[str, Any]) -> None:
    last = _last_words(demo)
    items = demo["week"]["items"]
    retries = [i["url"] for i in items if i["kind"] == "retry" and _ends_on(last.get(i["url"], {}), True, "courtesy")]
    replies = [i["url"] for i in items if i["kind"] == "reply" and _ends_on(last.get(i["url"], {}), False, "courtesy")]
    assert retries == []
    assert replies == []


def test_the_demo_says_what_changed_and_keeps_both_exports(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", TODAY)
    db = tmp_path / "demo.db"
    kept = tmp_path / "kept"
    output = _run(["--db", str(db), "demo", "--connections", "200", "--keep-export", str(kept)])
    assert "Changes between the exports of 2026-04-16 and 2026-06-15:" in output
    assert "no longer there (marked removed)" in output
    assert "replies that closed open attempts" in output
    assert f"twoway --db {db} week" in output
    assert f"twoway --db {db} imports" in output
    assert f"twoway --db {db} person " in output
    assert len(list(kept.glob("*_LinkedInDataExport_04-16-2026.zip"))) == 1
    assert len(list(kept.glob("*_LinkedInDataExport_06-15-2026.zip"))) == 1
    first = _run(["--db", str(db), "states", "--json"])["counts"]
    # Run again: the demo database starts from nothing, so the same network, not a doubled one.
    again = _run(["--db", str(db), "demo", "--connections", "200", "--json"])
    assert again["changes"]["connections_added"] > 0
    assert _run(["--db", str(db), "states", "--json"])["counts"] == first


def test_history_days_zero_imports_one_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", TODAY)
    out = _run(["--db", str(tmp_path / "d.db"), "demo", "--connections", "100", "--history-days", "0", "--json"])
    assert out["earlier_export"] is None
    assert out["changes"] is None
    assert out["export"]["added"] == []
    imports = _run(["--db", str(tmp_path / "d.db"), "imports", "--json"])
    # Today's export alone, then the owner's address book, mailbox and calendar.
    assert sorted(i["archive"] for i in imports)[1:] == ["Mail", "calendar.ics", "contacts.vcf"]
    assert sum(i["archive"].endswith(".zip") for i in imports) == 1


def test_demo_defaults_to_its_own_database_and_never_overwrites_a_real_one(tmp_path: Path) -> None:
    output = _run(["demo", "--connections", "50", "--years", "2"])
    home_demo = Path(__import__("twoway.paths", fromlist=["user_dir"]).user_dir()) / "demo.db"
    assert home_demo.exists()
    assert str(home_demo) in output
    real = generate_export(tmp_path / "real", seed=1, connections=50, years=2, today=date(2026, 6, 15))
    own = tmp_path / "mine.db"
    store = open_store(str(own))
    import_export(store, real.path)
    store.close()
    refused = CliRunner().invoke(cli, ["--db", str(own), "demo", "--connections", "50"])
    assert refused.exit_code != 0
    assert "not a demo" in refused.output
    store = open_store(str(own))
    try:
        with store.connect() as conn:
            connected = conn.execute(text("SELECT COUNT(*) FROM connections WHERE status = 'connected'")).scalar()
    finally:
        store.close()
    assert connected == real.connections

