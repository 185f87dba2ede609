"""The fast reading gives what the whole reading gives: mbox messages cut from blocks as the line-by-line reader
cuts them, header blocks grouped as the feed parser groups them, and the first text of a multipart read part by
part as the whole MIME parse finds it, quirks included."""

from __future__ import annotations

import random
from collections.abc import Iterator
from email import message_from_bytes
from email.policy import compat32
from pathlib import Path

import pytest

from twoway.errors import InputError
from twoway.mail import boxes as mail_boxes
from twoway.mail.boxes import BODY_CAP, LINE_CAP, Box, RawMessage, _slow_one, messages
from twoway.mail.message import _HEADERS, body_text, headers, parse

ENV = "From x Tue Jan  2 10:00:00 2024\n"
HEAD = "From: a@x.example\nTo: me@x.example\nDate: Tue, 02 Jan 2024 10:00:00 +0000\n"
MULTI = HEAD + "Content-Type: multipart/mixed; boundary={b}\n\n{parts}"
BODIES = [
    "hello\n", ">From quoted\nline\n>>From deeper\n\n>From again\n" * 40, "a\n" * 40000,
    "x" * (LINE_CAP - 1) + "\n", "x" * LINE_CAP + "\n", "y" * LINE_CAP + "From me 10:00\nafter\n",
    "line\r\n\r\nFrom someone without a time\r\n\r\nFrom x 12:00\r\n", "From inside 10:00\nrest\n",
    "\n\n\nFrom ghost\n", ("z" * 100 + "\n") * 700 + ">From x\n" * 50,
]
PARTS = [
    '--B\nContent-Type: text/html\n\n<p>first html</p>\n--B\nContent-Type: text/plain; name=n.txt\n\nnamed\n'
    '--B  \nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\nr=E9al=\n'
    "--B--\nepilogue\n",
    "--B\r\nContent-Type: text/plain\r\n\r\ncrlf part\r\n--B--\r\n",
    "--B\nContent-Type: text/html\n\n<i>only html</i>\n--B\nContent-Type: image/png\n\nxx\n",
    "--B\n\nno headers\n--Bxyz not a boundary\nmore\n--B--\n",
    "--B\nContent-Type: multipart/alternative; boundary=C\n\n--C\nContent-Type: text/plain\n\nnested\n--C--\n--B--\n",
    "--B\n--B\nContent-Type: text/plain\n\ndouble boundary\n--B--\n",
    "--B--\n--B\nContent-Type: text/plain\n\nafter the close\n--B--\n",
    "--B\nContent-Type: application/pdf\n\nAAAA\n--B\nContent-Type: text/plain; charset=bogus\n\nbogus \xe9\n--B--\n",
    "--B\nbroken header line\nContent-Type: text/plain\n\nbroken\n--B--\n",
    "--B\nContent-Type: message/rfc822\n\nFrom: a@b\n\ninner\n--B--\n",
    "--B\nContent-Type: text/plain\n\nlone\rcr\n--B--\n",
    "--B\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\naGVsbG8gYmFzZTY0\n--B--",
]


def _old_mbox(path: Path) -> Iterator[tuple[bytes, bytes, bytes, int]]:
    """The line-by-line reading alone: what every message was before the block reading."""
    with path.open("rb") as f:
        prev_blank = True
        while line := f.readline(LINE_CAP):
            if line.startswith(b"From ") and (prev_blank or mail_boxes._FROM_LINE.match(line)):
                break
            prev_blank = line in (b"\n", b"\r\n")
        envelope = line
        while envelope:
            header, body, in_header, start, following = _slow_one(f)
            if in_header:
                raise InputError("headers")
            yield envelope, header, body, start + len(following) if following else path.stat().st_size
            envelope = following or b""
            if following:
                f.seek(start + len(following))


def _mbox(tmp_path: Path, seed: int) -> Path:
    rng = random.Random(seed)
    path = tmp_path / "All.mbox"
    texts = [ENV + HEAD + f"Message-ID: <{n}@x>\n" + ("X-Long: " + "h" * 300_000 + "\n" if n % 17 == 5 else "")
             + "\n" + rng.choice(BODIES) for n in range(120)]
    path.write_bytes("\n".join([*texts, ENV + HEAD + "\nbye\n"]).encode("utf-8"))
    return path


@pytest.mark.parametrize(("block", "limit"), [(4 << 20, 1 << 20), (1000, 1 << 20), (70_000, 200_000), (12_345, 5000)])
def test_block_reading_cuts_every_message_as_the_line_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               block: int, limit: int) -> None:
    path = _mbox(tmp_path, block)
    monkeypatch.setattr(mail_boxes, "BLOCK", block)
    monkeypatch.setattr(mail_boxes, "FAST_LIMIT", limit)
    got = [(m.envelope, m.header, m.body, m.offset) for m in messages(Box(path, "mbox", "All"), tmp_path)]
    assert got == list(_old_mbox(path))
    assert any(len(m[2]) >= BODY_CAP for m in got)


def test_header_blocks_are_grouped_as_the_feed_parser_groups_them() -> None:
    pieces = [b"From: a@b\n", b"To: c@d,\n  e@f\n", b" cont first\n", b"\tcont tab\n", b":colon\n", b"From bad\n",
              b"Subject : sp\n", b"Subject:\n", b"X-8: caf\xe9\n", b"Subject: cr\r\n", b"Subject: lone\rcr\n",
              b"Bad line\n", b"\n", b"X-A:b:c\n", b"x-a: 1\n", b"Subject: no newline", b"\r\n"]
    rng = random.Random(3)
    for _ in range(3000):
        block = b"".join(rng.choice(pieces) for _ in range(rng.randrange(0, 6)))
        whole, fast = _HEADERS.parsebytes(block), headers(RawMessage("f", 1, "INBOX", b"", block, b""))
        assert (fast.items(), [type(d) for d in fast.defects], fast.get_unixfrom()) == (
            whole.items(), [type(d) for d in whole.defects], whole.get_unixfrom()), block


@pytest.mark.parametrize("parts", PARTS)
def test_a_multipart_gives_the_text_the_whole_parse_gives(parts: str) -> None:
    text = MULTI.format(b="B", parts=parts).encode("utf-8")
    head, _, body = text.partition(b"\n\n")
    for cut in (len(body), *random.Random(len(parts)).sample(range(len(body)), 5)):
        raw = RawMessage("f", 1, "INBOX", ENV.encode(), head + b"\n", body[:cut])
        msg, found = parse(raw)
        whole = message_from_bytes(raw.header + b"\n" + raw.body, policy=compat32)
        assert (body_text(msg) if found is None else found) == body_text(whole)
