"""Small SVG charts: data in, an SVG string out.

Pure functions with no I/O, no JavaScript and no external fonts, so the output can be inlined in
an offline HTML report or the web dashboard. Every label is XML-escaped here, because labels are
often names or companies typed by other people. Each chart is ``role="img"`` with an
``aria-label`` and ``<title>`` (its name for screen readers) and a ``<desc>`` that says its data in
words (its description: the marks inside an image are hidden from assistive technology), plus a
``<title>`` per mark as a hover tooltip. Text drawn on a colour picks the ink with the better
contrast, and every colour keeps at least 3:1 against white (WCAG 1.4.11, graphics).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape

PALETTE = ("#2f6db5", "#d2691e", "#3a9e5c", "#c8463d", "#8a63b8", "#8c6d4f", "#b04a93", "#6b6b6b")
DARK_INK, LIGHT_INK, MUTED_INK = "#1a1a1a", "#ffffff", "#595959"
DESC_ITEMS = 40  # a description reads the first this many values; more is noise to a listener
FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\""


def _esc(value: object) -> str:
    return escape(str(value), quote=True)


def _num(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _open(width: int, height: int, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{_esc(title)}" {FONT} font-size="12">',
        f"<title>{_esc(title)}</title><desc>{_esc(desc)}</desc>",
        f'<text x="0" y="14" font-size="14" font-weight="600" fill="#222">{_esc(title)}</text>',
    ]


def _empty(width: int, height: int, title: str) -> str:
    parts = _open(width, height, title, "No data yet.")
    parts.append(f'<text x="{width / 2:.0f}" y="{height / 2:.0f}" text-anchor="middle" fill="{MUTED_INK}">'
                 "no data yet</text>")
    return "".join(parts) + "</svg>"


def _listing(items: Sequence[str]) -> str:
    """Values as a sentence for a screen reader, cut to the first DESC_ITEMS."""
    shown = "; ".join(items[:DESC_ITEMS])
    more = len(items) - DESC_ITEMS
    return shown + (f"; and {more} more" if more > 0 else "") + "."


def _luminance(color: str) -> float:
    hexes = color.lstrip("#")
    if len(hexes) == 3:
        hexes = "".join(c * 2 for c in hexes)
    rgb = [int(hexes[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb or #rgb colours (1 to 21)."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def ink_on(fill: str) -> str:
    """The text colour, dark or white, that reads best on ``fill``."""
    return DARK_INK if contrast(DARK_INK, fill) >= contrast(LIGHT_INK, fill) else LIGHT_INK


def text_width(label: str, size: float = 12) -> float:
    """A generous estimate of a label's drawn width (wide sans-serif faces included), for spacing labels."""
    return len(label) * size * 0.66 + 4


def _thin(labels: Sequence[str], slot: float, size: float = 12) -> int:
    """Draw every n-th x label so that neighbours never touch: n from the widest label and the slot width."""
    widest = max((text_width(label, size) for label in labels), default=0.0)
    return max(1, math.ceil((widest + 6) / max(slot, 1e-9)))


def _rows(items: Sequence[tuple[float, float]], width: float, gap: float = 8) -> list[tuple[int, float]]:
    """Place labels (centre, width) on as few rows as keep them apart; returns (row, left edge) for each."""
    ends: list[float] = []
    placed = []
    for centre, w in items:
        left = min(max(2.0, centre - w / 2), width - 2 - w)
        row = next((r for r, end in enumerate(ends) if left >= end + gap), len(ends))
        if row == len(ends):
            ends.append(left + w)
        else:
            ends[row] = left + w
        placed.append((row, left))
    return placed


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return float(step * magnitude)
    return float(10 * magnitude)


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    width: int = 640,
    height: int = 240,
    color: str = PALETTE[0],
    unit: str = "",
) -> str:
    """Vertical bars, one per label (e.g. new connections per year)."""
    if not values or len(labels) != len(values):
        return _empty(width, height, title)
    left, right, top, bottom = 48, 8, 28, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = _nice_max(max(values))
    slot = plot_w / len(values)
    bar_w = max(1.0, slot * 0.75)
    desc = _listing([f"{label}: {_num(value)}{unit}" for label, value in zip(labels, values, strict=True)])
    parts = _open(width, height, title, desc)
    parts += _y_axis(left, top, plot_w, plot_h, top_value)
    every = _thin(labels, slot)  # thin out crowded x labels
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        h = plot_h * (value / top_value)
        x = left + i * slot + (slot - bar_w) / 2
        parts.append(
            f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{color}">'
            f"<title>{_esc(label)}: {_esc(_num(value))}{_esc(unit)}</title></rect>"
        )
        if i % every == 0:
            parts.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{height - bottom + 22}" text-anchor="middle" '
                f'fill="#444">{_esc(label)}</text>'
            )
    return "".join(parts) + "</svg>"


