"""Reading many messages at once: each distinct text is read once, then spread back to every copy.

Generated and template-heavy exports repeat the same few thousand texts a million times; real
inboxes are mostly distinct. Texts are grouped twice: by the raw string (a dict lookup, ~0.1 µs),
then by what the reader actually sees (the cleaned text and whether it is sponsored mail), so
``<p>Thanks!</p>`` and ``Thanks!`` are read once between them.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import cast

import numpy as np
import numpy.typing as npt

from twoway.reading.kinds import read_clean
from twoway.reading.model import CODE, Reading
from twoway.reading.text import clean, is_sponsored


def read_raw(raw: str | None, sponsored: bool = False) -> Reading:
    """One message as exported (HTML, entities, sponsored markup and all)."""
    if not raw:
        return read_clean("", sponsored)
    return read_clean(clean(raw), sponsored or is_sponsored(raw))


def read_many(texts: Sequence[str | None],
              sponsored: Sequence[bool] | None = None) -> tuple[npt.NDArray[np.uint8], list[str]]:
    """Kind codes (index into ``KINDS``) and languages, one per text, each distinct text read once."""
    n = len(texts)
    if sponsored is not None and len(sponsored) != n:
        raise ValueError(f"{len(sponsored)} sponsored flags for {n} texts")
    if n == 0:
        return np.zeros(0, dtype=np.uint8), []
    first: dict[object, int] = {}
    keys: Sequence[object] = texts if sponsored is None else list(zip(texts, map(bool, sponsored), strict=True))
    inverse = [first.setdefault(k, len(first)) for k in keys]
    seen: dict[tuple[str, bool], tuple[int, str]] = {}
    codes = np.empty(len(first), dtype=np.uint8)
    langs: list[str] = []
    for j, key in enumerate(first):
        raw, flag = (cast("str | None", key), False) if sponsored is None else cast("tuple[str | None, bool]", key)
        raw_s = raw or ""
        plain = clean(raw_s) if raw_s else ""
        view = (plain, bool(flag) or (bool(raw_s) and is_sponsored(raw_s)))
        got = seen.get(view)
        if got is None:
            r = read_clean(*view)
            got = seen[view] = (CODE[r.kind], r.language)
        codes[j] = got[0]
        langs.append(got[1])
    idx = np.fromiter(inverse, dtype=np.int64, count=n)
    if len(first) == 1:
        return codes[idx], [langs[0]] * n
    return codes[idx], list(itemgetter(*inverse)(langs))
