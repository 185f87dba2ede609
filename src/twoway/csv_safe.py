"""CSV that is safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by Excel, LibreOffice and Google Sheets (OWASP "CSV injection"); so is one where spaces
or line breaks come first (spreadsheets trim them), one starting with ``|`` (DDE) and, in East
Asian locales, one starting with a full-width sign. Names and messages come from other people,
so every such text cell gets a leading single quote. Numbers are written as numbers: they
cannot carry a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

FORMULA_STARTS = ("=", "+", "-", "@", "|", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
#: What a spreadsheet trims before it decides whether a cell is a formula.
LEADING_BLANKS = " \t\r\n\u00a0\u3000"


def neutralise(value: Any) -> str | int | float:
    """The cell as written: text that a spreadsheet would evaluate is prefixed with ``'``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return value
    text = value if isinstance(value, str) else str(value)
    if text.startswith(FORMULA_STARTS) or text.lstrip(LEADING_BLANKS).startswith(FORMULA_STARTS):
        return "'" + text
    return text


def write_csv(
    target: str | Path | IO[str],
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    excel_bom: bool = True,
) -> int:
    """Write ``header`` and ``rows`` (CRLF lines, RFC 4180 quoting); return the number of data rows.

    A path gets UTF-8 with a byte-order mark by default so Excel shows accented names correctly;
    an open text stream is written as is.
    """
    if isinstance(target, str | Path):
        encoding = "utf-8-sig" if excel_bom else "utf-8"
        with open(target, "w", encoding=encoding, newline="") as handle:
            return _write(handle, header, rows)
    return _write(target, header, rows)


def to_csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """The same CSV as a string (for HTTP responses)."""
    buffer = io.StringIO(newline="")
    _write(buffer, header, rows)
    return buffer.getvalue()


def _write(handle: IO[str], header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    count = 0
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
        count += 1
    return count
