"""Importing an address book (vCard, Google or Outlook CSV): each card kept in ``contacts``, and its person
found by what is exact (the LinkedIn profile URL on the card, an address already known); a card holding a profile
URL and addresses merges the person met in mail into the LinkedIn one, with the reason recorded. A card that only
shares a name with a connection becomes a suggestion (``twoway merge``), never a merge."""

from __future__ import annotations

import csv
import hashlib
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, text

from twoway.contacts.books import csv_flavour, read_csv
from twoway.contacts.vcard import Card, decode_bytes, read_cards
from twoway.errors import InputError
from twoway.identity import name_key, normalise_url, url_key
from twoway.sources import Directory, SourceImport, SourceSummary, content_id, normalise_email, pick_owner
from twoway.store import Store

Progress = Callable[[str, int, int], None]
ON_CARD_WITH_URL = "address-book card with profile URL and e-mail"
ON_CARD_BOTH = "address-book card holding both addresses"
ON_CARD = "address-book card"
MAX_BYTES = 256 * 1024 * 1024


def flavour_of(path: Path) -> str | None:
    """``vcard``, ``google`` or ``outlook`` by the file's first bytes; None when it is no address book."""
    if not path.is_file():
        return None
    with path.open("rb") as f:
        head, _ = decode_bytes(f.read(8192))
    if head.lstrip().upper().startswith("BEGIN:VCARD"):
        return "vcard"
    first = head.splitlines()[0] if head else ""
    return csv_flavour(next(csv.reader([first]), [])) if "," in first else None


def looks_like_contacts(path: str | Path) -> bool:
    return flavour_of(Path(path)) is not None


def import_contacts(store: Store, path: str | Path, *, owner: str | None = None,
                    progress: Progress | None = None) -> SourceSummary:
    started = time.perf_counter()
    p = Path(path)
    flavour = flavour_of(p)
    if flavour is None:
        raise InputError("not an address book: expected a vCard (.vcf), Google Contacts CSV or Outlook CSV",
                         file=p.name)
    if p.stat().st_size > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES >> 20} MB: not an address book", file=p.name)
    content, encoding = decode_bytes(p.read_bytes())
    cards = read_cards(content, p.name) if flavour == "vcard" else read_csv(content)[1]
    summary = SourceSummary(source="contacts", archive=p.name)
    with store.begin() as conn:
        owner_id, owner_name = pick_owner(conn, owner, "Me")
        summary.owner_id, summary.owner_name = owner_id, owner_name
        record = SourceImport(conn, "contacts", p.name, owner_id, summary)
        cid = content_id(p)
        kind = f"contacts:{flavour}"
        if record.unchanged(cid, kind):
            summary.problem(f"{p.name}: unchanged since an earlier import, not read again")
        else:
            file_id = record.register(p.name, kind, cid, p.stat().st_size, encoding)
            directory = Directory(conn, owner_id, file_id, record.created_at, summary)
            skipped = sum(0 if _card(conn, directory, card, flavour) else 1 for card in cards)
            record.file_done(file_id, len(cards), skipped)
            summary.files.append({"name": p.name, "kind": kind, "rows": len(cards), "skipped": skipped})
        summary.seconds = round(time.perf_counter() - started, 2)
        record.finish()
    if progress is not None:
        progress("done", 1, 1)
    return summary


def _card(conn: Connection, directory: Directory, card: Card, flavour: str) -> bool:
    s = directory.summary
    emails = list(dict.fromkeys(e for raw in card.emails if (e := normalise_email(raw))))
    url = next((u for raw in card.urls if (u := normalise_url(raw))), None)
    if not emails and not url:
        s.skip("card without e-mail or LinkedIn profile")
        return False
    name = card.name or (emails[0] if emails else url or "")
    key = "\x1f".join([name_key(name), *sorted(emails), url_key(url) if url else ""])
    added = conn.execute(text(
        "INSERT INTO contacts (owner_id, full_name, name_key, emails, companies, title, origin, fingerprint, "
        "source_id) VALUES (:o, :n, :k, :e, :c, :t, :g, :f, :s) ON CONFLICT DO NOTHING"), {
            "o": directory.owner_id, "n": name, "k": name_key(name), "e": ", ".join(emails) or None,
            "c": card.company or None, "t": card.title or None, "g": flavour, "s": directory.source_id,
            "f": hashlib.blake2b(key.encode(), digest_size=16).hexdigest()}).rowcount
    s.contacts_added += max(int(added), 0)
    if url:
        pid = directory.by_url.get(url_key(url))
        if pid is None:
            pid = directory.create(name, url=url, company=card.company,
                                   position=card.title)
        for email in emails:
            directory.attach(pid, email, ON_CARD_WITH_URL)
        return True
    holders = [p for e in emails if (p := directory.known(e)) is not None]
    if holders:
        for email in emails:
            directory.attach(holders[0], email, ON_CARD_BOTH)
        return True
    pid = directory.create(name, company=card.company, position=card.title)
    for email in emails:
        directory.attach(pid, email, ON_CARD)
    directory.likely(pid, name, card.company)
    return True
