"""One message's facts: who wrote to whom and when, whether a machine sent it, and a short snippet of what it
says (the reply itself, without the quoted thread), read leniently: broken MIME and unknown charsets give
what can be read, never an exception."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC
from email import message_from_bytes
from email.message import Message
from email.parser import BytesHeaderParser, HeaderParser, Parser
from email.policy import compat32
from email.utils import parsedate_to_datetime
from functools import lru_cache

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
_HEADERS = BytesHeaderParser(policy=compat32)
_HEADER_LINE = re.compile(r"[\041-\071\073-\176]*:")  # the feed parser's header line (its headerRE)
_PART = Parser(policy=compat32)
_PART_HEADERS = HeaderParser(policy=compat32)


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


@lru_cache(maxsize=1 << 16)
def _addresses(value: str) -> tuple[Address, ...]:
    return tuple(parse_addresses(value))


def addresses(value: str) -> list[Address]:
    """``parse_addresses`` of one header value, remembered: the same correspondents write again and again."""
    return list(_addresses(value))


def headers(raw: RawMessage) -> Message:
    """The message's header block alone, as the feed parser reads it (compat32): a block of plain header and
    continuation lines is grouped here as the parser groups it (each header through ``header_source_parse``
    and ``set_raw``, as it does); any other (an envelope line, a defect, lone carriage returns) goes to it."""
    text = raw.header.decode("ascii", "surrogateescape")
    if (text and not text.endswith("\n")) or ("\r" in text and text.count("\r") != text.count("\r\n")):
        return _HEADERS.parsebytes(raw.header)
    msg = Message(policy=compat32)
    lines = text.split("\n")
    lines.pop()
    source: list[str] = []
    for line in lines:
        line += "\n"
        if line[0] in " \t":
            if not source:
                return _HEADERS.parsebytes(raw.header)
            source.append(line)
            continue
        if line[0] == ":" or line.startswith("From ") or not _HEADER_LINE.match(line):
            return _HEADERS.parsebytes(raw.header)
        if source:
            msg.set_raw(*compat32.header_source_parse(source))
        source = [line]
    if source:
        msg.set_raw(*compat32.header_source_parse(source))
    return msg


class _Fields:
    """A message's headers as ``Message.get`` and ``get_all`` give them (each through the policy's
    ``header_fetch_parse``, as ``items`` gives them), gathered by name in one look through them."""

    __slots__ = ("every",)

    def __init__(self, msg: Message) -> None:
        self.every: dict[str, list[object]] = {}
        for name, value in msg.items():
            self.every.setdefault(name.lower(), []).append(value)

    def get(self, name: str, default: object = None) -> object:
        found = self.every.get(name)
        return found[0] if found else default

    def get_all(self, name: str) -> Sequence[object] | None:
        return self.every.get(name)


def _header(msg: _Fields, name: str) -> str:
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


def _date(msg: _Fields, raw: RawMessage) -> int | None:
    """The Date header; without one, the date on the mbox's envelope line (as Gmail and Thunderbird write it)."""
    found = _when(str(msg.get("date", "") or ""))
    if found is None:
        envelope = _ENVELOPE_DATE.match(raw.envelope.rstrip(b"\r\n"))
        if envelope:
            found = _when(envelope.group(1).decode("ascii", "replace"))
    return found


def automated(msg: _Fields, sender: Address | None) -> bool:
    """A newsletter, a mailing list, bulk or machine-written mail: kept apart, never someone's word."""
    if msg.get("list-id") or msg.get("list-unsubscribe") or msg.get("list-post"):
        return True
    if str(msg.get("precedence", "")).strip().lower() in ("bulk", "list", "junk"):
        return True
    auto = str(msg.get("auto-submitted", "")).strip().lower()
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


def parse(raw: RawMessage) -> tuple[Message, str | None]:
    """The message as ``email`` reads it whole (compat32), and its body's text when that could be told without
    parsing it whole: a single part's payload is then the body as the parser would have kept it; a plain
    multipart's parts are read one by one up to its first text part (``first_text``). Anything else (an
    enclosed message, a header block the parser finds fault with, an odd multipart) is parsed whole."""
    msg = headers(raw)
    if not msg.defects and not msg.get_payload():
        maintype = msg.get_content_maintype()
        if maintype == "multipart":
            text = first_text(msg, raw.body.decode("ascii", "surrogateescape"))
            if text is not None:
                return msg, text
        elif maintype != "message":
            msg.set_payload(raw.body.decode("ascii", "surrogateescape"))
            return msg, None
    return message_from_bytes(raw.header + b"\n" + raw.body, policy=compat32), None


def _boundary_line(body: str, start: int, separator: str) -> tuple[int, int, bool] | None:
    """The next line from ``start`` that the feed parser takes for a boundary: its start, the start of the
    line after it, and whether it closes the multipart."""
    at = start
    while True:
        at = body.find(separator, at)
        if at < 0:
            return None
        if at == 0 or body[at - 1] == "\n":
            end = body.find("\n", at)
            end = len(body) if end < 0 else end + 1
            rest = body[at + len(separator):end].rstrip("\r\n")
            closing = rest.startswith("--")
            if not rest.removeprefix("--").strip(" \t"):
                return at, end, closing
        at += 1


def first_text(msg: Message, body: str) -> str | None:
    """``body_text`` of a multipart whose parts are single parts, each parsed alone as the feed parser would
    parse it within the whole, stopping at the first plain-text part; None where that is not sure (a nested
    multipart or message, a digest, lone carriage returns, a part with no boundary after it)."""
    boundary = msg.get_boundary()
    if boundary is None or msg.get_content_subtype() == "digest" or (
            "\r" in body and body.count("\r") != body.count("\r\n")):
        return None
    separator = "--" + boundary
    found = _boundary_line(body, 0, separator)
    if found is None or found[2]:
        return None
    html_text = None
    while True:
        start = found[1]
        found = _boundary_line(body, start, separator)
        if found is None or found[0] == start:  # unterminated, or boundaries one after another
            return None
        text = body[start:found[0]]
        text = text[:-2] if text.endswith("\r\n") else text[:-1] if text.endswith("\n") else text
        head = _PART_HEADERS.parsestr(text)
        if head.get_content_maintype() in ("multipart", "message"):
            return None
        if not head.get_filename():
            ctype = head.get_content_type()
            if ctype == "text/plain":
                return _decode(_PART.parsestr(text))
            if ctype == "text/html" and html_text is None:
                html_text = _decode(_PART.parsestr(text))
        if found[2]:
            return html.unescape(_TAGS.sub(" ", html_text)) if html_text is not None else ""


def read(raw: RawMessage) -> Mail:
    msg, text = parse(raw)
    fields = _Fields(msg)
    sender = next(iter(addresses(_header(fields, "from"))), None)
    return Mail(
        file=raw.file, number=raw.number, folder=raw.folder, sent_folder=raw.sent_folder,
        message_id=str(fields.get("message-id", "") or "").strip().strip("<>"),
        in_reply_to=str(fields.get("in-reply-to", "") or "").strip(),
        references=" ".join(str(fields.get("references", "") or "").split()),
        sender=sender,
        to=addresses(_header(fields, "to")),
        cc=addresses(_header(fields, "cc")),
        delivered_to=addresses(_header(fields, "delivered-to")),
        at=_date(fields, raw),
        subject=decode_words(" ".join(str(fields.get("subject", "") or "").split())),
        snippet=snippet(body_text(msg) if text is None else text),
        automated=automated(fields, sender),
        labels=decode_words(str(fields.get("x-gmail-labels", "") or "")),
    )
