"""The synthetic export: every era's byte-level format, its ground truth, determinism and later exports."""

from __future__ import annotations

import csv
import io
import itertools
import re
import zipfile
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from twoway.errors import InputError
from twoway.generator import ERA_SPECS, ERAS, GeneratedExport, generate_export
from twoway.generator.eras import NOTES_SENTENCE
from twoway.generator.writer import MessageTruth

TODAY = date(2026, 6, 15)


def _raw(export: GeneratedExport, name: str) -> bytes:
    if export.path.suffix == ".zip":
        with zipfile.ZipFile(export.path) as zf:
            return zf.read(name)
    return (export.path / name).read_bytes()


def _rows(export: GeneratedExport, name: str, header_starts: str) -> tuple[list[str], list[list[str]]]:
    """Parse one file the way a careful importer would: decode, find the header, read with csv."""
    data = _raw(export, name)
    if data.startswith(b"\xff\xfe"):
        text, delimiter = data[2:].decode("utf-16-le"), "\t"
    else:
        text, delimiter = data.decode("utf-8-sig"), ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    start = next(i for i, r in enumerate(rows) if r and r[0] == header_starts)
    return rows[start], [r for r in rows[start + 1:] if r]


def _dicts(export: GeneratedExport, name: str, header_starts: str) -> list[dict[str, str]]:
    header, rows = _rows(export, name, header_starts)
    return [dict(zip(header, r, strict=True)) for r in rows]


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, GeneratedExport]:
    base = tmp_path_factory.mktemp("eras")
    return {
        era: generate_export(base / era, seed=7, connections=400, years=6, era=era, today=TODAY, as_zip=False)
        for era in ERAS
    }


@pytest.mark.parametrize("era", ERAS)
def test_connections_file_follows_the_era(exports: dict[str, GeneratedExport], era: str) -> None:
    export, spec = exports[era], ERA_SPECS[era]
    data = _raw(export, "Connections.csv")
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" not in data
    assert not data.endswith(b"\n"), "Connections.csv ends without a newline"
    preamble = b"Notes:\n" + NOTES_SENTENCE.encode() + b"\n\n"
    assert data.startswith(preamble) == spec.preamble
    assert len(NOTES_SENTENCE.encode()) == 366
    header, rows = _rows(export, "Connections.csv", "First Name")
    assert ("URL" in header) == (spec.connection_url != "none")
    named = [r for r in rows if r[0] or r[1]]
    date_only = [r for r in rows if not (r[0] or r[1])]
    assert len(named) == export.connections
    assert len(date_only) == export.date_only
    assert len(rows) == 400
    assert 0 < len(date_only) <= 0.06 * len(rows)
    assert all(all(c == "" for c in r[:-1]) for r in date_only)
    fmt = "%m/%d/%y, %I:%M %p" if spec.us_connected_dates else "%d %b %Y"
    days = [datetime.strptime(r[-1], fmt).date() for r in rows]
    assert days == sorted(days, reverse=True), "newest first"
    assert days[0] <= TODAY
    assert days[-1] >= TODAY - timedelta(days=6 * 365 + 1)
    if not spec.us_connected_dates:
        assert all(re.fullmatch(r"\d\d [A-Z][a-z]{2} \d{4}", r[-1]) for r in rows)
    if spec.connection_url != "none":
        urls = [r[2] for r in named]
        if spec.connection_url == "empty":
            assert set(urls) == {""}
        else:
            assert all(re.fullmatch(r"https://www\.linkedin\.com/in/[A-Za-z0-9%-]+", u) for u in urls)
    emails = sum(1 for r in named if r[header.index("Email Address")])
    assert (emails == len(named)) if spec.every_email else (emails < 0.1 * len(named))


