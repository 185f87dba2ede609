"""Network health: size against career stage, but quality first, as figures and as plots.

``report`` computes the figures, ``charts`` draws them as accessible SVG, ``render`` writes the HTML report.
"""

from twoway.health.report import (
    CAREER_STAGES,
    Health,
    Rate,
    compute_health,
    invitation_section,
    reply_rates,
    size_against_stage,
    summarise,
)

__all__ = [
    "CAREER_STAGES",
    "Health",
    "Rate",
    "compute_health",
    "invitation_section",
    "reply_rates",
    "size_against_stage",
    "summarise",
]
