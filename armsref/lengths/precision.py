"""How precisely a figure was stated: display rounding and agreement between figures.

A stated figure is taken as rounded to its last significant digit: ``1,600``
covers 1,550 to 1,650 and ``995`` covers 994.5 to 995.5. Converted figures are
shown with as many significant digits as the source used, never more, except
that a round figure of one significant digit ("300", "1,000") is shown with
two: "up to 1,000 miles" is "up to 1,600 km", neither 1,610 (more precise than
the source) nor 2,000 (a worse figure than the source gave).

Examples:
    >>> format_number(1601.29728, significant=3)
    '1,600'
    >>> round_figure(995, "mile", "kilometer")
    '1,600'
    >>> round_figure(300, "kilometer", "mile")
    '190'
    >>> round_figure(1000, "mile", "kilometer")
    '1,600'
"""

from __future__ import annotations

import math
from decimal import Decimal

from armsref.lengths.units import to_unit, unit_name

__all__ = [
    "agrees",
    "format_number",
    "interval",
    "round_figure",
    "shown_digits",
    "significant_digits",
    "stated_step",
]


def significant_digits(value: float) -> int:
    """Count the significant digits of a figure as written, trailing zeros excluded.

    Examples:
        >>> significant_digits(1600), significant_digits(995), significant_digits(2.5)
        (2, 3, 2)
    """
    digits = Decimal(repr(float(value))).normalize().as_tuple().digits
    while len(digits) > 1 and digits[-1] == 0:
        digits = digits[:-1]
    return max(1, len(digits))


def stated_step(value: float) -> float:
    """The rounding step a stated figure implies: 1,600 → 100, 995 → 1, 2.5 → 0.1.

    Examples:
        >>> stated_step(1600), stated_step(995), stated_step(2.5)
        (100.0, 1.0, 0.1)
    """
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return float(10.0**exponent)


def format_number(value: float, significant: int | None = None) -> str:
    """Format a number with thousands separators, optionally rounded.

    Examples:
        >>> format_number(1601.29728, significant=4)
        '1,601'
        >>> format_number(1500.0)
        '1,500'
        >>> format_number(2.25)
        '2.25'
    """
    if significant is not None and value != 0:
        magnitude = math.floor(math.log10(abs(value)))
        value = round(value, significant - 1 - magnitude)
    if float(value).is_integer():
        return f"{int(value):,}"
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return text


def round_figure(value: float, unit: str, to: str) -> str:
    """Convert a stated figure and show it only as precisely as the source stated it.

    The result keeps as many significant digits as the figure was written with,
    and two for a figure written with one, so ``995 mi`` shows as ``1,600 km``
    (never ``1601.2787``), ``1,000 mi`` as ``1,600 km`` (not ``1,610``) and
    ``300 km`` as ``190 mi`` (not ``186``, nor ``200``). A figure in its own
    unit is shown as written.
    """
    source, target = unit_name(unit), unit_name(to)
    if source == target:
        return format_number(value)
    converted = to_unit(value, source, target)
    return format_number(converted, significant=shown_digits(value))


def shown_digits(value: float) -> int:
    """How many significant digits a figure converted from ``value`` is shown with.

    Examples:
        >>> shown_digits(995), shown_digits(1600), shown_digits(1000), shown_digits(2.25)
        (3, 2, 2, 3)
    """
    return max(2, significant_digits(value))


def interval(value: float, unit: str) -> tuple[float, float]:
    """The values in metres that a stated figure covers, given the rounding it was stated with.

    A figure is taken to be rounded to its last significant digit: ``1,600`` covers
    1,550 to 1,650, ``995`` covers 994.5 to 995.5.

    Examples:
        >>> interval(1600, "km")
        (1550000.0, 1650000.0)
    """
    half = stated_step(value) / 2
    factor = to_unit(1.0, unit, "m")
    return ((value - half) * factor, (value + half) * factor)


def agrees(value: float, unit: str, other: float, other_unit: str) -> bool:
    """Whether two stated figures can be the same length, given their rounding.

    Examples:
        >>> agrees(995, "mi", 1600, "km")
        True
        >>> agrees(995, "mi", 1200, "km")
        False
    """
    low, high = interval(value, unit)
    other_low, other_high = interval(other, other_unit)
    return low <= other_high and other_low <= high
