"""The figure grammar under extract: numbers, units, hedges, spans, second units, refusals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from armsref.extraction import cues
from armsref.lengths import figures
from armsref.lengths.figures import find
from armsref.lengths.numberwords import spelled_number


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("one", 1),
        ("twelve", 12),
        ("twenty-five", 25),
        ("ninety nine", 99),
        ("three hundred", 300),
        ("three hundred and fifty", 350),
        ("fifteen hundred", 1500),
        ("a hundred", 100),
        ("a thousand", 1000),
        ("two thousand five hundred", 2500),
        ("Two Thousand", 2000),
    ],
)
def test_spelled_numbers(words: str, value: int) -> None:
    assert spelled_number(words) == value


@pytest.mark.parametrize(
    "words", ["", "a", "hundred", "one two", "twenty twelve", "three hundred hundred", "lots"]
)
def test_malformed_spelled_numbers(words: str) -> None:
    assert spelled_number(words) is None


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("about 300 km", "about"),
        ("around 300 km", "about"),
        ("approximately 300 km", "about"),
        ("~300 km", "about"),
        ("some 300 km", "about"),
        ("above 300 km", "above"),
        ("more than 300 km", "above"),
        ("over 300 km", "above"),
        ("in excess of 300 km", "above"),
        ("at least 300 km", "at_least"),
        ("no less than 300 km", "at_least"),
        ("up to 300 km", "up_to"),
        ("as far as 300 km", "up_to"),
        ("below 300 km", "below"),
        ("less than 300 km", "below"),
        ("nearly 300 km", "about"),
        ("between 70 and 300 km", "between"),
        ("from 70 to 300 km", "between"),
        ("70 to 300 km", "between"),
        ("about 70-300 km", "between"),
        ("300 km", "exact"),
        ("moreover 300 km", "exact"),
        ("exceeds 300 km", "above"),
        ("300 km or more", "at_least"),
        ("300 km or so", "about"),
        ("300 km or less", "up_to"),
    ],
)
def test_hedges(text: str, qualifier: str) -> None:
    (figure,) = find(text)
    assert figure.qualifier == qualifier
    assert figure.end == len(text)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("300 km", "km"),
        ("300km", "km"),
        ("300-km", "km"),
        ("300 kms", "kms"),
        ("300 kilometers", "kilometers"),
        ("300-kilometre", "kilometre"),
        ("300 mi", "mi"),
        ("300 miles", "miles"),
        ("300 statute miles", "statute miles"),
        ("300 nmi", "nmi"),
        ("300 NM", "NM"),
        ("300 nautical miles", "nautical miles"),
        ("300 nautical-mile", "nautical-mile"),
    ],
)
def test_units_as_written(text: str, unit: str) -> None:
    (figure,) = find(text)
    assert (figure.amount.value, figure.amount.unit) == (300, unit)


@pytest.mark.parametrize(
    "text",
    [
        "-300 km",
        "−300 km",
        "10^12 km",
        "1e12 km",
        "0 km",
        "0.0 km",
        "1,6 km",
        "1 600 km",
        "300 km/h",
        "300 km per hour",
        "300 miles an hour",
        "300 km²",
        "300 km2",
        "300 nm",
        "300 m",
        "300 kg",
        "300 and 500 km",
        "160-70 km",
        "several hundred kilometers",
        "a few thousand miles",
    ],
)
def test_not_read(text: str) -> None:
    assert find(text) == []


@pytest.mark.parametrize(
    ("text", "also"),
    [
        ("995 miles (1,600 kilometers)", (1600, "kilometers")),
        ("995 miles ( about 1,600 km )", (1600, "km")),
        ("285 miles, or 460 kilometers", (460, "kilometers")),
        ("300 km / 186 mi", (186, "mi")),
        ("300 km (or 186 miles)", (186, "miles")),
    ],
)
def test_second_units(text: str, also: tuple[float, str]) -> None:
    (figure,) = find(text)
    assert figure.also is not None
    assert (figure.also.value, figure.also.unit) == also
    assert figure.end == len(text)


def test_a_second_figure_in_the_same_unit_is_a_figure_of_its_own() -> None:
    assert [f.amount.value for f in find("300 km (400 km)")] == [300, 400]
    assert find("300 km (186 miles")[0].also is None


def test_find_reads_only_its_window_but_sees_around_it() -> None:
    text = "x" * 50 + " 1,500 km and 300 km"
    assert [f.amount.value for f in find(text, 53)] == [300]  # not "500 km" out of "1,500"
    assert [f.amount.value for f in find(text, 0, 52)] == [1500]  # runs past the end


@given(st.text(max_size=200))
def test_any_text_is_read_without_error(text: str) -> None:
    for figure in find(text):
        assert all(n > 0 for n in figure.amount.numbers)
        assert 0 <= figure.start < figure.end <= len(text)
        cues.range_cue(text, figure.start, figure.end)


@given(st.integers(1, 40_000), st.sampled_from(["km", "miles", "nautical miles"]))
def test_every_grouped_number_reads_back(value: int, unit: str) -> None:
    (figure,) = find(f"a range of {value:,} {unit}")
    assert figure.amount == figures.Amount(float(value), None, None, unit)
