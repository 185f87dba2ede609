"""Importing mail: every message's sender, recipients, date and a snippet, in one transaction.

Two passes over the mailboxes: the first reads headers only, to learn the owner's own addresses (the
``owner_emails`` setting, those inferred before, and the most frequent senders of what was sent); the second
writes one ``email`` interaction per other person on each message (``out`` to each recipient of the owner's
mail, ``in`` from the sender of theirs). Newsletters, lists and machine mail are kept apart (reading
``automated``, no person). Each interaction's fingerprint (Message-ID and the other person's address) makes a
re-import, or the same message in two folders, add nothing twice.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection

from twoway.errors import InputError
from twoway.mail.boxes import Box, boxes, messages
from twoway.mail.message import Mail, addresses, headers, read
from twoway.sources import (
    Directory,
    Interaction,
    SourceImport,
    SourceSummary,
    content_id,
    imported_before,
    owner_addresses,
    parse_addresses,
    pick_owner,
    remember_owner_addresses,
    write_interactions,
)
from twoway.store import Store

Progress = Callable[[str, int, int], None]
FIRST_SEEN = "first seen in mail"
INFERRED_SENT = "most frequent sender of the mail you sent"
INFERRED_RECEIVED = "most frequent recipient of the mail received"
#: A sender of the sent folder is one of the owner's addresses from this share of it on.
OWNER_SHARE = 0.1
FLUSH = 2000


def looks_like_mail(path: str | Path) -> bool:
    return bool(boxes(Path(path)))


def import_mail(store: Store, path: str | Path, *, owner: str | None = None,
                progress: Progress | None = None) -> SourceSummary:
    """Import the mbox file, Apple Mail bundle, Maildir or folder of them at ``path``; all or nothing."""
    started = time.perf_counter()
    root = Path(path)
    found = boxes(root)
    if not found:
        raise InputError("no mailbox here: expected an mbox file (Gmail Takeout, Thunderbird, an Apple Mail "
                         ".mbox bundle) or a Maildir folder", file=root.name)
    summary = SourceSummary(source="mail", archive=root.name)
    identities = {box.path: _box_identity(box) for box in found}
    # Who the owner is shows in the mail not imported before: re-importing an unchanged mailbox reads nothing.
    with store.connect() as conn:
        fresh = [box for box in found if not imported_before(conn, identities[box.path][0], f"mail:{box.kind}")]
    meter = _Meter(progress, sum(identities[box.path][1] for box in fresh))
    inferred, fallback_name = _infer_owner(fresh, root, meter)
    with store.begin() as conn:
        owner_id, owner_name = pick_owner(conn, owner, fallback_name or "Me")
        known = owner_addresses(conn, owner_id)
        addresses = {**inferred, **known}
        if not addresses:
            raise InputError("cannot tell which address is yours: set it in the setting owner_emails",
                             file=root.name, cli_hint="`twoway settings owner_emails you@example.com`")
        summary.owner_id, summary.owner_name, summary.owner_emails = owner_id, owner_name, addresses
        record = SourceImport(conn, "mail", root.name, owner_id, summary)
        meter.start()
        for box in found:
            _MailBox(conn, record, box, root, set(addresses), meter).run(identities[box.path])
        remember_owner_addresses(conn, owner_id, {e: r for e, r in inferred.items() if e not in known})
        summary.seconds = round(time.perf_counter() - started, 2)
        record.finish()
    meter.done()
    return summary


class _Meter:
    """Bytes of mail read so far, told to ``progress`` about every ``STEP`` bytes: twice over the new mailboxes
    (finding the owner's addresses, then reading), so a large file shows its bar moving."""

    STEP = 4 << 20

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total = progress, max(total, 1)
        self.before = self.told = 0

    def start(self) -> None:
        self.before = self.told = 0

    def at(self, stage: str, offset: int) -> None:
        if self.progress is not None and self.before + offset - self.told >= self.STEP:
            self.told = self.before + offset
            self.progress(stage, min(self.told, self.total), self.total)

    def box_done(self, size: int) -> None:
        self.before += size

    def done(self) -> None:
        if self.progress is not None:
            self.progress("done", self.total, self.total)


def _infer_owner(found: list[Box], root: Path, meter: _Meter) -> tuple[dict[str, str], str]:
    """The owner's addresses as the mail shows them, and the name they sign with."""
    sent: Counter[str] = Counter()
    received: Counter[str] = Counter()
    names: dict[str, str] = {}
    total_sent = 0
    for box in found:
        size = 0
        for raw in messages(box, root):
            size = raw.offset
            meter.at("finding your addresses", raw.offset)
            if not raw.sent_folder and not (b"x-gmail-labels" in (low := raw.header.lower())
                                            or b"delivered-to" in low):
                continue  # neither sent nor delivered to anyone: nothing to learn from it
            msg = headers(raw)
            labels = str(msg.get("X-Gmail-Labels", "") or "").casefold().split(",")
            if raw.sent_folder or "sent" in [x.strip() for x in labels]:
                total_sent += 1
                for a in addresses(str(msg.get("From", "") or ""))[:1]:
                    sent[a.email] += 1
                    names.setdefault(a.email, a.name)
            else:
                delivered = [str(v) for v in msg.get_all("Delivered-To") or []]
                for a in addresses(delivered[0]) if len(delivered) == 1 else parse_addresses(*delivered):
                    received[a.email] += 1
        meter.box_done(size)
    if sent:
        return ({e: INFERRED_SENT for e, c in sent.most_common() if c >= OWNER_SHARE * total_sent},
                names.get(sent.most_common(1)[0][0], ""))
    if received:
        email = received.most_common(1)[0][0]
        return {email: INFERRED_RECEIVED}, ""
    return {}, ""


class _MailBox:
    def __init__(self, conn: Connection, record: SourceImport, box: Box, root: Path, mine: set[str],
                 meter: _Meter) -> None:
        self.conn, self.record, self.box, self.root, self.mine, self.meter = conn, record, box, root, mine, meter
        self.summary = record.summary
        self.pending: list[Interaction] = []
        self.seen: set[str] = set()

    def run(self, identity: tuple[str, int]) -> None:
        cid, size = identity
        name = str(self.box.path.relative_to(self.root)) if self.box.path != self.root else self.box.path.name
        kind = f"mail:{self.box.kind}"
        if self.record.unchanged(cid, kind):
            self.summary.problem(f"{name}: unchanged since an earlier import, not read again")
            return
        file_id = self.record.register(name, kind, cid, size)
        self.directory = Directory(self.conn, self.record.owner_id, file_id, self.record.created_at, self.summary)
        self.file_id = file_id
        read_count = skipped = 0
        stage = f"reading {self.box.folder}"
        for raw in messages(self.box, self.root):
            read_count += 1
            self.meter.at(stage, raw.offset)
            if not self._one(read(raw)):
                skipped += 1
            if len(self.pending) >= FLUSH:
                self._flush()
        self._flush()
        self.meter.box_done(size)
        self.record.file_done(file_id, read_count, skipped)
        self.summary.files.append({"name": name, "kind": kind, "rows": read_count, "skipped": skipped})

    def _one(self, mail: Mail) -> bool:
        s = self.summary
        if mail.at is None:
            s.skip("no readable date")
            s.problem(f"{mail.where}: no readable Date, left out")
            return False
        mid = mail.message_id or hashlib.blake2b(
            f"{mail.sender.email if mail.sender else ''}\x1f{mail.at}\x1f{mail.subject}".encode(),
            digest_size=12).hexdigest()
        if mid in self.seen:
            s.skip("duplicate Message-ID")
            return False
        self.seen.add(mid)
        if mail.sender is None:
            s.skip("no sender")
            s.problem(f"{mail.where}: no readable From, left out")
            return False
        content = mail.snippet or None
        subject = mail.subject or None
        if mail.automated:
            self.pending.append(Interaction(None, "email", "in", mail.at, subject, content, mail.folder,
                                            f"mail\x1f{mid}\x1fautomated", automated=True))
            return True
        if mail.sender.email in self.mine:
            others = [a for a in (*mail.to, *mail.cc) if a.email not in self.mine]
            if not others:
                s.skip("to yourself")
                return False
            for a in others:
                pid = self.directory.find(a.email, a.name, FIRST_SEEN)
                self.pending.append(Interaction(pid, "email", "out", mail.at, subject, content, mail.folder,
                                                f"mail\x1f{mid}\x1f{a.email}"))
            return True
        pid = self.directory.find(mail.sender.email, mail.sender.name, FIRST_SEEN)
        self.pending.append(Interaction(pid, "email", "in", mail.at, subject, content, mail.folder,
                                        f"mail\x1f{mid}\x1f{mail.sender.email}"))
        return True

    def _flush(self) -> None:
        if not self.pending:
            return
        rec, s = self.record, self.summary
        auto = [i for i in self.pending if i.automated]
        real = [i for i in self.pending if not i.automated]
        s.automated_kept_apart += write_interactions(self.conn, rec.owner_id, self.file_id, rec.created_at, auto)
        added = write_interactions(self.conn, rec.owner_id, self.file_id, rec.created_at, real)
        s.emails_added += added
        s.interactions_added += added
        self.pending = []


def _box_identity(box: Box) -> tuple[str, int]:
    """An mbox file's size and CRC; a Maildir's from its files' names and sizes (a message never changes)."""
    if box.kind == "mbox":
        cid = content_id(box.path)
        return cid, int(cid.split(":", 1)[0])
    h = hashlib.blake2b(digest_size=8)
    size = 0
    for sub in ("cur", "new"):
        for f in sorted((box.path / sub).iterdir()):
            n = f.stat().st_size
            size += n
            h.update(f"{f.name.split(':', 1)[0]}\x1f{n}\n".encode())
    return f"{size}:{h.hexdigest()}", size
