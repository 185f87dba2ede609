"""Cells no row may carry on: control characters removed, odd profile URLs told apart from blanks.

Every such row is kept (without the bad part), counted under a ``summary.KEPT`` reason and named
by file and line among the import's problems; one odd row never stops an import.
"""

from __future__ import annotations

import re

from twoway.linkedin.csvfile import Table
from twoway.linkedin.summary import KEPT_CONTROL, KEPT_NO_URL

# C0 controls but tab and line breaks, DEL and the C1 controls (ANSI escapes begin with ESC or CSI).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# The slug-less placeholder of some 2023 exports: no profile, and nothing odd about it either.
_PLACEHOLDER = re.compile(r"^\s*((https?:)?//)?(www\.)?linkedin\.com(/in)?/?\s*$", re.IGNORECASE)


def clean(value: str) -> str:
    """``value`` without control characters (a name read before its file's rows are scrubbed)."""
    return _CONTROL.sub("", value)


def scrub(table: Table, line: int, row: list[str]) -> None:
    """Remove control characters from ``row`` in place; a row that had some is counted and noted."""
    if _CONTROL.search("\t".join(row)) is None:
        return
    for i, cell in enumerate(row):
        row[i] = _CONTROL.sub("", cell)
    table.skipped[KEPT_CONTROL] += 1
    table.note(line, "control characters removed")


def odd_url(raw: str) -> bool:
    """Whether ``raw`` (which did not normalise) was meant as a profile URL: not blank, not the placeholder."""
    return bool(raw.strip()) and _PLACEHOLDER.match(raw) is None


def url_left_out(table: Table, line: int, raw: str) -> None:
    table.skipped[KEPT_NO_URL] += 1
    table.note(line, f"unreadable profile URL {raw[:60]!r}; kept without it")
