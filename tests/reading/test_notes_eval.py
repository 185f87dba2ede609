"""The labelled invitation notes, read: the files are well formed, and the note reader agrees with their readings.

``invitation_notes_labelled.jsonl`` is held out: the rules were tuned on ``invitation_notes_dev.jsonl``
only. Every note in both files was written for the tests (invented people, companies and events). The
actions they expect are measured through the product's triage in ``tests/invitations/test_triage_eval.py``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from twoway.reading.notes import KINDS, Reader

DATA = Path(__file__).resolve().parent.parent / "data"
HELD_OUT = DATA / "invitation_notes_labelled.jsonl"
DEV = DATA / "invitation_notes_dev.jsonl"
MIN_AGREEMENT = 0.80
ACTIONS = ("accept", "accept_follow_up", "review", "ignore")  # the triage's actions, one vocabulary everywhere
CONTEXT_KEYS = {"owner_first", "owner_last", "owner_employers", "owner_schools", "sender_headline", "sender_company",
                "known", "same_employer", "mutuals", "owner_accept_rates"}


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def reader(case: dict[str, Any]) -> Reader:
    c = case["context"]
    return Reader(c["owner_first"], c["owner_last"], tuple(c["owner_employers"]), tuple(c["owner_schools"]))


@pytest.mark.parametrize(("path", "least"), [(HELD_OUT, 150), (DEV, 60)], ids=["held_out", "dev"])
def test_the_labelled_files_are_well_formed(path: Path, least: int) -> None:
    cases = load(path)
    assert len(cases) >= least
    for case in cases:
        assert set(case) == {"note", "language", "reading", "context", "expected", "why"}, case
        assert set(case["context"]) == CONTEXT_KEYS, case
        assert case["expected"] in ACTIONS, case
        assert case["reading"] in KINDS, case
        assert case["why"], case
        assert case["note"] is None or isinstance(case["note"], str)
    languages = Counter(c["language"] for c in cases if c["language"] != "unknown")
    assert len(languages) >= 5, languages
    assert {c["expected"] for c in cases} == set(ACTIONS)
    assert {c["reading"] for c in cases} == set(KINDS)


def test_the_held_out_notes_are_not_in_the_dev_set() -> None:
    dev = {c["note"] for c in load(DEV) if c["reading"] not in ("blank", "default")}
    held = {c["note"] for c in load(HELD_OUT) if c["reading"] not in ("blank", "default")}
    assert not dev & held


@pytest.mark.parametrize("path", [HELD_OUT, DEV], ids=["held_out", "dev"])
def test_the_note_reader_agrees_with_the_labels(path: Path) -> None:
    cases = load(path)
    got = [reader(c).read(c["note"]).kind for c in cases]
    agree = sum(k == c["reading"] for k, c in zip(got, cases, strict=True)) / len(cases)
    misses = [f"  {c['reading']} -> {k} | {c['note']!r}" for k, c in zip(got, cases, strict=True) if k != c["reading"]]
    report = f"note kind agreement {agree:.3f} over {len(cases)} notes\n" + "\n".join(misses)
    print(report)
    assert agree >= MIN_AGREEMENT, report