@pytest.mark.parametrize("era", ERAS)
def test_messages_file_follows_the_era(exports: dict[str, GeneratedExport], era: str) -> None:
    export, spec = exports[era], ERA_SPECS[era]
    data = _raw(export, spec.messages_file)
    assert data.endswith(b"\n")
    header, rows = _rows(export, spec.messages_file, header_first(spec.messages))
    if spec.quote_all:
        assert data.startswith(b'"CONVERSATION ID","CONVERSATION TITLE",')
        assert b',"",' in data
    else:
        assert not data.startswith(b'"')
    contents = [r[header.index(content_column(header))] for r in rows]
    multiline = sum("\n" in c for c in contents)
    assert (multiline > 0) == spec.quote_all, "raw line breaks only from 2026-03"
    drafts = [r for r in rows if "IS MESSAGE DRAFT" in header and r[header.index("IS MESSAGE DRAFT")] == "Yes"]
    assert len(rows) == export.messages + export.drafts
    assert len(drafts) == export.drafts
    assert (export.drafts > 0) == spec.has_drafts
    if spec.messages != "conversations":
        return
    assert tuple(header[-len(spec.message_extras):]) == spec.message_extras if spec.message_extras else True
    assert ("RECIPIENT PROFILE URLS" in header) == spec.recipient_urls
    col = {name: header.index(name) for name in header}
    assert all(re.fullmatch(r"2-[A-Za-z0-9+/]{54}==", r[col["CONVERSATION ID"]]) for r in rows)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", r[col["DATE"]]) for r in rows)
    assert {r[col["FOLDER"]] for r in drafts} <= {""}
    # Rows of a conversation are contiguous, newest first; conversations by latest activity.
    seen: list[str] = []
    latest: list[str] = []
    previous = ""
    for r in rows:
        conv = r[col["CONVERSATION ID"]]
        if not seen or seen[-1] != conv:
            assert conv not in seen
            seen.append(conv)
            latest.append(r[col["DATE"]])
        else:
            assert r[col["DATE"]] <= previous
        previous = r[col["DATE"]]
    assert latest == sorted(latest, reverse=True)
    assert len(seen) == export.conversations
    senders: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        senders[r[col["CONVERSATION ID"]]].add(r[col["FROM"]])
    assert sum(1 for s in senders.values() if len(s) >= 3) == export.group_conversations > 0
    sponsored = [r for r in rows if r[col["CONTENT"]].startswith('<p class="spinmail-quill-editor__spin-break">')]
    assert len(sponsored) == export.sponsored > 0
    assert all(r[col["CONVERSATION TITLE"]] for r in sponsored)
    members = [r for r in rows if r[col["FROM"]] == "LinkedIn Member"]
    assert members
    assert all(r[col["SENDER PROFILE URL"]] == "" for r in members)
    assert sum(1 for r in rows if r[col["FOLDER"]] == "SPAM") == export.spam > 0
    assert any("&amp;" in c or "&#39;" in c for c in contents)
    assert any(c.startswith("<p>") for c in contents)
    assert any(c == "" for c in contents)
    mine = [r for r in rows if r[col["FROM"]] == export.owner_name]
    assert mine
    assert {r[col["SENDER PROFILE URL"]] for r in mine} == {export.owner_url}
    if spec.has_attachments:
        assert any(r[col["ATTACHMENTS"]].startswith("https://www.linkedin.com/dms/prv/") for r in rows)


def header_first(layout: str) -> str:
    return {"2018": "From", "2020": "FROM"}.get(layout, "CONVERSATION ID")


def content_column(header: list[str]) -> str:
    return "Content" if "Content" in header else "CONTENT"


@pytest.mark.parametrize("era", ERAS)
def test_invitations_file_follows_the_era(exports: dict[str, GeneratedExport], era: str) -> None:
    export, spec = exports[era], ERA_SPECS[era]
    header, rows = _rows(export, "Invitations.csv", "From")
    assert header[:5] == ["From", "To", "Sent At", "Message", "Direction"]
    expected_tail = {"none": [], "urn": ["inviterProfileUrn", "inviteeProfileUrn"],
                     "placeholder": ["inviterProfileUrl", "inviteeProfileUrl"],
                     "url": ["inviterProfileUrl", "inviteeProfileUrl"]}[spec.invitation_urls]
    assert header[5:] == expected_tail
    directions = Counter(r[4] for r in rows)
    assert directions["INCOMING"] == export.invitations_in > 0
    assert directions["OUTGOING"] == export.invitations_out > 0
    sent = [datetime.strptime(r[2], "%m/%d/%y, %I:%M %p") for r in rows]
    assert all(not re.match(r"0\d/", r[2]) for r in rows), "month without a leading zero"
    recent = sum(1 for s in sent if (TODAY - s.date()).days <= 183)
    assert recent >= 0.85 * len(rows)
    assert max(s.date() for s in sent) <= TODAY
    notes = [r[3] for r in rows if r[3]]
    assert 0 < len(notes) < 0.3 * len(rows)
    assert max(map(len, notes)) <= 300
    assert all("\n" not in n for n in notes)
    if spec.invitation_urls == "urn":
        assert all(re.fullmatch(r"urn:li:member:\d+", r[5]) for r in rows)
    if spec.invitation_urls == "placeholder":
        assert {r[5] for r in rows} | {r[6] for r in rows} == {"https://www.linkedin.com/in"}
    if spec.invitation_urls == "url":
        outgoing = {r[5] for r in rows if r[4] == "OUTGOING"}
        assert outgoing == {export.owner_url}


