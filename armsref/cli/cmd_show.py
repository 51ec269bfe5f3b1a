"""``armsref show NAME``: a system's card, with every reported range and its quote.

``--json`` prints one object with the keys ``id``, ``name``, ``short``, ``kind``,
``origin``, ``designations``, ``aliases``, ``variants`` (each with ``id``,
``name``, ``designations``, ``aliases``), ``converted_unit``, ``claims`` (each as
:func:`armsref.views.tables.claim_row` gives it), ``span`` (derived from the accepted
claims: ``converted_low``, ``converted_high``, ``description``, ``derived``,
``claim_ids``; or null),
``disagreements`` (see :func:`armsref.views.disagreements.disagreement_rows`) and
``variant`` (the id of the variant ``NAME`` names, or null). Claims are chosen by
status as in ``armsref table`` (``--accepted-only``, ``--all``).

``NAME`` may name a variant (``MIM-104F``, ``ATACMS Block 1A``): the card is its
system's, and says which variant was asked for. A name of another weapon system
the dataset knows by name only (``HIMARS``) is said to be one, with exit code 1.
"""

from __future__ import annotations

import argparse
from typing import Any

from armsref.cli.output import add_command, add_include, include_of, print_json


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``show`` subcommand."""
    parser = add_command(
        subparsers,
        common,
        "show",
        summary="a system's card: names, kind, every reported range with its source and quote",
        description="Show one system, looked up by any of its names, designations or aliases.",
        examples="armsref show tomahawk --unit mi\n  armsref show BGM-109\n  armsref show "
        "'army tactical missile system' --json",
    )
    parser.add_argument("name", help="any name of the system, in any case")
    parser.add_argument(
        "--unit", default="km", metavar="U", help="unit to show ranges in (default km)"
    )
    add_include(parser)
    parser.add_argument("--json", action="store_true", help="print the card as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the card of the system named."""
    from armsref.dataset.loading import load
    from armsref.dataset.lookup import index
    from armsref.views.cards import card, render_card

    found = index(load(args.data)).identify(args.name)
    system = found.system
    data = card(system, args.unit, include_of(args))
    data["variant"] = None if found.variant is None else found.variant.id
    if args.json:
        print_json(data)
        return 0
    if found.variant is not None:
        print(f"{args.name} names the {found.variant.name} variant of {system.short}.")
    print(render_card(data))
    return 0
