"""Relationship strength: a score from 0 to 100 with its parts and reasons.

``score`` is the arithmetic (pure, vectorised), ``compute`` loads what it needs and writes the reasons.
Pitches and automated messages count for nothing; a part without evidence is left out and the weights
of the others renormalised (``Strength.used``, ``Strength.weights``).
"""

from twoway.strength.compute import (
    Strength,
    compute_strengths,
    mutual_counts,
    score_from_events,
    strength_of,
    structural_share,
)
from twoway.strength.published import publish_bands, published_bands
from twoway.strength.score import (
    ANSWER_DAYS,
    BANDS,
    COURTESY_ONLY_MAX,
    DURATION_FULL_DAYS,
    FREQUENCY_FULL,
    PARTS,
    PRIOR_MESSAGES,
    Batch,
    Extras,
    band,
    combine,
    score_batch,
    weights_of,
)

__all__ = [
    "ANSWER_DAYS",
    "BANDS",
    "COURTESY_ONLY_MAX",
    "DURATION_FULL_DAYS",
    "FREQUENCY_FULL",
    "PARTS",
    "PRIOR_MESSAGES",
    "Batch",
    "Extras",
    "Strength",
    "band",
    "combine",
    "compute_strengths",
    "mutual_counts",
    "publish_bands",
    "published_bands",
    "score_batch",
    "score_from_events",
    "strength_of",
    "structural_share",
    "weights_of",
]