@pytest.mark.parametrize("era", ERAS)
def test_side_files_follow_the_era(exports: dict[str, GeneratedExport], era: str) -> None:
    export, spec = exports[era], ERA_SPECS[era]
    received = _dicts(export, "Endorsement_Received_Info.csv", "Endorsement Date")
    assert len(received) == export.endorsements_received > 0
    assert all(re.fullmatch(r"\d{4}/\d\d/\d\d \d\d:\d\d:\d\d UTC", e["Endorsement Date"]) for e in received)
    assert ("Endorser Public Url" in received[0]) == spec.endorser_urls
    if spec.endorser_urls:
        assert all(e["Endorser Public Url"].startswith("www.linkedin.com/in/") for e in received)
        given = _dicts(export, "Endorsement_Given_Info.csv", "Endorsement Date")
        assert len(given) == export.endorsements_given > 0
    else:
        assert "Endorsement_Given_Info.csv" not in export.files
        assert export.endorsements_given == 0
    recs = _dicts(export, "Recommendations_Received.csv", "First Name")
    assert len(recs) == export.recommendations_received > 0
    assert {r["Status"] for r in recs} == {"VISIBLE"}
    given_recs = _dicts(export, "Recommendations_Given.csv", "First Name")
    assert len(given_recs) == export.recommendations_given
    assert {r["Status"] for r in given_recs} <= {""}
    profile = _dicts(export, "Profile.csv", "First Name")
    assert len(profile) == 1
    assert f"{profile[0]['First Name']} {profile[0]['Last Name']}" == export.owner_name
    assert ("Contact Instructions" in profile[0]) == spec.profile_2018
    positions = _dicts(export, "Positions.csv", "Company Name")
    assert len(positions) == export.positions
    assert positions[0]["Finished On"] == ""
    assert all(re.fullmatch(r"([A-Z][a-z]{2} )?\d{4}", p["Started On"]) for p in positions)
    follows = _raw(export, "Company Follows.csv")
    assert not follows.endswith(b"\n")
    assert re.search(rb",(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d UTC \d{4}", follows)
    contacts_file = "Contacts.csv" if spec.contacts else "Imported Contacts.csv"
    assert len(_rows(export, contacts_file, "Source" if spec.contacts else "First Name")[1]) == export.contacts
    if spec.coach_files:
        assert _raw(export, "LearningCoachMessages.csv") == b"No conversations found\n"
        header, rows = _rows(export, "learning_coach_messages.csv", "CONVERSATION ID")
        assert rows == []
        assert header[0] == "CONVERSATION ID"


def test_the_2018_and_2020_layouts(exports: dict[str, GeneratedExport]) -> None:
    old = _dicts(exports["2018-11"], "Messages.csv", "From")
    assert {m["Direction"] for m in old} == {"INCOMING", "OUTGOING"}
    assert {m["Folder"] for m in old} <= {"INBOX", "SENT", "ARCHIVED", "SPAM"}
    assert all(m["Folder"] == "SENT" for m in old if m["Direction"] == "OUTGOING")
    assert all(re.fullmatch(r"\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d [AP]M", m["Date"]) for m in old)
    assert "Imported Contacts.csv" in exports["2018-11"].files
    mid = _dicts(exports["2020-12"], "messages.csv", "FROM")
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", m["DATE"]) for m in mid)
    assert not exports["2018-11"].owner_url_inferable
    assert exports["2023-02"].owner_url_inferable


def test_zip_is_named_like_linkedin_and_holds_files_at_the_root(tmp_path: Path) -> None:
    export = generate_export(tmp_path, seed=2, connections=120, years=3, today=TODAY, era="2025-09")
    assert export.path.name == "Basic_LinkedInDataExport_06-15-2026.zip"
    with zipfile.ZipFile(export.path) as zf:
        assert set(zf.namelist()) == set(export.files)
    complete = generate_export(tmp_path / "x.zip", seed=2, connections=120, years=3, today=TODAY, era="2024-12")
    assert complete.path == tmp_path / "x.zip"
    assert zipfile.is_zipfile(complete.path)


