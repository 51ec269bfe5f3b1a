"""``armsref convert VALUE [UNIT] --to UNIT``: convert a length; no dataset needed.

``--json`` prints ``{"value", "unit", "to", "result", "shown"}``: the value and unit
as read, the target unit's symbol, the exact result, and the result rounded as
precisely as the value was given.
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


def run(args: argparse.Namespace) -> int:
    """Convert and print."""
    from armsref.lengths import precision, units

    text = f"{args.value} {args.unit}" if args.unit else args.value
    given = units.parse_quantity(text)
    result = units.convert(given, args.to)
    source_unit = str(given.units)
    shown = precision.round_figure(float(given.magnitude), source_unit, args.to)
    symbol = units.unit_symbol(args.to)
    if args.json:
        print_json(
            {
                "value": float(given.magnitude),
                "unit": units.unit_symbol(source_unit),
                "to": symbol,
                "result": float(result.magnitude),
                "shown": shown,
            }
        )
    else:
        exact = precision.format_number(float(result.magnitude), significant=7)
        print(
            f"{precision.format_number(float(given.magnitude))} {units.unit_symbol(source_unit)}"
            f" = {shown} {symbol} (exactly {exact} {symbol})"
        )
    return 0
