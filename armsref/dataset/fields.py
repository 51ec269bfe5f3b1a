"""The checks a single field of a record must pass, shared by the records in
:mod:`armsref.dataset.models`: positive finite figures, length units, the shape
of a figure (a value, or low and high), and a claim's review status.

Examples:
    >>> check_status("rejected", "a distance between places, not a range")
    >>> check_status("rejected", " ")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: a rejected claim needs a 'reason' saying why ...
"""

from __future__ import annotations

import math
from typing import Any, Literal

from armsref.lengths import units

__all__ = [
    "CLAIM_ID",
    "STATUSES",
    "Status",
    "check_shape",
    "check_status",
    "length_unit",
    "positive_finite",
    "refuse_old_keys",
]

#: A claim's review status, as Wikidata ranks a statement: ``accepted`` (a
#: curator checked it against its quote), ``unreviewed`` (machine output no one
#: has checked yet) or ``rejected`` (checked and wrong; kept as a record, with a
#: reason).
Status = Literal["accepted", "unreviewed", "rejected"]
STATUSES: tuple[Status, ...] = ("accepted", "unreviewed", "rejected")
#: What a claim id looks like: short, lower case, such as ``atacms-3``.
CLAIM_ID = r"^[a-z0-9][a-z0-9_-]{0,63}$"


def positive_finite(value: float | None) -> float | None:
    """A figure must be a finite number above zero (or absent)."""
    if value is None:
        return None
    if not math.isfinite(value):
        raise ValueError(f"must be a finite number, got {value}")
    if value <= 0:
        raise ValueError(f"must be greater than 0, got {value:g}")
    return value


def length_unit(value: str) -> str:
    """A unit must be a length pint knows, as people write it."""
    units.unit_name(value)  # raises UnitError (a ValueError) with the reason
    return value


def check_shape(
    value: float | None, low: float | None, high: float | None, *, between: bool
) -> None:
    """A figure is a ``value``, or for ``between`` a ``low`` below a ``high``."""
    if between:
        if low is None or high is None or value is not None:
            raise ValueError("a 'between' figure needs 'low' and 'high' and no 'value'")
        if low >= high:
            raise ValueError(f"'low' must be below 'high', got low={low:g} high={high:g}")
    elif value is None or low is not None or high is not None:
        raise ValueError("needs 'value' (and no 'low'/'high' unless the qualifier is 'between')")


def check_status(status: str, reason: str | None) -> None:
    """A rejected claim says why; a claim that is not rejected has no reason."""
    if status == "rejected" and not (reason and reason.strip()):
        raise ValueError(
            "a rejected claim needs a 'reason' saying why "
            '(e.g. "a distance between places, not a range")'
        )
    if status != "rejected" and reason is not None:
        raise ValueError(f"only a rejected claim has a 'reason'; this one is {status}")


def refuse_old_keys(entry: Any) -> Any:
    """Refuse the retired ``reviewed`` key with a message saying what replaces it."""
    if isinstance(entry, dict) and "reviewed" in entry:
        old = entry["reviewed"]
        new = "accepted" if old is True else "unreviewed"
        raise ValueError(
            f"'reviewed' is no longer read; write 'status: {new}' instead "
            "(status is accepted, unreviewed or rejected; 'armsref migrate' does it for "
            "every claim)"
        )
    return entry