def test_excel_resave_and_utf16_files(tmp_path: Path) -> None:
    plain = generate_export(tmp_path / "a", seed=4, connections=200, years=4, today=TODAY, as_zip=False)
    export = generate_export(tmp_path / "b", seed=4, connections=200, years=4, today=TODAY, as_zip=False,
                             excel_resave=True, utf16_files=True)
    data = _raw(export, "Connections.csv")
    assert data.startswith(b"\xef\xbb\xbfFirst Name,")
    assert data.endswith(b"\r\n")
    assert b"Notes:" not in data
    assert data.count(b"\n") == data.count(b"\r\n")
    _, rows = _rows(export, "Connections.csv", "First Name")
    assert all(re.fullmatch(r"\d{1,2}-[A-Z][a-z]{2}-\d\d", r[-1]) for r in rows)
    assert export.excel_files == ("Connections.csv",)
    assert set(export.utf16_files) >= {"Endorsement_Received_Info.csv", "Recommendations_Received.csv"}
    for name in export.utf16_files:
        raw = _raw(export, name)
        assert raw.startswith(b"\xff\xfe")
        assert b"\x00" in raw
        first = raw[2:].decode("utf-16-le").splitlines()[0]
        assert first.startswith('"')
        assert '"\t"' in first
        assert _rows(export, name, first.split("\t")[0].strip('"'))[1] == _rows(plain, name, first.split("\t")[0]
                                                                                 .strip('"'))[1]
    same = ("connections", "messages", "invitations_in", "endorsements_received", "recommendations_received")
    assert all(getattr(export, k) == getattr(plain, k) for k in same)


def test_same_seed_same_bytes_other_seed_other_people(tmp_path: Path) -> None:
    a = generate_export(tmp_path / "a", seed=11, connections=150, years=3, today=TODAY, as_zip=False)
    b = generate_export(tmp_path / "b", seed=11, connections=150, years=3, today=TODAY, as_zip=False)
    c = generate_export(tmp_path / "c", seed=12, connections=150, years=3, today=TODAY, as_zip=False)
    for name in a.files:
        assert _raw(a, name) == _raw(b, name), name
    assert _raw(a, "Connections.csv") != _raw(c, "Connections.csv")


def test_message_target_is_met_exactly(tmp_path: Path) -> None:
    for target in (50, 20_000):
        export = generate_export(tmp_path / str(target), seed=5, connections=300, years=5, messages=target,
                                 today=TODAY, as_zip=False)
        assert export.messages == target


def test_today_comes_from_the_clock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWOWAY_TODAY", "2024-03-01")
    export = generate_export(tmp_path, seed=1, connections=100, years=2, as_zip=False)
    assert export.exported_on == date(2024, 3, 1)
    _, rows = _rows(export, "Connections.csv", "First Name")
    assert datetime.strptime(rows[0][-1], "%d %b %Y").date() <= date(2024, 3, 1)


def test_bad_arguments_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="era"):
        generate_export(tmp_path, era="1999-01")
    with pytest.raises(InputError, match="30,000"):
        generate_export(tmp_path, connections=30_001)
    with pytest.raises(InputError, match="later_days"):
        generate_export(tmp_path, later_days=10_000)


