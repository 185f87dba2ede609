"""What the command line prints: text that is safe for a terminal, JSON for programs, tables that read well at
any width (words wrapped between words, the explaining column given the room, long listings cut to a screenful).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import click
from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.table import Table
from rich.text import Text

from twoway.views import encode

# Terminal escape sequences whole (CSI such as colours and clear screen, OSC such as the window title, and
# the two-character ones), then any control character left, DEL, the C1 controls and the bidi overrides.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[ -~]?|\x9b[0-?]*[ -/]*[@-~]?")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe_text(value: str) -> str:
    """``value`` as it may reach a terminal: no escape sequence, no control character (line breaks and tabs
    stay), each removed one marked with U+FFFD so nothing is silently hidden. Every face's text goes through
    it (``table``, ``say``, ``echo``, error messages); JSON escapes such characters itself."""
    if value.isprintable() or not (_CONTROLS.search(value) or "\x1b" in value):
        return value
    return _CONTROLS.sub("\ufffd", _ESCAPES.sub("\ufffd", value))


def console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def err_console() -> Console:
    return Console(stderr=True, highlight=False)


def dump_json(data: Any) -> str:
    return encode.dumps(data)


# What JSON leaves raw but a terminal may act on: DEL, the C1 controls (U+009B is CSI) and the bidi overrides.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def emit_json(data: Any) -> None:
    """JSON to stdout; JSON escapes the C0 controls, and the few others a terminal acts on are escaped too."""
    click.echo(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dump_json(data)))


#: A narrow column starts at no more than this; a cell longer than its column wraps between words.
NARROW_MAX = 28
#: A narrow column gives way down to this before any column is left out (two lines of it hold most names).
COMFORTABLE = 16
#: Lines a cell of a narrow column may take before it ends in "…" (the explaining column takes what it needs).
NARROW_LINES = 2
#: Rows a long listing shows before "N more — add --all".
SCREENFUL = 25


def label(value: object) -> str:
    """A value as a person reads it: ``never_contacted`` → ``never contacted``."""
    return "" if value is None else str(value).replace("_", " ")


def _clip(word: str, width: int) -> str:
    """``word`` cut to ``width`` cells, ending in "…" when cut."""
    return word if cell_len(word) <= width else set_cell_size(word, max(width - 1, 0)) + "…"


def wrap_words(value: str, width: int, max_lines: int | None = None) -> list[str]:
    """``value`` in lines of at most ``width`` cells, broken only between words (a word longer than a line
    ends in "…"); past ``max_lines`` the last line kept ends in "…". A line's leading indent is kept."""
    lines: list[str] = []
    for paragraph in value.split("\n"):
        indent = paragraph[:len(paragraph) - len(paragraph.lstrip(" "))][:max(width // 4, 0)]
        line = indent
        for word in paragraph.split():
            word = _clip(word, width - cell_len(indent) if line == indent else width)
            joined = f"{line} {word}" if line.strip() else line + word
            if cell_len(joined) <= width:
                line = joined
            else:
                lines.append(line)
                line = _clip(word, width)
        lines.append(line)
    if max_lines is not None and len(lines) > max_lines:
        lines, last = lines[:max_lines], lines[max_lines - 1]
        lines[-1] = (last if cell_len(last) < width else set_cell_size(last, width - 1).rstrip()) + "…"
    return lines


def _widths(columns: Sequence[str], cells: list[list[str]], wide_at: int, drop: Sequence[int],
            budget: int) -> tuple[list[int], dict[int, int]]:
    """Which columns show and how wide: the explaining column ``wide_at`` gets the room; the columns in
    ``drop`` go (least useful first) when it would get too little with every narrow column at
    ``COMFORTABLE``; narrow columns then give way (never below a date's 10 cells nor their heading's longest
    word), and last whole columns from the right. Room left goes back, to the explaining column first."""
    count = len(columns)
    natural = [max([cell_len(columns[i]), *(cell_len(line) for r in cells for line in r[i].split("\n"))])
               for i in range(count)]
    heading = [max((cell_len(w) for w in columns[i].split()), default=0) for i in range(count)]
    floor = [max(heading[i], min(natural[i], 10)) for i in range(count)]
    keep = list(range(count))
    width = {i: min(natural[i], max(NARROW_MAX, heading[i])) for i in keep if i != wide_at}
    width[wide_at] = min(natural[wide_at], max(24, budget * 2 // 5))

    def over() -> int:
        # rich's default box: a border on each side and " │ " between columns (padding 1 each side)
        return 3 * len(keep) + 1 + sum(width[i] for i in keep) - budget

    def shrink(least: list[int]) -> None:
        while over() > 0:
            narrow = [i for i in keep if i != wide_at and width[i] > least[i]]
            if not narrow:
                break
            width[max(narrow, key=lambda i: width[i])] -= 1

    shrink([max(f, min(n, COMFORTABLE)) for f, n in zip(floor, natural, strict=True)])
    for i in drop:
        if over() <= 0:
            break
        if i in keep and i != wide_at:
            keep.remove(i)
    shrink(floor)
    while over() > 0 and width[wide_at] > max(16, floor[wide_at]):
        width[wide_at] -= 1
    while over() > 0 and len(keep) > 2:
        keep.remove([i for i in keep if i != wide_at][-1])
    # Room left: the explaining column first, then the narrow columns that were cut, left to right.
    for i in [wide_at, *(i for i in keep if i != wide_at)]:
        spare = -over()
        if spare > 0 and i in keep:
            width[i] = min(natural[i], width[i] + spare)
    return keep, width


def table(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    title: str | None = None,
    caption: str | None = None,
    wide: int | None = None,
    drop: Sequence[int] = (),
    limit: int | None = None,
    more: str = "add --all",
) -> None:
    """Print rows as a table that reads well at the terminal's width (``COLUMNS`` in a pipe, 80 by default).

    Cells are printed literally (no markup, :func:`safe_text`), so untrusted text stays text, and wrapped here
    between words, never inside one. ``wide`` is the column that explains (default: the last): it gets the
    room and takes as many lines as it needs; the others take at most two lines, then end in "…". When the
    table would not fit, the columns in ``drop`` (the least useful first) are left out. With ``limit``, only
    the first ``limit`` rows show, followed by "N more — ``more``".
    """
    if not rows:  # no empty frame: say so in words
        say(" ".join(part for part in (f"{title}: none." if title else "Nothing to list.", caption) if part))
        return
    out_console = console()
    hidden = len(rows) - limit if limit is not None and len(rows) > limit else 0
    shown = rows[:limit] if hidden else rows
    cells = [["" if cell is None else safe_text(str(cell)) for cell in row] for row in shown]
    wide_at = (len(columns) - 1) if wide is None else wide
    keep, width = _widths(columns, cells, wide_at, drop, out_console.width)
    out = Table(title=safe_text(title) if title else title, caption=safe_text(caption) if caption else caption,
                show_lines=False, header_style="bold")
    for i in keep:
        heading = Text("\n".join(wrap_words(columns[i], width[i])))
        out.add_column(heading, no_wrap=True, overflow="ellipsis", min_width=width[i], max_width=width[i])
    for row in cells:
        # Text, not str: a cell is never parsed as markup, so a name like "[bold]x" stays literal.
        out.add_row(*(Text("\n".join(wrap_words(row[i], width[i], None if i == wide_at else NARROW_LINES)))
                      for i in keep))
    out_console.print(out)
    if hidden:
        say(f"{hidden:,} more — {more}")


def say(message: str) -> None:
    """Plain text to stdout, never interpreted as markup nor by the terminal (:func:`safe_text`)."""
    console().print(safe_text(message), markup=False)


def echo(message: str) -> None:
    """Text to stdout exactly as it is (no wrapping, to copy out), but safe for the terminal."""
    click.echo(safe_text(message))
