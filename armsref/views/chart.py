"""The range chart: every source's figure for each system on one axis, drawn as its hedge says.

One panel per system, one row per claim, all panels on one axis in the unit
asked for. The shape is the hedge:

============ ===================================================================
qualifier    drawn as
============ ===================================================================
exact        a point
about        a band: the true ranges the claim allows, ±5 % at least
             (:func:`armsref.lengths.compare.allowed`, as disagreements read it)
between      a band from the low figure to the high one (the same rule)
above        a point with an arrow to the right (``at_least`` too)
up_to        a point with an arrow to the left (``below`` too)
============ ===================================================================

Each row is labelled with its source and the figure as the source states it.
A system no source gives a range for gets a panel that says so.

matplotlib is an optional extra (``pip install 'armsref[plot]'``), imported
here only, with the Agg backend; the SVG is deterministic (fixed hash salt, no
date, text kept as text), so the same data draws the same file.
"""

from __future__ import annotations

import io
import math
from typing import TYPE_CHECKING, Any

from armsref.errors import ArmsrefError, InputError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from armsref.dataset.models import Dataset, RangeClaim, System

__all__ = [
    "CHART_MISSING",
    "FORMATS",
    "PlotMissingError",
    "chart",
    "chart_html",
    "chart_svg_element",
    "draw",
    "plot_available",
]

#: What a page says where the chart cannot be drawn.
CHART_MISSING = "The range chart needs matplotlib: pip install 'armsref[plot]'."
#: The file formats the chart is drawn in.
FORMATS = ("svg", "png")
_ARROW = 0.08  # of the axis width
_SALT = "armsref"


class PlotMissingError(ArmsrefError, ImportError):
    """matplotlib, the optional ``plot`` extra, is not installed."""


def plot_available() -> bool:
    """Whether matplotlib can be imported (without importing it)."""
    from importlib.util import find_spec

    return find_spec("matplotlib") is not None


def _matplotlib() -> Any:
    try:
        import matplotlib
    except ImportError as missing:
        raise PlotMissingError(
            "the range chart needs matplotlib: pip install 'armsref[plot]'"
        ) from missing
    matplotlib.use("Agg")
    return matplotlib


def _rows(
    dataset: Dataset, systems: Sequence[str] | None, sources: Sequence[str] | None, include: str
) -> list[tuple[System, list[RangeClaim]]]:
    from armsref.views.selection import choose, claims_shown

    chosen, source_ids = choose(dataset, systems, sources)
    return [(system, claims_shown(system, source_ids, include)) for system in chosen]


def _draw_claim(ax: Any, row: int, claim: RangeClaim, unit: str, reach: float) -> None:
    from armsref.lengths.compare import allowed
    from armsref.lengths.units import to_unit

    colour = "#333333" if claim.status == "accepted" else "#8a4b00"
    low, high = allowed(claim)
    point = claim.figures_in(unit)[0][0]
    if claim.qualifier in {"about", "between"}:
        ax.plot(
            [to_unit(low, "m", unit), to_unit(high, "m", unit)],
            [row, row],
            color=colour,
            alpha=0.45,
            linewidth=9,
            solid_capstyle="butt",
        )
        if claim.qualifier == "about":
            ax.plot([point], [row], marker="|", markersize=12, color=colour)
        return
    ax.plot([point], [row], marker="o", markersize=7, color=colour)
    if claim.qualifier == "exact":
        return
    direction = 1 if math.isinf(high) else -1
    ax.annotate(
        "",
        xy=(point + direction * reach * _ARROW, row),
        xytext=(point, row),
        arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 1.8},
    )