def line_chart(
    labels: Sequence[str],
    series: Mapping[str, Sequence[float]],
    *,
    title: str,
    width: int = 640,
    height: int = 240,
    unit: str = "",
) -> str:
    """One line per series over shared x labels (e.g. reply rates by year), with a legend."""
    if not labels or not series or any(len(v) != len(labels) for v in series.values()):
        return _empty(width, height, title)
    left, right, top, bottom = 48, 24, 28, 56
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = _nice_max(max((max(v) for v in series.values() if v), default=0.0))
    step = plot_w / max(1, len(labels) - 1)
    desc = " ".join(f"{name}: " + _listing([f"{x} {_num(v)}{unit}" for x, v in zip(labels, values, strict=True)])
                    for name, values in series.items())
    parts = _open(width, height, title, desc)
    parts += _y_axis(left, top, plot_w, plot_h, top_value)
    every = _thin(labels, step)
    for i, label in enumerate(labels):
        if i % every == 0:
            parts.append(
                f'<text x="{left + i * step:.1f}" y="{top + plot_h + 22}" text-anchor="middle" '
                f'fill="#444">{_esc(label)}</text>'
            )
    for n, (name, values) in enumerate(series.items()):
        color = PALETTE[n % len(PALETTE)]
        points = [(left + i * step, top + plot_h - plot_h * (v / top_value)) for i, v in enumerate(values)]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        for (x, y), label, value in zip(points, labels, values, strict=True):
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{color}">'
                f"<title>{_esc(name)}, {_esc(label)}: {_esc(_num(value))}{_esc(unit)}</title></circle>"
            )
        parts += _legend_entry(n, name, color, left, height - 14)
    return "".join(parts) + "</svg>"


def stacked_share(
    parts_: Sequence[tuple[str, float]],
    *,
    title: str,
    width: int = 640,
) -> str:
    """One horizontal bar split into shares (e.g. two-way / awaiting / unresponsive / never contacted)."""
    legend = [f"{label} ({_num(value)})" for label, value in parts_]
    spots: list[tuple[int, int, int]] = []  # (colour index, x, row) of each legend entry, wrapped to the width
    x_at, row = 0, 0
    for n, text in enumerate(legend):
        span = int(text_width(text)) + 14
        if x_at and x_at + span > width:
            x_at, row = 0, row + 1
        spots.append((n, x_at, row))
        x_at += span + 16
    height = 76 + 16 * row
    total = sum(max(0.0, v) for _, v in parts_)
    if total <= 0:
        return _empty(width, height, title)
    bar_y, bar_h = 24, 28
    out = _open(width, height, title, _listing(
        [f"{label}: {_num(v)} ({100 * max(0.0, v) / total:.0f}%)" for label, v in parts_]))
    x = 0.0
    for n, (label, value) in enumerate(parts_):
        if value <= 0:
            continue
        w = width * value / total
        color = PALETTE[n % len(PALETTE)]
        share = 100 * value / total
        out.append(
            f'<rect x="{x:.1f}" y="{bar_y}" width="{w:.1f}" height="{bar_h}" fill="{color}">'
            f"<title>{_esc(label)}: {_esc(_num(value))} ({share:.0f}%)</title></rect>"
        )
        if w > text_width(f"{share:.0f}%") + 8:
            out.append(
                f'<text x="{x + w / 2:.1f}" y="{bar_y + 18}" text-anchor="middle" fill="{ink_on(color)}">'
                f"{share:.0f}%</text>"
            )
        x += w
    for (n, x0, r), text in zip(spots, legend, strict=True):
        out += _legend_entry(0, text, PALETTE[n % len(PALETTE)], x0, 70 + 16 * r)
    return "".join(out) + "</svg>"


