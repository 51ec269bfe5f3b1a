"""The hedge on a figure: its qualifier, and how a figure reads with it.

A qualifier says what the figure bounds: the true range is the figure
(``exact``), near it (``about``), past it (``above``, ``at_least``), short of
it (``up_to``, ``below``) or between two figures (``between``).

Examples:
    >>> describe("about", 995.0, None, None, "miles")
    'about 995 miles'
    >>> describe("between", None, 70.0, 160.0, "km")
    'between 70 and 160 km'
"""

from __future__ import annotations

from typing import Literal

__all__ = ["HEDGES", "Qualifier", "describe"]

Qualifier = Literal["exact", "about", "above", "at_least", "up_to", "below", "between"]

#: How each qualifier reads in front of a figure ("about 995 mi").
HEDGES: dict[str, str] = {
    "exact": "",
    "about": "about",
    "above": "above",
    "at_least": "at least",
    "up_to": "up to",
    "below": "below",
    "between": "between",
}


def describe(
    qualifier: str, value: float | None, low: float | None, high: float | None, unit: str
) -> str:
    """Write a figure with its hedge: ``describe("about", 995, None, None, "miles")``."""
    from armsref.lengths import precision

    if value is not None:
        body = f"{precision.format_number(value)} {unit}"
    else:
        body = (
            f"{precision.format_number(low or 0)} and {precision.format_number(high or 0)} {unit}"
        )
    hedge = HEDGES.get(qualifier, qualifier)
    return f"{hedge} {body}" if hedge else body