def test_a_later_export_of_the_same_owner(tmp_path: Path) -> None:
    first = generate_export(tmp_path / "a", seed=21, connections=600, years=5, today=TODAY, as_zip=False)
    later = generate_export(tmp_path / "b", seed=21, connections=600, years=5, today=TODAY, as_zip=False,
                            later_days=120)
    assert later.exported_on == TODAY + timedelta(days=120)
    assert later.owner_url == first.owner_url
    before = {r[2]: r for r in _rows(first, "Connections.csv", "First Name")[1] if r[2]}
    after = {r[2]: r for r in _rows(later, "Connections.csv", "First Name")[1] if r[2]}
    assert {p.url for p in later.added} == set(after) - set(before)
    assert later.added
    assert {p.url for p in later.removed} == set(before) - set(after)
    assert later.removed
    changed = {c.url for c in later.job_changes}
    assert changed
    assert changed == {u for u in set(before) & set(after) if before[u][4:6] != after[u][4:6]}
    for c in later.job_changes:
        assert tuple(after[c.url][4:6]) == c.after
        assert tuple(before[c.url][4:6]) == c.before
    # The same conversations continue: every old message is still there, and new ones arrived.
    old = {tuple(r) for r in _rows(first, "messages.csv", "CONVERSATION ID")[1]}
    new = {tuple(r) for r in _rows(later, "messages.csv", "CONVERSATION ID")[1]}
    assert old <= new
    assert len(new) > len(old)
    # Some threads where the owner was waiting got their answer after the first export.
    cols = _rows(first, "messages.csv", "CONVERSATION ID")[0]
    conv, sender, day = cols.index("CONVERSATION ID"), cols.index("FROM"), cols.index("DATE")
    last_old = {r[conv]: r for r in sorted(old, key=lambda r: r[day])}
    answered = [
        c for c, r in last_old.items()
        if r[sender] == first.owner_name
        and any(n[conv] == c and n[sender] != first.owner_name and n[day] > r[day] for n in new)
    ]
    assert answered
    # The ground truth of replies that close open attempts: the owner had the last word, then they answered.
    assert later.answered
    urls = cols.index("SENDER PROFILE URL"), cols.index("RECIPIENT PROFILE URLS")
    for person in later.answered:
        theirs = [r for r in old if person.url in (r[urls[0]], r[urls[1]]) and not r[cols.index("CONVERSATION TITLE")]]
        assert max(theirs, key=lambda r: r[day])[sender] == first.owner_name, person.name
        last_said = max(r[day] for r in theirs)
        assert any(n[urls[0]] == person.url and n[day] > last_said for n in new), person.name
    assert first.answered == ()


def test_the_world_is_realistic_for_the_relationship_rules(exports: dict[str, GeneratedExport]) -> None:
    export = exports["2026-06"]
    header, rows = _rows(export, "messages.csv", "CONVERSATION ID")
    col = {n: header.index(n) for n in header}
    threads: dict[str, list[tuple[datetime, bool, bool]]] = defaultdict(list)
    for m in export.message_truth():
        if m.row["CONVERSATION TITLE"] or m.draft:
            continue
        when = datetime.strptime(m.row["DATE"], "%Y-%m-%d %H:%M:%S UTC")
        threads[m.row["CONVERSATION ID"]].append((when, m.outgoing, m.family == "retry"))
    third_attempts, gaps, owes = 0, [], 0
    for msgs in threads.values():
        msgs.sort()
        run = 0
        for (t0, out0, _), (t1, out1, is_retry) in itertools.pairwise(msgs):
            if is_retry:
                assert out0, "a retry follows the owner's own unanswered message"
                gaps.append((t1 - t0).total_seconds() / 86400)
                run += 1
                third_attempts += run == 2
            elif not out1:
                run = 0
        last, mine, _ = msgs[-1]
        if not mine and (datetime(2026, 6, 15) - last).days > 2:
            owes += 1
    assert third_attempts > 0, "some people never answer three attempts"
    assert gaps
    assert all(7 <= g <= 14 for g in gaps), "retries 7–14 days apart"
    assert owes > 0, "some conversations end on their message"
    _, conns = _rows(export, "Connections.csv", "First Name")
    talked = {r[col["SENDER PROFILE URL"]] for r in rows} | {r[col["RECIPIENT PROFILE URLS"]] for r in rows}
    recent_silent = [r for r in conns if r[2] and (TODAY - datetime.strptime(r[-1], "%d %b %Y").date()).days < 14
                     and r[2] not in talked]
    assert recent_silent, "new connections with nothing said yet"
    never = [r for r in conns if r[2] and r[2] not in talked]
    assert len(never) > 0.15 * len(conns), "many connections were never contacted"


def test_slugs_are_unique_and_get_a_hex_tail_when_taken() -> None:
    import random

    from twoway.generator.names import slug

    rng = random.Random(4)
    taken: set[str] = set()
    made = [slug("Mateo", last, rng, taken) for last in ("Hansen", "Hansen 🚀", "Hansen, MBA") * 20]
    assert len(set(made)) == len(made) == len(taken)
    assert all(re.fullmatch(r"mateo-hansen(-[0-9a-f]{7,9})?|mateohansen\d{1,2}", s) for s in made)
    assert made.count("mateo-hansen") <= 1
    again = [slug("Mateo", "Hansen", random.Random(seed), {"mateo-hansen"}) for seed in range(40)]
    assert "mateo-hansen" not in again
    assert any(re.fullmatch(r"mateo-hansen-[0-9a-f]{7,9}", s) for s in again)


