"""The importer against hand-written exports, on SQLite and PostgreSQL: quirks, owner, merges."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import text

from tests.linkedin.test_linkedin_support import (
    CONNECTIONS_HEADER,
    IN,
    MESSAGES_HEADER,
    OWNER_URL,
    PREAMBLE,
    connection,
    csv_text,
    default_files,
    message,
    write_export,
)
from twoway.linkedin import import_export, past_imports
from twoway.store import Store

FACT_TABLES = ("owners", "people", "connections", "jobs", "owner_positions", "conversations",
               "conversation_members", "interactions", "invitations", "endorsements", "recommendations",
               "contacts")


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    with store.connect() as conn:
        return {t: sorted(map(tuple, conn.execute(text(f"SELECT * FROM {t}"))), key=repr) for t in FACT_TABLES}


def q(store: Store, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    with store.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql), params)]


def test_first_import_reads_every_part(any_store: Store, tmp_path: Path) -> None:
    conns = [*default_files()["Connections.csv"].splitlines()[4:]]
    assert conns
    files = default_files(connections=[
        connection("Ana", "Silva", "ana-silva", "Acme", "CTO"),
        connection("Bo", "Chen", "bochen", "Beta", "Engineer", "01 Jan 2025"),
        ["", "", "", "", "", "", "07 Jun 2026"],
        ["", "", "", "", "", "", "02 Jun 2026"],
    ])
    summary = import_export(any_store, write_export(tmp_path, files))
    assert summary.owner_name == "Olga Owner"
    assert summary.exported_on == "2026-06-07"
    assert summary.connections_added == 2
    assert summary.connections_total == 2
    assert summary.date_only_rows == 2
    assert summary.skipped["date-only row"] == 2
    assert summary.messages_added == 2
    assert summary.invitations_added == 1
    [(url, person_id)] = q(any_store, "SELECT profile_url, person_id FROM owners")
    assert url == OWNER_URL
    assert q(any_store, "SELECT url FROM people WHERE id = :p", p=person_id) == [(OWNER_URL,)]
    rows = q(any_store, "SELECT i.direction, i.content, p.url FROM interactions i JOIN people p "
                        "ON p.id = i.person_id ORDER BY i.at")
    assert rows == [("out", "Hi Ana", IN + "ana-silva"), ("in", "Thanks & see you", IN + "ana-silva")]
    # Every fact remembers the file it came from.
    sources = q(any_store, "SELECT DISTINCT f.name FROM connections c JOIN import_files f ON f.id = c.source_id")
    assert sources == [("Connections.csv",)]
    sources = q(any_store, "SELECT DISTINCT f.name FROM interactions c JOIN import_files f ON f.id = c.source_id")
    assert sources == [("messages.csv",)]
    with any_store.connect() as conn:
        [past] = past_imports(conn)
    assert past.summary["connections_added"] == 2
    assert past.files == 4


def test_same_export_twice_changes_nothing(any_store: Store, tmp_path: Path) -> None:
    path = write_export(tmp_path, default_files(), as_zip=True)
    import_export(any_store, path)
    before = snapshot(any_store)
    again = import_export(any_store, path)
    assert snapshot(any_store) == before
    assert (again.people_added, again.connections_added, again.messages_added, again.invitations_added,
            again.connections_removed, again.job_changes) == (0, 0, 0, 0, 0, 0)


def _month_later(tmp_path: Path) -> Path:
    files = default_files(
        connections=[
            connection("Ana", "Silva", "ana-silva", "Zeta Labs", "CEO", "05 Jun 2026"),  # job change
            connection("Cy", "New", "cy-new", "Delta", "Analyst", "01 Jul 2026"),  # new connection
            connection("Jane", "Doe, MBA", "jdoe", "Gamma, Inc", "VP", "03 Mar 2020"),
        ],  # Bo Chen is gone
        messages=[
            message("2-aaa==", "Olga Owner", "olga-owner", "Ana Silva", ["ana-silva"], "2026-07-02 09:00:00 UTC",
                    "Congrats on the new role!"),
            message("2-aaa==", "Ana Silva", "ana-silva", "Olga Owner", ["olga-owner"], "2026-06-01 10:00:00 UTC",
                    "<p>Thanks &amp; see you</p>"),
            message("2-aaa==", "Olga Owner", "olga-owner", "Ana Silva", ["ana-silva"], "2026-05-30 10:00:00 UTC",
                    "Hi Ana"),
        ])
    return write_export(tmp_path / "later", files, name="Basic_LinkedInDataExport_07-07-2026", as_zip=True)


def test_newer_export_merges(any_store: Store, tmp_path: Path) -> None:
    import_export(any_store, write_export(tmp_path, default_files(), as_zip=True))
    summary = import_export(any_store, _month_later(tmp_path))
    assert summary.connections_added == 1
    assert summary.connections_removed == 1
    assert summary.job_changes == 1
    assert summary.messages_added == 1
    assert summary.people_added == 1
    status = dict((u, (s, r, seen)) for u, s, r, seen in q(
        any_store, "SELECT p.url, c.status, c.removed_on, c.last_seen_on FROM connections c "
                   "JOIN people p ON p.id = c.person_id"))
    assert status[IN + "bochen"] == ("removed", "2026-07-07", "2026-06-07")
    assert status[IN + "cy-new"] == ("connected", None, "2026-07-07")
    assert status[IN + "ana-silva"] == ("connected", None, "2026-07-07")
    jobs = q(any_store, "SELECT j.company, j.position, j.first_seen, j.last_seen FROM jobs j JOIN people p "
                        "ON p.id = j.person_id WHERE p.url = :u ORDER BY first_seen", u=IN + "ana-silva")
    assert jobs == [("Acme", "CTO", "2026-06-07", "2026-06-07"), ("Zeta Labs", "CEO", "2026-07-07", "2026-07-07")]
    assert q(any_store, "SELECT company FROM people WHERE url = :u", u=IN + "ana-silva") == [("Zeta Labs",)]
    assert q(any_store, "SELECT COUNT(*) FROM interactions") == [(3,)]


def test_older_export_after_newer_loses_nothing(any_store: Store, tmp_path: Path) -> None:
    import_export(any_store, _month_later(tmp_path))
    summary = import_export(any_store, write_export(tmp_path, default_files(), as_zip=True))
    assert summary.older_than_previous
    assert summary.connections_removed == 0
    status = dict((u, (s, r)) for u, s, r in q(
        any_store, "SELECT p.url, c.status, c.removed_on FROM connections c JOIN people p ON p.id = c.person_id"))
    # Bo Chen is only in the older export: connected then, gone by the newer export's date.
    assert status[IN + "bochen"] == ("removed", "2026-07-07")
    assert status[IN + "cy-new"] == ("connected", None)
    # The newer job stays current; the older one joins the history.
    assert q(any_store, "SELECT company FROM people WHERE url = :u", u=IN + "ana-silva") == [("Zeta Labs",)]
    assert len(q(any_store, "SELECT id FROM jobs j WHERE person_id = (SELECT id FROM people WHERE url = :u)",
                 u=IN + "ana-silva")) == 2
    assert q(any_store, "SELECT COUNT(*) FROM interactions") == [(3,)]
    assert summary.job_changes == 0


def test_conversation_kinds_drafts_and_html(any_store: Store, tmp_path: Path) -> None:
    header = [*MESSAGES_HEADER, "IS MESSAGE DRAFT"]
    rows = [
        [*message("2-grp==", "Bo Chen", "bochen", "Olga Owner,Ana Silva", ["olga-owner", "ana-silva"],
                  "2026-06-03 10:00:00 UTC", "hello all", title="Team"), "No"],
        [*message("2-grp==", "Olga Owner", "olga-owner", "Bo Chen,Ana Silva", ["bochen", "ana-silva"],
                  "2026-06-02 10:00:00 UTC", "hi team", title="Team"), "No"],
        [*message("2-spn==", "Recruiter Rex", "rex", "Olga Owner", ["olga-owner"], "2026-05-01 10:00:00 UTC",
                  '<p class="spinmail-quill-editor__spin-break">Hi %FIRSTNAME%</p>', title="Offer"), "No"],
        [*message("2-mem==", "LinkedIn Member", None, "Olga Owner", ["olga-owner"], "2026-04-01 10:00:00 UTC",
                  "who am I"), "No"],
        [*message("2-aaa==", "Olga Owner", "olga-owner", "Ana Silva", ["ana-silva"], "2026-06-05 10:00:00 UTC",
                  "unsent", folder=""), "Yes"],
        [*message("2-aaa==", "Ana Silva", "ana-silva", "Olga Owner", ["olga-owner"], "2026-06-01 10:00:00 UTC",
                  "Line one<br>Line &lt;two&gt; &#39;quoted&#39;"), "No"],
    ]
    files = default_files()
    files["messages.csv"] = csv_text(header, rows, quote_all=True)
    summary = import_export(any_store, write_export(tmp_path, files))
    assert summary.skipped["draft"] == 1
    assert summary.group_messages == 2
    assert summary.sponsored_messages == 2
    assert summary.messages_added == 3
    kinds = dict(q(any_store, "SELECT external_id, kind FROM conversations"))
    assert kinds == {"2-grp==": "group", "2-spn==": "sponsored", "2-mem==": "system", "2-aaa==": "direct"}
    kept_apart = q(any_store, "SELECT kind, person_id FROM interactions WHERE kind <> 'message' ORDER BY kind")
    assert kept_apart == [("sponsored", None), ("system", None)]
    group = q(any_store, "SELECT i.direction, p.url FROM interactions i JOIN conversations c ON c.id = "
                         "i.conversation_id LEFT JOIN people p ON p.id = i.person_id WHERE c.kind = 'group' "
                         "ORDER BY i.at")
    assert group == [("out", None), ("in", IN + "bochen")]
    members = q(any_store, "SELECT p.url FROM conversation_members m JOIN conversations c ON c.id = "
                           "m.conversation_id JOIN people p ON p.id = m.person_id WHERE c.external_id = '2-grp==' "
                           "ORDER BY p.url")
    assert members == [(IN + "ana-silva",), (IN + "bochen",)]
    assert q(any_store, "SELECT content FROM interactions WHERE conversation_id = "
                        "(SELECT id FROM conversations WHERE external_id = '2-aaa==')") == [
        ("Line one\nLine <two> 'quoted'",)]


def test_2018_export_keys_people_by_name_then_a_newer_export_gives_urls(any_store: Store, tmp_path: Path) -> None:
    old = {
        "Connections.csv": csv_text(["First Name", "Last Name", "Email Address", "Company", "Position",
                                     "Connected On"],
                                    [["Ana", "Silva", "ana@example.org", "Acme", "CTO", "9/14/18, 3:05 PM"],
                                     ["Bo", "Chen", "bo@example.org", "Beta", "Engineer", "9/1/18, 11:00 AM"]]),
        "Messages.csv": csv_text(["From", "To", "Date", "Subject", "Content", "Direction", "Folder"],
                                 [["Ana Silva", "Olga Owner", "9/20/18, 9:15 AM", "", "Hello!", "INCOMING", "INBOX"],
                                  ["Olga Owner", "Ana Silva", "9/21/18, 1:00 PM", "", "Hi back", "OUTGOING",
                                   "SENT"]]),
        "Profile.csv": csv_text(["First Name", "Last Name", "Maiden Name", "Address", "Birth Date",
                                 "Contact Instructions", "Headline", "Summary", "Industry", "Country", "Zip Code",
                                 "Geo Location", "Twitter Handles", "Websites", "Instant Messengers"],
                                [["Olga", "Owner", "", "", "", "", "Builder", "", "Software", "", "", "", "", "",
                                  ""]]),
    }
    first = import_export(any_store, write_export(tmp_path, old, name="LinkedInDataExport_10-01-2018"))
    assert first.connections_added == 2
    assert first.messages_added == 2
    assert q(any_store, "SELECT COUNT(*) FROM people WHERE low_confidence = 1 AND url IS NULL") == [(3,)]
    assert sorted(q(any_store, "SELECT connected_on FROM connections")) == [("2018-09-01",), ("2018-09-14",)]
    newer = import_export(any_store, write_export(tmp_path, default_files(), as_zip=True))
    # Ana and Bo got their URLs instead of being created twice; Jane is new.
    assert newer.people_added == 1
    assert q(any_store, "SELECT low_confidence FROM people WHERE url = :u", u=IN + "ana-silva") == [(0,)]
    assert q(any_store, "SELECT COUNT(*) FROM connections WHERE status = 'connected'") == [(3,)]


def test_excel_resave_and_utf16_tab_files(any_store: Store, tmp_path: Path) -> None:
    excel = ";".join(CONNECTIONS_HEADER) + "\r\n" + "\r\n".join([
        "Ana;Silva;https://www.linkedin.com/in/ana-silva;NA;Acme;CTO;5-Nov-22",
        "Bo;Chen;https://www.linkedin.com/in/bochen;;Beta;Engineer;05.11.2021",
    ]) + "\r\n"
    endorsements = ("Endorsement Date\tSkill Name\tEndorser First Name\tEndorser Last Name\tEndorsement Status\t"
                    "Display Status\r\n" '"2022/03/01 10:00:00 UTC"\t"Python"\t"Bo"\t"Chen"\t"Accepted"\t"Show"\r\n')
    files = default_files()
    files["Connections.csv"] = b"\xef\xbb\xbf" + excel.encode("utf-8")
    files["Endorsement Received Info.csv"] = endorsements.encode("utf-16")
    summary = import_export(any_store, write_export(tmp_path, files))
    assert summary.connections_added == 2
    assert sorted(q(any_store, "SELECT connected_on, c.email FROM connections c JOIN people p "
                               "ON p.id = c.person_id")) == [("2021-11-05", None), ("2022-11-05", None)]
    assert summary.endorsements_added == 1
    assert q(any_store, "SELECT e.skill, p.url FROM endorsements e JOIN people p ON p.id = e.person_id") == [
        ("Python", IN + "bochen")]


def test_multiline_quoted_content_keeps_line_breaks(any_store: Store, tmp_path: Path) -> None:
    files = default_files(messages=[
        message("2-aaa==", "Ana Silva", "ana-silva", "Olga Owner", ["olga-owner"], "2026-06-01 10:00:00 UTC",
                "First line\r\nsecond, with comma\n\"quoted\""),
    ])
    files["messages.csv"] = csv_text(MESSAGES_HEADER, [files_row for files_row in [
        message("2-aaa==", "Ana Silva", "ana-silva", "Olga Owner", ["olga-owner"], "2026-06-01 10:00:00 UTC",
                "First line\r\nsecond, with comma\n\"quoted\"")]], quote_all=True, newline="\r\n")
    import_export(any_store, write_export(tmp_path, files))
    assert q(any_store, "SELECT content FROM interactions") == [('First line\nsecond, with comma\n"quoted"',)]


def test_preamble_missing_or_with_blank_lines(any_store: Store, tmp_path: Path) -> None:
    files = default_files()
    body = csv_text(CONNECTIONS_HEADER, [connection("Ana", "Silva", "ana-silva")])
    files["Connections.csv"] = "\n\n" + body
    assert import_export(any_store, write_export(tmp_path / "a", files)).connections_added == 1
    assert PREAMBLE.startswith("Notes:")


def test_same_export_as_folder_then_zip_without_dates_in_names(any_store: Store, tmp_path: Path) -> None:
    files = default_files()
    import_export(any_store, write_export(tmp_path / "a", files, name="my export"))
    before = snapshot(any_store)
    again = import_export(any_store, write_export(tmp_path / "b", files, name="copy", as_zip=True))
    assert snapshot(any_store) == before
    # The unchanged messages file was not read again, yet the export date is the same.
    assert any("unchanged since an earlier import" in p for p in again.problems)
    with any_store.connect() as conn:
        dates = [p.exported_on for p in past_imports(conn)]
    assert dates == ["2026-06-05", "2026-06-05"]
