"""Mailboxes as streams of raw messages: mbox files (Gmail Takeout, Thunderbird, an Apple Mail ``.mbox``
bundle) and Maildir folders. Each message gives its headers whole and at most ``BODY_CAP`` bytes of its body:
the rest (attachments, long threads quoted below) is read past, never kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from twoway.errors import InputError

BODY_CAP = 64 * 1024
HEADER_CAP = 256 * 1024
LINE_CAP = 1 << 16
BLOCK = 4 << 20
FAST_LIMIT = 1 << 20
_FROM_LINE = re.compile(rb"^From \S*\s.*\d\d?:\d\d")
_SENT = re.compile(r"sent|gesendet|envoy|enviad|inviat|verzonden|skickat", re.IGNORECASE)


@dataclass(slots=True)
class RawMessage:
    file: str  # the mbox or Maildir file it came from, as the owner would recognise it
    number: int  # 1-based, within its mbox or Maildir folder
    folder: str  # the mailbox's name: "Sent", "INBOX", "All mail Including Spam and Trash"...
    envelope: bytes  # the mbox "From " line (empty in a Maildir)
    header: bytes
    body: bytes
    offset: int = 0  # bytes of the mailbox read up to this message (for a progress bar)

    @property
    def sent_folder(self) -> bool:
        return bool(_SENT.search(self.folder))


@dataclass(frozen=True)
class Box:
    path: Path
    kind: str  # mbox | maildir
    folder: str


def _is_maildir(path: Path) -> bool:
    return path.is_dir() and (path / "cur").is_dir() and (path / "new").is_dir()


def looks_like_mbox(path: Path) -> bool:
    if not path.is_file():
        return False
    with path.open("rb") as f:
        head = f.read(4096)
    return head.startswith(b"From ") and b"\n" in head


def boxes(path: Path, _seen: set[Path] | None = None) -> list[Box]:
    """Every mailbox at ``path``: an mbox file, an Apple Mail bundle, a Maildir (with its ``.Sub`` folders), or
    a folder of these (a Takeout's Mail folder); empty when there is no mail there. Each folder is visited once,
    however symbolic links loop back to it."""
    seen = set() if _seen is None else _seen
    if path.is_file():
        return [Box(path, "mbox", path.stem)] if looks_like_mbox(path) else []
    if not path.is_dir():
        return []
    if _is_maildir(path):
        found = [Box(path, "maildir", "INBOX")]
        found += [Box(sub, "maildir", sub.name.lstrip(".")) for sub in sorted(path.iterdir())
                  if sub.name.startswith(".") and _is_maildir(sub)]
        return found
    bundle = path / "mbox"
    if path.suffix == ".mbox" and bundle.is_file():
        return [Box(bundle, "mbox", path.stem)] if looks_like_mbox(bundle) else []
    real = path.resolve()
    if real in seen:
        return []
    seen.add(real)
    found = []
    for child in sorted(path.iterdir()):
        if child.name.startswith("."):
            continue
        found += boxes(child, seen) if child.is_dir() else ([Box(child, "mbox", child.stem)]
                                                             if looks_like_mbox(child) else [])
    return found


def messages(box: Box, root: Path) -> Iterator[RawMessage]:
    name = str(box.path.relative_to(root)) if box.path != root and box.path.is_relative_to(root) else box.path.name
    if box.kind == "maildir":
        yield from _maildir(box, name)
    else:
        yield from _mbox(box, name)


def _maildir(box: Box, name: str) -> Iterator[RawMessage]:
    files = sorted(f for sub in ("cur", "new") for f in (box.path / sub).iterdir() if f.is_file())
    offset = 0
    for number, f in enumerate(files, 1):
        with f.open("rb") as stream:
            header, body, complete = _read_one(stream, None)
            offset += stream.seek(0, 2)
        if not complete:
            raise InputError(f"message {number} ends inside its headers (a truncated file?)",
                             file=f"{name}/{f.parent.name}/{f.name}")
        yield RawMessage(f"{name}/{f.parent.name}/{f.name}", number, box.folder, b"", header, body, offset)


def _read_one(stream: object, first: bytes | None) -> tuple[bytes, bytes, bool]:
    """Headers and the capped body of a single-message file."""
    readline = stream.readline  # type: ignore[attr-defined]
    header = bytearray(first or b"")
    complete = False
    while line := readline(LINE_CAP):
        if line in (b"\n", b"\r\n"):
            complete = True
            break
        if len(header) < HEADER_CAP:
            header += line
    body = stream.read(BODY_CAP) if complete else b""  # type: ignore[attr-defined]
    return bytes(header), bytes(body), complete or not header


def _mbox(box: Box, name: str) -> Iterator[RawMessage]:
    """The messages of an mbox file, each as the line-by-line reading (``_slow_one``) gives it; a message of
    ordinary size with no over-long line is cut out of a large block read at once (``_Block``)."""
    with box.path.open("rb") as f:
        prev_blank = True
        while line := f.readline(LINE_CAP):  # whatever comes before the first "From " line is not mail
            if line.startswith(b"From ") and (prev_blank or _FROM_LINE.match(line)):
                break
            prev_blank = line in (b"\n", b"\r\n")
        if not line:
            return
        block = _Block(f)
        number, envelope, start = 1, line, f.tell() - len(line)
        while True:
            one = block.one(start, envelope)
            if one is None:
                f.seek(start + len(envelope))
                one = _slow_one(f)
                block.drop()
            header, body, in_header, next_start, next_envelope = one
            if next_envelope is None:
                if in_header:
                    raise InputError(f"message {number} ends inside its headers (a truncated file?)", file=name)
                yield RawMessage(name, number, box.folder, envelope, header, body, box.path.stat().st_size)
                return
            if in_header:
                raise InputError(f"message {number} has no end to its headers", file=name)
            yield RawMessage(name, number, box.folder, envelope, header, body, next_start + len(next_envelope))
            number, envelope, start = number + 1, next_envelope, next_start


_One = tuple[bytes, bytes, bool, int, bytes | None]


def _slow_one(f: BinaryIO) -> _One:
    """One message read line by line from just after its "From " line: its headers, capped body, whether it
    ended inside its headers, and where the next message starts (its offset and "From " line)."""
    header, body = bytearray(), bytearray()
    in_header, prev_blank = True, False
    while line := f.readline(LINE_CAP):
        if line.startswith(b"From ") and (prev_blank or _FROM_LINE.match(line)):
            return bytes(header), bytes(body), in_header, f.tell() - len(line), line
        prev_blank = line in (b"\n", b"\r\n")
        if in_header:
            if prev_blank:
                in_header = False
            elif len(header) < HEADER_CAP:
                header += line
        elif len(body) < BODY_CAP:
            body += line[1:] if line.startswith(b">From ") else line
    return bytes(header), bytes(body), in_header, 0, None


class _Block:
    """The mbox read in large blocks: a message found whole in one, no longer than ``FAST_LIMIT`` and with no
    line the line-by-line reading would cut, is read from it just as ``_slow_one`` reads it."""

    def __init__(self, f: BinaryIO) -> None:
        self.f, self.buf, self.at, self.eof = f, b"", 0, False  # at: the file offset of buf[0]

    def drop(self) -> None:
        self.buf, self.at, self.eof = b"", 0, False

    def _more(self, start: int) -> bool:
        if self.eof:
            return False
        if not self.buf or start < self.at:
            self.buf, self.at = b"", start
        else:
            self.buf, self.at = self.buf[start - self.at:], start
        self.f.seek(self.at + len(self.buf))
        chunk = self.f.read(BLOCK)
        self.eof = len(chunk) < BLOCK
        self.buf += chunk
        return True

    def one(self, start: int, envelope: bytes) -> _One | None:
        if not envelope.endswith(b"\n"):
            return None
        if not (self.at <= start and start + len(envelope) <= self.at + len(self.buf)):
            self._more(start)
        while (found := self._next_start(start - self.at + len(envelope))) is None:
            if len(self.buf) - (start - self.at) > FAST_LIMIT:
                return None
            if not self._more(start):  # the message runs to the end of the file
                return self._cut(start - self.at, len(envelope), len(self.buf), None)
        begin = start - self.at
        if found - begin > FAST_LIMIT:
            return None
        line_end = self.buf.find(b"\n", found)
        return self._cut(begin, len(envelope), found, self.buf[found:len(self.buf) if line_end < 0 else line_end + 1])

    def _next_start(self, i: int) -> int | None:
        """The next "From " line taken for a message's start from index ``i`` (a line's start) on; None when
        the block ends first (or only part of that line is in it)."""
        buf = self.buf
        c = i - 1
        while True:
            c = buf.find(b"\nFrom ", c)
            if c < 0:
                return None
            c += 1
            end = buf.find(b"\n", c)
            if end < 0 and not self.eof:
                return None
            end = len(buf) - 1 if end < 0 else end
            prev = buf[buf.rfind(b"\n", 0, c - 1) + 1:c]
            if prev in (b"\n", b"\r\n") or _FROM_LINE.match(buf[c:end + 1]):
                return c

    def _cut(self, begin: int, envelope: int, end: int, next_envelope: bytes | None) -> _One | None:
        buf = self.buf
        region = buf[begin:end + len(next_envelope or b"")]
        if len(region) >= LINE_CAP and max(map(len, region.split(b"\n"))) >= LINE_CAP:
            return None
        head = begin + envelope
        blank = min((k for k in (buf.find(b"\n\n", head - 1, end), buf.find(b"\n\r\n", head - 1, end)) if k >= 0),
                    default=-1)
        nxt = self.at + end
        if blank < 0:
            header = buf[head:end]
            if len(header) > HEADER_CAP:
                return None
            return header, b"", True, nxt, next_envelope
        header = buf[head:blank + 1]
        if len(header) > HEADER_CAP:
            return None
        raw = buf[blank + (2 if buf[blank + 1] == 10 else 3):end]
        if len(raw) >= BODY_CAP:
            body = bytearray()
            readline = BytesIO(raw).readline
            while len(body) < BODY_CAP and (line := readline(LINE_CAP)):
                body += line[1:] if line.startswith(b">From ") else line
            return header, bytes(body), False, nxt, next_envelope
        if raw.startswith(b">From "):
            raw = raw[1:]
        return header, raw.replace(b"\n>From ", b"\nFrom "), False, nxt, next_envelope
