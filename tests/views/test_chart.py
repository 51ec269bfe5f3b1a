"""The range chart: each hedge drawn as its shape, in the unit asked for, deterministic SVG."""

from __future__ import annotations

import sys

import pytest

import armsref
from armsref.dataset.models import RangeClaim
from armsref.errors import InputError, UnitError, UnknownSourceError, UnknownSystemError
from armsref.lengths.units import to_unit
from armsref.views.chart import PlotMissingError, chart, chart_html
from tests.extras import need


def claim(qualifier: str, value: float | None = None, **more: object) -> RangeClaim:
    return RangeClaim(
        system="atacms",
        source=f"src-{qualifier}",
        qualifier=qualifier,
        value=value,
        unit="km",
        quote="q",
        **more,  # type: ignore[arg-type]
    )


def test_each_hedge_is_drawn_as_its_shape(dataset: armsref.Dataset) -> None:
    need("matplotlib")
    from armsref.views.chart import draw

    claims = [
        claim("exact", 300),
        claim("about", 410),
        claim("between", low=70, high=160),
        claim("above", 1500),
        claim("up_to", 900),
    ]
    figure = draw([(dataset.system("atacms"), claims)], "km")
    (ax,) = figure.axes
    lines = {round(line.get_ydata()[0]): line for line in ax.lines if line.get_linewidth() > 5}
    bands = {row: sorted(line.get_xdata()) for row, line in lines.items()}
    assert bands[1] == pytest.approx([389.5, 430.5])  # about: ±5 %, as disagreements read it
    assert bands[2] == pytest.approx([65, 165])  # between: from 70's rounding to 160's
    arrows = {round(a.xy[1]): (a.xyann[0], a.xy[0]) for a in ax.texts if a.arrow_patch}
    assert set(arrows) == {3, 4}
    assert arrows[3][0] == 1500 and arrows[3][1] > 1500  # above: to the right
    assert arrows[4][0] == 900 and arrows[4][1] < 900  # up to: to the left
    points = {round(line.get_ydata()[0]) for line in ax.lines if line.get_marker() == "o"}
    assert points == {0, 3, 4}  # exact, and the bounds' own figures
    labels = [tick.get_text() for tick in ax.get_yticklabels()]
    assert labels[0] == "src-exact: 300 km [unreviewed]"


def test_the_axis_is_in_the_unit_asked_for(dataset: armsref.Dataset) -> None:
    need("matplotlib")
    from armsref.views.chart import draw

    figure = draw([(dataset.system("tomahawk"), dataset.system("tomahawk").claims)], "mi")
    (ax,) = figure.axes
    points = [line.get_xdata()[0] for line in ax.lines if line.get_marker() == "o"]
    assert points == [pytest.approx(to_unit(1500, "km", "mi"))]
    assert ax.get_xlabel() == "range reported (mi)"


def test_the_svg_is_the_same_every_time_and_names_every_source(
    dataset: armsref.Dataset,
) -> None:
    need("matplotlib")
    first = chart(dataset, ["Tomahawk", "ERAM"], "km", "svg")
    assert first == chart(dataset, ["Tomahawk", "ERAM"], "km", "svg")
    svg = first.decode("utf-8")
    assert "<dc:date>" not in svg
    for system in ("tomahawk", "eram"):
        for c in dataset.system(system).claims:
            assert f"{c.source}: {c.figure}" in svg
    assert "ATACMS" not in svg
    assert chart(dataset, fmt="png").startswith(b"\x89PNG")


def test_a_system_without_figures_says_so(dataset: armsref.Dataset) -> None:
    need("matplotlib")
    assert "no source gives a range" in chart(dataset, ["patriot"]).decode("utf-8")


def test_bad_arguments_are_refused_before_drawing(dataset: armsref.Dataset) -> None:
    with pytest.raises(InputError, match="svg or png, not 'pdf'"):
        chart(dataset, fmt="pdf")
    with pytest.raises(UnitError):
        chart(dataset, unit="parsecs-ish")
    with pytest.raises(UnknownSystemError):
        chart(dataset, ["no such missile"])
    with pytest.raises(UnknownSourceError):
        chart(dataset, sources=["no-such-source"])


def test_only_the_sources_asked_for_are_drawn(dataset: armsref.Dataset) -> None:
    need("matplotlib")
    claims = dataset.system("tomahawk").claims
    kept, left = claims[0], [c for c in claims if c.source != claims[0].source]
    assert left, "the shipped data gives Tomahawk figures from two sources"
    svg = chart(dataset, ["tomahawk"], sources=[kept.source]).decode("utf-8")
    assert f"{kept.source}: {kept.figure}" in svg
    assert all(f"{c.source}: {c.figure}" not in svg for c in left)


def test_without_matplotlib_the_chart_says_what_to_install(
    dataset: armsref.Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(PlotMissingError, match=r"pip install 'armsref\[plot\]'") as caught:
        chart(dataset)
    assert isinstance(caught.value, ImportError)
    monkeypatch.setattr("armsref.views.chart.plot_available", lambda: False)
    assert chart_html(dataset).startswith('<p class="armsref-chart-missing">')
