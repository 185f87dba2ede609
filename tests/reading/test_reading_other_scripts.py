"""Messages in scripts the reader has no language model for (Arabic above all, a few Cyrillic, Devanagari and
CJK): a thank-you, a blessing or a question must not read as news just because the language is unknown.

The held-out set (tests/data/messages_other_test.jsonl) was written before the rules were added and never tuned
on; it read 14/35 before them, 32/35 after (the two pitches are left: unknown-language pitches need a neutral
signal). The development set (messages_other_dev.jsonl) is the one the phrases were written against.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from twoway.reading import read_message
from twoway.reading.text import fold

DATA = Path(__file__).resolve().parents[1] / "data"


def _load(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def test_held_out_set_is_read_well_and_was_not_shrunk() -> None:
    rows = _load("messages_other_test.jsonl")
    kinds = Counter(r["kind"] for r in rows)
    assert len(rows) >= 35
    assert kinds["courtesy"] >= 15
    assert kinds["question"] >= 8
    hits = Counter(r["kind"] for r in rows if read_message(r["text"]).kind == r["kind"])
    assert sum(hits.values()) / len(rows) >= 0.85
    assert hits["courtesy"] / kinds["courtesy"] >= 0.85
    assert hits["question"] / kinds["question"] >= 0.9


def test_sets_share_nothing() -> None:
    assert not {r["text"] for r in _load("messages_other_dev.jsonl")} & {r["text"] for r in
                                                                         _load("messages_other_test.jsonl")}


@pytest.mark.parametrize("text", ["هل وصلك الملف؟", "你下周有空吗？", "来週お時間ありますか？"])
def test_every_scripts_question_mark_asks(text: str) -> None:
    assert read_message(text).kind == "question"


def test_arabic_is_folded_like_its_readers_match_it() -> None:
    assert fold("شكراً") == fold("شكرا")
    assert fold("أهلاً") == fold("اهلا")
    assert fold("متى") == fold("متي")


def test_a_long_arabic_blessing_is_still_a_courtesy() -> None:
    assert read_message("ألف مبروك يا أخي، تستاهل كل خير، بالتوفيق إن شاء الله في المنصب الجديد").kind == "courtesy"
