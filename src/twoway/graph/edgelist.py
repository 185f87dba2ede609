"""Reading a plain edge list: whitespace-separated pairs of ids, one connection per line.

Lines starting with ``#`` or ``%`` are comments; an optional first line ``n m`` (node and edge
counts, as SNAP-derived files carry) is recognised when ``m`` equals the number of edge lines.
Extra columns (KONECT's weight and timestamp) are ignored. Ids are kept as given: when every id
is a plain non-negative integer without leading zeros they are stored as integers, otherwise as
text, so ``007`` and ``7`` stay two different members.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from twoway.errors import InputError

_COMMENT = (b"#", b"%")


def read_edge_list(path: Path) -> tuple[NDArray[Any], NDArray[Any]]:
    """The two id columns of the file at ``path``, as int64 arrays or arrays of text."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=str(path)) from None
    numbered = [(i, line) for i, line in enumerate(data.splitlines(), 1)
                if line.strip() and not line.lstrip().startswith(_COMMENT)]
    if numbered and _is_header(numbered[0][1].split(), len(numbered) - 1):
        numbered = numbered[1:]
    if not numbered:
        raise InputError("no connections found (every line is empty or a comment)", file=str(path))
    flat = b"\n".join(line for _, line in numbered).split()
    if len(flat) == 2 * len(numbered):  # the common case: exactly two ids a line, read in one go
        pairs = np.array(flat, dtype=np.bytes_).reshape(-1, 2)
    else:
        rows = []
        for number, line in numbered:
            row = line.split()
            if len(row) < 2:
                raise InputError("expected two ids separated by whitespace", file=str(path), line=number)
            rows.append(row[:2])
        pairs = np.array(rows, dtype=np.bytes_)
    return both_columns_alike(_typed(pairs[:, 0]), _typed(pairs[:, 1]))


def _is_header(row: list[bytes], remaining: int) -> bool:
    return len(row) == 2 and row[0].isdigit() and row[1].isdigit() and int(row[1]) == remaining


def _typed(column: NDArray[np.bytes_]) -> NDArray[Any]:
    """int64 when every id is a canonical integer, else the ids as (unicode) text."""
    if column.shape[0] and bool(np.all(np.char.isdigit(column))):
        lengths = np.char.str_len(column)
        leading_zero = np.char.startswith(column, b"0") & (lengths > 1)
        if not bool(leading_zero.any()) and int(lengths.max()) < 19:
            return column.astype(np.int64)
    try:
        return np.char.decode(column, "utf-8")
    except UnicodeDecodeError:
        raise InputError("ids must be UTF-8 text") from None


def both_columns_alike(a: NDArray[Any], b: NDArray[Any]) -> tuple[NDArray[Any], NDArray[Any]]:
    """One id type for both columns: when one is text, the other becomes text too."""
    if a.dtype.kind == b.dtype.kind:
        return a, b
    return a.astype(str), b.astype(str)