def draw(systems: Sequence[tuple[System, Sequence[RangeClaim]]], unit: str) -> Any:
    """The chart as a matplotlib ``Figure``: a panel per (system, claims), one row per claim.

    matplotlib must be importable (:func:`chart` checks and says so).
    """
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    from armsref.lengths.compare import allowed
    from armsref.lengths.units import to_unit, unit_symbol

    heights = [max(1, len(claims)) + 1.2 for _, claims in systems]
    figure = Figure(figsize=(9, 0.42 * sum(heights) + 1.4), layout="constrained")
    axes = figure.subplots(len(systems), 1, sharex=True, height_ratios=heights, squeeze=False)
    ends = [
        to_unit(edge, "m", unit)
        for _, claims in systems
        for claim in claims
        for edge in allowed(claim)
        if not math.isinf(edge) and edge > 0
    ] or [1.0]
    reach = max(ends) * 1.15
    for (system, claims), (ax,) in zip(systems, axes, strict=True):
        ax.set_title(f"{system.name} ({system.short or system.id})", loc="left", fontsize=10)
        ax.set_ylim(-0.8, max(1, len(claims)) - 0.2)
        ax.invert_yaxis()
        ax.grid(axis="x", color="#dddddd")
        if not claims:
            ax.set_yticks([])
            ax.text(0.01, 0.5, "no source gives a range", transform=ax.transAxes, va="center")
            continue
        for row, claim in enumerate(claims):
            _draw_claim(ax, row, claim, unit, reach)
        ax.set_yticks(
            range(len(claims)),
            [
                f"{c.source}: {c.figure}" + ("" if c.status == "accepted" else " [unreviewed]")
                for c in claims
            ],
            fontsize=8,
        )
    axes[-1][0].set_xlim(0, reach)
    axes[-1][0].set_xlabel(f"range reported ({unit_symbol(unit)})")
    handles = [
        Line2D([], [], marker="o", linestyle="", color="#333333", label="exact"),
        Line2D([], [], linewidth=8, alpha=0.45, color="#333333", label="about / between"),
        Line2D([], [], marker=">", color="#333333", label="above (arrow right)"),
        Line2D([], [], marker="<", color="#333333", label="up to / below (arrow left)"),
        Line2D([], [], marker="o", linestyle="", color="#8a4b00", label="unreviewed"),
    ]
    figure.legend(handles=handles, loc="outside lower center", ncols=5, fontsize=8, frameon=False)
    return figure


def chart(
    dataset: Dataset,
    systems: Sequence[str] | None = None,
    unit: str = "km",
    fmt: str = "svg",
    *,
    include: str = "default",
    sources: Sequence[str] | None = None,
) -> bytes:
    """The range chart of ``systems`` (default: all) in ``unit``, as SVG or PNG bytes,
    of the claims from ``sources`` (default: every source) that ``include`` shows.

    Raises:
        InputError: ``fmt`` is neither ``svg`` nor ``png``.
        UnitError: ``unit`` is not a unit of length.
        UnknownSystemError: a name no system has.
        UnknownSourceError: a source id no source has.
        PlotMissingError: matplotlib is not installed.
    """
    from armsref.lengths.units import unit_name

    if fmt not in FORMATS:
        raise InputError(f"the chart is drawn as svg or png, not {fmt!r}")
    unit_name(unit)
    chosen = _rows(dataset, systems, sources, include)
    matplotlib = _matplotlib()
    settings = {"svg.hashsalt": _SALT, "svg.fonttype": "none", "font.family": "DejaVu Sans"}
    with matplotlib.rc_context(settings):
        figure = draw(chosen, unit)
        out = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        figure.savefig(out, format=fmt, metadata=metadata, dpi=110)
    return out.getvalue()


def chart_svg_element(
    dataset: Dataset, systems: Sequence[str] | None = None, unit: str = "km"
) -> str | None:
    """The chart as an ``<svg>`` element to put inside a page, or None without matplotlib."""
    if not plot_available():
        return None
    svg = chart(dataset, systems, unit, "svg").decode("utf-8")
    # The XML declaration and doctype belong to a file, not to a page.
    return svg[svg.index("<svg") :]


def chart_html(
    dataset: Dataset,
    systems: Sequence[str] | None = None,
    unit: str = "km",
    include: str = "default",
    sources: Sequence[str] | None = None,
) -> str:
    """The chart as an HTML ``<figure>`` holding inline SVG, or a paragraph saying it needs
    matplotlib (for ``armsref table --format html``, with the table's choice of claims)."""
    from html import escape

    if not plot_available():
        return f'<p class="armsref-chart-missing">{escape(CHART_MISSING)}</p>'
    svg = chart(dataset, systems, unit, "svg", include=include, sources=sources).decode("utf-8")
    return f'<figure class="armsref-chart">{svg[svg.index("<svg") :]}</figure>'
