"""Which figures ``extract`` finds in a source that no claim records, respecting the curator.

``armsref verify`` asks this of every source. A finding is recorded when a
claim of the same source, with any status, stands for it:

1. a claim that states the same figure: same system, qualifier, number(s)
   and unit (by name: ``km`` and ``kilometers`` are one unit); or else
2. a claim whose quote is the finding's own words at the same place in the
   text: a claim a curator edited (its qualifier, system, figure or variant
   corrected) or rejected still stands for the figure it was made from. Each
   such claim stands for one finding only.

So a correction never turns into a problem, while a figure no claim was ever
made from still is one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset, RangeClaim
    from armsref.extraction.pipeline import Finding

__all__ = ["claim_key", "finding_key", "standing", "unrecorded"]


def _figure_key(
    system: str | None,
    qualifier: str,
    numbers: tuple[float | None, float | None, float | None],
    unit: str,
) -> tuple[object, ...]:
    from armsref.lengths.units import unit_name

    return (system, qualifier, *numbers, unit_name(unit))


def claim_key(claim: RangeClaim) -> tuple[object, ...]:
    """What a claim states: system, qualifier, number(s), unit by name (rule 1 above)."""
    return _figure_key(
        claim.system, claim.qualifier, (claim.value, claim.low, claim.high), claim.unit
    )


def finding_key(finding: Finding) -> tuple[object, ...]:
    """What a finding states, comparable with :func:`claim_key`."""
    numbers = (finding.value, finding.low, finding.high)
    return _figure_key(finding.system_id, finding.qualifier, numbers, finding.unit)


def _places(quote: str, text: str) -> Iterable[tuple[int, int]]:
    """Every place ``quote`` occurs in ``text``."""
    start = text.find(quote)
    while start >= 0:
        yield start, start + len(quote)
        start = text.find(quote, start + 1)


def _stands_for(claim: RangeClaim, finding: Finding, text: str) -> int:
    """How well a claim's quote stands for a finding: 2 the same words at the same
    place, 1 words overlapping it, 0 not at all."""
    best = 0
    for start, end in _places(claim.quote, text):
        if (start, end) == (finding.start, finding.end):
            return 2
        if start < finding.end and finding.start < end:
            best = 1
    return best


def standing(text: str, source: str, dataset: Dataset) -> list[tuple[Finding, RangeClaim | None]]:
    """Each figure extract finds in ``text`` (one per figure stated), and the claim of
    ``source`` in ``dataset`` that stands for it, or None (see the module docstring)."""
    from armsref.extraction.pipeline import extract

    claims = list(dataset.claims_for_source(source))
    findings: dict[tuple[object, ...], Finding] = {}
    for finding in extract(text, dataset):
        findings.setdefault(finding_key(finding), finding)
    by_figure: dict[tuple[object, ...], RangeClaim] = {}
    for claim in claims:
        by_figure.setdefault(claim_key(claim), claim)
    free = [claim for claim in claims if claim_key(claim) not in findings]
    found: list[tuple[Finding, RangeClaim | None]] = []
    for key, finding in findings.items():
        if key in by_figure:
            found.append((finding, by_figure[key]))
            continue
        scored = [(_stands_for(claim, finding, text), claim) for claim in free]
        best = max((score for score, _ in scored), default=0)
        if best == 0:
            found.append((finding, None))
            continue
        chosen = next(claim for score, claim in scored if score == best)
        free.remove(chosen)
        found.append((finding, chosen))
    return found


def unrecorded(text: str, source: str, dataset: Dataset) -> list[Finding]:
    """The findings in ``text`` that no claim of ``source`` in ``dataset`` stands for.

    See the module docstring for when a claim stands for a finding.
    """
    return [finding for finding, claim in standing(text, source, dataset) if claim is None]
