"""A large mailbox reports its progress in bytes as it is read (the CLI draws it as a bar): twice over the file
(finding the owner's addresses, then reading), moving forward, ending at the file's size."""

from __future__ import annotations

from pathlib import Path

from twoway.mail import import_mail
from twoway.store import Store

PADDING = "x" * 3000


def test_progress_moves_through_a_large_mbox(store: Store, tmp_path: Path) -> None:
    box = tmp_path / "Sent.mbox"
    with box.open("w", encoding="utf-8") as f:
        for n in range(4000):  # about 13 MB: several steps of the meter
            f.write(f"From x Mon Jan  1 00:00:00 2024\nFrom: Sam <sam@example.org>\nTo: Bo <bo{n % 50}@example.net>\n"
                    f"Date: Tue, 02 Jan 2024 10:00:00 +0000\nMessage-ID: <{n}@x>\nSubject: s\n\n{PADDING}\n\n")
    size = box.stat().st_size
    told: list[tuple[str, int, int]] = []
    import_mail(store, box, owner="Sam", progress=lambda stage, done, total: told.append((stage, done, total)))
    assert told[-1] == ("done", size, size)
    stages = [s for s, _, _ in told]
    assert "finding your addresses" in stages
    assert "reading Sent" in stages
    for stage in ("finding your addresses", "reading Sent"):
        done = [d for s, d, _ in told if s == stage]
        assert len(done) >= 2
        assert done == sorted(done)
        assert all(0 < d <= size for d in done)
    assert {t for _, _, t in told} == {size}
