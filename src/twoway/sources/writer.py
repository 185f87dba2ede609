"""Interactions from mail and calendars, each text read once (its kind and language), new ones only."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, text

from twoway.reading import KINDS, read_many

_INSERT = text(
    "INSERT INTO interactions (owner_id, person_id, kind, channel, direction, at, subject, content, folder, origin, "
    "fingerprint, source_id, created_at, reading, language) VALUES (:o, :p, :k, :ch, :d, :at, :s, :c, :f, 'import', "
    ":fp, :src, :t, :r, :l) ON CONFLICT DO NOTHING")
_KNOWN = text("SELECT fingerprint FROM interactions WHERE owner_id = :o AND fingerprint IN :fps").bindparams(
    bindparam("fps", expanding=True))
BATCH = 500


@dataclass(slots=True)
class Interaction:
    person_id: int | None
    kind: str  # email | meeting
    direction: str  # in | out
    at: int
    subject: str | None
    content: str | None
    folder: str | None
    key: str  # what makes it this interaction and no other (hashed into the fingerprint)
    automated: bool = False


def fingerprint(key: str) -> str:
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def write_interactions(conn: Connection, owner_id: int, source_id: int, created_at: str,
                       items: Sequence[Interaction]) -> int:
    """Write the interactions not written before (by fingerprint); return how many were new."""
    added = 0
    for start in range(0, len(items), BATCH):
        firsts: dict[str, Interaction] = {}
        for i in items[start:start + BATCH]:
            firsts.setdefault(fingerprint(i.key), i)  # the first of several with one key is the one kept
        batch = list(firsts.items())
        known = {str(r[0]) for r in conn.execute(
            _KNOWN, {"o": owner_id, "fps": [fp for fp, _ in batch]})}
        new = [(fp, i) for fp, i in batch if fp not in known]
        if not new:
            continue
        kinds, languages = read_many([i.content for _, i in new], [i.automated for _, i in new])
        conn.execute(_INSERT, [{
            "o": owner_id, "p": i.person_id, "k": i.kind, "ch": "meeting" if i.kind == "meeting" else "email",
            "d": i.direction, "at": i.at, "s": i.subject, "c": i.content, "f": i.folder, "fp": fp, "src": source_id,
            "t": created_at, "r": "automated" if i.automated else KINDS[k], "l": lang,
        } for (fp, i), k, lang in zip(new, kinds.tolist(), languages, strict=True)])
        added += len(new)
    return added