def test_a_30k_export_has_one_profile_url_per_person(tmp_path: Path) -> None:
    export = generate_export(tmp_path, seed=1, connections=30_000, years=10, today=TODAY, as_zip=False)
    _, rows = _rows(export, "Connections.csv", "First Name")
    urls = [r[2] for r in rows if r[2]]
    assert len(urls) == export.connections > 29_000
    assert len({u.casefold() for u in urls}) == len(urls), "two connections share a profile URL"
    named = {r[2]: f"{r[0]} {r[1]}" for r in rows if r[2]}
    # Across the other files too: a URL always names the same person, and never the owner's.
    mheader, msgs = _rows(export, "messages.csv", "CONVERSATION ID")
    col = {n: mheader.index(n) for n in mheader}
    senders: dict[str, set[str]] = defaultdict(set)
    for r in msgs:
        if r[col["SENDER PROFILE URL"]]:
            senders[r[col["SENDER PROFILE URL"]]].add(r[col["FROM"]])
    assert all(len(who) == 1 for who in senders.values())
    assert all(named.get(u, next(iter(who))) in who for u, who in senders.items())
    assert export.owner_url not in named
    _, invites = _rows(export, "Invitations.csv", "From")
    by_url: dict[str, set[str]] = defaultdict(set)
    for r in invites:
        other, name = (r[6], r[1]) if r[4] == "OUTGOING" else (r[5], r[0])
        by_url[other].add(name)
    assert all(len(who) == 1 for who in by_url.values())


# --- The shapes of real networks (46 real exports: 91% of ties never written to, courtesy-heavy inboxes,
# batch-accepted invitations, pitches and recruiters, owners answering some questions, several languages) ---

#: (lowest, highest) share of connections with no message at all, per persona.
NEVER_WRITTEN = {"careful": (0.78, 0.87), "neglectful": (0.89, 0.95), "recruiter_magnet": (0.80, 0.90),
                 "non_english": (0.78, 0.89)}


@pytest.fixture(scope="module")
def personas(tmp_path_factory: pytest.TempPathFactory) -> dict[str, GeneratedExport]:
    base = tmp_path_factory.mktemp("personas")
    return {
        persona: generate_export(base / persona, seed=3, connections=2500, years=8, today=TODAY, as_zip=False,
                                 persona=persona)
        for persona in NEVER_WRITTEN
    }


def _threads(export: GeneratedExport) -> dict[str, list[MessageTruth]]:
    """Direct conversations (no groups, no drafts), each oldest first."""
    threads: dict[str, list[MessageTruth]] = defaultdict(list)
    for m in export.message_truth():
        if not m.draft and not m.row["CONVERSATION TITLE"]:
            threads[m.row["CONVERSATION ID"]].append(m)
    for msgs in threads.values():
        msgs.sort(key=lambda m: m.row["DATE"])
    return threads


def _day(m: MessageTruth) -> date:
    return date.fromisoformat(m.row["DATE"][:10])


@pytest.mark.parametrize("persona", NEVER_WRITTEN)
def test_most_ties_never_hear_a_word(personas: dict[str, GeneratedExport], persona: str) -> None:
    export = personas[persona]
    _, conns = _rows(export, "Connections.csv", "First Name")
    header, msgs = _rows(export, "messages.csv", "CONVERSATION ID")
    col = {n: header.index(n) for n in header}
    msgs = [r for r in msgs if "IS MESSAGE DRAFT" not in col or r[col["IS MESSAGE DRAFT"]] != "Yes"]
    talked = {r[col["SENDER PROFILE URL"]] for r in msgs} | {u for r in msgs for u in r[col["RECIPIENT PROFILE URLS"]]
                                                             .split(",")}
    urls = [r[2] for r in conns if r[2]]
    never = sum(1 for u in urls if u not in talked)
    assert never == export.never_written
    low, high = NEVER_WRITTEN[persona]
    assert low <= never / len(urls) <= high, f"{persona}: {never / len(urls):.1%} never written to"


def test_a_neglectful_owner_spoke_to_fewer_than_a_careful_one(personas: dict[str, GeneratedExport]) -> None:
    share = {p: e.never_written / e.connections for p, e in personas.items()}
    assert share["neglectful"] >= share["careful"] + 0.06
    assert personas["neglectful"].messages < 0.5 * personas["careful"].messages