def range_gauge(
    value: float,
    bands: Sequence[tuple[str, float, float | None]],
    *,
    title: str,
    highlight: str | None = None,
    width: int = 640,
) -> str:
    """Where ``value`` falls among labelled ranges (e.g. network size against career stages).

    ``bands`` are (label, low, high) with ``high`` None for an open top. The band the value falls in
    is filled dark, and the marker sits inside it; ``highlight`` names another band to point out (the
    owner's own career stage), outlined and labelled "yours". Labels sit under the bar, on as many
    rows as keep them apart. The scale is square-root so small and large bands both show.
    """
    if not bands:
        return _empty(width, 84, title)
    top_value = max([value * 1.1] + [(hi if hi is not None else lo * 2) for _, lo, hi in bands])

    def sx(v: float) -> float:
        return 8.0 + (width - 16) * float((max(0.0, v) / top_value) ** 0.5)

    inside = next((label for label, lo, hi in bands if lo <= value and (hi is None or value < hi)), None)
    marker = sx(value)
    texts = [f"{_num(value)}"] + [label + (" (yours)" if label == highlight and label != inside else "")
                                   for label, _, _ in bands]
    centres = [marker] + [(sx(lo) + sx(hi if hi is not None else top_value)) / 2 for _, lo, hi in bands]
    placed = _rows([(c, text_width(t, 11)) for c, t in zip(centres, texts, strict=True)], width)
    height = 74 + 15 * max(row for row, _ in placed)
    ranges = [f"{label} {_num(lo)}" + (f" to {_num(hi)}" if hi is not None else " and more") for label, lo, hi in bands]
    where = f", in the band {inside}" if inside else ""
    yours = f"; your career stage: {highlight}" if highlight else ""
    out = _open(width, height, title, f"{_num(value)}{where}{yours}. Bands: " + _listing(ranges))
    for n, (label, lo, hi) in enumerate(bands):
        end = hi if hi is not None else top_value
        fill = "#2f6db5" if label == inside else ("#dfe7f2" if n % 2 == 0 else "#c9d6ea")
        outline = ' stroke="#1a1a1a" stroke-width="2" stroke-dasharray="4 3"' if label == highlight else ""
        out.append(
            f'<rect x="{sx(lo):.1f}" y="24" width="{max(0.0, sx(end) - sx(lo)):.1f}" height="26" fill="{fill}"'
            f"{outline}><title>{_esc(label)}: {_esc(_num(lo))}–{_esc(_num(hi) if hi is not None else '')}"
            "</title></rect>"
        )
    out.append(f'<line x1="{marker:.1f}" x2="{marker:.1f}" y1="20" y2="54" stroke="#b3261e" stroke-width="3"/>')
    for n, (text, (row, left)) in enumerate(zip(texts, placed, strict=True)):
        ink = "#b3261e" if n == 0 else "#333"
        weight = ' font-weight="600"' if n == 0 or (n > 0 and bands[n - 1][0] == inside) else ""
        out.append(f'<text x="{left:.1f}" y="{68 + 15 * row}" font-size="11" fill="{ink}"{weight}>{_esc(text)}</text>')
    return "".join(out) + "</svg>"


def _y_axis(left: int, top: int, plot_w: int, plot_h: int, top_value: float) -> list[str]:
    parts = []
    for k in range(5):
        value = top_value * k / 4
        y = top + plot_h - plot_h * k / 4
        parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e5e5e5"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{MUTED_INK}">'
                     f"{_esc(_num(value))}</text>")
    return parts


def _legend_entry(n: int, label: str, color: str, x0: int, y: int, gap: int = 130) -> list[str]:
    x = x0 + n * gap
    return [
        f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{color}"/>',
        f'<text x="{x + 14}" y="{y}" fill="#333">{_esc(label)}</text>',
    ]
