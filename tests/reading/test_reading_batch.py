"""read_many: the same answers as read_message one by one, each distinct text read once, and
None, empty and sponsored flags handled."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import twoway.reading.batch as batch
import twoway.reading.kinds as kinds
from twoway.reading import KINDS, Reading, read_many, read_message

DATA = Path(__file__).resolve().parents[1] / "data"


def _texts() -> list[str]:
    out: list[str] = []
    for name in ("messages_dev.jsonl", "messages_test.jsonl"):
        with open(DATA / name, encoding="utf-8") as f:
            out += [json.loads(line)["text"] for line in f if line.strip()]
    return out


def test_read_many_equals_read_message_one_by_one() -> None:
    texts = _texts()
    codes, langs = read_many(texts)
    assert codes.dtype == np.uint8
    assert codes.shape == (len(texts),)
    singles = [read_message(t) for t in texts]
    assert [KINDS[c] for c in codes.tolist()] == [r.kind for r in singles]
    assert langs == [r.language for r in singles]


def test_each_distinct_text_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, bool]] = []
    real = kinds.read_clean

    def counting(text: str, sponsored: bool = False) -> Reading:
        seen.append((text, sponsored))
        return real(text, sponsored)

    monkeypatch.setattr(batch, "read_clean", counting)
    texts = ["Thanks!", "Could you call me?", "Thanks!", "<p>Thanks!</p>", "Thanks!  ", None, "", "Could you call me?"]
    codes, langs = read_many(texts * 1000)
    # "<p>Thanks!</p>" and "Thanks!  " clean to "Thanks!"; None and "" are the same empty text.
    assert sorted(seen) == [("", False), ("Could you call me?", False), ("Thanks!", False)]
    assert [KINDS[c] for c in codes[:8].tolist()] == ["courtesy", "question", "courtesy", "courtesy", "courtesy",
                                                      "courtesy", "courtesy", "question"]
    assert len(langs) == 8000
    assert langs[:3] == ["en", "en", "en"]


def test_none_and_empty() -> None:
    codes, langs = read_many([None, "", "   "])
    assert [KINDS[c] for c in codes.tolist()] == ["courtesy"] * 3
    assert langs == ["unknown"] * 3
    assert read_message(None).detail == "empty"


def test_no_texts() -> None:
    codes, langs = read_many([])
    assert codes.shape == (0,)
    assert codes.dtype == np.uint8
    assert langs == []


def test_sponsored_flags_per_text() -> None:
    texts = ["Could you send me the brochure?"] * 2
    codes, _ = read_many(texts, sponsored=[False, True])
    assert [KINDS[c] for c in codes.tolist()] == ["question", "automated"]
    codes, _ = read_many(['<p class="spinmail-quill-editor__spin-break">Could you send me the brochure?</p>'])
    assert KINDS[int(codes[0])] == "automated"
    with pytest.raises(ValueError, match="sponsored flags"):
        read_many(texts, sponsored=[True])


def test_one_distinct_text_many_times() -> None:
    codes, langs = read_many(["Danke!"] * 5)
    assert codes.tolist() == [KINDS.index("courtesy")] * 5
    assert langs == ["de"] * 5