@pytest.mark.parametrize("persona", NEVER_WRITTEN)
def test_inboxes_are_mostly_courtesies(personas: dict[str, GeneratedExport], persona: str) -> None:
    export = personas[persona]
    truth = [m for m in export.message_truth() if not m.draft]
    assert len(truth) == export.messages
    kinds = Counter(m.kind for m in truth)
    assert kinds == Counter(export.message_kinds)
    assert set(kinds) == {"question", "news", "courtesy", "pitch", "automated"}
    share = {k: n / len(truth) for k, n in kinds.items()}
    assert share["courtesy"] >= 0.5, share
    assert 0.05 <= share["pitch"] <= 0.35, share
    assert share["question"] >= 0.05, share
    assert share["news"] >= 0.03, share
    assert 0.01 <= share["automated"] <= 0.1, share
    families = Counter(m.family for m in truth)
    for family in ("thanks_in", "thanks_out", "ack", "greeting", "birthday", "thanks_back", "congrats", "pitch",
                   "pitch_followup", "recruiter", "sponsored", "ask"):
        assert families[family] > 0, (persona, family)
    own = sum(m.outgoing for m in truth) / len(truth)
    assert 0.12 <= own <= 0.6, own
    assert sum(export.owner_message_kinds.values()) == sum(m.outgoing for m in truth)


def test_recruiters_write_most_to_the_recruiter_magnet(personas: dict[str, GeneratedExport]) -> None:
    def recruiting(e: GeneratedExport) -> int:
        return e.message_families.get("recruiter", 0) + e.message_families.get("recruiter_followup", 0)

    magnet = personas["recruiter_magnet"]
    assert recruiting(magnet) >= 0.08 * magnet.messages
    assert all(recruiting(magnet) > 2 * recruiting(e) for p, e in personas.items() if p != "recruiter_magnet")


@pytest.mark.parametrize(("persona", "batched", "biggest"),
                         [("careful", 0.25, 20), ("neglectful", 0.7, 100), ("recruiter_magnet", 0.5, 50)])
def test_invitations_are_accepted_in_batches(personas: dict[str, GeneratedExport], persona: str, batched: float,
                                             biggest: int) -> None:
    export = personas[persona]
    _, conns = _rows(export, "Connections.csv", "First Name")
    per_day = Counter(datetime.strptime(r[-1], "%d %b %Y").date() for r in conns)
    on_batch_days = sum(n for n in per_day.values() if n >= 10)
    assert on_batch_days >= batched * len(conns), f"{on_batch_days / len(conns):.0%} on days of 10+"
    assert max(per_day.values()) >= biggest
    # A thank-you flood after some batches: many of those accepted on one day write "thanks for connecting".
    thanks = Counter(_day(m) for msgs in _threads(export).values() for m in msgs[:1] if m.family == "thanks_in")
    floods = [d for d, n in per_day.items() if n >= 8 and sum(thanks[d + timedelta(days=k)] for k in range(3)) >= 5]
    assert floods, "no batch was followed by a flood of thank-yous"


def test_the_owner_answers_some_questions_few_pitches_and_thanks_for_wishes(
        personas: dict[str, GeneratedExport]) -> None:
    answered: dict[str, float] = {}
    for persona, export in personas.items():
        asked = got = pitched = declined = wished = thanked = stale = 0
        for msgs in _threads(export).values():
            for m, nxt in zip(msgs, [*msgs[1:], None], strict=True):
                if m.outgoing:
                    continue
                answer = nxt is not None and nxt.outgoing and (_day(nxt) - _day(m)).days <= 90
                if m.kind == "question":
                    asked += 1
                    got += answer
                    stale += nxt is None and (TODAY - _day(m)).days > 730
                elif m.kind == "pitch" and m.family.startswith("pitch"):
                    pitched += 1
                    declined += answer
                elif m.family == "birthday":
                    wished += 1
                    thanked += answer and nxt is not None and nxt.family == "thanks_back"
        answered[persona] = got / asked
        assert declined <= 0.2 * pitched, persona
        assert 0 < thanked < wished, persona
        if persona == "neglectful":
            assert stale > 0, "some questions wait for years"
            assert export.message_families.get("late", 0) > 0, "some answers come years late"
    assert answered["careful"] >= 0.75
    assert answered["neglectful"] <= 0.6
    assert 0.45 <= answered["non_english"] <= 0.9
    assert answered["careful"] >= answered["neglectful"] + 0.25


