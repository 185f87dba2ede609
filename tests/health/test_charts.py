"""Charts are pure: well-formed SVG, labels escaped, empty data handled."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from xml.etree.ElementTree import Element

import pytest

from twoway.health import charts


def parse(svg: str) -> Element:
    # Our own output, not untrusted input: the stdlib parser is fine here.
    return ET.fromstring(svg)  # noqa: S314


EVIL = "<script>alert('x')</script> & \"Co\""


@pytest.mark.parametrize("svg", [
    charts.bar_chart(["2022", EVIL], [3, 5], title=EVIL),
    charts.line_chart(["a", "b", "c"], {EVIL: [1, 2, 3], "other": [0, 0, 1]}, title="Rates"),
    charts.stacked_share([("two-way", 3), (EVIL, 2), ("none", 0)], title="States"),
    charts.range_gauge(650, [("student", 50, 100), ("exec", 1000, None)], title=EVIL, highlight="exec"),
    charts.bar_chart([], [], title="Empty"),
    charts.line_chart([], {}, title="Empty"),
    charts.stacked_share([("a", 0)], title="Empty"),
])
def test_well_formed_and_escaped(svg: str) -> None:
    root = parse(svg)  # raises on malformed XML or unescaped markup
    assert root.tag.endswith("svg")
    assert "<script" not in svg
    assert root.find("{http://www.w3.org/2000/svg}title") is not None


def test_bar_heights_are_proportional() -> None:
    svg = charts.bar_chart(["a", "b"], [5, 10], title="t", height=236)
    root = parse(svg)
    heights = [float(r.get("height", 0)) for r in root.iter("{http://www.w3.org/2000/svg}rect")]
    assert heights[1] == pytest.approx(2 * heights[0])


def test_empty_says_so() -> None:
    assert "no data yet" in charts.bar_chart([], [], title="t")


def test_stacked_share_widths_add_up() -> None:
    svg = charts.stacked_share([("a", 1), ("b", 3)], title="t", width=400)
    widths = [float(r.get("width", 0)) for r in parse(svg).iter("{http://www.w3.org/2000/svg}rect")
              if r.get("height") == "28"]
    assert sum(widths) == pytest.approx(400, abs=0.2)
    assert widths[1] == pytest.approx(3 * widths[0], abs=0.2)
