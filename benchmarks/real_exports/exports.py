"""Real export folders: discovery, short ids, their download date ("today"), and their owner's name.

These read the export files directly and tolerate what real exports hold: the `Notes:` preamble, a BOM,
UTF-16, `;` separators from Excel re-saves, several date formats. They only serve the benchmark's set-up
(which day is "today", which name to pass as --owner); every verdict is measured through twoway itself.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

# An export's download date in its folder or zip name: `…_MM-DD-YYYY` (US order).
NAME_DATE = re.compile(r"(?<!\d)(\d{2})-(\d{2})-(\d{4})(?!\d)")

DATE_FORMATS = (
    "%d %b %Y",                # Connections: 05 Nov 2022
    "%Y-%m-%d %H:%M:%S UTC",   # messages
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%m/%d/%y, %I:%M %p",      # Invitations, 2018 Connections
    "%m/%d/%Y, %I:%M %p",
    "%m/%d/%y %I:%M %p",
    "%b %d %Y %I:%M %p",       # hand-written fixtures
    "%d-%b-%y",                # Excel re-saves
    "%d-%b-%Y",
    "%d.%m.%Y",
    "%d.%m.%y",
    "%m/%d/%Y",
    "%m/%d/%y",
    "%d/%m/%Y",
    "%Y/%m/%d %H:%M:%S UTC",
)

# Columns that date a relationship file's rows (normalised names).
DATE_COLUMNS = {
    "connections": ("connected on",),
    "messages": ("date",),
    "invitations": ("sent at", "date sent"),
}


@dataclass(frozen=True)
class Export:
    """One extracted export folder under MIRROR_ROOT."""

    id: str          # short, name-free id (a hash of the folder name)
    folder: str      # folder name (may contain the owner's name: terminal only, never written to files)
    path: Path


def short_id(folder: str) -> str:
    return "x" + hashlib.sha1(folder.encode()).hexdigest()[:5]  # noqa: S324 - an id, not security


def discover(root: Path) -> list[Export]:
    """Every export folder directly under ROOT, in a stable order."""
    if not root.is_dir():
        raise SystemExit(f"{root} is not a folder of extracted exports")
    found = [Export(short_id(p.name), p.name, p) for p in sorted(root.iterdir()) if p.is_dir()]
    ids = Counter(e.id for e in found)
    clash = [i for i, n in ids.items() if n > 1]
    if clash:
        raise SystemExit(f"export ids clash ({clash}); lengthen short_id()")
    return found


def norm(name: str) -> str:
    return name.strip().strip('"').strip().casefold()


def find_file(folder: Path, *stems: str) -> Path | None:
    """The export's file whose name (case, spaces and underscores ignored) is one of STEMS + .csv."""
    wanted = {s.replace(" ", "").replace("_", "").casefold() for s in stems}
    for p in sorted(folder.iterdir()):
        if p.is_file() and p.suffix.lower() == ".csv":
            key = p.stem.replace(" ", "").replace("_", "").casefold()
            if key in wanted:
                return p
    return None


def decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw[:200].count(b"\0") > 10:
        return raw.decode("utf-16")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def read_table(path: Path, must_have: tuple[str, ...]) -> tuple[list[str], list[list[str]]]:
    """Header (normalised) and rows of a CSV, its header found among the first lines by MUST_HAVE columns."""
    text = decode(path.read_bytes())
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines[:12]):
        low = line.casefold()
        if not all(m in low for m in must_have):
            continue
        delim = max((",", ";", "\t"), key=line.count)
        rows = list(csv.reader(io.StringIO("".join(lines[i:])), delimiter=delim))
        if not rows:
            break
        return [norm(h) for h in rows[0]], rows[1:]
    return [], []


def parse_date(raw: str) -> date | None:
    s = " ".join(raw.strip().split())
    if not s:
        return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    return None


def date_from_name(folder: str) -> date | None:
    """The download date in the folder name (`…_MM-DD-YYYY`), if any."""
    for m in NAME_DATE.finditer(folder):
        month, day, year = (int(g) for g in m.groups())
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


def latest_date(folder: Path) -> date | None:
    """The latest date in the export's relationship files (no later than the real today)."""
    real_today = datetime.now(UTC).date()
    best: date | None = None
    for kind, columns in DATE_COLUMNS.items():
        path = find_file(folder, kind)
        if path is None:
            continue
        header, rows = read_table(path, (columns[0].split()[0],))
        idx = [header.index(c) for c in columns if c in header]
        for row in rows:
            for i in idx:
                if i < len(row):
                    d = parse_date(row[i])
                    if d is not None and d <= real_today and (best is None or d > best):
                        best = d
    return best


def export_today(export: Export) -> tuple[date | None, str]:
    """("today", how it was found): the date in the folder name, else the latest date in its files."""
    d = date_from_name(export.folder)
    if d is not None:
        return d, "name"
    d = latest_date(export.path)
    return (d, "files") if d is not None else (None, "none")


IGNORED_NAMES = {"", "linkedin member", "linkedin"}


def infer_owner(folder: Path) -> tuple[str | None, str]:
    """The owner's display name and where it came from: the name in most conversations of messages.csv
    (the sender of OUTGOING rows in the 2018 format), else the owner's side of Invitations.csv."""
    path = find_file(folder, "messages")
    if path is not None:
        header, rows = read_table(path, ("from",))
        if "from" in header:
            i_from = header.index("from")
            i_to = header.index("to") if "to" in header else None
            i_dir = header.index("direction") if "direction" in header else None
            i_conv = header.index("conversation id") if "conversation id" in header else None
            if i_dir is not None:
                out = Counter(r[i_from].strip() for r in rows
                              if len(r) > i_dir and r[i_dir].strip().upper() == "OUTGOING")
                out = Counter({k: v for k, v in out.items() if k.casefold() not in IGNORED_NAMES})
                if out:
                    return out.most_common(1)[0][0], "messages (outgoing sender)"
            convs: dict[str, set[str]] = defaultdict(set)
            for n, r in enumerate(rows):
                if len(r) <= i_from:
                    continue
                conv = r[i_conv] if i_conv is not None and i_conv < len(r) else str(n)
                convs[r[i_from].strip()].add(conv)
                if i_to is not None and i_to < len(r):
                    convs[r[i_to].strip()].add(conv)
            counts = Counter({k: len(v) for k, v in convs.items() if k.casefold() not in IGNORED_NAMES})
            if counts:
                return counts.most_common(1)[0][0], "messages (name in most conversations)"
    path = find_file(folder, "invitations")
    if path is not None:
        header, rows = read_table(path, ("direction",))
        if {"from", "to", "direction"} <= set(header):
            i_from, i_to, i_dir = header.index("from"), header.index("to"), header.index("direction")
            names: Counter[str] = Counter()
            for r in rows:
                if len(r) <= max(i_from, i_to, i_dir):
                    continue
                side = r[i_from] if r[i_dir].strip().upper() == "OUTGOING" else r[i_to]
                if side.strip().casefold() not in IGNORED_NAMES:
                    names[side.strip()] += 1
            if names:
                return names.most_common(1)[0][0], "invitations (owner's side)"
    return None, "none"
