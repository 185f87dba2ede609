"""One message's facts: who wrote to whom and when, whether a machine sent it, and a short snippet of what it
says (the reply itself, without the quoted thread), read leniently: broken MIME and unknown charsets give
what can be read, never an exception."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import UTC
from email import message_from_bytes
from email.message import Message
from email.policy import compat32
from email.utils import parsedate_to_datetime

from twoway.mail.boxes import RawMessage
from twoway.sources import Address, parse_addresses
from twoway.sources.addresses import decode_words

SNIPPET_CHARS = 400
_NO_REPLY = re.compile(r"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer-daemon|postmaster|bounces?|notifications?"
                       r"|newsletters?|news|info|alerts?|updates?|marketing)([-+.@]|$)", re.IGNORECASE)
_QUOTE_START = re.compile(r"^(On .{0,200}wrote:|Le .{0,200}a écrit ?:|Am .{0,200}schrieb .{0,80}:"
                          r"|-{2,} ?Original Message ?-{2,}|From: .+|_{10,})\s*$", re.IGNORECASE)
_TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"[ \t\u00a0]+")
_ENVELOPE_DATE = re.compile(rb"^From \S*\s+(.+?)\s*$")


@dataclass(slots=True)
class Mail:
    file: str
    number: int
    folder: str
    sent_folder: bool
    message_id: str
    in_reply_to: str
    references: str
    sender: Address | None
    to: list[Address]
    cc: list[Address]
    delivered_to: list[Address]
    at: int | None
    subject: str
    snippet: str
    automated: bool
    labels: str

    @property
    def where(self) -> str:
        return f"{self.file}, message {self.number}"

    @property
    def sent(self) -> bool:
        """Filed as sent: the Sent folder, or Gmail's "Sent" label."""
        return self.sent_folder or "sent" in [part.strip().casefold() for part in self.labels.split(",")]


def _header(msg: Message, name: str) -> str:
    values = msg.get_all(name) or []
    return ", ".join(str(v) for v in values)


def _when(value: str) -> int | None:
    try:
        when = parsedate_to_datetime(value.strip()) if value.strip() else None
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    return int((when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp())


def _date(msg: Message, raw: RawMessage) -> int | None:
    """The Date header; without one, the date on the mbox's envelope line (as Gmail and Thunderbird write it)."""
    found = _when(str(msg.get("Date", "") or ""))
    if found is None:
        envelope = _ENVELOPE_DATE.match(raw.envelope.rstrip(b"\r\n"))
        if envelope:
            found = _when(envelope.group(1).decode("ascii", "replace"))
    return found


def automated(msg: Message, sender: Address | None) -> bool:
    """A newsletter, a mailing list, bulk or machine-written mail: kept apart, never someone's word."""
    if msg.get("List-Id") or msg.get("List-Unsubscribe") or msg.get("List-Post"):
        return True
    if str(msg.get("Precedence", "")).strip().lower() in ("bulk", "list", "junk"):
        return True
    auto = str(msg.get("Auto-Submitted", "")).strip().lower()
    if auto and auto != "no":
        return True
    return sender is not None and bool(_NO_REPLY.match(sender.email))


def _decode(part: Message) -> str:
    try:
        payload = part.get_payload(decode=True)
    except (ValueError, TypeError, AssertionError):
        payload = None
    if not isinstance(payload, bytes):
        raw = part.get_payload()
        return raw if isinstance(raw, str) else ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, "replace")
    except LookupError:  # a charset Python does not know: read it as Latin-1 (every byte is something)
        return payload.decode("latin-1")


def body_text(msg: Message) -> str:
    plain = html_text = None
    for part in msg.walk():
        if part.is_multipart() or part.get_filename():
            continue
        ctype = part.get_content_type()
        if ctype == "text/plain" and plain is None:
            plain = _decode(part)
        elif ctype == "text/html" and html_text is None:
            html_text = _decode(part)
        if plain is not None:
            break
    if plain is not None:
        return plain
    if html_text is not None:
        return html.unescape(_TAGS.sub(" ", html_text))
    return ""


def snippet(body: str) -> str:
    """The new words at the top of a message: stops at the quoted thread or the signature."""
    kept: list[str] = []
    for line in body.replace("\r\n", "\n").split("\n"):
        stripped = line.strip()
        if stripped.startswith(">") or stripped == "--" or _QUOTE_START.match(stripped):
            break
        if stripped:
            kept.append(_SPACE.sub(" ", stripped))
        if sum(len(k) for k in kept) > SNIPPET_CHARS:
            break
    return " ".join(kept)[:SNIPPET_CHARS]


def read(raw: RawMessage) -> Mail:
    msg = message_from_bytes(raw.header + b"\n" + raw.body, policy=compat32)
    sender = next(iter(parse_addresses(_header(msg, "From"))), None)
    return Mail(
        file=raw.file, number=raw.number, folder=raw.folder, sent_folder=raw.sent_folder,
        message_id=str(msg.get("Message-ID", "") or "").strip().strip("<>"),
        in_reply_to=str(msg.get("In-Reply-To", "") or "").strip(),
        references=" ".join(str(msg.get("References", "") or "").split()),
        sender=sender,
        to=parse_addresses(_header(msg, "To")),
        cc=parse_addresses(_header(msg, "Cc")),
        delivered_to=parse_addresses(_header(msg, "Delivered-To")),
        at=_date(msg, raw),
        subject=decode_words(" ".join(str(msg.get("Subject", "") or "").split())),
        snippet=snippet(body_text(msg)),
        automated=automated(msg, sender),
        labels=decode_words(str(msg.get("X-Gmail-Labels", "") or "")),
    )
