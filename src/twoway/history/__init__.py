"""Every connection's history: an owner's direct interactions as sorted arrays, the one cache that keeps
them (and what is derived from them), and the facts the relationship rules read.

``arrays`` is the shape and the reads, ``cache`` keeps each owner's whole history up to date across
commands, ``facts`` turns a history into the last word, last answer, two-way contact and open attempts.
"""

from twoway.history.arrays import (
    BOOL,
    BOTH,
    CHANNELS,
    I64,
    IN,
    MUTUAL_KINDS,
    OUT,
    R_AUTOMATED,
    R_COURTESY,
    R_NEWS,
    R_NONE,
    R_PITCH,
    R_QUESTION,
    READS,
    Event,
    History,
    cut,
    from_columns,
    from_events,
    gc_paused,
    read_rows,
    subset,
    until_ts,
)
from twoway.history.cache import clear_cache, load_history, warm
from twoway.history.facts import (
    FactArrays,
    Facts,
    fact_arrays,
    facts_at,
    facts_from_events,
    facts_from_history,
    fold_attempts,
)

__all__ = [
    "BOOL",
    "BOTH",
    "CHANNELS",
    "I64",
    "IN",
    "MUTUAL_KINDS",
    "OUT",
    "READS",
    "R_AUTOMATED",
    "R_COURTESY",
    "R_NEWS",
    "R_NONE",
    "R_PITCH",
    "R_QUESTION",
    "Event",
    "FactArrays",
    "Facts",
    "History",
    "clear_cache",
    "cut",
    "fact_arrays",
    "facts_at",
    "facts_from_events",
    "facts_from_history",
    "fold_attempts",
    "from_columns",
    "from_events",
    "gc_paused",
    "load_history",
    "read_rows",
    "subset",
    "until_ts",
    "warm",
]
