"""The band is all one member shows another of a tie's strength."""

import pytest

from twoway.strength import BANDS, band


@pytest.mark.parametrize(("score", "expected"), [
    (0.0, "weak"), (34.99, "weak"), (35.0, "medium"), (64.99, "medium"), (65.0, "strong"), (100.0, "strong"),
])
def test_band_edges(score: float, expected: str) -> None:
    assert band(score) == expected


def test_bands_cover_every_score_in_order() -> None:
    bounds = [b for b, _ in BANDS]
    assert bounds == sorted(bounds)
    assert bounds[-1] == float("inf")
    assert {band(float(s)) for s in range(101)} == {name for _, name in BANDS}
