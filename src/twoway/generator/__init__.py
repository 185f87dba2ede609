"""Synthetic LinkedIn data exports: every era's format, a realistic network, and the ground truth.

    from twoway.generator import generate_export
    export = generate_export(tmp_path, seed=1, connections=300, era="2023-02")
    later = generate_export(tmp_path / "later", seed=1, connections=300, later_days=90)

Used by `twoway demo`, the importer's tests and the benchmarks. No real person's data: names are
common given names and surnames drawn at random, companies are invented.
"""

from __future__ import annotations

from twoway.generator.eras import ERA_SPECS, ERAS, LATEST, Era
from twoway.generator.writer import GeneratedExport, GeneratedPerson, JobChange, generate_export

__all__ = [
    "ERAS",
    "ERA_SPECS",
    "LATEST",
    "Era",
    "GeneratedExport",
    "GeneratedPerson",
    "JobChange",
    "generate_export",
]
