"""The honest gate: the held-out labelled set (tests/data/messages_test.jsonl, written before any rule
was tuned, never tuned on) must be read with macro-F1 >= 0.85 and every kind's recall >= 0.75.

The set itself is checked too, so that it cannot quietly shrink: at least 600 messages, at least 60 of
each kind, seven languages, nothing shared with the development set.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from twoway.reading import KINDS, LANGUAGES, read_message

DATA = Path(__file__).resolve().parents[1] / "data"
MACRO_F1 = 0.85
RECALL = 0.75
LANGUAGE_ACCURACY = 0.90


def load(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def scores(rows: list[dict[str, str]]) -> tuple[float, dict[str, tuple[float, float, float]], float]:
    """Macro-F1, per kind (precision, recall, F1), and language accuracy."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    lang_ok = 0
    for row in rows:
        got = read_message(row["text"])
        if got.kind == row["kind"]:
            tp[got.kind] += 1
        else:
            fp[got.kind] += 1
            fn[row["kind"]] += 1
        lang_ok += got.language == row["language"]
    per: dict[str, tuple[float, float, float]] = {}
    for k in KINDS:
        p = tp[k] / (tp[k] + fp[k]) if tp[k] + fp[k] else 0.0
        r = tp[k] / (tp[k] + fn[k]) if tp[k] + fn[k] else 0.0
        per[k] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return sum(f for _, _, f in per.values()) / len(KINDS), per, lang_ok / len(rows)


@pytest.fixture(scope="module")
def held_out() -> list[dict[str, str]]:
    return load("messages_test.jsonl")


def test_the_held_out_set_is_what_it_claims(held_out: list[dict[str, str]]) -> None:
    assert len(held_out) >= 600
    kinds = Counter(r["kind"] for r in held_out)
    assert set(kinds) == set(KINDS)
    assert min(kinds.values()) >= 60
    langs = Counter(r["language"] for r in held_out)
    assert set(LANGUAGES) <= set(langs)
    assert all(langs[code] >= 30 for code in LANGUAGES)
    assert set(langs) <= {*LANGUAGES, "unknown"}
    dev = {r["text"] for r in load("messages_dev.jsonl")}
    assert len(dev) >= 300
    assert [r["text"] for r in held_out if r["text"] in dev and r["text"]] == []


def test_held_out_macro_f1_and_recall(held_out: list[dict[str, str]]) -> None:
    macro, per, _ = scores(held_out)
    report = ", ".join(f"{k} P{p:.2f} R{r:.2f}" for k, (p, r, _) in per.items())
    assert macro >= MACRO_F1, f"macro-F1 {macro:.3f}: {report}"
    assert all(r >= RECALL for _, r, _ in per.values()), report


def test_held_out_language_accuracy(held_out: list[dict[str, str]]) -> None:
    _, _, accuracy = scores(held_out)
    assert accuracy >= LANGUAGE_ACCURACY


def test_the_scorer_can_fail() -> None:
    # A set read entirely wrong scores zero: the gate above is not vacuous.
    wrong = [{"text": "Thanks!", "kind": "pitch", "language": "de"}] * 3
    macro, per, accuracy = scores(wrong)
    assert macro == 0.0
    assert per["pitch"][1] == 0.0
    assert accuracy == 0.0
