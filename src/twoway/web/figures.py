"""The Overview's plots: the health figures (as the API returns them) drawn with twoway.charts.

Presentation only: every number comes from twoway.health; this module picks which chart shows it.
"""

from __future__ import annotations

from typing import Any

from twoway import charts
from twoway.health import CAREER_STAGES
from twoway.states import LABELS

STATE_ORDER = ("two_way", "due", "awaiting_reply", "owe_reply", "new", "never_contacted", "unresponsive", "hidden")


def _pct(rate: Any) -> float:
    return 100.0 * float(rate) if rate is not None else 0.0


def overview_charts(health: dict[str, Any]) -> dict[str, str]:
    """SVG strings keyed by figure name, from ``compute_health(...).to_dict()``."""
    states = health["states"]
    years = sorted(health["rates_by_year"])[-8:]
    rates = {
        "you answered": [_pct(health["rates_by_year"][y]["you_answer"]["rate"]) for y in years],
        "they answered": [_pct(health["rates_by_year"][y]["they_answer"]["rate"]) for y in years],
    }
    coverage = health["coverage"]
    out = {
        "states": charts.stacked_share([(LABELS.get(s, s), states.get(s, 0)) for s in STATE_ORDER],
                                       title="Where every connection stands"),
        "size": charts.range_gauge(float(health["size"]), list(CAREER_STAGES.values()),
                                   title="Connections against career stages", highlight=health["stage_label"]),
        "rates": charts.line_chart([str(y) for y in years], rates, title="Reply rates by year (%)", unit="%"),
        "coverage": charts.stacked_share(
            [("reached", coverage["reached"]), ("not yet", max(0, coverage["of"] - coverage["reached"]))],
            title=f"Check-in coverage in {coverage['year']}"),
        "per_year": charts.bar_chart(list(health["per_year"]), list(health["per_year"].values()),
                                     title="New connections per year"),
        "per_month": charts.bar_chart(list(health["per_month"]), list(health["per_month"].values()),
                                      title="New connections per month", color=charts.PALETTE[2]),
    }
    for section in health.get("extra_sections", []):
        by_note = section.get("data", {}).get("by_note")
        if by_note:
            out["acceptance"] = charts.bar_chart(
                [str(k) for k in by_note], [_pct(v.get("rate")) for v in by_note.values()],
                title="Invitations accepted: personalised against blank notes (%)", unit="%",
                color=charts.PALETTE[1])
    return out
