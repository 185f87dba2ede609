"""What to prune and why: candidates on evidence, the owner's decisions, and accounts that look fake.

``candidates`` lists them with every reason that applies, ``decisions`` records what the owner chose,
``suspicious`` flags connections that look fake or bought, ``dormant`` groups the never-spoken-with
for a look and a bulk hide.
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
from twoway.prune.dormant import DormantReview, DormantYear, dormant, hide_dormant
from twoway.prune.suspicious import Suspicion, find_suspicious

__all__ = [
    "CSV_HEADER",
    "REASON_CODES",
    "VERDICTS",
    "DormantReview",
    "DormantYear",
    "PruneCandidate",
    "PruneFacts",
    "PruneList",
    "PruneReason",
    "Suspicion",
    "csv_rows",
    "decide",
    "decide_many",
    "decide_named",
    "dormant",
    "find_candidates",
    "find_suspicious",
    "hide_dormant",
    "load_facts",
    "reasons_for",
]
