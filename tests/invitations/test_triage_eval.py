"""The held-out evaluation of the triage: labelled invitation notes through the product's own path.

Each labelled case is one invitation received; its context becomes the :class:`~twoway.invitations.triage.Evidence`
the product gathers from an export, and :func:`twoway.invitations.triage.recommend` — the function the
triage of an owner's invitations calls for each one — recommends it. ``invitation_notes_labelled.jsonl`` is
held out: the rules were tuned on ``invitation_notes_dev.jsonl`` only. All notes are invented.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from twoway import clock
from twoway.invitations import triage
from twoway.reading.notes import Reader
from twoway.store import Store

DATA = Path(__file__).resolve().parent.parent / "data"
HELD_OUT = DATA / "invitation_notes_labelled.jsonl"
DEV = DATA / "invitation_notes_dev.jsonl"
MIN_AGREEMENT = 0.80
TODAY = date(2025, 6, 15)


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def evidence(case: dict[str, Any]) -> triage.Evidence:
    """A labelled context as the evidence the product gathers: past messages, an employer in common, the
    sender's headline, mutual connections and the owner's past acceptance rates."""
    c = case["context"]
    owner = Reader(c["owner_first"], c["owner_last"], tuple(c["owner_employers"]), tuple(c["owner_schools"]))
    known = triage.Known(messages_in=int(c["known"]), messages_out=int(c["known"]),
                         shared_employers=(c["owner_employers"][0],) if c["same_employer"] else ())
    return triage.Evidence(note=case["note"], reader=owner, known=known, position=c["sender_headline"] or None,
                           company=c["sender_company"] or None, mutuals=c["mutuals"],
                           accept_rates=c["owner_accept_rates"])


def confusion(cases: list[dict[str, Any]], got: list[str]) -> str:
    counts = Counter(zip((c["expected"] for c in cases), got, strict=True))
    lines = ["expected \\ got".ljust(18) + "".join(a.rjust(18) for a in triage.ACTIONS)]
    lines += [e.ljust(18) + "".join(str(counts[(e, g)]).rjust(18) for g in triage.ACTIONS) for e in triage.ACTIONS]
    return "\n".join(lines)


def test_the_owners_invitations_are_triaged_as_the_evaluation_measures(store: Store) -> None:
    """The held-out notes with nothing known of their sender, stored as invitations to their owners and triaged
    from the database, get what :func:`recommend` gives them here, and agree with their labels as much."""
    cases = [c for c in load(HELD_OUT) if not any(c["context"][k] for k in ("known", "same_employer", "mutuals",
                                                                          "sender_headline", "owner_accept_rates"))]
    assert len(cases) >= 100
    owners: dict[tuple[str, str], int] = {}
    with store.begin() as conn:
        for i, case in enumerate(cases):
            c = case["context"]
            key = (c["owner_first"], c["owner_last"])
            if key not in owners:
                conn.execute(text("INSERT INTO owners (name, first_name, last_name, created_at) "
                                  "VALUES (:n, :f, :l, '2025-01-01')"),
                             {"n": " ".join(key), "f": key[0], "l": key[1]})
                owners[key] = int(conn.execute(text("SELECT MAX(id) FROM owners")).scalar_one())
                for company in c["owner_employers"]:
                    conn.execute(text("INSERT INTO owner_positions (owner_id, company, title, started_on) "
                                      "VALUES (:o, :c, 'Lead', '2015-01')"), {"o": owners[key], "c": company})
            conn.execute(text("INSERT INTO people (name_key, full_name, created_at) VALUES (:k, :n, 'x')"),
                         {"k": f"sender {i}", "n": f"Sender {i}"})
            pid = int(conn.execute(text("SELECT MAX(id) FROM people")).scalar_one())
            conn.execute(text("INSERT INTO invitations (owner_id, person_id, direction, sent_at, from_name, to_name, "
                              "message, origin, fingerprint) VALUES (:o, :p, 'in', :at, :f, :t, :m, 'import', :fp)"),
                         {"o": owners[key], "p": pid, "at": clock.day_start_ts(TODAY) - 86400, "f": f"Sender {i}",
                          "t": " ".join(key), "m": case["note"], "fp": f"eval{i}"})
    with store.connect() as conn:
        triaged = {item.invitation.counterpart: item.recommendation
                   for owner in owners.values() for item in triage.incoming(conn, owner, today=TODAY)}
    got = [triaged[f"Sender {i}"].action for i in range(len(cases))]
    here = [triage.recommend(dataclasses.replace(evidence(c), reader=dataclasses.replace(evidence(c).reader,
                                                                                         schools=()))).action
            for c in cases]  # the export carries no schools: the owner's reader has none
    assert got == here
    agree = sum(g == c["expected"] for g, c in zip(got, cases, strict=True)) / len(cases)
    assert agree >= MIN_AGREEMENT, confusion(cases, got)


def test_the_labels_use_the_triages_actions() -> None:
    for path in (HELD_OUT, DEV):
        assert {c["expected"] for c in load(path)} == set(triage.ACTIONS)


@pytest.mark.parametrize("path", [HELD_OUT, DEV], ids=["held_out", "dev"])
def test_agreement_with_the_labels(path: Path) -> None:
    cases = load(path)
    results = [triage.recommend(evidence(c)) for c in cases]
    got = [r.action for r in results]
    agree = sum(g == c["expected"] for g, c in zip(got, cases, strict=True)) / len(cases)
    misses = [f"  {c['expected']} -> {r.action} ({r.rule}: {r.summary()}) | {c['note']!r}"
              for r, c in zip(results, cases, strict=True) if r.action != c["expected"]]
    report = (f"agreement {agree:.3f} over {len(cases)} notes of {path.name}\n" + confusion(cases, got) + "\n"
              + "\n".join(misses))
    print(report)
    assert agree >= MIN_AGREEMENT, report
    assert all(r.reasons and all(reason.text for reason in r.reasons) for r in results)
