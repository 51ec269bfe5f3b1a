"""Records to flat rows: one place, used by every export format and by :func:`armsref.frame`.

:func:`flat_rows` turns a dataset into the rows of the four tables
:mod:`armsref.views.columns` describes; each row is a mapping with exactly its
table's columns, in order, holding ``str``, ``int``, ``float``, ``bool`` or
``None`` (nothing nested: a list of names is one ``;``-separated string).
Claims of every status are exported by default, each with its ``status``
(``include="accepted"`` or ``"default"`` chooses as ``armsref table`` does).

Examples:
    >>> import armsref
    >>> (claim,) = flat_rows("claims", armsref.load(), unit="km", systems=["eram"])
    >>> claim["value"], claim["unit"], claim["converted_value"], claim["converted_unit"]
    (285.0, 'miles', 458.66304, 'km')
    >>> claim["also_value"], claim["also_unit"], claim["status"]
    (460.0, 'kilometers', 'accepted')
    >>> [row["id"] for row in flat_rows("variants", armsref.load(), systems=["patriot"])]
    ['pac-2', 'pac-2-gem-t', 'pac-3', 'pac-3-mse']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from armsref.views.columns import describe

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset, RangeClaim, Source, System

__all__ = ["Cell", "Row", "all_rows", "flat_rows"]

Cell = str | int | float | bool | None
Row = dict[str, Cell]


def _joined(names: Sequence[str]) -> str:
    return "; ".join(names)


def _system(system: System) -> Row:
    return {
        "id": system.id,
        "name": system.name,
        "short": system.short,
        "kind": system.kind,
        "origin": system.origin,
        "designations": _joined(system.designations),
        "aliases": _joined(system.aliases),
    }


def _variants(system: System) -> list[Row]:
    return [
        {
            "system": system.id,
            "id": variant.id,
            "name": variant.name,
            "designations": _joined(variant.designations),
            "aliases": _joined(variant.aliases),
        }
        for variant in system.variants
    ]


def _source(source: Source) -> Row:
    from armsref.views.citations import source_fields

    fields = source_fields(source)
    return {
        "id": source.id,
        "file": source.file,
        "outlet": source.outlet,
        "title": source.title,
        "published": fields["published"],  # type: ignore[dict-item]
        "url": source.url,
        "retrieved": fields["retrieved"],  # type: ignore[dict-item]
        "archive_url": source.archive_url,
        "sha256": source.sha256,
        "cite": fields["cite"],  # type: ignore[dict-item]
    }


def _claim(claim: RangeClaim, unit: str) -> Row:
    from armsref.lengths.units import unit_symbol

    exact = [value for value, _ in claim.figures_in(unit)]
    converted = (exact[0], None, None) if claim.value is not None else (None, *exact)
    also = claim.also
    source = claim.source_record
    return {
        "id": claim.id,
        "system": claim.system,
        "variant": claim.variant,
        "source": claim.source,
        "status": claim.status,
        "reason": claim.reason,
        "qualifier": claim.qualifier,
        "approximate": claim.approximate,
        "condition": claim.condition,
        "figure": claim.figure,
        "value": claim.value,
        "low": claim.low,
        "high": claim.high,
        "unit": claim.unit,
        "converted_figure": claim.shown_in(unit),
        "converted_value": converted[0],
        "converted_low": converted[1],
        "converted_high": converted[2],
        "converted_unit": unit_symbol(unit),
        "also_value": also.value if also else None,
        "also_low": also.low if also else None,
        "also_high": also.high if also else None,
        "also_unit": also.unit if also else None,
        "quote": claim.quote,
        "file": source.file,
        "outlet": source.outlet,
        "title": source.title,
        "published": source.published.isoformat() if source.published else None,
        "url": source.url,
    }


def flat_rows(
    table: str,
    dataset: Dataset,
    *,
    unit: str = "km",
    include: str = "all",
    systems: Sequence[str] | None = None,
) -> list[Row]:
    """The rows of one table, in dataset order.

    Args:
        table: ``systems``, ``variants``, ``sources`` or ``claims``.
        dataset: the dataset to read.
        unit: the unit of the claims' ``converted_*`` columns.
        include: which claims by status: ``"all"`` (default), ``"default"``
            (accepted and unreviewed) or ``"accepted"``.
        systems: keep only these systems (any of their names) and their
            variants and claims; sources are always all of them.

    Raises:
        InputError: an unknown table or choice of claims.
        UnitError: an unknown unit.
        UnknownSystemError: a system filter names no system.
    """
    from armsref.views.selection import check_include, visible

    spec = describe(table)
    check_include(include)
    chosen = list(dataset.systems)
    if systems is not None:
        from armsref.dataset.lookup import index
        from armsref.errors import as_items

        lookup = index(dataset)
        wanted = {lookup.get(name).id for name in as_items(systems, "systems", str, "a name")}
        chosen = [system for system in chosen if system.id in wanted]
    if spec.name == "systems":
        rows = [_system(system) for system in chosen]
    elif spec.name == "variants":
        rows = [row for system in chosen for row in _variants(system)]
    elif spec.name == "sources":
        rows = [_source(source) for source in dataset.sources]
    else:
        from armsref.lengths.units import unit_symbol

        unit_symbol(unit)  # an unknown unit is refused even with no claim to convert
        claims = [claim for system in chosen for claim in visible(system.claims, include)]
        rows = [_claim(claim, unit) for claim in claims]
    assert all(list(row) == spec.names for row in rows)
    return rows


def all_rows(dataset: Dataset, *, unit: str = "km", include: str = "all") -> dict[str, list[Row]]:
    """Every table's rows, by table name, in the order a loader needs them (keys first)."""
    from armsref.views.columns import TABLES

    return {name: flat_rows(name, dataset, unit=unit, include=include) for name in TABLES}
