"""Units: parsing what people write, converting, refusing what misleads, rounding for display."""

from __future__ import annotations

import math

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

import armsref
from armsref.errors import UnitError
from armsref.lengths import precision, units


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("995 mi", 995, "mile"),
        ("1,600 kilometers", 1600, "kilometer"),
        ("300-kilometer", 300, "kilometer"),
        ("460 km", 460, "kilometer"),
        ("500 nautical miles", 500, "nautical_mile"),
        ("1.5e3 km", 1500, "kilometer"),
        ("10 NM", 10, "nautical_mile"),
        ("3 statute miles", 3, "mile"),
        ("2 Kilometres", 2, "kilometer"),
        ("12 metres", 12, "meter"),
        ("100 ft", 100, "foot"),
        ("7 nmi", 7, "nautical_mile"),
        ("1,234,567.5 m", 1234567.5, "meter"),
        ("300\u00a0km", 300, "kilometer"),
    ],
)
def test_parse_quantity(text: str, value: float, unit: str) -> None:
    quantity = armsref.parse_quantity(text)
    assert quantity.magnitude == value and str(quantity.units) == unit


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1,6 km", "ambiguous: a comma separates thousands"),
        ("1 600 km", "ambiguous: a space does not separate thousands"),
        ("5 nm", "write 'nmi'"),
        ("5 kg", "a mass, not a length"),
        ("5 hours", "a time, not a length"),
        ("-300 km", "negative"),
        ("nan km", "not a number"),
        ("inf km", "infinite"),
        ("km", "no number"),
        ("300", "has no unit"),
        ("300 parsecs", "unknown unit 'parsecs'"),
        ("", "no number"),
    ],
)
def test_bad_quantities_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(UnitError, match=message):
        armsref.parse_quantity(text)


def test_convert_text_and_quantities() -> None:
    assert armsref.convert("995 mi", "km").magnitude == pytest.approx(1601.29728)
    assert armsref.convert("1,600 km", "nmi").magnitude == pytest.approx(863.930885)
    assert armsref.convert("500 nautical miles", "kilometres").magnitude == pytest.approx(926)
    ours = armsref.parse_quantity("300 km")
    assert armsref.convert(ours, "mi").magnitude == pytest.approx(186.411358)


def test_convert_accepts_a_users_own_pint_registry() -> None:
    theirs = pint.UnitRegistry()
    assert armsref.convert(theirs.Quantity(1, "mile"), "km").magnitude == pytest.approx(1.609344)
    with pytest.raises(UnitError, match="not a length"):
        armsref.convert(theirs.Quantity(3, "kilogram"), "km")


def test_convert_refuses_non_lengths_and_bad_targets() -> None:
    with pytest.raises(UnitError, match="unknown unit 'furlongs'"):
        armsref.convert("3 km", "furlongs")
    with pytest.raises(UnitError, match="expected a pint Quantity or text"):
        armsref.convert(42, "km")


def test_one_registry_built_once() -> None:
    assert units.registry() is units.registry()
    claim = armsref.get("eram").claims[0]
    assert claim.quantity._REGISTRY is units.registry()


def test_claim_quantity_and_to() -> None:
    claim = armsref.get("tomahawk").claims[1]
    assert claim.quantity.magnitude == 995 and str(claim.quantity.units) == "mile"
    assert claim.to("km").magnitude == pytest.approx(1601.29728)  # exact stays available


@pytest.mark.parametrize(
    ("value", "unit", "to", "shown"),
    [
        (995, "mi", "km", "1,600"),
        (300, "km", "mi", "190"),  # one significant digit is shown with two, not three
        (1000, "mi", "km", "1,600"),  # not 1,610
        (1500, "kilometers", "mi", "930"),
        (285, "miles", "km", "459"),
        (300, "km", "km", "300"),
        (186, "mi", "nmi", "162"),
    ],
)
def test_display_rounding_follows_the_source_precision(
    value: float, unit: str, to: str, shown: str
) -> None:
    assert precision.round_figure(value, unit, to) == shown


def test_second_unit_agreement_honours_rounding() -> None:
    assert precision.agrees(995, "mi", 1600, "km")
    assert precision.agrees(285, "mi", 460, "km")
    assert precision.agrees(186, "mi", 300, "km")
    assert not precision.agrees(995, "mi", 1200, "km")


lengths = st.floats(min_value=1e-3, max_value=1e7, allow_nan=False, allow_infinity=False)
unit_names = st.sampled_from(["km", "mi", "nmi", "m", "ft", "yd"])


@given(lengths, unit_names, unit_names)
def test_conversion_round_trips(value: float, unit: str, other: str) -> None:
    there = armsref.convert(units.registry().Quantity(value, units.unit_name(unit)), other)
    back = armsref.convert(there, unit)
    assert math.isclose(back.magnitude, value, rel_tol=1e-9)


@given(st.integers(min_value=1, max_value=10**9), unit_names)
def test_formatted_numbers_parse_back(number: int, unit: str) -> None:
    assert armsref.parse_quantity(f"{number:,} {unit}").magnitude == number


@given(lengths, unit_names, unit_names)
def test_a_figure_always_agrees_with_its_own_rounded_conversion(
    value: float, unit: str, other: str
) -> None:
    value = float(round(value))
    if value == 0:
        return
    shown = float(precision.round_figure(value, unit, other).replace(",", ""))
    if shown > 0:
        assert precision.agrees(value, unit, shown, other)


@pytest.mark.parametrize("unit", sorted(set(units.UNIT_SPELLINGS.values())))
def test_plain_number_conversions_match_pint(unit: str) -> None:
    for other in set(units.UNIT_SPELLINGS.values()):
        expected = units.registry().Quantity(1234.5, unit).to(other).magnitude
        assert math.isclose(units.to_unit(1234.5, unit, other), expected, rel_tol=1e-12)
