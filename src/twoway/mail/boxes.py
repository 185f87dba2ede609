"""Mailboxes as streams of raw messages: mbox files (Gmail Takeout, Thunderbird, an Apple Mail ``.mbox``
bundle) and Maildir folders. Each message gives its headers whole and at most ``BODY_CAP`` bytes of its body:
the rest (attachments, long threads quoted below) is read past, never kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from twoway.errors import InputError

BODY_CAP = 64 * 1024
HEADER_CAP = 256 * 1024
LINE_CAP = 1 << 16
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
    number = 0
    envelope = b""
    header = bytearray()
    body = bytearray()
    in_header = False
    prev_blank = True
    started = False
    with box.path.open("rb") as f:
        while True:
            line = f.readline(LINE_CAP)
            if not line:
                break
            if line.startswith(b"From ") and (prev_blank or _FROM_LINE.match(line)):
                if started:
                    if in_header:
                        raise InputError(f"message {number} has no end to its headers", file=name)
                    yield RawMessage(name, number, box.folder, envelope, bytes(header), bytes(body), f.tell())
                number += 1
                started, in_header, envelope = True, True, line
                header, body = bytearray(), bytearray()
                prev_blank = False
                continue
            prev_blank = line in (b"\n", b"\r\n")
            if not started:
                continue
            if in_header:
                if prev_blank:
                    in_header = False
                elif len(header) < HEADER_CAP:
                    header += line
            elif len(body) < BODY_CAP:
                body += line[1:] if line.startswith(b">From ") else line
    if started:
        if in_header:
            raise InputError(f"message {number} ends inside its headers (a truncated file?)", file=name)
        yield RawMessage(name, number, box.folder, envelope, bytes(header), bytes(body), box.path.stat().st_size)
