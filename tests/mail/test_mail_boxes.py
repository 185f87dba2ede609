"""Finding mailboxes in a folder: each folder once, whatever its symbolic links do (a loop once hung the import
of an unpacked LinkedIn export that had one)."""

from __future__ import annotations

from pathlib import Path

from twoway.mail.boxes import boxes

MBOX = b"From x Mon Jan  1 00:00:00 2024\nFrom: a@example.org\nSubject: hi\n\nHello\n"


def test_links_back_to_a_folder_or_its_parent_are_visited_once(tmp_path: Path) -> None:
    root = tmp_path / "Takeout"
    (root / "Mail").mkdir(parents=True)
    (root / "Mail" / "Sent.mbox").write_bytes(MBOX)
    (root / "Mail" / "loop").symlink_to(".")
    (root / "Mail" / "up").symlink_to("..")
    (root / "Connections.csv").write_text("First Name,Last Name\n", encoding="utf-8")
    found = boxes(root)
    assert [b.path.resolve() for b in found] == [(root / "Mail" / "Sent.mbox").resolve()]


def test_a_folder_without_mail_has_no_boxes_even_when_it_loops(tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to(".")
    assert boxes(tmp_path) == []
