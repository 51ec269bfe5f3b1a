"""``armsref show NAME``: a system's card, with every reported range and its quote.

``--json`` prints one object with the keys ``id``, ``name``, ``short``, ``kind``,
``origin``, ``designations``, ``aliases``, ``variants`` (each with ``id``,
``name``, ``designations``, ``aliases``), ``unit``, ``claims`` (each as
:func:`armsref.views.tables.claim_row` gives it), ``span`` (``low``, ``high``, ``text``, or
null), ``disagreements`` (pairs of source ids) and ``variant`` (the id of the
variant ``NAME`` names, or null).

``NAME`` may name a variant (``MIM-104F``, ``ATACMS Block 1A``): the card is its
system's, and says which variant was asked for. A name of another weapon system
the dataset knows by name only (``HIMARS``) is said to be one, with exit code 1.
"""

from __future__ import annotations

import argparse
from typing import Any

from armsref.cli.output import add_command, print_json


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
    parser.add_argument("--json", action="store_true", help="print the card as JSON")
    parser.set_defaults(run=run)


def card(system: Any, unit: str) -> dict[str, object]:
    """The card's content as a mapping with the documented keys."""
    from armsref.lengths import units
    from armsref.views.tables import claim_row

    claims = [claim_row(claim, unit) for claim in system.claims]
    span = system.range_span(unit)
    return {
        "id": system.id,
        "name": system.name,
        "short": system.short,
        "kind": system.kind,
        "origin": system.origin,
        "designations": list(system.designations),
        "aliases": list(system.aliases),
        "variants": [
            {
                "id": v.id,
                "name": v.name,
                "designations": list(v.designations),
                "aliases": list(v.aliases),
            }
            for v in system.variants
        ],
        "unit": units.unit_symbol(unit),
        "claims": claims,
        "span": None if span is None else {"low": span.low, "high": span.high, "text": str(span)},
        "disagreements": [[d.first.source, d.second.source] for d in system.disagreements()],
    }


def run(args: argparse.Namespace) -> int:
    """Print the card of the system named."""
    from armsref.dataset.loading import load
    from armsref.dataset.lookup import index

    found = index(load(args.data)).identify(args.name)
    system = found.system
    data = card(system, args.unit)
    data["variant"] = None if found.variant is None else found.variant.id
    if args.json:
        print_json(data)
        return 0
    lines = []
    if found.variant is not None:
        lines.append(f"{args.name} names the {found.variant.name} variant of {system.short}.")
    variants = "; ".join(
        v.name + (f" ({', '.join(v.designations)})" if v.designations else "")
        for v in system.variants
    )
    lines += [
        f"{system.short} — {system.name} ({system.id})",
        f"  kind:         {system.kind}",
        f"  origin:       {system.origin}",
        f"  designations: {', '.join(system.designations) or 'none established'}",
        f"  aliases:      {', '.join(system.aliases) or 'none'}",
        f"  variants:     {variants or 'none listed'}",
    ]
    claims = data["claims"]
    assert isinstance(claims, list)
    if not claims:
        lines.append("  ranges:       no range reported by any source")
    else:
        lines.append(f"  ranges ({data['unit']}):")
        for entry in claims:
            lines.append(f"    {entry['converted']:<16} {entry['source']} ({entry['file']})")
            lines.append(f"      “{entry['quote']}”")
        span = data["span"]
        assert isinstance(span, dict)
        lines.append(f"  span:         {span['text']}")
        pairs = data["disagreements"]
        assert isinstance(pairs, list)
        agreement = "; ".join(f"{a} vs {b}" for a, b in pairs) if pairs else "none"
        lines.append(f"  disagreements: {agreement}")
    print("\n".join(lines))
    return 0
