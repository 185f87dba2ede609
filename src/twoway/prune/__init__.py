"""What to prune and why: candidates on evidence, the owner's decisions, and accounts that look fake.

``candidates`` lists them with every reason that applies, ``decisions`` records what the owner chose,
``suspicious`` flags connections that look fake or bought.
"""

from twoway.prune.candidates import (
    CSV_HEADER,
    REASON_CODES,
    PruneCandidate,
    PruneFacts,
    PruneList,
    PruneReason,
    csv_rows,
    find_candidates,
    load_facts,
    reasons_for,
)
from twoway.prune.decisions import VERDICTS, decide, decide_many, decide_named
from twoway.prune.suspicious import Suspicion, find_suspicious

__all__ = [
    "CSV_HEADER",
    "REASON_CODES",
    "VERDICTS",
    "PruneCandidate",
    "PruneFacts",
    "PruneList",
    "PruneReason",
    "Suspicion",
    "csv_rows",
    "decide",
    "decide_many",
    "decide_named",
    "find_candidates",
    "find_suspicious",
    "load_facts",
    "reasons_for",
]
