"""Disagreements a reader can follow: both figures as written, their sources,
their quotes, and why they cannot both be true, in words.

The rule is :mod:`armsref.lengths.compare`'s: each claim allows an interval of
true ranges (its figure's rounding, widened for "about", open above for
"above", below for "up to"); two claims disagree when the intervals do not
meet. :func:`reason` says so with the intervals in the first claim's unit.

Examples:
    >>> from armsref.dataset.models import RangeClaim
    >>> def claim(qualifier, value):
    ...     return RangeClaim(system="x", source="s", qualifier=qualifier, value=value,
    ...                       unit="km", quote="q")
    >>> print(reason(claim("up_to", 1000), claim("above", 1500)))  # doctest: +NORMALIZE_WHITESPACE
    'up to 1,000 km' allows at most 1,000 km; 'above 1,500 km' allows more than 1,500 km:
    no range is both
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from armsref.lengths import precision, units

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset, RangeClaim, System

__all__ = ["allowed_text", "disagreement_rows", "reason", "render", "system_rows"]


def allowed_text(claim: RangeClaim, unit: str) -> str:
    """The true ranges a claim allows, in words, in ``unit``."""
    from armsref.lengths.compare import allowed

    low, high = allowed(claim)
    symbol = units.unit_symbol(unit)

    def shown(metres: float) -> str:
        return precision.format_number(units.to_unit(metres, "m", unit), significant=3)

    if math.isinf(high):
        word = "more than" if claim.qualifier == "above" else "at least"
        return f"{word} {shown(low)} {symbol}"
    if low == 0:
        word = "less than" if claim.qualifier == "below" else "at most"
        return f"{word} {shown(high)} {symbol}"
    return f"{shown(low)}–{shown(high)} {symbol}"


def reason(first: RangeClaim, second: RangeClaim) -> str:
    """Why two claims cannot both be true, in words."""
    unit = first.unit
    return (
        f"{first.figure!r} allows {allowed_text(first, unit)}; "
        f"{second.figure!r} allows {allowed_text(second, unit)}: no range is both"
    )


def _side(claim: RangeClaim) -> dict[str, object]:
    from armsref.views.citations import cite

    return {
        "id": claim.id,
        "figure": claim.figure,
        "status": claim.status,
        "reason": claim.reason,
        "variant": claim.variant,
        "source": claim.source,
        "cite": cite(claim.source_record),
        "quote": claim.quote,
    }


def disagreement_rows(
    dataset: Dataset, systems: Sequence[str] | None = None, include: str = "default"
) -> list[dict[str, object]]:
    """Every pair of shown claims on one system that cannot both be true, in dataset order.

    Keys: ``system`` (id), ``first`` and ``second`` (each ``id``, ``figure`` as
    written, ``status``, ``reason`` (why rejected, or null), ``variant``,
    ``source``, ``cite``, ``quote``) and ``why`` (why the two cannot both
    be true, in words).

    Raises:
        UnknownSystemError: a system filter names no system.
    """
    from armsref.dataset.lookup import index

    chosen = list(dataset.systems)
    if systems:
        wanted = {index(dataset).get(name).id for name in systems}
        chosen = [system for system in chosen if system.id in wanted]
    return [row for system in chosen for row in system_rows(system, include)]


def system_rows(system: System, include: str = "default") -> list[dict[str, object]]:
    """The disagreements among one system's shown claims; see :func:`disagreement_rows`."""
    from armsref.lengths.compare import disagreements
    from armsref.views.selection import visible

    return [
        {
            "system": system.id,
            "first": _side(pair.first),
            "second": _side(pair.second),
            "why": reason(pair.first, pair.second),
        }
        for pair in disagreements(visible(system.claims, include))
    ]


def render(rows: Sequence[dict[str, object]], indent: str = "") -> str:
    """Disagreement rows as text: each pair, its sources and quotes, and the reason."""
    from armsref.views.selection import mark_of

    lines = []
    for row in rows:
        sides = []
        for key in ("first", "second"):
            side = row[key]
            assert isinstance(side, dict)
            sides.append(side)
            variant = f" (variant {side['variant']})" if side["variant"] else ""
            lines.append(
                f"{indent}{'vs ' if key == 'second' else ''}{side['id']}: {side['figure']}"
                f"{variant}{mark_of(str(side['status']), side['reason'])}"
            )
            lines.append(f"{indent}    “{side['quote']}”")
            lines.append(f"{indent}    cite as: {side['cite']}")
        lines.append(f"{indent}  why: {row['why']}")
    return "\n".join(lines)
