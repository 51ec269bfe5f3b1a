"""``armsref convert VALUE [UNIT] --to UNIT``: convert a length; no dataset needed.

``VALUE`` is read with the same figure grammar as ``extract``: a hedge is kept
("about 995 miles" converts to "about 1,600 km", "up to about 250 mi" to "up to
about 402 km"), and so is a span ("70-160 km" to "43.5–99.4 mi"); numbers in
words and with a scale ("1.5 thousand km") are read. Ambiguous numbers are
refused: "1,6 km", "1 600 km", "1.000 km".

``--json`` prints one object, in the README's "JSON vocabulary": ``figure``
(the figure as read, with its hedge), ``value`` and ``unit`` (as read; for a
span ``low`` and ``high`` in place of ``value``), ``qualifier`` and
``approximate`` (the hedge kept; ``exact`` when none), ``converted_figure``
(the result with its hedge, rounded as precisely as the value was given),
``converted_value`` (exact; for a span ``converted_low`` and
``converted_high``) and ``converted_unit`` (the target unit's symbol).
"""

from __future__ import annotations

import argparse
from typing import Any

from armsref.cli.output import add_command, print_json


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``convert`` subcommand."""
    parser = add_command(
        subparsers,
        common,
        "convert",
        summary="convert a length between units",
        description="Convert a length as people write it to another unit.",
        examples="armsref convert 995 mi --to km\n  armsref convert '1,600 km' --to nmi\n"
        "  armsref convert 300-kilometer --to mi --json",
    )
    parser.add_argument("value", help="a number, or a number with its unit ('1,600 km')")
    parser.add_argument("unit", nargs="?", help="the unit of VALUE, if not written with it")
    parser.add_argument("--to", required=True, metavar="UNIT", help="the unit to convert to")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(run=run)


def _as_json(
    numbers: tuple[float, ...],
    results: list[float],
    *,
    unit: str,
    symbol: str,
    prefix: str,
    stated: str,
    shown: str,
    qualifier: str,
    approximate: bool,
) -> dict[str, object]:
    """The conversion in the JSON vocabulary: as read, then ``converted_*``."""
    entry: dict[str, object] = {"figure": f"{prefix}{stated} {unit}"}
    if len(numbers) == 1:
        entry["value"] = numbers[0]
    else:
        entry["low"], entry["high"] = numbers
    entry.update(unit=unit, qualifier=qualifier, approximate=approximate)
    entry["converted_figure"] = f"{prefix}{shown} {symbol}"
    if len(results) == 1:
        entry["converted_value"] = results[0]
    else:
        entry["converted_low"], entry["converted_high"] = results
    entry["converted_unit"] = symbol
    return entry


def run(args: argparse.Namespace) -> int:
    """Convert and print."""
    from armsref.lengths import figures, hedges, precision, units

    text = f"{args.value} {args.unit}" if args.unit else args.value
    figure = figures.whole(text) if isinstance(text, str) else None
    if figure is None:
        # Not a figure the grammar reads: parse it strictly, for a precise error.
        given = units.parse_quantity(text)
        numbers: tuple[float, ...] = (float(given.magnitude),)
        source_unit, qualifier, approximate = str(given.units), "exact", False
    else:
        numbers = figure.amount.numbers
        source_unit = units.unit_name(figure.amount.unit)
        qualifier, approximate = figure.qualifier, figure.approximate
    results = [
        float(units.convert(units.registry().Quantity(n, source_unit), args.to).magnitude)
        for n in numbers
    ]
    shown = "–".join(precision.round_figure(n, source_unit, args.to) for n in numbers)
    symbol = units.unit_symbol(args.to)
    hedge = hedges.HEDGES[qualifier] if qualifier != "between" else ""
    if approximate:
        hedge = f"{hedge} about".strip()
    prefix = f"{hedge} " if hedge else ""
    stated = "–".join(precision.format_number(n) for n in numbers)
    if args.json:
        print_json(
            _as_json(
                numbers,
                results,
                unit=units.unit_symbol(source_unit),
                symbol=symbol,
                prefix=prefix,
                stated=stated,
                shown=shown,
                qualifier=qualifier,
                approximate=approximate,
            )
        )
        return 0
    exact = "–".join(precision.format_number(r, significant=7) for r in results)
    print(
        f"{prefix}{stated} {units.unit_symbol(source_unit)} = {prefix}{shown} {symbol}"
        f" (exactly {exact} {symbol})"
    )
    return 0
