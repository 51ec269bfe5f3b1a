"""A system's card: its names, every reported range with its status, source and
quote, a "cite as" line per source, the derived span, and the disagreements.

The span is not a figure any source states: it is derived, from accepted
claims only, and always said to be ("1,500–1,600 km across 2 sources").

Examples:
    >>> import armsref
    >>> card(armsref.get("tomahawk"), "km")["span"]["description"]
    '1,500–1,600 km across 2 sources'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from armsref.lengths import units

if TYPE_CHECKING:
    from armsref.dataset.models import System

__all__ = ["card", "render_card"]


def _span(system: System, unit: str) -> dict[str, object] | None:
    from armsref.lengths.compare import range_span

    accepted = [claim for claim in system.claims if claim.status == "accepted"]
    span = range_span(accepted, unit)
    if span is None:
        return None
    count = len({claim.source for claim in accepted})
    plural = "s" if count != 1 else ""
    return {
        "converted_low": span.low,
        "converted_high": span.high,
        "description": f"{span} across {count} source{plural}",
        "derived": True,
        "claim_ids": [claim.id for claim in accepted],
    }


def card(system: System, unit: str, include: str = "default") -> dict[str, object]:
    """The card's content as a mapping with stable keys.

    Keys: ``id``, ``name``, ``short``, ``kind``, ``origin``, ``designations``,
    ``aliases``, ``variants`` (each ``id``, ``name``, ``designations``,
    ``aliases``), ``converted_unit`` (the unit figures are shown in),
    ``claims`` (each :func:`armsref.views.tables.claim_row`), ``span``
    (``converted_low``, ``converted_high``, ``description``, ``derived``,
    ``claim_ids``: derived from the accepted claims; or null), ``disagreements`` (as
    :func:`armsref.views.disagreements.disagreement_rows` gives them).
    """
    from armsref.views.disagreements import system_rows
    from armsref.views.selection import visible
    from armsref.views.tables import claim_row

    claims = [claim_row(claim, unit) for claim in visible(system.claims, include)]
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
        "converted_unit": units.unit_symbol(unit),
        "claims": claims,
        "span": _span(system, unit),
        "disagreements": system_rows(system, include),
    }


def render_card(data: dict[str, object]) -> str:
    """The card as text."""
    from armsref.views.disagreements import render
    from armsref.views.selection import mark_of

    designations = data["designations"]
    aliases = data["aliases"]
    variants = data["variants"]
    assert isinstance(designations, list) and isinstance(aliases, list)
    assert isinstance(variants, list)
    named = "; ".join(
        v["name"] + (f" ({', '.join(v['designations'])})" if v["designations"] else "")
        for v in variants
    )
    lines = [
        f"{data['short']} — {data['name']} ({data['id']})",
        f"  kind:         {data['kind']}",
        f"  origin:       {data['origin']}",
        f"  designations: {', '.join(designations) or 'none established'}",
        f"  aliases:      {', '.join(aliases) or 'none'}",
        f"  variants:     {named or 'none listed'}",
    ]
    claims = data["claims"]
    assert isinstance(claims, list)
    if not claims:
        lines.append("  ranges:       no range reported by any source")
        return "\n".join(lines)
    lines.append(f"  ranges ({data['converted_unit']}):")
    for entry in claims:
        mark = mark_of(str(entry["status"]), entry["reason"])
        variant = f" (variant {entry['variant']})" if entry["variant"] else ""
        lines.append(f"    {entry['converted_figure']:<16} {entry['id']}{variant}{mark}")
        lines.append(f"      “{entry['quote']}”")
        lines.append(f"      cite as: {entry['cite']}")
    span = data["span"]
    derived = span["description"] if isinstance(span, dict) else "none (no accepted claim)"
    lines.append(f"  span (derived, not stated by a source): {derived}")
    pairs = data["disagreements"]
    assert isinstance(pairs, list)
    if pairs:
        lines.append("  disagreements:")
        lines.append(render(pairs, indent="    "))
    else:
        lines.append("  disagreements: none")
    return "\n".join(lines)
