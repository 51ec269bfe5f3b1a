"""Comparing what sources report: the span of figures, and where they disagree.

A claim is read as the set of true ranges it allows, given its qualifier and
the rounding its figure was stated with (a figure is taken as rounded to its
last significant digit: ``1,600`` covers 1,550 to 1,650, ``995`` covers 994.5
to 995.5):

========== ==========================================================
qualifier  the true range lies in
========== ==========================================================
exact      the figure's rounding interval
about      the rounding interval, widened to at least ±5 % of the figure
above      above the figure; ``at_least``: at or above it
up_to      at or below the figure; ``below``: below it
between    from the low figure's interval to the high figure's
========== ==========================================================

An approximate bound ("up to about 250 miles") is widened like ``about``:
at least ±5 % past the bound it states.

Two claims **disagree** when no single true range satisfies both, and they
are about the same thing: the same system, the same variant and the same
condition, or one of them leaves the variant (or the condition) unknown. So
"PAC-3 MSE: 150 km against aircraft" and "PAC-3 MSE: 40 km against ballistic
missiles" do not disagree (different conditions), nor do JASSM's 370 km and
JASSM-ER's 1,000 km; but "the Patriot reaches 160 km" and "PAC-3: 20 km"
are compared, since the first does not say which variant.

Examples:
    >>> from armsref.dataset.models import RangeClaim
    >>> def claim(qualifier, value, unit="km"):
    ...     return RangeClaim(system="x", source="s", qualifier=qualifier, value=value,
    ...                       unit=unit, quote="q")
    >>> can_both_hold(claim("above", 1500), claim("about", 1600))
    True
    >>> can_both_hold(claim("about", 300), claim("about", 460))
    False
    >>> can_both_hold(claim("about", 186, "mi"), claim("exact", 300))
    True
    >>> can_both_hold(claim("up_to", 1000), claim("above", 1500))
    False
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Generic, Protocol, TypeVar

from armsref.lengths import precision, units

__all__ = [
    "Disagreement",
    "HedgedFigure",
    "Span",
    "allowed",
    "can_both_hold",
    "disagreements",
    "range_span",
    "same_subject",
]


class HedgedFigure(Protocol):
    """What comparing needs of a claim: its figure, hedge and unit, and whose it is.

    :class:`armsref.dataset.models.RangeClaim` is one; this module needs no more
    of it, so it sits below the dataset and never imports it.
    """

    @property
    def system(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def variant(self) -> str | None: ...
    @property
    def qualifier(self) -> str: ...
    @property
    def value(self) -> float | None: ...
    @property
    def low(self) -> float | None: ...
    @property
    def high(self) -> float | None: ...
    @property
    def unit(self) -> str: ...
    @property
    def figure(self) -> str: ...
    @property
    def approximate(self) -> bool: ...
    @property
    def condition(self) -> str | None: ...
    def figures_in(self, unit: str) -> tuple[tuple[float, str], ...]: ...


ClaimT = TypeVar("ClaimT", bound=HedgedFigure)

_ABOUT_MARGIN = 0.05


def allowed(claim: HedgedFigure) -> tuple[float, float]:
    """The interval of true ranges, in metres, that a claim allows (see the module docstring)."""
    if claim.qualifier == "between":
        assert claim.low is not None and claim.high is not None
        return (
            precision.interval(claim.low, claim.unit)[0],
            precision.interval(claim.high, claim.unit)[1],
        )
    assert claim.value is not None
    low, high = precision.interval(claim.value, claim.unit)
    point = units.to_unit(claim.value, claim.unit, "m")
    if claim.qualifier == "about":
        return (min(low, point * (1 - _ABOUT_MARGIN)), max(high, point * (1 + _ABOUT_MARGIN)))
    widen = _ABOUT_MARGIN if claim.approximate else 0.0
    if claim.qualifier in {"above", "at_least"}:
        return (point * (1 - widen), math.inf)
    if claim.qualifier in {"up_to", "below"}:
        return (0.0, point * (1 + widen))
    return (low, high)


def can_both_hold(first: HedgedFigure, second: HedgedFigure) -> bool:
    """Whether one true range could satisfy both claims."""
    low, high = allowed(first)
    other_low, other_high = allowed(second)
    # "above X" excludes X itself; "below X" too.
    strict = {first.qualifier, second.qualifier} & {"above", "below"}
    if strict:
        return low < other_high and other_low < high
    return low <= other_high and other_low <= high


@dataclass(frozen=True)
class Disagreement(Generic[ClaimT]):
    """Two claims about one system that cannot both be true."""

    first: ClaimT
    second: ClaimT

    def __str__(self) -> str:
        return (
            f"{self.first.source} says {self.first.figure}; "
            f"{self.second.source} says {self.second.figure}"
        )


def same_subject(first: HedgedFigure, second: HedgedFigure) -> bool:
    """Whether two claims are about the same variant and condition (or leave either unknown)."""

    def agree(one: str | None, other: str | None) -> bool:
        return one is None or other is None or one.casefold() == other.casefold()

    return agree(first.variant, second.variant) and agree(first.condition, second.condition)


def disagreements(claims: Iterable[ClaimT]) -> list[Disagreement[ClaimT]]:
    """Every pair of claims on the same system that cannot both be true, in dataset order."""
    found = []
    for first, second in combinations(list(claims), 2):
        about_one = first.system == second.system and same_subject(first, second)
        if about_one and not can_both_hold(first, second):
            found.append(Disagreement(first, second))
    return found


@dataclass(frozen=True)
class Span:
    """The lowest and highest range figures reported, in one unit.

    Attributes:
        low: the lowest figure, converted exactly.
        high: the highest figure, converted exactly.
        unit: the unit of ``low`` and ``high`` (its symbol).
        low_text: ``low`` rounded as its source stated it.
        high_text: ``high`` rounded as its source stated it.
        open_below: the lowest figure is an upper bound ("up to", "below").
        open_above: the highest figure is a lower bound ("above", "at least").
    """

    low: float
    high: float
    unit: str
    low_text: str
    high_text: str
    open_below: bool = False
    open_above: bool = False

    def __str__(self) -> str:
        if self.low_text == self.high_text:
            text = f"{self.low_text} {self.unit}"
            if self.open_above:
                return f"above {text}"
            return f"up to {text}" if self.open_below else text
        text = f"{self.low_text}–{self.high_text} {self.unit}"
        if self.open_above:
            text += " or more"
        return f"up to {text}" if self.open_below and not self.open_above else text


def range_span(claims: Sequence[HedgedFigure], unit: str = "km") -> Span | None:
    """The lowest and highest figures reported, honouring qualifiers; None without claims.

    "above 1,500 km" is a lower bound, not a point: where it is the highest
    figure reported, the span is open above. "up to" is an upper bound.

    Examples:
        >>> import armsref
        >>> str(armsref.get("tomahawk").range_span("km"))
        '1,500–1,600 km'
        >>> str(armsref.get("eram").range_span("mi"))
        '285 mi'
        >>> armsref.get("patriot").range_span() is None
        True
    """
    figures: list[tuple[float, str, str]] = []  # (value in target unit, text, role)
    for claim in claims:
        role = {"above": "floor", "at_least": "floor", "up_to": "ceiling", "below": "ceiling"}.get(
            claim.qualifier, "point"
        )
        for converted, text in claim.figures_in(unit):
            figures.append((converted, text, role))
    if not figures:
        return None
    lowest = min(figures, key=lambda item: item[0])
    highest = max(figures, key=lambda item: item[0])
    return Span(
        low=lowest[0],
        high=highest[0],
        unit=units.unit_symbol(unit),
        low_text=lowest[1],
        high_text=highest[1],
        open_below=lowest[2] == "ceiling",
        open_above=highest[2] == "floor",
    )
