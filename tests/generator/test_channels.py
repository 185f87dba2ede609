"""The demo's mailbox, calendar and address book: readable by the standard tools, deterministic by seed, and
overlapping the export as the demo needs (silent connections mailed, a stand-up, name variants)."""

from __future__ import annotations

import mailbox
from datetime import date
from pathlib import Path

from icalendar import Calendar

from twoway.contacts.vcard import read_cards
from twoway.generator import generate_export
from twoway.generator.channels import generate_channels
from twoway.identity import name_key


def test_channels_are_real_files_that_overlap_the_export(tmp_path: Path) -> None:
    export = generate_export(tmp_path / "x", seed=4, connections=300, today=date(2026, 6, 1))
    ch = generate_channels(export, tmp_path / "ch", seed=4)
    sent = list(mailbox.mbox(str(ch.mail / "Sent.mbox")))
    inbox = list(mailbox.mbox(str(ch.mail / "Inbox.mbox")))
    assert len(sent) + len(inbox) == ch.messages + ch.newsletters
    assert all(m["From"].endswith(f"<{ch.owner_email}>") for m in sent)
    assert sum(1 for m in inbox if m["List-Id"]) > 0
    assert sum(1 for m in inbox if m["Auto-Submitted"]) > 0
    assert all(m["Date"] and m["Message-ID"] for m in sent + inbox)
    events = Calendar.from_ical(ch.calendar.read_bytes()).walk("VEVENT")
    assert len(events) == ch.events
    assert [str(e["SUMMARY"]) for e in events if "RRULE" in e] == ["Weekly stand-up"]
    cards = read_cards(ch.contacts.read_text(encoding="utf-8"), "contacts.vcf")
    assert len(cards) == ch.cards
    for connection, variant in ch.variants:
        assert connection != variant
        assert name_key(connection) == name_key(variant)
        assert not next(c for c in cards if c.name == variant).urls  # a private card: no profile
    assert ch.by_email
    assert ch.met
    assert ch.outside
    generate_channels(export, tmp_path / "again", seed=4)
    assert (tmp_path / "again" / "contacts.vcf").read_bytes() == ch.contacts.read_bytes()
    assert (tmp_path / "again" / "Mail" / "Sent.mbox").read_bytes() == (ch.mail / "Sent.mbox").read_bytes()
