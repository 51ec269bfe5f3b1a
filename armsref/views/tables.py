"""Tables of systems and the ranges sources report, in any unit and tabulate format.

Two views:

- **summary**: one row per system, with every reported range in the chosen
  unit (each with its hedge and its source) and the number of sources;
- **claims**: one row per claim, with the figure as written, the figure in the
  chosen unit, the qualifier and the whole quote.

:func:`rows` gives the same data as plain mappings (the keys are stable; the
command line's ``--json`` prints them), :func:`table` renders it in ``csv`` or
any tabulate format, nothing cut (:mod:`armsref.views.formats`).

Examples:
    >>> print(table(view="summary", unit="km", systems=["eram"], fmt="simple"))
    System    Kind                         Reported ranges                              Sources
    --------  ---------------------------  -----------------------------------------  ---------
    ERAM      air-launched cruise missile  about 460 km (trump-putin-call-tomahawks)          1
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from armsref.errors import InputError
from armsref.lengths import units

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset, RangeClaim

__all__ = ["NO_RANGE", "VIEWS", "claim_row", "rows", "table"]

View = Literal["summary", "claims"]
VIEWS: tuple[View, ...] = ("summary", "claims")
#: What a system with no reported range shows instead of a figure.
NO_RANGE = "no range reported by any source"

_HEADERS: dict[View, dict[str, str]] = {
    "summary": {
        "system": "System",
        "kind": "Kind",
        "ranges": "Reported ranges",
        "sources": "Sources",
    },
    "claims": {
        "id": "Id",
        "system": "System",
        "source": "Source",
        "figure": "As written",
        "converted_figure": "In {unit}",
        "qualifier": "Qualifier",
        "status": "Status",
        "quote": "Quote",
    },
}


def _also(claim: RangeClaim) -> dict[str, object] | None:
    also = claim.also
    if also is None:
        return None
    numbers = (
        {"value": also.value} if also.value is not None else {"low": also.low, "high": also.high}
    )
    return {**numbers, "unit": also.unit}


def _converted(claim: RangeClaim, unit: str) -> dict[str, object]:
    """``converted_value``, or ``converted_low`` and ``converted_high``: exact, in ``unit``."""
    exact = [value for value, _ in claim.figures_in(unit)]
    if claim.value is not None:
        return {"converted_value": exact[0]}
    return {"converted_low": exact[0], "converted_high": exact[1]}


def claim_row(claim: RangeClaim, unit: str) -> dict[str, object]:
    """One claim as a mapping with stable keys, its figures in ``unit``.

    Keys (the README's "JSON vocabulary"): ``id``, ``system``, ``source``,
    ``file`` (the source document), ``figure`` (the figure with its hedge, as
    the source states it), ``value`` (as stated; a 'between' claim gives ``low``
    and ``high`` instead) and ``unit`` (as written), ``converted_figure`` (the
    figure in ``unit``, rounded as stated), ``converted_value`` (exact, in
    ``unit``; or ``converted_low`` and ``converted_high``), ``converted_unit``
    (the symbol of ``unit``), ``qualifier``, ``approximate``, ``variant``,
    ``condition``, ``also`` (the
    figure in a second unit as the source gives it: ``value`` or
    ``low``/``high``, and ``unit``; or null), ``status`` (accepted, unreviewed
    or rejected), ``reason`` (why rejected, or null), ``quote``, and the
    source's ``outlet``, ``title``, ``published`` (ISO date), ``url``,
    ``retrieved``, ``archive_url`` (each null where not known) and ``cite`` (a
    "cite as" line).
    """
    from armsref.views.citations import source_fields

    row: dict[str, object] = {
        "id": claim.id,
        "system": claim.system,
        "source": claim.source,
        "file": claim.source_record.file,
        "figure": claim.figure,
    }
    if claim.value is not None:
        row["value"] = claim.value
    else:
        row["low"], row["high"] = claim.low, claim.high
    row.update(unit=claim.unit, converted_figure=claim.shown_in(unit))
    row.update(_converted(claim, unit))
    row.update(
        converted_unit=units.unit_symbol(unit),
        qualifier=claim.qualifier,
        approximate=claim.approximate,
        variant=claim.variant,
        condition=claim.condition,
        also=_also(claim),
        status=claim.status,
        reason=claim.reason,
        quote=claim.quote,
    )
    row.update(source_fields(claim.source_record))
    return row


def rows(
    view: str = "summary",
    unit: str = "km",
    *,
    systems: Sequence[str] | None = None,
    sources: Sequence[str] | None = None,
    dataset: Dataset | None = None,
    include: str = "default",
) -> list[dict[str, object]]:
    """The table's rows as mappings with stable keys, in dataset order.

    Args:
        view: ``"summary"`` or ``"claims"``.
        unit: the unit figures are converted to, as people write it.
        systems: keep only these systems (any of their names).
        sources: keep only claims from these source ids.
        dataset: the dataset to use (default: :func:`armsref.load`).
        include: which claims by status: ``"default"`` (accepted and
            unreviewed), ``"accepted"`` or ``"all"`` (see
            :mod:`armsref.views.selection`).

    Keys of a summary row: ``system`` (id), ``name``, ``short``, ``kind``,
    ``ranges`` (a list of ``{"id", "converted_figure", "source", "qualifier",
    "status", "reason", "converted_value"}`` in the chosen unit, a 'between'
    claim with ``converted_low`` and ``converted_high``), ``source_count`` (how
    many sources), ``converted_unit``. A claims row is :func:`claim_row`.

    Raises:
        InputError: an unknown view.
        UnitError: an unknown unit.
        UnknownSystemError: a system filter names no system.
        UnknownSourceError: a source filter names no source.
    """
    from armsref.dataset.loading import load
    from armsref.views.selection import choose, claims_shown

    if view not in VIEWS:
        raise InputError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    symbol = units.unit_symbol(unit)
    dataset = dataset or load()
    chosen, source_ids = choose(dataset, systems, sources)
    result: list[dict[str, object]] = []
    for system in chosen:
        claims = claims_shown(system, source_ids, include)
        if view == "summary":
            ranges = [
                {
                    "id": c.id,
                    "converted_figure": c.shown_in(unit),
                    "source": c.source,
                    "qualifier": c.qualifier,
                    "status": c.status,
                    "reason": c.reason,
                    **_converted(c, unit),
                }
                for c in claims
            ]
            result.append(
                {
                    "system": system.id,
                    "name": system.name,
                    "short": system.short,
                    "kind": system.kind,
                    "ranges": ranges,
                    "source_count": len({c.source for c in claims}),
                    "converted_unit": symbol,
                }
            )
            continue
        result.extend(claim_row(claim, unit) for claim in claims)
    return result


def table(
    view: str = "summary",
    unit: str = "km",
    fmt: str = "github",
    *,
    systems: Sequence[str] | None = None,
    sources: Sequence[str] | None = None,
    dataset: Dataset | None = None,
    include: str = "default",
    width: int | None = None,
) -> str:
    """Render a view as a table in ``csv`` or any of ``tabulate.tabulate_formats``.

    A system with no reported range says so in words (:data:`NO_RANGE`), never 0
    or an empty cell. A claim no curator has accepted is marked as such. Quotes
    are whole, never cut; with a ``width``, a text format's long column is
    wrapped to fit it (see :mod:`armsref.views.formats`).

    Raises:
        InputError: an unknown view or format.
        UnitError: an unknown unit.
        UnknownSystemError: a system filter names no system.
    """
    from armsref.views.formats import check_format, render
    from armsref.views.selection import mark_of

    check_format(fmt)

    data = rows(view, unit, systems=systems, sources=sources, dataset=dataset, include=include)
    chosen: View = "claims" if view == "claims" else "summary"
    headers = [label.format(unit=units.unit_symbol(unit)) for label in _HEADERS[chosen].values()]
    body: list[list[object]] = []
    for row in data:
        if view == "summary":
            ranges = row["ranges"]
            assert isinstance(ranges, list)
            cell = (
                "; ".join(
                    f"{r['converted_figure']} ({r['source']}){mark_of(r['status'], r['reason'])}"
                    for r in ranges
                )
                or NO_RANGE
            )
            body.append([row["short"], row["kind"], cell, row["source_count"]])
        else:
            body.append(
                [
                    row["id"],
                    row["system"],
                    row["source"],
                    row["figure"],
                    row["converted_figure"],
                    str(row["qualifier"]).replace("_", " "),
                    str(row["status"]) + (f": {row['reason']}" if row["reason"] else ""),
                    str(row["quote"]),
                ]
            )
    wrap = len(headers) - 1 if view == "claims" else 2
    return render(headers, body, fmt, wrap=wrap, width=width)
