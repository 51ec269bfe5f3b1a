"""Tables: both views, any unit, any tabulate format, filters, stable order."""

from __future__ import annotations

import pytest
from tabulate import tabulate_formats

import armsref
from armsref.errors import InputError, UnitError, UnknownSourceError, UnknownSystemError
from armsref.views.tables import NO_RANGE, rows


def test_summary_lists_every_system_with_its_reported_ranges() -> None:
    text = armsref.table()
    lines = text.splitlines()
    assert [line.split("|")[1].strip() for line in lines[2:]] == [
        "ATACMS",
        "ERAM",
        "Tomahawk",
        "JASSM",
        "Patriot",
    ]
    assert "above 1,500 km (trump-asked-can-you-hit-moscow)" in lines[4]
    assert "about 1,600 km (trump-putin-call-tomahawks)" in lines[4]
    assert "about 460 km" in lines[3]
    assert NO_RANGE in lines[5] and NO_RANGE in lines[6]


def test_summary_in_miles() -> None:
    text = armsref.table(unit="mi")
    assert "about 995 mi" in text and "above 930 mi" in text and "about 285 mi" in text


def test_claims_view_shows_the_figure_as_written_and_converted() -> None:
    data = rows("claims", "nmi")
    assert len(data) == 5
    tomahawk = next(r for r in data if r["figure"] == "about 995 miles")
    assert tomahawk["converted_figure"] == "about 865 nmi"
    assert (tomahawk["value"], tomahawk["unit"]) == (995, "miles")
    assert tomahawk["converted_value"] == pytest.approx(864.6313607)
    assert tomahawk["converted_unit"] == "nmi"
    assert tomahawk["quote"] == "The Tomahawk, with a range of about 995 miles (1,600 kilometers)"
    text = armsref.table("claims", "nmi", "simple")
    assert "about 995 miles" in text and "about 865 nmi" in text


@pytest.mark.parametrize("fmt", tabulate_formats)
def test_every_tabulate_format_renders(fmt: str) -> None:
    text = armsref.table(fmt=fmt)
    assert "Tomahawk" in text


def test_filters_by_any_system_name_and_by_source() -> None:
    data = rows("claims", systems=["BGM-109", "ERAMs"])
    assert {r["system"] for r in data} == {"tomahawk", "eram"}
    data = rows("claims", sources=["trump-asked-can-you-hit-moscow"])
    assert [r["system"] for r in data] == ["atacms", "tomahawk"]
    summary = rows("summary", systems=["tomahawk"], sources=["trump-putin-call-tomahawks"])
    assert [r["converted_figure"] for r in summary[0]["ranges"]] == ["about 1,600 km"]  # type: ignore[index]


def test_ordering_is_stable() -> None:
    assert armsref.table("claims") == armsref.table("claims")
    assert [r["system"] for r in rows("summary")] == [
        "atacms",
        "eram",
        "tomahawk",
        "jassm",
        "patriot",
    ]


def test_bad_arguments_are_named() -> None:
    with pytest.raises(InputError, match="unknown table format 'fancy'"):
        armsref.table(fmt="fancy")
    with pytest.raises(InputError, match="unknown view 'wide'"):
        armsref.table(view="wide")
    with pytest.raises(UnitError, match="unknown unit 'leagues'"):
        armsref.table(unit="leagues")
    with pytest.raises(UnknownSystemError, match="'scud'"):
        armsref.table(systems=["scud"])
    with pytest.raises(UnknownSourceError, match="'nyt'"):
        armsref.table(sources=["nyt"])


def test_claim_rows_have_stable_keys() -> None:
    (row,) = rows("claims", "mi", systems=["eram"])
    assert list(row) == [
        "id",
        "system",
        "source",
        "file",
        "figure",
        "value",
        "unit",
        "converted_figure",
        "converted_value",
        "converted_unit",
        "qualifier",
        "approximate",
        "variant",
        "condition",
        "also",
        "status",
        "reason",
        "quote",
        "outlet",
        "title",
        "published",
        "url",
        "retrieved",
        "archive_url",
        "cite",
    ]
    assert row["id"] == "eram-1" and row["status"] == "accepted" and row["reason"] is None
    assert row["also"] == {"value": 460, "unit": "kilometers"}
    assert row["outlet"] == "Technical News" and str(row["url"]).startswith("https://")
    assert row["file"] == "seeds/004_0e120a5187f68c70.txt" and row["variant"] is None
