"""The held-out evaluation of the invitation triage: labelled notes, read and decided, against their labels.

``invitation_notes_labelled.jsonl`` is held out: the rules were tuned on ``invitation_notes_dev.jsonl``
only. Every note in both files was written for the tests (invented people, companies and events).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from twoway.reading.notes import KINDS, read_note
from twoway.reading.triage_decide import ACTIONS, Decision, Evidence, decide

DATA = Path(__file__).resolve().parent.parent / "data"
HELD_OUT = DATA / "invitation_notes_labelled.jsonl"
DEV = DATA / "invitation_notes_dev.jsonl"
MIN_AGREEMENT = 0.80
CONTEXT_KEYS = {"owner_first", "owner_last", "owner_employers", "owner_schools", "sender_headline", "sender_company",
                "known", "same_employer", "mutuals", "owner_accept_rates"}


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def run(case: dict[str, Any]) -> tuple[str, Decision]:
    c = case["context"]
    reading = read_note(case["note"], owner_first=c["owner_first"], owner_last=c["owner_last"],
                        owner_employers=c["owner_employers"], owner_schools=c["owner_schools"])
    evidence = Evidence(known=c["known"], same_employer=c["same_employer"], mutuals=c["mutuals"],
                        sender_headline=c["sender_headline"], sender_company=c["sender_company"],
                        accept_rates=c["owner_accept_rates"])
    return reading.kind, decide(reading, evidence)


def confusion(cases: list[dict[str, Any]], got: list[str]) -> str:
    counts = Counter(zip((c["expected"] for c in cases), got, strict=True))
    lines = ["expected \\ got".ljust(18) + "".join(a.rjust(18) for a in ACTIONS)]
    lines += [e.ljust(18) + "".join(str(counts[(e, g)]).rjust(18) for g in ACTIONS) for e in ACTIONS]
    return "\n".join(lines)


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


def test_held_out_agreement() -> None:
    cases = load(HELD_OUT)
    results = [run(c) for c in cases]
    got = [decision.action for _, decision in results]
    agree = sum(g == c["expected"] for g, c in zip(got, cases, strict=True)) / len(cases)
    kinds = sum(k == c["reading"] for (k, _), c in zip(results, cases, strict=True)) / len(cases)
    misses = [f"  {c['expected']} -> {d.action} {d.reasons} | {c['note']!r}"
              for (_, d), c in zip(results, cases, strict=True) if d.action != c["expected"]]
    report = (f"agreement {agree:.3f} over {len(cases)} held-out notes (note kind {kinds:.3f})\n"
              + confusion(cases, got) + "\n" + "\n".join(misses))
    print(report)
    assert agree >= MIN_AGREEMENT, report
    assert kinds >= MIN_AGREEMENT, report
