"""``armsref chart [--system NAME...] [--unit U] -o ranges.svg|png``: the range chart.

For each system, every source's figure on one axis in the unit asked for,
drawn as its hedge says (a point, a band, an arrow) and labelled with its
source: see :mod:`armsref.views.chart`. Claims are chosen by status as in
``armsref table`` (``--accepted-only``, ``--all``). The format follows the
file's extension. Needs matplotlib (``pip install 'armsref[plot]'``).

Exit codes: an unknown system is 1 (not found); an unknown unit or an
extension other than ``.svg`` or ``.png`` is 2 (usage); matplotlib missing is 1.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from armsref.cli.output import add_command, add_include, include_of


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``chart`` subcommand."""
    parser = add_command(
        subparsers,
        common,
        "chart",
        summary="draw every source's range figure for each system on one axis (SVG or PNG)",
        description="Draw the range chart: one panel per system, one row per claim, a point "
        "for an exact figure, a band for 'about' and 'between', an arrow for 'above' and "
        "'up to', each labelled with its source. Needs matplotlib (armsref[plot]).",
        examples="armsref chart -o ranges.svg\n"
        "  armsref chart --system tomahawk --system ERAM --unit mi -o ranges.png",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="ranges.svg or ranges.png"
    )
    parser.add_argument(
        "--system", action="append", metavar="NAME", help="only this system; repeatable"
    )
    parser.add_argument(
        "--source",
        action="append",
        metavar="ID",
        help="only claims from this source id; repeatable",
    )
    parser.add_argument(
        "--unit", default="km", metavar="U", help="unit of the axis: km (default), mi, nmi..."
    )
    add_include(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Draw the chart into the file named."""
    from armsref.dataset.loading import load
    from armsref.errors import InputError
    from armsref.views.chart import FORMATS, chart

    fmt = Path(args.output).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise InputError(f"{args.output}: the chart is written as .svg or .png, not {fmt!r}")
    drawn = chart(
        load(args.data), args.system, args.unit, fmt, include=include_of(args), sources=args.source
    )
    Path(args.output).write_bytes(drawn)
    return 0