#: LinkedIn's default invitation text in each language (the older, signature-less form).
DEFAULT_NOTES = {
    "en": "I'd like to add you to my professional network on LinkedIn.",
    "de": "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
    "es": "Me gustaría añadirte a mi red profesional en LinkedIn.",
    "fr": "J'aimerais vous inclure dans mon réseau professionnel sur LinkedIn.",
    "pt": "Gostaria de adicioná-lo à minha rede profissional no LinkedIn.",
    "it": "Vorrei aggiungerti alla mia rete professionale su LinkedIn.",
    "nl": "Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn.",
}


@pytest.mark.parametrize("language", [lang for lang in DEFAULT_NOTES if lang != "en"])
def test_a_non_english_owner_writes_their_language_with_some_and_english_with_others(
        tmp_path: Path, language: str) -> None:
    export = generate_export(tmp_path, seed=4, connections=1200, years=6, today=TODAY, as_zip=False,
                             persona="non_english", language=language)
    assert export.owner_language == language
    langs = export.message_languages
    total = sum(langs.values())
    assert langs[language] >= 0.3 * total, langs
    assert langs["en"] >= 0.15 * total, langs
    own = {m.language for msgs in _threads(export).values() for m in msgs if m.outgoing}
    assert {language, "en"} <= own, "the owner writes in both"
    # A thread keeps its language: each conversation is in one language.
    assert all(len({m.language for m in msgs}) == 1 for msgs in _threads(export).values())
    _, invites = _rows(export, "Invitations.csv", "From")
    assert sum(export.invitation_note_kinds.values()) == sum(1 for r in invites if r[3])
    assert export.invitation_note_languages.get(language, 0) > 0


def test_the_default_invitation_text_in_each_language() -> None:
    from twoway.generator.content import note_templates
    from twoway.generator.texts import LANGUAGES

    for lang, text in DEFAULT_NOTES.items():
        assert note_templates(LANGUAGES.index(lang), "default")[0] == text


def _fits(content: str, before: str, after: str, named: bool, name: str | None) -> bool:
    """Is ``content`` this split text with ``name`` in it (None: any name)?"""
    if not named:
        return content == before
    if name is None:
        return content.startswith(before) and content.endswith(after) and len(content) >= len(before) + len(after)
    return content == before + name + after


def test_each_message_is_one_of_its_familys_texts(personas: dict[str, GeneratedExport]) -> None:
    """The ground truth is aligned with the rows: each content is a text of its (language, family)."""
    from twoway.generator.content import FAMILY_NAMES, pools
    from twoway.generator.texts import LANGUAGES

    texts = pools(True)
    for export in personas.values():
        truth = export.message_truth()
        assert len(truth) == export.messages + export.drafts
        owner_first = export.owner_name.split(" ")[0]
        for m in truth:
            assert m.outgoing == (m.row["FROM"] == export.owner_name)
            assert m.draft == (m.row.get("IS MESSAGE DRAFT") == "Yes")
            assert (m.kind == "automated") == m.row["CONTENT"].startswith('<p class="spinmail-quill-editor')
            group = bool(m.row["CONVERSATION TITLE"]) and m.kind != "automated"
            # The reader's first name: the owner's in what they receive; the other's (any) in what they send.
            name = "" if group else None if m.outgoing else owner_first
            pool = texts[LANGUAGES.index(m.language)][FAMILY_NAMES.index(m.family)]
            assert any(_fits(m.row["CONTENT"], *split, name) for split in pool), (m.family, m.row["CONTENT"])


def test_personas_and_languages_are_checked(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="persona"):
        generate_export(tmp_path, persona="lurker")
    with pytest.raises(InputError, match="language"):
        generate_export(tmp_path, language="xx")


def test_a_persona_is_deterministic_from_its_seed(tmp_path: Path) -> None:
    a = generate_export(tmp_path / "a", seed=6, connections=300, years=4, today=TODAY, as_zip=False,
                        persona="non_english")
    b = generate_export(tmp_path / "b", seed=6, connections=300, years=4, today=TODAY, as_zip=False,
                        persona="non_english")
    for name in a.files:
        assert _raw(a, name) == _raw(b, name), name
    assert a.message_codes == b.message_codes
