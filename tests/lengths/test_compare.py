"""Comparing sources: the span of reported figures, and claims that cannot both hold."""

from __future__ import annotations

from typing import Any

import pytest

import armsref
from armsref.dataset.models import RangeClaim
from armsref.lengths.compare import can_both_hold, disagreements, range_span


def claim(qualifier: str, value: float | None = None, unit: str = "km", **extra: Any) -> RangeClaim:
    return RangeClaim(
        system=extra.pop("system", "x"),
        source=extra.pop("source", "s"),
        qualifier=qualifier,
        value=value,
        unit=unit,
        quote="q",
        **extra,
    )  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("first", "second", "both"),
    [
        (claim("above", 1500), claim("about", 1600), True),
        (claim("about", 300), claim("about", 460), False),
        (claim("about", 186, "mi"), claim("exact", 300), True),
        (claim("exact", 300), claim("exact", 310), True),  # "300" is rounded to the hundred
        (claim("exact", 300), claim("exact", 360), False),
        (claim("up_to", 1000), claim("above", 1500), False),
        (claim("up_to", 1000), claim("about", 1000), True),
        (claim("below", 1000), claim("above", 1000), False),
        (claim("at_least", 500, "nmi"), claim("about", 926), True),
        (claim("between", low=70, high=160), claim("about", 150), True),
        (claim("between", low=70, high=160), claim("above", 300), False),
    ],
)
def test_can_both_hold(first: RangeClaim, second: RangeClaim, both: bool) -> None:
    assert can_both_hold(first, second) is both
    assert can_both_hold(second, first) is both


def test_disagreements_only_pair_claims_on_one_system() -> None:
    claims = [
        claim("about", 300, system="a", source="s1"),
        claim("about", 460, system="a", source="s2"),
        claim("about", 900, system="b", source="s3"),
    ]
    (found,) = disagreements(claims)
    assert (found.first.source, found.second.source) == ("s1", "s2")
    assert str(found) == "s1 says about 300 km; s2 says about 460 km"


def test_shipped_sources_do_not_disagree() -> None:
    assert all(system.disagreements() == [] for system in armsref.systems())


def test_range_span_honours_qualifiers() -> None:
    tomahawk = armsref.get("tomahawk").range_span("km")
    assert tomahawk is not None
    assert (tomahawk.low, tomahawk.low_text, tomahawk.high_text) == (1500, "1,500", "1,600")
    assert tomahawk.high == pytest.approx(1601.29728)
    assert not tomahawk.open_above
    assert str(range_span([claim("above", 1500)], "km")) == "above 1,500 km"
    assert str(range_span([claim("up_to", 1000)], "km")) == "up to 1,000 km"
    assert (
        str(range_span([claim("about", 900), claim("above", 1500)], "km")) == "900–1,500 km or more"
    )
    assert str(range_span([claim("between", low=70, high=160)], "km")) == "70–160 km"
    assert armsref.get("jassm").range_span() is None


def test_range_span_uses_the_sources_own_second_unit() -> None:
    eram = armsref.get("eram").range_span("km")
    assert eram is not None and str(eram) == "460 km"
