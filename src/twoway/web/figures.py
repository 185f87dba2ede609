"""The Overview's plots: the same selection as the HTML health report (:func:`twoway.report.figures`).

Presentation only: the figures are drawn once per data change, with the health figures they show,
and remembered in the Overview's view.
"""

from __future__ import annotations

from typing import Any


def overview_charts(figures: list[Any]) -> dict[str, str]:
    """SVG strings keyed by figure name, in the report's order, from a remembered (key, title, svg) list."""
    return {str(key): str(svg) for key, _title, svg in figures}
