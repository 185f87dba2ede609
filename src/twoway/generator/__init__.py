"""Synthetic LinkedIn data exports: every era's format, a realistic network, and the ground truth.

    from twoway.generator import generate_export
    export = generate_export(tmp_path, seed=1, connections=300, era="2023-02")
    later = generate_export(tmp_path / "later", seed=1, connections=300, later_days=90)
    neglected = generate_export(tmp_path / "n", seed=1, persona="neglectful")
    german = generate_export(tmp_path / "de", seed=1, persona="non_english", language="de")
    for m in german.message_truth(): ...  # each row's intended kind, family and language

The networks have the shapes of real exports: most ties never written to, courtesy-heavy inboxes,
invitations accepted in batches, pitches and recruiters, questions left unanswered, several
languages; each owner persona (twoway.generator.personas) within them.
Used by `twoway demo`, the importer's tests and the benchmarks. No real person's data: names are
common given names and surnames drawn at random, companies are invented, texts are our own.
"""

from __future__ import annotations

from twoway.generator.content import FAMILY_NAMES, KINDS
from twoway.generator.eras import ERA_SPECS, ERAS, LATEST, Era
from twoway.generator.personas import PERSONAS, Persona
from twoway.generator.texts import LANGUAGES
from twoway.generator.writer import GeneratedExport, GeneratedPerson, JobChange, MessageTruth, generate_export

__all__ = [
    "ERAS",
    "ERA_SPECS",
    "FAMILY_NAMES",
    "KINDS",
    "LANGUAGES",
    "LATEST",
    "PERSONAS",
    "Era",
    "GeneratedExport",
    "GeneratedPerson",
    "JobChange",
    "MessageTruth",
    "Persona",
    "generate_export",
]
