"""Mail into the store: directions, owner addresses, automated mail kept apart, re-imports, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from twoway import settings
from twoway.errors import InputError
from twoway.generator import generate_export
from twoway.linkedin import import_export
from twoway.mail import import_mail, looks_like_mail
from twoway.store import Store
from twoway.views.imports import source_of

ME = "Sam Owner <sam@example.org>"


def message(sender: str, to: str, date: str | None, subject: str, body: str, *, mid: str | None = None,
            extra: str = "", labels: str = "", envelope: str = "From x@y Mon Jan  1 00:00:00 2024") -> str:
    head = [f"From: {sender}", f"To: {to}", f"Subject: {subject}"]
    if date:
        head.append(f"Date: {date}")
    if mid:
        head.append(f"Message-ID: <{mid}>")
    if labels:
        head.append(f"X-Gmail-Labels: {labels}")
    if extra:
        head.append(extra)
    return envelope + "\n" + "\n".join(head) + "\n\n" + body + "\n\n"


def mbox(tmp_path: Path, *messages: str, name: str = "All mail.mbox") -> Path:
    path = tmp_path / name
    path.write_text("".join(messages), encoding="utf-8")
    return path


def sample(tmp_path: Path) -> Path:
    return mbox(
        tmp_path,
        message(ME, "Ann Lee <ann@corp.example>, Bo <bo@corp.example>", "Tue, 02 Jan 2024 10:00:00 +0000",
                "Lunch?", "Shall we have lunch next week?\n\nSam", mid="m1@x", labels="Sent"),
        message("=?utf-8?q?Ann_L=C3=A9e?= <ann@corp.example>", ME, "Wed, 03 Jan 2024 09:00:00 +0000",
                "Re: Lunch?", "Yes, Tuesday works.\n\nOn Tue, Sam wrote:\n> Shall we have lunch?",
                mid="m2@x", extra="In-Reply-To: <m1@x>\nReferences: <m1@x>"),
        message("News <news@shop.example>", ME, "Thu, 04 Jan 2024 09:00:00 +0000", "Sale", "Buy now",
                mid="m3@x", extra="List-Id: <shop.example>"),
        message("Bot <no-reply@service.example>", ME, "Thu, 04 Jan 2024 10:00:00 +0000", "Alert", "Login",
                mid="m4@x"),
        message("Cy <cy@else.example>", ME, None, "No date", "hi", mid="m5@x", envelope="From cy@else.example"),
        message("Di <di@else.example>", ME, None, "Envelope date", "hi", mid="m7@x"),
    )


def rows(store: Store, sql: str) -> list[tuple[object, ...]]:
    with store.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def test_mail_becomes_email_interactions_both_ways(any_store: Store, tmp_path: Path) -> None:
    path = sample(tmp_path)
    assert looks_like_mail(path)
    s = import_mail(any_store, path)
    assert s.owner_emails == {"sam@example.org": "most frequent sender of the mail you sent"}
    assert s.emails_added == 4
    assert s.automated_kept_apart == 2
    assert s.skipped == {"no readable date": 1}
    got = rows(any_store, "SELECT p.full_name, i.direction, i.kind, i.channel, i.content, i.reading "
                          "FROM interactions i JOIN people p ON p.id = i.person_id ORDER BY i.at, p.full_name")
    assert [g[:4] for g in got] == [("Di", "in", "email", "email"), ("Ann Lee", "out", "email", "email"),
                                    ("Bo", "out", "email", "email"),
                                    ("Ann Lee", "in", "email", "email")]
    # Di's message has no Date header: the mbox envelope's date (2024-01-01) stands for it.
    assert got[3][4] == "Yes, Tuesday works."  # the reply only, never the quoted thread
    assert got[1][5] == "question"
    assert rows(any_store, "SELECT COUNT(*) FROM interactions WHERE person_id IS NULL AND reading = 'automated'") \
        == [(2,)]
    assert rows(any_store, "SELECT COUNT(*) FROM connections") == [(0,)]
    assert rows(any_store, "SELECT reason FROM person_emails WHERE email = 'ann@corp.example'") == \
        [("first seen in mail",)]


def test_reimport_adds_only_what_is_new(any_store: Store, tmp_path: Path) -> None:
    path = sample(tmp_path)
    import_mail(any_store, path)
    again = import_mail(any_store, path)
    assert again.emails_added == 0
    assert again.problems[0].endswith("not read again")
    with path.open("a", encoding="utf-8") as f:
        f.write(message("Ann Lee <ann@corp.example>", ME, "Fri, 05 Jan 2024 09:00:00 +0000", "More", "And?",
                        mid="m6@x"))
        f.write(message("Ann Lee <ann@corp.example>", ME, "Fri, 05 Jan 2024 09:00:00 +0000", "More", "And?",
                        mid="m6@x"))
    newer = import_mail(any_store, path)
    assert newer.emails_added == 1
    assert newer.skipped["duplicate Message-ID"] == 1
    assert newer.people_added == 0


def test_owner_addresses_from_the_setting(any_store: Store, tmp_path: Path) -> None:
    with any_store.begin() as conn:
        settings.set_value(conn, "owner_emails", "sam@example.org")
    path = mbox(tmp_path, message(ME, "Ann <ann@corp.example>", "Tue, 02 Jan 2024 10:00:00 +0000", "Hi", "Hello",
                                  mid="a@x"), name="Inbox")
    s = import_mail(any_store, path)
    assert s.owner_emails == {"sam@example.org": "setting owner_emails"}
    assert rows(any_store, "SELECT direction FROM interactions") == [("out",)]


def test_maildir_and_broken_mime(any_store: Store, tmp_path: Path) -> None:
    root = tmp_path / "Mail"
    for sub in ("cur", "new", "tmp", ".Sent/cur", ".Sent/new", ".Sent/tmp"):
        (root / sub).mkdir(parents=True)
    (root / ".Sent/cur/1:2,S").write_bytes(message(ME, "Ann <ann@corp.example>", "Tue, 02 Jan 2024 10:00:00 +0000",
                                                   "Hi", "Hello there")[34:].encode())
    (root / "new/2").write_bytes(
        b"From: Ann <ann@corp.example>\nTo: sam@example.org\nDate: Wed, 03 Jan 2024 10:00:00 +0000\n"
        b"Content-Type: multipart/mixed; boundary=zz\n\n--zz\nContent-Type: text/plain; charset=x-unknown-42\n\n"
        b"Gr\xfc\xdfe!\n--zz\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLj")
    s = import_mail(any_store, root)
    assert s.emails_added == 2
    assert rows(any_store, "SELECT content FROM interactions WHERE direction = 'in'") == [("Grüße!",)]


def test_truncated_mbox_names_the_message_and_writes_nothing(any_store: Store, tmp_path: Path) -> None:
    path = mbox(tmp_path, message(ME, "Ann <ann@corp.example>", "Tue, 02 Jan 2024 10:00:00 +0000", "Hi", "Hello",
                                  labels="Sent"),
                "From x@y Mon Jan  1 00:00:00 2024\nFrom: Ann <ann@corp.example>\nSubject: cut")
    with pytest.raises(InputError, match=r"All mail.mbox: message 2 ends inside its headers"):
        import_mail(any_store, path)
    assert rows(any_store, "SELECT COUNT(*) FROM imports") == [(0,)]
    assert rows(any_store, "SELECT COUNT(*) FROM interactions") == [(0,)]


def test_sources_are_recognised_by_content(tmp_path: Path) -> None:
    bundle = tmp_path / "Work.mbox"
    bundle.mkdir()
    (bundle / "mbox").write_text(message(ME, "Ann <ann@corp.example>", "Tue, 02 Jan 2024 10:00:00 +0000", "Hi", "x"))
    (bundle / "Info.plist").write_text("<plist/>")
    export = tmp_path / "export"
    export.mkdir()
    (export / "Connections.csv").write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n")
    assert source_of(bundle) == "mail"
    assert source_of(export) == "linkedin"
    assert source_of(export / "Connections.csv") == "linkedin"


def test_a_linkedin_export_after_mail_belongs_to_the_same_owner(any_store: Store, tmp_path: Path) -> None:
    import_mail(any_store, sample(tmp_path))
    export = generate_export(tmp_path / "export.zip", seed=3, connections=30, messages=100)
    import_export(any_store, export.path)
    owners = rows(any_store, "SELECT id, name FROM owners")
    assert len(owners) == 1  # mail made the owner; the LinkedIn export is theirs too, named now
    sources = rows(any_store, "SELECT DISTINCT source FROM imports ORDER BY source")
    assert [s for (s,) in sources] == ["linkedin", "mail"]
