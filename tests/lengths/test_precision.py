"""Figures are shown only as precisely as the source stated them (hypothesis)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from armsref.lengths import precision, units

UNITS = ("km", "mi", "nmi", "m", "ft", "yd")


def _stated() -> st.SearchStrategy[float]:
    """Figures as sources write them: one to four significant digits, any magnitude."""
    return st.builds(
        lambda digits, exponent: float(Decimal(digits).scaleb(exponent)),
        st.integers(min_value=1, max_value=9999),
        st.integers(min_value=-1, max_value=4),
    )


def _number(shown: str) -> float:
    return float(shown.replace(",", ""))


@given(_stated(), st.sampled_from(UNITS), st.sampled_from(UNITS))
def test_converting_there_and_back_never_claims_more_precision(
    value: float, unit: str, to: str
) -> None:
    allowed = max(2, precision.significant_digits(value))
    there = _number(precision.round_figure(value, unit, to))
    assert precision.significant_digits(there) <= allowed
    back = _number(precision.round_figure(there, to, unit))
    assert precision.significant_digits(back) <= allowed


@given(_stated(), st.sampled_from(UNITS), st.sampled_from(UNITS))
def test_the_shown_figure_is_the_converted_one_rounded(value: float, unit: str, to: str) -> None:
    exact = units.to_unit(value, unit, to)
    shown = _number(precision.round_figure(value, unit, to))
    if units.unit_name(unit) == units.unit_name(to):
        assert shown == value
    else:
        # Rounded to the digits shown: off by at most half of the last one.
        digits = precision.shown_digits(value)
        assert abs(shown - exact) <= 0.5 * 10 ** (len(f"{exact:.0f}") - digits) + 1e-9 * exact


def test_the_readme_examples() -> None:
    assert precision.round_figure(1000, "mi", "km") == "1,600"
    assert precision.round_figure(995, "mi", "km") == "1,600"
    assert precision.round_figure(300, "km", "mi") == "190"
