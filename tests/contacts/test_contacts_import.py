"""Address books: vCard 2.1/3.0/4.0 and Google/Outlook CSV; exact matches merged with their reason, likely ones
suggested; bad files refused with the line named."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from twoway.contacts import import_contacts, looks_like_contacts
from twoway.errors import InputError
from twoway.mail import import_mail
from twoway.store import Store

VCARDS = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Le=C3=A9;Ann\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ann Le=C3=\r\n=A9\r\n"
    "EMAIL;INTERNET;PREF:ann@corp.example\r\nURL:https://www.linkedin.com/in/ann-lee\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Berg\r\nN:Berg;Bo;;;\r\nORG:Acme\\, Inc;Sales\r\n"
    "EMAIL;TYPE=work:bo@acme.example\r\nitem1.EMAIL:bo@home.example\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Cy Nobody\r\nTEL:+1 555\r\nEND:VCARD\r\n"
)
GOOGLE = ("Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value,Organization 1 - Name,Website 1 - Value\n"
          "Dee Dale,Dee,Dale,* Work,dee@x.example ::: dee@y.example,Globex,\n")
OUTLOOK = ("First Name,Middle Name,Last Name,Company,Job Title,E-mail Address,E-mail 2 Address,Web Page\n"
           "Eve,,Stone,Initech,CTO,eve@initech.example,,https://linkedin.com/in/eve-stone/\n")


def mail_from(tmp_path: Path, sender: str) -> Path:
    path = tmp_path / "Sent.mbox"
    path.write_text(f"From x Mon Jan  1 00:00:00 2024\nFrom: Sam <sam@example.org>\nTo: {sender}\n"
                    "Date: Tue, 02 Jan 2024 10:00:00 +0000\nMessage-ID: <1@x>\nSubject: hi\n\nHello\n",
                    encoding="utf-8")
    return path


def query(store: Store, sql: str) -> list[tuple[object, ...]]:
    with store.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def test_vcards_merge_the_mail_person_into_the_profile(any_store: Store, tmp_path: Path) -> None:
    import_mail(any_store, mail_from(tmp_path, "Ann <ann@corp.example>"))
    path = tmp_path / "book.vcf"
    path.write_bytes(VCARDS.encode())
    assert looks_like_contacts(path)
    s = import_contacts(any_store, path)
    assert s.contacts_added == 2
    assert s.skipped == {"card without e-mail or LinkedIn profile": 1}
    ann = query(any_store, "SELECT p.full_name, p.url, e.reason FROM person_emails e JOIN people p "
                           "ON p.id = e.person_id WHERE e.email = 'ann@corp.example'")
    assert ann == [("Ann Leé", "https://www.linkedin.com/in/ann-lee",
                    "address-book card with profile URL and e-mail")]
    # The e-mail met in mail now belongs to the LinkedIn person: one person, not two.
    assert query(any_store, "SELECT COUNT(DISTINCT person_id) FROM interactions") == [(1,)]
    assert query(any_store, "SELECT COUNT(*) FROM people WHERE full_name = 'Ann'") == [(0,)]
    bo = query(any_store, "SELECT e.email FROM person_emails e JOIN people p ON p.id = e.person_id "
                          "WHERE p.full_name = 'Bo Berg' ORDER BY e.email")
    assert bo == [("bo@acme.example",), ("bo@home.example",)]
    assert query(any_store, "SELECT company FROM people WHERE full_name = 'Bo Berg'") == [("Acme, Inc",)]
    assert import_contacts(any_store, path).contacts_added == 0


def test_google_and_outlook_csv(any_store: Store, tmp_path: Path) -> None:
    google, outlook = tmp_path / "contacts.csv", tmp_path / "outlook.csv"
    google.write_text(GOOGLE, encoding="utf-8")
    outlook.write_text(OUTLOOK, encoding="utf-8")
    assert import_contacts(any_store, google).contacts_added == 1
    assert import_contacts(any_store, outlook).contacts_added == 1
    assert query(any_store, "SELECT email FROM person_emails ORDER BY email") == [
        ("dee@x.example",), ("dee@y.example",), ("eve@initech.example",)]
    assert query(any_store, "SELECT url FROM people WHERE full_name = 'Eve Stone'") == [
        ("https://www.linkedin.com/in/eve-stone",)]


def test_a_card_only_sharing_a_name_is_a_suggestion(any_store: Store, tmp_path: Path) -> None:
    with any_store.begin() as conn:
        conn.execute(text("INSERT INTO owners (name, created_at) VALUES ('Sam', '2024-01-01')"))
        conn.execute(text("INSERT INTO people (url, name_key, full_name, company, created_at) VALUES "
                          "('https://www.linkedin.com/in/bo', 'bo berg', 'Bo Berg', 'Acme, Inc', '2024-01-01')"))
        conn.execute(text("INSERT INTO connections (owner_id, person_id) VALUES (1, 1)"))
    path = tmp_path / "book.vcf"
    path.write_bytes(VCARDS.encode())
    s = import_contacts(any_store, path)
    assert s.suggestions_added == 1
    assert query(any_store, "SELECT person_id, reason, status FROM merge_suggestions") == [
        (1, "same name and company", "open")]


def test_a_card_without_its_end_names_its_line(any_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "cut.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN:B\nEMAIL:b@x.example\n")
    with pytest.raises(InputError, match=r"cut.vcf: the card from line 5 has no END:VCARD"):
        import_contacts(any_store, path)
    assert query(any_store, "SELECT COUNT(*) FROM contacts") == [(0,)]
